//! A whole question page: back link, error summary, the page's questions, the CSRF token and a
//! "Continue" button, inside the council's branded page template.

use civic_components::Button;
use civic_components::assets::Assets;
use civic_components::brand::Brand;
use maud::{Markup, html};

use super::layout::{csrf_field, layout, save_for_later_link};
use super::{FieldContext, PageErrors, exit_page};
use crate::answers::{Submitted, asks_for_files, kind};
use crate::definition::{Language, Page, Question, Text};
use crate::messages::Word;

/// What a question page needs besides the page itself.
#[derive(Debug, Clone, Copy)]
pub struct PageContext<'a> {
    /// The council's brand.
    pub brand: &'a Brand,
    /// Stylesheet and scripts.
    pub assets: &'a Assets,
    /// Where the form posts to.
    pub action: &'a str,
    /// The session's CSRF token, sent back in the hidden `csrf_token` field.
    pub csrf_token: &'a str,
    /// The previous page of the journey taken, if any.
    pub back_href: Option<&'a str>,
    /// The language the page is shown in.
    pub language: Language,
    /// What the form adds around every page: the language switch, the timeout notice, the
    /// "Save and come back later" link. `PageExtras::default()` adds none of them.
    pub extras: PageExtras<'a>,
}

/// What a form adds around its pages; each is left out when unset.
#[derive(Debug, Clone, Copy, Default)]
pub struct PageExtras<'a> {
    /// The languages the form offers: with more than one, the page links to itself in the
    /// others (`?lang=cy`) with the Design System's language navigation.
    pub languages: &'a [Language],
    /// Minutes of inactivity after which the answers are deleted: said on every page with a
    /// form, so residents without JavaScript are warned too (WCAG 2.2.1).
    pub timeout_minutes: Option<u32>,
    /// Where "Save and come back later" goes, shown under a question page's button.
    pub save_href: Option<&'a str>,
    /// Where the form is mounted (`/apply`, or `""` at the root). With `timeout_minutes` and a
    /// CSRF token, the page also carries the timeout warning dialog that JavaScript opens
    /// shortly before the answers would be deleted.
    pub session_base: Option<&'a str>,
    /// The service's name (the form's title): page titles follow GOV.UK's "Question –
    /// Service name – Council name" pattern with it; without it, "Question – Council name".
    pub service_name: Option<&'a Text>,
    /// Where the resident downloads a copy of what they sent: the confirmation page links
    /// to it.
    pub copy_href: Option<&'a str>,
}

/// Renders one question's field(s), as its answer type asks it, with the values in
/// `submitted` and its errors. `page_heading` makes its label or legend the page's `<h1>` (the
/// only question on the page). Radios and checkboxes call this for the follow-up questions
/// they reveal.
pub fn question_field(
    question: &Question,
    submitted: &Submitted,
    errors: &PageErrors<'_>,
    language: Language,
    page_heading: bool,
) -> Markup {
    let at = FieldContext {
        submitted,
        errors,
        language,
        page_heading,
    };
    kind(&question.answer).field(question, at)
}

/// Renders `page` (an exit page as [`exit_page`] does) with the fields in `submitted` re-shown and `errors` (from `read_page`, in
/// page order) shown the Design System's way.
pub fn question_page(
    context: &PageContext<'_>,
    page: &Page,
    submitted: &Submitted,
    errors: &[crate::answers::FieldError],
) -> Markup {
    if let Some(exit) = exit_page(context, page) {
        return exit;
    }
    let language = context.language;
    let page_errors = PageErrors::new(page, errors, language);
    // One question: its label is the page heading. Several: the page title is.
    let single = page.questions.len() == 1;
    let fields: Vec<Markup> = page
        .questions
        .iter()
        .map(|question| question_field(question, submitted, &page_errors, language, single))
        .collect();
    let title = match (&page.title, page.questions.first()) {
        (Some(title), _) => title.in_language(language).to_owned(),
        (None, Some(question)) => question.label.in_language(language).to_owned(),
        (None, None) => String::new(),
    };
    // Files can only be sent in a multipart body.
    let enctype = page
        .questions
        .iter()
        .any(asks_for_files)
        .then_some("multipart/form-data");
    let content = html! {
        @if let Some(summary) = page_errors.summary() { (summary) }
        form method="post" action=(context.action) enctype=[enctype] novalidate {
            (csrf_field(context))
            @if !single { h1 class="govuk-heading-l" { (title) } }
            @for field in &fields { (field) }
            (Button::text(Word::Continue.text(language)))
        }
        (save_for_later_link(context))
    };
    layout(context, &title, page_errors.any(), content)
}

#[cfg(test)]
mod tests {
    use civic_components::brand::BrandColour;
    use time::macros::date;

    use super::*;
    use crate::answers::read_page;
    use crate::definition::{FormDefinition, Format};

    fn form() -> FormDefinition {
        FormDefinition::parse(
            r#"
id: t
title: T
pages:
  - id: contact
    title: { en: Your details, cy: Eich manylion }
    questions:
      - id: email
        label: { en: Email address, cy: Cyfeiriad e-bost }
        error_name: your email address
        answer: { type: email }
      - id: dob
        label: Date of birth
        error_name: your date of birth
        answer: { type: date_of_birth }
"#,
            Format::Yaml,
        )
        .unwrap()
    }

    fn render(
        language: Language,
        submitted: &Submitted,
        errors: &[crate::answers::FieldError],
    ) -> String {
        let brand = Brand::new("Kestrel Vale", BrandColour::parse("#005a4e").unwrap());
        let assets = Assets::empty("/assets");
        let form = form();
        let context = PageContext {
            brand: &brand,
            assets: &assets,
            action: "/apply/contact",
            csrf_token: "tok\"en",
            back_href: Some("/apply/start"),
            language,
            extras: crate::render::PageExtras::default(),
        };
        question_page(&context, &form.pages[0], submitted, errors).into_string()
    }

    #[test]
    fn error_page_has_prefix_summary_fields_csrf_and_back_link() {
        let form = form();
        let submitted = Submitted::from_pairs([
            ("email", "<b>x"),
            ("dob.day", "1"),
            ("dob.month", "2"),
            ("dob.year", ""),
        ]);
        let errors = read_page(&form.pages[0], &submitted, date!(2026 - 11 - 28)).unwrap_err();
        let html = render(Language::En, &submitted, &errors);
        assert!(html.contains("<title>Error: Your details"), "{html}");
        assert!(html.contains("There is a problem"), "{html}");
        assert!(html.contains(r##"href="#email""##), "{html}");
        assert!(html.contains(r##"href="#dob.year""##), "{html}");
        assert!(
            html.contains(r#"name="csrf_token" value="tok&quot;en""#),
            "{html}"
        );
        assert!(html.contains(r#"href="/apply/start""#), "{html}");
        assert!(html.contains("&lt;b&gt;x"), "{html}");
        assert!(!html.contains("<b>x"), "{html}");
        assert!(
            html.contains(r#"<h1 class="govuk-heading-l">Your details</h1>"#),
            "{html}"
        );
    }

    #[test]
    fn welsh_page_without_errors() {
        let html = render(Language::Cy, &Submitted::default(), &[]);
        assert!(html.contains(r#"lang="cy""#), "{html}");
        assert!(html.contains("<title>Eich manylion"), "{html}");
        assert!(html.contains("Cyfeiriad e-bost"), "{html}");
        assert!(html.contains("Parhau"), "{html}");
        assert!(html.contains("Yn ôl"), "{html}");
        assert!(!html.contains("Gwall"), "{html}");
    }

    #[test]
    fn every_answer_type_renders_and_files_make_the_form_multipart() {
        let form = FormDefinition::parse(
            r#"
id: t
title: T
pages:
  - id: all
    title: Everything
    questions:
      - { id: a, label: A, answer: { type: name } }
      - { id: b, label: B, answer: { type: name, parts: title_first_and_last } }
      - { id: c, label: C, answer: { type: organisation_name } }
      - { id: d, label: D, answer: { type: email } }
      - { id: e, label: E, answer: { type: phone, international: true } }
      - { id: f, label: F, answer: { type: national_insurance_number } }
      - { id: g, label: G, answer: { type: uk_address } }
      - { id: h, label: H, answer: { type: international_address } }
      - { id: i, label: I, answer: { type: date } }
      - { id: j, label: J, answer: { type: date_of_birth } }
      - { id: k, label: K, answer: { type: month_year } }
      - { id: l, label: L, answer: { type: time } }
      - { id: m, label: M, answer: { type: number } }
      - { id: n, label: N, answer: { type: money } }
      - { id: o, label: O, answer: { type: text } }
      - { id: p, label: P, answer: { type: long_text } }
      - { id: q, label: Q, answer: { type: yes_no } }
      - { id: r, label: R, answer: { type: one_from_list, options: [{ value: x, label: X }] } }
      - { id: s, label: S, answer: { type: one_from_list, display: autocomplete, options: [{ value: x, label: X }] } }
      - { id: t, label: T, answer: { type: many_from_list, options: [{ value: x, label: X }] } }
      - { id: u, label: U, answer: { type: postcode } }
      - { id: v, label: V, answer: { type: vehicle_registration } }
      - { id: w, label: W, answer: { type: bank_details } }
      - id: y
        label: Y
        answer:
          type: yes_no
  - id: files
    questions:
      - id: evidence
        label: Do you have evidence?
        answer:
          type: one_from_list
          options:
            - value: "yes"
              label: "Yes"
              follow_up: { id: scan, label: Upload it, answer: { type: file_upload } }
            - { value: "no", label: "No" }
"#,
            Format::Yaml,
        )
        .unwrap();
        let brand = Brand::new("Kestrel Vale", BrandColour::parse("#005a4e").unwrap());
        let assets = Assets::empty("/assets");
        let context = PageContext {
            brand: &brand,
            assets: &assets,
            action: "/apply/all",
            csrf_token: "t",
            back_href: None,
            language: Language::En,
            extras: crate::render::PageExtras::default(),
        };
        let html =
            question_page(&context, &form.pages[0], &Submitted::default(), &[]).into_string();
        assert!(!html.contains("enctype"), "{html}");
        let html =
            question_page(&context, &form.pages[1], &Submitted::default(), &[]).into_string();
        assert!(html.contains(r#"enctype="multipart/form-data""#), "{html}");
        assert!(html.contains(r#"type="file""#), "{html}");
    }

    #[test]
    fn save_and_come_back_later_link_when_the_form_offers_it() {
        let fixture = crate::render::layout::test_support::Fixture::new();
        let form = form();
        let context = PageContext {
            extras: PageExtras {
                save_href: Some("/apply/save"),
                ..PageExtras::default()
            },
            ..fixture.context(Language::En)
        };
        let html =
            question_page(&context, &form.pages[0], &Submitted::default(), &[]).into_string();
        assert!(
            html.contains(r#"href="/apply/save">Save and come back later"#),
            "{html}"
        );
        let html = question_page(
            &fixture.context(Language::En),
            &form.pages[0],
            &Submitted::default(),
            &[],
        )
        .into_string();
        assert!(!html.contains("Save and come back later"), "{html}");
    }
}
