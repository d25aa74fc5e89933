//! An exit page: the journey ends here, with the page's heading and the form's explanation of
//! why and what to do instead. It has no form to post; the back link lets the resident change
//! the answer that led here.

use maud::{Markup, html};

use super::PageContext;
use super::layout::layout;
use crate::definition::Page;

/// Renders `page` as an exit page, or `None` when it is not one.
pub fn exit_page(context: &PageContext<'_>, page: &Page) -> Option<Markup> {
    let exit = page.exit.as_ref()?;
    let language = context.language;
    let title = page
        .title
        .as_ref()
        .map_or("", |title| title.in_language(language));
    let content = html! {
        @if !title.is_empty() { h1 class="govuk-heading-l" { (title) } }
        @for paragraph in exit.body.in_language(language).split("\n\n") {
            @if !paragraph.trim().is_empty() { p class="govuk-body" { (paragraph.trim()) } }
        }
    };
    Some(layout(context, title, false, content))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::definition::{FormDefinition, Format, Language};
    use crate::render::layout::test_support::Fixture;

    #[test]
    fn heading_and_paragraphs_without_a_form_in_both_languages() {
        let form = FormDefinition::parse(
            "id: t\ntitle: T\nlanguages: [en, cy]\npages:\n  - id: q\n    questions: [{ id: q, label: { en: Q, cy: C }, answer: { type: yes_no } }]\n  - id: out\n    title: { en: You cannot use this service, cy: Ni allwch ddefnyddio’r gwasanaeth hwn }\n    exit: { body: { en: \"Contact your own council.\\n\\nFind it on <GOV.UK>.\", cy: Cysylltwch â’ch cyngor eich hun. } }\n",
            Format::Yaml,
        )
        .unwrap();
        let fixture = Fixture::new();
        let html = exit_page(&fixture.context(Language::En), &form.pages[1])
            .unwrap()
            .into_string();
        assert!(
            html.contains("<title>You cannot use this service"),
            "{html}"
        );
        assert!(
            html.contains("<p class=\"govuk-body\">Contact your own council.</p>"),
            "{html}"
        );
        assert!(html.contains("Find it on &lt;GOV.UK&gt;."), "{html}");
        assert!(!html.contains("<form"), "{html}");
        assert!(html.contains(r#"href="/apply/back""#), "{html}");
        let html = exit_page(&fixture.context(Language::Cy), &form.pages[1])
            .unwrap()
            .into_string();
        assert!(
            html.contains("Ni allwch ddefnyddio’r gwasanaeth hwn"),
            "{html}"
        );
        assert!(exit_page(&fixture.context(Language::En), &form.pages[0]).is_none());
    }
}
