//! The payment step over HTTP with the sandbox provider: the fee on "check your answers", the
//! submission held until paid, paid first time, declined then paid, cancelled, expired, the
//! return page refreshed, and return URLs tampered with.

#![cfg(all(feature = "axum", feature = "pay"))]
#![allow(clippy::unwrap_used)]

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use axum::http::StatusCode;
use civic_forms::definition::{FormDefinition, Format};
use civic_forms::delivery::Deliveries;
use civic_forms::http::{FormService, HttpConfig, ServiceError};
use civic_forms::session::SqlSessionStore;
use civic_pay_adapters::sandbox::{CardEntry, CardPageResult, MemorySandboxStore};
use civic_pay_adapters::{
    Checkout, MemoryRecordStore, PaymentProvider, PaymentStatus, SandboxProvider, Url,
};
use support::{Client, Service, service_with};
use time::OffsetDateTime;

const PERMIT: &str = r#"
id: permit
title: { en: Apply for a parking permit, cy: Gwneud cais am drwydded barcio }
languages: [en, cy]
pages:
  - id: length
    questions:
      - id: months
        label: { en: How long do you need the permit for?, cy: Am ba hyd mae angen y drwydded arnoch? }
        error_name: { en: how long you need the permit for, cy: am ba hyd mae angen y drwydded }
        answer:
          type: one_from_list
          options:
            - { value: "3", label: { en: 3 months, cy: 3 mis } }
            - { value: "12", label: { en: 12 months, cy: 12 mis } }
payment:
  description: { en: Resident parking permit, cy: Trwydded barcio preswylydd }
  fee:
    computed:
      base_pence: 1000
      add:
        - { when: { equals: { question: months, value: "12" } }, pence: 2500 }
"#;

const SANDBOX: &str = "http://127.0.0.1:9/sandbox/";

struct Paying {
    service: Service,
    sandbox: SandboxProvider,
    /// Seconds added to the sandbox's clock.
    sandbox_skew: Arc<AtomicI64>,
}

async fn paying() -> Paying {
    let sandbox_skew = Arc::new(AtomicI64::new(0));
    let skew = sandbox_skew.clone();
    let sandbox = SandboxProvider::new(
        Arc::new(MemorySandboxStore::new()),
        Url::parse(SANDBOX).unwrap(),
    )
    .with_clock(Arc::new(move || {
        OffsetDateTime::now_utc() + time::Duration::seconds(skew.load(Ordering::SeqCst))
    }));
    let checkout = Checkout::new(
        Arc::new(sandbox.clone()),
        Arc::new(MemoryRecordStore::new()),
        Url::parse("http://localhost/apply/payment/").unwrap(),
    );
    let service = service_with(PERMIT, "sqlite::memory:", HttpConfig::default(), |b| {
        b.payments(checkout)
    })
    .await;
    Paying {
        service,
        sandbox,
        sandbox_skew,
    }
}

/// Answers the form (12 months: £35.00) and sends it from "check your answers"; the payment
/// id of the card page the resident is sent to.
async fn send_to_payment(browser: &mut Client, sandbox: &SandboxProvider, lang: &str) -> String {
    browser.get(&format!("/apply{lang}")).await;
    browser
        .answer("/apply/length", &[("months", "12")])
        .await
        .see_other("/apply/check-answers");
    let check = browser.get("/apply/check-answers").await;
    let total = if lang.is_empty() {
        "Total to pay: £35.00"
    } else {
        "Cyfanswm i&#39;w dalu: £35.00"
    };
    assert!(
        check.body.contains(total) || check.body.contains(&total.replace("&#39;", "'")),
        "{}",
        check.body
    );
    let sent = browser
        .post("/apply/check-answers", &[("csrf_token", &check.csrf())])
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let card_page = Url::parse(sent.location.as_deref().unwrap()).unwrap();
    assert!(sandbox.is_payment_page(&card_page), "{card_page}");
    card_page
        .path_segments()
        .unwrap()
        .next_back()
        .unwrap()
        .to_owned()
}

/// The path of the return URL the provider holds for `payment_id`.
async fn return_path(sandbox: &SandboxProvider, payment_id: &str) -> String {
    let payment = sandbox.get(payment_id).await.unwrap();
    let url = Url::parse(&payment.return_url).unwrap();
    assert!(url.path().starts_with("/apply/payment/"), "{url}");
    url.path().to_owned()
}

async fn pay(sandbox: &SandboxProvider, payment_id: &str, card: &str) -> PaymentStatus {
    sandbox.open_card_page(payment_id).await.unwrap();
    let entry = CardEntry {
        card_number: card.into(),
        expiry_month: "12".into(),
        expiry_year: "2040".into(),
        cardholder_name: "A Resident".into(),
        cvc: "123".into(),
    };
    match sandbox.submit_card(payment_id, &entry).await.unwrap() {
        CardPageResult::Done(payment) => payment.state,
        other => panic!("the card was not taken: {other:?}"),
    }
}

/// Issue #7 item 6: "the reconciler finishes it if the resident never returns". The resident
/// pays and closes the tab; the service's jobs find the payment succeeded and deliver the
/// held application, once.
#[tokio::test]
async fn the_jobs_deliver_an_application_paid_for_by_a_resident_who_never_came_back() {
    let Paying {
        service, sandbox, ..
    } = paying().await;
    let mut browser = service.client();
    let payment_id = send_to_payment(&mut browser, &sandbox, "").await;
    let nothing = service.form.run_jobs_once().await;
    assert_eq!((nothing.released, nothing.failed), (0, 0));
    assert!(service.delivered.0.lock().unwrap().is_empty());

    assert_eq!(
        pay(&sandbox, &payment_id, "4444333322221111").await,
        PaymentStatus::Success
    );
    let report = service.form.run_jobs_once().await;
    assert_eq!((report.released, report.failed), (1, 0));
    let delivered = service.delivered.0.lock().unwrap().clone();
    assert_eq!(delivered.len(), 1);
    let again = service.form.run_jobs_once().await;
    assert_eq!(again.released, 0);
    assert_eq!(service.delivered.0.lock().unwrap().len(), 1);
}

#[tokio::test]
async fn paid_first_time_delivers_once_and_shows_the_amount_even_on_refresh() {
    let Paying {
        service, sandbox, ..
    } = paying().await;
    let mut browser = service.client();
    let payment_id = send_to_payment(&mut browser, &sandbox, "").await;
    // Held, not delivered, and the session is over: the answers live in the held submission.
    assert!(service.delivered.0.lock().unwrap().is_empty());
    let payment = sandbox.get(&payment_id).await.unwrap();
    assert_eq!(payment.amount.pence(), 3500);
    assert_eq!(payment.description, "Resident parking permit");
    let back = return_path(&sandbox, &payment_id).await;

    assert_eq!(
        pay(&sandbox, &payment_id, "4444333322221111").await,
        PaymentStatus::Success
    );
    browser.get(&back).await.see_other("/apply/confirmation");
    let delivered = service.delivered.0.lock().unwrap().clone();
    assert_eq!(delivered.len(), 1);
    assert_eq!(delivered[0].reference, payment.reference);
    let done = browser.get("/apply/confirmation").await;
    assert!(done.body.contains(&delivered[0].reference), "{}", done.body);
    assert!(
        done.body.contains("You have paid <strong>£35.00</strong>."),
        "{}",
        done.body
    );

    // A refresh of the return URL, and a second return, deliver nothing more.
    browser.get(&back).await.see_other("/apply/confirmation");
    service
        .client()
        .get(&back)
        .await
        .see_other("/apply/confirmation");
    assert_eq!(service.delivered.0.lock().unwrap().len(), 1);
}

#[tokio::test]
async fn declined_then_paid_uses_a_new_payment_for_the_same_held_submission() {
    let Paying {
        service, sandbox, ..
    } = paying().await;
    let mut browser = service.client();
    let first = send_to_payment(&mut browser, &sandbox, "").await;
    let first_back = return_path(&sandbox, &first).await;
    assert_eq!(
        pay(&sandbox, &first, "4000000000000002").await,
        PaymentStatus::Failed(civic_pay_adapters::FailureReason::Rejected)
    );
    let not_taken = browser.get(&first_back).await;
    assert_eq!(not_taken.status, StatusCode::OK);
    assert!(
        not_taken.body.contains("Your payment was not taken"),
        "{}",
        not_taken.body
    );
    assert!(not_taken.body.contains("Try paying again"));
    assert!(service.delivered.0.lock().unwrap().is_empty());

    // "Try paying again" without the page's token is refused; with it, a new payment.
    let refused = browser.post(&first_back, &[("csrf_token", "0")]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let again = browser
        .post(&first_back, &[("csrf_token", &not_taken.csrf())])
        .await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "{}", again.body);
    let card_page = Url::parse(again.location.as_deref().unwrap()).unwrap();
    assert!(sandbox.is_payment_page(&card_page));
    let second = card_page
        .path_segments()
        .unwrap()
        .next_back()
        .unwrap()
        .to_owned();
    assert_ne!(second, first);
    let second_back = return_path(&sandbox, &second).await;
    assert_ne!(
        second_back, first_back,
        "each payment has its own return URL"
    );
    assert_eq!(
        sandbox.get(&second).await.unwrap().reference,
        sandbox.get(&first).await.unwrap().reference
    );

    assert_eq!(
        pay(&sandbox, &second, "4444333322221111").await,
        PaymentStatus::Success
    );
    browser
        .get(&second_back)
        .await
        .see_other("/apply/confirmation");
    let delivered = service.delivered.0.lock().unwrap().clone();
    assert_eq!(delivered.len(), 1);
    assert_eq!(
        delivered[0].answers.values.len(),
        1,
        "the answers were kept"
    );
    // The first attempt's page no longer offers to pay: the application is paid.
    browser
        .get(&first_back)
        .await
        .see_other("/apply/confirmation");
    let again = browser
        .post(&first_back, &[("csrf_token", &not_taken.csrf())])
        .await;
    again.see_other(&first_back);
    assert_eq!(service.delivered.0.lock().unwrap().len(), 1);
}

#[tokio::test]
async fn cancelled_and_expired_payments_were_not_taken_in_welsh_too() {
    let Paying {
        service,
        sandbox,
        sandbox_skew,
    } = paying().await;
    let mut browser = service.client();
    let cancelled = send_to_payment(&mut browser, &sandbox, "?lang=cy").await;
    assert_eq!(
        sandbox.get(&cancelled).await.unwrap().language,
        civic_pay_adapters::Language::Welsh
    );
    sandbox.cancel_by_payer(&cancelled).await.unwrap();
    let page = browser.get(&return_path(&sandbox, &cancelled).await).await;
    assert!(
        page.body.contains("Ni chymerwyd eich taliad"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Rhoi cynnig ar dalu eto"));

    let mut other = service.client();
    let expired = send_to_payment(&mut other, &sandbox, "").await;
    sandbox_skew.fetch_add(91 * 60, Ordering::SeqCst);
    let page = other.get(&return_path(&sandbox, &expired).await).await;
    assert!(
        page.body.contains("Your payment was not taken"),
        "{}",
        page.body
    );
    assert!(service.delivered.0.lock().unwrap().is_empty());
}

#[tokio::test]
async fn an_unfinished_payment_is_being_checked_whatever_the_url_says() {
    let Paying {
        service, sandbox, ..
    } = paying().await;
    let mut browser = service.client();
    let payment_id = send_to_payment(&mut browser, &sandbox, "").await;
    let back = return_path(&sandbox, &payment_id).await;
    // The status comes from the provider, never from the query string.
    let checking = browser
        .get(&format!("{back}?status=success&amount=0"))
        .await;
    assert_eq!(checking.status, StatusCode::OK);
    assert!(
        checking.body.contains("We are checking your payment"),
        "{}",
        checking.body
    );
    // The page offers nothing to post; a forged "Try paying again" is refused.
    assert!(!checking.body.contains("csrf_token"), "{}", checking.body);
    let forged = browser.post(&back, &[("csrf_token", "0")]).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert!(service.delivered.0.lock().unwrap().is_empty());

    // A return URL that was changed or made up is not found; it pays nothing out.
    let mut changed = back.clone();
    changed.push('x');
    assert_eq!(browser.get(&changed).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        browser.get("/apply/payment/made-up").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        browser
            .post("/apply/payment/made-up", &[("csrf_token", "0")])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert!(service.delivered.0.lock().unwrap().is_empty());
}

#[tokio::test]
async fn a_paying_form_is_not_served_without_payments() {
    let form = FormDefinition::parse(PERMIT, Format::Yaml).unwrap();
    let store = SqlSessionStore::connect("sqlite::memory:").await.unwrap();
    let deliveries = Deliveries::new(store.pool().clone());
    let refused = FormService::builder(form, Arc::new(store), deliveries, &[42; 64])
        .unwrap()
        .build()
        .unwrap_err();
    assert_eq!(refused, ServiceError::PaymentsMissing);
}
