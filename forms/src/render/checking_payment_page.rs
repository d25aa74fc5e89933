//! "We are checking your payment": the provider has not finished with the payment yet (the
//! card is being authorised, or the resident came back while it was still open). A link
//! looks again; nothing here starts a second payment.

use maud::{Markup, html};

use super::PageContext;
use super::layout::layout;
use crate::messages::PaymentText;

/// Renders the page; "Check again" links to `context.action` (this same page).
pub fn checking_payment_page(context: &PageContext<'_>) -> Markup {
    let language = context.language;
    let title = PaymentText::Checking.text(language);
    let content = html! {
        h1 class="govuk-heading-l" { (title) }
        p class="govuk-body" { (PaymentText::CheckingBody.text(language)) }
        p class="govuk-body" {
            a class="govuk-link" href=(context.action) { (PaymentText::CheckAgain.text(language)) }
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
    fn links_to_itself_without_a_form_in_both_languages() {
        let fixture = Fixture::new();
        let html = checking_payment_page(&fixture.context(Language::En)).into_string();
        assert!(
            html.contains("<title>We are checking your payment"),
            "{html}"
        );
        assert!(html.contains(r#"href="/apply/here">Check again"#), "{html}");
        assert!(!html.contains("<form method=\"post\""), "{html}");
        let html = checking_payment_page(&fixture.context(Language::Cy)).into_string();
        assert!(html.contains("Rydym yn gwirio eich taliad"), "{html}");
    }
}
