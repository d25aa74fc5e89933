//! The sandbox behind GOV.UK Pay's own API (feature `axum`): `POST /v1/payments` and the rest,
//! same shapes, same error codes. A service configured for GOV.UK Pay (`GovUkPay` with this
//! base URL, or any other GOV.UK Pay client) runs against the sandbox unchanged.
//!
//! Searches (`GET /v1/payments`, `GET /v1/refunds`) are not offered.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use serde_json::{Value, json};
use url::Url;

use super::SandboxProvider;
use crate::error::{ErrorKind, PaymentError};
use crate::messages::Language;
use crate::money::Money;
use crate::payment::{
    Metadata, NewPayment, NewRefund, Payment, PrefilledCardholderDetails, Refund,
};
use crate::provider::PaymentProvider;

struct Api {
    sandbox: SandboxProvider,
    api_key: String,
}

/// GOV.UK Pay's payments and refunds API over the sandbox, accepting `api_key` as bearer
/// token. Mount it at the root of the sandbox's base URL, beside [`super::router`].
pub fn api_router(sandbox: SandboxProvider, api_key: impl Into<String>) -> Router {
    Router::new()
        .route("/v1/payments", post(create))
        .route("/v1/payments/{id}", get(get_payment))
        .route("/v1/payments/{id}/events", get(events))
        .route("/v1/payments/{id}/cancel", post(cancel))
        .route("/v1/payments/{id}/capture", post(capture))
        .route("/v1/payments/{id}/refunds", post(refund).get(refunds))
        .route("/v1/payments/{id}/refunds/{refund_id}", get(get_refund))
        .with_state(Arc::new(Api {
            sandbox,
            api_key: api_key.into(),
        }))
}

type Shared = State<Arc<Api>>;

/// GOV.UK Pay's gate, `Some` refusal or `None` to go on: a 401 with no body for a wrong key, P0920 without the JSON content type.
fn gate(api: &Api, headers: &HeaderMap) -> Option<Response> {
    let header = |name| headers.get(name).and_then(|v| v.to_str().ok());
    if header(axum::http::header::AUTHORIZATION) != Some(&format!("Bearer {}", api.api_key)) {
        return Some(StatusCode::UNAUTHORIZED.into_response());
    }
    if header(axum::http::header::CONTENT_TYPE) != Some("application/json") {
        return Some(error_body(
            400,
            "P0920",
            "Request blocked by security rules. Please consult API documentation for more information.",
            None,
        ));
    }
    None
}

fn error_body(status: u16, code: &str, description: &str, field: Option<&str>) -> Response {
    let mut body = json!({"code": code, "description": description});
    if let Some(field) = field {
        body["field"] = json!(field);
    }
    json_response(status, &body)
}

fn json_response(status: u16, body: &Value) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, axum::Json(body.clone())).into_response()
}

/// A sandbox error as GOV.UK Pay would answer it.
fn refused(error: &PaymentError, fallback_code: &str) -> Response {
    let status = error.http_status().unwrap_or(match error.kind() {
        ErrorKind::InvalidRequest => 422,
        ErrorKind::NotFound => 404,
        ErrorKind::Conflict => 409,
        _ => 500,
    });
    let code = error.code().unwrap_or(fallback_code);
    error_body(status, code, error.description(), error.field())
}

fn links(base: &Url, payment: &Payment) -> Value {
    let id = &payment.payment_id;
    let link =
        |path: String, method: &str| json!({"href": format!("{base}{path}"), "method": method});
    let mut links = json!({
        "self": link(format!("v1/payments/{id}"), "GET"),
        "events": link(format!("v1/payments/{id}/events"), "GET"),
        "refunds": link(format!("v1/payments/{id}/refunds"), "GET"),
    });
    if let Some(next) = &payment.next_url {
        links["next_url"] = json!({"href": next.as_str(), "method": "GET"});
        links["cancel"] = link(format!("v1/payments/{id}/cancel"), "POST");
    }
    if payment.state == crate::PaymentStatus::Capturable {
        links["capture"] = link(format!("v1/payments/{id}/capture"), "POST");
    }
    links
}

fn payment_body(base: &Url, payment: &Payment) -> Value {
    let mut body = serde_json::to_value(payment).unwrap_or_default();
    if let Some(object) = body.as_object_mut() {
        object.remove("next_url");
        object.insert("payment_provider".to_owned(), json!("sandbox"));
        object.insert("moto".to_owned(), json!(false));
        object.insert("_links".to_owned(), links(base, payment));
    }
    body
}

fn refund_body(base: &Url, refund: &Refund) -> Value {
    let mut body = serde_json::to_value(refund).unwrap_or_default();
    let (id, rid) = (&refund.payment_id, &refund.refund_id);
    body["_links"] = json!({
        "self": {"href": format!("{base}v1/payments/{id}/refunds/{rid}"), "method": "GET"},
        "payment": {"href": format!("{base}v1/payments/{id}"), "method": "GET"},
    });
    body
}

#[derive(Deserialize)]
struct CreateBody {
    amount: Option<i64>,
    reference: Option<String>,
    description: Option<String>,
    return_url: Option<String>,
    #[serde(default)]
    language: Option<Language>,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    prefilled_cardholder_details: Option<PrefilledCardholderDetails>,
    #[serde(default)]
    metadata: Option<Value>,
    #[serde(default)]
    delayed_capture: Option<bool>,
}

async fn create(State(api): Shared, headers: HeaderMap, body: Bytes) -> Response {
    if let Some(refusal) = gate(&api, &headers) {
        return refusal;
    }
    let Ok(body) = serde_json::from_slice::<CreateBody>(&body) else {
        return error_body(400, "P0197", "Unable to parse JSON", None);
    };
    let (Some(amount), Some(reference), Some(description), Some(return_url)) = (
        body.amount,
        body.reference,
        body.description,
        body.return_url,
    ) else {
        return error_body(400, "P0101", "Missing mandatory attribute", None);
    };
    let Ok(amount) = Money::from_pence(amount) else {
        return error_body(
            422,
            "P0102",
            "Invalid attribute value: amount. Must be greater than or equal to 1",
            Some("amount"),
        );
    };
    let Ok(return_url) = Url::parse(&return_url) else {
        return error_body(
            422,
            "P0102",
            "Invalid attribute value: return_url. Must be a valid URL format",
            Some("return_url"),
        );
    };
    let mut request = NewPayment::new(amount, reference, description, return_url)
        .language(body.language.unwrap_or_default())
        .delayed_capture(body.delayed_capture.unwrap_or(false));
    request.email = body.email;
    request.prefilled_cardholder_details = body.prefilled_cardholder_details;
    if let Some(metadata) = body.metadata {
        match Metadata::from_json(&metadata) {
            Ok(metadata) => request.metadata = Some(metadata),
            Err(error) => return error_body(422, "P0102", error.description(), Some("metadata")),
        }
    }
    let key = headers.get("idempotency-key").and_then(|v| v.to_str().ok());
    let replay = match key {
        Some(key) => api
            .sandbox
            .store
            .load_by_idempotency_key(key)
            .await
            .ok()
            .flatten()
            .is_some(),
        None => false,
    };
    request.idempotency_key = key.map(str::to_owned);
    match api.sandbox.create(&request).await {
        Ok(payment) => json_response(
            if replay { 200 } else { 201 },
            &payment_body(&api.sandbox.base_url, &payment),
        ),
        Err(error) if error.code() == Some("P0920") => {
            refused(&error.with_http_status(422), "P0920")
        }
        Err(error) => refused(&error, "P0102"),
    }
}

async fn get_payment(State(api): Shared, headers: HeaderMap, Path(id): Path<String>) -> Response {
    if let Some(refusal) = gate(&api, &headers) {
        return refusal;
    }
    match api.sandbox.get(&id).await {
        Ok(payment) => json_response(200, &payment_body(&api.sandbox.base_url, &payment)),
        Err(error) => refused(&error, "P0298"),
    }
}

async fn events(State(api): Shared, headers: HeaderMap, Path(id): Path<String>) -> Response {
    if let Some(refusal) = gate(&api, &headers) {
        return refusal;
    }
    let base = &api.sandbox.base_url;
    match api.sandbox.events(&id).await {
        Ok(events) => {
            let events: Vec<Value> = events
                .iter()
                .map(|e| {
                    let mut event = serde_json::to_value(e).unwrap_or_default();
                    event["_links"] = json!({"payment_url": {"href": format!("{base}v1/payments/{id}"), "method": "GET"}});
                    event
                })
                .collect();
            json_response(
                200,
                &json!({
                    "payment_id": id,
                    "events": events,
                    "_links": {"self": {"href": format!("{base}v1/payments/{id}/events"), "method": "GET"}},
                }),
            )
        }
        Err(error) => refused(&error, "P0398"),
    }
}

async fn cancel(State(api): Shared, headers: HeaderMap, Path(id): Path<String>) -> Response {
    if let Some(refusal) = gate(&api, &headers) {
        return refusal;
    }
    match api.sandbox.cancel(&id).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(error) => refused(&error, "P0598"),
    }
}

async fn capture(State(api): Shared, headers: HeaderMap, Path(id): Path<String>) -> Response {
    if let Some(refusal) = gate(&api, &headers) {
        return refusal;
    }
    match api.sandbox.capture(&id).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(error) => refused(&error, "P1098"),
    }
}

#[derive(Deserialize)]
struct RefundBody {
    amount: Option<i64>,
    #[serde(default)]
    refund_amount_available: Option<i64>,
}

async fn refund(
    State(api): Shared,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    if let Some(refusal) = gate(&api, &headers) {
        return refusal;
    }
    let Ok(body) = serde_json::from_slice::<RefundBody>(&body) else {
        return error_body(400, "P0697", "Unable to parse JSON", None);
    };
    let Some(amount) = body.amount else {
        return error_body(
            400,
            "P0601",
            "Missing mandatory attribute: amount",
            Some("amount"),
        );
    };
    let (Ok(amount), Ok(available)) = (
        Money::from_pence(amount),
        body.refund_amount_available
            .map(Money::from_pence)
            .transpose(),
    ) else {
        return error_body(
            422,
            "P0602",
            "Invalid attribute value: amount",
            Some("amount"),
        );
    };
    let mut request = NewRefund::new(amount);
    request.refund_amount_available = available;
    match api.sandbox.refund(&id, &request).await {
        // The live service answers 202 with the refund.
        Ok(refund) => json_response(202, &refund_body(&api.sandbox.base_url, &refund)),
        Err(error) if error.is_invalid_request() => {
            refused(&error.with_code("P0602").with_http_status(422), "P0602")
        }
        Err(error) => refused(&error, "P0698"),
    }
}

async fn refunds(State(api): Shared, headers: HeaderMap, Path(id): Path<String>) -> Response {
    if let Some(refusal) = gate(&api, &headers) {
        return refusal;
    }
    let base = &api.sandbox.base_url;
    match api.sandbox.refunds(&id).await {
        Ok(refunds) => {
            let refunds: Vec<Value> = refunds.iter().map(|r| refund_body(base, r)).collect();
            json_response(
                200,
                &json!({
                    "payment_id": id,
                    "_links": {
                        "self": {"href": format!("{base}v1/payments/{id}/refunds"), "method": "GET"},
                        "payment": {"href": format!("{base}v1/payments/{id}"), "method": "GET"},
                    },
                    "_embedded": {"refunds": refunds},
                }),
            )
        }
        Err(error) => refused(&error, "P0898"),
    }
}

async fn get_refund(
    State(api): Shared,
    headers: HeaderMap,
    Path((id, refund_id)): Path<(String, String)>,
) -> Response {
    if let Some(refusal) = gate(&api, &headers) {
        return refusal;
    }
    match api.sandbox.get_refund(&id, &refund_id).await {
        Ok(refund) => json_response(200, &refund_body(&api.sandbox.base_url, &refund)),
        Err(error) => refused(&error, "P0798"),
    }
}
