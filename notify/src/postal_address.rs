//! Postal addresses for letters, checked and tidied as GOV.UK Notify checks them
//! (`PostalAddress` in notifications-utils): 3 to 7 lines, the last a real UK postcode, a
//! BFPO number or (when the service may send abroad) a country; no line starting with a
//! character a printer or a franking machine could misread; never "no fixed abode".

use std::fmt;

use crate::country::{Country, Postage};
use crate::formatters::{
    is_python_space, normalise_whitespace, remove_whitespace_before_punctuation, split_lines,
};
use crate::language::Language;
use crate::letter_postcode::format_postcode_or_none;
use crate::messages::Message;
use crate::personalisation::Personalisation;

/// The fewest lines an address may have.
pub const MIN_ADDRESS_LINES: usize = 3;
/// The most lines an address may have.
pub const MAX_ADDRESS_LINES: usize = 7;

/// Characters no address line may start with (Notify's
/// `INVALID_CHARACTERS_AT_START_OF_ADDRESS_LINE`).
const INVALID_FIRST_CHARACTERS: &str = "@()=[]\"\\/,<>~";

/// Whether a service may send letters abroad (a permission in Notify).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum InternationalLetters {
    /// Only to the UK (and BFPO): a country on the last line is refused.
    #[default]
    NotAllowed,
    /// Abroad too: a country on the last line is accepted.
    Allowed,
}

/// Why an address cannot be printed on a letter.
///
/// `Display` gives GOV.UK Notify's message in English; [`PostalAddressError::message`] gives
/// it in English or Welsh.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum PostalAddressError {
    /// Fewer than 3 lines.
    #[error("{}", Message::AddressTooFewLines.text(Language::English))]
    TooFewLines,
    /// More than 7 lines.
    #[error("{}", Message::AddressTooManyLines.text(Language::English))]
    TooManyLines,
    /// A BFPO address that also names a country.
    #[error("{}", Message::AddressBfpoWithCountry.text(Language::English))]
    BfpoWithCountry,
    /// The last line is not a real UK postcode or BFPO number (and letters abroad are not
    /// allowed).
    #[error("{}", Message::AddressNotAUkPostcode.text(Language::English))]
    NotAUkPostcode,
    /// The last line is neither a real UK postcode, a BFPO number nor a country.
    #[error("{}", Message::AddressNotAPostcodeOrCountry.text(Language::English))]
    NotAPostcodeOrCountry,
    /// A line starts with one of `@ ( ) = [ ] " \ / , < > ~`.
    #[error("{}", Message::AddressInvalidFirstCharacter.text(Language::English))]
    InvalidFirstCharacter,
    /// "No fixed abode", "no fixed address" or a line that is just "NFA".
    #[error("{}", Message::AddressNoFixedAbode.text(Language::English))]
    NoFixedAbode,
    /// The first or second line has no letter or number in it.
    #[error("{}", Message::AddressFirstLinesNeedLettersOrNumbers.text(Language::English))]
    FirstLinesNeedLettersOrNumbers,
}

impl PostalAddressError {
    /// The message in `language`.
    pub fn message(self, language: Language) -> &'static str {
        self.as_message().text(language)
    }

    /// Whether the address could be right and only the service's permission refuses it (a
    /// country on the last line, without [`InternationalLetters::Allowed`]).
    pub fn is_permission(self, check: &AddressCheck) -> bool {
        self == PostalAddressError::NotAUkPostcode && check.is_international()
    }

    fn as_message(self) -> Message {
        match self {
            PostalAddressError::TooFewLines => Message::AddressTooFewLines,
            PostalAddressError::TooManyLines => Message::AddressTooManyLines,
            PostalAddressError::BfpoWithCountry => Message::AddressBfpoWithCountry,
            PostalAddressError::NotAUkPostcode => Message::AddressNotAUkPostcode,
            PostalAddressError::NotAPostcodeOrCountry => Message::AddressNotAPostcodeOrCountry,
            PostalAddressError::InvalidFirstCharacter => Message::AddressInvalidFirstCharacter,
            PostalAddressError::NoFixedAbode => Message::AddressNoFixedAbode,
            PostalAddressError::FirstLinesNeedLettersOrNumbers => {
                Message::AddressFirstLinesNeedLettersOrNumbers
            }
        }
    }
}

/// Everything Notify works out about an address, valid or not: its tidied lines, postcode,
/// country, postage, BFPO number, and each rule it passes or fails. A staff page can show
/// exactly what is wrong; [`AddressCheck::into_address`] gives the [`PostalAddress`] when
/// nothing is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddressCheck {
    international_letters: InternationalLetters,
    /// The lines, with the BFPO line, trailing UK country lines and a country taken off.
    lines: Vec<String>,
    bfpo_number: Option<String>,
    country: Country,
    postcode: Option<String>,
}

impl AddressCheck {
    /// Checks an address written as text, one line per line (blank lines, surplus spaces and
    /// trailing commas are ignored).
    pub fn new(text: &str, international_letters: InternationalLetters) -> AddressCheck {
        let mut lines: Vec<String> = split_lines(text)
            .into_iter()
            .map(normalise_whitespace)
            .filter_map(|line| {
                let trimmed = line.trim_end_matches([' ', ',']);
                (!trimmed.is_empty()).then(|| remove_whitespace_before_punctuation(trimmed))
            })
            .collect();
        if lines.is_empty() {
            lines.push(String::new());
        }
        let bfpo_number = lines.iter().find_map(|line| bfpo_line(line).flatten());
        if bfpo_number.is_some() {
            lines.retain(|line| bfpo_line(line).is_none());
        }
        let trailing_uk = trailing_uk_countries(&lines);
        let country = lines.last().and_then(|line| Country::find(line));
        if country.is_some() {
            lines.truncate(lines.len().saturating_sub(trailing_uk.max(1)));
        }
        let country = country.unwrap_or_else(Country::united_kingdom);
        let postcode = if country.postage() == Postage::UnitedKingdom {
            lines.last().and_then(|line| format_postcode_or_none(line))
        } else {
            None
        };
        AddressCheck {
            international_letters,
            lines,
            bfpo_number,
            country,
            postcode,
        }
    }

    /// Checks an address given as its lines.
    pub fn from_lines(
        lines: &[impl AsRef<str>],
        international_letters: InternationalLetters,
    ) -> AddressCheck {
        let text: Vec<&str> = lines.iter().map(AsRef::as_ref).collect();
        AddressCheck::new(&text.join("\n"), international_letters)
    }

    /// Checks the address in a letter's values as Notify's API takes it: `address_line_1` to
    /// `address_line_6`, then `address_line_7` or, without it, `postcode`.
    pub fn from_personalisation(
        values: &Personalisation,
        international_letters: InternationalLetters,
    ) -> AddressCheck {
        let last = if values.get("address_line_7").is_some() {
            "address_line_7"
        } else {
            "postcode"
        };
        let lines: Vec<String> = (1..=6)
            .map(|n| format!("address_line_{n}"))
            .chain(std::iter::once(last.to_owned()))
            .map(|key| values.get(&key).map(|v| v.to_string()).unwrap_or_default())
            .collect();
        AddressCheck::from_lines(&lines, international_letters)
    }

    /// The address as it would be printed: tidied lines, the postcode formatted for Royal
    /// Mail, then `BFPO n` or the country's name where there is one.
    pub fn normalised_lines(&self) -> Vec<String> {
        let mut lines = self.lines.clone();
        let international = self.is_international();
        if let (Some(postcode), false) = (&self.postcode, international) {
            lines.pop();
            lines.push(postcode.clone());
        }
        if let Some(number) = &self.bfpo_number {
            lines.push(format!("BFPO {number}"));
        }
        if international {
            lines.push(self.country.name().to_owned());
        }
        lines
    }

    /// The printed lines joined with commas, for one line of a list.
    pub fn as_single_line(&self) -> String {
        self.normalised_lines().join(", ")
    }

    /// The printed lines without the postcode and the `BFPO n` line, or `None` when this is
    /// not a BFPO address.
    pub fn bfpo_address_lines(&self) -> Option<Vec<String>> {
        self.bfpo_number.as_ref()?;
        let mut lines = self.normalised_lines();
        let drop = if self.postcode.is_some() { 2 } else { 1 };
        lines.truncate(lines.len().saturating_sub(drop));
        Some(lines)
    }

    /// The real UK postcode on the last line, formatted for Royal Mail (`SW1A 1AA`).
    pub fn postcode(&self) -> Option<&str> {
        self.postcode.as_deref()
    }

    /// The country: the one named on the last line, or the United Kingdom.
    pub fn country(&self) -> Country {
        self.country
    }

    /// The postage the letter needs.
    pub fn postage(&self) -> Postage {
        self.country.postage()
    }

    /// Whether the letter goes abroad.
    pub fn is_international(&self) -> bool {
        self.postage() != Postage::UnitedKingdom
    }

    /// The British Forces Post Office number, without leading zeros, when this is a BFPO
    /// address. (Only the digits 0 to 9 are read as one.)
    pub fn bfpo_number(&self) -> Option<&str> {
        self.bfpo_number.as_deref()
    }

    /// Whether this is a BFPO address.
    pub fn is_bfpo(&self) -> bool {
        self.bfpo_number.is_some()
    }

    fn line_count(&self) -> usize {
        split_lines(&self.normalised_lines().join("\n")).len()
    }

    /// At least 3 lines.
    pub fn has_enough_lines(&self) -> bool {
        self.line_count() >= MIN_ADDRESS_LINES
    }

    /// More than 7 lines.
    pub fn has_too_many_lines(&self) -> bool {
        self.line_count() > MAX_ADDRESS_LINES
    }

    /// The last line is a real UK postcode, a BFPO number (without a country), or a country
    /// when letters abroad are allowed.
    pub fn has_valid_last_line(&self) -> bool {
        let international = self.is_international();
        (self.international_letters == InternationalLetters::Allowed
            && international
            && !self.is_bfpo())
            || self.postcode.is_some()
            || (self.is_bfpo() && !international)
    }

    /// A line starts with one of `@ ( ) = [ ] " \ / , < > ~`.
    pub fn has_invalid_characters(&self) -> bool {
        self.normalised_lines().iter().any(|line| {
            line.chars()
                .next()
                .is_some_and(|c| INVALID_FIRST_CHARACTERS.contains(c))
        })
    }

    /// A line that is just "NFA", or "no fixed abode" or "no fixed address" anywhere.
    pub fn has_no_fixed_abode_address(&self) -> bool {
        let lines = self.normalised_lines();
        lines.iter().any(|line| line.to_lowercase() == "nfa")
            || ["no fixed abode", "no fixed address"].iter().any(|phrase| {
                let folded: Vec<char> = lines.join("\n").chars().map(fold_case).collect();
                let phrase: Vec<char> = phrase.chars().collect();
                folded.windows(phrase.len()).any(|window| window == phrase)
            })
    }

    /// The first two lines each have a letter or a number in them.
    pub fn has_letters_or_numbers_in_first_lines(&self) -> bool {
        let lines = self.normalised_lines();
        lines.len() >= 2
            && lines
                .iter()
                .take(2)
                .all(|line| line.chars().any(char::is_alphanumeric))
    }

    /// The first rule the address breaks, in the order Notify's API checks them.
    pub fn problem(&self) -> Option<PostalAddressError> {
        if !self.has_enough_lines() {
            Some(PostalAddressError::TooFewLines)
        } else if self.has_too_many_lines() {
            Some(PostalAddressError::TooManyLines)
        } else if self.is_bfpo() && self.is_international() {
            Some(PostalAddressError::BfpoWithCountry)
        } else if !self.has_valid_last_line() {
            Some(match self.international_letters {
                InternationalLetters::Allowed => PostalAddressError::NotAPostcodeOrCountry,
                InternationalLetters::NotAllowed => PostalAddressError::NotAUkPostcode,
            })
        } else if self.has_invalid_characters() {
            Some(PostalAddressError::InvalidFirstCharacter)
        } else if self.has_no_fixed_abode_address() {
            Some(PostalAddressError::NoFixedAbode)
        } else if !self.has_letters_or_numbers_in_first_lines() {
            Some(PostalAddressError::FirstLinesNeedLettersOrNumbers)
        } else {
            None
        }
    }

    /// Whether a letter can be sent to the address.
    pub fn is_valid(&self) -> bool {
        self.problem().is_none()
    }

    /// The address, or the first rule it breaks.
    pub fn into_address(self) -> Result<PostalAddress, PostalAddressError> {
        match self.problem() {
            Some(problem) => Err(problem),
            None => Ok(PostalAddress {
                lines: self.normalised_lines(),
                check: self,
            }),
        }
    }
}

/// `Some(Some(number))` for a line that gives a BFPO number ("BFPO 123", "bfpo c/o 5"),
/// `Some(None)` for a BFPO line without one ("BFPO"), `None` for any other line: Notify's
/// `^\s*bfpo\s*(?:c\/o)?(?:\s*(\d+))?\s*$` on the line in lower case. The number loses
/// its leading zeros, as Python's `int()` takes them off.
fn bfpo_line(line: &str) -> Option<Option<String>> {
    let lower = line.to_lowercase();
    let rest = lower
        .trim_start_matches(is_python_space)
        .strip_prefix("bfpo")?;
    let rest = rest.trim_start_matches(is_python_space);
    let rest = rest.strip_prefix("c/o").unwrap_or(rest);
    let rest = rest.trim_start_matches(is_python_space);
    let digits_end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let (digits, tail) = rest.split_at(digits_end);
    if !tail.trim_start_matches(is_python_space).is_empty() {
        return None;
    }
    if digits.is_empty() {
        return Some(None);
    }
    let number = digits.trim_start_matches('0');
    Some(Some(
        if number.is_empty() { "0" } else { number }.to_owned(),
    ))
}

/// How many of the last lines name the United Kingdom, reading up from the bottom past
/// lines that are not countries and stopping at another country (Notify's
/// `trailing_uk_countries`).
fn trailing_uk_countries(lines: &[String]) -> usize {
    let mut count = 0;
    for line in lines.iter().rev() {
        match Country::find(line) {
            Some(country) if country == Country::united_kingdom() => count += 1,
            Some(_) => break,
            None => {}
        }
    }
    count
}

/// A character as Python's case-insensitive regular expressions compare it: its simple
/// lower case, with dotless and dotted i read as `i` and the long s as `s`.
fn fold_case(c: char) -> char {
    match c {
        '\u{130}' | '\u{131}' => 'i',
        '\u{17F}' => 's',
        _ => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(single), None) => single,
                _ => c,
            }
        }
    }
}

/// An address a letter can be sent to: 3 to 7 tidied lines ending in a real UK postcode, a
/// BFPO number or an allowed country.
///
/// ```
/// use civic_notify::{InternationalLetters, Language, PostalAddress, PostalAddressError};
///
/// let address = PostalAddress::parse(
///     "Siân Ŵyn\n1 Stryd Fawr ,\n\nLlandrindod Wells\nld15lg",
///     InternationalLetters::NotAllowed,
/// )?;
/// assert_eq!(address.lines(), ["Siân Ŵyn", "1 Stryd Fawr", "Llandrindod Wells", "LD1 5LG"]);
///
/// let abroad = PostalAddress::parse("1 Rue Example\nParis\nFrance", InternationalLetters::NotAllowed);
/// let refused = abroad.unwrap_err();
/// assert_eq!(refused, PostalAddressError::NotAUkPostcode);
/// assert_eq!(refused.message(Language::Welsh), "Rhaid iddo fod yn god post go iawn yn y DU");
/// # Ok::<(), PostalAddressError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostalAddress {
    lines: Vec<String>,
    check: AddressCheck,
}

impl PostalAddress {
    /// The address written as text, one line per line, or the first rule it breaks.
    pub fn parse(
        text: &str,
        international_letters: InternationalLetters,
    ) -> Result<PostalAddress, PostalAddressError> {
        AddressCheck::new(text, international_letters).into_address()
    }

    /// The address given as its lines, or the first rule it breaks.
    pub fn from_lines(
        lines: &[impl AsRef<str>],
        international_letters: InternationalLetters,
    ) -> Result<PostalAddress, PostalAddressError> {
        AddressCheck::from_lines(lines, international_letters).into_address()
    }

    /// The address in a letter's values (`address_line_1` to `address_line_7`, or
    /// `postcode` last), or the first rule it breaks.
    pub fn from_personalisation(
        values: &Personalisation,
        international_letters: InternationalLetters,
    ) -> Result<PostalAddress, PostalAddressError> {
        AddressCheck::from_personalisation(values, international_letters).into_address()
    }

    /// The lines to print, in order.
    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    /// The lines joined with commas.
    pub fn as_single_line(&self) -> String {
        self.lines.join(", ")
    }

    /// The UK postcode, formatted for Royal Mail, if the address has one.
    pub fn postcode(&self) -> Option<&str> {
        self.check.postcode()
    }

    /// The country the letter goes to.
    pub fn country(&self) -> Country {
        self.check.country()
    }

    /// The postage the letter needs.
    pub fn postage(&self) -> Postage {
        self.check.postage()
    }

    /// The BFPO number, for British Forces post.
    pub fn bfpo_number(&self) -> Option<&str> {
        self.check.bfpo_number()
    }
}

impl fmt::Display for PostalAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.lines.join("\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const UK_ONLY: InternationalLetters = InternationalLetters::NotAllowed;

    #[test]
    fn lines_are_tidied_and_the_postcode_formatted() {
        let address =
            PostalAddress::parse("  Mr  X ,\n\n 1 High St .\nTown\nsw1a1aa\n", UK_ONLY).unwrap();
        assert_eq!(address.lines(), ["Mr X", "1 High St.", "Town", "SW1A 1AA"]);
        assert_eq!(address.postage(), Postage::UnitedKingdom);
    }

    #[test]
    fn each_rule_gives_its_own_error() {
        let error = |text: &str, allowed| PostalAddress::parse(text, allowed).unwrap_err();
        assert_eq!(
            error("a\nSW1A 1AA", UK_ONLY),
            PostalAddressError::TooFewLines
        );
        assert_eq!(
            error("1\n2\n3\n4\n5\n6\n7\nSW1A 1AA", UK_ONLY),
            PostalAddressError::TooManyLines
        );
        assert_eq!(
            error("a\nb\nNF1 1AA", UK_ONLY),
            PostalAddressError::NotAUkPostcode
        );
        assert_eq!(
            error("a\nb\nNarnia", InternationalLetters::Allowed),
            PostalAddressError::NotAPostcodeOrCountry
        );
        assert_eq!(
            error("a\n(b\nSW1A 1AA", UK_ONLY),
            PostalAddressError::InvalidFirstCharacter
        );
        assert_eq!(
            error("a\nNo Fixed Abode\nSW1A 1AA", UK_ONLY),
            PostalAddressError::NoFixedAbode
        );
        assert_eq!(
            error("a\nBFPO 1\nFrance", InternationalLetters::Allowed),
            PostalAddressError::BfpoWithCountry
        );
        assert_eq!(
            error("!!!\nb\nSW1A 1AA", UK_ONLY),
            PostalAddressError::FirstLinesNeedLettersOrNumbers
        );
    }

    #[test]
    fn bfpo_numbers_are_read_and_moved_last() {
        let address = PostalAddress::parse("Mr X\nbfpo 007\nbf11aa\nbfpo", UK_ONLY).unwrap();
        assert_eq!(address.lines(), ["Mr X", "BF1 1AA", "BFPO 7"]);
        assert_eq!(address.bfpo_number(), Some("7"));
    }

    #[test]
    fn countries_abroad_need_the_permission() {
        let text = "1 Rue Example\nParis\nFRANCE";
        let check = AddressCheck::new(text, UK_ONLY);
        let error = check.problem().unwrap();
        assert!(error.is_permission(&check));
        let address = PostalAddress::parse(text, InternationalLetters::Allowed).unwrap();
        assert_eq!(address.lines(), ["1 Rue Example", "Paris", "France"]);
        assert_eq!(address.postage(), Postage::Europe);
        assert_eq!(address.postcode(), None);
    }

    #[test]
    fn the_english_message_is_the_display_and_welsh_differs() {
        let error = PostalAddressError::TooFewLines;
        assert_eq!(error.to_string(), "Address must be at least 3 lines");
        assert_ne!(error.message(Language::Welsh), error.to_string());
    }

    proptest! {
        #[test]
        fn any_text_never_panics(text in "\\PC{0,80}", lines in proptest::collection::vec("\\PC{0,12}", 0..9)) {
            for allowed in [UK_ONLY, InternationalLetters::Allowed] {
                let check = AddressCheck::new(&text, allowed);
                let _ = (check.normalised_lines(), check.as_single_line(), check.bfpo_address_lines());
                if let Ok(address) = check.into_address() {
                    prop_assert!((MIN_ADDRESS_LINES..=MAX_ADDRESS_LINES).contains(&address.lines().len()));
                }
                let _ = PostalAddress::from_lines(&lines, allowed);
            }
        }

        #[test]
        fn valid_addresses_are_stable(text in "[A-Za-z0-9 ,.\n]{0,80}") {
            if let Ok(address) = PostalAddress::parse(&text, UK_ONLY) {
                let again = PostalAddress::parse(&address.to_string(), UK_ONLY);
                prop_assert_eq!(again.as_ref().map(PostalAddress::lines), Ok(address.lines()));
            }
        }
    }
}
