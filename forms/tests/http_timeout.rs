//! The session timeout warning's requests over HTTP (issue #7 item 5, WCAG 2.2.1): every page
//! of a live session carries the closed dialog; "Continue" (`POST /keep-alive`) extends the
//! session only with its CSRF token; "Delete answers and sign out" and the end of the countdown
//! (`POST /sign-out`) delete the answers and say why.

#![cfg(feature = "axum")]
#![allow(clippy::unwrap_used)]

mod support;

use axum::http::StatusCode;
use civic_forms::http::HttpConfig;
use support::service;

/// The form's timeout: 20 minutes.
const TIMEOUT: i64 = 20 * 60;

#[tokio::test]
async fn continue_keeps_the_session_past_its_old_end() {
    let service = service(HttpConfig::default()).await;
    let mut browser = service.client();
    browser.get("/apply").await;
    let page = browser.get("/apply/location").await;
    assert!(
        page.body
            .contains(r#"data-module="civic-timeout-warning" data-timeout-seconds="1200""#),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains(r#"data-keep-alive-url="/apply/keep-alive""#),
        "{}",
        page.body
    );
    let token = page.csrf();

    // Without the session's token the session is not extended.
    let refused = browser
        .post("/apply/keep-alive", &[("csrf_token", "forged")])
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    // 19 minutes idle, the warning is showing: "Continue".
    service.later(TIMEOUT - 60);
    let kept = browser
        .post(
            "/apply/keep-alive",
            &[("csrf_token", &token), ("timed_out", "no")],
        )
        .await;
    assert_eq!(kept.status, StatusCode::NO_CONTENT, "{}", kept.body);
    // Past the old end, the answers are still there.
    service.later(120);
    let page = browser.get("/apply/location").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        !page.body.contains("Your answers have been deleted"),
        "{}",
        page.body
    );

    // Idle past the end: the session is gone and keep-alive says so.
    service.later(TIMEOUT + 1);
    let gone = browser
        .post("/apply/keep-alive", &[("csrf_token", &token)])
        .await;
    assert_eq!(gone.status, StatusCode::GONE);
}

#[tokio::test]
async fn signing_out_deletes_the_answers_and_says_why() {
    let service = service(HttpConfig::default()).await;
    let mut browser = service.client();
    browser.get("/apply").await;
    browser
        .answer("/apply/location", &[("postcode", "LS1 1AA")])
        .await
        .see_other("/apply/size");
    let token = browser.get("/apply/size").await.csrf();
    let before = browser.clone();

    // "Delete answers and sign out".
    browser
        .post(
            "/apply/sign-out",
            &[("csrf_token", &token), ("timed_out", "no")],
        )
        .await
        .see_other("/apply/signed-out");
    assert!(browser.cookies.is_empty(), "{:?}", browser.cookies);
    let page = browser.get("/apply/signed-out").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Your answers have been deleted"),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("You signed out, so we deleted your answers."),
        "{}",
        page.body
    );
    // The old cookie leads nowhere: the answers are gone from the store.
    let mut old = before.clone();
    let deleted = old.get("/apply/size").await;
    assert!(
        deleted.body.contains("Your answers have been deleted"),
        "{}",
        deleted.body
    );

    // A forged sign-out does not delete anything.
    let mut browser = service.client();
    browser.get("/apply").await;
    let token = browser.get("/apply/location").await.csrf();
    let forged = browser
        .post("/apply/sign-out", &[("csrf_token", "forged")])
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    // The countdown ran out: the page says the time ran out.
    browser
        .post(
            "/apply/sign-out",
            &[("csrf_token", &token), ("timed_out", "yes")],
        )
        .await
        .see_other("/apply/timeout");
    let page = browser.get("/apply/timeout").await;
    assert!(
        page.body
            .contains("We deleted your answers because you did not do anything for 20 minutes."),
        "{}",
        page.body
    );
    // Someone with answers who opens /timeout keeps them.
    let mut live = service.client();
    live.get("/apply").await;
    live.get("/apply/timeout")
        .await
        .see_other("/apply/location");
}

/// Issue #7 item 8: the timeout notice, the warning dialog and the pages after signing out or
/// the dialog's countdown are Welsh for a resident who chose Welsh, though the session that
/// held the choice is gone.
#[tokio::test]
async fn the_timeout_notice_dialog_and_deleted_pages_are_in_welsh() {
    let service = service(HttpConfig::default()).await;
    let mut browser = service.client();
    browser.get("/apply").await;
    let page = browser.get("/apply/location?lang=cy").await;
    for welsh in [
        "Byddwn yn dileu eich atebion os na fyddwch yn gwneud unrhyw beth am 20 munud.",
        "Rydych ar fin cael eich allgofnodi",
        "Dileu atebion ac allgofnodi",
        r#"data-text-minutes="Byddwch yn cael eich allgofnodi ymhen {n} munud.""#,
    ] {
        assert!(page.body.contains(welsh), "{welsh} in {}", page.body);
    }
    let token = page.csrf();
    let signed_out = browser
        .post(
            "/apply/sign-out",
            &[("csrf_token", &token), ("timed_out", "no")],
        )
        .await;
    let to = signed_out.location.clone().unwrap();
    let page = browser.get(&to).await;
    assert!(
        page.body
            .contains("Gwnaethoch allgofnodi, felly rydym wedi dileu eich atebion."),
        "{to}: {}",
        page.body
    );

    // The countdown ran out in the dialog.
    let mut timed_out = service.client();
    timed_out.get("/apply").await;
    let token = timed_out.get("/apply/location?lang=cy").await.csrf();
    let to = timed_out
        .post(
            "/apply/sign-out",
            &[("csrf_token", &token), ("timed_out", "yes")],
        )
        .await
        .location
        .unwrap();
    assert_eq!(to, "/apply/timeout?lang=cy");
    let page = timed_out.get(&to).await;
    assert!(
        page.body.contains("Mae eich atebion wedi cael eu dileu"),
        "{}",
        page.body
    );
}

/// Without JavaScript there is no dialog: a Welsh resident who leaves a page open past the
/// timeout and then carries on gets the Welsh "answers deleted" page, though the session that
/// held the choice expired, and "Start again" starts in Welsh.
#[tokio::test]
async fn a_session_that_expired_unattended_is_deleted_in_welsh() {
    let service = service(HttpConfig::default()).await;
    let mut browser = service.client();
    browser.get("/apply").await;
    let token = browser.get("/apply/location?lang=cy").await.csrf();
    service.later(TIMEOUT + 1);
    let page = browser
        .post(
            "/apply/location",
            &[("csrf_token", &token), ("postcode", "SW1A 1AA")],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Mae eich atebion wedi cael eu dileu"),
        "{}",
        page.body
    );
    assert!(page.body.contains(r#"<html lang="cy""#), "{}", page.body);

    let started = browser.get("/apply").await;
    let to = started.location.clone().unwrap();
    let page = browser.get(&to).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(r#"<html lang="cy""#), "{}", page.body);

    // A browser that never chose Welsh still gets the form's first language.
    let mut english = service.client();
    english.get("/apply").await;
    let token = english.get("/apply/location").await.csrf();
    service.later(TIMEOUT + 1);
    let page = english
        .post("/apply/location", &[("csrf_token", &token)])
        .await;
    assert!(
        page.body.contains("Your answers have been deleted"),
        "{}",
        page.body
    );
}
