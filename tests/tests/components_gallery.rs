//! The accessibility gate for civic-components: every page of the component gallery (all 725
//! upstream fixtures, hidden ones too, inside the branded page template) passes axe-core in
//! headless Chromium and the Nu HTML Checker, except the fixtures listed with a reason in
//! `components-gallery-exceptions.toml`.
#![allow(clippy::unwrap_used)] // a panic in a test is a failed test

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use civic_components::COMPONENTS;
use civic_components::assets::Assets;
use civic_components::brand::{Brand, BrandColour};
use civic_components::gallery::{Gallery, fixtures, slug};
use civic_tests::{browser, serve, skip, vnu, workspace_root};

#[derive(serde::Deserialize)]
struct Exceptions {
    #[serde(default)]
    axe: Vec<Exception>,
    #[serde(default)]
    vnu: Vec<Exception>,
}

/// A fixture upstream made deliberately odd, which is expected to fail a checker.
#[derive(serde::Deserialize)]
struct Exception {
    component: String,
    fixture: String,
    reason: String,
}

/// `component/fixture-slug.html` of each listed fixture, with its reason.
fn listed(exceptions: &[Exception]) -> BTreeMap<String, String> {
    exceptions
        .iter()
        .map(|e| {
            assert!(
                !e.reason.trim().is_empty(),
                "{}/{} needs a reason",
                e.component,
                e.fixture
            );
            (
                format!("{}/{}.html", e.component, slug(&e.fixture)),
                e.reason.clone(),
            )
        })
        .collect()
}

fn exceptions() -> Exceptions {
    let path = workspace_root().join("tests/components-gallery-exceptions.toml");
    toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A temporary folder removed when the test ends, passed or failed (725 pages add up).
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Writes the gallery into a fresh temporary folder and returns it with every page's path
/// relative to it, or `None` after reporting `test` as skipped.
fn gallery(test: &str) -> Option<(TempDir, Vec<String>)> {
    let upstream = workspace_root().join("node_modules/govuk-frontend");
    if !upstream.is_dir() {
        skip(
            test,
            "npm packages are not installed (run cargo xtask setup)",
        );
        return None;
    }
    if !Assets::default_dir().join("civic.css").is_file() {
        skip(test, "assets are not built (run components/build-assets)");
        return None;
    }
    let out = std::env::temp_dir().join(format!("civic-gallery-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let out = TempDir(out);
    let brand = Brand::new(
        "Kestrel Vale Borough Council",
        BrandColour::parse("#005a4e").unwrap(),
    );
    let written = Gallery::new(&upstream, brand).write(&out.0).unwrap();
    assert_eq!(written.pages, 725, "every upstream fixture has a page");
    let mut pages = vec!["index.html".to_owned()];
    for &component in COMPONENTS {
        for fixture in fixtures(&upstream, component).unwrap() {
            pages.push(format!("{component}/{}.html", slug(&fixture.name)));
        }
    }
    Some((out, pages))
}

/// Fails with every unexpected problem, and every listed fixture that no longer has one.
fn judge(
    checker: &str,
    problems: &BTreeMap<String, Vec<String>>,
    expected: &BTreeMap<String, String>,
) {
    let mut failures = Vec::new();
    for (page, found) in problems {
        if !expected.contains_key(page) {
            failures.extend(found.iter().map(|p| format!("{page}: {p}")));
        }
    }
    for page in expected.keys() {
        if !problems.contains_key(page) {
            failures.push(format!(
                "{page} is listed in components-gallery-exceptions.toml under [[{checker}]] but passes now: take it out"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{checker}: {} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_gallery_page_passes_axe() {
    let test = "every_gallery_page_passes_axe";
    let Some((out, pages)) = gallery(test) else {
        return;
    };
    let addr =
        serve(axum::Router::new().fallback_service(tower_http::services::ServeDir::new(&out.0)))
            .unwrap();
    let base = format!("http://{addr}/");
    let urls: Vec<String> = pages.iter().map(|p| format!("{base}{p}")).collect();
    // One browser per core: each checks its share of pages in one launch.
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().min(4));
    let Some(reports) = browser::axe_in_parallel(test, &urls, workers) else {
        return;
    };
    assert_eq!(reports.len(), urls.len());
    let mut problems: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for report in &reports {
        let page = report.url.trim_start_matches(&base).to_owned();
        let mut found = Vec::new();
        if report.status != Some(200) {
            found.push(format!("served with status {:?}", report.status));
        }
        let described = browser::describe(std::slice::from_ref(report));
        found.extend(
            described
                .lines()
                .map(|l| l.trim_start_matches(&report.url).to_owned()),
        );
        if !found.is_empty() {
            problems.insert(page, found);
        }
    }
    judge("axe", &problems, &listed(&exceptions().axe));
}

#[test]
fn every_gallery_page_passes_the_nu_html_checker() {
    let test = "every_gallery_page_passes_the_nu_html_checker";
    let Some((out, pages)) = gallery(test) else {
        return;
    };
    let Some(messages) = vnu::check_dir(test, &out.0) else {
        return;
    };
    let known: BTreeSet<&String> = pages.iter().collect();
    let mut problems: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for message in &messages {
        let page = message
            .path()
            .and_then(|p| relative(&out.0, &p))
            .unwrap_or_else(|| "(no file)".to_owned());
        assert!(
            known.contains(&page) || page == "(no file)",
            "the checker reported on {page}, which is not a gallery page"
        );
        problems.entry(page).or_default().push(format!(
            "line {}: {} [{}]",
            message.last_line.unwrap_or(0),
            message.message,
            message.extract.as_deref().unwrap_or("").replace('\n', " ")
        ));
    }
    judge("vnu", &problems, &listed(&exceptions().vnu));
}

fn relative(root: &Path, path: &Path) -> Option<String> {
    // The checker may report the canonical path of a temporary folder behind a symlink.
    let root = root.canonicalize().unwrap_or_else(|_| root.to_owned());
    let path = path.canonicalize().unwrap_or_else(|_| path.to_owned());
    path.strip_prefix(&root)
        .ok()
        .map(|p| p.to_string_lossy().into_owned())
}
