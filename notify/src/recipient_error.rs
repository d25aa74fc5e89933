//! Why a phone number or email address was refused.

use crate::language::Language;
use crate::messages::Message;

/// Why a phone number or an email address cannot be sent to.
///
/// `Display` gives GOV.UK Notify's message in English; [`RecipientError::message`] gives it
/// in the resident's language, and [`RecipientError::code`] the stable code Notify uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum RecipientError {
    /// The digits do not form a number anyone can be reached on (or it is premium rate).
    #[error("{}", Message::PhoneInvalidNumber.text(Language::English))]
    InvalidNumber,
    /// Too many digits.
    #[error("{}", Message::PhoneTooLong.text(Language::English))]
    TooLong,
    /// Too few digits.
    #[error("{}", Message::PhoneTooShort.text(Language::English))]
    TooShort,
    /// A valid number, but the service may only text UK mobiles (or UK numbers).
    #[error("{}", Message::PhoneNotAUkMobile.text(Language::English))]
    NotAUkMobile,
    /// Letters or symbols other than spaces, brackets, `+` and `-`.
    #[error("{}", Message::PhoneUnknownCharacter.text(Language::English))]
    UnknownCharacter,
    /// A country text messages cannot be sent to.
    #[error("{}", Message::PhoneUnsupportedCountryCode.text(Language::English))]
    UnsupportedCountryCode,
    /// 999 or 112.
    #[error("{}", Message::PhoneEmergencyNumber.text(Language::English))]
    EmergencyNumber,
    /// Not an email address mail can be delivered to.
    #[error("{}", Message::EmailInvalid.text(Language::English))]
    InvalidEmail,
}

impl RecipientError {
    /// Notify's code for the error (`"too_long"`, `"not_a_uk_mobile"`, `"invalid_email"`).
    pub fn code(self) -> &'static str {
        match self {
            RecipientError::InvalidNumber => "invalid_number",
            RecipientError::TooLong => "too_long",
            RecipientError::TooShort => "too_short",
            RecipientError::NotAUkMobile => "not_a_uk_mobile",
            RecipientError::UnknownCharacter => "unknown_character",
            RecipientError::UnsupportedCountryCode => "unsupported_country_code",
            RecipientError::EmergencyNumber => "unsupported_emergency_number",
            RecipientError::InvalidEmail => "invalid_email",
        }
    }

    /// The message a resident sees, in their language.
    pub fn message(self, language: Language) -> &'static str {
        self.as_message().text(language)
    }

    /// The shorter message Notify's v2 API has always returned for this error, for clients
    /// that match on it.
    pub fn legacy_api_message(self) -> &'static str {
        match self {
            RecipientError::TooLong => "Too many digits",
            RecipientError::TooShort => "Not enough digits",
            RecipientError::NotAUkMobile => "Not a UK mobile number",
            RecipientError::UnknownCharacter => "Must not contain letters or symbols",
            RecipientError::UnsupportedCountryCode => "Not a valid country prefix",
            other => other.message(Language::English),
        }
    }

    /// Whether the address itself is fine and only the service's permissions refuse it, so
    /// asking for the permission (not a different number) is the fix.
    pub fn is_permission(self) -> bool {
        matches!(self, RecipientError::NotAUkMobile)
    }

    fn as_message(self) -> Message {
        match self {
            RecipientError::InvalidNumber => Message::PhoneInvalidNumber,
            RecipientError::TooLong => Message::PhoneTooLong,
            RecipientError::TooShort => Message::PhoneTooShort,
            RecipientError::NotAUkMobile => Message::PhoneNotAUkMobile,
            RecipientError::UnknownCharacter => Message::PhoneUnknownCharacter,
            RecipientError::UnsupportedCountryCode => Message::PhoneUnsupportedCountryCode,
            RecipientError::EmergencyNumber => Message::PhoneEmergencyNumber,
            RecipientError::InvalidEmail => Message::EmailInvalid,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_is_notifys_english_message() {
        assert_eq!(
            RecipientError::TooLong.to_string(),
            "Mobile number is too long"
        );
        assert_eq!(
            RecipientError::TooLong.legacy_api_message(),
            "Too many digits"
        );
        assert_ne!(
            RecipientError::TooLong.message(Language::Welsh),
            "Mobile number is too long"
        );
    }
}
