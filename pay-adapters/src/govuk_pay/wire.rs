//! GOV.UK Pay's JSON shapes, as sent and received. Unknown fields are ignored, as GOV.UK Pay
//! asks, since it adds fields without changing the API version.

use serde::{Deserialize, Serialize};

use crate::messages::Language;
use crate::money::Money;
use crate::payment::{
    CardDetails, Metadata, NewPayment, Payment, PaymentEvent, PrefilledCardholderDetails, Refund,
    RefundStatus, RefundSummary,
};
use crate::status::PaymentStatus;

#[derive(Debug, Serialize)]
pub(crate) struct CreatePaymentBody<'a> {
    amount: i64,
    reference: &'a str,
    description: &'a str,
    return_url: &'a str,
    language: Language,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    prefilled_cardholder_details: Option<&'a PrefilledCardholderDetails>,
    #[serde(skip_serializing_if = "Option::is_none")]
    metadata: Option<&'a Metadata>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    delayed_capture: bool,
}

impl<'a> CreatePaymentBody<'a> {
    pub(crate) fn new(request: &'a NewPayment) -> Self {
        CreatePaymentBody {
            amount: request.amount.pence(),
            reference: &request.reference,
            description: &request.description,
            return_url: request.return_url.as_str(),
            language: request.language,
            email: request.email.as_deref(),
            prefilled_cardholder_details: request.prefilled_cardholder_details.as_ref(),
            metadata: request.metadata.as_ref(),
            delayed_capture: request.delayed_capture,
        }
    }
}

#[derive(Debug, Serialize)]
pub(crate) struct CreateRefundBody {
    pub amount: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refund_amount_available: Option<i64>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Link {
    pub href: String,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct PaymentLinks {
    #[serde(default)]
    pub next_url: Option<Link>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct WirePayment {
    payment_id: String,
    amount: Money,
    #[serde(default)]
    reference: String,
    #[serde(default)]
    description: String,
    state: PaymentStatus,
    #[serde(default)]
    return_url: String,
    #[serde(default)]
    created_date: String,
    #[serde(default)]
    language: Option<Language>,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    delayed_capture: bool,
    #[serde(default)]
    metadata: Option<serde_json::Value>,
    #[serde(default)]
    card_details: Option<CardDetails>,
    #[serde(default)]
    refund_summary: Option<RefundSummary>,
    #[serde(default)]
    provider_id: Option<String>,
    #[serde(default, rename = "_links")]
    links: PaymentLinks,
}

impl From<WirePayment> for Payment {
    fn from(wire: WirePayment) -> Payment {
        Payment {
            payment_id: wire.payment_id,
            amount: wire.amount,
            reference: wire.reference,
            description: wire.description,
            state: wire.state,
            return_url: wire.return_url,
            next_url: wire
                .links
                .next_url
                .and_then(|link| url::Url::parse(&link.href).ok()),
            created_date: wire.created_date,
            language: wire.language.unwrap_or_default(),
            email: wire.email,
            delayed_capture: wire.delayed_capture,
            // Metadata set outside this crate (e.g. in the admin tool) may not meet our limits;
            // it is informational here, so keep what parses and drop the rest.
            metadata: wire.metadata.and_then(|m| Metadata::from_json(&m).ok()),
            card_details: wire.card_details,
            refund_summary: wire.refund_summary,
            provider_id: wire.provider_id,
        }
    }
}

#[derive(Debug, Deserialize)]
pub(crate) struct WireEvents {
    #[serde(default)]
    pub events: Vec<PaymentEvent>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct WireRefund {
    refund_id: String,
    #[serde(default)]
    payment_id: Option<String>,
    amount: Money,
    status: RefundStatus,
    #[serde(default)]
    created_date: String,
}

impl WireRefund {
    pub(crate) fn into_refund(self, payment_id: &str) -> Refund {
        Refund {
            refund_id: self.refund_id,
            payment_id: self.payment_id.unwrap_or_else(|| payment_id.to_owned()),
            amount: self.amount,
            status: self.status,
            created_date: self.created_date,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct EmbeddedRefunds {
    #[serde(default)]
    pub refunds: Vec<WireRefund>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct WireRefunds {
    #[serde(default, rename = "_embedded")]
    pub embedded: EmbeddedRefunds,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct SearchLinks {
    #[serde(default)]
    pub next_page: Option<Link>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct WireSearch<T> {
    #[serde(default)]
    pub total: u64,
    #[serde(default)]
    pub count: u64,
    #[serde(default)]
    pub page: u64,
    #[serde(default = "Vec::new")]
    pub results: Vec<T>,
    #[serde(default, rename = "_links")]
    pub links: SearchLinks,
}
