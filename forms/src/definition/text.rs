//! Languages a form is offered in, and the form's own text in each of them.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

/// A language a form can be offered in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Language {
    /// English.
    En,
    /// Welsh (Cymraeg).
    Cy,
}

impl Language {
    /// The language's code as used in `lang` attributes and in definitions: `en` or `cy`.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Cy => "cy",
        }
    }

    /// The language's name in English, for messages to form authors.
    pub fn english_name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Cy => "Welsh",
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Text a form shows to residents: one English string, or the text in each language offered.
///
/// In a definition file either form is accepted:
///
/// ```yaml
/// label: What is your name?
/// hint:
///   en: As it appears on your passport
///   cy: Fel y mae'n ymddangos ar eich pasbort
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Text {
    /// English only.
    Plain(String),
    /// The text in each language.
    Translated(Translations),
}

/// The same text in each language a form offers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Translations {
    /// English.
    pub en: String,
    /// Welsh.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cy: Option<String>,
}

impl Text {
    /// English text only.
    pub fn new(english: impl Into<String>) -> Self {
        Text::Plain(english.into())
    }

    /// English and Welsh text.
    pub fn bilingual(english: impl Into<String>, welsh: impl Into<String>) -> Self {
        Text::Translated(Translations {
            en: english.into(),
            cy: Some(welsh.into()),
        })
    }

    /// The text in `language`, if the definition gives it.
    pub fn get(&self, language: Language) -> Option<&str> {
        match (self, language) {
            (Text::Plain(text), Language::En) => Some(text),
            (Text::Plain(_), _) => None,
            (Text::Translated(t), Language::En) => Some(&t.en),
            (Text::Translated(t), Language::Cy) => t.cy.as_deref(),
        }
    }

    /// The text in `language`, falling back to English when it is missing (`check` reports that).
    pub fn in_language(&self, language: Language) -> &str {
        self.get(language).unwrap_or_else(|| self.english())
    }

    /// The English text.
    pub fn english(&self) -> &str {
        match self {
            Text::Plain(text) => text,
            Text::Translated(t) => &t.en,
        }
    }
}

impl From<&str> for Text {
    fn from(english: &str) -> Self {
        Text::new(english)
    }
}

impl From<String> for Text {
    fn from(english: String) -> Self {
        Text::Plain(english)
    }
}

// Hand-written rather than `#[serde(untagged)]` so that an unknown key inside `{en, cy}` is
// reported as such, with its path, instead of "did not match any variant".
impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("text, or a map of text per language like {en: ..., cy: ...}")
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<Text, E> {
                Ok(Text::Plain(value.to_owned()))
            }
            fn visit_string<E: de::Error>(self, value: String) -> Result<Text, E> {
                Ok(Text::Plain(value))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Text, A::Error> {
                Translations::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(Text::Translated)
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}

/// The schema `Text` accepts, derived from the same two shapes.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum TextSchema {
    Plain(String),
    Translated(Translations),
}

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut schema = TextSchema::json_schema(generator);
        schema.insert(
            "description".into(),
            "Text shown to residents: an English string, or {en, cy} with the text in each language the form offers."
                .into(),
        );
        schema
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_english_only() {
        let text: Text = serde_json::from_str("\"Your name\"").unwrap();
        assert_eq!(text.get(Language::En), Some("Your name"));
        assert_eq!(text.get(Language::Cy), None);
        assert_eq!(text.in_language(Language::Cy), "Your name");
    }

    #[test]
    fn translated_text_gives_each_language() {
        let text: Text = serde_json::from_str(r#"{"en": "Name", "cy": "Enw"}"#).unwrap();
        assert_eq!(text, Text::bilingual("Name", "Enw"));
        assert_eq!(text.get(Language::Cy), Some("Enw"));
    }

    #[test]
    fn an_unknown_language_key_is_named() {
        let error = serde_json::from_str::<Text>(r#"{"en": "Name", "fr": "Nom"}"#).unwrap_err();
        assert!(error.to_string().contains("unknown field `fr`"), "{error}");
    }

    #[test]
    fn text_round_trips_through_serde() {
        for text in [Text::new("a"), Text::bilingual("a", "b")] {
            let json = serde_json::to_string(&text).unwrap();
            assert_eq!(serde_json::from_str::<Text>(&json).unwrap(), text);
        }
    }
}
