//! Requests the form refuses without losing the answers already given: no CSRF token, a
//! changed cookie, a body over the limit, an unknown field, a filled honeypot, too many
//! POSTs; and a session that expired.

#![cfg(feature = "axum")]
#![allow(clippy::unwrap_used)]

mod support;

use std::time::Duration;

use axum::http::StatusCode;
use civic_forms::http::{HttpConfig, RateLimit};
use support::{Client, service};

/// A browser that has answered the first page.
async fn started(service: &support::Service) -> Client {
    let mut browser = service.client();
    browser.get("/apply").await;
    browser
        .answer("/apply/location", &[("postcode", "SW1A 1AA")])
        .await
        .see_other("/apply/size");
    browser
}

/// The first answer is still there: the journey is at the second page and the first shows it.
async fn answers_kept(browser: &mut Client) {
    browser.get("/apply").await.see_other("/apply/size");
    let first = browser.get("/apply/location").await;
    assert!(first.body.contains(r#"value="SW1A 1AA""#), "{}", first.body);
}

#[tokio::test]
async fn a_post_without_the_csrf_token_is_refused_and_answers_kept() {
    let service = service(HttpConfig::default()).await;
    let mut browser = started(&service).await;
    let refused = browser.post("/apply/size", &[("size", "small")]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(
        refused
            .body
            .contains("Sorry, we could not save your answer"),
        "{}",
        refused.body
    );
    assert!(
        refused.body.contains(r#"href="/apply/size""#),
        "{}",
        refused.body
    );
    let wrong = browser
        .post(
            "/apply/size",
            &[("csrf_token", &"0".repeat(64)), ("size", "small")],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    // Another session's token does not work either.
    let mut other = service.client();
    let token = other.get("/apply/location").await.csrf();
    let borrowed = browser
        .post("/apply/size", &[("csrf_token", &token), ("size", "small")])
        .await;
    assert_eq!(borrowed.status, StatusCode::FORBIDDEN);
    answers_kept(&mut browser).await;
}

#[tokio::test]
async fn a_changed_cookie_is_a_new_session_and_the_real_one_survives() {
    let service = service(HttpConfig::default()).await;
    let mut browser = started(&service).await;
    let real = browser.cookies["civic_forms_session"].clone();
    let mut tampered = browser.clone();
    // Change one character of the signed value.
    let mut changed: Vec<char> = real.chars().collect();
    let last = changed.len() - 1;
    changed[last] = if changed[last] == 'a' { 'b' } else { 'a' };
    tampered
        .cookies
        .insert("civic_forms_session".into(), changed.into_iter().collect());
    let page = tampered.get("/apply/size").await;
    page.see_other("/apply/location");
    assert_ne!(tampered.cookies["civic_forms_session"], real);
    let garbage = {
        let mut c = browser.clone();
        c.cookies
            .insert("civic_forms_session".into(), "%%%not-a-cookie".into());
        c.get("/apply/location").await
    };
    assert_eq!(garbage.status, StatusCode::OK);
    answers_kept(&mut browser).await;
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused_and_answers_kept() {
    let mut config = HttpConfig::default();
    config.body_limit = 2048;
    let service = service(config).await;
    let mut browser = started(&service).await;
    let token = browser.get("/apply/size").await.csrf();
    let big = format!("csrf_token={token}&size={}", "a".repeat(4096));
    let refused = browser.post_raw("/apply/size", big).await;
    assert_eq!(refused.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(refused.body.contains("too large"), "{}", refused.body);
    answers_kept(&mut browser).await;
}

#[tokio::test]
async fn a_field_that_does_not_exist_is_refused_and_answers_kept() {
    let service = service(HttpConfig::default()).await;
    let mut browser = started(&service).await;
    let refused = browser
        .answer("/apply/size", &[("size", "small"), ("admin", "true")])
        .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(refused.body.contains("could not read"), "{}", refused.body);
    answers_kept(&mut browser).await;
}

#[tokio::test]
async fn a_filled_honeypot_is_not_accepted() {
    let service = service(HttpConfig::default()).await;
    let mut browser = started(&service).await;
    let page = browser.get("/apply/size").await;
    assert!(
        page.body.contains(r#"<div hidden aria-hidden="true">"#),
        "{}",
        page.body
    );
    assert!(page.body.contains(r#"name="website""#), "{}", page.body);
    let bot = browser
        .post(
            "/apply/size",
            &[
                ("csrf_token", &page.csrf()),
                ("size", "small"),
                ("website", "http://spam.example"),
            ],
        )
        .await;
    // Answered like a good POST, but nothing is saved.
    bot.see_other("/apply/size");
    browser.get("/apply").await.see_other("/apply/size");
    // An empty honeypot is fine.
    browser
        .answer("/apply/size", &[("size", "small"), ("website", "")])
        .await
        .see_other("/apply/details");
}

#[tokio::test]
async fn too_many_posts_get_the_too_many_times_page() {
    let mut config = HttpConfig::default();
    config.rate_limit = Some(RateLimit::new(3, Duration::from_secs(60)));
    let service = service(config).await;
    let mut browser = started(&service).await;
    let token = browser.get("/apply/size").await.csrf();
    let mut statuses = Vec::new();
    for _ in 0..3 {
        let reply = browser.post("/apply/size", &[("csrf_token", &token)]).await;
        statuses.push(reply.status);
        if reply.status == StatusCode::TOO_MANY_REQUESTS {
            assert!(
                reply.body.contains("submitted too many times"),
                "{}",
                reply.body
            );
            assert!(
                reply.body.contains(r#"href="/apply/size""#),
                "{}",
                reply.body
            );
        }
    }
    // The first POST (the location answer) and two more are allowed; the fourth is not.
    assert_eq!(
        statuses,
        [
            StatusCode::OK,
            StatusCode::OK,
            StatusCode::TOO_MANY_REQUESTS
        ]
    );
    // GETs are not limited, and another client has its own allowance.
    answers_kept(&mut browser).await;
    let mut other = service.client();
    other.peer = "198.51.100.1:5000".parse().unwrap();
    other.get("/apply").await;
    let allowed = other
        .answer("/apply/location", &[("postcode", "SW1A 1AA")])
        .await;
    allowed.see_other("/apply/size");
}

#[tokio::test]
async fn an_expired_session_shows_answers_deleted() {
    let service = service(HttpConfig::default()).await;
    let mut browser = started(&service).await;
    let page = browser.get("/apply/size").await;
    // 20 minutes without activity.
    service.later(21 * 60);
    let posted = browser
        .post(
            "/apply/size",
            &[("csrf_token", &page.csrf()), ("size", "small")],
        )
        .await;
    assert_eq!(posted.status, StatusCode::OK);
    assert!(
        posted.body.contains("Your answers have been deleted"),
        "{}",
        posted.body
    );
    assert!(posted.body.contains("20 minutes"), "{}", posted.body);
    assert!(posted.body.contains(r#"href="/apply""#), "{}", posted.body);
    // Start again: a new, empty session.
    browser.get("/apply").await.see_other("/apply/location");
    let first = browser.get("/apply/location").await;
    assert!(!first.body.contains("SW1A 1AA"), "{}", first.body);
}

#[tokio::test]
async fn activity_keeps_a_session_alive() {
    let service = service(HttpConfig::default()).await;
    let mut browser = started(&service).await;
    for _ in 0..3 {
        service.later(15 * 60);
        let page = browser.get("/apply/size").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    }
}
