//! The form over HTTP: a whole journey with Post/Redirect/Get, errors re-shown, the back link
//! of the journey taken, answers escaped on every page, and the Welsh switch.

#![cfg(feature = "axum")]
#![allow(clippy::unwrap_used)]

mod support;

use std::io::Write;

use axum::http::StatusCode;
use civic_forms::answers::AnswerValue;
use civic_forms::http::HttpConfig;
use support::{Service, service, service_on};

async fn full_journey(service: &Service) {
    let mut browser = service.client();
    browser.get("/apply").await.see_other("/apply/location");
    assert!(browser.cookies.contains_key("civic_forms_session"));

    // Errors: 200, "Error:" title, summary, the answer re-shown.
    let wrong = browser
        .answer("/apply/location", &[("postcode", "SW1A 1A")])
        .await;
    assert_eq!(wrong.status, StatusCode::OK);
    assert!(wrong.body.contains("<title>Error: "), "{}", wrong.body);
    assert!(wrong.body.contains("There is a problem"), "{}", wrong.body);
    assert!(wrong.body.contains(r#"value="SW1A 1A""#), "{}", wrong.body);

    // A good answer: 303 to the next page (Post/Redirect/Get).
    browser
        .answer("/apply/location", &[("postcode", "sw1a 1aa")])
        .await
        .see_other("/apply/size");
    browser
        .answer("/apply/size", &[("size", "large")])
        .await
        .see_other("/apply/danger");
    let danger = browser.get("/apply/danger").await;
    assert!(
        danger.body.contains(r#"href="/apply/size""#),
        "back link: {}",
        danger.body
    );
    browser
        .answer("/apply/danger", &[("danger", "yes")])
        .await
        .see_other("/apply/details");

    // The back link follows the journey taken: after "small", details comes after size.
    browser
        .answer("/apply/size", &[("size", "small")])
        .await
        .see_other("/apply/details");
    let details = browser.get("/apply/details").await;
    assert!(
        details.body.contains(r#"href="/apply/size""#),
        "{}",
        details.body
    );
    browser
        .answer("/apply/details", &[("details", "By the bus stop")])
        .await
        .see_other("/apply/check-answers");

    // A page opened again shows its answer.
    let size = browser.get("/apply/size").await;
    assert!(
        size.body.contains(r#"value="small" checked"#),
        "{}",
        size.body
    );

    // Check answers: the journey taken only (the danger answer is off it now).
    let check = browser.get("/apply/check-answers").await;
    assert_eq!(check.status, StatusCode::OK);
    assert!(check.body.contains("SW1A 1AA"), "{}", check.body);
    assert!(check.body.contains("By the bus stop"), "{}", check.body);
    assert!(!check.body.contains("Is it dangerous?"), "{}", check.body);
    assert!(
        check.body.contains(r#"href="/apply/details""#),
        "{}",
        check.body
    );

    let sent = browser
        .post("/apply/check-answers", &[("csrf_token", &check.csrf())])
        .await;
    sent.see_other("/apply/confirmation");
    assert!(!browser.cookies.contains_key("civic_forms_session"));
    let confirmation = browser.get("/apply/confirmation").await;
    assert_eq!(confirmation.status, StatusCode::OK);
    let delivered = service.delivered.0.lock().unwrap().clone();
    assert_eq!(delivered.len(), 1);
    let submission = &delivered[0];
    assert!(
        confirmation
            .body
            .contains(&format!("<strong>{}</strong>", submission.reference)),
        "{}",
        confirmation.body
    );
    assert_eq!(
        submission.answers.values.get("size"),
        Some(&AnswerValue::Choice("small".into()))
    );
    assert!(!submission.answers.values.contains_key("danger"));

    // Issue #7 item 7: the resident downloads a copy of what they sent.
    assert!(
        confirmation.body.contains(
            r#"href="/apply/confirmation/copy" download>Download a copy of your answers"#
        ),
        "{}",
        confirmation.body
    );
    let copy = browser.get("/apply/confirmation/copy").await;
    assert_eq!(copy.status, StatusCode::OK, "{}", copy.body);
    assert_eq!(
        copy.headers[axum::http::header::CONTENT_DISPOSITION],
        format!("attachment; filename=\"{}.txt\"", submission.reference).as_str()
    );
    assert_eq!(copy.headers[axum::http::header::CACHE_CONTROL], "no-store");
    assert_eq!(
        copy.headers[axum::http::header::CONTENT_TYPE],
        "text/plain; charset=utf-8"
    );
    assert_eq!(
        copy.headers[axum::http::header::X_CONTENT_TYPE_OPTIONS],
        "nosniff"
    );
    for text in [submission.reference.as_str(), "SW1A 1AA", "By the bus stop"] {
        assert!(copy.body.contains(text), "{text} in {}", copy.body);
    }
    assert!(!copy.body.contains("Is it dangerous?"), "{}", copy.body);
    // Only the browser that sent it.
    service
        .client()
        .get("/apply/confirmation/copy")
        .await
        .see_other("/apply");

    // The session is gone: the form starts afresh.
    browser.get("/apply").await.see_other("/apply/location");
}

#[tokio::test]
async fn a_whole_journey_with_post_redirect_get_on_sqlite() {
    full_journey(&service(HttpConfig::default()).await).await;
}

#[tokio::test]
async fn a_whole_journey_with_post_redirect_get_on_postgres() {
    let Ok(url) = std::env::var("CIVIC_TEST_DATABASE_URL") else {
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED a_whole_journey_with_post_redirect_get_on_postgres: CIVIC_TEST_DATABASE_URL is not set"
        );
        return;
    };
    let (schema, schema_url) = support::postgres_schema(&url).await;
    full_journey(&service_on(&schema_url, HttpConfig::default()).await).await;
    support::drop_postgres_schema(&url, &schema).await;
}

#[tokio::test]
async fn a_page_not_reached_redirects_to_the_current_step() {
    let service = service(HttpConfig::default()).await;
    let mut browser = service.client();
    browser
        .get("/apply/details")
        .await
        .see_other("/apply/location");
    browser
        .get("/apply/check-answers")
        .await
        .see_other("/apply/location");
    let token = browser.get("/apply/location").await.csrf();
    let posted = browser
        .post(
            "/apply/details",
            &[("csrf_token", &token), ("details", "x")],
        )
        .await;
    posted.see_other("/apply/location");

    // With answers given: a POST past the current step is refused the same way and loses
    // none of them.
    browser
        .answer("/apply/location", &[("postcode", "SW1A 1AA")])
        .await
        .see_other("/apply/size");
    let token = browser.get("/apply/size").await.csrf();
    browser
        .post(
            "/apply/details",
            &[("csrf_token", &token), ("details", "x")],
        )
        .await
        .see_other("/apply/size");
    let location = browser.get("/apply/location").await;
    assert!(
        location.body.contains(r#"value="SW1A 1AA""#),
        "{}",
        location.body
    );
    browser.get("/apply/details").await.see_other("/apply/size");
    let missing = browser.get("/apply/no-such-page").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.body.contains("Page not found"), "{}", missing.body);
}

const XSS: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "'><svg/onload=alert(1)>",
    "</title><script>alert(1)</script>",
    "<iframe src=javascript:alert(1)>",
];

#[tokio::test]
async fn payloads_come_back_escaped_on_every_page() {
    let service = service(HttpConfig::default()).await;
    for payload in XSS {
        let mut browser = service.client();
        browser.get("/apply").await;
        browser
            .answer("/apply/location", &[("postcode", "SW1A 1AA")])
            .await;
        browser.answer("/apply/size", &[("size", "small")]).await;
        // Re-shown with an error (the postcode page), and as an answer.
        let wrong = browser
            .answer("/apply/location", &[("postcode", payload)])
            .await;
        browser
            .answer("/apply/details", &[("details", payload)])
            .await
            .see_other("/apply/check-answers");
        let pages = [
            wrong.body,
            browser.get("/apply/details").await.body,
            browser.get("/apply/check-answers").await.body,
        ];
        for page in &pages {
            for raw in ["<script>alert", "<img src=x", "<svg/onload", "<iframe"] {
                assert!(!page.contains(raw), "{payload} came back raw: {page}");
            }
        }
        assert!(pages[2].contains("&lt;"), "{}", pages[2]);
    }
}

#[tokio::test]
async fn the_welsh_switch_keeps_the_answers() {
    let service = service(HttpConfig::default()).await;
    let mut browser = service.client();
    browser.get("/apply").await;
    browser
        .answer("/apply/location", &[("postcode", "CF10 1AA")])
        .await;
    let welsh = browser.get("/apply/location?lang=cy").await;
    assert!(welsh.body.contains(r#"lang="cy""#), "{}", welsh.body);
    assert!(
        welsh.body.contains("Beth yw&#39;r cod post") || welsh.body.contains("Beth yw'r cod post"),
        "{}",
        welsh.body
    );
    assert!(welsh.body.contains(r#"value="CF10 1AA""#), "{}", welsh.body);
    // The switch back, and the timeout notice (20 minutes) for residents without JavaScript.
    assert!(welsh.body.contains("?lang=en"), "{}", welsh.body);
    assert!(welsh.body.contains("20 munud"), "{}", welsh.body);
    // Later pages stay Welsh; errors are in Welsh.
    let next = browser.answer("/apply/size", &[]).await;
    assert!(next.body.contains("Gwall:"), "{}", next.body);
    // A language the form does not offer is ignored.
    let french = browser.get("/apply/size?lang=fr").await;
    assert!(french.body.contains(r#"lang="cy""#), "{}", french.body);
    let english = browser.get("/apply/size?lang=en").await;
    assert!(
        english.body.contains("How big is the pothole?"),
        "{}",
        english.body
    );
}

/// Issue #7 item 5: the session cookie is HttpOnly, SameSite=Lax, scoped to the form, and
/// Secure when the form is served over https; its value is signed, so a changed one is not
/// recognised (a new session starts).
#[tokio::test]
async fn the_session_cookie_is_http_only_same_site_lax_signed_and_secure_over_https() {
    for (public, secure) in [
        ("http://localhost/apply", false),
        ("https://council.example/apply", true),
    ] {
        let url = url::Url::parse(public).unwrap();
        let service = support::service_with(
            support::FORM,
            "sqlite::memory:",
            HttpConfig::default(),
            |builder| builder.public_url(&url),
        )
        .await;
        let mut browser = service.client();
        let start = browser.get("/apply").await;
        let set = start.headers[axum::http::header::SET_COOKIE]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(set.starts_with("civic_forms_session="), "{set}");
        for attribute in ["HttpOnly", "SameSite=Lax", "Path=/apply"] {
            assert!(set.contains(attribute), "{attribute} in {set}");
        }
        assert_eq!(set.contains("Secure"), secure, "{set}");
        // The value is the id and its signature; one character changed is someone else's.
        let value = browser.cookies["civic_forms_session"].clone();
        assert!(value.len() > 32, "{value}");
        let token = browser.get("/apply/location").await.csrf();
        browser
            .post(
                "/apply/location",
                &[("csrf_token", &token), ("postcode", "SW1A 1AA")],
            )
            .await
            .see_other("/apply/size");
        let mut changed = value.clone();
        let last = if changed.ends_with('0') { "1" } else { "0" };
        changed.replace_range(changed.len() - 1.., last);
        let mut forger = service.client();
        forger
            .cookies
            .insert("civic_forms_session".to_owned(), changed);
        let page = forger.get("/apply/size").await;
        // Not the resident's session: a new visitor is sent to the first page.
        page.see_other("/apply/location");
    }
}

/// Issue #7 item 4: a route may go straight to "check your answers", skipping the pages after
/// it; their questions are not asked, not shown and not sent. Changing the answer back takes
/// the resident through the skipped page.
#[tokio::test]
async fn a_route_to_check_answers_skips_the_rest() {
    const PARKING: &str = include_str!("fixtures/parking.yaml");
    let service = support::service_of(PARKING, "sqlite::memory:", HttpConfig::default()).await;
    let mut browser = service.client();
    browser.get("/apply").await.see_other("/apply/vehicle");
    browser
        .answer("/apply/vehicle", &[("has_vehicle", "no")])
        .await
        .see_other("/apply/check-answers");
    let check = browser.get("/apply/check-answers").await;
    assert_eq!(check.status, StatusCode::OK, "{}", check.body);
    assert!(
        !check.body.contains("registration number"),
        "{}",
        check.body
    );
    browser
        .get("/apply/registration")
        .await
        .see_other("/apply/check-answers");

    // "Change" to yes: the skipped page is asked, then back to check answers.
    browser
        .answer(
            "/apply/vehicle?return=check-answers",
            &[("has_vehicle", "yes")],
        )
        .await
        .see_other("/apply/registration?return=check-answers");
    browser
        .answer(
            "/apply/registration?return=check-answers",
            &[("registration", "AB12 CDE")],
        )
        .await
        .see_other("/apply/check-answers");
    let check = browser.get("/apply/check-answers").await;
    assert!(check.body.contains("AB12 CDE"), "{}", check.body);
}
