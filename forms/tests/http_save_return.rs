//! Save and return over HTTP: the link is emailed; opening it (GET) never uses it up, only
//! the "Continue your application" POST does, once; the saved answers outlive the usual
//! inactivity timeout and carry on in another browser.

#![cfg(feature = "axum")]
#![allow(clippy::unwrap_used)]

mod support;

use axum::http::StatusCode;
use civic_forms::http::HttpConfig;
use civic_notify::transport::Outgoing;
use support::service;

#[tokio::test]
async fn get_does_not_use_the_link_and_post_does_once() {
    let service = service(HttpConfig::default()).await;
    let mut browser = service.client();
    browser.get("/apply").await;
    browser
        .answer("/apply/location", &[("postcode", "SW1A 1AA")])
        .await;
    let page = browser.get("/apply/size").await;
    assert!(page.body.contains(r#"href="/apply/save""#), "{}", page.body);

    // A bad address is shown again with its error; a good one sends the link.
    let wrong = browser
        .answer("/apply/save", &[("email", "not an email")])
        .await;
    assert_eq!(wrong.status, StatusCode::OK);
    assert!(wrong.body.contains("There is a problem"), "{}", wrong.body);
    assert!(service.mailbox.messages().is_empty());
    let sent = browser
        .answer("/apply/save", &[("email", "resident@example.com")])
        .await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
    assert!(sent.body.contains("resident@example.com"), "{}", sent.body);
    let messages = service.mailbox.for_recipient("resident@example.com");
    assert_eq!(messages.len(), 1);
    let Outgoing::Email(email) = &messages[0] else {
        panic!("not an email")
    };
    let text = &email.message.plain_text;
    let from = text.find("http://localhost/apply/return/").unwrap();
    let link = text[from..].split_whitespace().next().unwrap();
    let path = link.trim_start_matches("http://localhost");

    // Long after the usual 20 minutes, in another browser.
    service.later(3 * 24 * 60 * 60);
    let mut elsewhere = service.client();
    for _ in 0..3 {
        // A mail scanner, or the resident opening the link twice: nothing is used up.
        let opened = elsewhere.get(path).await;
        assert_eq!(opened.status, StatusCode::OK);
        assert!(
            opened.body.contains("Continue your application"),
            "{}",
            opened.body
        );
    }
    let opened = elsewhere.get(path).await;
    // Without the CSRF token the POST is refused and the link still works.
    let refused = elsewhere.post(path, &[]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let resumed = elsewhere
        .post(path, &[("csrf_token", &opened.csrf())])
        .await;
    resumed.see_other("/apply/size");
    let first = elsewhere.get("/apply/location").await;
    assert!(first.body.contains(r#"value="SW1A 1AA""#), "{}", first.body);

    // Used once: the link is spent.
    let mut third = service.client();
    let again = third.get(path).await;
    assert!(
        !again.body.contains("Continue your application"),
        "{}",
        again.body
    );
    assert!(again.body.contains("expired"), "{}", again.body);
    let token = third.get("/apply/location").await.csrf();
    let spent = third.post(path, &[("csrf_token", &token)]).await;
    assert_eq!(spent.status, StatusCode::OK);
    assert!(
        !spent.body.contains(r#"value="SW1A 1AA""#),
        "{}",
        spent.body
    );
    third.get("/apply").await.see_other("/apply/location");
}
