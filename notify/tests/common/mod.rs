//! What every conformance test shares: finding Notify's published cases and the one list of
//! cases where civic knowingly differs.

#![allow(dead_code)]

use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;

/// The `conformance/notify` folder, or `None` (after printing a skip line) when
/// `CIVIC_REFERENCE_DATA` is not set.
pub fn notify_cases(test: &str) -> Option<PathBuf> {
    match std::env::var_os("CIVIC_REFERENCE_DATA") {
        Some(root) => Some(PathBuf::from(root).join("conformance").join("notify")),
        None => {
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED {test}: CIVIC_REFERENCE_DATA is not set"
            );
            None
        }
    }
}

/// Reads one JSON file of cases.
pub fn load(folder: &std::path::Path, file: &str) -> serde_json::Value {
    let path = folder.join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// The case ids listed for `file` in `tests/conformance-exceptions.toml`.
pub fn exceptions(file: &str) -> BTreeSet<String> {
    #[derive(serde::Deserialize)]
    struct Exceptions {
        #[serde(default)]
        exception: Vec<Exception>,
    }
    #[derive(serde::Deserialize)]
    struct Exception {
        file: String,
        case: String,
        reason: String,
    }
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/conformance-exceptions.toml"
    );
    let text = std::fs::read_to_string(path).expect("conformance-exceptions.toml");
    let parsed: Exceptions = toml::from_str(&text).expect("conformance-exceptions.toml parses");
    parsed
        .exception
        .into_iter()
        .filter(|e| e.file == file)
        .inspect(|e| assert!(!e.reason.trim().is_empty(), "{}: no reason given", e.case))
        .map(|e| e.case)
        .collect()
}

/// Fails unless the cases that differ are exactly those listed as exceptions for `file`,
/// and prints how many matched.
pub fn check(file: &str, total: usize, mismatches: Vec<(String, String)>) {
    let listed = exceptions(file);
    let differing: BTreeSet<String> = mismatches.iter().map(|(id, _)| id.clone()).collect();
    let unexplained: Vec<&(String, String)> = mismatches
        .iter()
        .filter(|(id, _)| !listed.contains(id))
        .collect();
    let stale: Vec<&String> = listed
        .iter()
        .filter(|id| !differing.contains(*id))
        .collect();
    let _ = writeln!(
        std::io::stderr(),
        "{file}: {} of {total} cases match, {} listed exceptions",
        total - mismatches.len(),
        listed.len()
    );
    let mut report = String::new();
    for (id, detail) in &unexplained {
        let detail: String = detail.chars().take(400).collect();
        report.push_str(&format!("\n  {id}: {detail}"));
    }
    for id in &stale {
        report.push_str(&format!("\n  {id}: listed as an exception but now matches"));
    }
    assert!(report.is_empty(), "{file}:{report}");
}
