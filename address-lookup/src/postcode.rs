//! UK postcodes: parsing what people type into a validated, normalised [`Postcode`].
//!
//! The rules are the real ones (BS 7666 and Royal Mail's Postcode Address File): six shapes of
//! outward code (A9, A99, A9A, AA9, AA99, AA9A) and a three-character inward code, with letters
//! banned by position — no Q, V or X first; no I, J or Z second; the third character of A9A
//! from ABCDEFGHJKPSTUW; the fourth of AA9A from ABEHMNPRVWXY; never C, I, K, M, O or V in the
//! inward code's letters. Special codes outside those rules are named [`PostcodeKind`]s.

mod error;
mod extract;
mod suggest;

use std::fmt;
use std::str::FromStr;

pub use error::PostcodeError;
pub use extract::{Found, extract};

/// Longest normalised form: `BFPO 1234`.
const MAX_LEN: usize = 9;

/// The British Overseas Territories' single postcodes (Royal Mail's `XXXX 1ZZ` and Gibraltar).
const TERRITORIES: [(&str, OverseasTerritory); 9] = [
    ("ASCN", OverseasTerritory::AscensionIsland),
    ("STHL", OverseasTerritory::SaintHelena),
    ("TDCU", OverseasTerritory::TristanDaCunha),
    ("BBND", OverseasTerritory::BritishIndianOceanTerritory),
    ("BIQQ", OverseasTerritory::BritishAntarcticTerritory),
    ("FIQQ", OverseasTerritory::FalklandIslands),
    ("PCRN", OverseasTerritory::PitcairnIslands),
    ("SIQQ", OverseasTerritory::SouthGeorgia),
    ("TKCA", OverseasTerritory::TurksAndCaicosIslands),
];

/// A valid UK postcode in its normalised form, such as `SW1A 2AA`.
///
/// Made only by [`Postcode::parse`] (or [`FromStr`], or deserialising a string), so a value
/// always holds a postcode that follows the rules. It is small and `Copy`.
///
/// ```
/// use civic_address_lookup::{Postcode, PostcodeKind};
///
/// let postcode = Postcode::parse(" sw1a-2aa ")?;
/// assert_eq!(postcode.to_string(), "SW1A 2AA");
/// assert_eq!((postcode.outward(), postcode.inward()), ("SW1A", "2AA"));
/// assert_eq!((postcode.area(), postcode.district()), ("SW", "SW1"));
/// assert_eq!(postcode.sector(), Some("SW1A 2"));
/// assert_eq!(postcode.kind(), PostcodeKind::Geographic);
/// # Ok::<(), civic_address_lookup::PostcodeError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Postcode {
    /// The normalised form, ASCII, with one space between outward and inward codes.
    text: [u8; MAX_LEN],
    len: u8,
    outward_len: u8,
    kind: PostcodeKind,
}

/// What sort of postcode a [`Postcode`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum PostcodeKind {
    /// An ordinary postcode for places in the UK, the Channel Islands or the Isle of Man.
    Geographic,
    /// `GIR 0AA`, once Girobank's, outside the shape rules.
    Girobank,
    /// British Forces Post Office: `BFPO 1234` numbers and the `BF1` postcodes.
    Bfpo,
    /// A British Overseas Territory's postcode, such as `ASCN 1ZZ` or `GX11 1AA`.
    OverseasTerritory(OverseasTerritory),
    /// A postcode with no place behind it: the `BX` area and Santa's `XM4 5HQ`.
    NonGeographic,
}

impl PostcodeKind {
    /// A short stable name, as used in JSON output: `geographic`, `girobank`, `bfpo`,
    /// `overseas-territory` or `non-geographic`.
    pub fn as_str(self) -> &'static str {
        match self {
            PostcodeKind::Geographic => "geographic",
            PostcodeKind::Girobank => "girobank",
            PostcodeKind::Bfpo => "bfpo",
            PostcodeKind::OverseasTerritory(_) => "overseas-territory",
            PostcodeKind::NonGeographic => "non-geographic",
        }
    }
}

/// The British Overseas Territories that have a postcode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum OverseasTerritory {
    /// `ASCN 1ZZ`
    AscensionIsland,
    /// `STHL 1ZZ`
    SaintHelena,
    /// `TDCU 1ZZ`
    TristanDaCunha,
    /// `BBND 1ZZ`
    BritishIndianOceanTerritory,
    /// `BIQQ 1ZZ`
    BritishAntarcticTerritory,
    /// `FIQQ 1ZZ`
    FalklandIslands,
    /// `PCRN 1ZZ`
    PitcairnIslands,
    /// `SIQQ 1ZZ`: South Georgia and the South Sandwich Islands.
    SouthGeorgia,
    /// `TKCA 1ZZ`
    TurksAndCaicosIslands,
    /// `GX11 1AA`
    Gibraltar,
}

impl Postcode {
    /// Parses a postcode as a person might type it: any case, missing or extra spaces, stray
    /// punctuation (hyphens, brackets, full stops, quotes), full-width characters.
    ///
    /// ```
    /// use civic_address_lookup::Postcode;
    ///
    /// assert_eq!(Postcode::parse("(ec1a-1bb).")?.to_string(), "EC1A 1BB");
    /// assert_eq!(Postcode::parse("ＳＷ１Ａ２ＡＡ")?.to_string(), "SW1A 2AA");
    /// assert!(Postcode::parse("QA1 1AA").is_err()); // Q never starts a postcode
    /// # Ok::<(), civic_address_lookup::PostcodeError>(())
    /// ```
    pub fn parse(input: &str) -> Result<Postcode, PostcodeError> {
        let compact = Compact::from_input(input)?;
        parse_compact(compact.as_bytes())
    }

    /// A likely intended postcode for input that does not parse because of the common slips:
    /// the letter O for zero or I for one, or the other way round, in a position where only
    /// the other can be. `None` when the input already parses, or when no single fix exists.
    ///
    /// ```
    /// use civic_address_lookup::Postcode;
    ///
    /// let suggestion = Postcode::suggest("SWIA OAA").map(|p| p.to_string());
    /// assert_eq!(suggestion.as_deref(), Some("SW1A 0AA"));
    /// ```
    pub fn suggest(input: &str) -> Option<Postcode> {
        suggest::suggest(input)
    }

    /// The normalised form, such as `SW1A 2AA`.
    pub fn as_str(&self) -> &str {
        // Only ASCII is ever written into `text`.
        std::str::from_utf8(&self.text[..usize::from(self.len)]).unwrap_or_default()
    }

    /// The outward code, before the space: `SW1A`.
    pub fn outward(&self) -> &str {
        &self.as_str()[..usize::from(self.outward_len)]
    }

    /// The inward code, after the space: `2AA` (for a BFPO number, the number).
    pub fn inward(&self) -> &str {
        &self.as_str()[usize::from(self.outward_len) + 1..]
    }

    /// The postcode area, the letters the outward code starts with: `SW`.
    pub fn area(&self) -> &str {
        let outward = self.outward();
        let letters = outward.bytes().take_while(u8::is_ascii_alphabetic).count();
        &outward[..letters]
    }

    /// The postcode district: the outward code without a sub-district letter (`SW1` for
    /// `SW1A 2AA`).
    pub fn district(&self) -> &str {
        match self.sub_district() {
            Some(outward) => &outward[..outward.len() - 1],
            None => self.outward(),
        }
    }

    /// The sub-district, for the A9A and AA9A shapes only: `SW1A`.
    pub fn sub_district(&self) -> Option<&str> {
        let outward = self.outward();
        let ends_with_letter = outward
            .bytes()
            .last()
            .is_some_and(|b| b.is_ascii_alphabetic());
        let has_digit = outward.bytes().any(|b| b.is_ascii_digit());
        (ends_with_letter && has_digit).then_some(outward)
    }

    /// The postcode sector, the outward code and the inward code's digit: `SW1A 2`. `None`
    /// for BFPO numbers, which have no sectors.
    pub fn sector(&self) -> Option<&str> {
        self.has_unit()
            .then(|| &self.as_str()[..usize::from(self.outward_len) + 2])
    }

    /// The unit, the inward code's two letters: `AA`. `None` for BFPO numbers.
    pub fn unit(&self) -> Option<&str> {
        self.has_unit()
            .then(|| &self.as_str()[usize::from(self.outward_len) + 2..])
    }

    /// What sort of postcode this is.
    pub fn kind(&self) -> PostcodeKind {
        self.kind
    }

    fn has_unit(&self) -> bool {
        self.outward() != "BFPO"
    }

    fn from_parts(outward: &[u8], inward: &[u8], kind: PostcodeKind) -> Postcode {
        let mut text = [0u8; MAX_LEN];
        text[..outward.len()].copy_from_slice(outward);
        text[outward.len()] = b' ';
        text[outward.len() + 1..outward.len() + 1 + inward.len()].copy_from_slice(inward);
        Postcode {
            text,
            // Both fit: parse_compact only passes 1..=4 bytes each.
            len: (outward.len() + 1 + inward.len()) as u8,
            outward_len: outward.len() as u8,
            kind,
        }
    }
}

/// The letters and digits of an input, upper-cased, with spaces and punctuation gone.
pub(crate) struct Compact {
    bytes: [u8; MAX_LEN],
    len: usize,
}

impl Compact {
    pub(crate) fn from_input(input: &str) -> Result<Compact, PostcodeError> {
        let mut bytes = [0u8; MAX_LEN];
        let mut len = 0;
        for c in input.chars() {
            let c = fold_full_width(c);
            if c.is_ascii_alphanumeric() {
                if len < MAX_LEN {
                    bytes[len] = c.to_ascii_uppercase() as u8;
                }
                // Count on past the buffer so the error says how many there were.
                len += 1;
            } else if !is_ignorable(c) {
                return Err(PostcodeError::InvalidCharacter(c));
            }
        }
        match len {
            0 => Err(PostcodeError::Empty),
            n if n > MAX_LEN => Err(PostcodeError::WrongLength { found: n }),
            _ => Ok(Compact { bytes, len }),
        }
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// Full-width forms (U+FF01–U+FF5E, typed with East Asian input methods) to ASCII, and the
/// ideographic space to a space; the direct map is all NFKC would do for these characters.
pub(crate) fn fold_full_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Spaces of every kind and the punctuation the GOV.UK address pattern says to accept.
fn is_ignorable(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '\u{2010}'..='\u{2015}'
                | '\u{2212}'
                | '.'
                | ','
                | '('
                | ')'
                | '['
                | ']'
                | '{'
                | '}'
                | '\''
                | '"'
                | '\u{2018}'..='\u{201F}'
                | '_'
                | '\u{200B}'..='\u{200D}'
                | '\u{2060}'
                | '\u{FEFF}'
        )
}

const A9A_THIRD: &[u8] = b"ABCDEFGHJKPSTUW";
const AA9A_FOURTH: &[u8] = b"ABEHMNPRVWXY";
const NEVER_FIRST: &[u8] = b"QVX";
const NEVER_SECOND: &[u8] = b"IJZ";
const NEVER_INWARD: &[u8] = b"CIKMOV";

/// Parses upper-case ASCII letters and digits with no spaces.
pub(crate) fn parse_compact(c: &[u8]) -> Result<Postcode, PostcodeError> {
    if let Some(number) = c.strip_prefix(b"BFPO") {
        return if (1..=4).contains(&number.len()) && number.iter().all(u8::is_ascii_digit) {
            Ok(Postcode::from_parts(b"BFPO", number, PostcodeKind::Bfpo))
        } else {
            Err(PostcodeError::Bfpo)
        };
    }
    if c == b"GIR0AA" {
        return Ok(Postcode::from_parts(b"GIR", b"0AA", PostcodeKind::Girobank));
    }
    if c == b"XM45HQ" {
        return Ok(Postcode::from_parts(
            b"XM4",
            b"5HQ",
            PostcodeKind::NonGeographic,
        ));
    }
    if c.len() == 7 && &c[4..] == b"1ZZ" {
        let territory = TERRITORIES
            .iter()
            .find(|(code, _)| code.as_bytes() == &c[..4]);
        if let Some((_, territory)) = territory {
            let kind = PostcodeKind::OverseasTerritory(*territory);
            return Ok(Postcode::from_parts(&c[..4], b"1ZZ", kind));
        }
    }
    if !(5..=7).contains(&c.len()) {
        return Err(PostcodeError::WrongLength { found: c.len() });
    }
    let (outward, inward) = c.split_at(c.len() - 3);
    check_inward(inward, outward.len())?;
    check_outward(outward)?;
    let kind = match (outward, inward) {
        ([b'B', b'F', ..], _) => PostcodeKind::Bfpo,
        ([b'B', b'X', ..], _) => PostcodeKind::NonGeographic,
        (b"GX11", b"1AA") => PostcodeKind::OverseasTerritory(OverseasTerritory::Gibraltar),
        _ => PostcodeKind::Geographic,
    };
    Ok(Postcode::from_parts(outward, inward, kind))
}

fn check_inward(inward: &[u8], offset: usize) -> Result<(), PostcodeError> {
    if !inward[0].is_ascii_digit() || !inward[1..].iter().all(u8::is_ascii_alphabetic) {
        return Err(PostcodeError::Inward);
    }
    for (i, &letter) in inward.iter().enumerate().skip(1) {
        if NEVER_INWARD.contains(&letter) {
            return Err(not_allowed(letter, offset + i));
        }
    }
    Ok(())
}

fn check_outward(o: &[u8]) -> Result<(), PostcodeError> {
    let letter = |i: usize| o[i].is_ascii_alphabetic();
    let digit = |i: usize| o[i].is_ascii_digit();
    if !letter(0) {
        return Err(PostcodeError::OutwardShape);
    }
    if NEVER_FIRST.contains(&o[0]) {
        return Err(not_allowed(o[0], 0));
    }
    match o.len() {
        // A9
        2 if digit(1) => Ok(()),
        // A99, A9A
        3 if digit(1) && digit(2) => Ok(()),
        3 if digit(1) && letter(2) => allowed_from(o[2], 2, A9A_THIRD),
        // AA9, AA99, AA9A
        3 | 4 if letter(1) && digit(2) => {
            if NEVER_SECOND.contains(&o[1]) {
                return Err(not_allowed(o[1], 1));
            }
            match o.get(3) {
                None => Ok(()),
                Some(d) if d.is_ascii_digit() => Ok(()),
                Some(&l) => allowed_from(l, 3, AA9A_FOURTH),
            }
        }
        _ => Err(PostcodeError::OutwardShape),
    }
}

fn allowed_from(letter: u8, index: usize, allowed: &[u8]) -> Result<(), PostcodeError> {
    if allowed.contains(&letter) {
        Ok(())
    } else {
        Err(not_allowed(letter, index))
    }
}

fn not_allowed(letter: u8, index: usize) -> PostcodeError {
    PostcodeError::LetterNotAllowed {
        letter: char::from(letter),
        position: index + 1,
    }
}

impl fmt::Display for Postcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Postcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Postcode").field(&self.as_str()).finish()
    }
}

impl FromStr for Postcode {
    type Err = PostcodeError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Postcode::parse(s)
    }
}

impl AsRef<str> for Postcode {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl serde::Serialize for Postcode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Postcode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Postcode::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn parts(
        input: &str,
    ) -> (
        String,
        String,
        String,
        String,
        Option<String>,
        Option<String>,
    ) {
        let p = Postcode::parse(input).unwrap();
        (
            p.to_string(),
            p.area().to_owned(),
            p.district().to_owned(),
            p.outward().to_owned(),
            p.sector().map(str::to_owned),
            p.unit().map(str::to_owned),
        )
    }

    #[test]
    fn the_six_shapes_and_their_parts() {
        let s = |v: &str| v.to_owned();
        let o = |v: &str| Some(v.to_owned());
        assert_eq!(
            parts("M1 1AA"),
            (s("M1 1AA"), s("M"), s("M1"), s("M1"), o("M1 1"), o("AA"))
        );
        assert_eq!(
            parts("m601nw"),
            (
                s("M60 1NW"),
                s("M"),
                s("M60"),
                s("M60"),
                o("M60 1"),
                o("NW")
            )
        );
        assert_eq!(parts("CR2 6XH").2, "CR2");
        assert_eq!(parts("DN55 1PT").2, "DN55");
        assert_eq!(
            parts("W1A 1HQ"),
            (s("W1A 1HQ"), s("W"), s("W1"), s("W1A"), o("W1A 1"), o("HQ"))
        );
        assert_eq!(parts("ec1a1bb").2, "EC1");
    }

    #[test]
    fn messy_input_is_normalised() {
        for input in [
            "sw1a2aa",
            "Sw1A     2aa",
            "S W1 A 2 AA",
            "(SW1A-2AA).",
            "sw1a\u{a0}2aa",
            "ＳＷ１Ａ\u{3000}２ＡＡ",
            "\u{feff}SW1A 2AA\n",
            "‘SW1A 2AA’",
        ] {
            assert_eq!(
                Postcode::parse(input).unwrap().as_str(),
                "SW1A 2AA",
                "{input:?}"
            );
        }
    }

    #[test]
    fn errors_say_what_was_wrong() {
        use PostcodeError::*;
        let e = |input: &str| Postcode::parse(input).unwrap_err();
        assert_eq!(e("  - "), Empty);
        assert_eq!(e("SW1A 2A@"), InvalidCharacter('@'));
        assert_eq!(e("N5"), WrongLength { found: 2 });
        assert_eq!(e("SO144 6WB"), WrongLength { found: 8 });
        assert_eq!(e("EH1 JS"), OutwardShape);
        assert_eq!(e("SO14 6WBA"), WrongLength { found: 8 });
        assert_eq!(
            e("QA1 1AA"),
            LetterNotAllowed {
                letter: 'Q',
                position: 1
            }
        );
        assert_eq!(
            e("AJ1 1AA"),
            LetterNotAllowed {
                letter: 'J',
                position: 2
            }
        );
        assert_eq!(
            e("A1I 1AA"),
            LetterNotAllowed {
                letter: 'I',
                position: 3
            }
        );
        assert_eq!(
            e("AB1C 1AA"),
            LetterNotAllowed {
                letter: 'C',
                position: 4
            }
        );
        assert_eq!(
            e("AB10 1CA"),
            LetterNotAllowed {
                letter: 'C',
                position: 6
            }
        );
        assert_eq!(e("BFPO"), Bfpo);
        assert_eq!(e("BFPO 12345"), Bfpo);
        assert_eq!(e("12FSSD"), Inward);
        assert_eq!(e("1A1 1AA"), OutwardShape);
        assert_eq!(e(&"A".repeat(10_000)), WrongLength { found: 10_000 });
    }

    #[test]
    fn resident_message_is_govuk_wording_in_both_languages() {
        let error = Postcode::parse("Definitely wrong").unwrap_err();
        assert_eq!(error.message(Language::English), "Enter a full UK postcode");
        assert_eq!(
            error.message(Language::Welsh),
            "Rhowch god post llawn yn y DU"
        );
    }

    use crate::messages::Language;

    #[test]
    fn special_postcodes_are_named() {
        let kind = |input: &str| Postcode::parse(input).unwrap().kind();
        assert_eq!(kind("gir0aa"), PostcodeKind::Girobank);
        assert_eq!(kind("BFPO 61"), PostcodeKind::Bfpo);
        assert_eq!(kind("BF1 2AY"), PostcodeKind::Bfpo);
        assert_eq!(kind("XM4 5HQ"), PostcodeKind::NonGeographic);
        assert_eq!(kind("BX1 1LT"), PostcodeKind::NonGeographic);
        assert_eq!(
            kind("GX11 1AA"),
            PostcodeKind::OverseasTerritory(OverseasTerritory::Gibraltar)
        );
        assert_eq!(
            kind("fiqq1zz"),
            PostcodeKind::OverseasTerritory(OverseasTerritory::FalklandIslands)
        );
        assert_eq!(kind("SW1A 1AA"), PostcodeKind::Geographic);
        let bfpo = Postcode::parse("bfpo 1234").unwrap();
        assert_eq!(
            (bfpo.outward(), bfpo.inward(), bfpo.sector()),
            ("BFPO", "1234", None)
        );
        let ascn = Postcode::parse("ASCN 1ZZ").unwrap();
        assert_eq!(
            (ascn.area(), ascn.district(), ascn.sub_district()),
            ("ASCN", "ASCN", None)
        );
        // Lookalikes of the specials still follow the ordinary rules.
        assert!(Postcode::parse("XM4 5HR").is_err());
        assert!(Postcode::parse("ASCN 1ZY").is_err());
    }

    #[test]
    fn serde_round_trips_through_the_normalised_string() {
        let p: Postcode = serde_json::from_str("\"sw1a2aa\"").unwrap();
        assert_eq!(serde_json::to_string(&p).unwrap(), "\"SW1A 2AA\"");
        let error = serde_json::from_str::<Postcode>("\"QA1 1AA\"").unwrap_err();
        assert!(error.to_string().contains("never used"), "{error}");
    }

    /// Valid postcodes of every shape, built from the letter rules.
    pub(crate) fn valid_postcode() -> impl Strategy<Value = String> {
        let first = "[A-PR-UWYZ]";
        let second = "[A-HK-Y]";
        let inward = "[0-9][ABD-HJLNP-UW-Z]{2}";
        let regex = |pattern: String| proptest::string::string_regex(&pattern).unwrap();
        prop_oneof![
            regex(format!("{first}[0-9]{{1,2}} {inward}")),
            regex(format!("{first}[0-9][ABCDEFGHJKPSTUW] {inward}")),
            regex(format!("{first}{second}[0-9]{{1,2}} {inward}")),
            regex(format!("{first}{second}[0-9][ABEHMNPRVWXY] {inward}")),
        ]
    }

    proptest! {
        #[test]
        fn any_string_never_panics(input in ".*") {
            let _ = Postcode::parse(&input);
            let _ = Postcode::suggest(&input);
            let _ = extract(&input);
        }

        #[test]
        fn any_short_ascii_never_panics(input in "[A-Za-z0-9 \\-]{0,12}") {
            if let Ok(p) = Postcode::parse(&input) {
                prop_assert_eq!(Postcode::parse(p.as_str()), Ok(p));
            }
        }

        #[test]
        fn valid_postcodes_parse_and_round_trip(text in valid_postcode()) {
            let p = Postcode::parse(&text).unwrap();
            prop_assert_eq!(p.as_str(), text.as_str());
            prop_assert_eq!(Postcode::parse(&format!("{p}")), Ok(p));
            let messy = format!(" {}-", text.to_lowercase().replace(' ', ""));
            prop_assert_eq!(Postcode::parse(&messy), Ok(p));
            let rebuilt = format!("{}{}", p.sector().unwrap(), p.unit().unwrap());
            prop_assert_eq!(rebuilt, text);
        }
    }
}
