//! Every page of the demo council passes axe-core in headless Chromium with no violations.
#![allow(clippy::unwrap_used)] // a panic in a test is a failed test

use civic_demo::{Config, app};
use civic_tests::{browser, serve_with};

#[test]
fn demo_pages_have_no_axe_violations() {
    let config = Config {
        data_dir: std::env::temp_dir().join(format!("civic-demo-axe-{}", std::process::id())),
        ..Config::default()
    };
    let addr = serve_with(|| app(config)).unwrap();
    let paths = [
        "/",
        "/missed-bin",
        "/parking-permit",
        "/bulky-waste",
        "/council-tax-single-person",
        "/accessibility",
        "/cookies",
        "/privacy",
        "/dev/mailbox",
        // Each form's first question (the browser follows the redirect from the start).
        "/missed-bin/apply",
        "/parking-permit/apply",
        "/bulky-waste/apply",
        "/council-tax-single-person/apply",
    ];
    let urls: Vec<String> = paths
        .iter()
        .flat_map(|path| {
            [
                format!("http://{addr}{path}"),
                format!("http://{addr}{path}?lang=cy"),
            ]
        })
        .collect();
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
