//! Phone numbers a text message can be sent to, checked the way GOV.UK Notify checks them.

use phonenumber::metadata::{DATABASE, Metadata};
use phonenumber::{Mode, Type, country};

use crate::recipient_error::RecipientError;
use crate::sms_country::SmsCountry;

/// Which numbers beyond UK mobiles a service may text: Notify's two service permissions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub struct Allow {
    /// UK landlines (and other UK fixed or shared numbers) may be texted.
    pub uk_landline: bool,
    /// Numbers outside the UK may be texted (Crown Dependencies count as UK).
    pub international: bool,
}

impl Allow {
    /// UK mobiles only: Notify's default for a new service.
    pub const UK_MOBILE: Allow = Allow {
        uk_landline: false,
        international: false,
    };
    /// UK mobiles and landlines.
    pub const UK_MOBILE_OR_LANDLINE: Allow = Allow {
        uk_landline: true,
        international: false,
    };
    /// UK mobiles and international numbers.
    pub const INTERNATIONAL_MOBILE: Allow = Allow {
        uk_landline: false,
        international: true,
    };
    /// Every number Notify can text.
    pub const ALL: Allow = Allow {
        uk_landline: true,
        international: true,
    };

    /// These permissions plus UK landlines.
    pub fn with_uk_landline(mut self) -> Allow {
        self.uk_landline = true;
        self
    }

    /// These permissions plus international numbers.
    pub fn with_international(mut self) -> Allow {
        self.international = true;
        self
    }
}

/// A phone number a message can be sent to, held as E.164 digits without the `+`
/// (`447700900123`), the form SMS providers take.
///
/// ```
/// use civic_notify::{Allow, PhoneNumber};
///
/// let number = PhoneNumber::parse("+44 (0)7700 900 123", Allow::UK_MOBILE).unwrap();
/// assert_eq!(number.as_str(), "447700900123");
///
/// let landline = PhoneNumber::parse("020 7946 0991", Allow::UK_MOBILE).unwrap_err();
/// assert_eq!(landline.code(), "not_a_uk_mobile");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PhoneNumber {
    normalised: String,
    country_code: u16,
    info: InternationalInfo,
    uk_landline: bool,
}

/// Where a number is and what texting it costs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct InternationalInfo {
    /// Outside Great Britain and Northern Ireland (Crown Dependencies included).
    pub international: bool,
    /// Jersey, Guernsey or the Isle of Man: a +44 number charged as international.
    pub crown_dependency: bool,
    /// The dialling prefix used for pricing: `"44"`, `"33"`, or `"1664"` for Montserrat.
    pub country_prefix: &'static str,
    /// How many UK messages one message to this number costs.
    pub rate_multiplier: u32,
}

const UK_COUNTRY_CODE: u16 = 44;

impl PhoneNumber {
    /// Reads a phone number as a resident typed it and checks the service may text it.
    ///
    /// Spaces, brackets, hyphens, a leading `+`, `00` or `0`, `(0)` and stray zero-width
    /// characters are accepted; letters are not. Premium-rate numbers are always refused.
    pub fn parse(input: &str, allow: Allow) -> Result<PhoneNumber, RecipientError> {
        let number = parse_any(input)?;
        number.validate(allow)?;
        Ok(number)
    }

    /// The number as E.164 digits without `+`: `447700900123`.
    pub fn as_str(&self) -> &str {
        &self.normalised
    }

    /// The number in E.164 form with `+`: `+447700900123`.
    pub fn e164(&self) -> String {
        format!("+{}", self.normalised)
    }

    /// Where the number is and what a message to it costs.
    pub fn international_info(&self) -> InternationalInfo {
        self.info
    }

    /// Whether the number is a UK landline (or other non-mobile UK number).
    pub fn is_uk_landline(&self) -> bool {
        self.uk_landline
    }

    fn validate(&self, allow: Allow) -> Result<(), RecipientError> {
        let uk = self.country_code == UK_COUNTRY_CODE;
        if !allow.international && !uk {
            return Err(RecipientError::NotAUkMobile);
        }
        if uk && self.uk_landline && !allow.uk_landline {
            return Err(RecipientError::NotAUkMobile);
        }
        if SmsCountry::for_prefix(&self.country_code.to_string()).is_none() {
            return Err(RecipientError::UnsupportedCountryCode);
        }
        Ok(())
    }
}

impl std::fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.normalised)
    }
}

impl serde::Serialize for PhoneNumber {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.normalised)
    }
}

/// Reads a number back (from an outbox, say) with every permission: whether the service may
/// text it was checked when it was first parsed.
impl<'de> serde::Deserialize<'de> for PhoneNumber {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        PhoneNumber::parse(&text, Allow::ALL).map_err(serde::de::Error::custom)
    }
}

impl AsRef<str> for PhoneNumber {
    fn as_ref(&self) -> &str {
        &self.normalised
    }
}

/// Whitespace Notify strips or ignores: Python's `string.whitespace`, zero-width characters
/// and the no-break space.
fn is_notify_whitespace(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\n'
            | '\r'
            | '\u{0B}'
            | '\u{0C}'
            | '\u{180E}'
            | '\u{200B}'
            | '\u{200C}'
            | '\u{200D}'
            | '\u{2060}'
            | '\u{FEFF}'
            | '\u{00A0}'
    )
}

/// Hyphens and dashes a word processor substitutes for `-`.
fn is_dash(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// Notify's `PhoneNumber(...)`: a strict parse, then one more attempt without any `+` and
/// leading zeros (`0+447700900100`, `000007700900100`, `+07700900100`).
fn parse_any(input: &str) -> Result<PhoneNumber, RecipientError> {
    let input: String = input
        .chars()
        .map(|c| if is_dash(c) { '-' } else { c })
        .collect();
    match parse_strict(&input) {
        Ok(number) => Ok(number),
        Err(_) => {
            let thorough = input.replace('+', "");
            parse_strict(thorough.trim_start_matches('0'))
        }
    }
}

fn parse_strict(input: &str) -> Result<PhoneNumber, RecipientError> {
    if input
        .chars()
        .any(|c| !(c.is_ascii_digit() || "()-+".contains(c) || is_notify_whitespace(c)))
    {
        return Err(RecipientError::UnknownCharacter);
    }
    if input.is_empty() {
        return Err(RecipientError::TooShort);
    }
    // Python's parser skips any leading and trailing junk; this one needs it trimmed, and
    // reads only plain spaces between the digits.
    let spaced: String = input
        .chars()
        .map(|c| if is_notify_whitespace(c) { ' ' } else { c })
        .collect();
    let cleaned = spaced.trim();
    let mut number = phonenumber::parse(Some(country::Id::GB), cleaned)
        .map_err(|_| RecipientError::InvalidNumber)?;

    let reason = possible_with_reason(&number);
    if reason != Possible::Yes {
        // A spreadsheet may have dropped the `+` from an international number.
        match phonenumber::parse(None, format!("+{cleaned}")) {
            Ok(forced) if possible_with_reason(&forced).is_possible() => number = forced,
            _ => return Err(reason.error()),
        }
    }

    let kind = number.number_type(&DATABASE);
    let allowed = matches!(
        kind,
        Type::FixedLine | Type::Mobile | Type::FixedLineOrMobile | Type::Uan | Type::PersonalNumber
    );
    let tv = is_tv_number(&number);
    if !(tv || (number.is_valid() && allowed)) {
        return Err(RecipientError::InvalidNumber);
    }

    let normalised = number.format().mode(Mode::E164).to_string();
    let normalised = normalised.trim_start_matches('+').to_owned();
    let code = number.code().value();
    let region = number.country().id();
    let in_gb = region == Some(country::Id::GB) || tv;
    let uk = code == UK_COUNTRY_CODE;
    let prefix = pricing_prefix(&normalised, code);
    let rate_multiplier = if in_gb {
        1
    } else {
        SmsCountry::for_prefix(prefix).map_or(1, |country| country.rate_multiplier)
    };
    Ok(PhoneNumber {
        info: InternationalInfo {
            international: !in_gb,
            crown_dependency: uk && !in_gb,
            country_prefix: prefix,
            rate_multiplier,
        },
        country_code: code,
        uk_landline: uk && matches!(kind, Type::FixedLine | Type::FixedLineOrMobile | Type::Uan),
        normalised,
    })
}

/// The prefix Notify prices by: the country code, or for North America the four digits that
/// name a Caribbean country with its own rate.
fn pricing_prefix(normalised: &str, code: u16) -> &'static str {
    let with_area = if code == 1 { normalised.get(..4) } else { None };
    if let Some(country) = with_area.and_then(SmsCountry::for_prefix) {
        return country.prefix;
    }
    let code = code.to_string();
    SmsCountry::for_prefix(&code).map_or("", |country| country.prefix)
}

/// Ofcom's drama numbers (07700 900000 to 900999), which the metadata calls invalid but
/// Notify accepts so services can test with them. Notify's check is a regex character class
/// that in effect accepts any national number starting `7700` and a digit.
fn is_tv_number(number: &phonenumber::PhoneNumber) -> bool {
    let national = number.national().value().to_string();
    national.len() > 4 && national.starts_with("7700")
}

/// libphonenumber's `is_possible_number_with_reason`, which the Rust crate does not expose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Possible {
    Yes,
    LocalOnly,
    InvalidCountryCode,
    TooShort,
    InvalidLength,
    TooLong,
}

impl Possible {
    fn is_possible(self) -> bool {
        matches!(self, Possible::Yes | Possible::LocalOnly)
    }

    /// Notify's `from_phonenumbers_validation_result`.
    fn error(self) -> RecipientError {
        match self {
            Possible::TooLong => RecipientError::TooLong,
            Possible::TooShort | Possible::LocalOnly => RecipientError::TooShort,
            Possible::InvalidCountryCode => RecipientError::UnsupportedCountryCode,
            Possible::Yes | Possible::InvalidLength => RecipientError::InvalidNumber,
        }
    }
}

fn main_metadata(code: u16) -> Option<&'static Metadata> {
    let all = DATABASE.by_code(&code)?;
    all.iter()
        .find(|meta| meta.is_main_country_for_code())
        .or_else(|| all.first())
        .copied()
}

/// The lengths a number of any type can have, and those only diallable locally.
/// libphonenumber's build step writes these into the general description; this crate's
/// metadata leaves them empty, so they are gathered from the type descriptions the same way
/// (all types except "no international dialling").
fn general_lengths(meta: &Metadata) -> (Vec<u16>, Vec<u16>) {
    let descriptors = meta.descriptors();
    let kinds = [
        descriptors.fixed_line(),
        descriptors.mobile(),
        descriptors.toll_free(),
        descriptors.premium_rate(),
        descriptors.shared_cost(),
        descriptors.personal_number(),
        descriptors.voip(),
        descriptors.pager(),
        descriptors.uan(),
        descriptors.voicemail(),
    ];
    let mut possible = std::collections::BTreeSet::new();
    let mut local = std::collections::BTreeSet::new();
    for descriptor in kinds.into_iter().flatten() {
        possible.extend(descriptor.possible_length().iter().copied());
        local.extend(descriptor.possible_local_length().iter().copied());
    }
    let local = local.difference(&possible).copied().collect();
    (possible.into_iter().collect(), local)
}

fn possible_with_reason(number: &phonenumber::PhoneNumber) -> Possible {
    let Some(meta) = main_metadata(number.code().value()) else {
        return Possible::InvalidCountryCode;
    };
    let national = number.national();
    let length = national.value().to_string().len() + usize::from(national.zeros());
    let length = u16::try_from(length).unwrap_or(u16::MAX);
    let (possible, local) = general_lengths(meta);
    let (Some(&minimum), Some(&maximum)) = (possible.first(), possible.last()) else {
        return Possible::InvalidLength;
    };
    if local.contains(&length) {
        Possible::LocalOnly
    } else if length == minimum {
        Possible::Yes
    } else if length < minimum {
        Possible::TooShort
    } else if length > maximum {
        Possible::TooLong
    } else if possible.contains(&length) {
        Possible::Yes
    } else {
        Possible::InvalidLength
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn uk_mobile_in_many_shapes() {
        for input in [
            "07700900123",
            "+44 7700 900123",
            "0044 (0)7700-900-123",
            "7700900123",
        ] {
            assert_eq!(
                PhoneNumber::parse(input, Allow::UK_MOBILE)
                    .unwrap()
                    .as_str(),
                "447700900123"
            );
        }
    }

    #[test]
    fn landline_needs_the_permission() {
        let error = PhoneNumber::parse("0117 496 0860", Allow::UK_MOBILE).unwrap_err();
        assert_eq!(error, RecipientError::NotAUkMobile);
        let number = PhoneNumber::parse("0117 496 0860", Allow::UK_MOBILE_OR_LANDLINE).unwrap();
        assert!(number.is_uk_landline());
    }

    #[test]
    fn international_needs_the_permission() {
        assert_eq!(
            PhoneNumber::parse("+33 1 22 33 44 55", Allow::UK_MOBILE).unwrap_err(),
            RecipientError::NotAUkMobile
        );
        let number = PhoneNumber::parse("+33 1 22 33 44 55", Allow::ALL).unwrap();
        assert_eq!(number.international_info().rate_multiplier, 2);
    }

    #[test]
    fn premium_rate_is_refused_whatever_the_permissions() {
        assert_eq!(
            PhoneNumber::parse("0900 123 4567", Allow::ALL).unwrap_err(),
            RecipientError::InvalidNumber
        );
    }

    #[test]
    fn letters_are_refused() {
        assert_eq!(
            PhoneNumber::parse("07700 9OO 123", Allow::ALL).unwrap_err(),
            RecipientError::UnknownCharacter
        );
    }

    proptest! {
        #[test]
        fn never_panics(input in "\\PC{0,40}") {
            let _ = PhoneNumber::parse(&input, Allow::ALL);
        }

        #[test]
        fn never_panics_on_digit_soup(input in "[0-9+() -]{0,30}") {
            if let Ok(number) = PhoneNumber::parse(&input, Allow::ALL) {
                prop_assert!(number.as_str().bytes().all(|b| b.is_ascii_digit()));
            }
        }
    }
}
