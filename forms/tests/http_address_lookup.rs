//! The postcode lookup steps of a UK address over HTTP, against the embedded index built from
//! civic-address-lookup's sample gazetteer (invented addresses in the unallocated ZY area):
//! postcode → list → address stored with its UPRN; "Enter a full UK postcode"; "We could not
//! find any addresses for …"; the building narrowing the list; manual entry from both steps;
//! Change from check answers; back links; a failing provider offering manual entry; and no
//! lookup without a provider.

#![cfg(feature = "axum")]
#![allow(clippy::unwrap_used)]

mod support;

use std::sync::Arc;

use async_trait::async_trait;
use axum::http::StatusCode;
use civic_address_lookup::index::AddressIndex;
use civic_address_lookup::provider::{AddressProvider, ProviderError};
use civic_address_lookup::{Address, Postcode, Uprn, generate};
use civic_forms::answers::AnswerValue;
use civic_forms::http::HttpConfig;
use support::{Client, Service, service_of, service_with};

const FORM: &str = r#"
id: bins
title: { en: Report a missed bin collection, cy: Rhoi gwybod am gasgliad bin a fethwyd }
languages: [en, cy]
pages:
  - id: address
    questions:
      - id: home
        label: { en: What is the address?, cy: "Beth yw'r cyfeiriad?" }
        answer: { type: uk_address }
  - id: details
    questions:
      - id: details
        label: { en: Which bin was missed?, cy: Pa fin a fethwyd? }
        answer: { type: text }
"#;

fn index() -> Arc<AddressIndex> {
    Arc::new(AddressIndex::build(
        generate::sample_gazetteer(200, 1),
        generate::info(),
    ))
}

async fn with_provider(provider: Arc<dyn AddressProvider>) -> Service {
    service_with(FORM, "sqlite::memory:", HttpConfig::default(), move |b| {
        b.addresses(provider)
    })
    .await
}

/// The first postcode of the sample data and its addresses, in the order the index gives.
fn street(index: &AddressIndex) -> (Postcode, Vec<Address>) {
    let postcode = index.addresses().next().unwrap().postcode().unwrap();
    let addresses = index.find_by_postcode(&postcode).map(|a| a.to_address());
    (postcode, addresses.collect())
}

async fn search(browser: &mut Client, postcode: &str, building: &str) -> support::Reply {
    browser
        .answer(
            "/apply/address",
            &[("home.postcode", postcode), ("home.building", building)],
        )
        .await
}

#[tokio::test]
async fn postcode_list_choice_stored_with_its_uprn_and_sent() {
    let index = index();
    let (postcode, addresses) = street(&index);
    assert!(addresses.len() > 2);
    let service = with_provider(index.clone()).await;
    let mut browser = service.client();
    browser.get("/apply").await.see_other("/apply/address");

    let find = browser.get("/apply/address").await;
    assert!(find.body.contains("Find address"), "{}", find.body);
    assert!(
        find.body.contains(r#"href="/apply/address/manual""#),
        "{}",
        find.body
    );

    // Typed any old way: lower case, no space.
    let typed = postcode.as_str().replace(' ', "").to_lowercase();
    search(&mut browser, &typed, "")
        .await
        .see_other("/apply/address/select");
    let list = browser.get("/apply/address/select").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains("Select an address"), "{}", list.body);
    assert!(
        list.body
            .contains(&format!("{} addresses found", addresses.len())),
        "{}",
        list.body
    );
    assert!(list.body.contains(postcode.as_str()), "{}", list.body);
    assert!(
        list.body.contains("I can’t find the address in the list"),
        "{}",
        list.body
    );
    assert!(
        list.body.contains(r#"href="/apply/address""#),
        "back and Change go to the postcode step: {}",
        list.body
    );
    // In the provider's natural order.
    let positions: Vec<usize> = addresses
        .iter()
        .map(|a| list.body.find(&format!(r#"value="{}""#, a.uprn)).unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{}", list.body);

    // Continuing without choosing: the Design System's error.
    let none = browser.answer("/apply/address/select", &[]).await;
    assert_eq!(none.status, StatusCode::OK);
    assert!(none.body.contains("<title>Error: "), "{}", none.body);
    assert!(
        none.body.contains(r##"href="#home.uprn""##),
        "{}",
        none.body
    );
    // A UPRN that is not at the postcode is not chosen either.
    let elsewhere = browser
        .answer("/apply/address/select", &[("home.uprn", "999000999999")])
        .await;
    assert!(
        elsewhere.body.contains("There is a problem"),
        "{}",
        elsewhere.body
    );

    let chosen = &addresses[1];
    let uprn = chosen.uprn.to_string();
    browser
        .answer("/apply/address/select", &[("home.uprn", &uprn)])
        .await
        .see_other("/apply/details");
    let details = browser.get("/apply/details").await;
    assert!(
        details.body.contains(r#"href="/apply/address""#),
        "{}",
        details.body
    );
    browser
        .answer("/apply/details", &[("details", "Green bin")])
        .await
        .see_other("/apply/check-answers");
    let check = browser.get("/apply/check-answers").await;
    let first_line = chosen.lines()[0].clone();
    assert!(check.body.contains(&first_line), "{}", check.body);

    // The list shows the address chosen as selected when opened again.
    let again = browser.get("/apply/address/select").await;
    assert!(
        again.body.contains(&format!(r#"value="{uprn}" selected"#)),
        "{}",
        again.body
    );

    let send = browser.get("/apply/check-answers").await;
    let token = send.csrf();
    browser
        .post("/apply/check-answers", &[("csrf_token", &token)])
        .await
        .see_other("/apply/confirmation");
    let delivered = service.delivered.0.lock().unwrap().clone();
    let Some(AnswerValue::UkAddress(address)) = delivered[0].answers.values.get("home") else {
        panic!("{delivered:?}")
    };
    assert_eq!(address.uprn, Some(chosen.uprn.get()));
    assert_eq!(address.postcode, postcode.as_str());
    assert_eq!(address.line1, first_line);
    // The search itself is not part of what is sent.
    assert!(delivered[0].answers.lookups.is_empty());
}

#[tokio::test]
async fn malformed_postcode_and_no_addresses_get_the_lookup_crate_s_words() {
    let service = with_provider(index()).await;
    let mut browser = service.client();
    browser.get("/apply").await;

    let wrong = search(&mut browser, "ZY1 0A", "").await;
    assert_eq!(wrong.status, StatusCode::OK);
    assert!(wrong.body.contains("<title>Error: "), "{}", wrong.body);
    assert!(
        wrong.body.contains("Enter a full UK postcode"),
        "{}",
        wrong.body
    );
    assert!(wrong.body.contains(r#"value="ZY1 0A""#), "{}", wrong.body);
    let empty = search(&mut browser, "", "").await;
    assert!(
        empty.body.contains("Enter a full UK postcode"),
        "{}",
        empty.body
    );

    // Well formed, but no address there (the sample has 200 addresses, all in ZY1).
    search(&mut browser, "zy99 9zz", "")
        .await
        .see_other("/apply/address/select");
    let none = browser.get("/apply/address/select").await;
    assert!(
        none.body
            .contains("We could not find any addresses for ZY99 9ZZ"),
        "{}",
        none.body
    );
    assert!(
        none.body.contains(r#"href="/apply/address/manual""#),
        "{}",
        none.body
    );

    let welsh = browser.get("/apply/address/select?lang=cy").await;
    assert!(
        welsh
            .body
            .contains("Ni allwn ddod o hyd i unrhyw gyfeiriadau ar gyfer ZY99 9ZZ"),
        "{}",
        welsh.body
    );
    let wrong = search(&mut browser, "ZY1 0A", "").await;
    assert!(
        wrong.body.contains("Rhowch god post llawn yn y DU"),
        "{}",
        wrong.body
    );
}

#[tokio::test]
async fn the_building_narrows_the_list() {
    let index = index();
    let (postcode, addresses) = street(&index);
    let service = with_provider(index.clone()).await;
    let mut browser = service.client();
    browser.get("/apply").await;
    let building = addresses[0].lines()[0].to_lowercase();
    search(&mut browser, postcode.as_str(), &building)
        .await
        .see_other("/apply/address/select");
    let list = browser.get("/apply/address/select").await;
    let shown = addresses
        .iter()
        .filter(|a| list.body.contains(&format!(r#"value="{}""#, a.uprn)))
        .count();
    assert!(shown >= 1 && shown < addresses.len(), "{}", list.body);
    // The postcode step shows what was searched for.
    let find = browser.get("/apply/address").await;
    assert!(
        find.body.contains(&format!(r#"value="{building}""#)),
        "{}",
        find.body
    );
}

#[tokio::test]
async fn manual_entry_from_the_list_and_change_from_check_answers() {
    let index = index();
    let (postcode, addresses) = street(&index);
    let service = with_provider(index.clone()).await;
    let mut browser = service.client();
    browser.get("/apply").await;
    search(&mut browser, postcode.as_str(), "").await;

    let manual = browser.get("/apply/address/manual").await;
    assert_eq!(manual.status, StatusCode::OK);
    assert!(
        manual.body.contains(r#"name="home.line1""#),
        "{}",
        manual.body
    );
    // The postcode searched for is filled in, and back goes to the list.
    assert!(
        manual.body.contains(&format!(r#"value="{postcode}""#)),
        "{}",
        manual.body
    );
    assert!(
        manual.body.contains(r#"href="/apply/address/select""#),
        "{}",
        manual.body
    );
    assert!(
        manual.body.contains(r#"action="/apply/address/manual""#),
        "{}",
        manual.body
    );
    let wrong = browser
        .answer("/apply/address/manual", &[("home.town", "Sampleton")])
        .await;
    assert!(
        wrong
            .body
            .contains("Enter address line 1, typically the building and street"),
        "{}",
        wrong.body
    );
    browser
        .answer(
            "/apply/address/manual",
            &[
                ("home.line1", "1 New Build Lane"),
                ("home.line2", ""),
                ("home.town", "Sampleton"),
                ("home.county", ""),
                ("home.postcode", postcode.as_str()),
            ],
        )
        .await
        .see_other("/apply/details");
    browser
        .answer("/apply/details", &[("details", "Food caddy")])
        .await
        .see_other("/apply/check-answers");
    let check = browser.get("/apply/check-answers").await;
    assert!(check.body.contains("1 New Build Lane"), "{}", check.body);
    assert!(
        check.body.contains(r#"href="/apply/address""#),
        "Change goes to the postcode step: {}",
        check.body
    );

    // Change: search again, choose from the list, and back to check answers.
    let find = browser.get("/apply/address").await;
    assert!(
        find.body.contains(&format!(r#"value="{postcode}""#)),
        "{}",
        find.body
    );
    search(&mut browser, postcode.as_str(), "")
        .await
        .see_other("/apply/address/select");
    let uprn = addresses[0].uprn.to_string();
    browser
        .answer("/apply/address/select", &[("home.uprn", &uprn)])
        .await
        .see_other("/apply/check-answers");
    let check = browser.get("/apply/check-answers").await;
    assert!(!check.body.contains("1 New Build Lane"), "{}", check.body);
    assert!(
        check.body.contains(&addresses[0].lines()[0]),
        "{}",
        check.body
    );
}

#[tokio::test]
async fn refusals_keep_the_answers() {
    let service = with_provider(index()).await;
    let mut browser = service.client();
    browser.get("/apply").await;
    // A field the postcode step does not ask for.
    let odd = search(&mut browser, "ZY1 0AA", "").await;
    odd.see_other("/apply/address/select");
    let page = browser.get("/apply/address").await;
    let token = page.csrf();
    let unknown = browser
        .post(
            "/apply/address",
            &[("csrf_token", &token), ("home.line1", "x")],
        )
        .await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
    // No CSRF token.
    let forged = browser
        .post("/apply/address/select", &[("home.uprn", "999000000001")])
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    // The list before any search goes to the postcode step; a page not reached, to the
    // current step.
    let mut fresh = service.client();
    fresh.get("/apply").await;
    fresh
        .get("/apply/address/select")
        .await
        .see_other("/apply/address");
}

/// A provider that is down.
struct Down;

#[async_trait]
impl AddressProvider for Down {
    async fn find_by_postcode(&self, _: &Postcode) -> Result<Vec<Address>, ProviderError> {
        Err(ProviderError::Unavailable("connection refused".into()))
    }
    async fn find_by_uprn(&self, _: Uprn) -> Result<Option<Address>, ProviderError> {
        Err(ProviderError::Unavailable("connection refused".into()))
    }
    async fn search(&self, _: &str, _: usize) -> Result<Vec<Address>, ProviderError> {
        Err(ProviderError::Unavailable("connection refused".into()))
    }
}

#[tokio::test]
async fn a_failing_provider_offers_manual_entry_and_keeps_the_session() {
    let service = with_provider(Arc::new(Down)).await;
    let mut browser = service.client();
    browser.get("/apply").await;
    let down = search(&mut browser, "ZY1 0AA", "").await;
    assert_eq!(down.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        down.body
            .contains("Sorry, the address finder is not working"),
        "{}",
        down.body
    );
    assert!(
        down.body.contains(r#"href="/apply/address/manual""#),
        "{}",
        down.body
    );
    assert!(
        down.body.contains("Enter the address manually"),
        "{}",
        down.body
    );
    // Manual entry works; back goes to the postcode step, as no search was kept.
    let manual = browser.get("/apply/address/manual").await;
    assert!(
        manual.body.contains(r#"href="/apply/address""#),
        "{}",
        manual.body
    );
    browser
        .answer(
            "/apply/address/manual",
            &[
                ("home.line1", "2 Acorn Street"),
                ("home.town", "Sampleton"),
                ("home.postcode", "ZY1 0AA"),
            ],
        )
        .await
        .see_other("/apply/details");
    let welsh = search(&mut browser, "ZY1 0AA", "").await;
    assert_eq!(welsh.status, StatusCode::SERVICE_UNAVAILABLE);
    browser.get("/apply/details?lang=cy").await;
    let welsh = search(&mut browser, "ZY1 0AA", "").await;
    assert!(
        welsh.body.contains("Nodwch y cyfeiriad â llaw"),
        "{}",
        welsh.body
    );
}

#[tokio::test]
async fn without_a_provider_the_address_is_typed_in() {
    let service = service_of(FORM, "sqlite::memory:", HttpConfig::default()).await;
    let mut browser = service.client();
    browser.get("/apply").await;
    let page = browser.get("/apply/address").await;
    assert!(page.body.contains(r#"name="home.line1""#), "{}", page.body);
    assert!(!page.body.contains("Find address"), "{}", page.body);
    for path in ["/apply/address/select", "/apply/address/manual"] {
        assert_eq!(
            browser.get(path).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
}
