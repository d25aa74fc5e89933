//! GOV.UK Notify's postcode cases for letters: normalising, checking and formatting.

mod common;

#[test]
fn postcodes_match_notify() {
    let Some(folder) = common::notify_cases("postcodes_match_notify") else {
        return;
    };
    let data = common::load(&folder, "postcodes_and_addresses.json");
    let cases = data["postcode_cases"].as_array().expect("postcode_cases");
    let mut mismatches = Vec::new();
    for (index, case) in cases.iter().enumerate() {
        let input = case["input"].as_str().expect("input");
        let (got, expected) = match case["test"].as_str() {
            Some("test_normalise_postcode") => (
                serde_json::json!(civic_notify::normalise_postcode(input)),
                case["computed"].clone(),
            ),
            Some("test_format_postcode_for_printing") => (
                serde_json::json!(civic_notify::format_postcode_for_printing(input)),
                case["computed"].clone(),
            ),
            _ => (
                serde_json::json!([
                    civic_notify::is_real_uk_postcode(input),
                    civic_notify::format_postcode_or_none(input)
                ]),
                serde_json::json!([case["computed"], case["formatted_or_none"]]),
            ),
        };
        if got != expected {
            mismatches.push((
                format!("postcode #{index} {input:?}"),
                format!("expected {expected}, got {got}"),
            ));
        }
    }
    common::check(
        "postcodes_and_addresses.json postcode_cases",
        cases.len(),
        mismatches,
    );
}
