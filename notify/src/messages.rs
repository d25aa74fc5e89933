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
    /// A letter's address has fewer than 3 lines.
    AddressTooFewLines,
    /// A letter's address has more than 7 lines.
    AddressTooManyLines,
    /// A BFPO address that also names a country.
    AddressBfpoWithCountry,
    /// The last line of an address is not a real UK postcode (letters abroad not allowed).
    AddressNotAUkPostcode,
    /// The last line of an address is neither a real UK postcode nor a country.
    AddressNotAPostcodeOrCountry,
    /// An address line starts with a character printers cannot take there.
    AddressInvalidFirstCharacter,
    /// "No fixed abode" or "NFA" given as an address.
    AddressNoFixedAbode,
    /// The first or second address line has no letter or number.
    AddressFirstLinesNeedLettersOrNumbers,
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
            Message::AddressTooFewLines => "Address must be at least 3 lines",
            Message::AddressTooManyLines => "Address must be no more than 7 lines",
            Message::AddressBfpoWithCountry => {
                "The last line of a BFPO address must not be a country."
            }
            Message::AddressNotAUkPostcode => "Must be a real UK postcode",
            Message::AddressNotAPostcodeOrCountry => {
                "Last line of address must be a real UK postcode or another country"
            }
            // Notify's sentence, with the `~` its check also refuses.
            Message::AddressInvalidFirstCharacter => {
                "Address lines must not start with any of the following characters: @ ( ) = [ ] \u{201D} \\ / , < > ~"
            }
            Message::AddressNoFixedAbode => "Must be a real address",
            Message::AddressFirstLinesNeedLettersOrNumbers => {
                "The first 2 lines of the address must both include at least one alphanumeric character"
            }
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
            Message::AddressTooFewLines => "Rhaid i\u{2019}r cyfeiriad fod yn o leiaf 3 llinell",
            Message::AddressTooManyLines => "Ni all y cyfeiriad fod yn fwy na 7 llinell",
            Message::AddressBfpoWithCountry => "Ni ddylai llinell olaf cyfeiriad BFPO fod yn wlad.",
            Message::AddressNotAUkPostcode => "Rhaid iddo fod yn god post go iawn yn y DU",
            Message::AddressNotAPostcodeOrCountry => {
                "Rhaid i linell olaf y cyfeiriad fod yn god post go iawn yn y DU neu\u{2019}n wlad arall"
            }
            Message::AddressInvalidFirstCharacter => {
                "Ni ddylai llinellau\u{2019}r cyfeiriad ddechrau ag unrhyw un o\u{2019}r nodau canlynol: @ ( ) = [ ] \u{201D} \\ / , < > ~"
            }
            Message::AddressNoFixedAbode => "Rhaid iddo fod yn gyfeiriad go iawn",
            Message::AddressFirstLinesNeedLettersOrNumbers => {
                "Rhaid i 2 linell gyntaf y cyfeiriad gynnwys o leiaf un llythyren neu rif yr un"
            }
            Message::LetterPage => "Tudalen",
            Message::LetterPageOf => "o",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Message; 18] = [
        Message::PhoneInvalidNumber,
        Message::PhoneTooLong,
        Message::PhoneTooShort,
        Message::PhoneNotAUkMobile,
        Message::PhoneUnknownCharacter,
        Message::PhoneUnsupportedCountryCode,
        Message::PhoneEmergencyNumber,
        Message::EmailInvalid,
        Message::AddressTooFewLines,
        Message::AddressTooManyLines,
        Message::AddressBfpoWithCountry,
        Message::AddressNotAUkPostcode,
        Message::AddressNotAPostcodeOrCountry,
        Message::AddressInvalidFirstCharacter,
        Message::AddressNoFixedAbode,
        Message::AddressFirstLinesNeedLettersOrNumbers,
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
