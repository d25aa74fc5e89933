//! One option from a list, asked with radios: the first radio's id is the question's id, so
//! the error summary links to the first option; an exclusive option ("None of the above")
//! comes after an "or" divider; an option's follow-up question is revealed under it. A long
//! list is asked with a select instead: see `long_list`.

use civic_components::{ErrorMessage, Fieldset, Hint, RadioItem, Radios};
use maud::{Markup, Render};
use time::Date;

use super::{AnswerKind, AnswerValue, FieldError, Outcome, Submitted};
use crate::definition::{Choice, Language, OneFromListOptions, Question};
use crate::messages::{Message, Word};
use crate::render::parts::legend;
use crate::render::{FieldContext, question_field};

/// One option from a list, asked with radios.
pub(super) struct Kind<'a>(pub(super) &'a OneFromListOptions);

impl AnswerKind for Kind<'_> {
    fn read(&self, question: &Question, submitted: &Submitted, _today: Date) -> Outcome {
        read(question, self.0, submitted)
    }

    /// "Select ...".
    fn required(&self, question: &Question) -> FieldError {
        FieldError::whole(question, Message::SelectRequired)
    }

    /// Radios, one per option.
    fn field(&self, question: &Question, at: FieldContext<'_>) -> Markup {
        radios(question, &self.0.options, false, at)
    }

    fn display(
        &self,
        question: &Question,
        value: &AnswerValue,
        language: Language,
    ) -> Option<Vec<String>> {
        chosen_label(question, value, language)
    }
}

/// Renders `question` as a radio per choice with the one last `submitted` chosen, side by
/// side when `inline`. A choice's follow-up question is revealed under it (the Design
/// System's conditional reveal); it is always in the HTML, so without JavaScript it is simply
/// shown.
pub(super) fn radios(
    question: &Question,
    choices: &[Choice],
    inline: bool,
    at: FieldContext<'_>,
) -> Markup {
    let FieldContext {
        submitted,
        errors,
        language,
        page_heading,
    } = at;
    let value = submitted.get(&question.id);
    let mut radios = Radios::new(&question.id).id_prefix(&question.id);
    if inline {
        radios = radios.classes("govuk-radios--inline");
    }
    for choice in choices {
        if choice.exclusive {
            radios = radios.item(RadioItem::divider(Word::Or.text(language)));
        }
        let mut item = RadioItem::new(&choice.value, choice.label.in_language(language));
        if let Some(hint) = &choice.hint {
            item = item.hint(Hint::text(hint.in_language(language)));
        }
        if choice.value == value {
            item = item.checked();
        }
        if let Some(follow_up) = &choice.follow_up {
            item = item.conditional(question_field(
                follow_up, submitted, errors, language, false,
            ));
        }
        radios = radios.item(item);
    }
    radios = radios.fieldset(Fieldset::new().legend(legend(question, language, page_heading)));
    if let Some(hint) = &question.hint {
        radios = radios.hint(Hint::text(hint.in_language(language)));
    }
    if let Some(message) = errors.message(&question.id) {
        radios = radios.error_message(ErrorMessage::text(message));
    }
    radios.render()
}

/// Reads the option chosen; a value not in the list was not sent by our form and is asked
/// again.
pub(super) fn read(
    question: &Question,
    options: &OneFromListOptions,
    submitted: &Submitted,
) -> Outcome {
    let value = submitted.get(&question.id);
    if value.is_empty() {
        return Ok(None);
    }
    if options.options.iter().any(|c| c.value == value) {
        Ok(Some(AnswerValue::Choice(value.to_owned())))
    } else {
        Err(vec![FieldError::whole(question, Message::SelectRequired)])
    }
}

/// The label of the option chosen, or `None` when `value` is not a choice.
pub(super) fn chosen_label(
    question: &Question,
    value: &AnswerValue,
    language: Language,
) -> Option<Vec<String>> {
    match value {
        AnswerValue::Choice(value) => Some(vec![label(question, value, language)]),
        _ => None,
    }
}

/// The label of the option with `value`, or the value itself if the list has changed since.
pub(super) fn label(question: &Question, value: &str, language: Language) -> String {
    question
        .answer
        .choices()
        .iter()
        .find(|c| c.value == value)
        .map_or_else(
            || value.to_owned(),
            |c| c.label.in_language(language).to_owned(),
        )
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::definition::{AnswerType, Choice, Text};
    use proptest::prelude::*;

    fn bins() -> Question {
        named(
            AnswerType::OneFromList(OneFromListOptions {
                options: vec![
                    Choice::new("small", Text::bilingual("Small", "Bach")),
                    Choice::new("large", "Large"),
                ],
                ..OneFromListOptions::default()
            }),
            "the size of bin",
        )
    }

    #[test]
    fn only_listed_options_are_accepted() {
        let q = bins();
        assert_eq!(
            run(&q, &one("small")),
            Ok(Some(AnswerValue::Choice("small".into())))
        );
        assert_eq!(error(&q, "huge"), "Select the size of bin");
        assert_eq!(error(&q, ""), "Select the size of bin");
        assert_eq!(label(&q, "small", Language::Cy), "Bach");
    }

    proptest! {
        #[test]
        fn any_text_is_read_or_refused(text in ".*") {
            let _ = run(&bins(), &one(&text));
        }
    }
}

#[cfg(test)]
mod field_tests {
    use time::macros::date;

    use super::*;
    use crate::answers::read_page;
    use crate::definition::{FormDefinition, Format};
    use crate::render::{PageErrors, question_field};

    fn form() -> FormDefinition {
        FormDefinition::parse(
            r#"
id: t
title: T
pages:
  - id: p
    questions:
      - id: bins
        label: Which bin is missing?
        error_name: which bin is missing
        answer:
          type: one_from_list
          options:
            - { value: black, label: Black bin }
            - { value: blue, label: { en: Blue bin, cy: Bin glas } }
            - { value: none, label: None of these, exclusive: true }
"#,
            Format::Yaml,
        )
        .unwrap()
    }

    #[test]
    fn error_links_to_first_radio_and_exclusive_option_after_or() {
        let form = form();
        let page = &form.pages[0];
        let errors = read_page(page, &Submitted::default(), date!(2026 - 11 - 28)).unwrap_err();
        let page_errors = PageErrors::new(page, &errors, Language::En);
        let html = question_field(
            &page.questions[0],
            &Submitted::default(),
            &page_errors,
            Language::En,
            true,
        )
        .into_string();
        let summary = maud::Render::render(&page_errors.summary().unwrap()).into_string();
        assert!(summary.contains(r##"href="#bins""##), "{summary}");
        let first = html.find(r#"id="bins""#).unwrap();
        assert!(first < html.find(r#"value="black""#).unwrap(), "{html}");
        let divider = html.find("govuk-radios__divider").unwrap();
        assert!(html[divider..].contains("or"), "{html}");
        assert!(html.find(r#"value="blue""#).unwrap() < divider, "{html}");
        assert!(divider < html.find(r#"value="none""#).unwrap(), "{html}");
        assert!(
            html.contains(&page_errors.message("bins").unwrap()),
            "{html}"
        );
    }

    #[test]
    fn welsh_reshows_chosen_option() {
        let form = form();
        let page = &form.pages[0];
        let page_errors = PageErrors::new(page, &[], Language::Cy);
        let html = question_field(
            &page.questions[0],
            &Submitted::from_pairs([("bins", "blue")]),
            &page_errors,
            Language::Cy,
            false,
        )
        .into_string();
        assert!(html.contains("Bin glas"), "{html}");
        assert!(html.contains("neu"), "{html}");
        let blue = html.find(r#"value="blue""#).unwrap();
        let checked = html.find("checked").unwrap();
        assert!(
            checked > blue && checked < html.find(r#"value="none""#).unwrap(),
            "{html}"
        );
    }

    fn follow_up_form() -> FormDefinition {
        FormDefinition::parse(
            r#"
id: t
title: T
pages:
  - id: p
    questions:
      - id: contact
        label: { en: How should we contact you?, cy: Sut ddylen ni gysylltu â chi? }
        answer:
          type: one_from_list
          options:
            - value: email
              label: { en: Email, cy: E-bost }
              follow_up:
                id: contact_email
                label: { en: Email address, cy: Cyfeiriad e-bost }
                error_name: { en: your email address, cy: eich cyfeiriad e-bost }
                answer: { type: email }
            - value: phone
              label: { en: Phone, cy: Ffôn }
              follow_up:
                id: contact_phone
                label: { en: Phone number, cy: Rhif ffôn }
                answer: { type: phone }
"#,
            Format::Yaml,
        )
        .unwrap()
    }

    #[test]
    fn follow_up_is_revealed_under_its_option_with_its_error_and_value() {
        let form = follow_up_form();
        let page = &form.pages[0];
        let submitted =
            Submitted::from_pairs([("contact", "email"), ("contact_email", "not-an-email<")]);
        let errors = read_page(page, &submitted, date!(2026 - 11 - 28)).unwrap_err();
        let page_errors = PageErrors::new(page, &errors, Language::En);
        let html = question_field(
            &page.questions[0],
            &submitted,
            &page_errors,
            Language::En,
            true,
        )
        .into_string();
        let email_radio = html.find(r#"value="email""#).unwrap();
        let reveal = html
            .find(r#"<div class="govuk-radios__conditional" id="conditional-contact""#)
            .unwrap();
        let field = html.find(r#"id="contact_email""#).unwrap();
        let phone_radio = html.find(r#"value="phone""#).unwrap();
        assert!(
            email_radio < reveal && reveal < field && field < phone_radio,
            "{html}"
        );
        assert!(html.contains(r#"value="not-an-email&lt;""#), "{html}");
        assert!(
            html.contains("Enter an email address in the correct format"),
            "{html}"
        );
        // The phone follow-up is in the page too (shown without JavaScript), marked hidden.
        assert!(html.contains("govuk-radios__conditional--hidden"), "{html}");
        assert!(html.contains(r#"id="contact_phone""#), "{html}");
        assert!(html.contains(r#"type="tel""#), "{html}");
        let summary = maud::Render::render(&page_errors.summary().unwrap()).into_string();
        assert!(summary.contains(r##"href="#contact_email""##), "{summary}");
    }

    #[test]
    fn welsh_follow_up_labels() {
        let form = follow_up_form();
        let page = &form.pages[0];
        let page_errors = PageErrors::new(page, &[], Language::Cy);
        let html = question_field(
            &page.questions[0],
            &Submitted::default(),
            &page_errors,
            Language::Cy,
            false,
        )
        .into_string();
        assert!(
            html.contains("Cyfeiriad e-bost") && html.contains("Rhif ffôn"),
            "{html}"
        );
        assert_eq!(
            html.matches("govuk-radios__conditional--hidden").count(),
            2,
            "{html}"
        );
    }
}
