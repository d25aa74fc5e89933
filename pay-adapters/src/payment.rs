//! The payment and refund types every provider speaks: [`NewPayment`], [`Payment`],
//! [`PaymentEvent`], [`NewRefund`], [`Refund`] and [`Metadata`].
//!
//! Their JSON shape follows GOV.UK Pay's API, so `--json` output and stored records read the
//! same whichever provider a council uses.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use url::Url;

use crate::error::PaymentError;
use crate::line_item::{self, LineItem};
use crate::messages::Language;
use crate::money::Money;
use crate::status::PaymentStatus;

/// One metadata value: GOV.UK Pay accepts strings, numbers and booleans only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum MetadataValue {
    /// A string of at most 100 characters.
    String(String),
    /// A number.
    Number(serde_json::Number),
    /// A boolean.
    Bool(bool),
}

/// Reconciliation data attached to a payment: 1 to 15 keys of at most 30 characters, each a
/// string (at most 100 characters), number or boolean.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(transparent)]
pub struct Metadata(BTreeMap<String, MetadataValue>);

impl Metadata {
    /// The most keys GOV.UK Pay accepts.
    pub const MAX_KEYS: usize = 15;
    /// The longest key.
    pub const MAX_KEY_CHARS: usize = 30;
    /// The longest string value.
    pub const MAX_VALUE_CHARS: usize = 100;

    /// Checks a JSON object and keeps it; refuses nested objects, arrays and nulls, too many
    /// keys and over-long keys or values.
    pub fn from_json(value: &serde_json::Value) -> Result<Metadata, PaymentError> {
        let object = value
            .as_object()
            .ok_or_else(|| PaymentError::invalid("metadata", "metadata must be a JSON object"))?;
        let mut map = BTreeMap::new();
        for (key, value) in object {
            let value = match value {
                serde_json::Value::String(s) => MetadataValue::String(s.clone()),
                serde_json::Value::Number(n) => MetadataValue::Number(n.clone()),
                serde_json::Value::Bool(b) => MetadataValue::Bool(*b),
                _ => {
                    return Err(PaymentError::invalid(
                        "metadata",
                        format!("metadata value for {key:?} must be a string, number or boolean"),
                    ));
                }
            };
            map.insert(key.clone(), value);
        }
        let metadata = Metadata(map);
        metadata.check()?;
        Ok(metadata)
    }

    /// Adds or replaces one key (checked when the payment is created).
    pub fn insert(&mut self, key: impl Into<String>, value: MetadataValue) {
        self.0.insert(key.into(), value);
    }

    /// The keys and values.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &MetadataValue)> {
        self.0.iter()
    }

    /// Whether there are no keys.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Checks the limits GOV.UK Pay enforces.
    pub fn check(&self) -> Result<(), PaymentError> {
        if self.0.is_empty() || self.0.len() > Self::MAX_KEYS {
            return Err(PaymentError::invalid(
                "metadata",
                format!("metadata must have 1 to {} keys", Self::MAX_KEYS),
            ));
        }
        for (key, value) in &self.0 {
            if key.is_empty() || key.chars().count() > Self::MAX_KEY_CHARS {
                return Err(PaymentError::invalid(
                    "metadata",
                    format!("metadata keys have 1 to {} characters", Self::MAX_KEY_CHARS),
                ));
            }
            if let MetadataValue::String(s) = value
                && s.chars().count() > Self::MAX_VALUE_CHARS
            {
                return Err(PaymentError::invalid(
                    "metadata",
                    format!(
                        "metadata value for {key:?} has more than {} characters",
                        Self::MAX_VALUE_CHARS
                    ),
                ));
            }
        }
        Ok(())
    }
}

impl<'de> Deserialize<'de> for Metadata {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        Metadata::from_json(&value).map_err(serde::de::Error::custom)
    }
}

/// A billing address, as prefilled or as the provider reports it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Address {
    /// First line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line1: Option<String>,
    /// Second line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line2: Option<String>,
    /// Postcode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postcode: Option<String>,
    /// Town or city.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// Cardholder details to prefill on the payment page.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PrefilledCardholderDetails {
    /// The name on the card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cardholder_name: Option<String>,
    /// The billing address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_address: Option<Address>,
}

/// A payment to create. Serialisable so a payment record can keep the exact request and
/// resend it (with its idempotency key) to recover from a lost answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NewPayment {
    /// The amount to take: 1p to £100,000.00.
    pub amount: Money,
    /// The service's reference, shown to the resident and in reports (1–255 characters).
    pub reference: String,
    /// What is paid for, shown to the resident (1–255 characters).
    pub description: String,
    /// Where the resident returns after paying; must be https (except on a local provider).
    pub return_url: Url,
    /// The language of the payment pages.
    pub language: Language,
    /// The resident's email, to prefill and send a confirmation to.
    pub email: Option<String>,
    /// Cardholder details to prefill.
    pub prefilled_cardholder_details: Option<PrefilledCardholderDetails>,
    /// Reconciliation metadata.
    pub metadata: Option<Metadata>,
    /// Authorise now and capture later with [`crate::PaymentProvider::capture`].
    pub delayed_capture: bool,
    /// Sent as GOV.UK Pay's `Idempotency-Key`: a retried create with the same key returns the
    /// first payment instead of making a second.
    pub idempotency_key: Option<String>,
    /// What is paid for, with finance codes; kept by the service, not sent to the provider.
    pub line_items: Vec<LineItem>,
}

impl NewPayment {
    /// A payment with the required fields and everything else unset.
    pub fn new(
        amount: Money,
        reference: impl Into<String>,
        description: impl Into<String>,
        return_url: Url,
    ) -> NewPayment {
        NewPayment {
            amount,
            reference: reference.into(),
            description: description.into(),
            return_url,
            language: Language::English,
            email: None,
            prefilled_cardholder_details: None,
            metadata: None,
            delayed_capture: false,
            idempotency_key: None,
            line_items: Vec::new(),
        }
    }

    /// Sets the language of the payment pages.
    pub fn language(mut self, language: Language) -> NewPayment {
        self.language = language;
        self
    }

    /// Sets the resident's email.
    pub fn email(mut self, email: impl Into<String>) -> NewPayment {
        self.email = Some(email.into());
        self
    }

    /// Sets cardholder details to prefill.
    pub fn prefilled_cardholder_details(
        mut self,
        details: PrefilledCardholderDetails,
    ) -> NewPayment {
        self.prefilled_cardholder_details = Some(details);
        self
    }

    /// Sets metadata.
    pub fn metadata(mut self, metadata: Metadata) -> NewPayment {
        self.metadata = Some(metadata);
        self
    }

    /// Asks for delayed capture.
    pub fn delayed_capture(mut self, delayed: bool) -> NewPayment {
        self.delayed_capture = delayed;
        self
    }

    /// Sets the idempotency key.
    pub fn idempotency_key(mut self, key: impl Into<String>) -> NewPayment {
        self.idempotency_key = Some(key.into());
        self
    }

    /// Sets the line items; they must add up to the amount.
    pub fn line_items(mut self, items: Vec<LineItem>) -> NewPayment {
        self.line_items = items;
        self
    }

    /// Checks everything that does not depend on the provider, so a bad request is refused
    /// before anything is sent.
    pub fn check(&self) -> Result<(), PaymentError> {
        self.amount
            .check_payment_limits()
            .map_err(|e| PaymentError::invalid("amount", e.to_string()))?;
        check_text("reference", &self.reference, 255)?;
        check_text("description", &self.description, 255)?;
        if let Some(email) = &self.email
            && (email.chars().count() > 254 || !email.contains('@'))
        {
            return Err(PaymentError::invalid(
                "email",
                "email must be an address of at most 254 characters",
            ));
        }
        if let Some(metadata) = &self.metadata {
            metadata.check()?;
        }
        if !self.line_items.is_empty() && line_item::total(&self.line_items) != Some(self.amount) {
            return Err(PaymentError::invalid(
                "line_items",
                format!("line items must add up to the amount, {}", self.amount),
            ));
        }
        Ok(())
    }

    /// Checks the return URL: https, or http only when `allow_http` (a provider on this machine).
    pub fn check_return_url(&self, allow_http: bool) -> Result<(), PaymentError> {
        match self.return_url.scheme() {
            "https" => Ok(()),
            "http" if allow_http => Ok(()),
            _ => Err(
                PaymentError::invalid("return_url", "return_url must be an https URL")
                    .with_code("P0920"),
            ),
        }
    }
}

/// Whether `url` points at this machine (`localhost`, a loopback address): the one place a
/// plain-http return URL is allowed, for local development against a local provider.
pub(crate) fn is_local_url(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(domain)) => domain == "localhost" || domain.ends_with(".localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

/// A time as GOV.UK Pay writes it: `2016-01-21T17:15:00.000Z`.
pub(crate) fn iso_time(time: time::OffsetDateTime) -> String {
    let utc = time.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        utc.year(),
        u8::from(utc.month()),
        utc.day(),
        utc.hour(),
        utc.minute(),
        utc.second(),
        utc.millisecond()
    )
}

fn check_text(field: &str, text: &str, max: usize) -> Result<(), PaymentError> {
    let chars = text.chars().count();
    if chars == 0 || chars > max {
        return Err(PaymentError::invalid(
            field,
            format!("{field} must have 1 to {max} characters"),
        ));
    }
    Ok(())
}

/// The card a payment was made with: never more than the last four digits.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CardDetails {
    /// The last four digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_digits_card_number: Option<String>,
    /// The card brand, e.g. `Visa`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_brand: Option<String>,
    /// The name on the card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cardholder_name: Option<String>,
    /// Expiry date, `MM/YY`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiry_date: Option<String>,
}

/// How much of a payment can still be refunded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RefundSummary {
    /// `available`, `unavailable`, `pending`, `full` or `error`.
    pub status: String,
    /// How much can still be refunded.
    pub amount_available: Money,
    /// How much has been refunded.
    pub amount_submitted: Money,
}

/// A payment as the provider reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Payment {
    /// The provider's id for the payment.
    pub payment_id: String,
    /// The amount.
    pub amount: Money,
    /// The service's reference.
    pub reference: String,
    /// What was paid for.
    pub description: String,
    /// Where it stands.
    pub state: PaymentStatus,
    /// Where the resident returns.
    pub return_url: String,
    /// Where to send the resident to pay, while the payment is unfinished.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_url: Option<Url>,
    /// When it was created (ISO 8601, UTC).
    pub created_date: String,
    /// The language of the payment pages.
    pub language: Language,
    /// The resident's email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Whether it waits for capture.
    pub delayed_capture: bool,
    /// Metadata as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
    /// The card used, once known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_details: Option<CardDetails>,
    /// Refund availability.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_summary: Option<RefundSummary>,
    /// The card processor's own reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_id: Option<String>,
}

/// One change of a payment's status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PaymentEvent {
    /// The payment.
    pub payment_id: String,
    /// The status it moved to.
    pub state: PaymentStatus,
    /// When (ISO 8601, UTC).
    pub updated: String,
}

/// A refund to make.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct NewRefund {
    /// How much to refund: 1p to £100,000.00.
    pub amount: Money,
    /// What the service believes is still refundable; the provider refuses the refund
    /// (P0604) if it differs, so two staff cannot refund the same money twice.
    pub refund_amount_available: Option<Money>,
}

impl NewRefund {
    /// A refund of `amount`.
    pub fn new(amount: Money) -> NewRefund {
        NewRefund {
            amount,
            refund_amount_available: None,
        }
    }

    /// Sets the amount the service believes is still refundable.
    pub fn expecting_available(mut self, available: Money) -> NewRefund {
        self.refund_amount_available = Some(available);
        self
    }

    /// Checks the amounts before sending.
    pub fn check(&self) -> Result<(), PaymentError> {
        self.amount
            .check_payment_limits()
            .map_err(|e| PaymentError::invalid("amount", e.to_string()))?;
        if let Some(available) = self.refund_amount_available {
            available
                .check_payment_limits()
                .map_err(|e| PaymentError::invalid("refund_amount_available", e.to_string()))?;
        }
        Ok(())
    }
}

/// Where a refund stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum RefundStatus {
    /// Sent to the card processor.
    Submitted,
    /// Paid back.
    Success,
    /// Failed.
    Error,
}

/// A refund as the provider reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Refund {
    /// The provider's id for the refund.
    pub refund_id: String,
    /// The payment refunded.
    pub payment_id: String,
    /// How much.
    pub amount: Money,
    /// Where it stands.
    pub status: RefundStatus,
    /// When it was made (ISO 8601, UTC).
    pub created_date: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn request() -> NewPayment {
        NewPayment::new(
            Money::from_pence(1000).unwrap(),
            "PERMIT-1",
            "Parking permit",
            Url::parse("https://council.example/pay/return/abc").unwrap(),
        )
    }

    #[test]
    fn metadata_takes_only_scalars() {
        assert!(Metadata::from_json(&json!({"ledger": "AB1", "n": 3, "ok": true})).is_ok());
        for bad in [
            json!({"nested": {"a": 1}}),
            json!({"list": [1]}),
            json!({"none": null}),
            json!({}),
            json!("not an object"),
            json!({"k": "x".repeat(101)}),
            json!({"k".repeat(31): 1}),
        ] {
            let error = Metadata::from_json(&bad).unwrap_err();
            assert!(error.is_invalid_request(), "{bad}");
            assert_eq!(error.field(), Some("metadata"));
        }
        let too_many: serde_json::Map<String, serde_json::Value> =
            (0..16).map(|i| (format!("k{i}"), json!(i))).collect();
        assert!(Metadata::from_json(&serde_json::Value::Object(too_many)).is_err());
    }

    #[test]
    fn new_payment_checks_amount_text_and_line_items() {
        assert!(request().check().is_ok());
        let mut zero = request();
        zero.amount = Money::ZERO;
        assert_eq!(zero.check().unwrap_err().field(), Some("amount"));
        let mut huge = request();
        huge.amount = Money::from_pence(10_000_001).unwrap();
        assert_eq!(huge.check().unwrap_err().field(), Some("amount"));
        let mut no_reference = request();
        no_reference.reference.clear();
        assert_eq!(no_reference.check().unwrap_err().field(), Some("reference"));
        let wrong_total = request().line_items(vec![LineItem::new(
            "permit",
            Money::from_pence(999).unwrap(),
        )]);
        assert_eq!(wrong_total.check().unwrap_err().field(), Some("line_items"));
        let bad_email = request().email("not-an-address");
        assert_eq!(bad_email.check().unwrap_err().field(), Some("email"));
    }

    #[test]
    fn return_url_must_be_https_unless_local() {
        let mut plain = request();
        plain.return_url = Url::parse("http://council.example/return").unwrap();
        assert!(plain.check_return_url(false).is_err());
        assert!(plain.check_return_url(true).is_ok());
        assert!(request().check_return_url(false).is_ok());
    }

    #[test]
    fn refund_amounts_are_checked() {
        assert!(NewRefund::new(Money::ZERO).check().is_err());
        assert!(
            NewRefund::new(Money::from_pence(5).unwrap())
                .expecting_available(Money::from_pence(10_000_001).unwrap())
                .check()
                .is_err()
        );
    }
}
