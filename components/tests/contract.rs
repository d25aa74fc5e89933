//! Contract tests every component meets (after x-govuk/govuk-components' shared examples):
//! it accepts custom classes, accepts custom attributes and escapes text.
//!
//! Add one `contract!` line per component: its name, minimal options with `text` (or the
//! option named in `text_at`) and, when classes and attributes land on an inner element, a
//! CSS selector for that element.

// Tests may unwrap: a failure here is a failing test, not a resident's error.
#![allow(clippy::unwrap_used)]

use scraper::{Html, Selector};
use serde_json::{Value, json};

const HOSTILE: &str = "<script>alert('x')</script> & \"quoted\"";
const ESCAPED: &str = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;";

fn render(name: &str, params: Value) -> String {
    civic_components::render_json(name, params)
        .unwrap()
        .into_string()
}

fn with(mut params: Value, pointer: &str, value: Value) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    params.pointer_mut(parent).unwrap()[key] = value;
    params
}

/// The element classes and attributes should land on: `target`, or the first element.
fn target_has(html: &str, target: &str, check: impl Fn(scraper::ElementRef<'_>) -> bool) -> bool {
    let fragment = Html::parse_fragment(html);
    let selector = Selector::parse(if target.is_empty() { "*" } else { target }).unwrap();
    let element = fragment
        .select(&selector)
        .find(|e| e.value().name() != "html")
        .unwrap_or_else(|| panic!("no {target:?} element in {html}"));
    check(element)
}

fn accepts_custom_classes(name: &str, params: Value, target: &str) {
    let html = render(name, with(params, "/classes", json!("app-contract-class")));
    assert!(
        target_has(&html, target, |e| e
            .value()
            .classes()
            .any(|c| c == "app-contract-class")),
        "{name}: custom class missing from {target:?} in {html}"
    );
}

fn accepts_custom_attributes(name: &str, params: Value, target: &str) {
    let html = render(
        name,
        with(
            params,
            "/attributes",
            json!({ "data-contract": "it's here" }),
        ),
    );
    assert!(
        target_has(&html, target, |e| e.value().attr("data-contract")
            == Some("it's here")),
        "{name}: custom attribute missing from {target:?} in {html}"
    );
    assert!(
        html.contains("data-contract=\"it&#39;s here\""),
        "{name}: attribute value not escaped: {html}"
    );
}

fn escapes_text(name: &str, params: Value, text_at: &str) {
    let html = render(name, with(params, text_at, json!(HOSTILE)));
    assert!(
        html.contains(ESCAPED),
        "{name}: text at {text_at} not escaped as Nunjucks does: {html}"
    );
    assert!(
        !html.contains("<script>"),
        "{name}: markup leaked from text: {html}"
    );
}

macro_rules! contract {
    ($module:ident, $name:literal, $params:expr) => {
        contract!($module, $name, $params, text_at = "/text", target = "");
    };
    ($module:ident, $name:literal, $params:expr, text_at = $text_at:literal, target = $target:literal) => {
        mod $module {
            use serde_json::json;
            #[test]
            fn accepts_custom_classes() {
                super::accepts_custom_classes($name, $params, $target);
            }
            #[test]
            fn accepts_custom_attributes() {
                super::accepts_custom_attributes($name, $params, $target);
            }
            #[test]
            fn escapes_text() {
                super::escapes_text($name, $params, $text_at);
            }
        }
    };
}

// One line per component, alphabetical.
contract!(hint, "hint", json!({ "text": "Hint" }));
contract!(back_link, "back-link", json!({ "text": "Back" }));
contract!(
    details,
    "details",
    json!({ "summaryText": "Summary", "text": "More" })
);
contract!(error_message, "error-message", json!({ "text": "Wrong" }));
contract!(inset_text, "inset-text", json!({ "text": "Inset" }));
contract!(label, "label", json!({ "text": "Label" }));
contract!(skip_link, "skip-link", json!({ "text": "Skip" }));
contract!(tag, "tag", json!({ "text": "Done" }));
contract!(warning_text, "warning-text", json!({ "text": "Careful" }));
contract!(button, "button", json!({ "text": "Save" }));
contract!(
    fieldset,
    "fieldset",
    json!({ "legend": { "text": "Legend" } }),
    text_at = "/legend/text",
    target = ""
);
contract!(
    panel,
    "panel",
    json!({ "titleText": "Done", "text": "Body" })
);
contract!(
    phase_banner,
    "phase-banner",
    json!({ "text": "New service", "tag": { "text": "Beta" } })
);
contract!(
    input,
    "input",
    json!({"name": "n", "label": {"text": "L"}}),
    text_at = "/label/text",
    target = "input"
);
contract!(
    textarea,
    "textarea",
    json!({"name": "n", "label": {"text": "L"}}),
    text_at = "/label/text",
    target = "textarea"
);
contract!(
    character_count,
    "character-count",
    json!({"name": "n", "maxlength": 10, "label": {"text": "L"}}),
    text_at = "/label/text",
    target = "textarea"
);
contract!(
    select,
    "select",
    json!({"name": "n", "label": {"text": "L"}, "items": [{"value": "v", "text": "T"}]}),
    text_at = "/items/0/text",
    target = "select"
);
contract!(
    file_upload,
    "file-upload",
    json!({"name": "n", "label": {"text": "L"}}),
    text_at = "/label/text",
    target = "input"
);
contract!(
    error_summary,
    "error-summary",
    json!({"titleText": "There is a problem"}),
    text_at = "/titleText",
    target = ""
);
contract!(
    summary_list,
    "summary-list",
    json!({"rows": [{"key": {"text": "K"}, "value": {"text": "V"}}]}),
    text_at = "/rows/0/value/text",
    target = ""
);
contract!(
    table,
    "table",
    json!({"rows": [[{"text": "C"}]]}),
    text_at = "/rows/0/0/text",
    target = ""
);
contract!(
    task_list,
    "task-list",
    json!({"items": [{"title": {"text": "T"}, "status": {"text": "S"}}]}),
    text_at = "/items/0/title/text",
    target = ""
);
contract!(
    notification_banner,
    "notification-banner",
    json!({"text": "N"}),
    text_at = "/text",
    target = ""
);
contract!(
    breadcrumbs,
    "breadcrumbs",
    json!({"items": [{"text": "Home", "href": "/"}]}),
    text_at = "/items/0/text",
    target = ""
);
contract!(
    pagination,
    "pagination",
    json!({"previous": {"href": "/p", "text": "Prev"}}),
    text_at = "/previous/text",
    target = ""
);
contract!(
    service_navigation,
    "service-navigation",
    json!({"serviceName": "S"}),
    text_at = "/serviceName",
    target = ""
);
contract!(
    generic_header,
    "generic-header",
    json!({"logoText": "L"}),
    text_at = "/logoText",
    target = ""
);
contract!(
    header,
    "header",
    json!({"productName": "P"}),
    text_at = "/productName",
    target = ""
);
contract!(
    footer,
    "footer",
    json!({"meta": {"text": "M"}}),
    text_at = "/meta/text",
    target = ""
);
contract!(
    language_navigation,
    "language-navigation",
    json!({"items": [{"text": "English", "lang": "en", "current": true}]}),
    text_at = "/items/0/text",
    target = ""
);
contract!(
    tabs,
    "tabs",
    json!({"items": [{"label": "L", "id": "t", "panel": {"text": "P"}}]}),
    text_at = "/items/0/label",
    target = ""
);
contract!(
    accordion,
    "accordion",
    json!({"id": "a", "items": [{"heading": {"text": "H"}, "content": {"text": "C"}}]}),
    text_at = "/items/0/heading/text",
    target = ""
);
contract!(
    feedback,
    "feedback",
    json!({"titleText": "T", "text": "B"}),
    text_at = "/text",
    target = ""
);
contract!(
    cookie_banner,
    "cookie-banner",
    json!({"messages": [{"text": "M"}]}),
    text_at = "/messages/0/text",
    target = ""
);
contract!(
    exit_this_page,
    "exit-this-page",
    json!({"text": "Exit"}),
    text_at = "/text",
    target = ""
);
contract!(
    radios,
    "radios",
    json!({"name": "n", "items": [{"value": "v", "text": "T"}]}),
    text_at = "/items/0/text",
    target = ".govuk-radios"
);
contract!(
    checkboxes,
    "checkboxes",
    json!({"name": "n", "items": [{"value": "v", "text": "T"}]}),
    text_at = "/items/0/text",
    target = ".govuk-checkboxes"
);
contract!(
    date_input,
    "date-input",
    json!({"id": "d", "fieldset": {"legend": {"text": "L"}}}),
    text_at = "/fieldset/legend/text",
    target = ".govuk-date-input"
);
contract!(
    password_input,
    "password-input",
    json!({"name": "n", "label": {"text": "L"}}),
    text_at = "/label/text",
    target = "input"
);
