//! Our own link checker for the built guide (mdbook-linkcheck does not support mdBook 0.5):
//! every relative `href` and `src` in every HTML file must name a file that exists, and every
//! `#fragment` an element `id` (or `name`) on the page it points at. A link starting with `/`
//! is resolved against the book's root, as mdBook's default `site-url` of `/` means.
//!
//! The rendered component examples (`generated/components/`) link to an imaginary council
//! service (`/bins`, `#postcode`): only their stylesheet and script links are checked.

use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

use scraper::{Html, Selector};

/// One broken link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    /// The page it is on, relative to the book's root.
    pub page: String,
    /// The link as written.
    pub link: String,
    /// What is wrong with it.
    pub reason: &'static str,
}

impl std::fmt::Display for Broken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} ({})", self.page, self.link, self.reason)
    }
}

/// Every broken internal link under the built book at `root`.
pub fn check(root: &Path) -> std::io::Result<Vec<Broken>> {
    let pages = html_files(root)?;
    let mut ids: HashMap<PathBuf, HashSet<String>> = HashMap::new();
    let mut links: Vec<(PathBuf, String)> = Vec::new();
    let anchors = Selector::parse("[href], [src]").unwrap_or_else(|_| unreachable!());
    let assets = Selector::parse("link[href], script[src]").unwrap_or_else(|_| unreachable!());
    let targets = Selector::parse("[id], a[name]").unwrap_or_else(|_| unreachable!());
    for page in &pages {
        let text = std::fs::read_to_string(page)?;
        let html = Html::parse_document(&text);
        let page_ids = html
            .select(&targets)
            .filter_map(|e| e.value().id().or_else(|| e.value().attr("name")))
            .map(str::to_owned)
            .collect();
        ids.insert(page.clone(), page_ids);
        let example = page
            .strip_prefix(root)
            .is_ok_and(|p| p.starts_with("generated/components"));
        let selector = if example { &assets } else { &anchors };
        for element in html.select(selector) {
            for attr in ["href", "src"] {
                if let Some(link) = element.value().attr(attr) {
                    links.push((page.clone(), link.to_owned()));
                }
            }
        }
    }
    let mut broken = Vec::new();
    links.sort();
    for (page, link) in links {
        if is_external(&link) {
            continue;
        }
        let relative_page = page
            .strip_prefix(root)
            .unwrap_or(&page)
            .display()
            .to_string();
        let (path_part, fragment) = match link.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (link.as_str(), None),
        };
        let path_part = path_part.split('?').next().unwrap_or_default();
        let target = if path_part.is_empty() {
            page.clone()
        } else {
            let base = if path_part.starts_with('/') {
                root
            } else {
                page.parent().unwrap_or(root)
            };
            let mut target = normalise(&base.join(path_part.trim_start_matches('/')));
            if target.is_dir() {
                target = target.join("index.html");
            }
            target
        };
        if !target.starts_with(root) || !target.is_file() {
            broken.push(Broken {
                page: relative_page,
                link,
                reason: "no such file",
            });
            continue;
        }
        if let Some(fragment) = fragment.filter(|f| !f.is_empty()) {
            let Some(target_ids) = ids.get(&target) else {
                continue; // not an HTML page: fragments are not checked
            };
            let decoded = percent_decode(fragment);
            if !target_ids.contains(fragment) && !target_ids.contains(&decoded) {
                broken.push(Broken {
                    page: relative_page,
                    link,
                    reason: "no element with that id",
                });
            }
        }
    }
    Ok(broken)
}

/// Every HTML file under `root`.
pub fn html_files(root: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut pages = Vec::new();
    collect(root, &mut pages)?;
    pages.sort();
    Ok(pages)
}

fn collect(dir: &Path, pages: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, pages)?;
        } else if path.extension().is_some_and(|e| e == "html") {
            pages.push(path);
        }
    }
    Ok(())
}

fn is_external(link: &str) -> bool {
    link.starts_with("//")
        || link
            .split_once(':')
            .is_some_and(|(scheme, _)| !scheme.contains('/') && !scheme.contains('#'))
}

/// Resolves `.` and `..` without touching the file system.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(byte) = text
                .get(i + 1..i + 3)
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_missing_files_and_fragments_and_ignores_external_links() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("a")).unwrap();
        std::fs::write(
            root.join("index.html"),
            r##"<a href="a/page.html#here">ok</a> <a href="a/page.html#gone">bad id</a>
               <a href="missing.html">bad file</a> <a href="https://example.com/x">external</a>
               <a href="mailto:x@example.com">mail</a> <a href="#top">top</a> <p id="top"></p>
               <img src="a/"> <a href="/a/page.html">root-relative</a> <a href="/nowhere">gone</a>"##,
        )
        .unwrap();
        std::fs::write(root.join("a/page.html"), r#"<h2 id="here">Here</h2>"#).unwrap();
        std::fs::write(root.join("a/index.html"), "").unwrap();
        let example = root.join("generated/components/x");
        std::fs::create_dir_all(&example).unwrap();
        std::fs::write(
            example.join("preview.html"),
            r#"<link rel="stylesheet" href="../../assets/missing.css"><a href="/bins">example</a>"#,
        )
        .unwrap();
        let broken: Vec<String> = check(root)
            .unwrap()
            .iter()
            .map(|b| b.link.clone())
            .collect();
        assert_eq!(
            broken,
            [
                "../../assets/missing.css",
                "/nowhere",
                "a/page.html#gone",
                "missing.html"
            ]
        );
    }
}
