//! The languages a resident can choose to be written to in.

use serde::{Deserialize, Serialize};

/// A language a message, a hint or an error can be shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Language {
    /// English (`en`).
    #[default]
    English,
    /// Welsh, Cymraeg (`cy`).
    Welsh,
}

impl Language {
    /// The language's ISO 639-1 code, for `lang` attributes and `Content-Language`.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Welsh => "cy",
        }
    }
}
