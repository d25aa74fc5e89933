//! Every page of the demo council passes axe-core in headless Chromium with no violations.
#![allow(clippy::unwrap_used)] // a panic in a test is a failed test

use civic_demo::{Config, app};
use civic_tests::{browser, serve};

#[test]
fn demo_pages_have_no_axe_violations() {
    let addr = serve(app(Config::default())).unwrap();
    let urls = vec![format!("http://{addr}/")];
    let screenshots = std::env::temp_dir().join("civic-screenshots/demo");
    let Some(reports) = browser::axe(
        "demo_pages_have_no_axe_violations",
        &urls,
        Some(&screenshots),
    ) else {
        return;
    };
    for report in &reports {
        assert_eq!(report.status, Some(200), "{}", report.url);
    }
    let problems = browser::describe(&reports);
    assert!(problems.is_empty(), "axe found problems:\n{problems}");
}
