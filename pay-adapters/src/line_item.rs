//! [`LineItem`]: one thing a resident pays for, with the codes a council's finance system
//! needs to post the income.

use serde::{Deserialize, Serialize};

use crate::money::Money;

/// A fund, ledger (cost centre / subjective) or VAT code, as the council's finance system
/// names it: 1–32 ASCII letters, digits, `-`, `_`, `.` or `/`.
///
/// The limit keeps codes safe to put in CSV exports and GOV.UK Pay metadata (which allows
/// 100-character values) without quoting surprises.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct FinanceCode(String);

/// Why a [`FinanceCode`] was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FinanceCodeError {
    /// The code was empty.
    #[error("a finance code cannot be empty")]
    Empty,
    /// The code was longer than 32 characters.
    #[error("a finance code has at most 32 characters")]
    TooLong,
    /// The code held a character other than letters, digits, `-`, `_`, `.` or `/`.
    #[error("a finance code holds only letters, digits, '-', '_', '.' or '/'")]
    BadCharacter,
}

impl FinanceCode {
    /// Checks and wraps a code.
    pub fn parse(code: &str) -> Result<FinanceCode, FinanceCodeError> {
        if code.is_empty() {
            return Err(FinanceCodeError::Empty);
        }
        if code.len() > 32 {
            return Err(FinanceCodeError::TooLong);
        }
        if !code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'/'))
        {
            return Err(FinanceCodeError::BadCharacter);
        }
        Ok(FinanceCode(code.to_owned()))
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for FinanceCode {
    type Error = FinanceCodeError;
    fn try_from(code: String) -> Result<Self, Self::Error> {
        FinanceCode::parse(&code)
    }
}

impl From<FinanceCode> for String {
    fn from(code: FinanceCode) -> Self {
        code.0
    }
}

impl std::fmt::Display for FinanceCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One thing paid for, e.g. "Resident parking permit, 12 months", with its finance codes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LineItem {
    /// What is paid for, as the resident sees it.
    pub description: String,
    /// Its price.
    pub amount: Money,
    /// The fund the income belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fund_code: Option<FinanceCode>,
    /// The ledger code (cost centre or subjective code) to post the income to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ledger_code: Option<FinanceCode>,
    /// The VAT code (e.g. `S` standard, `Z` zero, `E` exempt, `O` outside scope).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat_code: Option<FinanceCode>,
}

impl LineItem {
    /// A line item with no finance codes.
    pub fn new(description: impl Into<String>, amount: Money) -> LineItem {
        LineItem {
            description: description.into(),
            amount,
            fund_code: None,
            ledger_code: None,
            vat_code: None,
        }
    }

    /// Sets the fund code.
    pub fn fund_code(mut self, code: FinanceCode) -> LineItem {
        self.fund_code = Some(code);
        self
    }

    /// Sets the ledger code.
    pub fn ledger_code(mut self, code: FinanceCode) -> LineItem {
        self.ledger_code = Some(code);
        self
    }

    /// Sets the VAT code.
    pub fn vat_code(mut self, code: FinanceCode) -> LineItem {
        self.vat_code = Some(code);
        self
    }
}

/// The total of `items`, or `None` if it overflows.
pub fn total(items: &[LineItem]) -> Option<Money> {
    items
        .iter()
        .try_fold(Money::ZERO, |sum, item| sum.checked_add(item.amount))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn codes_are_checked() {
        assert!(FinanceCode::parse("GF-01/7").is_ok());
        assert_eq!(FinanceCode::parse(""), Err(FinanceCodeError::Empty));
        assert_eq!(
            FinanceCode::parse(&"A".repeat(33)),
            Err(FinanceCodeError::TooLong)
        );
        assert_eq!(
            FinanceCode::parse("a,b"),
            Err(FinanceCodeError::BadCharacter)
        );
        assert!(serde_json::from_str::<FinanceCode>("\"a b\"").is_err());
    }

    #[test]
    fn line_items_round_trip_through_json() {
        let item = LineItem::new("Parking permit", Money::from_pence(5000).unwrap())
            .fund_code(FinanceCode::parse("GF").unwrap())
            .vat_code(FinanceCode::parse("O").unwrap());
        let json = serde_json::to_string(&item).unwrap();
        assert!(!json.contains("ledger_code"));
        assert_eq!(serde_json::from_str::<LineItem>(&json).unwrap(), item);
    }

    #[test]
    fn total_adds_up() {
        let items = [
            LineItem::new("a", Money::from_pence(150).unwrap()),
            LineItem::new("b", Money::from_pence(250).unwrap()),
        ];
        assert_eq!(total(&items), Some(Money::from_pence(400).unwrap()));
        assert_eq!(total(&[]), Some(Money::ZERO));
    }

    proptest! {
        #[test]
        fn parse_never_panics(code in "\\PC*") {
            let _ = FinanceCode::parse(&code);
        }
    }
}
