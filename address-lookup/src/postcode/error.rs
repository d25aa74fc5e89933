//! Why a postcode did not parse.

use crate::messages::{self, Language};

/// Why some text is not a UK postcode.
///
/// [`Display`](std::fmt::Display) says exactly what was wrong, for developers and logs (it
/// never repeats the input, which may be personal data); [`PostcodeError::message`] gives the
/// words a resident is shown, which are GOV.UK's "Enter a full UK postcode" whatever the cause.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PostcodeError {
    /// Nothing but spaces and punctuation was given.
    #[error("no postcode was given")]
    Empty,
    /// A character that can never be part of a postcode.
    #[error("{0:?} cannot appear in a postcode")]
    InvalidCharacter(char),
    /// Too few or too many letters and numbers for a full postcode.
    #[error("a full postcode has 5 to 7 letters and numbers, not {found}")]
    WrongLength {
        /// How many letters and numbers were found.
        found: usize,
    },
    /// The last three characters are not a number followed by two letters.
    #[error("a postcode ends with a number and two letters, as in 2AA")]
    Inward,
    /// The first part is not one of the shapes A9, A99, A9A, AA9, AA99 or AA9A.
    #[error("the first part of a postcode is shaped A9, A99, A9A, AA9, AA99 or AA9A")]
    OutwardShape,
    /// A letter in a position where the postcode rules never allow it.
    #[error("the letter {letter} is never used as character {position} of a postcode")]
    LetterNotAllowed {
        /// The letter.
        letter: char,
        /// Its position, counting from 1 and ignoring spaces.
        position: usize,
    },
    /// `BFPO` not followed by a number of 1 to 4 digits.
    #[error("a BFPO number is BFPO followed by 1 to 4 digits")]
    Bfpo,
}

impl PostcodeError {
    /// The words a resident is shown: GOV.UK's "Enter a full UK postcode".
    pub fn message(&self, language: Language) -> &'static str {
        messages::enter_full_postcode(language)
    }
}
