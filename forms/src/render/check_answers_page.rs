//! "Check your answers": each answered page's questions in a summary list with Change links,
//! then the button that sends the application.

use civic_components::template::Page as Template;
use civic_components::{Button, SummaryList, SummaryListRow};
use maud::{Markup, html};

use super::{PageContext, components_language};
use crate::answers::display;
use crate::definition::FormDefinition;
use crate::journey::Answers;
use crate::messages::PageText;

/// Renders "check your answers" for the completed pages of `form` (add-to-a-list pages are not
/// shown yet). Change links go to `{base}/{page id}`.
pub fn check_answers_page(
    context: &PageContext<'_>,
    form: &FormDefinition,
    answers: &Answers,
    base: &str,
) -> Markup {
    let language = context.language;
    let change = PageText::Change.text(language);
    let mut list = SummaryList::new();
    for page in &form.pages {
        if !answers.completed.contains(&page.id) || page.add_to_list.is_some() {
            continue;
        }
        for top in &page.questions {
            let mut questions = Vec::new();
            top.visit(&mut |q| questions.push(q));
            for question in questions {
                let value = answers.values.get(&question.id);
                // A follow-up of an option not chosen has no answer and is not shown.
                if value.is_none() && question.id != top.id {
                    continue;
                }
                let label = question.label.in_language(language);
                let lines = display(question, value, language);
                let value_html = html! {
                    @for (i, line) in lines.iter().enumerate() { @if i > 0 { br; } (line) }
                };
                list = list.row(
                    SummaryListRow::new(label, "")
                        .value_html(value_html.into_string())
                        .action(format!("{base}/{}", page.id), change, label),
                );
            }
        }
    }
    let title = PageText::CheckYourAnswers.text(language);
    Template::new(context.brand, context.assets, title)
        .language(components_language(language))
        .content(html! {
            div class="govuk-grid-row" { div class="govuk-grid-column-two-thirds" {
                h1 class="govuk-heading-l" { (title) }
                (list)
                form method="post" action=(context.action) novalidate {
                    input type="hidden" name="csrf_token" value=(context.csrf_token);
                    (Button::text(PageText::AcceptAndSend.text(language)))
                }
            } }
        })
        .render()
}

#[cfg(test)]
mod tests {
    use civic_components::assets::Assets;
    use civic_components::brand::{Brand, BrandColour};

    use super::*;
    use crate::answers::AnswerValue;
    use crate::definition::{Format, Language};

    #[test]
    fn rows_escape_answers_and_link_to_change() {
        let form = FormDefinition::parse(
            "id: t\ntitle: T\npages:\n  - id: about\n    questions:\n      - id: story\n        label: What happened?\n        answer: { type: long_text }\n  - id: later\n    questions:\n      - id: other\n        label: Not reached\n        answer: { type: text }\n",
            Format::Yaml,
        )
        .unwrap();
        let mut answers = Answers::default();
        answers.completed.insert("about".into());
        answers.values.insert(
            "story".into(),
            AnswerValue::Text("<script>alert(1)</script>\nline two".into()),
        );
        let brand = Brand::new("Kestrel Vale", BrandColour::parse("#005a4e").unwrap());
        let assets = Assets::empty("/assets");
        let context = PageContext {
            brand: &brand,
            assets: &assets,
            action: "/apply/check",
            csrf_token: "t",
            back_href: None,
            language: Language::En,
        };
        let html = check_answers_page(&context, &form, &answers, "/apply").into_string();
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;<br>line two"),
            "{html}"
        );
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(html.contains(r#"href="/apply/about""#), "{html}");
        assert!(!html.contains("Not reached"), "{html}");
        assert!(html.contains("Accept and send"), "{html}");
    }
}
