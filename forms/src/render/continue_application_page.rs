//! The page a save-and-return link opens (a GET): a "Continue your application" button whose
//! POST, with the CSRF token, is what uses the link up. Mail scanners that follow links only
//! ever see this page, so they cannot spend the resident's link.

use civic_components::Button;
use maud::{Markup, html};

use super::PageContext;
use super::layout::{csrf_field, layout};
use crate::messages::SaveReturnText;

/// Renders the page; its form posts to `context.action` (the same link).
pub fn continue_application_page(context: &PageContext<'_>) -> Markup {
    let language = context.language;
    let title = SaveReturnText::ContinueHeading.text(language);
    let content = html! {
        h1 class="govuk-heading-l" { (title) }
        p class="govuk-body" { (SaveReturnText::ContinueBody.text(language)) }
        form method="post" action=(context.action) novalidate {
            (csrf_field(context))
            (Button::text(title).prevent_double_click(true))
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
    fn a_button_posts_the_link_back_with_the_csrf_token() {
        let fixture = Fixture::new();
        let html = continue_application_page(&fixture.context(Language::En)).into_string();
        assert!(
            html.contains(r#"<form method="post" action="/apply/here""#),
            "{html}"
        );
        assert!(html.contains(r#"name="csrf_token" value="tok""#), "{html}");
        assert!(
            html.contains("Continue your application</button>")
                || html.contains("Continue your application\n</button>"),
            "{html}"
        );
        let html = continue_application_page(&fixture.context(Language::Cy)).into_string();
        assert!(html.contains("Parhau â’ch cais"), "{html}");
    }
}
