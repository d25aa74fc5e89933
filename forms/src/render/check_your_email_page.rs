//! "Check your email": shown after a save-and-return link was sent, saying where it went and
//! for how long it works.

use maud::{Markup, html};

use super::PageContext;
use super::layout::layout;
use crate::messages::SaveReturnText;

/// Renders the page for a link sent to `email`, working for `days` days.
pub fn check_your_email_page(context: &PageContext<'_>, email: &str, days: u32) -> Markup {
    let language = context.language;
    let title = SaveReturnText::CheckEmailHeading.text(language);
    let [sent, lifetime] = SaveReturnText::link_sent(email, days, language);
    let content = html! {
        h1 class="govuk-heading-l" { (title) }
        p class="govuk-body" { (sent) }
        p class="govuk-body" { (lifetime) }
    };
    layout(context, title, false, content)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::definition::Language;
    use crate::render::layout::test_support::Fixture;

    #[test]
    fn says_where_the_link_went_escaped_in_both_languages() {
        let fixture = Fixture::new();
        let html = check_your_email_page(&fixture.context(Language::En), "a<b>@example.com", 28)
            .into_string();
        assert!(html.contains("<title>Check your email"), "{html}");
        assert!(
            html.contains("We have sent a link to a&lt;b&gt;@example.com."),
            "{html}"
        );
        assert!(html.contains("within 28 days"), "{html}");
        let html = check_your_email_page(&fixture.context(Language::Cy), "a@example.com", 28)
            .into_string();
        assert!(html.contains("Gwiriwch eich e-bost"), "{html}");
        assert!(
            html.contains("Rydym wedi anfon dolen i a@example.com."),
            "{html}"
        );
    }
}
