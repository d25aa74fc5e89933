//! "Your payment was not taken": the payment failed, was cancelled or expired. The
//! application is kept, and "Try paying again" posts to start a new payment for it.

use civic_components::Button;
use maud::{Markup, html};

use super::PageContext;
use super::layout::{csrf_field, layout};
use crate::messages::PaymentText;

/// Renders the page; the button posts to `context.action` with `context.csrf_token`.
pub fn payment_not_taken_page(context: &PageContext<'_>) -> Markup {
    let language = context.language;
    let title = PaymentText::NotTaken.text(language);
    let content = html! {
        h1 class="govuk-heading-l" { (title) }
        p class="govuk-body" { (PaymentText::NotTakenBody.text(language)) }
        form method="post" action=(context.action) novalidate {
            (csrf_field(context))
            (Button::text(PaymentText::TryAgain.text(language)).prevent_double_click(true))
        }
    };
    layout(context, title, false, content)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::definition::Language;
    use crate::render::layout::test_support::Fixture;

    #[test]
    fn says_nothing_was_taken_and_posts_a_new_try_in_both_languages() {
        let fixture = Fixture::new();
        let html = payment_not_taken_page(&fixture.context(Language::En)).into_string();
        assert!(html.contains("<title>Your payment was not taken"), "{html}");
        assert!(html.contains("No money has been taken"), "{html}");
        assert!(html.contains(r#"action="/apply/here""#), "{html}");
        assert!(html.contains(r#"name="csrf_token" value="tok""#), "{html}");
        assert!(html.contains("Try paying again"), "{html}");
        let html = payment_not_taken_page(&fixture.context(Language::Cy)).into_string();
        assert!(html.contains("Ni chymerwyd eich taliad"), "{html}");
        assert!(html.contains("Rhoi cynnig ar dalu eto"), "{html}");
    }
}
