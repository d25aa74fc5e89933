//! The billing address the card page asks for, as GOV.UK Pay's own card page does, and its
//! checks. The sandbox checks it and then forgets it: no address is ever stored.

use super::FieldError;
use crate::messages::Message;

/// A billing address as typed on the card page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BillingAddress {
    /// Building name or number and street.
    pub line1: String,
    /// Second line, optional.
    pub line2: String,
    /// Town or city.
    pub city: String,
    /// UK postcode.
    pub postcode: String,
}

impl BillingAddress {
    /// The fields the resident must correct, in the order the page shows them.
    pub fn check(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if self.line1.trim().is_empty() {
            errors.push(("address-line-1", Message::AddressLine1Missing));
        }
        if self.city.trim().is_empty() {
            errors.push(("address-city", Message::AddressCityMissing));
        }
        if !is_uk_postcode(&self.postcode) {
            errors.push(("address-postcode", Message::AddressPostcodeInvalid));
        }
        errors
    }
}

/// Whether `text` has the shape of a UK postcode (`SW1A 1AA`, `m1 1ae`): an outward code of
/// one or two letters, a digit and an optional letter or digit, then a digit and two letters.
fn is_uk_postcode(text: &str) -> bool {
    let compact: Vec<char> = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if !(5..=7).contains(&compact.len()) {
        return false;
    }
    let (outward, inward) = compact.split_at(compact.len() - 3);
    let inward_ok =
        inward[0].is_ascii_digit() && inward[1..].iter().all(|c| c.is_ascii_uppercase());
    let letters = outward
        .iter()
        .take_while(|c| c.is_ascii_uppercase())
        .count();
    let rest = &outward[letters..];
    let outward_ok = (1..=2).contains(&letters)
        && rest.first().is_some_and(char::is_ascii_digit)
        && rest.len() <= 2
        && rest.iter().all(char::is_ascii_alphanumeric);
    inward_ok && outward_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postcodes_are_checked_for_shape() {
        for good in ["SW1A 1AA", "m1 1ae", "CF10 3NQ", "B338TH", "W1A 0AX"] {
            assert!(is_uk_postcode(good), "{good}");
        }
        for bad in ["", "SW1A", "1AA SW1", "SW1A 1A1", "ABC1 1AA", "SW1A 1AAA"] {
            assert!(!is_uk_postcode(bad), "{bad}");
        }
    }

    #[test]
    fn missing_parts_are_named_in_page_order() {
        let errors = BillingAddress::default().check();
        let fields: Vec<&str> = errors.iter().map(|(field, _)| *field).collect();
        assert_eq!(
            fields,
            ["address-line-1", "address-city", "address-postcode"]
        );
        let full = BillingAddress {
            line1: "1 High Street".into(),
            line2: String::new(),
            city: "Cardiff".into(),
            postcode: "CF10 1AA".into(),
        };
        assert!(full.check().is_empty());
    }
}
