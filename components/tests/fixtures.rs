//! Conformance: every fixture govuk-frontend publishes, rendered through the registry and
//! compared with upstream's HTML by parsing both.
//!
//! Comparison rules: attributes are compared as sets; every run of whitespace in text becomes
//! one space but is never dropped (a space after an inline closing tag is heard by screen
//! readers); comments are ignored; everything else must be identical.
//!
//! `CIVIC_FIXTURE_FILTER=button,hint` checks only those components and prints each mismatch.

// Tests may unwrap: a failure here is a failing test, not a resident's error.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use scraper::{ElementRef, Html, Node};

/// Components not written yet: their fixtures are counted as failures but do not fail the test.
/// Remove a name when its component lands; the end state is an empty list.
const PENDING: &[&str] = &[];

/// Fixtures upstream publishes in govuk-frontend 6.6.0.
const TOTAL: usize = 725;

fn components_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../node_modules/govuk-frontend/dist/govuk/components")
}

#[derive(serde::Deserialize)]
struct Exclusions {
    #[serde(default)]
    exclusion: Vec<Exclusion>,
}

#[derive(serde::Deserialize)]
struct Exclusion {
    component: String,
    fixture: String,
    reason: String,
}

fn exclusions() -> Vec<Exclusion> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixture-exclusions.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let parsed: Exclusions = toml::from_str(&text).unwrap();
    for e in &parsed.exclusion {
        assert!(
            !e.reason.trim().is_empty(),
            "exclusion {}/{} needs a reason",
            e.component,
            e.fixture
        );
    }
    parsed.exclusion
}

#[test]
fn every_fixture_matches_upstream() {
    let dir = components_dir();
    if !dir.is_dir() {
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED every_fixture_matches_upstream: node_modules is missing (run `npm install` at the workspace root)"
        );
        return;
    }
    let filter: Option<Vec<String>> = std::env::var("CIVIC_FIXTURE_FILTER")
        .ok()
        .filter(|f| !f.trim().is_empty())
        .map(|f| f.split(',').map(|s| s.trim().to_owned()).collect());
    let exclusions = exclusions();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("fixtures.json").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        civic_components::COMPONENTS,
        "the registry must list every upstream component"
    );

    let mut stderr = std::io::stderr().lock();
    let (mut seen, mut matched, mut excluded_count) = (0, 0, 0);
    let mut regressions = Vec::new();
    for name in &names {
        if filter.as_ref().is_some_and(|f| !f.contains(name)) {
            continue;
        }
        let text = std::fs::read_to_string(dir.join(name).join("fixtures.json")).unwrap();
        let file: serde_json::Value = serde_json::from_str(&text).unwrap();
        let fixtures = file["fixtures"].as_array().unwrap();
        let (mut ok, mut failed_here) = (0, Vec::new());
        for fixture in fixtures {
            seen += 1;
            let fixture_name = fixture["name"].as_str().unwrap();
            let expected = fixture["html"].as_str().unwrap();
            let outcome = civic_components::render_json(name, fixture["options"].clone());
            let problem = match outcome {
                Ok(markup) => {
                    let (want, got) = (normalise(expected), normalise(&markup.into_string()));
                    if want == got {
                        None
                    } else {
                        Some(first_difference(&want, &got))
                    }
                }
                Err(e) => Some(format!("render error: {e}")),
            };
            let is_excluded = exclusions
                .iter()
                .any(|e| &e.component == name && e.fixture == fixture_name);
            match problem {
                None => {
                    ok += 1;
                    if is_excluded {
                        let _ = writeln!(
                            stderr,
                            "  note: {name}/{fixture_name} matches now; remove its exclusion"
                        );
                    }
                }
                Some(_) if is_excluded => excluded_count += 1,
                Some(problem) => failed_here.push((fixture_name.to_owned(), problem)),
            }
        }
        matched += ok;
        let pending = PENDING.contains(&name.as_str());
        let _ = writeln!(
            stderr,
            "{name:<22} {ok:>3}/{:<3}{}",
            fixtures.len(),
            if pending { " (pending)" } else { "" }
        );
        if !pending || filter.is_some() {
            for (fixture_name, problem) in &failed_here {
                let _ = writeln!(stderr, "  FAIL {name}/{fixture_name}: {problem}");
            }
        }
        if !pending {
            regressions.extend(failed_here.into_iter().map(|(f, _)| format!("{name}/{f}")));
        }
    }
    let _ = writeln!(
        stderr,
        "{matched}/{TOTAL} fixtures match ({excluded_count} excluded, {seen} checked)"
    );
    if !PENDING.is_empty() {
        let _ = writeln!(stderr, "pending components: {}", PENDING.join(", "));
    }
    assert!(
        regressions.is_empty(),
        "fixtures of implemented components do not match: {regressions:?}"
    );
    if filter.is_none() {
        assert_eq!(seen, TOTAL, "upstream's fixture count changed");
        if PENDING.is_empty() {
            assert!(
                matched >= TOTAL - exclusions.len(),
                "{matched}/{TOTAL} fixtures match"
            );
        }
    }
}

/// The parsed fragment written one node per line: tags with sorted attributes, text with
/// whitespace runs collapsed. Equal strings mean equal markup under the rules above.
fn normalise(html: &str) -> String {
    let fragment = Html::parse_fragment(html.trim());
    let mut out = String::new();
    write_children(fragment.root_element(), 0, &mut out);
    out
}

fn write_children(element: ElementRef<'_>, depth: usize, out: &mut String) {
    for child in element.children() {
        if let Some(child_element) = ElementRef::wrap(child) {
            let value = child_element.value();
            let attributes: BTreeMap<_, _> = value.attrs().collect();
            out.push_str(&"  ".repeat(depth));
            out.push('<');
            out.push_str(value.name());
            for (name, value) in attributes {
                out.push_str(&format!(" {name}={value:?}"));
            }
            out.push_str(">\n");
            write_children(child_element, depth + 1, out);
        } else if let Node::Text(text) = child.value() {
            out.push_str(&"  ".repeat(depth));
            out.push_str(&format!("{:?}\n", collapse(text)));
        }
    }
}

fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c') {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}

fn first_difference(want: &str, got: &str) -> String {
    let (w, g): (Vec<_>, Vec<_>) = (want.lines().collect(), got.lines().collect());
    let at = w
        .iter()
        .zip(&g)
        .position(|(a, b)| a != b)
        .unwrap_or(w.len().min(g.len()));
    format!(
        "at line {at}: want {:?}, got {:?}",
        w.get(at).map(|s| s.trim()).unwrap_or("<end>"),
        g.get(at).map(|s| s.trim()).unwrap_or("<end>")
    )
}

#[test]
fn whitespace_is_collapsed_but_never_removed() {
    assert_eq!(
        normalise("<p><b>a</b> b</p>"),
        normalise("<p><b>a</b>\n   b</p>")
    );
    assert_ne!(
        normalise("<p><b>a</b> b</p>"),
        normalise("<p><b>a</b>b</p>")
    );
    assert_eq!(
        normalise(r#"<a class="x" id="y"></a>"#),
        normalise(r#"<a id="y" class="x"></a>"#)
    );
    assert_ne!(
        normalise(r#"<a class="x y"></a>"#),
        normalise(r#"<a class="x"></a>"#)
    );
}
