//! Long text, with a character or word limit the resident sees counted as they type.

use civic_components::{CharacterCount, ErrorMessage, Hint};
use maud::{Markup, Render};
use time::Date;

use super::{AnswerKind, AnswerValue, FieldError, Outcome, Submitted, text_lines, tidy};
use crate::definition::{Language, LongTextOptions, Question};
use crate::messages::Message;
use crate::render::parts::label;
use crate::render::{FieldContext, components_language};

/// The character limit when the definition gives none.
const DEFAULT_MAX_LENGTH: u32 = 5000;

/// Several lines of text, within a limit of characters or words.
pub(super) struct Kind<'a>(pub(super) &'a LongTextOptions);

impl AnswerKind for Kind<'_> {
    fn read(&self, question: &Question, submitted: &Submitted, _today: Date) -> Outcome {
        read(question, self.0, submitted)
    }

    /// A textarea in a character count: the limit checked is the one counted for the resident
    /// as they type (words when the definition limits words).
    fn field(&self, question: &Question, at: FieldContext<'_>) -> Markup {
        let FieldContext {
            submitted,
            errors,
            language,
            page_heading,
        } = at;
        let mut count = CharacterCount::new(&question.id)
            .id(&question.id)
            .language(components_language(language))
            .label(label(question, language, page_heading))
            .value(submitted.get(&question.id));
        count = match self.0.max_words {
            Some(words) => count.maxwords(words),
            None => count.maxlength(self.0.max_length.unwrap_or(DEFAULT_MAX_LENGTH)),
        };
        if let Some(hint) = &question.hint {
            count = count.hint(Hint::text(hint.in_language(language)));
        }
        if let Some(message) = errors.message(&question.id) {
            count = count.error_message(ErrorMessage::text(message));
        }
        count.render()
    }

    fn display(&self, _: &Question, value: &AnswerValue, _: Language) -> Option<Vec<String>> {
        text_lines(value)
    }
}

/// Reads several lines of text.
fn read(question: &Question, options: &LongTextOptions, submitted: &Submitted) -> Outcome {
    let value = tidy(submitted.get(&question.id));
    if value.is_empty() {
        return Ok(None);
    }
    if let Some(max) = options.max_words {
        if value.split_whitespace().count() > max as usize {
            return Err(vec![FieldError::whole(
                question,
                Message::TooManyWords(max),
            )]);
        }
    } else {
        let max = options.max_length.unwrap_or(DEFAULT_MAX_LENGTH);
        if value.chars().count() > max as usize {
            return Err(vec![FieldError::whole(question, Message::TooLong(max))]);
        }
    }
    Ok(Some(AnswerValue::Text(value)))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::definition::AnswerType;
    use crate::render::field_test;
    use proptest::prelude::*;

    #[test]
    fn counts_words_when_limited_by_words_and_escapes_the_answer() {
        let story = question(AnswerType::LongText(LongTextOptions {
            max_length: None,
            max_words: Some(150),
        }));
        let html = field_test::render_question(&story, &one("</textarea><script>"), true);
        assert!(html.contains(r#"data-maxwords="150""#), "{html}");
        assert!(html.contains("&lt;/textarea&gt;&lt;script&gt;"), "{html}");
        assert!(!html.contains("<script>"), "{html}");
        let notes = question(AnswerType::LongText(LongTextOptions::default()));
        let html = field_test::render_question(&notes, &one(""), false);
        assert!(html.contains(r#"data-maxlength="5000""#), "{html}");
    }

    #[test]
    fn words_or_characters_are_counted() {
        let words = named(
            AnswerType::LongText(LongTextOptions {
                max_length: None,
                max_words: Some(3),
            }),
            "a description",
        );
        assert_eq!(
            error(&words, "one two\nthree four"),
            "Description must be 3 words or less"
        );
        assert_eq!(
            run(&words, &one("one\r\ntwo ")),
            Ok(Some(AnswerValue::Text("one\ntwo".into())))
        );
        let chars = named(
            AnswerType::LongText(LongTextOptions {
                max_length: Some(4),
                max_words: None,
            }),
            "a description",
        );
        assert_eq!(
            error(&chars, "ééééé"),
            "Description must be 4 characters or less"
        );
    }

    proptest! {
        #[test]
        fn any_text_is_read_or_refused(text in ".*") {
            let _ = run(&question(AnswerType::LongText(LongTextOptions::default())), &one(&text));
        }
    }
}
