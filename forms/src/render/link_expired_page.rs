//! "This link has expired or has been used": a save-and-return link that is unknown, used
//! already or past its time, with a way to start again.

use maud::{Markup, html};

use super::PageContext;
use super::layout::layout;
use crate::messages::SaveReturnText;

/// Renders the page; links last `days` days and "Start again" goes to `start_href`.
pub fn link_expired_page(context: &PageContext<'_>, days: u32, start_href: &str) -> Markup {
    let language = context.language;
    let title = SaveReturnText::ExpiredHeading.text(language);
    let content = html! {
        h1 class="govuk-heading-l" { (title) }
        p class="govuk-body" { (SaveReturnText::expired_body(days, language)) }
        p class="govuk-body" {
            a class="govuk-link" href=(start_href) { (SaveReturnText::StartAgain.text(language)) }
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
    fn explains_and_offers_to_start_again() {
        let fixture = Fixture::new();
        let html = link_expired_page(&fixture.context(Language::En), 28, "/apply").into_string();
        assert!(
            html.contains("<title>This link has expired or has been used"),
            "{html}"
        );
        assert!(html.contains("for 28 days"), "{html}");
        assert!(html.contains(r#"href="/apply">Start again"#), "{html}");
        let html = link_expired_page(&fixture.context(Language::Cy), 28, "/apply").into_string();
        assert!(html.contains("Mae’r ddolen hon wedi dod i ben"), "{html}");
        assert!(html.contains("Dechrau eto"), "{html}");
    }
}
