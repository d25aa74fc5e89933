//! A sandbox payment paid in a real browser: the sandbox provider and its card page served on
//! 127.0.0.1, a payment created through the `PaymentProvider` trait, its `next_url` opened in
//! headless Chromium, the card form filled in and submitted, the resident back on the
//! service's return URL, and the payment's status read through the trait. The card page is
//! checked with axe-core, as shown and with errors. A success card and a declined card, each in
//! English and in Welsh.
#![allow(clippy::unwrap_used)] // a panic in a test is a failed test

use std::sync::Arc;

use axum::Router;
use axum::routing::get;
use civic_pay_adapters::sandbox::{MemorySandboxStore, SandboxStore, router};
use civic_pay_adapters::{
    FailureReason, Language, Money, NewPayment, PaymentProvider, PaymentStatus, SandboxProvider,
};
use civic_tests::{browser, serve};
use url::Url;

/// The service's page the resident returns to.
const RETURNED: &str = "Back at the council's service";

struct Sandbox {
    provider: Arc<dyn PaymentProvider>,
    base: Url,
}

/// Serves the sandbox card page and a stand-in return page on a loopback port, and gives a
/// provider whose `next_url`s point at it. Both share one store, as two instances of a
/// service share the sandbox's SQL store.
fn start() -> Sandbox {
    let store: Arc<dyn SandboxStore> = Arc::new(MemorySandboxStore::new());
    // The card page uses relative links, so its own base URL does not matter.
    let pages = SandboxProvider::new(Arc::clone(&store), Url::parse("http://127.0.0.1/").unwrap());
    let app: Router = router(pages).route("/return/{token}", get(|| async { RETURNED }));
    let address = serve(app).unwrap();
    let base = Url::parse(&format!("http://{address}/")).unwrap();
    let provider = SandboxProvider::new(store, base.clone());
    Sandbox {
        provider: Arc::new(provider),
        base,
    }
}

/// Pays one payment with `card` in `language`; returns its final status, or `None` when the
/// browser is not available.
fn pay(test: &str, language: Language, card: &str) -> Option<PaymentStatus> {
    let sandbox = start();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let return_url = sandbox.base.join("return/tok-8f2c").unwrap();
    let payment = runtime
        .block_on(
            sandbox.provider.create(
                &NewPayment::new(
                    Money::from_pence(4250).unwrap(),
                    "BW-1",
                    "Bulky waste collection",
                    return_url.clone(),
                )
                .language(language),
            ),
        )
        .unwrap();
    let next_url = payment.next_url.clone().unwrap();
    let journey = browser::pay_in_sandbox(
        test,
        next_url.as_str(),
        card,
        sandbox.base.join("return/").unwrap().as_str(),
    )?;

    assert_eq!(journey.landed, return_url.as_str());
    assert!(
        journey.landed_text.contains(RETURNED),
        "{}",
        journey.landed_text
    );
    // The card page as shown (200), then with the errors of an empty submission (422).
    let statuses: Vec<Option<u16>> = journey.pages.iter().map(|page| page.status).collect();
    assert_eq!(statuses, [Some(200), Some(422)]);
    let title = match language {
        Language::Welsh => "Rhowch fanylion y cerdyn",
        _ => "Enter card details",
    };
    assert!(
        journey.pages[0].title.starts_with(title),
        "{}",
        journey.pages[0].title
    );
    let error_title = match language {
        Language::Welsh => "Gwall: ",
        _ => "Error: ",
    };
    assert!(
        journey.pages[1].title.starts_with(error_title),
        "{}",
        journey.pages[1].title
    );
    let violations: Vec<String> = journey
        .pages
        .iter()
        .flat_map(|page| {
            page.violations.iter().map(move |v| {
                format!(
                    "{}: {} ({}) at {}",
                    page.url,
                    v.id,
                    v.help,
                    v.targets.join(", ")
                )
            })
        })
        .collect();
    assert!(
        violations.is_empty(),
        "axe found problems:\n{}",
        violations.join("\n")
    );

    let paid = runtime
        .block_on(sandbox.provider.get(&payment.payment_id))
        .unwrap();
    Some(paid.state)
}

#[test]
fn a_resident_pays_in_english_with_a_success_card() {
    let Some(state) = pay(
        "a_resident_pays_in_english_with_a_success_card",
        Language::English,
        "4444333322221111",
    ) else {
        return;
    };
    assert_eq!(state, PaymentStatus::Success);
    assert_eq!(state.code(), None);
}

#[test]
fn a_resident_paying_in_welsh_with_a_declined_card_fails_p0010() {
    let Some(state) = pay(
        "a_resident_paying_in_welsh_with_a_declined_card_fails_p0010",
        Language::Welsh,
        "4000000000000002",
    ) else {
        return;
    };
    assert_eq!(state, PaymentStatus::Failed(FailureReason::Rejected));
    assert_eq!(state.code(), Some("P0010"));
}

#[test]
fn a_resident_pays_in_welsh_with_a_success_card() {
    let Some(state) = pay(
        "a_resident_pays_in_welsh_with_a_success_card",
        Language::Welsh,
        "4444333322221111",
    ) else {
        return;
    };
    assert_eq!(state, PaymentStatus::Success);
}

#[test]
fn a_resident_paying_in_english_with_a_declined_card_fails_p0010() {
    let Some(state) = pay(
        "a_resident_paying_in_english_with_a_declined_card_fails_p0010",
        Language::English,
        "4000000000000002",
    ) else {
        return;
    };
    assert_eq!(state, PaymentStatus::Failed(FailureReason::Rejected));
    assert_eq!(state.code(), Some("P0010"));
}
