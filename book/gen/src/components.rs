//! One example per component: the Rust that builds it and the upstream Nunjucks option object
//! that renders the same HTML. Component pages include both by anchor, and the generator writes
//! the HTML they render; `tests/examples.rs` checks the two render identically.
//!
//! Each example sits between `ANCHOR: name` and `ANCHOR_END: name` (the Rust) and
//! `ANCHOR: name-options` / `ANCHOR_END: name-options` (the option object).

use civic_components::*;
use maud::{Markup, Render, html};
use serde_json::{Value, json};

/// One component's example.
pub struct Example {
    /// The upstream folder name, as in [`civic_components::COMPONENTS`].
    pub name: &'static str,
    /// What the Rust builds.
    pub rust: Markup,
    /// The Nunjucks option object upstream's macro takes for the same component.
    pub options: Value,
}

fn example(name: &'static str, rust: impl Render, options: Value) -> Example {
    Example {
        name,
        rust: rust.render(),
        options,
    }
}

/// Every component's example, in [`civic_components::COMPONENTS`] order.
pub fn examples() -> Vec<Example> {
    vec![
        example("accordion", accordion(), accordion_options()),
        example("back-link", back_link(), back_link_options()),
        example("breadcrumbs", breadcrumbs(), breadcrumbs_options()),
        example("button", button(), button_options()),
        example(
            "character-count",
            character_count(),
            character_count_options(),
        ),
        example("checkboxes", checkboxes(), checkboxes_options()),
        example("cookie-banner", cookie_banner(), cookie_banner_options()),
        example("date-input", date_input(), date_input_options()),
        example("details", details(), details_options()),
        example("error-message", error_message(), error_message_options()),
        example("error-summary", error_summary(), error_summary_options()),
        example("exit-this-page", exit_this_page(), exit_this_page_options()),
        example("feedback", feedback(), feedback_options()),
        example("fieldset", fieldset(), fieldset_options()),
        example("file-upload", file_upload(), file_upload_options()),
        example("footer", footer(), footer_options()),
        example("generic-header", generic_header(), generic_header_options()),
        example("header", header(), header_options()),
        example("hint", hint(), hint_options()),
        example("input", input(), input_options()),
        example("inset-text", inset_text(), inset_text_options()),
        example("label", label(), label_options()),
        example(
            "language-navigation",
            language_navigation(),
            language_navigation_options(),
        ),
        example(
            "notification-banner",
            notification_banner(),
            notification_banner_options(),
        ),
        example("pagination", pagination(), pagination_options()),
        example("panel", panel(), panel_options()),
        example("password-input", password_input(), password_input_options()),
        example("phase-banner", phase_banner(), phase_banner_options()),
        example("radios", radios(), radios_options()),
        example("select", select(), select_options()),
        example(
            "service-navigation",
            service_navigation(),
            service_navigation_options(),
        ),
        example("skip-link", skip_link(), skip_link_options()),
        example("summary-list", summary_list(), summary_list_options()),
        example("table", table(), table_options()),
        example("tabs", tabs(), tabs_options()),
        example("tag", tag(), tag_options()),
        example("task-list", task_list(), task_list_options()),
        example("textarea", textarea(), textarea_options()),
        example("warning-text", warning_text(), warning_text_options()),
    ]
}

/// The accordion.
// ANCHOR: accordion
pub fn accordion() -> Accordion {
    Accordion::new("bin-collections")
        .section(
            "Household rubbish",
            "<p class=\"govuk-body\">Collected every other Tuesday.</p>",
        )
        .section(
            "Garden waste",
            "<p class=\"govuk-body\">Collected every other Friday, March to November.</p>",
        )
}
// ANCHOR_END: accordion

/// The accordion's options.
// ANCHOR: accordion-options
pub fn accordion_options() -> Value {
    json!({
      "id": "bin-collections",
      "items": [
        {
          "heading": { "text": "Household rubbish" },
          "content": { "html": "<p class=\"govuk-body\">Collected every other Tuesday.</p>" }
        },
        {
          "heading": { "text": "Garden waste" },
          "content": { "html": "<p class=\"govuk-body\">Collected every other Friday, March to November.</p>" }
        }
      ]
    })
}
// ANCHOR_END: accordion-options

/// The back link.
// ANCHOR: back-link
pub fn back_link() -> BackLink {
    BackLink::new().href("/report-a-pothole/location")
}
// ANCHOR_END: back-link

/// The back link's options.
// ANCHOR: back-link-options
pub fn back_link_options() -> Value {
    json!({ "href": "/report-a-pothole/location" })
}
// ANCHOR_END: back-link-options

/// Breadcrumbs.
// ANCHOR: breadcrumbs
pub fn breadcrumbs() -> Breadcrumbs {
    Breadcrumbs::new()
        .link("Home", "/")
        .link("Bins and recycling", "/bins")
        .current("Order a new bin")
}
// ANCHOR_END: breadcrumbs

/// The breadcrumbs' options.
// ANCHOR: breadcrumbs-options
pub fn breadcrumbs_options() -> Value {
    json!({
      "items": [
        { "text": "Home", "href": "/" },
        { "text": "Bins and recycling", "href": "/bins" },
        { "text": "Order a new bin" }
      ]
    })
}
// ANCHOR_END: breadcrumbs-options

/// The button.
// ANCHOR: button
pub fn button() -> Button {
    Button::text("Save and continue").prevent_double_click(true)
}
// ANCHOR_END: button

/// The button's options.
// ANCHOR: button-options
pub fn button_options() -> Value {
    json!({ "text": "Save and continue", "preventDoubleClick": true })
}
// ANCHOR_END: button-options

/// The character count.
// ANCHOR: character-count
pub fn character_count() -> CharacterCount {
    CharacterCount::new("details")
        .label(Label::text("Describe the problem").classes("govuk-label--m"))
        .hint(Hint::text("Do not include personal information"))
        .maxlength(500)
}
// ANCHOR_END: character-count

/// The character count's options.
// ANCHOR: character-count-options
pub fn character_count_options() -> Value {
    json!({
      "name": "details",
      "label": { "text": "Describe the problem", "classes": "govuk-label--m" },
      "hint": { "text": "Do not include personal information" },
      "maxlength": 500
    })
}
// ANCHOR_END: character-count-options

/// Checkboxes.
// ANCHOR: checkboxes
pub fn checkboxes() -> Checkboxes {
    Checkboxes::new("containers")
        .fieldset(
            Fieldset::new().legend(
                Legend::text("Which bins do you need?").classes("govuk-fieldset__legend--l"),
            ),
        )
        .hint(Hint::text("Select all that apply"))
        .item(CheckboxItem::new("rubbish", "Rubbish bin"))
        .item(CheckboxItem::new("recycling", "Recycling box"))
        .item(CheckboxItem::new("food", "Food waste caddy"))
}
// ANCHOR_END: checkboxes

/// The checkboxes' options.
// ANCHOR: checkboxes-options
pub fn checkboxes_options() -> Value {
    json!({
      "name": "containers",
      "fieldset": {
        "legend": { "text": "Which bins do you need?", "classes": "govuk-fieldset__legend--l" }
      },
      "hint": { "text": "Select all that apply" },
      "items": [
        { "value": "rubbish", "text": "Rubbish bin" },
        { "value": "recycling", "text": "Recycling box" },
        { "value": "food", "text": "Food waste caddy" }
      ]
    })
}
// ANCHOR_END: checkboxes-options

/// The cookie banner.
// ANCHOR: cookie-banner
pub fn cookie_banner() -> CookieBanner {
    CookieBanner::new([CookieBannerMessage::new(
        "Cookies on Kestrel Vale Borough Council",
        "We use some essential cookies to make this service work.",
    )
    .button("Accept analytics cookies", "cookies", "accept")
    .button("Reject analytics cookies", "cookies", "reject")
    .link("View cookies", "/cookies")])
}
// ANCHOR_END: cookie-banner

/// The cookie banner's options.
// ANCHOR: cookie-banner-options
pub fn cookie_banner_options() -> Value {
    json!({
      "messages": [{
        "headingText": "Cookies on Kestrel Vale Borough Council",
        "text": "We use some essential cookies to make this service work.",
        "actions": [
          { "text": "Accept analytics cookies", "type": "submit", "name": "cookies", "value": "accept" },
          { "text": "Reject analytics cookies", "type": "submit", "name": "cookies", "value": "reject" },
          { "text": "View cookies", "href": "/cookies" }
        ]
      }]
    })
}
// ANCHOR_END: cookie-banner-options

/// The date input.
// ANCHOR: date-input
pub fn date_input() -> DateInput {
    DateInput::new("collection-date")
        .fieldset(
            Fieldset::new().legend(
                Legend::text("When should we collect your bulky waste?")
                    .classes("govuk-fieldset__legend--l")
                    .page_heading(true),
            ),
        )
        .hint(Hint::text("For example, 27 3 2027"))
}
// ANCHOR_END: date-input

/// The date input's options.
// ANCHOR: date-input-options
pub fn date_input_options() -> Value {
    json!({
      "id": "collection-date",
      "fieldset": {
        "legend": {
          "text": "When should we collect your bulky waste?",
          "classes": "govuk-fieldset__legend--l",
          "isPageHeading": true
        }
      },
      "hint": { "text": "For example, 27 3 2027" }
    })
}
// ANCHOR_END: date-input-options

/// Details.
// ANCHOR: details
pub fn details() -> Details {
    Details::summary_text("Help with the postcode")
        .text("Your postcode is on letters we have sent you, such as your council tax bill.")
}
// ANCHOR_END: details

/// The details' options.
// ANCHOR: details-options
pub fn details_options() -> Value {
    json!({
      "summaryText": "Help with the postcode",
      "text": "Your postcode is on letters we have sent you, such as your council tax bill."
    })
}
// ANCHOR_END: details-options

/// The error message.
// ANCHOR: error-message
pub fn error_message() -> ErrorMessage {
    ErrorMessage::text("Enter a full UK postcode")
}
// ANCHOR_END: error-message

/// The error message's options.
// ANCHOR: error-message-options
pub fn error_message_options() -> Value {
    json!({ "text": "Enter a full UK postcode" })
}
// ANCHOR_END: error-message-options

/// The error summary.
// ANCHOR: error-summary
pub fn error_summary() -> ErrorSummary {
    ErrorSummary::new("There is a problem")
        .error("Enter a full UK postcode", "#postcode")
        .error(
            "The date of collection must be in the future",
            "#collection-date-day",
        )
}
// ANCHOR_END: error-summary

/// The error summary's options.
// ANCHOR: error-summary-options
pub fn error_summary_options() -> Value {
    json!({
      "titleText": "There is a problem",
      "errorList": [
        { "text": "Enter a full UK postcode", "href": "#postcode" },
        { "text": "The date of collection must be in the future", "href": "#collection-date-day" }
      ]
    })
}
// ANCHOR_END: error-summary-options

/// Exit this page.
// ANCHOR: exit-this-page
pub fn exit_this_page() -> ExitThisPage {
    ExitThisPage::new().redirect_url("https://www.bbc.co.uk/weather")
}
// ANCHOR_END: exit-this-page

/// Exit this page's options.
// ANCHOR: exit-this-page-options
pub fn exit_this_page_options() -> Value {
    json!({ "redirectUrl": "https://www.bbc.co.uk/weather" })
}
// ANCHOR_END: exit-this-page-options

/// Feedback.
// ANCHOR: feedback
pub fn feedback() -> Feedback {
    Feedback::new("Help us improve this service").html(
        "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/feedback\">Tell us what you think</a></p>",
    )
}
// ANCHOR_END: feedback

/// Feedback's options.
// ANCHOR: feedback-options
pub fn feedback_options() -> Value {
    json!({
      "titleText": "Help us improve this service",
      "html": "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/feedback\">Tell us what you think</a></p>"
    })
}
// ANCHOR_END: feedback-options

/// The fieldset.
// ANCHOR: fieldset
pub fn fieldset() -> Fieldset {
    Fieldset::new()
        .legend(
            Legend::text("What is your address?")
                .classes("govuk-fieldset__legend--l")
                .page_heading(true),
        )
        .caller(html! {
            p class="govuk-body" { "The questions for each line of the address go here." }
        })
}
// ANCHOR_END: fieldset

/// The fieldset's options (Nunjucks passes the contents with `{% call %}`; here, as `html`).
// ANCHOR: fieldset-options
pub fn fieldset_options() -> Value {
    json!({
      "legend": {
        "text": "What is your address?",
        "classes": "govuk-fieldset__legend--l",
        "isPageHeading": true
      },
      "html": "<p class=\"govuk-body\">The questions for each line of the address go here.</p>"
    })
}
// ANCHOR_END: fieldset-options

/// The file upload.
// ANCHOR: file-upload
pub fn file_upload() -> FileUpload {
    FileUpload::new("photo")
        .label(Label::text("Upload a photo of the fly-tipping"))
        .hint(Hint::text("JPG or PNG, up to 10MB"))
}
// ANCHOR_END: file-upload

/// The file upload's options.
// ANCHOR: file-upload-options
pub fn file_upload_options() -> Value {
    json!({
      "name": "photo",
      "label": { "text": "Upload a photo of the fly-tipping" },
      "hint": { "text": "JPG or PNG, up to 10MB" }
    })
}
// ANCHOR_END: file-upload-options

/// The footer, as a council uses it: no crown.
// ANCHOR: footer
pub fn footer() -> Footer {
    Footer::new()
        .without_crown()
        .meta_link("Accessibility statement", "/accessibility")
        .meta_link("Cookies", "/cookies")
        .content_licence(None)
        .copyright("© Kestrel Vale Borough Council")
}
// ANCHOR_END: footer

/// The footer's options (`hideCrown` is civic's own option, not upstream's).
// ANCHOR: footer-options
pub fn footer_options() -> Value {
    json!({
      "hideCrown": true,
      "meta": {
        "items": [
          { "text": "Accessibility statement", "href": "/accessibility" },
          { "text": "Cookies", "href": "/cookies" }
        ]
      },
      "contentLicence": null,
      "copyright": { "text": "© Kestrel Vale Borough Council" }
    })
}
// ANCHOR_END: footer-options

/// The generic header, the one a council uses.
// ANCHOR: generic-header
pub fn generic_header() -> GenericHeader {
    GenericHeader::new("Kestrel Vale Borough Council").url("https://kestrel-vale.example")
}
// ANCHOR_END: generic-header

/// The generic header's options.
// ANCHOR: generic-header-options
pub fn generic_header_options() -> Value {
    json!({ "logoText": "Kestrel Vale Borough Council", "url": "https://kestrel-vale.example" })
}
// ANCHOR_END: generic-header-options

/// The GOV.UK header (only for GOV.UK services).
// ANCHOR: header
pub fn header() -> Header {
    Header::default()
}
// ANCHOR_END: header

/// The GOV.UK header's options.
// ANCHOR: header-options
pub fn header_options() -> Value {
    json!({})
}
// ANCHOR_END: header-options

/// The hint.
// ANCHOR: hint
pub fn hint() -> Hint {
    Hint::text("For example, 27 3 2007").id("dob-hint")
}
// ANCHOR_END: hint

/// The hint's options.
// ANCHOR: hint-options
pub fn hint_options() -> Value {
    json!({ "text": "For example, 27 3 2007", "id": "dob-hint" })
}
// ANCHOR_END: hint-options

/// The text input.
// ANCHOR: input
pub fn input() -> Input {
    Input::new("postcode")
        .label(
            Label::text("What is your postcode?")
                .classes("govuk-label--l")
                .page_heading(true),
        )
        .hint(Hint::text("For example, KV1 2AB"))
        .autocomplete("postal-code")
        .classes("govuk-input--width-10")
}
// ANCHOR_END: input

/// The text input's options.
// ANCHOR: input-options
pub fn input_options() -> Value {
    json!({
      "name": "postcode",
      "label": { "text": "What is your postcode?", "classes": "govuk-label--l", "isPageHeading": true },
      "hint": { "text": "For example, KV1 2AB" },
      "autocomplete": "postal-code",
      "classes": "govuk-input--width-10"
    })
}
// ANCHOR_END: input-options

/// Inset text.
// ANCHOR: inset-text
pub fn inset_text() -> InsetText {
    InsetText::text("It can take up to 10 working days to deliver a new bin.")
}
// ANCHOR_END: inset-text

/// Inset text's options.
// ANCHOR: inset-text-options
pub fn inset_text_options() -> Value {
    json!({ "text": "It can take up to 10 working days to deliver a new bin." })
}
// ANCHOR_END: inset-text-options

/// The label.
// ANCHOR: label
pub fn label() -> Label {
    Label::text("Email address").for_id("email")
}
// ANCHOR_END: label

/// The label's options.
// ANCHOR: label-options
pub fn label_options() -> Value {
    json!({ "text": "Email address", "for": "email" })
}
// ANCHOR_END: label-options

/// The language navigation, English and Welsh.
// ANCHOR: language-navigation
pub fn language_navigation() -> LanguageNavigation {
    LanguageNavigation::new()
        .current("English", "en")
        .link("Cymraeg", "cy", "?lang=cy")
}
// ANCHOR_END: language-navigation

/// The language navigation's options.
// ANCHOR: language-navigation-options
pub fn language_navigation_options() -> Value {
    json!({
      "items": [
        { "text": "English", "lang": "en", "current": true },
        { "text": "Cymraeg", "lang": "cy", "href": "?lang=cy" }
      ]
    })
}
// ANCHOR_END: language-navigation-options

/// The notification banner.
// ANCHOR: notification-banner
pub fn notification_banner() -> NotificationBanner {
    NotificationBanner::new(
        "Bin collections are a day later than usual in the week after a bank holiday.",
    )
}
// ANCHOR_END: notification-banner

/// The notification banner's options.
// ANCHOR: notification-banner-options
pub fn notification_banner_options() -> Value {
    json!({
      "text": "Bin collections are a day later than usual in the week after a bank holiday."
    })
}
// ANCHOR_END: notification-banner-options

/// Pagination.
// ANCHOR: pagination
pub fn pagination() -> Pagination {
    Pagination::new()
        .previous("?page=1")
        .page(1, "?page=1", false)
        .page(2, "?page=2", true)
        .page(3, "?page=3", false)
        .next("?page=3")
}
// ANCHOR_END: pagination

/// Pagination's options.
// ANCHOR: pagination-options
pub fn pagination_options() -> Value {
    json!({
      "previous": { "href": "?page=1" },
      "next": { "href": "?page=3" },
      "items": [
        { "number": 1, "href": "?page=1" },
        { "number": 2, "href": "?page=2", "current": true },
        { "number": 3, "href": "?page=3" }
      ]
    })
}
// ANCHOR_END: pagination-options

/// The panel on a confirmation page.
// ANCHOR: panel
pub fn panel() -> Panel {
    Panel::title_text("Collection booked")
        .html(html! { "Your reference number" br; strong { "KV7-4XQ-92M" } })
}
// ANCHOR_END: panel

/// The panel's options.
// ANCHOR: panel-options
pub fn panel_options() -> Value {
    json!({
      "titleText": "Collection booked",
      "html": "Your reference number<br><strong>KV7-4XQ-92M</strong>"
    })
}
// ANCHOR_END: panel-options

/// The password input.
// ANCHOR: password-input
pub fn password_input() -> PasswordInput {
    PasswordInput::new("password")
        .label(Label::text("Password"))
        .autocomplete("current-password")
}
// ANCHOR_END: password-input

/// The password input's options.
// ANCHOR: password-input-options
pub fn password_input_options() -> Value {
    json!({
      "name": "password",
      "label": { "text": "Password" },
      "autocomplete": "current-password"
    })
}
// ANCHOR_END: password-input-options

/// The phase banner.
// ANCHOR: phase-banner
pub fn phase_banner() -> PhaseBanner {
    PhaseBanner::html(html! {
        "This is a new service. Help us improve it and "
        a class="govuk-link" href="/feedback" { "give your feedback" } "."
    })
    .tag(PhaseTag::text("Beta"))
}
// ANCHOR_END: phase-banner

/// The phase banner's options.
// ANCHOR: phase-banner-options
pub fn phase_banner_options() -> Value {
    json!({
      "tag": { "text": "Beta" },
      "html": "This is a new service. Help us improve it and <a class=\"govuk-link\" href=\"/feedback\">give your feedback</a>."
    })
}
// ANCHOR_END: phase-banner-options

/// Radios.
// ANCHOR: radios
pub fn radios() -> Radios {
    Radios::new("bin-size")
        .fieldset(
            Fieldset::new().legend(
                Legend::text("What size of bin do you need?")
                    .classes("govuk-fieldset__legend--l")
                    .page_heading(true),
            ),
        )
        .item(RadioItem::new("140", "140 litres").hint(Hint::text("For 1 or 2 people")))
        .item(RadioItem::new("240", "240 litres").hint(Hint::text("For 3 to 5 people")))
}
// ANCHOR_END: radios

/// The radios' options.
// ANCHOR: radios-options
pub fn radios_options() -> Value {
    json!({
      "name": "bin-size",
      "fieldset": {
        "legend": {
          "text": "What size of bin do you need?",
          "classes": "govuk-fieldset__legend--l",
          "isPageHeading": true
        }
      },
      "items": [
        { "value": "140", "text": "140 litres", "hint": { "text": "For 1 or 2 people" } },
        { "value": "240", "text": "240 litres", "hint": { "text": "For 3 to 5 people" } }
      ]
    })
}
// ANCHOR_END: radios-options

/// The select.
// ANCHOR: select
pub fn select() -> Select {
    Select::new("ward")
        .label(Label::text("Ward"))
        .item(SelectItem::new("", "Choose a ward"))
        .item(SelectItem::new("north", "Kestrel North"))
        .item(SelectItem::new("south", "Kestrel South"))
}
// ANCHOR_END: select

/// The select's options.
// ANCHOR: select-options
pub fn select_options() -> Value {
    json!({
      "name": "ward",
      "label": { "text": "Ward" },
      "items": [
        { "value": "", "text": "Choose a ward" },
        { "value": "north", "text": "Kestrel North" },
        { "value": "south", "text": "Kestrel South" }
      ]
    })
}
// ANCHOR_END: select-options

/// The service navigation.
// ANCHOR: service-navigation
pub fn service_navigation() -> ServiceNavigation {
    ServiceNavigation::new()
        .service_name(
            "Book a bulky waste collection",
            Some("/bulky-waste".to_owned()),
        )
        .link("Your bookings", "/bulky-waste/bookings", true)
        .link("Prices", "/bulky-waste/prices", false)
}
// ANCHOR_END: service-navigation

/// The service navigation's options.
// ANCHOR: service-navigation-options
pub fn service_navigation_options() -> Value {
    json!({
      "serviceName": "Book a bulky waste collection",
      "serviceUrl": "/bulky-waste",
      "navigation": [
        { "text": "Your bookings", "href": "/bulky-waste/bookings", "current": true },
        { "text": "Prices", "href": "/bulky-waste/prices" }
      ]
    })
}
// ANCHOR_END: service-navigation-options

/// The skip link.
// ANCHOR: skip-link
pub fn skip_link() -> SkipLink {
    SkipLink::text("Skip to main content").href("#main-content")
}
// ANCHOR_END: skip-link

/// The skip link's options.
// ANCHOR: skip-link-options
pub fn skip_link_options() -> Value {
    json!({ "text": "Skip to main content", "href": "#main-content" })
}
// ANCHOR_END: skip-link-options

/// The summary list, as on "check your answers".
// ANCHOR: summary-list
pub fn summary_list() -> SummaryList {
    SummaryList::new()
        .row(SummaryListRow::new("Postcode", "KV1 2AB").action(
            "/bulky-waste/postcode",
            "Change",
            "postcode",
        ))
        .row(
            SummaryListRow::new("Collection date", "27 March 2027").action(
                "/bulky-waste/date",
                "Change",
                "collection date",
            ),
        )
}
// ANCHOR_END: summary-list

/// The summary list's options.
// ANCHOR: summary-list-options
pub fn summary_list_options() -> Value {
    json!({
      "rows": [
        {
          "key": { "text": "Postcode" },
          "value": { "text": "KV1 2AB" },
          "actions": { "items": [
            { "href": "/bulky-waste/postcode", "text": "Change", "visuallyHiddenText": "postcode" }
          ] }
        },
        {
          "key": { "text": "Collection date" },
          "value": { "text": "27 March 2027" },
          "actions": { "items": [
            { "href": "/bulky-waste/date", "text": "Change", "visuallyHiddenText": "collection date" }
          ] }
        }
      ]
    })
}
// ANCHOR_END: summary-list-options

/// The table.
// ANCHOR: table
pub fn table() -> Table {
    Table::new()
        .caption("Bulky waste prices")
        .head([TableCell::text("Items"), TableCell::text("Price").numeric()])
        .row([
            TableCell::text("Up to 3"),
            TableCell::text("£25.00").numeric(),
        ])
        .row([
            TableCell::text("4 to 6"),
            TableCell::text("£40.00").numeric(),
        ])
}
// ANCHOR_END: table

/// The table's options.
// ANCHOR: table-options
pub fn table_options() -> Value {
    json!({
      "caption": "Bulky waste prices",
      "head": [ { "text": "Items" }, { "text": "Price", "format": "numeric" } ],
      "rows": [
        [ { "text": "Up to 3" }, { "text": "£25.00", "format": "numeric" } ],
        [ { "text": "4 to 6" }, { "text": "£40.00", "format": "numeric" } ]
      ]
    })
}
// ANCHOR_END: table-options

/// Tabs.
// ANCHOR: tabs
pub fn tabs() -> Tabs {
    Tabs::new()
        .tab(
            "This week",
            "this-week",
            "<p class=\"govuk-body\">Rubbish and food waste.</p>",
        )
        .tab(
            "Next week",
            "next-week",
            "<p class=\"govuk-body\">Recycling and food waste.</p>",
        )
}
// ANCHOR_END: tabs

/// The tabs' options.
// ANCHOR: tabs-options
pub fn tabs_options() -> Value {
    json!({
      "items": [
        { "label": "This week", "id": "this-week",
          "panel": { "html": "<p class=\"govuk-body\">Rubbish and food waste.</p>" } },
        { "label": "Next week", "id": "next-week",
          "panel": { "html": "<p class=\"govuk-body\">Recycling and food waste.</p>" } }
      ]
    })
}
// ANCHOR_END: tabs-options

/// The tag.
// ANCHOR: tag
pub fn tag() -> Tag {
    Tag::text("Paid").classes("govuk-tag--green")
}
// ANCHOR_END: tag

/// The tag's options.
// ANCHOR: tag-options
pub fn tag_options() -> Value {
    json!({ "text": "Paid", "classes": "govuk-tag--green" })
}
// ANCHOR_END: tag-options

/// The task list.
// ANCHOR: task-list
pub fn task_list() -> TaskList {
    TaskList::new()
        .item(TaskListItem::new("Your details", "Completed").href("/licence/details"))
        .item(
            TaskListItem::new("Premises", "")
                .href("/licence/premises")
                .status_tag(Tag::text("Incomplete").classes("govuk-tag--blue")),
        )
}
// ANCHOR_END: task-list

/// The task list's options.
// ANCHOR: task-list-options
pub fn task_list_options() -> Value {
    json!({
      "items": [
        { "title": { "text": "Your details" }, "href": "/licence/details",
          "status": { "text": "Completed" } },
        { "title": { "text": "Premises" }, "href": "/licence/premises",
          "status": { "tag": { "text": "Incomplete", "classes": "govuk-tag--blue" } } }
      ]
    })
}
// ANCHOR_END: task-list-options

/// The textarea.
// ANCHOR: textarea
pub fn textarea() -> Textarea {
    Textarea::new("location")
        .label(Label::text("Where is the pothole?").classes("govuk-label--m"))
        .hint(Hint::text("For example, outside 14 Mill Lane"))
        .rows(3)
}
// ANCHOR_END: textarea

/// The textarea's options.
// ANCHOR: textarea-options
pub fn textarea_options() -> Value {
    json!({
      "name": "location",
      "label": { "text": "Where is the pothole?", "classes": "govuk-label--m" },
      "hint": { "text": "For example, outside 14 Mill Lane" },
      "rows": 3
    })
}
// ANCHOR_END: textarea-options

/// Warning text.
// ANCHOR: warning-text
pub fn warning_text() -> WarningText {
    WarningText::text("You can be fined up to £400 if you leave waste on the street.")
}
// ANCHOR_END: warning-text

/// Warning text's options.
// ANCHOR: warning-text-options
pub fn warning_text_options() -> Value {
    json!({ "text": "You can be fined up to £400 if you leave waste on the street." })
}
// ANCHOR_END: warning-text-options
