//! Every sentence civic-notify may show a resident, in English and in Welsh.
//!
//! The English wording is GOV.UK Notify's own, so a council that moves between Notify and
//! civic shows residents the same words.

use crate::language::Language;

/// One piece of text a resident may see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Message {
    /// The digits do not form a number anyone can be reached on.
    PhoneInvalidNumber,
    /// More digits than any number of that kind has.
    PhoneTooLong,
    /// Fewer digits than any number of that kind has.
    PhoneTooShort,
    /// A landline or an overseas number where only UK mobiles are allowed.
    PhoneNotAUkMobile,
    /// Letters or symbols in a phone number.
    PhoneUnknownCharacter,
    /// A country that text messages cannot be sent to.
    PhoneUnsupportedCountryCode,
    /// 999 or 112 given as a service's contact number.
    PhoneEmergencyNumber,
    /// An email address that mail cannot be delivered to.
    EmailInvalid,
    /// "Page" in a letter's page number ("Page 2 of 3").
    LetterPage,
    /// "of" in a letter's page number ("Page 2 of 3").
    LetterPageOf,
}

impl Message {
    /// The text in `language`.
    pub fn text(self, language: Language) -> &'static str {
        match language {
            Language::Welsh => self.welsh(),
            _ => self.english(),
        }
    }

    fn english(self) -> &'static str {
        match self {
            Message::PhoneInvalidNumber => {
                "Number is not valid \u{2013} double check the phone number you entered"
            }
            Message::PhoneTooLong => "Mobile number is too long",
            Message::PhoneTooShort => "Mobile number is too short",
            Message::PhoneNotAUkMobile => {
                "This does not look like a UK mobile number \u{2013} double check the mobile number you entered"
            }
            Message::PhoneUnknownCharacter => {
                "Mobile numbers can only include: 0 1 2 3 4 5 6 7 8 9 ( ) + -"
            }
            Message::PhoneUnsupportedCountryCode => {
                "Country code not found - double check the mobile number you entered"
            }
            Message::PhoneEmergencyNumber => "Phone number cannot be an emergency number",
            Message::EmailInvalid => "Not a valid email address",
            Message::LetterPage => "Page",
            Message::LetterPageOf => "of",
        }
    }

    fn welsh(self) -> &'static str {
        match self {
            Message::PhoneInvalidNumber => {
                "Nid yw\u{2019}r rhif yn ddilys \u{2013} gwiriwch y rhif ffôn a roesoch"
            }
            Message::PhoneTooLong => "Mae\u{2019}r rhif ffôn symudol yn rhy hir",
            Message::PhoneTooShort => "Mae\u{2019}r rhif ffôn symudol yn rhy fyr",
            Message::PhoneNotAUkMobile => {
                "Nid yw hwn yn edrych fel rhif ffôn symudol yn y DU \u{2013} gwiriwch y rhif ffôn symudol a roesoch"
            }
            Message::PhoneUnknownCharacter => {
                "Gall rhifau ffôn symudol gynnwys y canlynol yn unig: 0 1 2 3 4 5 6 7 8 9 ( ) + -"
            }
            Message::PhoneUnsupportedCountryCode => {
                "Heb ddod o hyd i\u{2019}r cod gwlad - gwiriwch y rhif ffôn symudol a roesoch"
            }
            Message::PhoneEmergencyNumber => "Ni all y rhif ffôn fod yn rhif argyfwng",
            Message::EmailInvalid => "Nid yw\u{2019}n gyfeiriad e-bost dilys",
            Message::LetterPage => "Tudalen",
            Message::LetterPageOf => "o",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Message; 10] = [
        Message::PhoneInvalidNumber,
        Message::PhoneTooLong,
        Message::PhoneTooShort,
        Message::PhoneNotAUkMobile,
        Message::PhoneUnknownCharacter,
        Message::PhoneUnsupportedCountryCode,
        Message::PhoneEmergencyNumber,
        Message::EmailInvalid,
        Message::LetterPage,
        Message::LetterPageOf,
    ];

    #[test]
    fn every_message_has_a_different_welsh_text() {
        for message in ALL {
            let english = message.text(Language::English);
            let welsh = message.text(Language::Welsh);
            assert!(!english.is_empty() && !welsh.is_empty());
            assert_ne!(english, welsh, "{message:?} is not translated");
        }
    }
}
