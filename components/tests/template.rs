//! civic's page template against upstream's: govuk-frontend 6.6.0's `template.njk` rendered by
//! nunjucks 3.2.4 (`template_upstream.mjs`) with the same blocks and options, compared as parsed
//! HTML (attributes and classes as sets, whitespace runs collapsed; whitespace-only text between
//! the template's block-level elements is not significant).

#![allow(clippy::unwrap_used)] // test helpers: a failure should stop the test.

use civic_components::Attributes;
use civic_components::assets::Assets;
use civic_components::brand::{Brand, BrandColour};
use civic_components::i18n::{Language, Text};
use civic_components::template::Page;
use maud::{Markup, PreEscaped, html};
use scraper::{ElementRef, Html, Node};
use serde_json::{Value, json};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn upstream_available(test: &str) -> bool {
    let ok = root().join("node_modules/nunjucks").is_dir()
        && root().join("node_modules/govuk-frontend").is_dir();
    if !ok {
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED {test}: node_modules (govuk-frontend, nunjucks) is not installed"
        );
    }
    ok
}

fn assets() -> Assets {
    let dir = std::env::temp_dir().join(format!("civic-template-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("civic.css"), "body{}").unwrap();
    std::fs::write(
        dir.join("govuk-frontend.min.js"),
        "export function initAll(){}",
    )
    .unwrap();
    Assets::load(&dir, "/assets").unwrap()
}

fn upstream(context: Value, blocks: Value) -> String {
    let mut child = Command::new("node")
        .arg("components/tests/template_upstream.mjs")
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node runs");
    let input = json!({ "context": context, "blocks": blocks }).to_string();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "nunjucks failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// One line per element and text node, with attributes and classes sorted.
fn canonical(html: &str) -> Vec<String> {
    fn walk(element: ElementRef<'_>, depth: usize, out: &mut Vec<String>) {
        let indent = "  ".repeat(depth);
        let mut attrs: Vec<String> = element
            .value()
            .attrs()
            .map(|(name, value)| {
                if name == "class" {
                    let mut classes: Vec<&str> = value.split_whitespace().collect();
                    classes.sort_unstable();
                    format!("class={:?}", classes.join(" "))
                } else {
                    format!("{name}={value:?}")
                }
            })
            .collect();
        attrs.sort();
        out.push(format!(
            "{indent}<{} {}>",
            element.value().name(),
            attrs.join(" ")
        ));
        for child in element.children() {
            if let Some(child) = ElementRef::wrap(child) {
                walk(child, depth + 1, out);
            } else if let Node::Text(text) = child.value() {
                let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
                if !collapsed.is_empty() {
                    let lead = if text.starts_with(char::is_whitespace) {
                        " "
                    } else {
                        ""
                    };
                    let trail = if text.ends_with(char::is_whitespace) {
                        " "
                    } else {
                        ""
                    };
                    out.push(format!(
                        "{indent}  {:?}",
                        format!("{lead}{collapsed}{trail}")
                    ));
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(Html::parse_document(html).root_element(), 0, &mut out);
    out
}

fn assert_same(ours: &str, theirs: &str) {
    let (ours, theirs) = (canonical(ours), canonical(theirs));
    if ours != theirs {
        let at = ours
            .iter()
            .zip(&theirs)
            .position(|(a, b)| a != b)
            .unwrap_or(ours.len().min(theirs.len()));
        let from = at.saturating_sub(3);
        panic!(
            "page template differs from upstream at node {at}\n--- civic:\n{}\n--- upstream:\n{}",
            ours[from..(at + 5).min(ours.len())].join("\n"),
            theirs[from..(at + 5).min(theirs.len())].join("\n"),
        );
    }
}

/// What civic puts in upstream's `head` block: the stylesheet and the brand's colours.
fn head_block(
    assets: &Assets,
    brand: &Brand,
    nonce: Option<&str>,
    extra: Option<&Markup>,
) -> String {
    html! {
        link rel="stylesheet" href=(assets.stylesheet_url().unwrap());
        style nonce=[nonce] { (PreEscaped(brand.custom_properties_css())) }
        @if let Some(extra) = extra { (extra) }
    }
    .into_string()
}

fn body_end_block(assets: &Assets, extra: Option<&Markup>) -> String {
    html! {
        script type="module" src=(assets.init_script_url().unwrap()) {}
        @if let Some(extra) = extra { (extra) }
    }
    .into_string()
}

#[test]
fn minimal_page_matches_upstream() {
    if !upstream_available("minimal_page_matches_upstream") {
        return;
    }
    let assets = assets();
    let brand = Brand::new("Kestrel Vale", BrandColour::parse("#005a4e").unwrap());
    let content = html! { h1 class="govuk-heading-l" { "Report a pothole" } };
    let ours = Page::new(&brand, &assets, "Report a pothole")
        .content(content.clone())
        .render()
        .into_string();
    let theirs = upstream(
        json!({ "pageTitle": "Report a pothole", "themeColor": "#005a4e" }),
        json!({
            "skipLinkText": Language::English.text(Text::SkipToMainContent),
            "head": head_block(&assets, &brand, None, None),
            "headIcons": "",
            "govukHeader": "",
            "govukFooter": "",
            "content": content.into_string(),
            "bodyEnd": body_end_block(&assets, None),
        }),
    );
    assert_same(&ours, &theirs);
}

#[test]
fn full_welsh_page_matches_upstream() {
    if !upstream_available("full_welsh_page_matches_upstream") {
        return;
    }
    let assets = assets();
    let brand = Brand::new(
        "Cyngor Dyffryn Cudyll",
        BrandColour::parse("#6f0a3c").unwrap(),
    )
    .favicon("/static/favicon.svg");
    let head = html! { meta name="robots" content="noindex"; };
    let body_start = html! { div class="govuk-cookie-banner" { "cwcis" } };
    let header = html! {
        div class="govuk-generic-header civic-header" {
            div class="govuk-generic-header__container govuk-width-container" {
                div class="govuk-generic-header__logo" {
                    a href="/" class="govuk-generic-header__homepage-link" { "Cyngor Dyffryn Cudyll" }
                }
            }
        }
    };
    let before = html! { a href="/" class="govuk-back-link" { "Yn ôl" } };
    let content = html! { h1 class="govuk-heading-l" { "Talu am " em { "barcio" } " heddiw" } };
    let footer = html! { div class="govuk-footer" { p { "© Cyngor Dyffryn Cudyll" } } };
    let body_end = html! { div id="modal" {} };
    let title = "Gwall: Talu am barcio";

    let ours = Page::new(&brand, &assets, "Talu am barcio")
        .language(Language::Welsh)
        .title_has_error(true)
        .title_lang("cy")
        .csp_nonce("bm9uY2U=")
        .theme_color("#6f0a3c")
        .opengraph_image_url("https://dyffryn.example/og.png")
        .html_classes("app-html")
        .body_classes("app-body")
        .header_classes("app-header")
        .container_classes("app-container")
        .main_classes("app-main")
        .main_lang("cy")
        .footer_classes("app-footer")
        .body_attributes(Attributes::new().with("data-app", "dyffryn's").unwrap())
        .header_attributes(Attributes::new().with("data-header", "1").unwrap())
        .container_attributes(Attributes::new().with_flag("hidden", false).unwrap())
        .main_attributes(Attributes::new().with("role", "main").unwrap())
        .footer_attributes(Attributes::new().with("data-footer", "<b>").unwrap())
        .head(head.clone())
        .body_start(body_start.clone())
        .header(header.clone())
        .before_content(before.clone())
        .content(content.clone())
        .footer(footer.clone())
        .body_end(body_end.clone())
        .render()
        .into_string();
    let theirs = upstream(
        json!({
            "pageTitle": title,
            "pageTitleLang": "cy",
            "htmlLang": "cy",
            "cspNonce": "bm9uY2U=",
            "themeColor": "#6f0a3c",
            "opengraphImageUrl": "https://dyffryn.example/og.png",
            "htmlClasses": "app-html",
            "bodyClasses": "app-body",
            "headerClasses": "app-header",
            "containerClasses": "app-container",
            "mainClasses": "app-main",
            "mainLang": "cy",
            "footerClasses": "app-footer",
            "bodyAttributes": { "data-app": "dyffryn's" },
            "headerAttributes": { "data-header": "1" },
            "containerAttributes": { "hidden": { "value": false, "optional": true } },
            "mainAttributes": { "role": "main" },
            "footerAttributes": { "data-footer": "<b>" },
        }),
        json!({
            "skipLinkText": Language::Welsh.text(Text::SkipToMainContent),
            "head": head_block(&assets, &brand, Some("bm9uY2U="), Some(&head)),
            "headIcons": html! { link rel="icon" href="/static/favicon.svg" type="image/svg+xml"; }.into_string(),
            "bodyStart": body_start.into_string(),
            "govukHeader": header.into_string(),
            "beforeContent": before.into_string(),
            "content": content.into_string(),
            "govukFooter": footer.into_string(),
            "bodyEnd": body_end_block(&assets, Some(&body_end)),
        }),
    );
    assert_same(&ours, &theirs);
}

#[test]
fn replaced_main_and_no_skip_link_match_upstream() {
    if !upstream_available("replaced_main_and_no_skip_link_match_upstream") {
        return;
    }
    let assets = assets();
    let brand = Brand::new("Kestrel Vale", BrandColour::parse("#005a4e").unwrap());
    let main = html! { main id="main-content" class="app-full" { p { "Map" } } };
    let ours = Page::new(&brand, &assets, "Map")
        .without_skip_link()
        .main(main.clone())
        .render()
        .into_string();
    let theirs = upstream(
        json!({ "pageTitle": "Map", "themeColor": "#005a4e" }),
        json!({
            "skipLinkText": null,
            "head": head_block(&assets, &brand, None, None),
            "headIcons": "",
            "govukHeader": "",
            "govukFooter": "",
            "main": main.into_string(),
            "bodyEnd": body_end_block(&assets, None),
        }),
    );
    assert_same(&ours, &theirs);
}

#[test]
fn the_comparison_notices_a_difference() {
    let a = canonical("<p class=\"a b\">One <em>two</em></p>");
    assert_eq!(a, canonical("<p class=\"b a\">One   <em>two</em></p>"));
    assert_ne!(a, canonical("<p class=\"a b\">One<em>two</em></p>"));
    assert_ne!(a, canonical("<p class=\"a\">One <em>two</em></p>"));
}

#[test]
fn two_brands_in_one_process_keep_their_own_colours_and_names() {
    let assets = assets();
    let kestrel = Brand::new("Kestrel Vale", BrandColour::parse("#00594f").unwrap())
        .favicon("/kv/favicon.svg");
    let harrier = Brand::new("Harrier Moor", BrandColour::parse("#6f0a3c").unwrap())
        .favicon("/hm/favicon.svg");
    let render = |brand: &Brand| {
        Page::new(brand, &assets, "Pay a parking fine")
            .header(maud::html! { p { (brand.name) } })
            .render()
            .into_string()
    };
    let (k, h) = (render(&kestrel), render(&harrier));
    assert!(k.contains("--govuk-brand-colour:#00594f") && !k.contains("#6f0a3c"));
    assert!(h.contains("--govuk-brand-colour:#6f0a3c") && !h.contains("#00594f"));
    assert!(k.contains("/kv/favicon.svg") && h.contains("/hm/favicon.svg"));
    assert!(k.contains("Kestrel Vale") && !k.contains("Harrier Moor"));
    // One stylesheet serves both.
    let css = |page: &str| {
        canonical(page)
            .into_iter()
            .find(|l| l.contains("rel=\"stylesheet\""))
    };
    assert_eq!(css(&k), css(&h));
}
