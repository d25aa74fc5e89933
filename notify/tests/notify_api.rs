//! The GOV.UK Notify API transport against an in-process server that checks each request
//! the way Notify does: the JWT (HS256, `iss` the service id, `iat` recent) and the body
//! against Notify's published OpenAPI schema (when CIVIC_REFERENCE_DATA is set).

// Tests may unwrap: a panic is the failure report.
#![allow(clippy::unwrap_used)]

mod common;

use std::sync::{Arc, Mutex};

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::{Json, Router};
use civic_notify::transport::{
    ApiKey, Attachment, NotifyApiTransport, NotifyTemplates, Outgoing, OutgoingEmail, OutgoingSms,
    Transport,
};
use civic_notify::{
    Allow, Branding, EmailAddress, Language, Personalisation, PhoneNumber, Template, TemplateKind,
};
use serde_json::{Value, json};

const SERVICE_ID: &str = "26785a09-ab16-4eb0-8407-a37497a57506";
const SECRET: &str = "3d844edf-8d35-48ac-975b-e847b4f122b0";

#[derive(Clone)]
struct Server {
    reply: (u16, Value),
    received: Arc<Mutex<Vec<(String, Value)>>>,
}

async fn handle(
    State(server): State<Server>,
    uri: axum::http::Uri,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> (StatusCode, Json<Value>) {
    let token = headers
        .get("authorization")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .unwrap_or("");
    let mut validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::HS256);
    validation.required_spec_claims.clear();
    validation.validate_exp = false;
    validation.set_issuer(&[SERVICE_ID]);
    let decoded = jsonwebtoken::decode::<Value>(
        token,
        &jsonwebtoken::DecodingKey::from_secret(SECRET.as_bytes()).unwrap(),
        &validation,
    );
    let Ok(decoded) = decoded else {
        return (
            StatusCode::FORBIDDEN,
            Json(
                json!({"status_code": 403, "errors": [{"error": "AuthError", "message": "Invalid token: signature, api token not found"}]}),
            ),
        );
    };
    let iat = decoded.claims["iat"].as_i64().unwrap_or(0);
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    assert!((now - iat).abs() <= 30, "iat must be within 30 seconds");
    server
        .received
        .lock()
        .unwrap()
        .push((uri.path().to_owned(), body));
    let (status, reply) = server.reply.clone();
    (StatusCode::from_u16(status).unwrap(), Json(reply))
}

async fn notify(status: u16, reply: Value) -> (String, Arc<Mutex<Vec<(String, Value)>>>) {
    let received = Arc::new(Mutex::new(Vec::new()));
    let server = Server {
        reply: (status, reply),
        received: received.clone(),
    };
    let app = Router::new()
        .route("/v2/notifications/email", post(handle))
        .route("/v2/notifications/sms", post(handle))
        .with_state(server);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    (format!("http://{address}"), received)
}

fn transport(base: &str) -> NotifyApiTransport {
    let key = ApiKey::parse(&format!("council_live-{SERVICE_ID}-{SECRET}")).unwrap();
    NotifyApiTransport::new(
        base,
        key,
        NotifyTemplates::new(
            "f33517ff-2a88-4f6e-b855-c550268ce08a",
            "4c3a2d6f-1d0b-4b43-9a0e-2f1f2c6b8f11",
        ),
    )
}

fn email() -> Outgoing {
    let template = Template::new(
        TemplateKind::Email,
        Some("Booking ((ref))"),
        "Thanks, ((name)).",
    );
    let values = Personalisation::new()
        .with("ref", "B-1")
        .with("name", "Sam");
    let message = template
        .render_email(
            Language::English,
            &values,
            &Branding::new("Council", "#000000"),
        )
        .unwrap();
    Outgoing::Email(OutgoingEmail {
        idempotency_key: "booking-B-1".to_owned(),
        to: EmailAddress::parse("sam@example.com").unwrap(),
        from: "bins@council.example".to_owned(),
        reply_to: None,
        message,
        attachments: Vec::new(),
    })
}

fn sms() -> Outgoing {
    Outgoing::Sms(OutgoingSms {
        idempotency_key: "reminder-7".to_owned(),
        to: PhoneNumber::parse("07700 900123", Allow::UK_MOBILE).unwrap(),
        sender: None,
        text: "Bin day tomorrow".to_owned(),
    })
}

#[test]
fn api_keys_are_read_as_notify_issues_them() {
    let key = ApiKey::parse(&format!("my-key-with-dashes-{SERVICE_ID}-{SECRET}")).unwrap();
    assert_eq!(key.service_id(), SERVICE_ID);
    assert!(
        !format!("{key:?}").contains(SECRET),
        "the secret is never printed"
    );
    assert!(ApiKey::parse("not-a-key").is_err());
}

#[tokio::test]
async fn sends_email_and_sms_with_a_signed_token_and_the_reference() {
    let (base, received) = notify(201, json!({"id": "740e5834-3a29-46b4-9a6f-16142fde533a"})).await;
    let transport = transport(&base);
    let receipt = transport.send(&email()).await.unwrap();
    assert_eq!(receipt.reference, "740e5834-3a29-46b4-9a6f-16142fde533a");
    transport.send(&sms()).await.unwrap();
    let received = received.lock().unwrap().clone();
    assert_eq!(received[0].0, "/v2/notifications/email");
    assert_eq!(received[0].1["reference"], "booking-B-1");
    assert_eq!(received[0].1["personalisation"]["subject"], "Booking B-1");
    assert_eq!(received[1].0, "/v2/notifications/sms");
    assert_eq!(received[1].1["phone_number"], "+447700900123");
}

#[tokio::test]
async fn limits_and_server_errors_are_retried_request_errors_are_not() {
    let limit = json!({"status_code": 429, "errors": [{"error": "RateLimitError", "message": "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds"}]});
    let (base, _) = notify(429, limit).await;
    let error = transport(&base).send(&sms()).await.unwrap_err();
    assert!(error.is_transient());
    assert!(error.message().contains("RateLimitError"), "{error}");

    let (base, _) = notify(500, json!({"status_code": 500, "errors": [{"error": "Exception", "message": "Internal server error"}]})).await;
    assert!(
        transport(&base)
            .send(&sms())
            .await
            .unwrap_err()
            .is_transient()
    );

    let bad = json!({"status_code": 400, "errors": [{"error": "ValidationError", "message": "phone_number Not a UK mobile number"}]});
    let (base, _) = notify(400, bad).await;
    let error = transport(&base).send(&sms()).await.unwrap_err();
    assert!(error.is_permanent());
    assert!(
        error
            .message()
            .contains("phone_number Not a UK mobile number"),
        "{error}"
    );
}

#[tokio::test]
async fn a_wrong_key_is_refused_permanently() {
    let (base, _) = notify(201, json!({"id": "x"})).await;
    let wrong = ApiKey::parse(&format!(
        "k-{SERVICE_ID}-00000000-0000-0000-0000-000000000000"
    ))
    .unwrap();
    let transport = NotifyApiTransport::new(&base, wrong, NotifyTemplates::new("a", "b"));
    let error = transport.send(&sms()).await.unwrap_err();
    assert!(
        error.is_permanent() && error.message().contains("AuthError"),
        "{error}"
    );
}

#[test]
fn request_bodies_match_notifys_openapi_schema() {
    let Some(folder) = common::notify_cases("request_bodies_match_notifys_openapi_schema") else {
        return;
    };
    let spec = common::load(&folder.join("openapi"), "schema.json");
    let transport = transport("http://unused");
    for (schema, message) in [
        ("SendEmailRequest", email()),
        ("SendTextMessageRequest", sms()),
    ] {
        let root = json!({
            "$ref": format!("#/components/schemas/{schema}"),
            "components": spec["components"],
        });
        let validator = jsonschema::validator_for(&root).unwrap();
        let (_, body) = transport.request_for(&message);
        let errors: Vec<String> = validator
            .iter_errors(&body)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{schema}: {errors:?}");
        // The schema has teeth: a body without the recipient is refused.
        assert!(
            !validator.is_valid(&json!({"template_id": "x"})),
            "{schema} accepts anything"
        );
    }
}

#[tokio::test]
async fn attachments_are_refused_as_unsupported_without_calling_notify() {
    let (base, received) = notify(201, json!({"id": "740e5834-3a29-46b4-9a6f-16142fde533a"})).await;
    let Outgoing::Email(mut with_file) = email() else {
        unreachable!()
    };
    with_file.attachments.push(Attachment {
        file_name: "bill.pdf".to_owned(),
        content_type: "application/pdf".to_owned(),
        content: b"%PDF-1.7".to_vec(),
    });
    let error = transport(&base)
        .send(&Outgoing::Email(with_file))
        .await
        .unwrap_err();
    assert!(error.is_unsupported() && error.is_permanent(), "{error}");
    assert!(received.lock().unwrap().is_empty());
}
