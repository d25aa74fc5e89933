//! Add to a list and exit pages over HTTP: items added, changed and removed (after
//! confirming), the minimum enforced, and an exit page that ends the journey.

#![cfg(feature = "axum")]
#![allow(clippy::unwrap_used)]

mod support;

use axum::http::StatusCode;
use civic_forms::http::HttpConfig;
use support::service_of;

const FORM: &str = r#"
id: permit
title: Apply for a parking permit
pages:
  - id: eligible
    questions:
      - { id: resident, label: Do you live in the zone?, error_name: whether you live in the zone, answer: { type: yes_no } }
    routes:
      - when: { equals: { question: resident, value: 'no' } }
        to: not-eligible
      - to: vehicle
  - id: not-eligible
    title: You cannot apply
    exit: { body: Only residents of the zone can apply. }
  - id: vehicle
    questions:
      - { id: registration, label: What is the registration number?, error_name: the registration number, answer: { type: vehicle_registration } }
    add_to_list: { item_name: vehicle, min: 1, max: 3 }
"#;

#[tokio::test]
async fn an_exit_page_ends_the_journey() {
    let service = service_of(FORM, "sqlite::memory:", HttpConfig::default()).await;
    let mut browser = service.client();
    browser.get("/apply").await.see_other("/apply/eligible");
    browser
        .answer("/apply/eligible", &[("resident", "no")])
        .await
        .see_other("/apply/not-eligible");
    let exit = browser.get("/apply/not-eligible").await;
    assert_eq!(exit.status, StatusCode::OK);
    assert!(
        exit.body.contains("Only residents of the zone can apply."),
        "{}",
        exit.body
    );
    browser
        .get("/apply/check-answers")
        .await
        .see_other("/apply/not-eligible");
}

#[tokio::test]
async fn items_are_added_changed_and_removed() {
    let service = service_of(FORM, "sqlite::memory:", HttpConfig::default()).await;
    let mut browser = service.client();
    browser.get("/apply").await;
    browser
        .answer("/apply/eligible", &[("resident", "yes")])
        .await
        .see_other("/apply/vehicle");
    browser
        .answer("/apply/vehicle", &[("registration", "AB12 CDE")])
        .await
        .see_other("/apply/vehicle/add-another");
    let summary = browser.get("/apply/vehicle/add-another").await;
    assert!(summary.body.contains("AB12 CDE"), "{}", summary.body);
    // Neither yes nor no: the question is asked again with an error.
    let unanswered = browser
        .post(
            "/apply/vehicle/add-another",
            &[("csrf_token", &summary.csrf())],
        )
        .await;
    assert_eq!(unanswered.status, StatusCode::OK);
    assert!(
        unanswered.body.contains("There is a problem"),
        "{}",
        unanswered.body
    );
    // Another vehicle.
    browser
        .answer("/apply/vehicle/add-another", &[("add_another", "yes")])
        .await
        .see_other("/apply/vehicle");
    browser
        .answer("/apply/vehicle", &[("registration", "XY99 ZZZ")])
        .await
        .see_other("/apply/vehicle/add-another");
    // Change the first: its page shows its answer; the new answer replaces it.
    browser
        .get("/apply/vehicle/change/0")
        .await
        .see_other("/apply/vehicle");
    let first = browser.get("/apply/vehicle").await;
    assert!(first.body.contains("AB12 CDE"), "{}", first.body);
    browser
        .answer("/apply/vehicle", &[("registration", "CD34 EFG")])
        .await
        .see_other("/apply/vehicle/add-another");
    // Remove the second, after confirming; "no" keeps it.
    let confirm = browser.get("/apply/vehicle/remove/1").await;
    assert!(confirm.body.contains("XY99 ZZZ"), "{}", confirm.body);
    browser
        .answer("/apply/vehicle/remove/1", &[("remove", "no")])
        .await
        .see_other("/apply/vehicle/add-another");
    browser
        .answer("/apply/vehicle/remove/1", &[("remove", "yes")])
        .await
        .see_other("/apply/vehicle/add-another");
    let summary = browser.get("/apply/vehicle/add-another").await;
    assert!(summary.body.contains("CD34 EFG"), "{}", summary.body);
    assert!(!summary.body.contains("XY99 ZZZ"), "{}", summary.body);
    assert!(!summary.body.contains("AB12 CDE"), "{}", summary.body);
    // Done: check answers, then the submission carries the one item.
    browser
        .answer("/apply/vehicle/add-another", &[("add_another", "no")])
        .await
        .see_other("/apply/check-answers");
    let check = browser.get("/apply/check-answers").await;
    assert!(check.body.contains("CD34 EFG"), "{}", check.body);
    browser
        .post("/apply/check-answers", &[("csrf_token", &check.csrf())])
        .await
        .see_other("/apply/confirmation");
    let delivered = service.delivered.0.lock().unwrap().clone();
    assert_eq!(delivered[0].answers.items("vehicle").len(), 1);
}

#[tokio::test]
async fn the_minimum_is_kept_when_removing() {
    let service = service_of(FORM, "sqlite::memory:", HttpConfig::default()).await;
    let mut browser = service.client();
    browser.get("/apply").await;
    browser
        .answer("/apply/eligible", &[("resident", "yes")])
        .await;
    browser
        .answer("/apply/vehicle", &[("registration", "AB12 CDE")])
        .await;
    browser
        .answer("/apply/vehicle/remove/0", &[("remove", "yes")])
        .await
        .see_other("/apply/vehicle/add-another");
    // With no items left, the list asks for one again; "no" is refused below the minimum.
    browser
        .get("/apply/vehicle/add-another")
        .await
        .see_other("/apply/vehicle");
}

const DECLARED: &str = r#"
id: declared
title: Tell us your name
pages:
  - id: name
    questions:
      - { id: full_name, label: What is your name?, error_name: your name, answer: { type: text } }
declaration:
  text: I confirm the information I have given is correct.
  checkbox: I confirm
"#;

#[tokio::test]
async fn a_declaration_with_a_checkbox_must_be_ticked() {
    let service = service_of(DECLARED, "sqlite::memory:", HttpConfig::default()).await;
    let mut browser = service.client();
    browser.get("/apply").await;
    browser
        .answer("/apply/name", &[("full_name", "Ann Jones")])
        .await
        .see_other("/apply/check-answers");
    let check = browser.get("/apply/check-answers").await;
    assert!(
        check
            .body
            .contains("I confirm the information I have given is correct."),
        "{}",
        check.body
    );
    let unticked = browser
        .post("/apply/check-answers", &[("csrf_token", &check.csrf())])
        .await;
    assert_eq!(unticked.status, StatusCode::OK);
    assert!(
        unticked.body.contains("There is a problem"),
        "{}",
        unticked.body
    );
    assert!(service.delivered.0.lock().unwrap().is_empty());
    browser
        .post(
            "/apply/check-answers",
            &[("csrf_token", &check.csrf()), ("declaration", "yes")],
        )
        .await
        .see_other("/apply/confirmation");
    assert_eq!(service.delivered.0.lock().unwrap().len(), 1);
}
