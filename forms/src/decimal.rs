//! An exact decimal number, for number answers and the limits and conditions that test them.
//!
//! Answers are compared exactly (no binary floating point): `0.1 + 0.2` style surprises would
//! send a resident down the wrong branch of a form.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The most digits accepted before the decimal point.
pub const MAX_WHOLE_DIGITS: usize = 18;
/// The most digits accepted after the decimal point.
pub const MAX_FRACTION_DIGITS: usize = 9;

/// An exact decimal number with up to 18 digits before the point and 9 after.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Decimal {
    /// The value times 10^scale, with no trailing zeros in the fraction.
    units: i128,
    scale: u32,
}

/// Why text is not a [`Decimal`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecimalError {
    /// The text is not a number written with digits and at most one decimal point.
    #[error("not a number")]
    NotANumber,
    /// The number has more digits than a `Decimal` holds.
    #[error("the number has too many digits")]
    TooManyDigits,
}

impl Decimal {
    /// A whole number.
    pub fn from_integer(value: i64) -> Self {
        Decimal {
            units: i128::from(value),
            scale: 0,
        }
    }

    /// Reads a plain decimal like `-12`, `3.50` or `.5`. Separators are not accepted here:
    /// the number answer type strips the ones residents type before calling this.
    pub fn parse(text: &str) -> Result<Self, DecimalError> {
        let (negative, digits) = match text.as_bytes().first() {
            Some(b'-') => (true, &text[1..]),
            Some(b'+') => (false, &text[1..]),
            _ => (false, text),
        };
        let (whole, fraction) = match digits.split_once('.') {
            Some((whole, fraction)) => (whole, fraction),
            None => (digits, ""),
        };
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if (whole.is_empty() && fraction.is_empty()) || !all_digits(whole) || !all_digits(fraction)
        {
            return Err(DecimalError::NotANumber);
        }
        let whole = whole.trim_start_matches('0');
        let fraction = fraction.trim_end_matches('0');
        if whole.len() > MAX_WHOLE_DIGITS || fraction.len() > MAX_FRACTION_DIGITS {
            return Err(DecimalError::TooManyDigits);
        }
        let mut units: i128 = 0;
        for b in whole.bytes().chain(fraction.bytes()) {
            units = units * 10 + i128::from(b - b'0');
        }
        if negative {
            units = -units;
        }
        // Lengths are bounded above, so the scale always fits.
        let scale = u32::try_from(fraction.len()).unwrap_or(0);
        Ok(Decimal { units, scale })
    }

    /// Whether the number has no fractional part.
    pub fn is_whole(&self) -> bool {
        self.scale == 0
    }

    /// Whether the number is below zero.
    pub fn is_negative(&self) -> bool {
        self.units < 0
    }

    /// The number of digits after the decimal point, without trailing zeros.
    pub fn decimal_places(&self) -> u32 {
        self.scale
    }

    /// A whole number of pence as pounds, for comparing money answers with limits in pounds.
    pub fn from_pence(pence: i64) -> Self {
        let mut value = Decimal {
            units: i128::from(pence),
            scale: 2,
        };
        while value.scale > 0 && value.units % 10 == 0 {
            value.units /= 10;
            value.scale -= 1;
        }
        value
    }

    /// `units` rescaled to `scale` (which is at least `self.scale`); cannot overflow because
    /// both the digits and the scale are bounded.
    fn units_at(&self, scale: u32) -> i128 {
        self.units * 10i128.pow(scale - self.scale)
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        let scale = self.scale.max(other.scale);
        self.units_at(scale).cmp(&other.units_at(scale))
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.units < 0 { "-" } else { "" };
        let magnitude = self.units.unsigned_abs();
        if self.scale == 0 {
            return write!(f, "{sign}{magnitude}");
        }
        let divisor = 10u128.pow(self.scale);
        let width = self.scale as usize;
        write!(
            f,
            "{sign}{}.{:0width$}",
            magnitude / divisor,
            magnitude % divisor
        )
    }
}

impl FromStr for Decimal {
    type Err = DecimalError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Decimal::parse(text)
    }
}

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match i64::try_from(self.units) {
            Ok(whole) if self.scale == 0 => serializer.serialize_i64(whole),
            // Written as text the value stays exact; a definition may also use a plain number.
            _ => serializer.serialize_str(&self.to_string()),
        }
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DecimalVisitor;
        impl Visitor<'_> for DecimalVisitor {
            type Value = Decimal;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number, like 18 or 37.5")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
                Ok(Decimal::from_integer(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
                Decimal::parse(&v.to_string()).map_err(E::custom)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
                // Rust prints the shortest text that reads back as the same float, which is
                // the text the author wrote for any number a form would use.
                Decimal::parse(&v.to_string()).map_err(E::custom)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
                Decimal::parse(v).map_err(E::custom)
            }
        }
        deserializer.deserialize_any(DecimalVisitor)
    }
}

impl JsonSchema for Decimal {
    fn schema_name() -> Cow<'static, str> {
        "Decimal".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An exact number: up to 18 digits before the decimal point and 9 after.",
            "anyOf": [
                { "type": "number" },
                { "type": "string", "pattern": "^[+-]?[0-9]*(\\.[0-9]*)?$" }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(text: &str) -> Decimal {
        Decimal::parse(text).unwrap()
    }

    #[test]
    fn parses_and_normalises() {
        assert_eq!(d("3.50"), d("3.5"));
        assert_eq!(d("007"), Decimal::from_integer(7));
        assert_eq!(d(".5").to_string(), "0.5");
        assert_eq!(d("-0.05").to_string(), "-0.05");
        assert_eq!(d("+12.").to_string(), "12");
        assert!(d("12.0").is_whole());
    }

    #[test]
    fn compares_exactly() {
        assert!(d("0.3") > d("0.29999999"));
        assert!(d("-1") < d("0.1"));
        assert_eq!(d("2.10").cmp(&d("2.1")), Ordering::Equal);
        assert_eq!(Decimal::from_pence(1050), d("10.5"));
    }

    #[test]
    fn refuses_what_is_not_a_plain_number() {
        for text in ["", ".", "-", "1.2.3", "1e5", "1,000", " 1", "ten"] {
            assert_eq!(
                Decimal::parse(text),
                Err(DecimalError::NotANumber),
                "{text:?}"
            );
        }
        assert_eq!(
            Decimal::parse("1234567890123456789"),
            Err(DecimalError::TooManyDigits)
        );
        assert_eq!(
            Decimal::parse("0.1234567891"),
            Err(DecimalError::TooManyDigits)
        );
    }

    #[test]
    fn reads_numbers_from_every_definition_format() {
        assert_eq!(serde_json::from_str::<Decimal>("37.5").unwrap(), d("37.5"));
        assert_eq!(serde_json::from_str::<Decimal>("18").unwrap(), d("18"));
        assert_eq!(
            serde_json::from_str::<Decimal>("\"0.1\"").unwrap(),
            d("0.1")
        );
        assert_eq!(serde_yaml::from_str::<Decimal>("0.1").unwrap(), d("0.1"));
    }

    proptest! {
        #[test]
        fn any_text_parses_or_is_refused(text in ".*") {
            let _ = Decimal::parse(&text);
        }

        #[test]
        fn display_reads_back(units in -999_999_999_999i64..999_999_999_999, scale in 0u32..6) {
            let text = format!("{}", Decimal { units: i128::from(units), scale });
            let value = Decimal::parse(&text).unwrap();
            prop_assert_eq!(value.cmp(&Decimal { units: i128::from(units), scale }), Ordering::Equal);
        }
    }
}
