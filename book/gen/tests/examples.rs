//! Every component example renders the same HTML from its Rust and from its option object.

#![allow(clippy::unwrap_used)]

use civic_book::components::examples;

#[test]
fn every_component_has_one_example_in_registry_order() {
    let names: Vec<&str> = examples().iter().map(|e| e.name).collect();
    assert_eq!(names, civic_components::COMPONENTS);
}

#[test]
fn rust_and_options_render_the_same_html() {
    let mut wrong = Vec::new();
    for example in examples() {
        let from_options = civic_components::render_json(example.name, example.options.clone())
            .unwrap_or_else(|e| panic!("{}: {e}", example.name));
        if from_options.into_string() != example.rust.clone().into_string() {
            wrong.push(example.name);
            let from_options =
                civic_components::render_json(example.name, example.options).unwrap();
            eprintln!(
                "== {}\n-- rust:\n{}\n-- options:\n{}",
                example.name,
                example.rust.into_string(),
                from_options.into_string()
            );
        }
    }
    assert!(
        wrong.is_empty(),
        "examples whose Rust and options differ: {wrong:?}"
    );
}
