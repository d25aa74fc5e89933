//! Any number of options from a list, asked with checkboxes: the first box's id is the
//! question's id (the error summary's target); an exclusive option ("None of these") comes
//! after an "or" divider and unticks the others (with JavaScript; without it, reading the
//! answer refuses the mix); an option's follow-up question is revealed under it.

use civic_components::{CheckboxItem, Checkboxes, ErrorMessage, Fieldset, Hint};
use maud::{Markup, Render};
use time::Date;

use super::one_from_list::label;
use super::{AnswerKind, AnswerValue, FieldError, Outcome, Submitted};
use crate::definition::{Language, ManyFromListOptions, Question};
use crate::messages::{Message, Word};
use crate::render::parts::legend;
use crate::render::{FieldContext, question_field};

/// Any number of options from a list.
pub(super) struct Kind<'a>(pub(super) &'a ManyFromListOptions);

impl AnswerKind for Kind<'_> {
    fn read(&self, question: &Question, submitted: &Submitted, _today: Date) -> Outcome {
        read(question, self.0, submitted)
    }

    /// "Select ...".
    fn required(&self, question: &Question) -> FieldError {
        FieldError::whole(question, Message::SelectRequired)
    }

    /// A checkbox per option, the boxes last `submitted` ticked. A follow-up question is
    /// always in the HTML, so without JavaScript it is simply shown.
    fn field(&self, question: &Question, at: FieldContext<'_>) -> Markup {
        let FieldContext {
            submitted,
            errors,
            language,
            page_heading,
        } = at;
        let ticked = submitted.all(&question.id);
        let mut checkboxes = Checkboxes::new(&question.id).id_prefix(&question.id);
        for choice in &self.0.options {
            if choice.exclusive {
                checkboxes = checkboxes.item(CheckboxItem::divider(Word::Or.text(language)));
            }
            let mut item = CheckboxItem::new(&choice.value, choice.label.in_language(language));
            if let Some(hint) = &choice.hint {
                item = item.hint(Hint::text(hint.in_language(language)));
            }
            if choice.exclusive {
                item = item.exclusive();
            }
            if ticked.contains(&choice.value) {
                item = item.checked();
            }
            if let Some(follow_up) = &choice.follow_up {
                item = item.conditional(question_field(
                    follow_up, submitted, errors, language, false,
                ));
            }
            checkboxes = checkboxes.item(item);
        }
        checkboxes =
            checkboxes.fieldset(Fieldset::new().legend(legend(question, language, page_heading)));
        if let Some(hint) = &question.hint {
            checkboxes = checkboxes.hint(Hint::text(hint.in_language(language)));
        }
        if let Some(message) = errors.message(&question.id) {
            checkboxes = checkboxes.error_message(ErrorMessage::text(message));
        }
        checkboxes.render()
    }

    fn display(
        &self,
        question: &Question,
        value: &AnswerValue,
        language: Language,
    ) -> Option<Vec<String>> {
        match value {
            AnswerValue::Choices(values) => Some(
                values
                    .iter()
                    .map(|value| label(question, value, language))
                    .collect(),
            ),
            _ => None,
        }
    }
}

/// Reads the options ticked, in the list's order.
fn read(question: &Question, options: &ManyFromListOptions, submitted: &Submitted) -> Outcome {
    let sent: Vec<&str> = submitted
        .all(&question.id)
        .iter()
        .map(String::as_str)
        // Browsers send a hidden empty value so that "nothing ticked" still arrives.
        .filter(|v| !v.is_empty())
        .collect();
    if sent.is_empty() {
        return Ok(None);
    }
    if sent
        .iter()
        .any(|v| !options.options.iter().any(|c| c.value == *v))
    {
        return Err(vec![FieldError::whole(question, Message::SelectRequired)]);
    }
    let chosen: Vec<String> = options
        .options
        .iter()
        .filter(|c| sent.contains(&c.value.as_str()))
        .map(|c| c.value.clone())
        .collect();
    if chosen.len() > 1
        && let Some(none) = options
            .options
            .iter()
            .find(|c| c.exclusive && chosen.contains(&c.value))
    {
        let none_label = none.label.clone();
        return Err(vec![FieldError::whole(
            question,
            Message::SelectExclusive { none_label },
        )]);
    }
    Ok(Some(AnswerValue::Choices(chosen)))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::definition::{AnswerType, Choice};
    use proptest::prelude::*;

    fn countries() -> Question {
        named(
            AnswerType::ManyFromList(ManyFromListOptions {
                options: vec![
                    Choice::new("fr", "France"),
                    Choice::new("pt", "Portugal"),
                    Choice::new(
                        "none",
                        "No, I will not be travelling to any of these countries",
                    )
                    .exclusive(),
                ],
            }),
            "countries you will be travelling to",
        )
    }

    #[test]
    fn options_come_back_in_list_order() {
        let q = countries();
        let s = Submitted::from_pairs([("q", ""), ("q", "pt"), ("q", "fr"), ("q", "pt")]);
        assert_eq!(
            run(&q, &s),
            Ok(Some(AnswerValue::Choices(vec!["fr".into(), "pt".into()])))
        );
    }

    #[test]
    fn the_exclusive_option_stands_alone() {
        let q = countries();
        let s = Submitted::from_pairs([("q", "fr"), ("q", "none")]);
        assert_eq!(
            run(&q, &s),
            Err(vec!["Select countries you will be travelling to, or select ‘No, I will not be travelling to any of these countries’".to_owned()])
        );
        assert!(run(&q, &one("none")).is_ok());
        assert_eq!(
            error(&q, "de"),
            "Select countries you will be travelling to"
        );
    }

    proptest! {
        #[test]
        fn any_values_are_read_or_refused(values in proptest::collection::vec(".*", 0..4)) {
            let _ = run(&countries(), &Submitted::from_pairs(values.into_iter().map(|v| ("q", v))));
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

    #[test]
    fn exclusive_none_after_divider_ticked_reshown_and_error_beside() {
        let form = FormDefinition::parse(
            r#"
id: t
title: T
pages:
  - id: p
    questions:
      - id: needs
        label: What help do you need?
        error_name: what help you need
        answer:
          type: many_from_list
          options:
            - { value: ramp, label: A ramp }
            - { value: large_print, label: Large print }
            - { value: none, label: None of these, exclusive: true }
"#,
            Format::Yaml,
        )
        .unwrap();
        let page = &form.pages[0];
        let submitted = Submitted::from_pairs([("needs", "ramp"), ("needs", "none")]);
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
        assert!(
            html.find(r#"id="needs""#).unwrap() < html.find(r#"value="ramp""#).unwrap(),
            "{html}"
        );
        let divider = html.find("govuk-checkboxes__divider").unwrap();
        assert!(divider < html.find(r#"value="none""#).unwrap(), "{html}");
        assert!(html.contains(r#"data-behaviour="exclusive""#), "{html}");
        assert_eq!(html.matches("checked").count(), 2, "{html}");
        assert!(
            html.contains(&page_errors.message("needs").unwrap()),
            "{html}"
        );
    }

    #[test]
    fn ticked_option_reveals_its_follow_up_in_english_and_welsh() {
        let form = FormDefinition::parse(
            r#"
id: t
title: T
pages:
  - id: p
    questions:
      - id: pets
        label: { en: Which pets do you have?, cy: Pa anifeiliaid anwes sydd gennych chi? }
        answer:
          type: many_from_list
          options:
            - value: dog
              label: { en: Dog, cy: Ci }
              follow_up:
                id: dogs
                label: { en: How many dogs?, cy: Sawl ci? }
                answer: { type: number, whole: true }
            - { value: cat, label: { en: Cat, cy: Cath } }
"#,
            Format::Yaml,
        )
        .unwrap();
        let page = &form.pages[0];
        let submitted = Submitted::from_pairs([("pets", "dog"), ("dogs", "<3>")]);
        for language in [Language::En, Language::Cy] {
            let page_errors = PageErrors::new(page, &[], language);
            let html = question_field(
                &page.questions[0],
                &submitted,
                &page_errors,
                language,
                false,
            )
            .into_string();
            let reveal = html
                .find(r#"<div class="govuk-checkboxes__conditional" id="conditional-pets""#)
                .unwrap();
            assert!(html.find(r#"value="dog""#).unwrap() < reveal, "{html}");
            assert!(reveal < html.find(r#"id="dogs""#).unwrap(), "{html}");
            assert!(reveal < html.find(r#"value="cat""#).unwrap(), "{html}");
            assert!(!html.contains("conditional--hidden"), "{html}");
            assert!(html.contains(r#"value="&lt;3&gt;""#), "{html}");
            let label = if language == Language::Cy {
                "Sawl ci?"
            } else {
                "How many dogs?"
            };
            assert!(html.contains(label), "{html}");
        }
    }
}
