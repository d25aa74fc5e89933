//! The guide's checks: it builds with no warnings, its internal links resolve, and every
//! component, answer type and `civic` command has its page.

#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .unwrap()
        .to_path_buf()
}

fn summary() -> String {
    std::fs::read_to_string(root().join("book/src/SUMMARY.md")).unwrap()
}

/// The pinned mdBook: `MDBOOK`, the one `cargo xtask` builds into `.tools/`, or one on the PATH.
fn mdbook() -> Option<PathBuf> {
    let candidates = std::env::var_os("MDBOOK")
        .map(PathBuf::from)
        .into_iter()
        .chain([root().join(".tools/bin/mdbook")])
        .chain(
            std::env::var_os("PATH")
                .map(|p| {
                    std::env::split_paths(&p)
                        .map(|d| d.join("mdbook"))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default(),
        );
    candidates.into_iter().find(|path| {
        Command::new(path)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

#[test]
fn the_book_builds_without_warnings_and_every_internal_link_resolves() {
    let Some(mdbook) = mdbook() else {
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED the_book_builds_without_warnings_and_every_internal_link_resolves: no mdbook (run `cargo xtask setup`, or set MDBOOK)"
        );
        return;
    };
    let root = root();
    civic_book::generate::all(&root, &root.join("book/src/generated")).unwrap();
    let out = tempfile::tempdir().unwrap();
    let output = Command::new(&mdbook)
        .arg("build")
        .arg(root.join("book"))
        .arg("--dest-dir")
        .arg(out.path())
        .output()
        .unwrap();
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "mdbook build failed:\n{log}");
    let complaints: Vec<&str> = log
        .lines()
        .filter(|line| line.contains("WARN") || line.contains("ERROR"))
        .collect();
    assert!(
        complaints.is_empty(),
        "mdbook warned:\n{}",
        complaints.join("\n")
    );

    // No include was left unresolved on any page.
    for page in civic_book::links::html_files(out.path()).unwrap() {
        let text = std::fs::read_to_string(&page).unwrap();
        assert!(
            !text.contains("{{#"),
            "{}: an mdBook directive was not resolved",
            page.display()
        );
    }

    let broken = civic_book::links::check(out.path()).unwrap();
    let listed: Vec<String> = broken.iter().map(ToString::to_string).collect();
    assert!(
        broken.is_empty(),
        "{} broken links:\n{}",
        broken.len(),
        listed.join("\n")
    );

    // Every component page shows its rendered example, code and params.
    for name in civic_components::COMPONENTS {
        let page =
            std::fs::read_to_string(out.path().join(format!("components/{name}.html"))).unwrap();
        assert!(
            page.contains(&format!("generated/components/{name}/preview.html")),
            "{name}"
        );
        assert!(page.contains("<h3 id="), "{name}: no params table");
        assert!(
            !page.contains("{{#include"),
            "{name}: an include was not resolved"
        );
    }
}

#[test]
fn every_component_has_its_page() {
    let summary = summary();
    let dir = root().join("book/src/components");
    for name in civic_components::COMPONENTS {
        assert!(
            dir.join(format!("{name}.md")).is_file(),
            "no page for {name}"
        );
        assert!(
            summary.contains(&format!("(components/{name}.md)")),
            "{name} is not in SUMMARY.md"
        );
    }
    for entry in std::fs::read_dir(&dir).unwrap() {
        let file = entry.unwrap().file_name().to_string_lossy().into_owned();
        let name = file.trim_end_matches(".md");
        assert!(
            name == "index" || civic_components::COMPONENTS.contains(&name),
            "book/src/components/{file} is not a component"
        );
    }
}

#[test]
fn every_answer_type_has_its_page() {
    let summary = summary();
    let types = civic_book::generate::answer_types_in(&root()).unwrap();
    assert!(types.len() >= 22, "{types:?}");
    for name in &types {
        assert!(
            summary.contains(&format!("(generated/answers/{name}.md)")),
            "answer type {name} is not in SUMMARY.md"
        );
    }
    // Each answer type file in civic-forms is one of them (the file for `time` is
    // `time_of_day.rs`, as `time` is a crate's name; `long_list.rs` is a `one_from_list` shown
    // as an autocomplete).
    for entry in std::fs::read_dir(root().join("forms/src/answers")).unwrap() {
        let file = entry.unwrap().file_name().to_string_lossy().into_owned();
        let name = file.trim_end_matches(".rs");
        if ["mod", "page", "answer_kind"].contains(&name) {
            continue;
        }
        let name = match name {
            "time_of_day" => "time",
            "long_list" => "one_from_list",
            other => other,
        };
        assert!(
            types.iter().any(|t| t == name),
            "forms/src/answers/{file} has no answer type page"
        );
    }
}

#[test]
fn every_civic_command_is_on_the_command_page() {
    let page = std::fs::read_to_string(root().join("book/src/reference/civic-command.md")).unwrap();
    for entry in std::fs::read_dir(root().join("cli/src/snapshots")).unwrap() {
        let file = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            page.contains(&format!("cli/src/snapshots/{file}:5:")),
            "{file} is not included in reference/civic-command.md"
        );
    }
}

#[test]
fn every_pattern_in_the_issue_has_its_page() {
    let summary = summary();
    for page in [
        "question-pages",
        "check-answers",
        "confirmation-pages",
        "addresses",
        "dates",
        "names",
        "contact-details",
        "payments",
        "notifications",
        "save-and-return",
        "add-to-a-list",
        "welsh",
        "retention",
    ] {
        assert!(summary.contains(&format!("(patterns/{page}.md)")), "{page}");
        assert!(
            root()
                .join(format!("book/src/patterns/{page}.md"))
                .is_file(),
            "{page}"
        );
    }
}

#[test]
fn generation_writes_a_page_part_for_every_component_and_answer_type() {
    let out = tempfile::tempdir().unwrap();
    let written = civic_book::generate::all(&root(), out.path()).unwrap();
    assert_eq!(written.components, civic_components::COMPONENTS.len());
    assert_eq!(
        written.answer_types,
        civic_book::generate::answer_types_in(&root())
            .unwrap()
            .len()
    );
    for name in civic_components::COMPONENTS {
        for file in ["example.html", "options.json", "preview.html", "params.md"] {
            let path = out.path().join("components").join(name).join(file);
            assert!(
                std::fs::metadata(&path).unwrap().len() > 0,
                "{}",
                path.display()
            );
        }
        let params =
            std::fs::read_to_string(out.path().join("components").join(name).join("params.md"))
                .unwrap();
        assert!(
            params.contains("| `classes` |") || params.contains("| `attributes` |"),
            "{name}: {params}"
        );
    }
    let pay = std::fs::read_to_string(out.path().join("reference/govuk-pay-errors.md")).unwrap();
    assert!(pay.contains("| `P0900` |"), "{pay}");
}

/// mdBook includes nothing, silently, for an anchor that does not exist.
#[test]
fn every_anchor_the_pages_include_exists() {
    fn pages(dir: &Path, found: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.ends_with("generated") {
                continue;
            }
            if path.is_dir() {
                pages(&path, found);
            } else if path.extension().is_some_and(|e| e == "md") {
                found.push(path);
            }
        }
    }
    let mut found = Vec::new();
    pages(&root().join("book/src"), &mut found);
    let mut checked = 0;
    for page in found {
        let text = std::fs::read_to_string(&page).unwrap();
        for include in text.split("{{#include ").skip(1) {
            let spec = include.split("}}").next().unwrap().trim();
            let Some((file, anchor)) = spec.split_once(':') else {
                continue;
            };
            // `file:5:` and `file:30:61` are line ranges, not anchors.
            if anchor
                .split(':')
                .all(|part| part.is_empty() || part.parse::<u32>().is_ok())
            {
                continue;
            }
            let source = std::fs::read_to_string(page.parent().unwrap().join(file))
                .unwrap_or_else(|e| panic!("{}: {file}: {e}", page.display()));
            assert!(
                source.contains(&format!("ANCHOR: {anchor}\n"))
                    && source.contains(&format!("ANCHOR_END: {anchor}\n")),
                "{}: {file} has no anchor {anchor}",
                page.display()
            );
            checked += 1;
        }
    }
    assert!(checked > 39, "only {checked} anchored includes found");
}

/// The configuration page is written by hand: it must name every setting the demo reads.
#[test]
fn the_configuration_page_names_every_setting() {
    let source = std::fs::read_to_string(root().join("examples/src/config.rs")).unwrap();
    let page = std::fs::read_to_string(root().join("book/src/reference/configuration.md")).unwrap();
    let variables: Vec<&str> = source
        .split("lookup(\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert!(variables.len() >= 4, "{variables:?}");
    let file = syn::parse_file(&source).unwrap();
    let keys: Vec<String> = file
        .items
        .iter()
        .filter_map(|item| match item {
            syn::Item::Struct(s) if s.ident == "FileSettings" => Some(s),
            _ => None,
        })
        .flat_map(|s| {
            s.fields
                .iter()
                .filter_map(|f| f.ident.as_ref().map(ToString::to_string))
        })
        .collect();
    assert!(keys.len() >= 4, "{keys:?}");
    for setting in variables.iter().map(|v| (*v).to_owned()).chain(keys) {
        assert!(
            page.contains(&format!("`{setting}`")),
            "reference/configuration.md does not name `{setting}`, which examples/src/config.rs reads"
        );
    }
}

/// "Add to a list" shows lines 30 to 61 of the bulky waste form: the items page, whole.
#[test]
fn the_add_to_a_list_excerpt_is_the_items_page() {
    let page = std::fs::read_to_string(root().join("book/src/patterns/add-to-a-list.md")).unwrap();
    assert!(page.contains("bulky-waste.yaml:30:61}}"));
    let form = std::fs::read_to_string(root().join("forms/definitions/bulky-waste.yaml")).unwrap();
    let lines: Vec<&str> = form.lines().collect();
    assert_eq!(
        lines[29], "  - id: items",
        "the excerpt must start at the items page"
    );
    assert!(
        lines[57..61].iter().any(|l| l.trim() == "add_to_list:"),
        "{:?}",
        &lines[57..61]
    );
    assert!(
        lines[61].starts_with("  - id: "),
        "the excerpt must end where the next page starts"
    );
}
