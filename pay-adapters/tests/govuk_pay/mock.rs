//! Our mock of GOV.UK Pay's public API: an axum server on loopback that acts out payment
//! states, errors and test cards, and records every exchange for the contract test.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use civic_pay_adapters::sandbox::{CardOutcome, outcome};
use serde_json::{Value, json};
use url::Url;

pub const API_KEY: &str = "api_test_mockkey123";

/// A response forced on the next request(s), for fault tests.
#[derive(Debug, Clone)]
pub enum Fault {
    /// 429 with GOV.UK Pay's rate-limit body.
    TooManyRequests,
    /// 503 with an HTML body, as a load balancer sends.
    Unavailable,
    /// 500 "Downstream system error" with the operation's own code.
    Downstream,
    /// Wait this long before answering normally.
    Delay(Duration),
}

/// One request and its answer.
#[derive(Debug, Clone)]
pub struct Exchange {
    pub operation: Option<&'static str>,
    pub method: Method,
    pub path: String,
    pub query: Vec<(String, String)>,
    pub headers: HeaderMap,
    pub request_body: Bytes,
    pub status: u16,
    pub response_body: Bytes,
}

#[derive(Default)]
struct Inner {
    payments: HashMap<String, Value>,
    events: HashMap<String, Vec<Value>>,
    refunds: HashMap<String, Vec<Value>>,
    order: Vec<String>,
    idempotency: HashMap<String, (String, Value)>,
    faults: VecDeque<Fault>,
    log: Vec<Exchange>,
    next_id: u64,
}

#[derive(Clone)]
pub struct Mock {
    pub base_url: Url,
    inner: Arc<Mutex<Inner>>,
}

impl Mock {
    pub async fn start() -> Mock {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let mock = Mock {
            base_url: Url::parse(&format!("http://{address}/")).unwrap(),
            inner: Arc::default(),
        };
        let app = Router::new().fallback(handle).with_state(mock.clone());
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        mock
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap()
    }

    pub fn fail_next(&self, faults: impl IntoIterator<Item = Fault>) {
        self.lock().faults.extend(faults);
    }

    pub fn log(&self) -> Vec<Exchange> {
        self.lock().log.clone()
    }

    pub fn requests_to(&self, operation: &str) -> usize {
        self.lock()
            .log
            .iter()
            .filter(|e| e.operation == Some(operation))
            .count()
    }

    /// The resident opens the payment page.
    pub fn open(&self, id: &str) {
        self.transition(id, "started", None);
    }

    /// The resident submits a card; the mock acts it out as GOV.UK Pay's sandbox does.
    pub fn pay(&self, id: &str, card_number: &str) {
        self.open(id);
        self.transition(id, "submitted", None);
        let delayed = self.lock().payments[id]["delayed_capture"] == json!(true);
        match outcome(card_number) {
            CardOutcome::Authorised if delayed => self.transition(id, "capturable", None),
            CardOutcome::Authorised => self.transition(id, "success", None),
            CardOutcome::ProcessingError => self.transition(id, "error", Some("P0050")),
            _ => self.transition(id, "failed", Some("P0010")),
        }
        let mut inner = self.lock();
        let payment = inner.payments.get_mut(id).unwrap();
        payment["card_details"] = json!({
            "last_digits_card_number": &card_number[card_number.len() - 4..],
            "first_digits_card_number": &card_number[..6],
            "cardholder_name": "A Resident",
            "expiry_date": "12/30",
            "card_brand": civic_pay_adapters::sandbox::brand(card_number),
            "card_type": "debit",
        });
    }

    /// Only submitted: the card is being authorised.
    pub fn submit_only(&self, id: &str) {
        self.open(id);
        self.transition(id, "submitted", None);
    }

    pub fn expire(&self, id: &str) {
        self.transition(id, "failed", Some("P0020"));
    }

    pub fn payer_cancels(&self, id: &str) {
        self.transition(id, "failed", Some("P0030"));
    }

    fn transition(&self, id: &str, status: &str, code: Option<&str>) {
        let mut inner = self.lock();
        let state = state(status, code);
        let base = self.base_url.clone();
        let payment = inner.payments.get_mut(id).unwrap();
        payment["state"] = state.clone();
        if state["finished"] == json!(true) {
            payment["_links"]
                .as_object_mut()
                .unwrap()
                .remove("next_url");
            payment["_links"]
                .as_object_mut()
                .unwrap()
                .remove("next_url_post");
        }
        let amount = payment["amount"].clone();
        payment["refund_summary"] = match status {
            "success" => {
                json!({"status": "available", "amount_available": amount, "amount_submitted": 0})
            }
            "created" | "started" | "submitted" | "capturable" => {
                json!({"status": "pending", "amount_available": 0, "amount_submitted": 0})
            }
            _ => json!({"status": "unavailable", "amount_available": 0, "amount_submitted": 0}),
        };
        inner.events.entry(id.to_owned()).or_default().push(json!({
            "payment_id": id,
            "state": state,
            "updated": "2026-11-28T12:00:00.000Z",
            "_links": {"payment_url": {"href": format!("{base}v1/payments/{id}"), "method": "GET"}},
        }));
    }
}

fn state(status: &str, code: Option<&str>) -> Value {
    let finished = !matches!(status, "created" | "started" | "submitted" | "capturable");
    let mut state = json!({"status": status, "finished": finished});
    if let Some(code) = code {
        let message = match code {
            "P0010" => "Payment method rejected",
            "P0020" => "Payment expired",
            "P0030" => "Payment was cancelled by the user",
            "P0040" => "Payment was cancelled by the service",
            _ => "Payment provider returned an error",
        };
        state["code"] = json!(code);
        state["message"] = json!(message);
    }
    state
}

fn error(status: u16, code: &str, description: &str) -> (u16, Option<Value>) {
    (
        status,
        Some(json!({"code": code, "description": description})),
    )
}

fn field_error(status: u16, code: &str, field: &str, description: &str) -> (u16, Option<Value>) {
    (
        status,
        Some(json!({"code": code, "field": field, "description": description})),
    )
}

/// The operation a request is for, by the spec's operationId.
pub fn operation(method: &Method, segments: &[&str]) -> Option<&'static str> {
    Some(match (method.as_str(), segments) {
        ("POST", ["v1", "payments"]) => "Create a payment",
        ("GET", ["v1", "payments"]) => "Search payments",
        ("GET", ["v1", "payments", _]) => "Get a payment",
        ("GET", ["v1", "payments", _, "events"]) => "Get events for a payment",
        ("POST", ["v1", "payments", _, "cancel"]) => "Cancel a payment",
        ("POST", ["v1", "payments", _, "capture"]) => "Capture a payment",
        ("POST", ["v1", "payments", _, "refunds"]) => "Submit a refund for a payment",
        ("GET", ["v1", "payments", _, "refunds"]) => "Get all refunds for a payment",
        ("GET", ["v1", "payments", _, "refunds", _]) => "Get a payment refund",
        ("GET", ["v1", "refunds"]) => "Search refunds",
        _ => return None,
    })
}

fn downstream_code(operation: &str) -> &'static str {
    match operation {
        "Create a payment" => "P0198",
        "Get a payment" => "P0298",
        "Get events for a payment" => "P0398",
        "Search payments" => "P0498",
        "Cancel a payment" => "P0598",
        "Submit a refund for a payment" => "P0698",
        "Get a payment refund" => "P0798",
        "Get all refunds for a payment" => "P0898",
        "Capture a payment" => "P1098",
        _ => "P1898",
    }
}

async fn handle(
    State(mock): State<Mock>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let path = uri.path().to_owned();
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let query: Vec<(String, String)> = uri
        .query()
        .map(|q| {
            url::form_urlencoded::parse(q.as_bytes())
                .into_owned()
                .collect()
        })
        .unwrap_or_default();
    let operation = operation(&method, &segments);
    let fault = mock.lock().faults.pop_front();
    let (status, response): (u16, Option<Value>) = match fault {
        Some(Fault::Delay(wait)) => {
            tokio::time::sleep(wait).await;
            answer(&mock, operation, &segments, &query, &headers, &body)
        }
        Some(Fault::TooManyRequests) => {
            // The live rate-limit body differs from RequestError: no field, no header.
            (
                429,
                Some(json!({"code": "P0900", "description": "Too many requests"})),
            )
        }
        Some(Fault::Unavailable) => {
            let html = Bytes::from_static(b"<html><body>503 Service Unavailable</body></html>");
            record(
                &mock,
                operation,
                &method,
                &path,
                query,
                headers,
                body,
                503,
                html.clone(),
            );
            return (StatusCode::SERVICE_UNAVAILABLE, html).into_response();
        }
        Some(Fault::Downstream) => error(
            500,
            downstream_code(operation.unwrap_or_default()),
            "Downstream system error",
        ),
        None => answer(&mock, operation, &segments, &query, &headers, &body),
    };
    let bytes = response
        .map(|v| Bytes::from(serde_json::to_vec(&v).unwrap()))
        .unwrap_or_default();
    record(
        &mock,
        operation,
        &method,
        &path,
        query,
        headers,
        body,
        status,
        bytes.clone(),
    );
    let mut response = (StatusCode::from_u16(status).unwrap(), bytes.clone()).into_response();
    if !bytes.is_empty() {
        response.headers_mut().insert(
            axum::http::header::CONTENT_TYPE,
            "application/json".parse().unwrap(),
        );
    }
    response
}

#[allow(clippy::too_many_arguments)]
fn record(
    mock: &Mock,
    operation: Option<&'static str>,
    method: &Method,
    path: &str,
    query: Vec<(String, String)>,
    headers: HeaderMap,
    request_body: Bytes,
    status: u16,
    response_body: Bytes,
) {
    mock.lock().log.push(Exchange {
        operation,
        method: method.clone(),
        path: path.to_owned(),
        query,
        headers,
        request_body,
        status,
        response_body,
    });
}

fn answer(
    mock: &Mock,
    operation: Option<&'static str>,
    segments: &[&str],
    query: &[(String, String)],
    headers: &HeaderMap,
    body: &Bytes,
) -> (u16, Option<Value>) {
    let authorised = headers.get("authorization").and_then(|v| v.to_str().ok())
        == Some(&format!("Bearer {API_KEY}"));
    if !authorised {
        // The live service answers 401 with no body.
        return (401, None);
    }
    if headers.get("content-type").and_then(|v| v.to_str().ok()) != Some("application/json") {
        return error(
            400,
            "P0920",
            "Request blocked by security rules. Please consult API documentation for more information.",
        );
    }
    let Some(operation) = operation else {
        return (404, None);
    };
    let mut inner = mock.lock();
    let base = mock.base_url.clone();
    match (operation, segments) {
        ("Create a payment", _) => {
            let Ok(request) = serde_json::from_slice::<Value>(body) else {
                return error(400, "P0197", "Unable to parse JSON");
            };
            for field in ["amount", "reference", "description", "return_url"] {
                if request.get(field).is_none() {
                    return field_error(
                        400,
                        "P0101",
                        field,
                        &format!("Missing mandatory attribute: {field}"),
                    );
                }
            }
            let amount = request["amount"].as_i64().unwrap_or(-1);
            if !(1..=10_000_000).contains(&amount) {
                return field_error(
                    422,
                    "P0102",
                    "amount",
                    "Invalid attribute value: amount. Must be less than or equal to 10000000",
                );
            }
            if !request["return_url"]
                .as_str()
                .unwrap_or_default()
                .starts_with("https://")
            {
                return field_error(
                    422,
                    "P0920",
                    "return_url",
                    "Invalid attribute value: return_url. Must be a valid URL format",
                );
            }
            let key = headers
                .get("idempotency-key")
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned);
            if let Some(key) = &key
                && let Some((id, first)) = inner.idempotency.get(key)
            {
                if *first == request {
                    return (200, Some(inner.payments[id].clone()));
                }
                return error(
                    422,
                    "P0191",
                    "The `Idempotency-Key` you sent in the request header has already been used to create a payment.",
                );
            }
            inner.next_id += 1;
            let id = format!("mock{:022}", inner.next_id);
            let mut payment = json!({
                "amount": amount,
                "description": request["description"],
                "reference": request["reference"],
                "language": request.get("language").cloned().unwrap_or(json!("en")),
                "state": state("created", None),
                "payment_id": id,
                "payment_provider": "sandbox",
                "created_date": "2026-11-28T12:00:00.000Z",
                "return_url": request["return_url"],
                "delayed_capture": request.get("delayed_capture").cloned().unwrap_or(json!(false)),
                "moto": false,
                "refund_summary": {"status": "pending", "amount_available": 0, "amount_submitted": 0},
                "_links": {
                    "self": {"href": format!("{base}v1/payments/{id}"), "method": "GET"},
                    "next_url": {"href": format!("{base}secure/{id}"), "method": "GET"},
                    "next_url_post": {"href": format!("{base}secure"), "method": "POST", "type": "application/x-www-form-urlencoded", "params": {"chargeTokenId": {"description": "one-time token"}}},
                    "events": {"href": format!("{base}v1/payments/{id}/events"), "method": "GET"},
                    "refunds": {"href": format!("{base}v1/payments/{id}/refunds"), "method": "GET"},
                    "cancel": {"href": format!("{base}v1/payments/{id}/cancel"), "method": "POST"},
                },
            });
            for optional in ["email", "metadata"] {
                if let Some(value) = request.get(optional) {
                    payment[optional] = value.clone();
                }
            }
            if let Some(name) = request.pointer("/prefilled_cardholder_details/cardholder_name") {
                payment["card_details"] = json!({"cardholder_name": name});
            }
            if let Some(key) = key {
                inner.idempotency.insert(key, (id.clone(), request.clone()));
            }
            inner.events.insert(id.clone(), vec![json!({
                "payment_id": id, "state": state("created", None), "updated": "2026-11-28T12:00:00.000Z",
                "_links": {"payment_url": {"href": format!("{base}v1/payments/{id}"), "method": "GET"}},
            })]);
            inner.order.push(id.clone());
            inner.payments.insert(id, payment.clone());
            (201, Some(payment))
        }
        ("Get a payment", [_, _, id]) => match inner.payments.get(*id) {
            Some(payment) => (200, Some(payment.clone())),
            None => error(404, "P0200", "Not found"),
        },
        ("Get events for a payment", [_, _, id, _]) => match inner.events.get(*id) {
            Some(events) => (
                200,
                Some(json!({
                    "payment_id": id,
                    "events": events,
                    "_links": {"self": {"href": format!("{base}v1/payments/{id}/events"), "method": "GET"}},
                })),
            ),
            None => error(404, "P0300", "Not found"),
        },
        ("Cancel a payment", [_, _, id, _]) => {
            let Some(payment) = inner.payments.get(*id) else {
                return error(404, "P0500", "Not found");
            };
            if payment["state"]["finished"] == json!(true) {
                return error(409, "P0502", "Cancellation of payment failed");
            }
            drop(inner);
            mock.transition(id, "cancelled", Some("P0040"));
            (204, None)
        }
        ("Capture a payment", [_, _, id, _]) => {
            let Some(payment) = inner.payments.get(*id) else {
                return error(404, "P1000", "Not found");
            };
            if payment["state"]["status"] != json!("capturable") {
                return error(409, "P1003", "Payment cannot be captured");
            }
            drop(inner);
            mock.transition(id, "success", None);
            (204, None)
        }
        ("Submit a refund for a payment", [_, _, id, _]) => {
            let Some(payment) = inner.payments.get(*id).cloned() else {
                return error(404, "P0600", "Not found");
            };
            let Ok(request) = serde_json::from_slice::<Value>(body) else {
                return error(400, "P0697", "Unable to parse JSON");
            };
            let Some(amount) = request.get("amount").and_then(Value::as_i64) else {
                return field_error(
                    400,
                    "P0601",
                    "amount",
                    "Missing mandatory attribute: amount",
                );
            };
            let summary = &payment["refund_summary"];
            if summary["status"] != json!("available") {
                return error(
                    400,
                    "P0603",
                    &format!(
                        "The payment is not available for refund. Payment refund status: {}",
                        summary["status"].as_str().unwrap_or_default()
                    ),
                );
            }
            let available = summary["amount_available"].as_i64().unwrap_or(0);
            if let Some(expected) = request
                .get("refund_amount_available")
                .and_then(Value::as_i64)
                && expected != available
            {
                // The spec documents this 412 with no body schema; the service sends one.
                return error(412, "P0604", "Refund amount available mismatch.");
            }
            if amount > available {
                return error(
                    400,
                    "P0603",
                    "The payment is not available for refund. Payment refund status: amount_not_available",
                );
            }
            inner.next_id += 1;
            let refund_id = format!("refund{:020}", inner.next_id);
            let refund = json!({
                "refund_id": refund_id,
                "payment_id": id,
                "created_date": "2026-11-28T12:05:00.000Z",
                "amount": amount,
                "status": "submitted",
                "settlement_summary": {},
                "_links": {
                    "self": {"href": format!("{base}v1/payments/{id}/refunds/{refund_id}"), "method": "GET"},
                    "payment": {"href": format!("{base}v1/payments/{id}"), "method": "GET"},
                },
            });
            inner
                .refunds
                .entry((*id).to_owned())
                .or_default()
                .push(refund.clone());
            let payment = inner.payments.get_mut(*id).unwrap();
            let left = available - amount;
            payment["refund_summary"] = json!({
                "status": if left == 0 { "full" } else { "available" },
                "amount_available": left,
                "amount_submitted": payment["amount"].as_i64().unwrap_or(0) - left,
            });
            // The live service answers 202 with the refund, where the spec says 200.
            (202, Some(refund))
        }
        ("Get all refunds for a payment", [_, _, id, _]) => {
            if !inner.payments.contains_key(*id) {
                return error(404, "P0800", "Not found");
            }
            let refunds = settle(inner.refunds.get_mut(*id));
            (
                200,
                Some(json!({
                    "payment_id": id,
                    "_links": {
                        "self": {"href": format!("{base}v1/payments/{id}/refunds"), "method": "GET"},
                        "payment": {"href": format!("{base}v1/payments/{id}"), "method": "GET"},
                    },
                    "_embedded": {"refunds": refunds},
                })),
            )
        }
        ("Get a payment refund", [_, _, id, _, refund_id]) => {
            let refunds = settle(inner.refunds.get_mut(*id));
            match refunds
                .into_iter()
                .find(|r| r["refund_id"] == json!(refund_id))
            {
                Some(refund) => (200, Some(refund)),
                None => error(404, "P0700", "Not found"),
            }
        }
        ("Search payments", _) => {
            let Some((page, size)) = paging(query) else {
                return error(
                    422,
                    "P0401",
                    "Invalid parameters: display_size. See Public API documentation for the correct data formats",
                );
            };
            let filter = |p: &Value| {
                query.iter().all(|(k, v)| match k.as_str() {
                    "reference" => p["reference"] == json!(v),
                    "state" => p["state"]["status"] == json!(v),
                    "email" => p["email"] == json!(v),
                    _ => true,
                })
            };
            let all: Vec<Value> = inner
                .order
                .iter()
                .map(|id| inner.payments[id].clone())
                .filter(filter)
                .collect();
            search_page(&base, "v1/payments", all, page, size, "P0402")
        }
        ("Search refunds", _) => {
            let Some((page, size)) = paging(query) else {
                return error(
                    422,
                    "P1101",
                    "Invalid parameters: display_size. See Public API documentation for the correct data formats",
                );
            };
            let all: Vec<Value> = inner
                .order
                .clone()
                .iter()
                .flat_map(|id| settle(inner.refunds.get_mut(id)))
                .collect();
            search_page(&base, "v1/refunds", all, page, size, "P1100")
        }
        _ => (404, None),
    }
}

/// Refunds the mock has reported once move from submitted to success, as the card
/// processor confirms them.
fn settle(refunds: Option<&mut Vec<Value>>) -> Vec<Value> {
    let Some(refunds) = refunds else {
        return Vec::new();
    };
    let snapshot = refunds.clone();
    for refund in refunds.iter_mut() {
        refund["status"] = json!("success");
    }
    snapshot
}

fn paging(query: &[(String, String)]) -> Option<(usize, usize)> {
    let get = |name: &str, default: usize| match query.iter().find(|(k, _)| k == name) {
        Some((_, v)) => v.parse::<usize>().ok().filter(|n| *n >= 1),
        None => Some(default),
    };
    let size = get("display_size", 500)?;
    if size > 500 {
        return None;
    }
    Some((get("page", 1)?, size))
}

fn search_page(
    base: &Url,
    path: &str,
    all: Vec<Value>,
    page: usize,
    size: usize,
    not_found: &str,
) -> (u16, Option<Value>) {
    let total = all.len();
    let pages = total.div_ceil(size).max(1);
    if page > pages {
        return error(404, not_found, "Page not found");
    }
    let results: Vec<Value> = all.into_iter().skip((page - 1) * size).take(size).collect();
    let link = |p: usize| json!({"href": format!("{base}{path}?page={p}&display_size={size}"), "method": "GET"});
    let mut links = json!({"self": link(page), "first_page": link(1), "last_page": link(pages)});
    if page < pages {
        links["next_page"] = link(page + 1);
    }
    if page > 1 {
        links["prev_page"] = link(page - 1);
    }
    (
        200,
        Some(
            json!({"total": total, "count": results.len(), "page": page, "results": results, "_links": links}),
        ),
    )
}
