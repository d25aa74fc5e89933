//! Long text in a character count: the limit the answer's validation uses is the one counted
//! for the resident (words when the definition limits words).

use civic_components::{CharacterCount, ErrorMessage, Hint, Label};
use maud::{Markup, Render};

use super::{PageErrors, components_language};
use crate::answers::LONG_TEXT_MAX_LENGTH;
use crate::definition::{AnswerType, Language, Question};
use crate::messages::Word;

/// Renders a long-text `question` showing `value`, or `None` for other answer types.
/// `page_heading` makes the label the page's `<h1>`.
pub fn long_text_field(
    question: &Question,
    value: &str,
    errors: &PageErrors<'_>,
    language: Language,
    page_heading: bool,
) -> Option<Markup> {
    let AnswerType::LongText(options) = &question.answer else {
        return None;
    };
    let mut label_text = question.label.in_language(language).to_owned();
    if question.optional {
        label_text = format!("{label_text} {}", Word::Optional.text(language));
    }
    let mut label = Label::text(label_text).page_heading(page_heading);
    if page_heading {
        label.classes = Some("govuk-label--l".to_owned());
    }
    let mut count = CharacterCount::new(&question.id)
        .id(&question.id)
        .language(components_language(language))
        .label(label)
        .value(value);
    count = match options.max_words {
        Some(words) => count.maxwords(words),
        None => count.maxlength(options.max_length.unwrap_or(LONG_TEXT_MAX_LENGTH)),
    };
    if let Some(hint) = &question.hint {
        count = count.hint(Hint::text(hint.in_language(language)));
    }
    if let Some(message) = errors.message(&question.id) {
        count = count.error_message(ErrorMessage::text(message));
    }
    Some(count.render())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::definition::{FormDefinition, Format};

    #[test]
    fn counts_words_when_limited_by_words_and_escapes_the_answer() {
        let form = FormDefinition::parse(
            "id: t\ntitle: T\npages:\n  - id: p\n    questions:\n      - id: story\n        label: What happened?\n        answer: { type: long_text, max_words: 150 }\n",
            Format::Yaml,
        )
        .unwrap();
        let page = &form.pages[0];
        let errors = PageErrors::new(page, &[], Language::En);
        let html = long_text_field(
            &page.questions[0],
            "</textarea><script>",
            &errors,
            Language::En,
            true,
        )
        .unwrap()
        .into_string();
        assert!(html.contains(r#"data-maxwords="150""#), "{html}");
        assert!(html.contains("&lt;/textarea&gt;&lt;script&gt;"), "{html}");
        assert!(!html.contains("<script>"), "{html}");
    }
}
