//! The contract test: every request the adapter sends, and every response the mock returns,
//! is checked against GOV.UK Pay's published OpenAPI spec (read through
//! CIVIC_REFERENCE_DATA). It fails if any implemented operation, payment state or documented
//! sandbox test card goes unexercised, so the mock cannot drift from the spec unnoticed.

use std::collections::BTreeSet;
use std::time::Duration;

use civic_pay_adapters::govuk_pay::{Operation, PaymentSearch, RefundSearch, RetryPolicy};
use civic_pay_adapters::{
    GovUkPay, Language, Metadata, Money, NewPayment, NewRefund, PaymentProvider,
    PrefilledCardholderDetails,
};
use serde_json::{Value, json};
use url::Url;

use crate::mock::{API_KEY, Exchange, Fault, Mock};

/// Known, documented differences between the spec and the live service.
fn deviation_schema(operation: &str, status: u16) -> Option<&'static str> {
    match (operation, status) {
        // Creating a refund answers 202 with the refund as its body.
        ("Submit a refund for a payment", 202) => Some("Refund"),
        // An idempotent replay of a create answers 200 with the first payment.
        ("Create a payment", 200) => Some("CreatePaymentResult"),
        // The 412 is documented with no body; the service sends a RequestError.
        ("Submit a refund for a payment", 412) => Some("RequestError"),
        // Rate limiting applies to every endpoint, whether or not the spec lists 429.
        (_, 429) => Some("ErrorResponse"),
        // The error table documents these, on statuses the spec's responses leave out:
        // P0603 "not available for refund" (400) and the searches' "Page not found" (404,
        // P0402 and P1100).
        ("Submit a refund for a payment", 400) => Some("RequestError"),
        ("Search payments" | "Search refunds", 404) => Some("RequestError"),
        _ => None,
    }
}

/// OpenAPI 3.0's `nullable` becomes JSON Schema's `null` type.
fn to_json_schema(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut out = serde_json::Map::new();
            for (k, v) in map {
                out.insert(k.clone(), to_json_schema(v));
            }
            if out.get("nullable") == Some(&json!(true))
                && let Some(Value::String(t)) = out.get("type").cloned()
            {
                out.insert("type".to_owned(), json!([t, "null"]));
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(to_json_schema).collect()),
        other => other.clone(),
    }
}

pub struct Spec {
    doc: Value,
    components: Value,
}

impl Spec {
    /// GOV.UK Pay's published spec, from the reference data folder.
    pub fn load(root: &str) -> Spec {
        let doc: Value = serde_json::from_str(
            &std::fs::read_to_string(format!("{root}/specs/govuk-pay-publicapi.json")).unwrap(),
        )
        .unwrap();
        let components = to_json_schema(&doc["components"]);
        Spec { doc, components }
    }

    fn operation(&self, operation_id: &str) -> (String, String, Value) {
        for (path, item) in self.doc["paths"].as_object().unwrap() {
            for (method, op) in item.as_object().unwrap() {
                if op.get("operationId") == Some(&json!(operation_id)) {
                    return (path.clone(), method.to_uppercase(), op.clone());
                }
            }
        }
        panic!("operation {operation_id:?} is not in the spec");
    }

    fn errors(&self, schema: &Value, instance: &Value) -> Vec<String> {
        let mut root = to_json_schema(schema);
        if let Value::Object(map) = &mut root {
            map.insert("components".to_owned(), self.components.clone());
        }
        let validator = jsonschema::validator_for(&root).unwrap();
        validator
            .iter_errors(instance)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect()
    }

    fn named(&self, name: &str) -> Value {
        json!({"$ref": format!("#/components/schemas/{name}")})
    }

    pub fn check(&self, exchange: &Exchange) -> Vec<String> {
        let Some(operation_id) = exchange.operation else {
            return Vec::new();
        };
        let mut problems = Vec::new();
        let (template, method, op) = self.operation(operation_id);
        let here = format!("{operation_id} ({} {})", exchange.method, exchange.path);

        // The request.
        if exchange.method.as_str() != method {
            problems.push(format!("{here}: method should be {method}"));
        }
        if !path_matches(&template, &exchange.path) {
            problems.push(format!("{here}: path does not match {template}"));
        }
        if exchange.headers.get("content-type").map(|v| v.as_bytes()) != Some(b"application/json") {
            problems.push(format!("{here}: no Content-Type: application/json"));
        }
        let params = op["parameters"].as_array().cloned().unwrap_or_default();
        for (name, value) in &exchange.query {
            match params
                .iter()
                .find(|p| p["in"] == json!("query") && p["name"] == json!(name))
            {
                Some(param) => {
                    for e in self.errors(&param["schema"], &json!(value)) {
                        problems.push(format!("{here}: query {name}: {e}"));
                    }
                }
                None => problems.push(format!("{here}: query parameter {name} is not in the spec")),
            }
        }
        if let Some(key) = exchange.headers.get("idempotency-key") {
            let param = params
                .iter()
                .find(|p| p["in"] == json!("header") && p["name"] == json!("Idempotency-Key"));
            match param {
                Some(param) => {
                    for e in self.errors(&param["schema"], &json!(key.to_str().unwrap_or_default()))
                    {
                        problems.push(format!("{here}: Idempotency-Key: {e}"));
                    }
                }
                None => problems.push(format!(
                    "{here}: sends an Idempotency-Key the spec does not take"
                )),
            }
        }
        match op.pointer("/requestBody/content/application~1json/schema") {
            Some(schema) => match serde_json::from_slice::<Value>(&exchange.request_body) {
                Ok(body) => {
                    for e in self.errors(schema, &body) {
                        problems.push(format!("{here}: request body: {e}"));
                    }
                }
                Err(_) => problems.push(format!("{here}: request body is not JSON")),
            },
            None if !exchange.request_body.is_empty() => {
                problems.push(format!("{here}: sends a body the spec does not take"));
            }
            None => {}
        }

        // The response.
        if exchange.status == 503 {
            // The load balancer's own page, outside the API; only the retry matters.
            return problems;
        }
        let status = exchange.status.to_string();
        let documented = op["responses"].get(&status);
        let schema = match (documented, deviation_schema(operation_id, exchange.status)) {
            (_, Some(name)) => Some(self.named(name)),
            (Some(response), None) => response
                .pointer("/content/application~1json/schema")
                .cloned(),
            (None, None) => {
                problems.push(format!(
                    "{here}: answered {status}, which the spec does not list"
                ));
                return problems;
            }
        };
        match schema {
            Some(schema) => match serde_json::from_slice::<Value>(&exchange.response_body) {
                Ok(body) => {
                    for e in self.errors(&schema, &body) {
                        problems.push(format!("{here}: {status} body: {e}"));
                    }
                }
                Err(_) => problems.push(format!("{here}: {status} body is not JSON")),
            },
            None if !exchange.response_body.is_empty() => {
                problems.push(format!("{here}: {status} should have no body"));
            }
            None => {}
        }
        problems
    }
}

fn path_matches(template: &str, path: &str) -> bool {
    let t: Vec<&str> = template.trim_matches('/').split('/').collect();
    let p: Vec<&str> = path.trim_matches('/').split('/').collect();
    t.len() == p.len()
        && t.iter()
            .zip(&p)
            .all(|(t, p)| t == p || (t.starts_with('{') && !p.is_empty()))
}

/// Every state a response reported, as `status` or `status code`.
fn states_in(value: &Value, seen: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            if let Some(state) = map.get("state")
                && let Some(status) = state.get("status").and_then(Value::as_str)
            {
                let code = state
                    .get("code")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                seen.insert(format!("{status} {code}").trim().to_owned());
            }
            map.values().for_each(|v| states_in(v, seen));
        }
        Value::Array(items) => items.iter().for_each(|v| states_in(v, seen)),
        _ => {}
    }
}

fn request(pence: i64) -> NewPayment {
    NewPayment::new(
        Money::from_pence(pence).unwrap(),
        "CONTRACT-1",
        "Contract test payment",
        Url::parse("https://council.example/return/abc").unwrap(),
    )
}

/// Drives the adapter through every operation and outcome it can produce.
async fn exercise(mock: &Mock, cards: &[String]) {
    let pay = GovUkPay::builder(API_KEY)
        .base_url(mock.base_url.clone())
        .retry(RetryPolicy::new(2, Duration::from_millis(1)))
        .build()
        .unwrap();

    // Create with every optional field, then replay and reuse its idempotency key.
    let mut prefill = PrefilledCardholderDetails::default();
    prefill.cardholder_name = Some("A Resident".to_owned());
    let mut address = civic_pay_adapters::Address::default();
    address.line1 = Some("1 High Street".to_owned());
    address.city = Some("Cardiff".to_owned());
    address.postcode = Some("CF10 1AA".to_owned());
    address.country = Some("GB".to_owned());
    prefill.billing_address = Some(address);
    let full = request(12_345)
        .language(Language::Welsh)
        .email("resident@example.org")
        .prefilled_cardholder_details(prefill)
        .metadata(
            Metadata::from_json(&json!({"ledger_code": "AB100", "fund": 3, "vat": false})).unwrap(),
        )
        .delayed_capture(true)
        .idempotency_key("contract-0001");
    let first = pay.create(&full).await.unwrap();
    pay.create(&full).await.unwrap();
    let mut changed = full.clone();
    changed.amount = Money::from_pence(12_346).unwrap();
    assert!(pay.create(&changed).await.is_err());

    // States: created, started, submitted, capturable, success (by capture).
    pay.get(&first.payment_id).await.unwrap();
    mock.open(&first.payment_id);
    pay.get(&first.payment_id).await.unwrap();
    mock.submit_only(&first.payment_id);
    pay.get(&first.payment_id).await.unwrap();
    assert!(pay.capture(&first.payment_id).await.is_err());
    mock.pay(&first.payment_id, "4444333322221111");
    pay.get(&first.payment_id).await.unwrap();
    pay.capture(&first.payment_id).await.unwrap();
    pay.events(&first.payment_id).await.unwrap();

    // Every documented sandbox card.
    for card in cards {
        let payment = pay.create(&request(1000)).await.unwrap();
        mock.pay(&payment.payment_id, card);
        pay.get(&payment.payment_id).await.unwrap();
    }

    // Expired, cancelled by the payer, cancelled by the service.
    let expired = pay.create(&request(100)).await.unwrap();
    mock.expire(&expired.payment_id);
    pay.get(&expired.payment_id).await.unwrap();
    let abandoned = pay.create(&request(100)).await.unwrap();
    mock.payer_cancels(&abandoned.payment_id);
    pay.events(&abandoned.payment_id).await.unwrap();
    let cancelled = pay.create(&request(100)).await.unwrap();
    pay.cancel(&cancelled.payment_id).await.unwrap();
    pay.get(&cancelled.payment_id).await.unwrap();
    assert!(pay.cancel(&cancelled.payment_id).await.is_err());

    // Refunds: refused before payment, accepted (with and without the expected amount),
    // refused on a stale expected amount, listed, fetched, searched.
    let paid = pay.create(&request(5000)).await.unwrap();
    assert!(
        pay.refund(
            &paid.payment_id,
            &NewRefund::new(Money::from_pence(1).unwrap())
        )
        .await
        .is_err()
    );
    mock.pay(&paid.payment_id, "4444333322221111");
    let refund = pay
        .refund(
            &paid.payment_id,
            &NewRefund::new(Money::from_pence(1000).unwrap())
                .expecting_available(Money::from_pence(5000).unwrap()),
        )
        .await
        .unwrap();
    pay.refund(
        &paid.payment_id,
        &NewRefund::new(Money::from_pence(500).unwrap()),
    )
    .await
    .unwrap();
    assert!(
        pay.refund(
            &paid.payment_id,
            &NewRefund::new(Money::from_pence(1).unwrap())
                .expecting_available(Money::from_pence(5000).unwrap())
        )
        .await
        .is_err()
    );
    pay.refunds(&paid.payment_id).await.unwrap();
    pay.get_refund(&paid.payment_id, &refund.refund_id)
        .await
        .unwrap();
    assert!(pay.get_refund(&paid.payment_id, "missing").await.is_err());

    // Searches with every filter the adapter can send.
    let mut search = PaymentSearch::default();
    search.reference = Some("CONTRACT-1".to_owned());
    search.email = Some("resident@example.org".to_owned());
    search.state = Some("success".to_owned());
    search.card_brand = Some("visa".to_owned());
    search.from_date = Some("2026-11-01T00:00:00Z".to_owned());
    search.to_date = Some("2026-12-01T00:00:00Z".to_owned());
    search.page = Some(1);
    search.display_size = Some(100);
    search.cardholder_name = Some("A Resident".to_owned());
    search.last_digits_card_number = Some("1111".to_owned());
    pay.search_payments(&search).await.unwrap();
    pay.search_payments(&PaymentSearch::default())
        .await
        .unwrap();
    let mut bad = PaymentSearch::default();
    bad.display_size = Some(501);
    assert!(pay.search_payments(&bad).await.is_err());
    bad.display_size = None;
    bad.page = Some(99);
    assert!(pay.search_payments(&bad).await.is_err());
    let mut refunds = RefundSearch::default();
    refunds.from_date = Some("2026-11-01T00:00:00Z".to_owned());
    refunds.to_date = Some("2026-12-01T00:00:00Z".to_owned());
    refunds.from_settled_date = Some("2026-11-01".to_owned());
    refunds.to_settled_date = Some("2026-12-01".to_owned());
    refunds.page = Some(1);
    refunds.display_size = Some(50);
    pay.search_refunds(&refunds).await.unwrap();
    refunds.page = Some(99);
    assert!(pay.search_refunds(&refunds).await.is_err());

    // Not found on every endpoint that takes an id.
    for result in [
        pay.get("missing").await.err(),
        pay.events("missing").await.err(),
        pay.cancel("missing").await.err(),
        pay.capture("missing").await.err(),
        pay.refunds("missing").await.err(),
        pay.refund("missing", &NewRefund::new(Money::from_pence(1).unwrap()))
            .await
            .err(),
    ] {
        assert!(result.unwrap().is_not_found());
    }

    // Faults: rate limit, load balancer outage, downstream error, wrong key.
    mock.fail_next([Fault::TooManyRequests, Fault::Unavailable]);
    assert!(pay.get(&paid.payment_id).await.is_err());
    mock.fail_next([Fault::Downstream, Fault::Downstream]);
    assert!(pay.get(&paid.payment_id).await.is_err());
    let wrong = GovUkPay::builder("api_test_wrong")
        .base_url(mock.base_url.clone())
        .build()
        .unwrap();
    assert!(wrong.get(&paid.payment_id).await.unwrap_err().is_auth());
}

#[tokio::test]
async fn every_exchange_matches_the_published_spec() {
    use std::io::Write;
    let Ok(root) = std::env::var("CIVIC_REFERENCE_DATA") else {
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED every_exchange_matches_the_published_spec: CIVIC_REFERENCE_DATA is not set"
        );
        return;
    };
    let spec = Spec::load(&root);
    let cards: Vec<String> =
        std::fs::read_to_string(format!("{root}/specs/govuk-pay-test-cards.tsv"))
            .unwrap()
            .lines()
            .filter(|l| l.starts_with("connector:sandbox\t"))
            .map(|l| l.split('\t').nth(1).unwrap().to_owned())
            .collect();
    assert!(cards.len() >= 5);

    let mock = Mock::start().await;
    exercise(&mock, &cards).await;
    let log = mock.log();

    let problems: Vec<String> = log.iter().flat_map(|e| spec.check(e)).collect();
    assert!(
        problems.is_empty(),
        "{} contract problems:\n{}",
        problems.len(),
        problems.join("\n")
    );

    let exercised: BTreeSet<&str> = log.iter().filter_map(|e| e.operation).collect();
    for operation in Operation::IMPLEMENTED {
        assert!(
            exercised.contains(operation.operation_id()),
            "{operation:?} never exercised"
        );
    }
    let mut states = BTreeSet::new();
    for exchange in &log {
        if let Ok(body) = serde_json::from_slice::<Value>(&exchange.response_body) {
            states_in(&body, &mut states);
        }
    }
    for state in [
        "created",
        "started",
        "submitted",
        "capturable",
        "success",
        "failed P0010",
        "failed P0020",
        "failed P0030",
        "cancelled P0040",
        "error P0050",
    ] {
        assert!(
            states.contains(state),
            "state {state} never exercised; saw {states:?}"
        );
    }
    let paid_with: BTreeSet<String> = log
        .iter()
        .filter_map(|e| serde_json::from_slice::<Value>(&e.response_body).ok())
        .filter_map(|b| {
            b.pointer("/card_details/last_digits_card_number")
                .and_then(Value::as_str)
                .map(str::to_owned)
        })
        .collect();
    for card in &cards {
        assert!(
            paid_with.contains(&card[card.len() - 4..]),
            "test card {card} never exercised"
        );
    }
    // Every distinct HTTP status the mock answered, so a reader sees what was covered.
    let statuses: BTreeSet<u16> = log.iter().map(|e| e.status).collect();
    for status in [
        200, 201, 202, 204, 400, 401, 404, 409, 412, 422, 429, 500, 503,
    ] {
        assert!(
            statuses.contains(&status),
            "status {status} never exercised"
        );
    }
}
