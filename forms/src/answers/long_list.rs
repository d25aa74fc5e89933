//! One option from a long list: a select that JavaScript enhances into an autocomplete.
//!
//! The select carries `data-module="civic-autocomplete"` and, as `data-text-*` attributes, the
//! words the autocomplete shows and announces in the page's language; civic-components'
//! `autocomplete.mjs` finds it and puts alphagov's accessible-autocomplete in its place, which
//! keeps the hidden select up to date, so the same field is posted. Without JavaScript it is a
//! plain select that works. The answer is read and shown as any one-from-a-list answer is.

use civic_components::{Attributes, ErrorMessage, Hint, Select, SelectItem};
use maud::{Markup, Render};
use time::Date;

use super::one_from_list::{chosen_label, read};
use super::{AnswerKind, AnswerValue, FieldError, Outcome, Submitted};
use crate::definition::{Language, OneFromListOptions, Question};
use crate::messages::{AutocompleteText, Message};
use crate::render::FieldContext;
use crate::render::parts::label;

/// The `data-module` that `autocomplete.mjs` enhances.
const AUTOCOMPLETE_MODULE: &str = "civic-autocomplete";

/// One option from a list shown with `display: autocomplete`.
pub(super) struct Kind<'a>(pub(super) &'a OneFromListOptions);

impl AnswerKind for Kind<'_> {
    fn read(&self, question: &Question, submitted: &Submitted, _today: Date) -> Outcome {
        read(question, self.0, submitted)
    }

    /// "Select ...".
    fn required(&self, question: &Question) -> FieldError {
        FieldError::whole(question, Message::SelectRequired)
    }

    /// A select marked for the autocomplete, the option last `submitted` selected.
    fn field(&self, question: &Question, at: FieldContext<'_>) -> Markup {
        let FieldContext {
            submitted,
            errors,
            language,
            page_heading,
        } = at;
        // An empty first option, so nothing is chosen until the resident chooses.
        let mut select = Select::new(&question.id)
            .id(&question.id)
            .label(label(question, language, page_heading))
            .attributes(autocomplete_attributes(language))
            .item(SelectItem::new("", ""));
        for choice in &self.0.options {
            let mut item = SelectItem::new(&choice.value, choice.label.in_language(language));
            if choice.value == submitted.get(&question.id) {
                item = item.selected();
            }
            select = select.item(item);
        }
        if let Some(hint) = &question.hint {
            select = select.hint(Hint::text(hint.in_language(language)));
        }
        if let Some(message) = errors.message(&question.id) {
            select = select.error_message(ErrorMessage::text(message));
        }
        select.render()
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

/// `data-module` and the autocomplete's words. The names are fixed and valid; were one ever
/// refused, the select would simply stay plain, which still works.
fn autocomplete_attributes(language: Language) -> Attributes {
    Attributes::new()
        .with("data-module", AUTOCOMPLETE_MODULE)
        .and_then(|start| {
            AutocompleteText::ALL
                .iter()
                .try_fold(start, |attributes, (text, name)| {
                    attributes.with(format!("data-text-{name}"), text.text(language))
                })
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::definition::{FormDefinition, Format};
    use crate::render::field_test;

    #[test]
    fn long_list_is_a_select_with_the_answer_selected() {
        let form = FormDefinition::parse(
            r#"
id: t
title: T
pages:
  - id: p
    questions:
      - id: country
        label: Which country?
        answer:
          type: one_from_list
          display: autocomplete
          options:
            - { value: fr, label: France }
            - { value: de, label: { en: Germany, cy: Yr Almaen } }
"#,
            Format::Yaml,
        )
        .unwrap();
        let html = field_test::render(
            &form,
            &Submitted::from_pairs([("country", "de")]),
            Language::Cy,
            true,
        );
        assert!(
            html.contains(r#"<select class="govuk-select" id="country" name="country""#),
            "{html}"
        );
        assert!(
            html.contains(r#"<option value="de" selected>Yr Almaen</option>"#),
            "{html}"
        );
        assert!(!html.contains(r#"value="fr" selected"#), "{html}");
        assert!(
            html.contains(r#"data-module="civic-autocomplete""#),
            "{html}"
        );
        assert!(
            html.contains(r#"data-text-no-results="Dim canlyniadau wedi’u canfod""#),
            "{html}"
        );
    }

    #[test]
    fn only_long_lists_are_marked_for_the_autocomplete() {
        let form = FormDefinition::parse(
            r#"
id: t
title: T
pages:
  - id: p
    questions:
      - id: bin
        label: Which bin?
        answer:
          type: one_from_list
          options:
            - { value: black, label: Black }
            - { value: blue, label: Blue }
"#,
            Format::Yaml,
        )
        .unwrap();
        let html = field_test::render(&form, &Submitted::default(), Language::En, true);
        assert!(!html.contains("civic-autocomplete"), "{html}");
        assert!(html.contains(r#"type="radio""#), "{html}");
    }
}
