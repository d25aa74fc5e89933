//! Every English text govuk-frontend 6.6.0 shows by default has a Welsh counterpart in
//! `civic_components::i18n`. The upstream texts are read from the installed npm package by
//! `upstream_texts.mjs`, so a new default in a future release fails this test.

use civic_components::i18n::{CountText, Language, Text};
use std::io::Write;
use std::path::Path;
use std::process::Command;

#[test]
fn every_upstream_default_has_welsh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    if !root.join("node_modules/govuk-frontend").is_dir() {
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED every_upstream_default_has_welsh: node_modules/govuk-frontend is not installed"
        );
        return;
    }
    let output = Command::new("node")
        .arg("components/tests/upstream_texts.mjs")
        .current_dir(&root)
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "upstream_texts.mjs failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let upstream: Vec<String> = serde_json::from_slice(&output.stdout).unwrap();
    assert!(
        upstream.len() > 40,
        "too few upstream texts found: {upstream:?}"
    );

    let mut ours: Vec<(&str, &str)> = Text::ALL
        .iter()
        .map(|&t| (Language::English.text(t), Language::Welsh.text(t)))
        .collect();
    for &t in CountText::ALL {
        let (en, cy) = (
            Language::English.count_text(t),
            Language::Welsh.count_text(t),
        );
        ours.push((en.one, cy.one));
        ours.push((en.other, cy.other));
    }

    let missing: Vec<&String> = upstream
        .iter()
        .filter(|text| {
            !ours
                .iter()
                .any(|(en, cy)| en == text && !cy.trim().is_empty() && cy != text)
        })
        .collect();
    assert!(
        missing.is_empty(),
        "upstream texts without Welsh in src/i18n.rs: {missing:?}"
    );
}
