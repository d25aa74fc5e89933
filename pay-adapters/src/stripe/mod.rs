//! The Stripe adapter (feature `stripe`): Stripe Checkout Sessions behind [`PaymentProvider`],
//! proving the trait fits a second real provider.
//!
//! A payment is a Checkout Session (`cs_…`) in `payment` mode, priced in GBP from the line
//! items; its PaymentIntent carries capture and refunds. Where Stripe differs from GOV.UK Pay:
//!
//! - Stripe Checkout has no Welsh; Welsh payments are shown in British English (`en-GB`).
//! - A declined card leaves the session open for another try, so `failed` (P0010) never
//!   appears; a session that ends unpaid reads as expired (P0020), including one cancelled
//!   with [`PaymentProvider::cancel`], since Stripe records both the same way.
//! - Stripe keeps no per-payment status history, so [`PaymentProvider::events`] answers
//!   [`ErrorKind::Unsupported`]; use webhooks.
//! - `refund_amount_available` is checked against the PaymentIntent just before refunding
//!   (Stripe has no such guard), and every POST carries an `Idempotency-Key`.

use std::time::Duration;

use async_trait::async_trait;
use reqwest::header::{AUTHORIZATION, HeaderMap, HeaderValue};
use reqwest::{Method, StatusCode};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use time::OffsetDateTime;
use url::Url;

use crate::error::{ErrorKind, PaymentError};
use crate::ids::random_id;
use crate::messages::Language;
use crate::money::Money;
use crate::payment::{
    NewPayment, NewRefund, Payment, PaymentEvent, Refund, RefundStatus, RefundSummary,
    is_local_url, iso_time,
};
use crate::provider::PaymentProvider;
use crate::status::{FailureReason, PaymentStatus};

/// Stripe's API.
pub const DEFAULT_BASE_URL: &str = "https://api.stripe.com/";

/// How long a resident has to pay, as on GOV.UK Pay (Stripe allows 30 minutes to 24 hours).
const SESSION_LIFETIME: time::Duration = time::Duration::minutes(90);

/// The Stripe adapter.
#[derive(Clone)]
pub struct Stripe {
    client: reqwest::Client,
    base_url: Url,
    attempts: u32,
}

impl std::fmt::Debug for Stripe {
    /// Never prints the secret key.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stripe")
            .field("base_url", &self.base_url.as_str())
            .finish_non_exhaustive()
    }
}

impl Stripe {
    /// An adapter for Stripe's API with a secret key (`sk_test_…` or `sk_live_…`).
    pub fn new(secret_key: &str) -> Result<Stripe, PaymentError> {
        let url = Url::parse(DEFAULT_BASE_URL).map_err(|e| {
            PaymentError::new(ErrorKind::InvalidRequest, "bad base URL").with_source(e)
        })?;
        Stripe::with_base_url(secret_key, url)
    }

    /// An adapter for the API at `base_url` (a mock or a proxy).
    pub fn with_base_url(secret_key: &str, base_url: Url) -> Result<Stripe, PaymentError> {
        let key = secret_key.trim();
        if key.is_empty() {
            return Err(PaymentError::new(
                ErrorKind::Auth,
                "no Stripe secret key was given",
            ));
        }
        let mut base_url = base_url;
        if !base_url.path().ends_with('/') {
            let path = format!("{}/", base_url.path());
            base_url.set_path(&path);
        }
        let mut headers = HeaderMap::new();
        let mut bearer = HeaderValue::from_str(&format!("Bearer {key}")).map_err(|_| {
            PaymentError::new(
                ErrorKind::Auth,
                "the secret key holds characters a header cannot carry",
            )
        })?;
        bearer.set_sensitive(true);
        headers.insert(AUTHORIZATION, bearer);
        let client = reqwest::Client::builder()
            .default_headers(headers)
            .timeout(Duration::from_secs(30))
            .https_only(!is_local_url(&base_url))
            .build()
            .map_err(|e| {
                PaymentError::new(ErrorKind::Network, "could not build the HTTP client")
                    .with_source(e)
            })?;
        Ok(Stripe {
            client,
            base_url,
            attempts: 3,
        })
    }

    /// One request, form-encoded as Stripe takes them, retried on 429, 5xx and refused
    /// connections; POSTs carry an idempotency key, so a retry never repeats an effect.
    async fn call<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        params: &[(String, String)],
        idempotency_key: Option<&str>,
    ) -> Result<T, PaymentError> {
        let url = self.base_url.join(path).map_err(|e| {
            PaymentError::new(ErrorKind::InvalidRequest, "could not build the request URL")
                .with_source(e)
        })?;
        let key = match (&method, idempotency_key) {
            (&Method::POST, Some(key)) => Some(key.to_owned()),
            (&Method::POST, None) => Some(random_id(32)),
            _ => None,
        };
        let mut attempt = 0;
        loop {
            let mut request = self.client.request(method.clone(), url.clone());
            request = if method == Method::GET {
                request.query(params)
            } else {
                request.form(params)
            };
            if let Some(key) = &key {
                request = request.header("Idempotency-Key", key.as_str());
            }
            let outcome = request.send().await;
            attempt += 1;
            let retry = match &outcome {
                Ok(response) => {
                    response.status() == StatusCode::TOO_MANY_REQUESTS
                        || response.status().is_server_error()
                }
                Err(error) => error.is_connect() || error.is_timeout(),
            };
            if retry && attempt < self.attempts {
                tokio::time::sleep(Duration::from_millis(100 * 2u64.pow(attempt))).await;
                continue;
            }
            let response = outcome.map_err(|e| {
                PaymentError::new(ErrorKind::Network, "could not reach Stripe").with_source(e)
            })?;
            let status = response.status();
            let bytes = response.bytes().await.map_err(|e| {
                PaymentError::new(ErrorKind::Network, "the answer from Stripe was cut off")
                    .with_source(e)
            })?;
            if !status.is_success() {
                return Err(to_error(status.as_u16(), &bytes));
            }
            return serde_json::from_slice(&bytes).map_err(|e| {
                PaymentError::new(
                    ErrorKind::UnexpectedResponse,
                    format!("could not read Stripe's answer to {path}"),
                )
                .with_source(e)
            });
        }
    }

    async fn session(&self, payment_id: &str) -> Result<Session, PaymentError> {
        let path = format!("v1/checkout/sessions/{}", id(payment_id, "cs_")?);
        let expand = [(
            "expand[]".to_owned(),
            "payment_intent.latest_charge".to_owned(),
        )];
        self.call(Method::GET, &path, &expand, None).await
    }

    /// The session's PaymentIntent id, once the resident has paid.
    async fn intent_of(&self, payment_id: &str) -> Result<(Session, String), PaymentError> {
        let session = self.session(payment_id).await?;
        let intent = session.intent_id().ok_or_else(|| {
            PaymentError::new(ErrorKind::Conflict, "the payment has not been paid yet")
        })?;
        Ok((session, intent))
    }
}

/// A Stripe id as one URL path segment: its prefix, then letters, digits and `_`.
fn id<'a>(value: &'a str, prefix: &str) -> Result<&'a str, PaymentError> {
    let ok = value.starts_with(prefix)
        && value.len() <= 255
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if ok {
        Ok(value)
    } else {
        Err(PaymentError::invalid(
            "payment_id",
            format!("a Stripe id here starts with {prefix}"),
        ))
    }
}

#[derive(Debug, Default, Deserialize)]
struct WireError {
    #[serde(default)]
    error: WireErrorBody,
}

#[derive(Debug, Default, Deserialize)]
struct WireErrorBody {
    #[serde(default, rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    param: Option<String>,
}

fn to_error(status: u16, body: &[u8]) -> PaymentError {
    let wire: WireError = serde_json::from_slice(body).unwrap_or_default();
    let error = wire.error;
    let kind = match (status, error.kind.as_deref()) {
        (401, _) => ErrorKind::Auth,
        (402, _) | (_, Some("card_error")) => ErrorKind::Declined,
        (403, _) => ErrorKind::Account,
        (404, _) => ErrorKind::NotFound,
        (409, _) | (_, Some("idempotency_error")) => ErrorKind::Conflict,
        (429, _) => ErrorKind::RateLimited,
        (500..=599, _) => ErrorKind::Provider,
        (400, _) if error.code.as_deref() == Some("resource_missing") => ErrorKind::NotFound,
        (400, _) => ErrorKind::InvalidRequest,
        _ => ErrorKind::UnexpectedResponse,
    };
    let mut out =
        PaymentError::new(kind, error.message.unwrap_or_default()).with_http_status(status);
    if let Some(code) = error.code {
        out = out.with_code(code);
    }
    if let Some(param) = error.param {
        out = out.with_field(param);
    }
    out
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Expandable<T> {
    Id(String),
    Object(Box<T>),
}

#[derive(Debug, Deserialize)]
struct Charge {
    #[serde(default)]
    amount_refunded: i64,
}

#[derive(Debug, Deserialize)]
struct Intent {
    id: String,
    status: String,
    #[serde(default)]
    latest_charge: Option<Expandable<Charge>>,
}

#[derive(Debug, Deserialize)]
struct Session {
    id: String,
    #[serde(default)]
    url: Option<String>,
    status: String,
    #[serde(default)]
    payment_status: String,
    #[serde(default)]
    amount_total: Option<i64>,
    #[serde(default)]
    created: i64,
    #[serde(default)]
    success_url: Option<String>,
    #[serde(default)]
    customer_email: Option<String>,
    #[serde(default)]
    metadata: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    payment_intent: Option<Expandable<Intent>>,
}

impl Session {
    fn intent(&self) -> Option<&Intent> {
        match &self.payment_intent {
            Some(Expandable::Object(intent)) => Some(intent),
            _ => None,
        }
    }

    fn intent_id(&self) -> Option<String> {
        match &self.payment_intent {
            Some(Expandable::Id(id)) => Some(id.clone()),
            Some(Expandable::Object(intent)) => Some(intent.id.clone()),
            None => None,
        }
    }

    fn status(&self) -> PaymentStatus {
        match (
            self.status.as_str(),
            self.intent().map(|i| i.status.as_str()),
        ) {
            ("open", _) => PaymentStatus::Created,
            ("expired", _) => PaymentStatus::Failed(FailureReason::Expired),
            ("complete", Some("succeeded")) => PaymentStatus::Success,
            ("complete", Some("requires_capture")) => PaymentStatus::Capturable,
            ("complete", Some("processing")) => PaymentStatus::Submitted,
            ("complete", Some("canceled")) => PaymentStatus::Cancelled,
            ("complete", None) if self.payment_status == "paid" => PaymentStatus::Success,
            _ => PaymentStatus::Error,
        }
    }

    fn refunded(&self) -> i64 {
        match self.intent().and_then(|i| i.latest_charge.as_ref()) {
            Some(Expandable::Object(charge)) => charge.amount_refunded,
            _ => 0,
        }
    }

    fn into_payment(self) -> Result<Payment, PaymentError> {
        let state = self.status();
        let amount = Money::from_pence(self.amount_total.unwrap_or(0))
            .map_err(|e| PaymentError::new(ErrorKind::UnexpectedResponse, e.to_string()))?;
        let refunded = Money::from_pence(self.refunded()).unwrap_or(Money::ZERO);
        let available = amount.checked_sub(refunded).unwrap_or(Money::ZERO);
        let refund_summary = RefundSummary {
            status: match state {
                PaymentStatus::Success if available == Money::ZERO => "full",
                PaymentStatus::Success => "available",
                s if !s.is_finished() => "pending",
                _ => "unavailable",
            }
            .to_owned(),
            amount_available: if state == PaymentStatus::Success {
                available
            } else {
                Money::ZERO
            },
            amount_submitted: refunded,
        };
        let created =
            OffsetDateTime::from_unix_timestamp(self.created).unwrap_or(OffsetDateTime::UNIX_EPOCH);
        let provider_id = self.intent_id();
        Ok(Payment {
            payment_id: self.id,
            amount,
            reference: self
                .metadata
                .get("civic_reference")
                .cloned()
                .unwrap_or_default(),
            description: self
                .metadata
                .get("civic_description")
                .cloned()
                .unwrap_or_default(),
            state,
            return_url: self.success_url.unwrap_or_default(),
            next_url: if state.is_finished() {
                None
            } else {
                self.url.and_then(|u| Url::parse(&u).ok())
            },
            created_date: iso_time(created),
            language: match self.metadata.get("civic_language").map(String::as_str) {
                Some("cy") => Language::Welsh,
                _ => Language::English,
            },
            email: self.customer_email,
            delayed_capture: self
                .metadata
                .get("civic_delayed_capture")
                .map(String::as_str)
                == Some("true"),
            metadata: None,
            card_details: None,
            refund_summary: Some(refund_summary),
            provider_id,
        })
    }
}

#[derive(Debug, Deserialize)]
struct WireRefund {
    id: String,
    amount: i64,
    status: String,
    #[serde(default)]
    created: i64,
    #[serde(default)]
    payment_intent: Option<String>,
}

impl WireRefund {
    fn into_refund(self, payment_id: &str) -> Result<Refund, PaymentError> {
        let created =
            OffsetDateTime::from_unix_timestamp(self.created).unwrap_or(OffsetDateTime::UNIX_EPOCH);
        Ok(Refund {
            refund_id: self.id,
            payment_id: payment_id.to_owned(),
            amount: Money::from_pence(self.amount)
                .map_err(|e| PaymentError::new(ErrorKind::UnexpectedResponse, e.to_string()))?,
            status: match self.status.as_str() {
                "succeeded" => RefundStatus::Success,
                "pending" | "requires_action" => RefundStatus::Submitted,
                _ => RefundStatus::Error,
            },
            created_date: iso_time(created),
        })
    }
}

#[derive(Debug, Deserialize)]
struct RefundList {
    data: Vec<WireRefund>,
}

fn param(params: &mut Vec<(String, String)>, name: impl Into<String>, value: impl Into<String>) {
    params.push((name.into(), value.into()));
}

#[async_trait]
impl PaymentProvider for Stripe {
    fn name(&self) -> &str {
        "stripe"
    }

    async fn create(&self, request: &NewPayment) -> Result<Payment, PaymentError> {
        request.check()?;
        request.check_return_url(is_local_url(&self.base_url))?;
        let mut p = Vec::new();
        param(&mut p, "mode", "payment");
        let items: Vec<(String, i64)> = if request.line_items.is_empty() {
            vec![(request.description.clone(), request.amount.pence())]
        } else {
            request
                .line_items
                .iter()
                .map(|i| (i.description.clone(), i.amount.pence()))
                .collect()
        };
        for (n, (name, pence)) in items.iter().enumerate() {
            param(
                &mut p,
                format!("line_items[{n}][price_data][currency]"),
                "gbp",
            );
            param(
                &mut p,
                format!("line_items[{n}][price_data][unit_amount]"),
                pence.to_string(),
            );
            param(
                &mut p,
                format!("line_items[{n}][price_data][product_data][name]"),
                name.clone(),
            );
            param(&mut p, format!("line_items[{n}][quantity]"), "1");
        }
        param(&mut p, "success_url", request.return_url.as_str());
        param(&mut p, "cancel_url", request.return_url.as_str());
        param(&mut p, "client_reference_id", request.reference.clone());
        param(&mut p, "locale", "en-GB");
        let expires = OffsetDateTime::now_utc() + SESSION_LIFETIME;
        param(&mut p, "expires_at", expires.unix_timestamp().to_string());
        if let Some(email) = &request.email {
            param(&mut p, "customer_email", email.clone());
        }
        if request.delayed_capture {
            param(&mut p, "payment_intent_data[capture_method]", "manual");
        }
        param(
            &mut p,
            "metadata[civic_reference]",
            request.reference.clone(),
        );
        param(
            &mut p,
            "metadata[civic_description]",
            request.description.clone(),
        );
        param(&mut p, "metadata[civic_language]", request.language.code());
        param(
            &mut p,
            "metadata[civic_delayed_capture]",
            request.delayed_capture.to_string(),
        );
        if let Some(metadata) = &request.metadata {
            for (key, value) in metadata.iter() {
                let value = match value {
                    crate::MetadataValue::String(s) => s.clone(),
                    crate::MetadataValue::Number(n) => n.to_string(),
                    crate::MetadataValue::Bool(b) => b.to_string(),
                };
                param(&mut p, format!("metadata[{key}]"), value);
            }
        }
        let session: Session = self
            .call(
                Method::POST,
                "v1/checkout/sessions",
                &p,
                request.idempotency_key.as_deref(),
            )
            .await?;
        session.into_payment()
    }

    async fn get(&self, payment_id: &str) -> Result<Payment, PaymentError> {
        self.session(payment_id).await?.into_payment()
    }

    async fn events(&self, _payment_id: &str) -> Result<Vec<PaymentEvent>, PaymentError> {
        Err(PaymentError::new(
            ErrorKind::Unsupported,
            "Stripe keeps no status history per payment; use webhooks",
        ))
    }

    async fn cancel(&self, payment_id: &str) -> Result<(), PaymentError> {
        let session = self.session(payment_id).await?;
        match session.status() {
            PaymentStatus::Created => {
                let path = format!("v1/checkout/sessions/{}/expire", session.id);
                self.call::<Session>(Method::POST, &path, &[], None)
                    .await
                    .map(|_| ())
            }
            PaymentStatus::Capturable => {
                let intent = session.intent_id().unwrap_or_default();
                let path = format!("v1/payment_intents/{}/cancel", id(&intent, "pi_")?);
                self.call::<Intent>(Method::POST, &path, &[], None)
                    .await
                    .map(|_| ())
            }
            _ => Err(PaymentError::new(
                ErrorKind::Conflict,
                "the payment is finished and cannot be cancelled",
            )),
        }
    }

    async fn capture(&self, payment_id: &str) -> Result<(), PaymentError> {
        let (session, intent) = self.intent_of(payment_id).await?;
        if session.status() != PaymentStatus::Capturable {
            return Err(PaymentError::new(
                ErrorKind::Conflict,
                "the payment is not waiting for capture",
            ));
        }
        let path = format!("v1/payment_intents/{}/capture", id(&intent, "pi_")?);
        self.call::<Intent>(Method::POST, &path, &[], None)
            .await
            .map(|_| ())
    }

    async fn refund(&self, payment_id: &str, request: &NewRefund) -> Result<Refund, PaymentError> {
        request.check()?;
        let (session, intent) = self.intent_of(payment_id).await?;
        let payment = session.into_payment()?;
        let available = payment
            .refund_summary
            .as_ref()
            .map(|s| s.amount_available)
            .unwrap_or(Money::ZERO);
        if let Some(expected) = request.refund_amount_available
            && expected != available
        {
            return Err(PaymentError::new(
                ErrorKind::Conflict,
                "Refund amount available mismatch.",
            ));
        }
        if payment.state != PaymentStatus::Success || request.amount > available {
            return Err(PaymentError::new(
                ErrorKind::Conflict,
                "the payment is not available for refund",
            ));
        }
        let mut p = Vec::new();
        param(&mut p, "payment_intent", intent);
        param(&mut p, "amount", request.amount.pence().to_string());
        param(&mut p, "metadata[civic_payment_id]", payment_id);
        let refund: WireRefund = self.call(Method::POST, "v1/refunds", &p, None).await?;
        refund.into_refund(payment_id)
    }

    async fn get_refund(&self, payment_id: &str, refund_id: &str) -> Result<Refund, PaymentError> {
        let (_, intent) = self.intent_of(payment_id).await?;
        let path = format!("v1/refunds/{}", id(refund_id, "re_")?);
        let refund: WireRefund = self.call(Method::GET, &path, &[], None).await?;
        if refund.payment_intent.as_deref() != Some(intent.as_str()) {
            return Err(PaymentError::new(
                ErrorKind::NotFound,
                "no such refund for this payment",
            ));
        }
        refund.into_refund(payment_id)
    }

    async fn refunds(&self, payment_id: &str) -> Result<Vec<Refund>, PaymentError> {
        let session = self.session(payment_id).await?;
        let Some(intent) = session.intent_id() else {
            return Ok(Vec::new());
        };
        let query = [
            ("payment_intent".to_owned(), intent),
            ("limit".to_owned(), "100".to_owned()),
        ];
        let list: RefundList = self.call(Method::GET, "v1/refunds", &query, None).await?;
        list.data
            .into_iter()
            .map(|r| r.into_refund(payment_id))
            .collect()
    }

    fn is_payment_page(&self, url: &Url) -> bool {
        if is_local_url(&self.base_url) {
            return url.origin() == self.base_url.origin();
        }
        url.scheme() == "https"
            && url.port().is_none()
            && url.host_str() == Some("checkout.stripe.com")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stripe_errors_answer_questions() {
        let declined = to_error(402, br#"{"error":{"type":"card_error","code":"card_declined","message":"Your card was declined."}}"#);
        assert!(declined.is_declined());
        assert_eq!(declined.code(), Some("card_declined"));
        let missing = to_error(404, br#"{"error":{"type":"invalid_request_error","code":"resource_missing","param":"id","message":"No such checkout.session"}}"#);
        assert!(missing.is_not_found());
        assert_eq!(missing.field(), Some("id"));
        assert!(to_error(429, b"").is_retryable());
        assert!(to_error(401, b"").is_auth());
        assert!(to_error(400, br#"{"error":{"type":"invalid_request_error","message":"Received unknown parameter: x"}}"#).is_invalid_request());
    }

    #[test]
    fn ids_cannot_change_the_path() {
        assert!(id("cs_test_abc123", "cs_").is_ok());
        assert!(id("cs_../../v1/refunds", "cs_").is_err());
        assert!(id("pi_123", "cs_").is_err());
    }
}
