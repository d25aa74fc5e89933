//! A time of day as two boxes, hour and minute, laid out like the Design System's date input
//! (named `<id>.hour` and `<id>.minute`), only the box in error highlighted.

use civic_components::{DateInput, DateItem, ErrorMessage, Fieldset, Hint};
use maud::{Markup, Render};

use super::parts::legend;
use super::{PageErrors, components_language};
use crate::answers::Submitted;
use crate::definition::{AnswerType, Language, Question};
use crate::messages::{FieldText, Part};

/// Renders a time `question` with the boxes as last submitted, or `None` when it is not a
/// time. Without a hint of its own the question says to use the 24-hour clock.
pub fn time_field(
    question: &Question,
    submitted: &Submitted,
    errors: &PageErrors<'_>,
    language: Language,
    page_heading: bool,
) -> Option<Markup> {
    let AnswerType::Time {} = &question.answer else {
        return None;
    };
    let mut input = DateInput::new(&question.id).language(components_language(language));
    input.items = [
        (Part::Hour, FieldText::Hour),
        (Part::Minute, FieldText::Minute),
    ]
    .into_iter()
    .map(|(part, label)| {
        let key = format!("{}.{}", question.id, part.key());
        let mut item = DateItem::new(&key);
        item.id = Some(key.clone());
        item.label = Some(label.text(language).to_owned());
        item.value = Some(submitted.get(&key).to_owned());
        item.classes = Some("govuk-input--width-2".to_owned());
        item.error = Some(errors.highlights(&question.id, Some(part)));
        item.inputmode = Some("numeric".to_owned());
        item
    })
    .collect();
    let hint = match &question.hint {
        Some(hint) => hint.in_language(language),
        None => FieldText::TimeHint.text(language),
    };
    input = input
        .fieldset(Fieldset::new().legend(legend(question, language, page_heading)))
        .hint(Hint::text(hint));
    if let Some(message) = errors.message(&question.id) {
        input = input.error_message(ErrorMessage::text(message));
    }
    Some(input.render())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::definition::{FormDefinition, Format};

    fn form() -> FormDefinition {
        FormDefinition::parse(
            "id: t\ntitle: T\npages:\n  - id: p\n    questions:\n      - id: when\n        label: { en: What time did it happen?, cy: Faint o’r gloch ddigwyddodd e? }\n        error_name: { en: the time it happened, cy: yr amser y digwyddodd }\n        answer: { type: time }\n",
            Format::Yaml,
        )
        .unwrap()
    }

    fn render(submitted: &Submitted, language: Language) -> String {
        let form = form();
        crate::render::field_test::render(time_field, &form, submitted, language, true)
    }

    #[test]
    fn only_the_minute_in_error_is_highlighted() {
        let submitted = Submitted::from_pairs([("when.hour", "14"), ("when.minute", "75")]);
        let html = render(&submitted, Language::En);
        assert_eq!(html.matches("govuk-input--error").count(), 1, "{html}");
        let error = html.find("govuk-input--error").unwrap();
        assert!(html.find(r#"id="when.hour""#).unwrap() < error, "{html}");
        assert!(error < html.find(r#"id="when.minute""#).unwrap(), "{html}");
        assert!(
            html.contains("Time it happened must be a real time"),
            "{html}"
        );
        assert!(
            html.contains(r#"value="14""#) && html.contains(r#"value="75""#),
            "{html}"
        );
        assert!(html.contains("24-hour clock"), "{html}");
        assert!(!html.contains("-day"), "{html}");
    }

    #[test]
    fn welsh_labels_and_escaped_values() {
        let submitted = Submitted::from_pairs([("when.hour", "<b>"), ("when.minute", "")]);
        let html = render(&submitted, Language::Cy);
        assert!(html.contains("Awr") && html.contains("Munud"), "{html}");
        assert!(html.contains("cloc 24 awr"), "{html}");
        assert!(
            html.contains("&lt;b&gt;") && !html.contains("<b>"),
            "{html}"
        );
    }
}
