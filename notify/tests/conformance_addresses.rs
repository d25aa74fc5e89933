//! GOV.UK Notify's postal address cases for letters: every property Notify's `PostalAddress`
//! computes (validity, tidied lines, postcode, country, postage, BFPO number and each rule),
//! with letters abroad allowed and not, plus what each of Notify's tests asserts.

use civic_notify::{AddressCheck, InternationalLetters};
use serde_json::{Value, json};

mod common;

fn computed(check: &AddressCheck) -> Value {
    json!({
        "valid": check.is_valid(),
        "normalised_lines": check.normalised_lines(),
        "postcode": check.postcode(),
        "country": check.country().name(),
        "international": check.is_international(),
        "postage": check.postage().as_str(),
        "has_enough_lines": check.has_enough_lines(),
        "has_too_many_lines": check.has_too_many_lines(),
        "has_invalid_characters": check.has_invalid_characters(),
        "has_no_fixed_abode_address": check.has_no_fixed_abode_address(),
        "is_bfpo_address": check.is_bfpo(),
        "bfpo_number": check.bfpo_number().map(|n| n.parse::<u64>().expect("a number")),
        "has_valid_last_line": check.has_valid_last_line(),
    })
}

/// What the case's own test asserts, where it asserts something beyond `computed`.
fn asserted(check: &AddressCheck, params: &Value) -> Vec<(&'static str, Value, Value)> {
    let mut checks = Vec::new();
    if let Some(expected) = params.get("expected_as_single_line") {
        checks.push((
            "as_single_line",
            expected.clone(),
            json!(check.as_single_line()),
        ));
    }
    if let Some(expected) = params.get("expected_normalised") {
        let normalised = check.normalised_lines().join("\n");
        checks.push(("normalised", expected.clone(), json!(normalised)));
    }
    if let Some(expected) = params.get("expected_bfpo_address_lines") {
        checks.push((
            "bfpo_address_lines",
            expected.clone(),
            json!(check.bfpo_address_lines()),
        ));
    }
    if let Some(expected) = params.get("has_valid_address_line_1") {
        // Notify's test asserts validity follows the first two lines' letters and numbers.
        let both = expected.as_bool() == Some(true)
            && params["has_valid_address_line_2"].as_bool() == Some(true);
        let got = check.has_letters_or_numbers_in_first_lines();
        checks.push((
            "letters_or_numbers_in_lines_1_and_2",
            json!(both),
            json!(got),
        ));
    }
    checks
}

#[test]
fn postal_addresses_match_notify() {
    let Some(folder) = common::notify_cases("postal_addresses_match_notify") else {
        return;
    };
    let data = common::load(&folder, "postcodes_and_addresses.json");
    let cases = data["address_cases"].as_array().expect("address_cases");
    let mut mismatches = Vec::new();
    let mut refused = 0;
    for (index, case) in cases.iter().enumerate() {
        let input = case["input"].as_str().expect("input");
        let allowed = if case["allow_international_letters"] == json!(true) {
            InternationalLetters::Allowed
        } else {
            InternationalLetters::NotAllowed
        };
        let check = AddressCheck::new(input, allowed);
        let got = computed(&check);
        let id = format!("address #{index} {} {input:?}", case["test"]);
        if got != case["computed"] {
            mismatches.push((
                id.clone(),
                format!("expected {}, got {got}", case["computed"]),
            ));
        }
        for (what, expected, got) in asserted(&check, &case["test_params"]) {
            if expected != got {
                mismatches.push((
                    id.clone(),
                    format!("{what}: expected {expected}, got {got}"),
                ));
            }
        }
        // The typed error agrees with validity, and the address type holds only valid ones.
        match check.clone().into_address() {
            Ok(address) => assert_eq!(address.lines(), check.normalised_lines()),
            Err(error) => {
                refused += 1;
                assert!(!error.to_string().is_empty());
            }
        }
    }
    eprintln!("{refused} of {} addresses refused", cases.len());
    common::check(
        "postcodes_and_addresses.json address_cases",
        cases.len(),
        mismatches,
    );
}
