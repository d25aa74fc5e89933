//! The published JSON Schema must match the one generated from the Rust types.

#![allow(clippy::unwrap_used)] // a panic in a test is a failed test

use std::path::Path;

#[test]
fn published_schema_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/form-definition.schema.json");
    let generated = civic_forms::schema::json_schema();
    if std::env::var_os("CIVIC_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let published = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        published == generated,
        "{} is stale: run `CIVIC_UPDATE_SCHEMA=1 cargo test -p civic-forms --test schema` and commit it",
        path.display()
    );
}

/// The published schema, as an editor would read it.
fn published() -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/form-definition.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

/// A definition file's content as JSON, whatever format it is written in.
fn as_json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap();
    match path.extension().and_then(|e| e.to_str()) {
        Some("json") => serde_json::from_str(&text).unwrap(),
        Some("toml") => toml::from_str(&text).unwrap(),
        _ => serde_yaml::from_str(&text).unwrap(),
    }
}

#[test]
fn the_example_definitions_match_the_schema() {
    // Every example is a valid definition to both the loader and the published schema, so an
    // editor validating with the schema agrees with `civic forms check`.
    let schema = published();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("definitions");
    let mut seen = 0;
    for entry in std::fs::read_dir(examples).unwrap() {
        let path = entry.unwrap().path();
        if civic_forms::definition::Format::from_path(&path).is_some() {
            civic_forms::definition::FormDefinition::load(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let errors: Vec<String> = schema
                .iter_errors(&as_json(&path))
                .map(|e| format!("{}: {e}", e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{}: {errors:?}", path.display());
            seen += 1;
        }
    }
    assert!(seen > 0, "no example definitions found");
}

#[test]
fn the_schema_refuses_what_the_loader_refuses() {
    let schema = published();
    let good = serde_json::json!({
        "id": "pothole",
        "title": "Report a pothole",
        "pages": [{ "id": "location", "questions": [
            { "id": "postcode", "label": "What is the postcode?", "answer": { "type": "postcode" } }
        ] }]
    });
    assert!(schema.is_valid(&good));
    for bad in [
        serde_json::json!({ "id": "p", "title": "T", "pages": [], "colour": "blue" }),
        serde_json::json!({ "title": "T", "pages": [] }),
        serde_json::json!({ "id": "p", "title": "T", "pages": [{ "id": "a", "questions": [
            { "id": "q", "label": "Q", "answer": { "type": "telepathy" } }
        ] }] }),
    ] {
        assert!(!schema.is_valid(&bad), "accepted: {bad}");
        assert!(
            civic_forms::definition::FormDefinition::parse(
                &bad.to_string(),
                civic_forms::definition::Format::Json
            )
            .is_err(),
            "loaded: {bad}"
        );
    }
}
