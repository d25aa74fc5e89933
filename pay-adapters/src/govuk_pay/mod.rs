//! The GOV.UK Pay adapter (feature `govuk-pay`): every payments and refunds endpoint of
//! GOV.UK Pay's public API, behind [`PaymentProvider`].
//!
//! One pooled HTTPS client (reqwest with rustls); the API key goes as a bearer token;
//! `Content-Type: application/json` goes on every request, since GOV.UK Pay's firewall refuses
//! requests without it (P0920). Requests are checked before sending (amount 1p–£100,000.00,
//! https `return_url`, metadata shape). 429 (P0900) and 5xx answers are retried with
//! exponential backoff where a retry cannot repeat an effect.

mod errors;
mod wire;

use std::time::Duration;

use async_trait::async_trait;
use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderValue};
use reqwest::{Method, StatusCode};
use serde::de::DeserializeOwned;
use url::Url;

use crate::error::{ErrorKind, PaymentError};
use crate::payment::{NewPayment, NewRefund, Payment, PaymentEvent, Refund, is_local_url};
use crate::provider::PaymentProvider;

pub use errors::{Operation, meaning};

/// GOV.UK Pay's API, for test and live accounts alike (the key decides which).
pub const DEFAULT_BASE_URL: &str = "https://publicapi.payments.service.gov.uk/";

/// How retries back off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetryPolicy {
    /// Attempts in all, the first included.
    pub attempts: u32,
    /// The wait before the first retry; each later wait doubles, plus up to 50% jitter.
    pub first_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            attempts: 4,
            first_delay: Duration::from_millis(250),
        }
    }
}

impl RetryPolicy {
    /// A policy of `attempts` attempts waiting `first_delay`, then doubling.
    pub fn new(attempts: u32, first_delay: Duration) -> RetryPolicy {
        RetryPolicy {
            attempts: attempts.max(1),
            first_delay,
        }
    }

    fn delay(&self, retry: u32) -> Duration {
        let base = self.first_delay.saturating_mul(2u32.saturating_pow(retry));
        let jitter_ms = u64::try_from(base.as_millis() / 2).unwrap_or(u64::MAX);
        let jitter = if jitter_ms == 0 {
            0
        } else {
            rand::Rng::random_range(&mut rand::rng(), 0..=jitter_ms)
        };
        base.saturating_add(Duration::from_millis(jitter))
    }
}

/// Search filters for [`GovUkPay::search_payments`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct PaymentSearch {
    /// Your reference.
    pub reference: Option<String>,
    /// The paying user's email.
    pub email: Option<String>,
    /// A status (`created`, `success`, `failed`...).
    pub state: Option<String>,
    /// The card brand.
    pub card_brand: Option<String>,
    /// From this date-time (ISO 8601).
    pub from_date: Option<String>,
    /// To this date-time (ISO 8601).
    pub to_date: Option<String>,
    /// The page to fetch, from 1.
    pub page: Option<u32>,
    /// Results per page (at most 500).
    pub display_size: Option<u32>,
    /// The name on the card.
    pub cardholder_name: Option<String>,
    /// The card's last four digits.
    pub last_digits_card_number: Option<String>,
}

/// Search filters for [`GovUkPay::search_refunds`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RefundSearch {
    /// From this date-time (ISO 8601).
    pub from_date: Option<String>,
    /// To this date-time (ISO 8601).
    pub to_date: Option<String>,
    /// Settled from this date (`YYYY-MM-DD`).
    pub from_settled_date: Option<String>,
    /// Settled up to this date (`YYYY-MM-DD`).
    pub to_settled_date: Option<String>,
    /// The page to fetch, from 1.
    pub page: Option<u32>,
    /// Results per page (at most 500).
    pub display_size: Option<u32>,
}

/// One page of search results.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SearchPage<T> {
    /// Matches in all.
    pub total: u64,
    /// Results on this page.
    pub count: u64,
    /// This page's number.
    pub page: u64,
    /// The results.
    pub results: Vec<T>,
    /// Whether there is a next page.
    pub has_next_page: bool,
}

/// Builds a [`GovUkPay`].
pub struct GovUkPayBuilder {
    api_key: String,
    base_url: Option<Url>,
    timeout: Duration,
    retry: RetryPolicy,
}

impl std::fmt::Debug for GovUkPayBuilder {
    /// Never prints the API key.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GovUkPayBuilder")
            .field("base_url", &self.base_url.as_ref().map(Url::as_str))
            .field("timeout", &self.timeout)
            .field("retry", &self.retry)
            .finish_non_exhaustive()
    }
}

impl GovUkPayBuilder {
    /// Sends requests to `base_url` instead of GOV.UK Pay's (a mock, or a proxy).
    pub fn base_url(mut self, base_url: Url) -> Self {
        self.base_url = Some(base_url);
        self
    }

    /// How long one attempt may take, from connecting to the last byte (default 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// How retries back off.
    pub fn retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// The adapter, with its one pooled HTTP client.
    pub fn build(self) -> Result<GovUkPay, PaymentError> {
        if self.api_key.is_empty() {
            return Err(PaymentError::new(
                ErrorKind::Auth,
                "no GOV.UK Pay API key was given",
            ));
        }
        let mut base_url = match self.base_url {
            Some(url) => url,
            None => Url::parse(DEFAULT_BASE_URL).map_err(|e| {
                PaymentError::new(ErrorKind::InvalidRequest, "bad base URL").with_source(e)
            })?,
        };
        if !base_url.path().ends_with('/') {
            let path = format!("{}/", base_url.path());
            base_url.set_path(&path);
        }
        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
        let mut bearer =
            HeaderValue::from_str(&format!("Bearer {}", self.api_key)).map_err(|_| {
                PaymentError::new(
                    ErrorKind::Auth,
                    "the API key holds characters a header cannot carry",
                )
            })?;
        bearer.set_sensitive(true);
        headers.insert(AUTHORIZATION, bearer);
        let client = reqwest::Client::builder()
            .default_headers(headers)
            .timeout(self.timeout)
            .connect_timeout(self.timeout.min(Duration::from_secs(10)))
            .https_only(!is_local_url(&base_url))
            .build()
            .map_err(|e| {
                PaymentError::new(ErrorKind::Network, "could not build the HTTP client")
                    .with_source(e)
            })?;
        Ok(GovUkPay {
            client,
            base_url,
            retry: self.retry,
        })
    }
}

/// The GOV.UK Pay adapter.
#[derive(Clone)]
pub struct GovUkPay {
    client: reqwest::Client,
    base_url: Url,
    retry: RetryPolicy,
}

impl std::fmt::Debug for GovUkPay {
    /// Never prints the API key.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GovUkPay")
            .field("base_url", &self.base_url.as_str())
            .field("retry", &self.retry)
            .finish_non_exhaustive()
    }
}

/// One request to make.
struct Call<'a> {
    operation: Operation,
    method: Method,
    path: String,
    query: Vec<(&'static str, String)>,
    body: Option<Vec<u8>>,
    idempotency_key: Option<&'a str>,
    repeat: Repeat,
}

impl<'a> Call<'a> {
    fn new(operation: Operation, method: Method, path: impl Into<String>) -> Self {
        Call {
            operation,
            method,
            path: path.into(),
            query: Vec::new(),
            body: None,
            idempotency_key: None,
            repeat: Repeat::Safe,
        }
    }

    fn query(mut self, query: Vec<(&'static str, String)>) -> Self {
        self.query = query;
        self
    }

    fn body(mut self, body: Vec<u8>) -> Self {
        self.body = Some(body);
        self
    }

    fn idempotency_key(mut self, key: Option<&'a str>) -> Self {
        self.idempotency_key = key;
        self
    }

    fn repeat(mut self, repeat: Repeat) -> Self {
        self.repeat = repeat;
        self
    }
}

/// What a request may safely repeat after a 5xx or a lost connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Repeat {
    /// Reads and effects that are safe to repeat (cancel, capture, create with a key).
    Safe,
    /// Effects that could happen twice (a refund with no expected amount): only 429, which
    /// GOV.UK Pay answers before doing anything, is retried.
    OnlyRateLimit,
}

impl GovUkPay {
    /// An adapter for the live API with `api_key`.
    pub fn new(api_key: &str) -> Result<GovUkPay, PaymentError> {
        GovUkPay::builder(api_key).build()
    }

    /// An adapter for the API at `base_url` (a mock or a proxy).
    pub fn with_base_url(api_key: &str, base_url: Url) -> Result<GovUkPay, PaymentError> {
        GovUkPay::builder(api_key).base_url(base_url).build()
    }

    /// A builder, to set the base URL, timeout and retries.
    pub fn builder(api_key: &str) -> GovUkPayBuilder {
        GovUkPayBuilder {
            api_key: api_key.trim().to_owned(),
            base_url: None,
            timeout: Duration::from_secs(30),
            retry: RetryPolicy::default(),
        }
    }

    /// Replaces the retry policy.
    pub fn with_retry(mut self, retry: RetryPolicy) -> GovUkPay {
        self.retry = retry;
        self
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> &Url {
        &self.base_url
    }

    fn url(&self, path: &str) -> Result<Url, PaymentError> {
        self.base_url.join(path).map_err(|e| {
            PaymentError::new(ErrorKind::InvalidRequest, "could not build the request URL")
                .with_source(e)
        })
    }

    /// Sends one request, retrying per the policy; the body of a 2xx answer is returned.
    async fn send(&self, call: &Call<'_>) -> Result<(StatusCode, Vec<u8>), PaymentError> {
        let Call {
            operation,
            method,
            path,
            query,
            body,
            idempotency_key,
            repeat,
        } = call;
        let (operation, repeat) = (*operation, *repeat);
        let url = self.url(path)?;
        let mut attempt = 0;
        loop {
            let mut request = self
                .client
                .request(method.clone(), url.clone())
                .query(query);
            if let Some(key) = idempotency_key {
                request = request.header("Idempotency-Key", *key);
            }
            // Even body-less POSTs carry a (empty) JSON body, with the default Content-Type.
            request = request.body(body.clone().unwrap_or_default());
            let outcome = request.send().await;
            let retryable_here = match &outcome {
                Ok(response) => {
                    let status = response.status();
                    status == StatusCode::TOO_MANY_REQUESTS
                        || (status.is_server_error() && repeat == Repeat::Safe)
                }
                // A refused connection never reached GOV.UK Pay; other failures might have.
                Err(error) => error.is_connect() || (repeat == Repeat::Safe && error.is_timeout()),
            };
            attempt += 1;
            if retryable_here && attempt < self.retry.attempts {
                let wait = self.retry.delay(attempt - 1);
                tracing::debug!(
                    operation = operation.operation_id(),
                    attempt,
                    ?wait,
                    "retrying GOV.UK Pay request"
                );
                tokio::time::sleep(wait).await;
                continue;
            }
            let response = outcome.map_err(|e| {
                let what = if e.is_timeout() {
                    "GOV.UK Pay did not answer in time"
                } else {
                    "could not reach GOV.UK Pay"
                };
                PaymentError::new(ErrorKind::Network, what).with_source(e)
            })?;
            let status = response.status();
            let bytes = response.bytes().await.map_err(|e| {
                PaymentError::new(ErrorKind::Network, "the answer from GOV.UK Pay was cut off")
                    .with_source(e)
            })?;
            if status.is_success() {
                return Ok((status, bytes.to_vec()));
            }
            let error = errors::to_error(operation, status.as_u16(), &bytes);
            tracing::warn!(
                operation = operation.operation_id(),
                status = status.as_u16(),
                code = error.code(),
                "GOV.UK Pay refused a request"
            );
            return Err(error);
        }
    }

    async fn json<T: DeserializeOwned>(&self, call: Call<'_>) -> Result<T, PaymentError> {
        let (_, bytes) = self.send(&call).await?;
        let operation = call.operation;
        serde_json::from_slice(&bytes).map_err(|e| {
            PaymentError::new(
                ErrorKind::UnexpectedResponse,
                format!(
                    "could not read GOV.UK Pay's answer to {}",
                    operation.operation_id()
                ),
            )
            .with_source(e)
        })
    }

    /// Searches payments (eventually consistent: new payments may take a moment to appear).
    pub async fn search_payments(
        &self,
        search: &PaymentSearch,
    ) -> Result<SearchPage<Payment>, PaymentError> {
        let mut query = Vec::new();
        push(&mut query, "reference", &search.reference);
        push(&mut query, "email", &search.email);
        push(&mut query, "state", &search.state);
        push(&mut query, "card_brand", &search.card_brand);
        push(&mut query, "from_date", &search.from_date);
        push(&mut query, "to_date", &search.to_date);
        push(&mut query, "page", &search.page.map(|p| p.to_string()));
        push(
            &mut query,
            "display_size",
            &search.display_size.map(|p| p.to_string()),
        );
        push(&mut query, "cardholder_name", &search.cardholder_name);
        push(
            &mut query,
            "last_digits_card_number",
            &search.last_digits_card_number,
        );
        let page: wire::WireSearch<wire::WirePayment> = self
            .json(Call::new(Operation::SearchPayments, Method::GET, "v1/payments").query(query))
            .await?;
        Ok(SearchPage {
            total: page.total,
            count: page.count,
            page: page.page,
            results: page.results.into_iter().map(Payment::from).collect(),
            has_next_page: page.links.next_page.is_some(),
        })
    }

    /// Searches refunds (eventually consistent).
    pub async fn search_refunds(
        &self,
        search: &RefundSearch,
    ) -> Result<SearchPage<Refund>, PaymentError> {
        let mut query = Vec::new();
        push(&mut query, "from_date", &search.from_date);
        push(&mut query, "to_date", &search.to_date);
        push(&mut query, "from_settled_date", &search.from_settled_date);
        push(&mut query, "to_settled_date", &search.to_settled_date);
        push(&mut query, "page", &search.page.map(|p| p.to_string()));
        push(
            &mut query,
            "display_size",
            &search.display_size.map(|p| p.to_string()),
        );
        let page: wire::WireSearch<wire::WireRefund> = self
            .json(Call::new(Operation::SearchRefunds, Method::GET, "v1/refunds").query(query))
            .await?;
        Ok(SearchPage {
            total: page.total,
            count: page.count,
            page: page.page,
            results: page
                .results
                .into_iter()
                .map(|r| r.into_refund(""))
                .collect(),
            has_next_page: page.links.next_page.is_some(),
        })
    }
}

fn push(query: &mut Vec<(&'static str, String)>, name: &'static str, value: &Option<String>) {
    if let Some(value) = value {
        query.push((name, value.clone()));
    }
}

/// A payment or refund id as one URL path segment: GOV.UK Pay ids are letters and digits, so
/// anything else is refused rather than allowed to change the path.
fn id(value: &str) -> Result<&str, PaymentError> {
    if !value.is_empty() && value.len() <= 64 && value.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Ok(value)
    } else {
        Err(PaymentError::invalid(
            "payment_id",
            "ids are 1 to 64 letters and digits",
        ))
    }
}

fn encode<T: serde::Serialize>(body: &T) -> Result<Vec<u8>, PaymentError> {
    serde_json::to_vec(body).map_err(|e| {
        PaymentError::new(ErrorKind::InvalidRequest, "could not encode the request").with_source(e)
    })
}

#[async_trait]
impl PaymentProvider for GovUkPay {
    fn name(&self) -> &str {
        "govuk-pay"
    }

    async fn create(&self, request: &NewPayment) -> Result<Payment, PaymentError> {
        request.check()?;
        request.check_return_url(is_local_url(&self.base_url))?;
        if let Some(key) = &request.idempotency_key
            && (key.is_empty()
                || key.len() > 255
                || !key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        {
            return Err(PaymentError::invalid(
                "idempotency_key",
                "an idempotency key is 1 to 255 letters, digits or '-'",
            ));
        }
        let body = encode(&wire::CreatePaymentBody::new(request))?;
        // Without an idempotency key, a retried create could make a second (unpaid) payment;
        // harmless to the resident, so create is retried either way.
        let payment: wire::WirePayment = self
            .json(
                Call::new(Operation::CreatePayment, Method::POST, "v1/payments")
                    .body(body)
                    .idempotency_key(request.idempotency_key.as_deref()),
            )
            .await?;
        Ok(payment.into())
    }

    async fn get(&self, payment_id: &str) -> Result<Payment, PaymentError> {
        let path = format!("v1/payments/{}", id(payment_id)?);
        let payment: wire::WirePayment = self
            .json(Call::new(Operation::GetPayment, Method::GET, path))
            .await?;
        Ok(payment.into())
    }

    async fn events(&self, payment_id: &str) -> Result<Vec<PaymentEvent>, PaymentError> {
        let path = format!("v1/payments/{}/events", id(payment_id)?);
        let events: wire::WireEvents = self
            .json(Call::new(Operation::GetPaymentEvents, Method::GET, path))
            .await?;
        Ok(events.events)
    }

    async fn cancel(&self, payment_id: &str) -> Result<(), PaymentError> {
        let path = format!("v1/payments/{}/cancel", id(payment_id)?);
        self.send(&Call::new(Operation::CancelPayment, Method::POST, path))
            .await
            .map(|_| ())
    }

    async fn capture(&self, payment_id: &str) -> Result<(), PaymentError> {
        let path = format!("v1/payments/{}/capture", id(payment_id)?);
        self.send(&Call::new(Operation::CapturePayment, Method::POST, path))
            .await
            .map(|_| ())
    }

    async fn refund(&self, payment_id: &str, request: &NewRefund) -> Result<Refund, PaymentError> {
        request.check()?;
        let path = format!("v1/payments/{}/refunds", id(payment_id)?);
        let body = encode(&wire::CreateRefundBody {
            amount: request.amount.pence(),
            refund_amount_available: request.refund_amount_available.map(|m| m.pence()),
        })?;
        // With the expected available amount, a repeated refund is refused (P0604) instead of
        // paid twice, so only then is a 5xx retried.
        let repeat = if request.refund_amount_available.is_some() {
            Repeat::Safe
        } else {
            Repeat::OnlyRateLimit
        };
        let refund: wire::WireRefund = self
            .json(
                Call::new(Operation::CreateRefund, Method::POST, path)
                    .body(body)
                    .repeat(repeat),
            )
            .await?;
        Ok(refund.into_refund(payment_id))
    }

    async fn get_refund(&self, payment_id: &str, refund_id: &str) -> Result<Refund, PaymentError> {
        let path = format!("v1/payments/{}/refunds/{}", id(payment_id)?, id(refund_id)?);
        let refund: wire::WireRefund = self
            .json(Call::new(Operation::GetRefund, Method::GET, path))
            .await?;
        Ok(refund.into_refund(payment_id))
    }

    async fn refunds(&self, payment_id: &str) -> Result<Vec<Refund>, PaymentError> {
        let path = format!("v1/payments/{}/refunds", id(payment_id)?);
        let refunds: wire::WireRefunds = self
            .json(Call::new(Operation::GetRefunds, Method::GET, path))
            .await?;
        Ok(refunds
            .embedded
            .refunds
            .into_iter()
            .map(|r| r.into_refund(payment_id))
            .collect())
    }

    fn is_payment_page(&self, url: &Url) -> bool {
        if is_local_url(&self.base_url) {
            // A local mock serves its own pages.
            return url.origin() == self.base_url.origin();
        }
        url.scheme() == "https"
            && url.port().is_none()
            && url.host_str() == Some("card.payments.service.gov.uk")
    }
}
