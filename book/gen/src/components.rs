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
pub fn accordion() -> Accordion {
    // ANCHOR: accordion
    Accordion::new("bin-collections")
        .section(
            "Household rubbish",
            "<p class=\"govuk-body\">Collected every other Tuesday.</p>",
        )
        .section(
            "Garden waste",
            "<p class=\"govuk-body\">Collected every other Friday, March to November.</p>",
        )
    // ANCHOR_END: accordion
}

/// The accordion's options.
pub fn accordion_options() -> Value {
    // ANCHOR: accordion-options
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
    // ANCHOR_END: accordion-options
}

/// The back link.
pub fn back_link() -> BackLink {
    // ANCHOR: back-link
    BackLink::new().href("/report-a-pothole/location")
    // ANCHOR_END: back-link
}

/// The back link's options.
pub fn back_link_options() -> Value {
    // ANCHOR: back-link-options
    json!({ "href": "/report-a-pothole/location" })
    // ANCHOR_END: back-link-options
}

/// Breadcrumbs.
pub fn breadcrumbs() -> Breadcrumbs {
    // ANCHOR: breadcrumbs
    Breadcrumbs::new()
        .link("Home", "/")
        .link("Bins and recycling", "/bins")
        .current("Order a new bin")
    // ANCHOR_END: breadcrumbs
}

/// The breadcrumbs' options.
pub fn breadcrumbs_options() -> Value {
    // ANCHOR: breadcrumbs-options
    json!({
      "items": [
        { "text": "Home", "href": "/" },
        { "text": "Bins and recycling", "href": "/bins" },
        { "text": "Order a new bin" }
      ]
    })
    // ANCHOR_END: breadcrumbs-options
}

/// The button.
pub fn button() -> Button {
    // ANCHOR: button
    Button::text("Save and continue").prevent_double_click(true)
    // ANCHOR_END: button
}

/// The button's options.
pub fn button_options() -> Value {
    // ANCHOR: button-options
    json!({ "text": "Save and continue", "preventDoubleClick": true })
    // ANCHOR_END: button-options
}

/// The character count.
pub fn character_count() -> CharacterCount {
    // ANCHOR: character-count
    CharacterCount::new("details")
        .label(Label::text("Describe the problem").classes("govuk-label--m"))
        .hint(Hint::text("Do not include personal information"))
        .maxlength(500)
    // ANCHOR_END: character-count
}

/// The character count's options.
pub fn character_count_options() -> Value {
    // ANCHOR: character-count-options
    json!({
      "name": "details",
      "label": { "text": "Describe the problem", "classes": "govuk-label--m" },
      "hint": { "text": "Do not include personal information" },
      "maxlength": 500
    })
    // ANCHOR_END: character-count-options
}

/// Checkboxes.
pub fn checkboxes() -> Checkboxes {
    // ANCHOR: checkboxes
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
    // ANCHOR_END: checkboxes
}

/// The checkboxes' options.
pub fn checkboxes_options() -> Value {
    // ANCHOR: checkboxes-options
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
    // ANCHOR_END: checkboxes-options
}

/// The cookie banner.
pub fn cookie_banner() -> CookieBanner {
    // ANCHOR: cookie-banner
    CookieBanner::new([CookieBannerMessage::new(
        "Cookies on Kestrel Vale Borough Council",
        "We use some essential cookies to make this service work.",
    )
    .button("Accept analytics cookies", "cookies", "accept")
    .button("Reject analytics cookies", "cookies", "reject")
    .link("View cookies", "/cookies")])
    // ANCHOR_END: cookie-banner
}

/// The cookie banner's options.
pub fn cookie_banner_options() -> Value {
    // ANCHOR: cookie-banner-options
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
    // ANCHOR_END: cookie-banner-options
}

/// The date input.
pub fn date_input() -> DateInput {
    // ANCHOR: date-input
    DateInput::new("collection-date")
        .fieldset(
            Fieldset::new().legend(
                Legend::text("When should we collect your bulky waste?")
                    .classes("govuk-fieldset__legend--l")
                    .page_heading(true),
            ),
        )
        .hint(Hint::text("For example, 27 3 2027"))
    // ANCHOR_END: date-input
}

/// The date input's options.
pub fn date_input_options() -> Value {
    // ANCHOR: date-input-options
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
    // ANCHOR_END: date-input-options
}

/// Details.
pub fn details() -> Details {
    // ANCHOR: details
    Details::summary_text("Help with the postcode")
        .text("Your postcode is on letters we have sent you, such as your council tax bill.")
    // ANCHOR_END: details
}

/// The details' options.
pub fn details_options() -> Value {
    // ANCHOR: details-options
    json!({
      "summaryText": "Help with the postcode",
      "text": "Your postcode is on letters we have sent you, such as your council tax bill."
    })
    // ANCHOR_END: details-options
}

/// The error message.
pub fn error_message() -> ErrorMessage {
    // ANCHOR: error-message
    ErrorMessage::text("Enter a full UK postcode")
    // ANCHOR_END: error-message
}

/// The error message's options.
pub fn error_message_options() -> Value {
    // ANCHOR: error-message-options
    json!({ "text": "Enter a full UK postcode" })
    // ANCHOR_END: error-message-options
}

/// The error summary.
pub fn error_summary() -> ErrorSummary {
    // ANCHOR: error-summary
    ErrorSummary::new("There is a problem")
        .error("Enter a full UK postcode", "#postcode")
        .error(
            "The date of collection must be in the future",
            "#collection-date-day",
        )
    // ANCHOR_END: error-summary
}

/// The error summary's options.
pub fn error_summary_options() -> Value {
    // ANCHOR: error-summary-options
    json!({
      "titleText": "There is a problem",
      "errorList": [
        { "text": "Enter a full UK postcode", "href": "#postcode" },
        { "text": "The date of collection must be in the future", "href": "#collection-date-day" }
      ]
    })
    // ANCHOR_END: error-summary-options
}

/// Exit this page.
pub fn exit_this_page() -> ExitThisPage {
    // ANCHOR: exit-this-page
    ExitThisPage::new().redirect_url("https://www.bbc.co.uk/weather")
    // ANCHOR_END: exit-this-page
}

/// Exit this page's options.
pub fn exit_this_page_options() -> Value {
    // ANCHOR: exit-this-page-options
    json!({ "redirectUrl": "https://www.bbc.co.uk/weather" })
    // ANCHOR_END: exit-this-page-options
}

/// Feedback.
pub fn feedback() -> Feedback {
    // ANCHOR: feedback
    Feedback::new("Help us improve this service").html(
        "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/feedback\">Tell us what you think</a></p>",
    )
    // ANCHOR_END: feedback
}

/// Feedback's options.
pub fn feedback_options() -> Value {
    // ANCHOR: feedback-options
    json!({
      "titleText": "Help us improve this service",
      "html": "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/feedback\">Tell us what you think</a></p>"
    })
    // ANCHOR_END: feedback-options
}

/// The fieldset.
pub fn fieldset() -> Fieldset {
    // ANCHOR: fieldset
    Fieldset::new()
        .legend(
            Legend::text("What is your address?")
                .classes("govuk-fieldset__legend--l")
                .page_heading(true),
        )
        .caller(html! {
            p class="govuk-body" { "The questions for each line of the address go here." }
        })
    // ANCHOR_END: fieldset
}

/// The fieldset's options (Nunjucks passes the contents with `{% call %}`; here, as `html`).
pub fn fieldset_options() -> Value {
    // ANCHOR: fieldset-options
    json!({
      "legend": {
        "text": "What is your address?",
        "classes": "govuk-fieldset__legend--l",
        "isPageHeading": true
      },
      "html": "<p class=\"govuk-body\">The questions for each line of the address go here.</p>"
    })
    // ANCHOR_END: fieldset-options
}

/// The file upload.
pub fn file_upload() -> FileUpload {
    // ANCHOR: file-upload
    FileUpload::new("photo")
        .label(Label::text("Upload a photo of the fly-tipping"))
        .hint(Hint::text("JPG or PNG, up to 10MB"))
    // ANCHOR_END: file-upload
}

/// The file upload's options.
pub fn file_upload_options() -> Value {
    // ANCHOR: file-upload-options
    json!({
      "name": "photo",
      "label": { "text": "Upload a photo of the fly-tipping" },
      "hint": { "text": "JPG or PNG, up to 10MB" }
    })
    // ANCHOR_END: file-upload-options
}

/// The footer, as a council uses it: no crown.
pub fn footer() -> Footer {
    // ANCHOR: footer
    Footer::new()
        .without_crown()
        .meta_link("Accessibility statement", "/accessibility")
        .meta_link("Cookies", "/cookies")
        .content_licence(None)
        .copyright("© Kestrel Vale Borough Council")
    // ANCHOR_END: footer
}

/// The footer's options (`hideCrown` is civic's own option, not upstream's).
pub fn footer_options() -> Value {
    // ANCHOR: footer-options
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
    // ANCHOR_END: footer-options
}

/// The generic header, the one a council uses.
pub fn generic_header() -> GenericHeader {
    // ANCHOR: generic-header
    GenericHeader::new("Kestrel Vale Borough Council").url("https://kestrel-vale.example")
    // ANCHOR_END: generic-header
}

/// The generic header's options.
pub fn generic_header_options() -> Value {
    // ANCHOR: generic-header-options
    json!({ "logoText": "Kestrel Vale Borough Council", "url": "https://kestrel-vale.example" })
    // ANCHOR_END: generic-header-options
}

/// The GOV.UK header (only for GOV.UK services).
pub fn header() -> Header {
    // ANCHOR: header
    Header::default()
    // ANCHOR_END: header
}

/// The GOV.UK header's options.
pub fn header_options() -> Value {
    // ANCHOR: header-options
    json!({})
    // ANCHOR_END: header-options
}

/// The hint.
pub fn hint() -> Hint {
    // ANCHOR: hint
    Hint::text("For example, 27 3 2007").id("dob-hint")
    // ANCHOR_END: hint
}

/// The hint's options.
pub fn hint_options() -> Value {
    // ANCHOR: hint-options
    json!({ "text": "For example, 27 3 2007", "id": "dob-hint" })
    // ANCHOR_END: hint-options
}

/// The text input.
pub fn input() -> Input {
    // ANCHOR: input
    Input::new("postcode")
        .label(
            Label::text("What is your postcode?")
                .classes("govuk-label--l")
                .page_heading(true),
        )
        .hint(Hint::text("For example, KV1 2AB"))
        .autocomplete("postal-code")
        .classes("govuk-input--width-10")
    // ANCHOR_END: input
}

/// The text input's options.
pub fn input_options() -> Value {
    // ANCHOR: input-options
    json!({
      "name": "postcode",
      "label": { "text": "What is your postcode?", "classes": "govuk-label--l", "isPageHeading": true },
      "hint": { "text": "For example, KV1 2AB" },
      "autocomplete": "postal-code",
      "classes": "govuk-input--width-10"
    })
    // ANCHOR_END: input-options
}

/// Inset text.
pub fn inset_text() -> InsetText {
    // ANCHOR: inset-text
    InsetText::text("It can take up to 10 working days to deliver a new bin.")
    // ANCHOR_END: inset-text
}

/// Inset text's options.
pub fn inset_text_options() -> Value {
    // ANCHOR: inset-text-options
    json!({ "text": "It can take up to 10 working days to deliver a new bin." })
    // ANCHOR_END: inset-text-options
}

/// The label.
pub fn label() -> Label {
    // ANCHOR: label
    Label::text("Email address").for_id("email")
    // ANCHOR_END: label
}

/// The label's options.
pub fn label_options() -> Value {
    // ANCHOR: label-options
    json!({ "text": "Email address", "for": "email" })
    // ANCHOR_END: label-options
}

/// The language navigation, English and Welsh.
pub fn language_navigation() -> LanguageNavigation {
    // ANCHOR: language-navigation
    LanguageNavigation::new()
        .current("English", "en")
        .link("Cymraeg", "cy", "?lang=cy")
    // ANCHOR_END: language-navigation
}

/// The language navigation's options.
pub fn language_navigation_options() -> Value {
    // ANCHOR: language-navigation-options
    json!({
      "items": [
        { "text": "English", "lang": "en", "current": true },
        { "text": "Cymraeg", "lang": "cy", "href": "?lang=cy" }
      ]
    })
    // ANCHOR_END: language-navigation-options
}

/// The notification banner.
pub fn notification_banner() -> NotificationBanner {
    // ANCHOR: notification-banner
    NotificationBanner::new(
        "Bin collections are a day later than usual in the week after a bank holiday.",
    )
    // ANCHOR_END: notification-banner
}

/// The notification banner's options.
pub fn notification_banner_options() -> Value {
    // ANCHOR: notification-banner-options
    json!({
      "text": "Bin collections are a day later than usual in the week after a bank holiday."
    })
    // ANCHOR_END: notification-banner-options
}

/// Pagination.
pub fn pagination() -> Pagination {
    // ANCHOR: pagination
    Pagination::new()
        .previous("?page=1")
        .page(1, "?page=1", false)
        .page(2, "?page=2", true)
        .page(3, "?page=3", false)
        .next("?page=3")
    // ANCHOR_END: pagination
}

/// Pagination's options.
pub fn pagination_options() -> Value {
    // ANCHOR: pagination-options
    json!({
      "previous": { "href": "?page=1" },
      "next": { "href": "?page=3" },
      "items": [
        { "number": 1, "href": "?page=1" },
        { "number": 2, "href": "?page=2", "current": true },
        { "number": 3, "href": "?page=3" }
      ]
    })
    // ANCHOR_END: pagination-options
}

/// The panel on a confirmation page.
pub fn panel() -> Panel {
    // ANCHOR: panel
    Panel::title_text("Collection booked")
        .html(html! { "Your reference number" br; strong { "KV7-4XQ-92M" } })
    // ANCHOR_END: panel
}

/// The panel's options.
pub fn panel_options() -> Value {
    // ANCHOR: panel-options
    json!({
      "titleText": "Collection booked",
      "html": "Your reference number<br><strong>KV7-4XQ-92M</strong>"
    })
    // ANCHOR_END: panel-options
}

/// The password input.
pub fn password_input() -> PasswordInput {
    // ANCHOR: password-input
    PasswordInput::new("password")
        .label(Label::text("Password"))
        .autocomplete("current-password")
    // ANCHOR_END: password-input
}

/// The password input's options.
pub fn password_input_options() -> Value {
    // ANCHOR: password-input-options
    json!({
      "name": "password",
      "label": { "text": "Password" },
      "autocomplete": "current-password"
    })
    // ANCHOR_END: password-input-options
}

/// The phase banner.
pub fn phase_banner() -> PhaseBanner {
    // ANCHOR: phase-banner
    PhaseBanner::html(html! {
        "This is a new service. Help us improve it and "
        a class="govuk-link" href="/feedback" { "give your feedback" } "."
    })
    .tag(PhaseTag::text("Beta"))
    // ANCHOR_END: phase-banner
}

/// The phase banner's options.
pub fn phase_banner_options() -> Value {
    // ANCHOR: phase-banner-options
    json!({
      "tag": { "text": "Beta" },
      "html": "This is a new service. Help us improve it and <a class=\"govuk-link\" href=\"/feedback\">give your feedback</a>."
    })
    // ANCHOR_END: phase-banner-options
}

/// Radios.
pub fn radios() -> Radios {
    // ANCHOR: radios
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
    // ANCHOR_END: radios
}

/// The radios' options.
pub fn radios_options() -> Value {
    // ANCHOR: radios-options
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
    // ANCHOR_END: radios-options
}

/// The select.
pub fn select() -> Select {
    // ANCHOR: select
    Select::new("ward")
        .label(Label::text("Ward"))
        .item(SelectItem::new("", "Choose a ward"))
        .item(SelectItem::new("north", "Kestrel North"))
        .item(SelectItem::new("south", "Kestrel South"))
    // ANCHOR_END: select
}

/// The select's options.
pub fn select_options() -> Value {
    // ANCHOR: select-options
    json!({
      "name": "ward",
      "label": { "text": "Ward" },
      "items": [
        { "value": "", "text": "Choose a ward" },
        { "value": "north", "text": "Kestrel North" },
        { "value": "south", "text": "Kestrel South" }
      ]
    })
    // ANCHOR_END: select-options
}

/// The service navigation.
pub fn service_navigation() -> ServiceNavigation {
    // ANCHOR: service-navigation
    ServiceNavigation::new()
        .service_name(
            "Book a bulky waste collection",
            Some("/bulky-waste".to_owned()),
        )
        .link("Your bookings", "/bulky-waste/bookings", true)
        .link("Prices", "/bulky-waste/prices", false)
    // ANCHOR_END: service-navigation
}

/// The service navigation's options.
pub fn service_navigation_options() -> Value {
    // ANCHOR: service-navigation-options
    json!({
      "serviceName": "Book a bulky waste collection",
      "serviceUrl": "/bulky-waste",
      "navigation": [
        { "text": "Your bookings", "href": "/bulky-waste/bookings", "current": true },
        { "text": "Prices", "href": "/bulky-waste/prices" }
      ]
    })
    // ANCHOR_END: service-navigation-options
}

/// The skip link.
pub fn skip_link() -> SkipLink {
    // ANCHOR: skip-link
    SkipLink::text("Skip to main content").href("#main-content")
    // ANCHOR_END: skip-link
}

/// The skip link's options.
pub fn skip_link_options() -> Value {
    // ANCHOR: skip-link-options
    json!({ "text": "Skip to main content", "href": "#main-content" })
    // ANCHOR_END: skip-link-options
}

/// The summary list, as on "check your answers".
pub fn summary_list() -> SummaryList {
    // ANCHOR: summary-list
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
    // ANCHOR_END: summary-list
}

/// The summary list's options.
pub fn summary_list_options() -> Value {
    // ANCHOR: summary-list-options
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
    // ANCHOR_END: summary-list-options
}

/// The table.
pub fn table() -> Table {
    // ANCHOR: table
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
    // ANCHOR_END: table
}

/// The table's options.
pub fn table_options() -> Value {
    // ANCHOR: table-options
    json!({
      "caption": "Bulky waste prices",
      "head": [ { "text": "Items" }, { "text": "Price", "format": "numeric" } ],
      "rows": [
        [ { "text": "Up to 3" }, { "text": "£25.00", "format": "numeric" } ],
        [ { "text": "4 to 6" }, { "text": "£40.00", "format": "numeric" } ]
      ]
    })
    // ANCHOR_END: table-options
}

/// Tabs.
pub fn tabs() -> Tabs {
    // ANCHOR: tabs
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
    // ANCHOR_END: tabs
}

/// The tabs' options.
pub fn tabs_options() -> Value {
    // ANCHOR: tabs-options
    json!({
      "items": [
        { "label": "This week", "id": "this-week",
          "panel": { "html": "<p class=\"govuk-body\">Rubbish and food waste.</p>" } },
        { "label": "Next week", "id": "next-week",
          "panel": { "html": "<p class=\"govuk-body\">Recycling and food waste.</p>" } }
      ]
    })
    // ANCHOR_END: tabs-options
}

/// The tag.
pub fn tag() -> Tag {
    // ANCHOR: tag
    Tag::text("Paid").classes("govuk-tag--green")
    // ANCHOR_END: tag
}

/// The tag's options.
pub fn tag_options() -> Value {
    // ANCHOR: tag-options
    json!({ "text": "Paid", "classes": "govuk-tag--green" })
    // ANCHOR_END: tag-options
}

/// The task list.
pub fn task_list() -> TaskList {
    // ANCHOR: task-list
    TaskList::new()
        .item(TaskListItem::new("Your details", "Completed").href("/licence/details"))
        .item(
            TaskListItem::new("Premises", "")
                .href("/licence/premises")
                .status_tag(Tag::text("Incomplete").classes("govuk-tag--blue")),
        )
    // ANCHOR_END: task-list
}

/// The task list's options.
pub fn task_list_options() -> Value {
    // ANCHOR: task-list-options
    json!({
      "items": [
        { "title": { "text": "Your details" }, "href": "/licence/details",
          "status": { "text": "Completed" } },
        { "title": { "text": "Premises" }, "href": "/licence/premises",
          "status": { "tag": { "text": "Incomplete", "classes": "govuk-tag--blue" } } }
      ]
    })
    // ANCHOR_END: task-list-options
}

/// The textarea.
pub fn textarea() -> Textarea {
    // ANCHOR: textarea
    Textarea::new("location")
        .label(Label::text("Where is the pothole?").classes("govuk-label--m"))
        .hint(Hint::text("For example, outside 14 Mill Lane"))
        .rows(3)
    // ANCHOR_END: textarea
}

/// The textarea's options.
pub fn textarea_options() -> Value {
    // ANCHOR: textarea-options
    json!({
      "name": "location",
      "label": { "text": "Where is the pothole?", "classes": "govuk-label--m" },
      "hint": { "text": "For example, outside 14 Mill Lane" },
      "rows": 3
    })
    // ANCHOR_END: textarea-options
}

/// Warning text.
pub fn warning_text() -> WarningText {
    // ANCHOR: warning-text
    WarningText::text("You can be fined up to £400 if you leave waste on the street.")
    // ANCHOR_END: warning-text
}

/// Warning text's options.
pub fn warning_text_options() -> Value {
    // ANCHOR: warning-text-options
    json!({ "text": "You can be fined up to £400 if you leave waste on the street." })
    // ANCHOR_END: warning-text-options
}
