//! GOV.UK Notify's placeholder cases (`tests/test_field.py`): replacement, missing values,
//! lists, conditional text and placeholder names.

mod common;

use civic_notify::{Field, Personalisation, Value};
use serde_json::Value as Json;

fn values(case: &Json) -> Personalisation {
    case["values"]
        .as_object()
        .map(Personalisation::from_json)
        .unwrap_or_default()
}

#[test]
fn placeholders_match_notify() {
    let Some(folder) = common::notify_cases("placeholders_match_notify") else {
        return;
    };
    let data = common::load(&folder, "placeholders.json");
    let mut total = 0;
    let mut mismatches = Vec::new();
    let mut compare = |id: String, got: Json, expected: &Json| {
        total += 1;
        if &got != expected {
            mismatches.push((id, format!("expected {expected}, got {got}")));
        }
    };
    for (index, case) in data["replacement"]
        .as_array()
        .expect("replacement")
        .iter()
        .enumerate()
    {
        let content = case["content"].as_str().expect("content");
        let field = match case["field_class"].as_str() {
            Some("PlainTextField") => Field::new(content).plain_placeholders(),
            _ => Field::new(content),
        };
        compare(
            format!("replacement #{index}"),
            field.render(&values(case)).into(),
            &case["expected"],
        );
    }
    for (index, case) in data["missing_value_html"]
        .as_array()
        .expect("missing")
        .iter()
        .enumerate()
    {
        let content = case["content"].as_str().expect("content");
        let got = Field::new(content).render(&values(case));
        compare(
            format!("missing_value_html #{index}"),
            got.into(),
            &case["expected"],
        );
    }
    for (index, case) in data["list_values"]
        .as_array()
        .expect("lists")
        .iter()
        .enumerate()
    {
        let content = case["content"].as_str().expect("content");
        let plain = Field::new(content).render(&values(case));
        compare(
            format!("list_values #{index} plain"),
            plain.into(),
            &case["expected_plain"],
        );
        let bullets = Field::new(content).markdown_lists().render(&values(case));
        compare(
            format!("list_values #{index} markdown"),
            bullets.into(),
            &case["expected_markdown_lists"],
        );
    }
    for (index, case) in data["conditional_truthiness"]
        .as_array()
        .expect("truth")
        .iter()
        .enumerate()
    {
        let value = Value::from_json(&case["value"]);
        let rendered = Field::new("((x??shown))").render(&Personalisation::new().with("x", value));
        compare(
            format!("conditional_truthiness #{index}"),
            Json::Bool(rendered == "shown"),
            &case["shows_conditional_text"],
        );
    }
    for (index, case) in data["placeholder_names"]
        .as_array()
        .expect("names")
        .iter()
        .enumerate()
    {
        let content = case["content"].as_str().expect("content");
        let names = Field::new(content).placeholders();
        compare(
            format!("placeholder_names #{index}"),
            serde_json::json!(names),
            &case["placeholders"],
        );
    }
    for (index, case) in data["redacted"]
        .as_array()
        .expect("redacted")
        .iter()
        .enumerate()
    {
        let content = case["content"].as_str().expect("content");
        let got = Field::new(content).redact_missing().render(&values(case));
        compare(format!("redacted #{index}"), got.into(), &case["expected"]);
    }
    common::check("placeholders.json", total, mismatches);
}
