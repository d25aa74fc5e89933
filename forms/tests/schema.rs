//! The published JSON Schema must match the one generated from the Rust types.

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

#[test]
fn the_example_definitions_match_the_schema() {
    // Every example is also a valid definition: the schema and the loader agree on them.
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("definitions");
    let mut seen = 0;
    for entry in std::fs::read_dir(examples).unwrap() {
        let path = entry.unwrap().path();
        if civic_forms::definition::Format::from_path(&path).is_some() {
            civic_forms::definition::FormDefinition::load(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            seen += 1;
        }
    }
    assert!(seen > 0, "no example definitions found");
}
