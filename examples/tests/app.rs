//! The demo served through `app()`, without a socket.
#![allow(clippy::unwrap_used)] // a panic in a test is a failed test

use axum::body::Body;
use axum::http::{Request, StatusCode};
use civic_demo::{Config, app};
use http_body_util::BodyExt;
use tower::ServiceExt;

async fn get(path: &str) -> (StatusCode, String) {
    let response = app(Config::default())
        .oneshot(Request::get(path).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8(bytes.to_vec()).unwrap())
}

#[tokio::test]
async fn healthz_answers_ok() {
    assert_eq!(get("/healthz").await, (StatusCode::OK, "ok".to_owned()));
}

#[tokio::test]
async fn home_page_names_the_council_and_its_services() {
    let (status, body) = get("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.starts_with("<!DOCTYPE html>"));
    assert!(body.contains("<html lang=\"en\""));
    assert!(body.contains("Kestrel Vale Borough Council"));
    assert!(body.contains("Services"));
    assert!(body.contains("href=\"#main-content\""));
}

#[tokio::test]
async fn unknown_pages_are_not_found() {
    assert_eq!(get("/no-such-page").await.0, StatusCode::NOT_FOUND);
}
