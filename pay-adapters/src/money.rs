//! [`Money`]: an amount in whole pence, so no payment ever passes through a float.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::messages::{Language, Message};

/// An amount of money in pence, never negative.
///
/// ```
/// use civic_pay_adapters::Money;
///
/// let fee = Money::parse("£1,234.50")?;
/// assert_eq!(fee.pence(), 123_450);
/// assert_eq!(fee.to_string(), "£1,234.50");
/// assert!(Money::from_pence(-1).is_err());
/// # Ok::<(), civic_pay_adapters::MoneyError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(i64);

/// Why an amount was refused, in words a resident can be shown ([`MoneyError::message`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MoneyError {
    /// Nothing was entered.
    #[error("Enter an amount")]
    Empty,
    /// The text was not pounds and pence.
    #[error("Enter an amount in pounds and pence, like £12.34")]
    NotANumber,
    /// More than two digits after the decimal point.
    #[error("Enter an amount with no more than 2 numbers after the decimal point, like £12.34")]
    TooManyPence,
    /// Below zero.
    #[error("Enter an amount of £0.00 or more")]
    Negative,
    /// A payment of less than 1p.
    #[error("Enter an amount of at least £0.01")]
    TooSmall,
    /// A payment of more than £100,000.00 (or a number too large to hold).
    #[error("Enter an amount of £100,000.00 or less")]
    TooLarge,
}

impl MoneyError {
    /// What went wrong, in `language`, for a resident.
    pub fn message(self, language: Language) -> &'static str {
        let message = match self {
            MoneyError::Empty => Message::AmountEmpty,
            MoneyError::NotANumber => Message::AmountNotANumber,
            MoneyError::TooManyPence => Message::AmountTooManyPence,
            MoneyError::Negative => Message::AmountNegative,
            MoneyError::TooSmall => Message::AmountTooSmall,
            MoneyError::TooLarge => Message::AmountTooLarge,
        };
        message.text(language)
    }
}

impl Money {
    /// Nothing.
    pub const ZERO: Money = Money(0);
    /// The smallest payment GOV.UK Pay takes: 1p.
    pub const MIN_PAYMENT: Money = Money(1);
    /// The largest payment GOV.UK Pay takes: £100,000.00.
    pub const MAX_PAYMENT: Money = Money(10_000_000);

    /// An amount of `pence`; refuses a negative amount.
    pub fn from_pence(pence: i64) -> Result<Money, MoneyError> {
        if pence < 0 {
            Err(MoneyError::Negative)
        } else {
            Ok(Money(pence))
        }
    }

    /// A payment amount: between [`Money::MIN_PAYMENT`] and [`Money::MAX_PAYMENT`].
    ///
    /// The limit belongs to a single payment or refund, not to money in general: a day's
    /// income can be far larger, so totals use [`Money::from_pence`].
    pub fn payment(pence: i64) -> Result<Money, MoneyError> {
        Money::from_pence(pence)?.check_payment_limits()
    }

    /// This amount, if it is one a single payment may take.
    pub fn check_payment_limits(self) -> Result<Money, MoneyError> {
        if self < Money::MIN_PAYMENT {
            Err(MoneyError::TooSmall)
        } else if self > Money::MAX_PAYMENT {
            Err(MoneyError::TooLarge)
        } else {
            Ok(self)
        }
    }

    /// The amount in pence.
    pub fn pence(self) -> i64 {
        self.0
    }

    /// The sum, or `None` on overflow.
    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }

    /// The difference, or `None` when it would be negative.
    pub fn checked_sub(self, other: Money) -> Option<Money> {
        self.0.checked_sub(other.0).filter(|p| *p >= 0).map(Money)
    }

    /// Reads an amount as a resident types it: `12.34`, `£12.34`, `12`, `£1,234.50`.
    ///
    /// Strict: pence, when given, are exactly two digits; commas only between groups of three
    /// digits; no sign, spaces inside, exponent or other currency.
    pub fn parse(text: &str) -> Result<Money, MoneyError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(MoneyError::Empty);
        }
        if text.starts_with('-') || text.starts_with("£-") {
            return Err(MoneyError::Negative);
        }
        let text = text.strip_prefix('£').unwrap_or(text);
        let (pounds, pence) = match text.split_once('.') {
            Some((pounds, pence)) => (pounds, Some(pence)),
            None => (text, None),
        };
        let pounds = parse_pounds(pounds)?;
        let pence = match pence {
            None => 0,
            Some(p) if !p.bytes().all(|b| b.is_ascii_digit()) || p.is_empty() => {
                return Err(MoneyError::NotANumber);
            }
            Some(p) if p.len() > 2 => return Err(MoneyError::TooManyPence),
            Some(p) if p.len() < 2 => return Err(MoneyError::NotANumber),
            Some(p) => p.parse::<i64>().map_err(|_| MoneyError::NotANumber)?,
        };
        pounds
            .checked_mul(100)
            .and_then(|p| p.checked_add(pence))
            .map(Money)
            .ok_or(MoneyError::TooLarge)
    }
}

/// Whole pounds, with commas allowed only as thousands separators.
fn parse_pounds(text: &str) -> Result<i64, MoneyError> {
    if text.is_empty() {
        return Err(MoneyError::NotANumber);
    }
    let groups: Vec<&str> = text.split(',').collect();
    let grouped_well = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    if !grouped_well {
        return Err(MoneyError::NotANumber);
    }
    let mut pounds: i64 = 0;
    for byte in groups.concat().bytes() {
        if !byte.is_ascii_digit() {
            return Err(MoneyError::NotANumber);
        }
        pounds = pounds
            .checked_mul(10)
            .and_then(|p| p.checked_add(i64::from(byte - b'0')))
            .ok_or(MoneyError::TooLarge)?;
    }
    Ok(pounds)
}

impl FromStr for Money {
    type Err = MoneyError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Money::parse(text)
    }
}

impl fmt::Display for Money {
    /// `£1,234.56`: the pound sign, thousands separated by commas, always two pence digits.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pounds = (self.0 / 100).to_string();
        let mut grouped = String::with_capacity(pounds.len() + pounds.len() / 3);
        for (index, digit) in pounds.chars().enumerate() {
            if index > 0 && (pounds.len() - index).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(digit);
        }
        write!(f, "£{grouped}.{:02}", self.0 % 100)
    }
}

/// Serialised as whole pence, as GOV.UK Pay sends and expects amounts.
impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.0)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let pence = i64::deserialize(deserializer)?;
        Money::from_pence(pence).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_what_residents_type() {
        for (text, pence) in [
            ("12.34", 1234),
            ("£12.34", 1234),
            (" £12.34 ", 1234),
            ("12", 1200),
            ("0.01", 1),
            ("£1,234.50", 123_450),
            ("100,000.00", 10_000_000),
            ("0", 0),
        ] {
            assert_eq!(Money::parse(text).map(Money::pence), Ok(pence), "{text}");
        }
    }

    #[test]
    fn refuses_anything_loose() {
        for (text, error) in [
            ("", MoneyError::Empty),
            ("   ", MoneyError::Empty),
            ("£", MoneyError::NotANumber),
            ("12.3", MoneyError::NotANumber),
            ("12.", MoneyError::NotANumber),
            (".50", MoneyError::NotANumber),
            ("12.345", MoneyError::TooManyPence),
            ("-1.00", MoneyError::Negative),
            ("£-1.00", MoneyError::Negative),
            ("+1.00", MoneyError::NotANumber),
            ("1e3", MoneyError::NotANumber),
            ("$12.34", MoneyError::NotANumber),
            ("12,34", MoneyError::NotANumber),
            ("1,2345.00", MoneyError::NotANumber),
            (",123.00", MoneyError::NotANumber),
            ("£ 12.34", MoneyError::NotANumber),
            ("12.3a", MoneyError::NotANumber),
            ("٣.٠٠", MoneyError::NotANumber),
            ("99999999999999999999", MoneyError::TooLarge),
        ] {
            assert_eq!(Money::parse(text), Err(error), "{text:?}");
        }
    }

    #[test]
    fn displays_pounds_and_pence() {
        for (pence, text) in [
            (0, "£0.00"),
            (1, "£0.01"),
            (1234, "£12.34"),
            (100_000, "£1,000.00"),
            (10_000_000, "£100,000.00"),
            (123_456_789, "£1,234,567.89"),
        ] {
            assert_eq!(Money(pence).to_string(), text);
        }
    }

    #[test]
    fn payment_limits_are_1p_to_100_000_pounds() {
        assert_eq!(Money::payment(0), Err(MoneyError::TooSmall));
        assert_eq!(Money::payment(1).map(Money::pence), Ok(1));
        assert_eq!(Money::payment(10_000_000).map(Money::pence), Ok(10_000_000));
        assert_eq!(Money::payment(10_000_001), Err(MoneyError::TooLarge));
        assert_eq!(Money::payment(-5), Err(MoneyError::Negative));
        // Totals are not payments: a year's income may be any size.
        assert!(Money::from_pence(10_000_000_000).is_ok());
    }

    #[test]
    fn errors_speak_english_and_welsh() {
        let error = MoneyError::TooLarge;
        assert_eq!(error.to_string(), error.message(Language::English));
        assert_eq!(
            error.message(Language::Welsh),
            "Rhowch swm o £100,000.00 neu lai"
        );
    }

    #[test]
    fn serde_uses_pence_and_refuses_negatives() {
        let money: Money = serde_json::from_str("1234").unwrap();
        assert_eq!(serde_json::to_string(&money).unwrap(), "1234");
        assert!(serde_json::from_str::<Money>("-1").is_err());
        assert!(serde_json::from_str::<Money>("12.5").is_err());
    }

    #[test]
    fn arithmetic_never_goes_negative_or_wraps() {
        assert_eq!(Money(5).checked_sub(Money(6)), None);
        assert_eq!(Money(i64::MAX).checked_add(Money(1)), None);
        assert_eq!(Money(5).checked_add(Money(6)), Some(Money(11)));
    }

    proptest! {
        #[test]
        fn parse_never_panics(text in "\\PC*") {
            let _ = Money::parse(&text);
        }

        #[test]
        fn parse_never_panics_on_money_like_text(text in "£?-?[0-9,]{0,25}(\\.[0-9]{0,4})?") {
            let _ = Money::parse(&text);
        }

        #[test]
        fn display_parses_back(pence in 0i64..=i64::MAX) {
            let money = Money(pence);
            prop_assert_eq!(Money::parse(&money.to_string()), Ok(money));
        }

        #[test]
        fn plain_decimal_parses(pounds in 0i64..1_000_000_000, pence in 0i64..100) {
            let text = format!("{pounds}.{pence:02}");
            prop_assert_eq!(Money::parse(&text).map(Money::pence), Ok(pounds * 100 + pence));
        }

        #[test]
        fn from_pence_accepts_exactly_the_non_negative(pence in any::<i64>()) {
            prop_assert_eq!(Money::from_pence(pence).is_ok(), pence >= 0);
        }
    }
}
