//! "Save and come back later": the page asking for the email address a one-off link to the
//! application is sent to. The address is one email question (`email`), so the HTTP layer
//! reads and checks it with [`read_page`](crate::answers::read_page) on
//! [`save_for_later_form_page`] and shows this page again with the errors.

use civic_components::Button;
use maud::{Markup, html};

use super::layout::{csrf_field, layout};
use super::{PageContext, PageErrors, question_field};
use crate::answers::{FieldError, Submitted};
use crate::definition::{AnswerType, Language, Page, Question, Text};
use crate::messages::SaveReturnText;

/// The name of the email field.
pub const SAVE_EMAIL_FIELD: &str = "email";

/// The page's one question, for reading and checking what was sent.
pub fn save_for_later_form_page() -> Page {
    let both =
        |text: SaveReturnText| Text::bilingual(text.text(Language::En), text.text(Language::Cy));
    Page::new("save").question(
        Question::new(
            SAVE_EMAIL_FIELD,
            both(SaveReturnText::EmailLabel),
            AnswerType::Email {},
        )
        .error_name(both(SaveReturnText::EmailErrorName)),
    )
}

/// Renders the page with the address as last `submitted` and `errors` from reading it; the
/// link works for `days` days.
pub fn save_for_later_page(
    context: &PageContext<'_>,
    submitted: &Submitted,
    errors: &[FieldError],
    days: u32,
) -> Markup {
    let language = context.language;
    let page = save_for_later_form_page();
    let page_errors = PageErrors::new(&page, errors, language);
    let title = SaveReturnText::SaveHeading.text(language);
    let field = page
        .questions
        .first()
        .map(|question| question_field(question, submitted, &page_errors, language, false));
    let content = html! {
        @if let Some(summary) = page_errors.summary() { (summary) }
        h1 class="govuk-heading-l" { (title) }
        p class="govuk-body" { (SaveReturnText::save_intro(days, language)) }
        form method="post" action=(context.action) novalidate {
            (csrf_field(context))
            @if let Some(field) = &field { (field) }
            (Button::text(SaveReturnText::SendLink.text(language)).prevent_double_click(true))
        }
    };
    layout(context, title, page_errors.any(), content)
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;
    use crate::answers::read_page;
    use crate::render::layout::test_support::Fixture;

    #[test]
    fn asks_for_an_email_address_with_the_link_s_lifetime() {
        let fixture = Fixture::new();
        let html = save_for_later_page(
            &fixture.context(Language::En),
            &Submitted::default(),
            &[],
            28,
        )
        .into_string();
        assert!(html.contains("<title>Save and come back later"), "{html}");
        assert!(html.contains("for 28 days"), "{html}");
        assert!(html.contains(r#"name="email" type="email""#), "{html}");
        assert!(html.contains(r#"autocomplete="email""#), "{html}");
        assert!(html.contains("Send link"), "{html}");
        assert!(html.contains(r#"name="csrf_token" value="tok""#), "{html}");
    }

    #[test]
    fn a_bad_address_is_reshown_escaped_with_its_error_in_welsh() {
        let fixture = Fixture::new();
        let submitted = Submitted::from_pairs([("email", "<script>@x")]);
        let errors = read_page(
            &save_for_later_form_page(),
            &submitted,
            date!(2026 - 11 - 28),
        )
        .unwrap_err();
        let html = save_for_later_page(&fixture.context(Language::Cy), &submitted, &errors, 7)
            .into_string();
        assert!(
            html.contains("<title>Gwall: Cadw a dod yn ôl yn nes ymlaen"),
            "{html}"
        );
        assert!(html.contains(r##"href="#email""##), "{html}");
        assert!(
            html.contains("Rhowch gyfeiriad e-bost yn y fformat cywir"),
            "{html}"
        );
        assert!(html.contains("am 7 diwrnod"), "{html}");
        assert!(
            !html.contains("<script>@x") && html.contains("&lt;script&gt;@x"),
            "{html}"
        );
        let errors = read_page(
            &save_for_later_form_page(),
            &Submitted::default(),
            date!(2026 - 11 - 28),
        )
        .unwrap_err();
        let html = save_for_later_page(
            &fixture.context(Language::En),
            &Submitted::default(),
            &errors,
            7,
        )
        .into_string();
        assert!(html.contains("Enter your email address"), "{html}");
    }
}
