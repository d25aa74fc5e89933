//! The test cards the sandbox acts out, as GOV.UK Pay's sandbox documents them.

use crate::messages::Message;

/// What the sandbox does with a card number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardOutcome {
    /// Authorised: the payment succeeds (or becomes capturable).
    Authorised,
    /// Declined by the bank: failed P0010.
    Declined,
    /// Expired card: failed P0010.
    Expired,
    /// Wrong security code: failed P0010.
    BadSecurityCode,
    /// The card processor failed: error P0050.
    ProcessingError,
    /// The bank is slow to answer ([`SLOW_CARD`], civic's own): the resident is sent back while
    /// the payment is still `submitted`, and it is authorised [`SLOW_CARD_SETTLES`] later.
    Slow,
}

/// A card the sandbox takes a few seconds to authorise, so a service shows its "We are
/// checking your payment" page. GOV.UK Pay's sandbox has no such card: this one is civic's.
pub const SLOW_CARD: &str = "4000000000000036";

/// How long after a [`SLOW_CARD`] payment is submitted it is authorised.
pub const SLOW_CARD_SETTLES: time::Duration = time::Duration::seconds(5);

/// Cards GOV.UK Pay's sandbox authorises (its GOOD_CARDS and related lists).
const AUTHORISED: &[&str] = &[
    "4444333322221111",
    "4917610000000000003",
    "4000056655665556",
    "371449635398431",
    "3566002020360505",
    "6011000990139424",
    "36148900647913",
    "4242424242424242",
    "5105105105105100",
    "222100000000000",
    "4000000000000010",
    "4000160000000004",
    "4000020000000000",
    "4988080000000000",
    "4111111111111111",
    "4293189100000008",
    "5101180000000007",
    "4131840000000003",
    "4000180000000002",
    "5200828282828210",
];

/// The outcome for a card number (digits only). Numbers the real sandbox does not list are
/// declined, as a bank would decline an unknown card.
pub fn outcome(digits: &str) -> CardOutcome {
    match digits {
        "4000000000000002" => CardOutcome::Declined,
        "4000000000000069" => CardOutcome::Expired,
        "4000000000000127" => CardOutcome::BadSecurityCode,
        "4000000000000119" => CardOutcome::ProcessingError,
        SLOW_CARD => CardOutcome::Slow,
        d if AUTHORISED.contains(&d) => CardOutcome::Authorised,
        _ => CardOutcome::Declined,
    }
}

/// The brand GOV.UK Pay would report for a card number, from its leading digits.
pub fn brand(digits: &str) -> &'static str {
    let two: u32 = digits.get(..2).and_then(|d| d.parse().ok()).unwrap_or(0);
    let four: u32 = digits.get(..4).and_then(|d| d.parse().ok()).unwrap_or(0);
    match (two, four) {
        (34 | 37, _) => "American Express",
        (35, _) => "JCB",
        (36 | 30 | 38, _) => "Diners Club",
        (_, 6011) | (65, _) => "Discover",
        (51..=55, _) | (22..=27, _) => "Mastercard",
        (40..=49, _) => "Visa",
        _ => "Unknown",
    }
}

/// Card details as typed on the card page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CardEntry {
    /// The card number, possibly with spaces or dashes.
    pub card_number: String,
    /// Expiry month, `1`–`12`.
    pub expiry_month: String,
    /// Expiry year, `29` or `2029`.
    pub expiry_year: String,
    /// Name on card.
    pub cardholder_name: String,
    /// Security code.
    pub cvc: String,
}

/// Card details that passed the page's checks. Holds the full number only for as long as the
/// outcome takes to decide; only the last four digits are ever stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedCard {
    pub(crate) digits: String,
    pub(crate) expiry: String,
    pub(crate) cardholder_name: String,
}

/// A field the resident must correct, and what to tell them.
pub type FieldError = (&'static str, Message);

impl CardEntry {
    /// Checks the entry as a card page would, given the current year and month.
    pub fn check(&self, year: i32, month: u8) -> Result<CheckedCard, Vec<FieldError>> {
        let mut errors = Vec::new();
        let digits: String = self
            .card_number
            .chars()
            .filter(|c| *c != ' ' && *c != '-')
            .collect();
        if !(12..=19).contains(&digits.len())
            || !digits.bytes().all(|b| b.is_ascii_digit())
            || !luhn(&digits)
        {
            errors.push(("card-number", Message::CardNumberInvalid));
        }
        let expiry = parse_expiry(&self.expiry_month, &self.expiry_year)
            .filter(|(y, m)| (*y, *m) >= (year, month));
        if expiry.is_none() {
            errors.push(("expiry-month", Message::ExpiryDateInvalid));
        }
        let name = self.cardholder_name.trim();
        if name.is_empty() || name.chars().count() > 255 {
            errors.push(("cardholder-name", Message::CardholderNameMissing));
        }
        let cvc = self.cvc.trim();
        if !(3..=4).contains(&cvc.len()) || !cvc.bytes().all(|b| b.is_ascii_digit()) {
            errors.push(("cvc", Message::SecurityCodeInvalid));
        }
        match expiry {
            Some((y, m)) if errors.is_empty() => Ok(CheckedCard {
                digits,
                expiry: format!("{m:02}/{:02}", y % 100),
                cardholder_name: name.to_owned(),
            }),
            _ => Err(errors),
        }
    }
}

fn parse_expiry(month: &str, year: &str) -> Option<(i32, u8)> {
    let month: u8 = month.trim().parse().ok().filter(|m| (1..=12).contains(m))?;
    let year = year.trim();
    let year: i32 = match year.len() {
        2 => 2000 + year.parse::<i32>().ok()?,
        4 => year.parse().ok()?,
        _ => return None,
    };
    Some((year, month))
}

/// The Luhn checksum every card number carries.
fn luhn(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn entry(number: &str) -> CardEntry {
        CardEntry {
            card_number: number.to_owned(),
            expiry_month: "12".to_owned(),
            expiry_year: "30".to_owned(),
            cardholder_name: "A Resident".to_owned(),
            cvc: "123".to_owned(),
        }
    }

    /// Every sandbox row of the published test-card table acts out as documented.
    #[test]
    fn acts_out_the_published_sandbox_cards() {
        use std::io::Write;
        let Ok(root) = std::env::var("CIVIC_REFERENCE_DATA") else {
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED acts_out_the_published_sandbox_cards: CIVIC_REFERENCE_DATA is not set"
            );
            return;
        };
        let table =
            std::fs::read_to_string(format!("{root}/specs/govuk-pay-test-cards.tsv")).unwrap();
        let mut rows = 0;
        for line in table.lines().skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols[0] != "connector:sandbox" {
                continue;
            }
            rows += 1;
            let (number, documented) = (cols[1], cols[2]);
            assert!(
                entry(number).check(2026, 11).is_ok(),
                "{number} must pass the page checks"
            );
            let got = outcome(number);
            if documented.starts_with("authorised") {
                assert_eq!(got, CardOutcome::Authorised, "{number}");
            } else if documented.contains("P0050") {
                assert_eq!(got, CardOutcome::ProcessingError, "{number}");
            } else {
                assert!(documented.contains("P0010"), "{line}");
                assert!(
                    matches!(
                        got,
                        CardOutcome::Declined | CardOutcome::Expired | CardOutcome::BadSecurityCode
                    ),
                    "{number}"
                );
            }
        }
        assert_eq!(rows, 24);
    }

    #[test]
    fn the_four_failing_cards() {
        assert_eq!(outcome("4000000000000002"), CardOutcome::Declined);
        assert_eq!(outcome(SLOW_CARD), CardOutcome::Slow);
        assert_eq!(outcome("4000000000000069"), CardOutcome::Expired);
        assert_eq!(outcome("4000000000000127"), CardOutcome::BadSecurityCode);
        assert_eq!(outcome("4000000000000119"), CardOutcome::ProcessingError);
        assert_eq!(outcome("4444333322221111"), CardOutcome::Authorised);
        assert_eq!(outcome("4012888888881881"), CardOutcome::Declined);
    }

    #[test]
    fn brands() {
        assert_eq!(brand("4444333322221111"), "Visa");
        assert_eq!(brand("5105105105105100"), "Mastercard");
        assert_eq!(brand("371449635398431"), "American Express");
        assert_eq!(brand(""), "Unknown");
    }

    #[test]
    fn page_checks_each_field() {
        let checked = entry("4444 3333 2222 1111").check(2026, 11).unwrap();
        assert_eq!(checked.digits, "4444333322221111");
        assert_eq!(checked.expiry, "12/30");
        let mut bad = entry("4444333322221112");
        bad.expiry_month = "13".to_owned();
        bad.cardholder_name = " ".to_owned();
        bad.cvc = "12a".to_owned();
        let fields: Vec<&str> = bad
            .check(2026, 11)
            .unwrap_err()
            .iter()
            .map(|e| e.0)
            .collect();
        assert_eq!(
            fields,
            ["card-number", "expiry-month", "cardholder-name", "cvc"]
        );
        let mut past = entry("4444333322221111");
        past.expiry_year = "2026".to_owned();
        past.expiry_month = "10".to_owned();
        assert!(past.check(2026, 11).is_err());
        past.expiry_month = "11".to_owned();
        assert!(past.check(2026, 11).is_ok());
    }

    proptest! {
        #[test]
        fn checks_never_panic(number in "\\PC{0,30}", month in "\\PC{0,4}", year in "\\PC{0,5}", cvc in "\\PC{0,5}") {
            let entry = CardEntry { card_number: number.clone(), expiry_month: month, expiry_year: year, cardholder_name: "x".into(), cvc };
            let _ = entry.check(2026, 11);
            let _ = outcome(&number);
            let _ = brand(&number);
        }
    }
}
