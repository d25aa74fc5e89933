//! Our mock of the Stripe endpoints the adapter uses. It checks each request's shape against
//! Stripe's API reference as Stripe itself does: unknown parameters, bad values and missing
//! required ones are refused with Stripe's `invalid_request_error`.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use civic_pay_adapters::sandbox::{CardOutcome, outcome};
use serde_json::{Value, json};
use url::Url;

pub const SECRET_KEY: &str = "sk_test_mock51Hq";

/// Top-level parameters of "Create a Checkout Session" in Stripe's API reference.
const SESSION_CREATE_PARAMS: &[&str] = &[
    "adaptive_pricing",
    "after_expiration",
    "allow_promotion_codes",
    "automatic_tax",
    "billing_address_collection",
    "cancel_url",
    "client_reference_id",
    "consent_collection",
    "currency",
    "custom_fields",
    "custom_text",
    "customer",
    "customer_creation",
    "customer_email",
    "customer_update",
    "discounts",
    "expand",
    "expires_at",
    "invoice_creation",
    "line_items",
    "locale",
    "metadata",
    "mode",
    "payment_intent_data",
    "payment_method_collection",
    "payment_method_configuration",
    "payment_method_options",
    "payment_method_types",
    "phone_number_collection",
    "redirect_on_completion",
    "return_url",
    "saved_payment_method_options",
    "setup_intent_data",
    "shipping_address_collection",
    "shipping_options",
    "submit_type",
    "subscription_data",
    "success_url",
    "tax_id_collection",
    "ui_mode",
];

/// Parameters of "Create a refund".
const REFUND_CREATE_PARAMS: &[&str] = &[
    "amount",
    "charge",
    "currency",
    "customer",
    "instructions_email",
    "metadata",
    "origin",
    "payment_intent",
    "reason",
    "refund_application_fee",
    "reverse_transfer",
    "expand",
];

/// Parameters of "List all refunds".
const REFUND_LIST_PARAMS: &[&str] = &[
    "charge",
    "created",
    "ending_before",
    "expand",
    "limit",
    "payment_intent",
    "starting_after",
];

/// Checkout's documented locales.
const LOCALES: &[&str] = &[
    "auto", "bg", "cs", "da", "de", "el", "en", "en-GB", "es", "es-419", "et", "fi", "fil", "fr",
    "fr-CA", "hr", "hu", "id", "it", "ja", "ko", "lt", "lv", "ms", "mt", "nb", "nl", "pl", "pt",
    "pt-BR", "ro", "ru", "sk", "sl", "sv", "th", "tr", "vi", "zh", "zh-HK", "zh-TW",
];

#[derive(Debug, Clone)]
pub struct Exchange {
    pub method: Method,
    pub path: String,
    pub headers: HeaderMap,
    pub params: Vec<(String, String)>,
    pub status: u16,
}

/// A POST's parameters and the answer it got, replayed for the same idempotency key.
type Reply = (Vec<(String, String)>, u16, Value);

#[derive(Default)]
struct Inner {
    sessions: HashMap<String, Value>,
    intents: HashMap<String, Value>,
    refunds: Vec<Value>,
    replies: HashMap<String, Reply>,
    rate_limit_next: usize,
    log: Vec<Exchange>,
    next: u64,
}

#[derive(Clone)]
pub struct Mock {
    pub base_url: Url,
    inner: Arc<Mutex<Inner>>,
}

fn invalid(message: impl Into<String>, param: Option<&str>) -> (u16, Value) {
    (
        400,
        json!({"error": {"type": "invalid_request_error", "message": message.into(), "param": param}}),
    )
}

fn missing(kind: &str, id: &str) -> (u16, Value) {
    (
        404,
        json!({"error": {"type": "invalid_request_error", "code": "resource_missing", "param": "id",
            "message": format!("No such {kind}: '{id}'")}}),
    )
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

    pub fn log(&self) -> Vec<Exchange> {
        self.lock().log.clone()
    }

    pub fn rate_limit_next(&self, times: usize) {
        self.lock().rate_limit_next = times;
    }

    /// The customer pays on Stripe's page. A declined card leaves the session open, as
    /// Checkout lets the customer try another card.
    pub fn pay(&self, session_id: &str, card_number: &str) {
        let mut inner = self.lock();
        if outcome(card_number) != CardOutcome::Authorised {
            return;
        }
        inner.next += 1;
        let intent_id = format!("pi_mock{}", inner.next);
        let session = inner.sessions.get_mut(session_id).unwrap();
        let manual = session["_capture_method"] == json!("manual");
        let amount = session["amount_total"].clone();
        session["status"] = json!("complete");
        session["payment_status"] = json!(if manual { "unpaid" } else { "paid" });
        session["payment_intent"] = json!(intent_id);
        inner.intents.insert(
            intent_id.clone(),
            json!({
                "id": intent_id, "object": "payment_intent", "amount": amount,
                "status": if manual { "requires_capture" } else { "succeeded" },
                "latest_charge": {"id": format!("ch_{intent_id}"), "object": "charge", "amount_refunded": 0},
            }),
        );
    }

    pub fn expire(&self, session_id: &str) {
        self.lock().sessions.get_mut(session_id).unwrap()["status"] = json!("expired");
    }
}

fn session_view(inner: &Inner, session: &Value, expand: bool) -> Value {
    let mut view = session.clone();
    view.as_object_mut().unwrap().remove("_capture_method");
    if expand && let Some(id) = session["payment_intent"].as_str() {
        view["payment_intent"] = inner.intents[id].clone();
    }
    view
}

async fn handle(
    State(mock): State<Mock>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let path = uri.path().to_owned();
    let params: Vec<(String, String)> = if method == Method::GET {
        uri.query()
            .map(|q| {
                url::form_urlencoded::parse(q.as_bytes())
                    .into_owned()
                    .collect()
            })
            .unwrap_or_default()
    } else {
        url::form_urlencoded::parse(&body).into_owned().collect()
    };
    let (status, reply) = answer(&mock, &method, &path, &headers, &params, &body);
    mock.lock().log.push(Exchange {
        method,
        path,
        headers,
        params,
        status,
    });
    let body = if reply.is_null() {
        Vec::new()
    } else {
        serde_json::to_vec(&reply).unwrap()
    };
    (StatusCode::from_u16(status).unwrap(), body).into_response()
}

fn answer(
    mock: &Mock,
    method: &Method,
    path: &str,
    headers: &HeaderMap,
    params: &[(String, String)],
    body: &Bytes,
) -> (u16, Value) {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if header("authorization") != Some(&format!("Bearer {SECRET_KEY}")) {
        return (
            401,
            json!({"error": {"type": "invalid_request_error", "message": "Invalid API Key provided"}}),
        );
    }
    let mut inner = mock.lock();
    if inner.rate_limit_next > 0 {
        inner.rate_limit_next -= 1;
        return (
            429,
            json!({"error": {"type": "invalid_request_error", "code": "rate_limit", "message": "Too many requests"}}),
        );
    }
    let key = if *method == Method::POST {
        if header("content-type") != Some("application/x-www-form-urlencoded") {
            return invalid("POST bodies must be form-encoded", None);
        }
        let Some(key) = header("idempotency-key") else {
            return invalid(
                "the adapter must send an Idempotency-Key on every POST",
                None,
            );
        };
        if let Some((first, status, reply)) = inner.replies.get(key) {
            if first.as_slice() == params {
                return (*status, reply.clone());
            }
            return (
                400,
                json!({"error": {"type": "idempotency_error", "message": "Keys for idempotent requests can only be used with the same parameters they were first used with."}}),
            );
        }
        Some(key.to_owned())
    } else {
        if !body.is_empty() {
            return invalid("GET requests take no body", None);
        }
        None
    };
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let (status, reply) = route(mock, &mut inner, method, &segments, params);
    if let Some(key) = key
        && status < 500
    {
        inner
            .replies
            .insert(key, (params.to_vec(), status, reply.clone()));
    }
    (status, reply)
}

/// The top-level name of a form parameter: `line_items[0][quantity]` → `line_items`.
fn top(name: &str) -> &str {
    name.split('[').next().unwrap_or(name)
}

fn check_known(params: &[(String, String)], known: &[&str]) -> Option<(u16, Value)> {
    params
        .iter()
        .find(|(k, _)| !known.contains(&top(k)))
        .map(|(k, _)| invalid(format!("Received unknown parameter: {k}"), Some(k)))
}

fn get<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

fn check_session_create(params: &[(String, String)]) -> Result<(), (u16, Value)> {
    if let Some(error) = check_known(params, SESSION_CREATE_PARAMS) {
        return Err(error);
    }
    if !matches!(
        get(params, "mode"),
        Some("payment" | "setup" | "subscription")
    ) {
        return Err(invalid("Invalid mode", Some("mode")));
    }
    if get(params, "success_url").is_none() {
        return Err(invalid(
            "Missing required param: success_url.",
            Some("success_url"),
        ));
    }
    if let Some(locale) = get(params, "locale")
        && !LOCALES.contains(&locale)
    {
        return Err(invalid(format!("Invalid locale: {locale}"), Some("locale")));
    }
    if let Some(expires) = get(params, "expires_at") {
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        match expires.parse::<i64>() {
            Ok(at) if (now + 30 * 60 - 5..=now + 24 * 3600).contains(&at) => {}
            _ => {
                return Err(invalid(
                    "expires_at must be 30 minutes to 24 hours from now",
                    Some("expires_at"),
                ));
            }
        }
    }
    if let Some(method) = get(params, "payment_intent_data[capture_method]")
        && !matches!(method, "automatic" | "automatic_async" | "manual")
    {
        return Err(invalid(
            "Invalid capture_method",
            Some("payment_intent_data[capture_method]"),
        ));
    }
    for (name, value) in params {
        let item_field = name
            .strip_prefix("line_items[")
            .and_then(|rest| rest.split_once(']'));
        if let Some((index, field)) = item_field {
            if index.parse::<usize>().is_err() {
                return Err(invalid(
                    format!("Invalid array index in {name}"),
                    Some(name),
                ));
            }
            let ok = match field {
                "[quantity]" => value.parse::<u32>().is_ok_and(|q| q >= 1),
                "[price_data][currency]" => {
                    value.len() == 3 && value.bytes().all(|b| b.is_ascii_lowercase())
                }
                "[price_data][unit_amount]" => value.parse::<u64>().is_ok(),
                "[price_data][product_data][name]" => !value.is_empty(),
                _ => false,
            };
            if !ok {
                return Err(invalid(
                    format!("Invalid or unknown parameter: {name}"),
                    Some(name),
                ));
            }
        }
        if let Some(key) = name
            .strip_prefix("metadata[")
            .and_then(|k| k.strip_suffix(']'))
            && (key.is_empty() || key.chars().count() > 40 || value.chars().count() > 500)
        {
            return Err(invalid(
                "Metadata keys have up to 40 characters and values up to 500",
                Some(name),
            ));
        }
        if name.starts_with("payment_intent_data") && name != "payment_intent_data[capture_method]"
        {
            return Err(invalid(
                format!("Received unknown parameter: {name}"),
                Some(name),
            ));
        }
    }
    if let Some(reference) = get(params, "client_reference_id")
        && reference.chars().count() > 200
    {
        return Err(invalid(
            "client_reference_id has up to 200 characters",
            Some("client_reference_id"),
        ));
    }
    Ok(())
}

fn route(
    mock: &Mock,
    inner: &mut Inner,
    method: &Method,
    segments: &[&str],
    params: &[(String, String)],
) -> (u16, Value) {
    let base = &mock.base_url;
    match (method.as_str(), segments) {
        ("POST", ["v1", "checkout", "sessions"]) => {
            if let Err(error) = check_session_create(params) {
                return error;
            }
            let mut total = 0i64;
            let mut index = 0;
            while let Some(amount) = get(
                params,
                &format!("line_items[{index}][price_data][unit_amount]"),
            ) {
                let quantity: i64 = get(params, &format!("line_items[{index}][quantity]"))
                    .unwrap_or("1")
                    .parse()
                    .unwrap_or(1);
                total += amount.parse::<i64>().unwrap_or(0) * quantity;
                index += 1;
            }
            inner.next += 1;
            let id = format!("cs_test_mock{}", inner.next);
            let metadata: BTreeMap<String, String> = params
                .iter()
                .filter_map(|(k, v)| {
                    Some((
                        k.strip_prefix("metadata[")?.strip_suffix(']')?.to_owned(),
                        v.clone(),
                    ))
                })
                .collect();
            let session = json!({
                "id": id, "object": "checkout.session",
                "url": format!("{base}c/pay/{id}"),
                "status": "open", "payment_status": "unpaid",
                "amount_total": total, "currency": "gbp",
                "created": time::OffsetDateTime::now_utc().unix_timestamp(),
                "expires_at": get(params, "expires_at").and_then(|e| e.parse::<i64>().ok()),
                "client_reference_id": get(params, "client_reference_id"),
                "success_url": get(params, "success_url"),
                "cancel_url": get(params, "cancel_url"),
                "customer_email": get(params, "customer_email"),
                "locale": get(params, "locale"),
                "mode": "payment",
                "metadata": metadata,
                "payment_intent": null,
                "_capture_method": get(params, "payment_intent_data[capture_method]").unwrap_or("automatic"),
            });
            inner.sessions.insert(id, session.clone());
            (200, session_view(inner, &session, false))
        }
        ("GET", ["v1", "checkout", "sessions", id]) => {
            if let Some(error) = check_known(params, &["expand"]) {
                return error;
            }
            let expand = params
                .iter()
                .any(|(k, v)| k == "expand[]" && v == "payment_intent.latest_charge");
            match inner.sessions.get(*id) {
                Some(session) => (200, session_view(inner, session, expand)),
                None => missing("checkout.session", id),
            }
        }
        ("POST", ["v1", "checkout", "sessions", id, "expire"]) => {
            if let Some(error) = check_known(params, &["expand"]) {
                return error;
            }
            let Some(session) = inner.sessions.get_mut(*id) else {
                return missing("checkout.session", id);
            };
            if session["status"] != json!("open") {
                return invalid(
                    "Only Checkout Sessions with a status in [\"open\"] can be expired.",
                    None,
                );
            }
            session["status"] = json!("expired");
            let session = session.clone();
            (200, session_view(inner, &session, false))
        }
        ("POST", ["v1", "payment_intents", id, action @ ("capture" | "cancel")]) => {
            let known: &[&str] = if *action == "capture" {
                &[
                    "amount_to_capture",
                    "application_fee_amount",
                    "expand",
                    "final_capture",
                    "metadata",
                    "statement_descriptor",
                    "statement_descriptor_suffix",
                    "transfer_data",
                ]
            } else {
                &["cancellation_reason", "expand"]
            };
            if let Some(error) = check_known(params, known) {
                return error;
            }
            let Some(intent) = inner.intents.get_mut(*id) else {
                return missing("payment_intent", id);
            };
            if intent["status"] != json!("requires_capture") {
                return invalid(
                    format!(
                        "This PaymentIntent could not be {action}d because it has a status of {}.",
                        intent["status"]
                    ),
                    None,
                );
            }
            intent["status"] = json!(if *action == "capture" {
                "succeeded"
            } else {
                "canceled"
            });
            let intent = intent.clone();
            if *action == "capture"
                && let Some(session) = inner
                    .sessions
                    .values_mut()
                    .find(|s| s["payment_intent"] == json!(id))
            {
                session["payment_status"] = json!("paid");
            }
            (200, intent)
        }
        ("POST", ["v1", "refunds"]) => {
            if let Some(error) = check_known(params, REFUND_CREATE_PARAMS) {
                return error;
            }
            let Some(intent_id) = get(params, "payment_intent") else {
                return invalid(
                    "One of the following params should be provided for this request: payment_intent or charge.",
                    None,
                );
            };
            let Some(intent) = inner.intents.get_mut(intent_id) else {
                return missing("payment_intent", intent_id);
            };
            let amount: i64 = get(params, "amount")
                .and_then(|a| a.parse().ok())
                .unwrap_or(0);
            let refunded = intent["latest_charge"]["amount_refunded"]
                .as_i64()
                .unwrap_or(0);
            if intent["status"] != json!("succeeded")
                || amount < 1
                || refunded + amount > intent["amount"].as_i64().unwrap_or(0)
            {
                return (
                    400,
                    json!({"error": {"type": "invalid_request_error", "code": "charge_already_refunded", "message": "Refund amount is greater than the amount available."}}),
                );
            }
            intent["latest_charge"]["amount_refunded"] = json!(refunded + amount);
            inner.next += 1;
            let refund = json!({
                "id": format!("re_mock{}", inner.next), "object": "refund", "amount": amount,
                "status": "pending", "currency": "gbp", "payment_intent": intent_id,
                "created": time::OffsetDateTime::now_utc().unix_timestamp(),
            });
            inner.refunds.push(refund.clone());
            (200, refund)
        }
        ("GET", ["v1", "refunds"]) => {
            if let Some(error) = check_known(params, REFUND_LIST_PARAMS) {
                return error;
            }
            let intent = get(params, "payment_intent");
            let data: Vec<Value> = inner
                .refunds
                .iter()
                .filter(|r| intent.is_none() || r["payment_intent"] == json!(intent))
                .cloned()
                .collect();
            (
                200,
                json!({"object": "list", "url": "/v1/refunds", "has_more": false, "data": data}),
            )
        }
        ("GET", ["v1", "refunds", id]) => {
            // A refund reported once is then settled, as Stripe confirms it.
            match inner.refunds.iter_mut().find(|r| r["id"] == json!(id)) {
                Some(refund) => {
                    let view = refund.clone();
                    refund["status"] = json!("succeeded");
                    (200, view)
                }
                None => missing("refund", id),
            }
        }
        _ => (
            404,
            json!({"error": {"type": "invalid_request_error", "message": "Unrecognized request URL"}}),
        ),
    }
}
