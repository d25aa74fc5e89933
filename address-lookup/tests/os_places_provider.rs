//! The OS Places provider against a local mock serving the recorded API responses from the
//! reference data: paging, the empty result, the key header, dataset/lr/fq parameters, 429
//! backoff, and errors that answer questions.

#![cfg(feature = "os-places")]
#![allow(clippy::unwrap_used)] // tests may unwrap (house rules)

mod common;

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use civic_address_lookup::messages::Language;
use civic_address_lookup::provider::AddressProvider;
use civic_address_lookup::provider::os_places::{OsPlaces, OsPlacesOptions};
use civic_address_lookup::{Postcode, Uprn};
use serde_json::Value;

#[derive(Clone)]
struct Mock {
    cases: Arc<serde_json::Map<String, Value>>,
    queries: Arc<Mutex<Vec<String>>>,
    rate_limited: Arc<AtomicUsize>,
}

fn case(mock: &Mock, name: &str) -> Response {
    // The recorded AB1 2CD breaks the unit-letter rule; AB1 2BD stands in for it.
    let body = mock.cases[name].to_string().replace("AB1 2CD", "AB1 2BD");
    ([("content-type", "application/json")], body).into_response()
}

async fn handle(
    State(mock): State<Mock>,
    Path(resource): Path<String>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let query = query.unwrap_or_default();
    mock.queries
        .lock()
        .unwrap()
        .push(format!("{resource}?{query}"));
    if headers.get("key").and_then(|k| k.to_str().ok()) != Some("test-key") {
        let body =
            r#"{"error":{"statuscode":401,"message":"Missing or unsupported API key provided."}}"#;
        return (StatusCode::UNAUTHORIZED, body).into_response();
    }
    let params: HashMap<String, String> = url_params(&query);
    match resource.as_str() {
        "postcode" => match (params["postcode"].as_str(), params["offset"].as_str()) {
            ("AB1 2BD", "0") => case(&mock, "DummyOsPlacesResponseWithMoreResults"),
            ("AB1 2BD", _) => case(&mock, "DummyOsPlacesResponseWithMoreResultsPart2"),
            _ => case(&mock, "DummyOsPlacesResponseWithNoResults"),
        },
        "uprn" => {
            if mock.rate_limited.fetch_add(1, Ordering::SeqCst) == 0 {
                return (StatusCode::TOO_MANY_REQUESTS, "slow down").into_response();
            }
            case(&mock, "DummyResponseWithMatchingLpiAndDpaData")
        }
        "find" => case(&mock, "DummyOsPlacesResponseWithNonResidentialResults"),
        "nearest" => case(&mock, "DummyResponseWithJustLpiData"),
        _ => StatusCode::NOT_FOUND.into_response(),
    }
}

fn url_params(query: &str) -> HashMap<String, String> {
    let url = format!("http://x/?{query}");
    url::Url::parse(&url)
        .unwrap()
        .query_pairs()
        .into_owned()
        .collect()
}

async fn serve() -> Option<(String, Mock)> {
    let data = common::reference_data("os_places_provider")?;
    let text = std::fs::read_to_string(data.join("data/os-places-responses.json")).unwrap();
    let mock = Mock {
        cases: Arc::new(serde_json::from_str(&text).unwrap()),
        queries: Arc::default(),
        rate_limited: Arc::default(),
    };
    let app = axum::Router::new()
        .route("/search/places/v1/{resource}", get(handle))
        .with_state(mock.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    Some((format!("http://{address}/search/places/v1/"), mock))
}

fn options(base_url: &str) -> OsPlacesOptions {
    let mut options = OsPlacesOptions::default();
    options.base_url = base_url.to_owned();
    options.backoff = Duration::from_millis(5);
    options
}

#[tokio::test]
async fn finds_by_postcode_across_pages_and_handles_the_empty_result() {
    let Some((base, mock)) = serve().await else {
        return;
    };
    let provider: Arc<dyn AddressProvider> =
        Arc::new(OsPlaces::new("test-key", options(&base).residential_only()));
    let found = provider
        .find_by_postcode(&Postcode::parse("AB1 2BD").unwrap())
        .await
        .unwrap();
    let lines: Vec<String> = found.iter().map(|a| a.single_line()).collect();
    assert_eq!(
        lines,
        [
            "85 TEST ROAD, LONDON, AB1 2BD",
            "86 TEST ROAD, LONDON, AB1 2BD"
        ]
    );
    let none = provider
        .find_by_postcode(&Postcode::parse("AB1 2BE").unwrap())
        .await
        .unwrap();
    assert!(none.is_empty());

    let queries = mock.queries.lock().unwrap().clone();
    assert_eq!(queries.len(), 3, "{queries:?}");
    let first = url_params(queries[0].split_once('?').unwrap().1);
    assert_eq!(first["dataset"], "DPA,LPI");
    assert_eq!(first["lr"], "EN");
    assert_eq!(first["fq"], "CLASSIFICATION_CODE:R*");
    assert_eq!(first["maxresults"], "100");
    assert!(queries[1].contains("offset=100"), "{queries:?}");
}

#[tokio::test]
async fn uprn_retries_after_429_and_search_and_nearest_work() {
    let Some((base, _mock)) = serve().await else {
        return;
    };
    let mut welsh = options(&base);
    welsh.language = Language::Welsh;
    let provider = OsPlaces::new("test-key", welsh);
    let address = provider
        .find_by_uprn(Uprn::new(12_345_678_904).unwrap())
        .await
        .unwrap()
        .unwrap();
    assert!(address.dpa.is_some() && address.lpi.is_some());

    let shops = provider.search("example studios", 10).await.unwrap();
    assert_eq!(shops.len(), 4);
    let nearest = provider.nearest(645_714.0, 789_048.0).await.unwrap();
    assert_eq!(nearest.unwrap().uprn.get(), 12_345_678_904);
}

#[tokio::test]
async fn errors_say_whether_to_retry_or_fix_configuration() {
    let Some((base, _mock)) = serve().await else {
        return;
    };
    let wrong_key = OsPlaces::new("wrong", options(&base));
    let error = wrong_key
        .find_by_postcode(&Postcode::parse("AB1 2BD").unwrap())
        .await
        .unwrap_err();
    assert!(error.is_configuration() && !error.is_retryable(), "{error}");

    let mut impatient = options(&base);
    impatient.max_retries = 0;
    let error = OsPlaces::new("test-key", impatient)
        .find_by_uprn(Uprn::new(1).unwrap())
        .await
        .unwrap_err();
    assert!(error.is_retryable(), "{error}");

    // Nothing listening: unavailable, worth retrying later.
    let closed = OsPlaces::new("test-key", options("http://127.0.0.1:9/"));
    let error = closed.search("x", 1).await.unwrap_err();
    assert!(error.is_retryable(), "{error}");
}
