//! A name asked in parts, as the Design System's names pattern asks it: an optional title,
//! then first and last name, each with its `autocomplete` token and spellcheck off.

use maud::Markup;

use super::PageErrors;
use super::parts::{fieldset, part_input};
use crate::answers::Submitted;
use crate::definition::{AnswerType, Language, NameParts, Question};
use crate::messages::{FieldText, Part};

/// Renders a name in parts with the values in `submitted` (`<id>.title`, `<id>.first_name`,
/// `<id>.last_name`), or `None` when `question` is not a name in parts. `page_heading` makes
/// the legend the page's `<h1>`.
pub fn name_parts_field(
    question: &Question,
    submitted: &Submitted,
    errors: &PageErrors<'_>,
    language: Language,
    page_heading: bool,
) -> Option<Markup> {
    let AnswerType::Name(options) = &question.answer else {
        return None;
    };
    let with_title = match options.parts {
        NameParts::Full => return None,
        NameParts::TitleFirstAndLast => true,
        _ => false,
    };
    let part = |part, label: FieldText| {
        part_input(question, part, submitted, errors, label.text(language)).spellcheck(false)
    };
    let mut inputs = Vec::with_capacity(3);
    if with_title {
        inputs.push(
            part(Part::Title, FieldText::Title)
                .autocomplete("honorific-prefix")
                .classes("govuk-input--width-5"),
        );
    }
    inputs.push(
        part(Part::FirstName, FieldText::FirstName)
            .autocomplete("given-name")
            .classes("govuk-!-width-one-half"),
    );
    inputs.push(
        part(Part::LastName, FieldText::LastName)
            .autocomplete("family-name")
            .classes("govuk-!-width-one-half"),
    );
    Some(fieldset(question, language, page_heading, &inputs))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::definition::{FormDefinition, Format};

    fn form(parts: &str) -> FormDefinition {
        FormDefinition::parse(
            &format!(
                "id: t\ntitle: T\npages:\n  - id: p\n    questions:\n      - id: who\n        label: {{ en: What is your name?, cy: Beth yw eich enw? }}\n        hint: {{ en: As on your passport, cy: Fel ar eich pasbort }}\n        answer: {{ type: name, parts: {parts} }}\n"
            ),
            Format::Yaml,
        )
        .unwrap()
    }

    fn render(form: &FormDefinition, submitted: &Submitted, language: Language) -> String {
        crate::render::field_test::render(name_parts_field, form, submitted, language, true)
    }

    #[test]
    fn title_first_and_last_have_autocomplete_and_each_part_its_own_error() {
        let form = form("title_first_and_last");
        let submitted = Submitted::from_pairs([
            ("who.title", "Dr"),
            ("who.first_name", ""),
            ("who.last_name", "Hopper"),
        ]);
        let html = render(&form, &submitted, Language::En);
        let title = html.find(r#"autocomplete="honorific-prefix""#).unwrap();
        let first = html.find(r#"autocomplete="given-name""#).unwrap();
        let last = html.find(r#"autocomplete="family-name""#).unwrap();
        assert!(title < first && first < last, "{html}");
        assert!(html.contains(r#"id="who.first_name""#), "{html}");
        assert!(html.contains(r#"name="who.last_name""#), "{html}");
        assert!(html.contains(r#"value="Hopper""#), "{html}");
        assert_eq!(html.matches("govuk-input--error").count(), 1, "{html}");
        assert!(html.contains("Enter your first name"), "{html}");
        assert_eq!(html.matches(r#"spellcheck="false""#).count(), 3, "{html}");
        assert!(html.contains("<h1"), "{html}");
        assert!(html.contains(r#"aria-describedby="who-hint""#), "{html}");
    }

    #[test]
    fn first_and_last_only_in_welsh() {
        let form = form("first_and_last");
        let html = render(&form, &Submitted::default(), Language::Cy);
        assert!(!html.contains("who.title"), "{html}");
        assert!(
            html.contains("Enw cyntaf") && html.contains("Cyfenw"),
            "{html}"
        );
        assert!(html.contains("Beth yw eich enw?"), "{html}");
        assert!(html.contains("Fel ar eich pasbort"), "{html}");
        assert!(!html.contains("govuk-input--error"), "{html}");
    }

    #[test]
    fn full_name_is_not_in_parts() {
        let form = form("full");
        let page = &form.pages[0];
        let errors = PageErrors::new(page, &[], Language::En);
        let field = name_parts_field(
            &page.questions[0],
            &Submitted::default(),
            &errors,
            Language::En,
            false,
        );
        assert!(field.is_none());
    }

    #[test]
    fn typed_markup_is_escaped() {
        let form = form("first_and_last");
        let payload = r#""><script>alert(1)</script>"#;
        let submitted =
            Submitted::from_pairs([("who.first_name", payload), ("who.last_name", payload)]);
        let html = render(&form, &submitted, Language::En);
        assert!(!html.contains("<script>"), "{html}");
        assert_eq!(
            html.matches("&quot;&gt;&lt;script&gt;").count(),
            2,
            "{html}"
        );
    }
}
