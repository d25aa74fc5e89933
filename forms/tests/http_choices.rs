//! Options supplied at request time (`supplied: true` and a `ChoiceSource`) and the payment
//! hooks that hold a choice while the resident pays: only open options are offered and
//! accepted, an option that went is refused on its page in the Design System's words (on
//! answering, on sending, on starting to pay), and a hold is released when a payment ends
//! unpaid and taken again on "Try paying again".

#![cfg(all(feature = "axum", feature = "pay"))]
#![allow(clippy::unwrap_used)]

mod support;

use std::sync::{Arc, Mutex};

use axum::http::StatusCode;
use civic_forms::definition::{Choice, FormDefinition, Format, Text};
use civic_forms::delivery::{Deliveries, Submission};
use civic_forms::http::{
    ChoiceError, ChoiceSource, FormService, HoldError, HttpConfig, PaymentHooks, ServiceError,
};
use civic_forms::session::SqlSessionStore;
use civic_pay_adapters::sandbox::{CardEntry, MemorySandboxStore};
use civic_pay_adapters::{Checkout, MemoryRecordStore, PaymentProvider, SandboxProvider, Url};
use support::{Client, service_with};
use time::OffsetDateTime;

const SLOTS: &str = r#"
id: slots
title: { en: Book a collection, cy: Trefnu casgliad }
languages: [en, cy]
pages:
  - id: slot
    questions:
      - id: slot
        label: { en: When should we come?, cy: Pryd ddylen ni ddod? }
        error_name: { en: the slot, cy: y slot }
        answer: { type: one_from_list, options: [], supplied: true }
payment:
  description: { en: Collection, cy: Casgliad }
  fee: { fixed_pence: 2000 }
"#;

/// Open slots the test changes as it goes.
#[derive(Default)]
struct Open(Mutex<Vec<(&'static str, &'static str, &'static str)>>);

impl Open {
    fn set(&self, slots: &[(&'static str, &'static str, &'static str)]) {
        *self.0.lock().unwrap() = slots.to_vec();
    }
}

#[async_trait::async_trait]
impl ChoiceSource for Open {
    async fn choices(&self, _now: OffsetDateTime) -> Result<Vec<Choice>, ChoiceError> {
        Ok(self
            .0
            .lock()
            .unwrap()
            .iter()
            .map(|(value, en, cy)| Choice::new(*value, Text::bilingual(*en, *cy)))
            .collect())
    }

    fn label(&self, value: &str) -> Option<Text> {
        Some(Text::bilingual(
            format!("Slot {value}"),
            format!("Slot {value}"),
        ))
    }
}

/// What the hooks were told, and whether the next hold finds the slot gone.
#[derive(Default)]
struct Holds {
    events: Mutex<Vec<String>>,
    full: Mutex<bool>,
}

#[async_trait::async_trait]
impl PaymentHooks for Holds {
    async fn started(
        &self,
        submission: &Submission,
        _now: OffsetDateTime,
    ) -> Result<(), HoldError> {
        if *self.full.lock().unwrap() {
            return Err(HoldError::Gone {
                question: "slot".into(),
            });
        }
        self.events
            .lock()
            .unwrap()
            .push(format!("hold {}", submission.reference));
        Ok(())
    }

    async fn not_paid(&self, reference: &str, _now: OffsetDateTime) -> Result<(), HoldError> {
        self.events
            .lock()
            .unwrap()
            .push(format!("release {reference}"));
        Ok(())
    }
}

struct Booking {
    client: Client,
    open: Arc<Open>,
    holds: Arc<Holds>,
    sandbox: SandboxProvider,
    delivered: Arc<support::Recorder>,
}

async fn booking() -> Booking {
    let open = Arc::new(Open::default());
    open.set(&[("am", "Morning", "Bore"), ("pm", "Afternoon", "Prynhawn")]);
    let holds = Arc::new(Holds::default());
    let sandbox = SandboxProvider::new(
        Arc::new(MemorySandboxStore::new()),
        Url::parse("http://127.0.0.1:9/sandbox/").unwrap(),
    );
    let checkout = Checkout::new(
        Arc::new(sandbox.clone()),
        Arc::new(MemoryRecordStore::new()),
        Url::parse("http://localhost/apply/payment/").unwrap(),
    );
    let (source, hooks) = (open.clone(), holds.clone());
    let service = service_with(SLOTS, "sqlite::memory:", HttpConfig::default(), |b| {
        b.payments(checkout)
            .choices("slot", source)
            .payment_hooks(hooks)
    })
    .await;
    Booking {
        client: service.client(),
        open,
        holds,
        sandbox,
        delivered: service.delivered,
    }
}

const GONE: &str = "The slot you chose is no longer available – select another";

#[tokio::test]
async fn only_the_options_open_now_are_offered_and_accepted() {
    let Booking {
        mut client, open, ..
    } = booking().await;
    client.get("/apply").await;
    let page = client.get("/apply/slot").await;
    assert!(page.body.contains(r#"value="am""#), "{}", page.body);
    assert!(page.body.contains("Afternoon"), "{}", page.body);

    // The afternoon goes while the page is open: answering it is refused on the page, which
    // no longer offers it.
    open.set(&[("am", "Morning", "Bore")]);
    let refused = client.answer("/apply/slot", &[("slot", "pm")]).await;
    assert_eq!(refused.status, StatusCode::OK);
    assert!(
        refused.body.contains("There is a problem"),
        "{}",
        refused.body
    );
    assert!(refused.body.contains(GONE), "{}", refused.body);
    assert!(!refused.body.contains("Afternoon"), "{}", refused.body);
    let empty = client.answer("/apply/slot", &[]).await;
    assert!(empty.body.contains("Select the slot"), "{}", empty.body);
    let welsh = client.get("/apply/slot?lang=cy").await;
    assert!(welsh.body.contains("Bore"), "{}", welsh.body);
    let refused = client.answer("/apply/slot", &[("slot", "pm")]).await;
    assert!(
        refused
            .body
            .contains("Nid yw’r slot a ddewisoch ar gael mwyach – dewiswch un arall"),
        "{}",
        refused.body
    );
    client
        .answer("/apply/slot", &[("slot", "am")])
        .await
        .see_other("/apply/check-answers");
}

#[tokio::test]
async fn an_answer_gone_by_sending_is_refused_on_its_page_and_nothing_is_sent() {
    let Booking {
        mut client,
        open,
        holds,
        delivered,
        ..
    } = booking().await;
    client.get("/apply").await;
    client
        .answer("/apply/slot", &[("slot", "pm")])
        .await
        .see_other("/apply/check-answers");
    let check = client.get("/apply/check-answers").await;
    assert!(check.body.contains("Afternoon"), "{}", check.body);

    // Gone before sending: "check your answers" still names it (the source's label), and
    // sending shows its page with the error.
    open.set(&[("am", "Morning", "Bore")]);
    let check = client.get("/apply/check-answers").await;
    assert!(check.body.contains("Slot pm"), "{}", check.body);
    let sent = client
        .post("/apply/check-answers", &[("csrf_token", &check.csrf())])
        .await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
    assert!(sent.body.contains(GONE), "{}", sent.body);
    assert!(
        sent.body.contains(r#"action="/apply/slot""#),
        "{}",
        sent.body
    );
    assert!(holds.events.lock().unwrap().is_empty());
    assert!(delivered.0.lock().unwrap().is_empty());
}

#[tokio::test]
async fn a_hold_is_taken_to_pay_released_when_unpaid_and_taken_again_to_try_again() {
    let Booking {
        mut client,
        holds,
        sandbox,
        ..
    } = booking().await;
    client.get("/apply").await;
    client
        .answer("/apply/slot", &[("slot", "am")])
        .await
        .see_other("/apply/check-answers");

    // Someone else took the last slot first: back on the page, nothing held.
    *holds.full.lock().unwrap() = true;
    let refused = client.answer("/apply/check-answers", &[]).await;
    assert_eq!(refused.status, StatusCode::OK, "{}", refused.body);
    assert!(refused.body.contains(GONE), "{}", refused.body);
    assert!(holds.events.lock().unwrap().is_empty());

    *holds.full.lock().unwrap() = false;
    let sent = client.answer("/apply/check-answers", &[]).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let events = holds.events.lock().unwrap().clone();
    assert_eq!(events.len(), 1, "{events:?}");
    let reference = events[0].strip_prefix("hold ").unwrap().to_owned();

    // Declined: released each time the page is seen (three times here: twice, then again
    // before "Try paying again"), which holds again.
    let payment_id = Url::parse(sent.location.as_deref().unwrap())
        .unwrap()
        .path_segments()
        .unwrap()
        .next_back()
        .unwrap()
        .to_owned();
    sandbox.open_card_page(&payment_id).await.unwrap();
    let declined = CardEntry {
        card_number: "4000000000000002".into(),
        expiry_month: "12".into(),
        expiry_year: "2040".into(),
        cardholder_name: "A Resident".into(),
        cvc: "123".into(),
    };
    sandbox.submit_card(&payment_id, &declined).await.unwrap();
    let payment = sandbox.get(&payment_id).await.unwrap();
    let back = Url::parse(&payment.return_url).unwrap().path().to_owned();
    let not_taken = client.get(&back).await;
    assert!(
        not_taken.body.contains("Your payment was not taken"),
        "{}",
        not_taken.body
    );
    client.get(&back).await;
    let again = client.answer(&back, &[]).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "{}", again.body);
    assert_eq!(
        *holds.events.lock().unwrap(),
        [
            format!("hold {reference}"),
            format!("release {reference}"),
            format!("release {reference}"),
            format!("release {reference}"),
            format!("hold {reference}"),
        ]
    );

    // Trying again after the slot went: start again, with nothing charged.
    let second = Url::parse(again.location.as_deref().unwrap())
        .unwrap()
        .path_segments()
        .unwrap()
        .next_back()
        .unwrap()
        .to_owned();
    sandbox.open_card_page(&second).await.unwrap();
    sandbox.submit_card(&second, &declined).await.unwrap();
    let back = Url::parse(&sandbox.get(&second).await.unwrap().return_url)
        .unwrap()
        .path()
        .to_owned();
    client.get(&back).await;
    *holds.full.lock().unwrap() = true;
    let gone = client.answer(&back, &[]).await;
    assert_eq!(gone.status, StatusCode::CONFLICT, "{}", gone.body);
    assert!(
        gone.body.contains("What you chose is no longer available"),
        "{}",
        gone.body
    );
    assert!(gone.body.contains("Start again"), "{}", gone.body);
}

#[tokio::test]
async fn a_supplied_question_needs_a_source_and_a_source_a_supplied_question() {
    let form = FormDefinition::parse(SLOTS, Format::Yaml).unwrap();
    assert!(civic_forms::check::check(&form).is_empty());
    let store = SqlSessionStore::connect("sqlite::memory:").await.unwrap();
    let checkout = || {
        Checkout::new(
            Arc::new(SandboxProvider::new(
                Arc::new(MemorySandboxStore::new()),
                Url::parse("http://127.0.0.1:9/sandbox/").unwrap(),
            )),
            Arc::new(MemoryRecordStore::new()),
            Url::parse("http://localhost/apply/payment/").unwrap(),
        )
    };
    let builder = || {
        FormService::builder(
            form.clone(),
            Arc::new(SqlSessionStore::from_pool(store.pool().clone())),
            Deliveries::new(store.pool().clone()),
            &[7; 64],
        )
        .unwrap()
        .payments(checkout())
    };
    let missing = builder().build().unwrap_err();
    assert!(
        matches!(&missing, ServiceError::Choices(reason) if reason.contains("`slot`")),
        "{missing}"
    );
    let stray = builder()
        .choices("slot", Arc::new(Open::default()))
        .choices("colour", Arc::new(Open::default()))
        .build()
        .unwrap_err();
    assert!(stray.to_string().contains("`colour`"), "{stray}");
    assert!(
        builder()
            .choices("slot", Arc::new(Open::default()))
            .build()
            .is_ok()
    );
}
