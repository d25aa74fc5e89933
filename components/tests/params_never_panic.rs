//! Arbitrary JSON as any component's options: an error or markup, never a panic.

// Tests may unwrap: a failure here is a failing test, not a resident's error.
#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use serde_json::{Map, Value};

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..8)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Mostly the option names upstream uses, so the fuzzing reaches past the top level.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "text",
            "html",
            "id",
            "name",
            "classes",
            "attributes",
            "items",
            "label",
            "hint",
            "errorMessage",
            "legend",
            "fieldset",
            "isPageHeading",
            "href",
            "value",
            "checked",
            "conditional",
            "caller",
            "formGroup",
            "describedBy",
            "prefix",
            "suffix",
            "rows",
            "head",
            "titleText",
            "summaryText",
            "visuallyHiddenText",
            "type",
            "disabled",
            "optional",
            "isStartButton",
            "preventDoubleClick",
            "role",
            "for",
            "tag",
        ])
        .prop_map(str::to_owned),
        "[a-zA-Z -]{0,8}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn no_component_panics_on_any_options(params in json_value()) {
        for name in civic_components::COMPONENTS {
            let _ = civic_components::render_json(name, params.clone());
        }
    }
}
