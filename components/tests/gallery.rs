//! The gallery writes every upstream fixture, hidden ones too, as a branded page whose links
//! all resolve on disk.

// Tests may unwrap: a failure here is a failing test, not a resident's error.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use civic_components::brand::{Brand, BrandColour};
use civic_components::gallery::{Gallery, fixtures, slug};
use civic_components::{COMPONENTS, render_json};
use scraper::{Html, Selector};

fn upstream() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../node_modules/govuk-frontend")
}

fn skip_without_upstream(test: &str) -> bool {
    let missing = !upstream().is_dir()
        || !civic_components::assets::Assets::default_dir()
            .join("civic.css")
            .is_file();
    if missing {
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED {test}: node_modules or the built assets are missing (run cargo xtask setup)"
        );
    }
    missing
}

/// Every relative `href`/`src` of elements matching `selector`: files of the gallery.
fn local_links(page: &Html, selector: &str) -> Vec<String> {
    let selector = Selector::parse(selector).unwrap();
    page.select(&selector)
        .filter_map(|e| e.value().attr("href").or_else(|| e.value().attr("src")))
        .filter(|url| !url.starts_with('#') && !url.contains(':') && !url.starts_with('/'))
        .map(str::to_owned)
        .collect()
}

fn resolve(from: &Path, url: &str) -> PathBuf {
    let path = url.split(['#', '?']).next().unwrap_or_default();
    from.parent().unwrap().join(path)
}

/// A temporary folder removed when the test ends, passed or failed.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn every_fixture_gets_a_branded_page_and_the_index_links_them_all() {
    if skip_without_upstream("every_fixture_gets_a_branded_page_and_the_index_links_them_all") {
        return;
    }
    let out = std::env::temp_dir().join(format!("civic-gallery-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let _guard = TempDir(out.clone());
    let brand = Brand::new("Kestrel Vale", BrandColour::parse("#005a4e").unwrap());
    let written = Gallery::new(upstream(), brand).write(&out).unwrap();
    assert_eq!(written.components, 39);
    assert_eq!(written.pages, 725, "every fixture, hidden ones too");

    let index_path = out.join("index.html");
    let index = Html::parse_document(&std::fs::read_to_string(&index_path).unwrap());
    let linked: BTreeSet<String> = local_links(&index, "link[href], script[src], a[href]")
        .into_iter()
        .collect();
    let mut expected = BTreeSet::new();
    for &component in COMPONENTS {
        for fixture in fixtures(&upstream(), component).unwrap() {
            let href = format!("{component}/{}.html", slug(&fixture.name));
            let path = out.join(&href);
            let html = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            // The page carries exactly what the component renders from the fixture's options.
            let example = render_json(component, fixture.options.clone()).unwrap();
            assert!(
                html.contains(&example.0),
                "{href} does not contain the fixture"
            );
            assert!(html.starts_with("<!DOCTYPE html><html lang=\"en\""));
            assert!(html.contains("civic-header"), "{href}: branded header");
            assert!(html.contains("© Kestrel Vale"), "{href}: branded footer");
            assert!(html.matches("<h1").count() >= 1, "{href}: a main heading");
            if let Some(classes) = &fixture.page_template_options.body_classes {
                assert!(html.contains(classes.as_str()), "{href}: {classes}");
            }
            let page = Html::parse_document(&html);
            for url in local_links(&page, "link[href], script[src]") {
                assert!(
                    resolve(&path, &url).is_file(),
                    "{href} links {url}, which is not in the gallery"
                );
            }
            expected.insert(href);
        }
    }
    let pages: BTreeSet<String> = linked
        .iter()
        .filter(|l| !l.starts_with("assets/"))
        .cloned()
        .collect();
    assert_eq!(pages, expected, "the index links every page once");
    for url in linked.iter().filter(|l| l.starts_with("assets/")) {
        assert!(resolve(&index_path, url).is_file(), "index links {url}");
    }
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn a_missing_package_is_an_error_naming_the_file() {
    let brand = Brand::new("Kestrel Vale", BrandColour::parse("#005a4e").unwrap());
    let out = std::env::temp_dir().join(format!("civic-gallery-none-{}", std::process::id()));
    let error = Gallery::new("/nonexistent/govuk-frontend", brand)
        .assets_dir(civic_components::assets::Assets::default_dir())
        .write(&out);
    let _ = std::fs::remove_dir_all(&out);
    match error {
        // Without built assets the error names the stylesheet instead.
        Err(error) => assert!(
            error.to_string().contains("/nonexistent/") || error.to_string().contains("civic.css"),
            "{error}"
        ),
        Ok(_) => panic!("wrote a gallery from a package that does not exist"),
    }
}
