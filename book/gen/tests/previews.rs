//! Every component example the guide shows passes axe-core in Chromium, styled and with
//! GOV.UK Frontend's script running, as a resident's browser would show it.

#![allow(clippy::unwrap_used)]

use std::path::Path;

#[test]
fn every_component_preview_passes_axe() {
    let test = "every_component_preview_passes_axe";
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .unwrap();
    let out = tempfile::tempdir().unwrap();
    let written = civic_book::generate::all(root, out.path()).unwrap();
    if !written.stylesheet {
        civic_tests::skip(
            test,
            "components/assets/dist is not built (run components/build-assets or cargo xtask test)",
        );
        return;
    }
    let router =
        axum::Router::new().fallback_service(tower_http::services::ServeDir::new(out.path()));
    let addr = civic_tests::serve(router).unwrap();
    let urls: Vec<String> = civic_components::COMPONENTS
        .iter()
        .map(|name| format!("http://{addr}/components/{name}/preview.html"))
        .collect();
    let Some(reports) = civic_tests::browser::axe(test, &urls, None) else {
        return;
    };
    let problems = civic_tests::browser::describe(&reports);
    assert!(problems.is_empty(), "{problems}");
    assert!(reports.iter().all(|r| r.status == Some(200)), "{reports:?}");
}
