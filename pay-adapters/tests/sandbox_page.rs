//! The sandbox's hosted card page, driven through its router as a browser would: once paying,
//! once declined, once cancelled, in English and Welsh.
#![cfg(feature = "axum")]
#![allow(clippy::unwrap_used)] // tests may unwrap

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use civic_pay_adapters::sandbox::router;
use civic_pay_adapters::{
    FailureReason, Language, Money, NewPayment, PaymentProvider, PaymentStatus, SandboxProvider,
};
use http_body_util::BodyExt;
use tower::ServiceExt;
use url::Url;

const RETURN: &str = "https://council.example/permits/return/tok123";

async fn setup(language: Language) -> (SandboxProvider, axum::Router, String) {
    let provider = SandboxProvider::in_memory(Url::parse("http://127.0.0.1:9000/").unwrap());
    let payment = provider
        .create(
            &NewPayment::new(
                Money::from_pence(4250).unwrap(),
                "BW-1",
                "Bulky waste collection",
                Url::parse(RETURN).unwrap(),
            )
            .language(language),
        )
        .await
        .unwrap();
    let app = router(provider.clone());
    (provider, app, payment.payment_id)
}

async fn send(app: &axum::Router, request: Request<Body>) -> (StatusCode, Option<String>, String) {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let location = response
        .headers()
        .get(header::LOCATION)
        .map(|l| l.to_str().unwrap().to_owned());
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, location, String::from_utf8(body.to_vec()).unwrap())
}

fn get(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).unwrap()
}

fn post(path: &str, form: &str) -> Request<Body> {
    Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form.to_owned()))
        .unwrap()
}

fn card_form(number: &str) -> String {
    format!(
        "card-number={number}&expiry-month=12&expiry-year=2031&cardholder-name=A+Resident&cvc=123"
    )
}

#[tokio::test]
async fn paying_in_english_succeeds_and_returns_to_the_service() {
    let (provider, app, id) = setup(Language::English).await;
    let (status, _, page) = send(&app, get(&format!("/card_details/{id}"))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(r#"<html lang="en""#));
    assert!(page.contains("Enter card details"));
    assert!(page.contains("£42.50"));
    assert_eq!(
        provider.get(&id).await.unwrap().state,
        PaymentStatus::Started
    );

    let (status, location, _) = send(
        &app,
        post(
            &format!("/card_details/{id}"),
            &card_form("4444333322221111"),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location.as_deref(), Some(RETURN));
    assert_eq!(
        provider.get(&id).await.unwrap().state,
        PaymentStatus::Success
    );

    // The page cannot be used again.
    let (status, _, page) = send(&app, get(&format!("/card_details/{id}"))).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(page.contains("This payment can no longer be made"));
    assert!(page.contains(RETURN));
}

#[tokio::test]
async fn paying_in_welsh_with_a_declined_card_fails_p0010() {
    let (provider, app, id) = setup(Language::Welsh).await;
    let (_, _, page) = send(&app, get(&format!("/card_details/{id}"))).await;
    assert!(page.contains(r#"<html lang="cy""#));
    assert!(page.contains("Rhowch fanylion y cerdyn"));
    let (status, location, _) = send(
        &app,
        post(
            &format!("/card_details/{id}"),
            &card_form("4000000000000002"),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location.as_deref(), Some(RETURN));
    let state = provider.get(&id).await.unwrap().state;
    assert_eq!(state, PaymentStatus::Failed(FailureReason::Rejected));
    assert_eq!(state.code(), Some("P0010"));
}

#[tokio::test]
async fn mistakes_are_shown_in_the_residents_language_and_change_nothing() {
    let (provider, app, id) = setup(Language::Welsh).await;
    let (status, _, page) = send(
        &app,
        post(
            &format!("/card_details/{id}"),
            "card-number=1234&expiry-month=13&expiry-year=31&cardholder-name=&cvc=1",
        ),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("Mae problem wedi codi"));
    assert!(page.contains(r##"href="#card-number""##));
    assert!(page.contains("Rhowch rif cerdyn dilys"));
    assert!(page.contains("Gwall:"));
    assert!(page.contains(r#"aria-describedby="cvc-hint cvc-error""#));
    // The card number is never written back into the page.
    assert!(!page.contains(r#"value="1234""#));
    assert!(!provider.get(&id).await.unwrap().state.is_finished());
}

#[tokio::test]
async fn cancelling_fails_p0030_and_returns() {
    let (provider, app, id) = setup(Language::English).await;
    let (status, location, _) = send(&app, post(&format!("/card_details/{id}/cancel"), "")).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location.as_deref(), Some(RETURN));
    assert_eq!(provider.get(&id).await.unwrap().state.code(), Some("P0030"));
}

#[tokio::test]
async fn an_unknown_payment_is_not_found() {
    let (_, app, _) = setup(Language::English).await;
    let (status, _, page) = send(&app, get("/card_details/nosuchpayment")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(page.contains("Page not found"));
}
