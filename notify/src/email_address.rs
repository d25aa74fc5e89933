//! Email addresses, checked the way GOV.UK Notify checks them.

use crate::formatters::strip_and_remove_obscure_whitespace;
use crate::recipient_error::RecipientError;

/// An email address Notify would send to.
///
/// Stricter than RFC 5322 on purpose, as Notify is: no quoted local parts, no IP-address
/// domains, no consecutive dots, a top-level domain of letters (or punycode). International
/// domain names are accepted and checked in their punycode form.
///
/// ```
/// use civic_notify::EmailAddress;
///
/// let address = EmailAddress::parse(" Resident@Example.GOV.uk ").unwrap();
/// assert_eq!(address.as_str(), "Resident@Example.GOV.uk");
/// assert_eq!(address.normalised(), "resident@example.gov.uk");
/// assert!(EmailAddress::parse("resident@localhost").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EmailAddress {
    address: String,
}

/// Characters Notify allows before the `@`.
fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || ".!#$%&'*+/=?^_`{|}~-".contains(c)
}

impl EmailAddress {
    /// Checks an address as a resident typed it. Surrounding whitespace and invisible
    /// characters anywhere are removed; case is kept.
    pub fn parse(input: &str) -> Result<EmailAddress, RecipientError> {
        let address = strip_and_remove_obscure_whitespace(input);
        let (local, hostname) = address
            .split_once('@')
            .ok_or(RecipientError::InvalidEmail)?;
        let mut host_chars = hostname.chars();
        let shape_ok = !local.is_empty()
            && local.chars().all(is_local_char)
            && matches!(host_chars.next(), Some(c) if c != '.' && c != '@')
            && host_chars.clone().next().is_some()
            && host_chars.all(|c| c != '@' && !c.is_whitespace());
        if !shape_ok || address.chars().count() > 320 || address.contains("..") {
            return Err(RecipientError::InvalidEmail);
        }
        let ascii = hostname_to_ascii(hostname).ok_or(RecipientError::InvalidEmail)?;
        let parts: Vec<&str> = ascii.split('.').collect();
        if ascii.len() > 253 || parts.len() < 2 {
            return Err(RecipientError::InvalidEmail);
        }
        if !parts
            .iter()
            .all(|part| !part.is_empty() && part.len() <= 63 && is_hostname_part(part))
        {
            return Err(RecipientError::InvalidEmail);
        }
        match parts.last() {
            Some(tld) if is_tld(tld) => Ok(EmailAddress { address }),
            _ => Err(RecipientError::InvalidEmail),
        }
    }

    /// The address as given, whitespace removed.
    pub fn as_str(&self) -> &str {
        &self.address
    }

    /// The address in lower case, for comparing and de-duplicating as Notify does.
    pub fn normalised(&self) -> String {
        self.address.to_lowercase()
    }
}

impl std::fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.address)
    }
}

impl serde::Serialize for EmailAddress {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.address)
    }
}

impl<'de> serde::Deserialize<'de> for EmailAddress {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        EmailAddress::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl AsRef<str> for EmailAddress {
    fn as_ref(&self) -> &str {
        &self.address
    }
}

/// The hostname in ASCII. Like Python's `idna` codec, ASCII labels pass through untouched
/// (so malformed punycode is left for the label checks to refuse) and only labels with other
/// characters are converted.
fn hostname_to_ascii(hostname: &str) -> Option<String> {
    let mut labels = Vec::new();
    for label in hostname.split('.') {
        if label.is_ascii() {
            labels.push(label.to_owned());
        } else {
            let converted = idna::domain_to_ascii(label).ok()?;
            if converted.contains('.') {
                return None;
            }
            labels.push(converted);
        }
    }
    Some(labels.join("."))
}

/// `^(xn|[a-z0-9]+)(-?-[a-z0-9]+)*$`, case-insensitively: alphanumeric runs joined by one or
/// two hyphens.
fn is_hostname_part(part: &str) -> bool {
    let bytes = part.as_bytes();
    if bytes.first().is_none_or(|b| !b.is_ascii_alphanumeric())
        || bytes.last().is_none_or(|b| !b.is_ascii_alphanumeric())
    {
        return false;
    }
    !part.contains("---") && part.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// `^([a-z]{2,63}|xn--([a-z0-9]+-)*[a-z0-9]+)$`, case-insensitively.
fn is_tld(tld: &str) -> bool {
    let letters = (2..=63).contains(&tld.len()) && tld.bytes().all(|b| b.is_ascii_alphabetic());
    let punycode = tld
        .get(..4)
        .is_some_and(|start| start.eq_ignore_ascii_case("xn--"))
        && tld.get(4..).is_some_and(|rest| {
            !rest.is_empty()
                && rest
                    .split('-')
                    .all(|run| !run.is_empty() && run.bytes().all(|b| b.is_ascii_alphanumeric()))
        });
    letters || punycode
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ordinary_addresses() {
        assert!(EmailAddress::parse("firstname.o'lastname@domain.com").is_ok());
        assert!(EmailAddress::parse("email@double--hyphen.com").is_ok());
        assert!(EmailAddress::parse("japanese-info@例え.テスト").is_ok());
    }

    #[test]
    fn refusals() {
        for bad in [
            "email@123.123.123.123",
            "two-dots..in-local@domain.com",
            "incorrect-punycode@xn---something.com",
            "underscores-in-domain@dom_ain.com",
            "email@-domain.com",
            "email@domain.c",
        ] {
            assert_eq!(
                EmailAddress::parse(bad),
                Err(RecipientError::InvalidEmail),
                "{bad}"
            );
        }
    }

    proptest! {
        #[test]
        fn never_panics(input in "\\PC{0,80}") {
            let _ = EmailAddress::parse(&input);
        }

        #[test]
        fn accepted_addresses_have_one_at(input in "[a-z.@'-]{1,20}@[a-z.-]{1,20}") {
            if let Ok(address) = EmailAddress::parse(&input) {
                prop_assert_eq!(address.as_str().matches('@').count(), 1);
            }
        }
    }
}
