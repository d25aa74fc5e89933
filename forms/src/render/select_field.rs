//! One-from-a-long-list answers as a select that JavaScript enhances into an autocomplete.
//!
//! The select carries `data-module="civic-autocomplete"` and, as `data-text-*` attributes, the
//! words the autocomplete shows and announces in the page's language; civic-components'
//! `autocomplete.mjs` finds it and puts alphagov's accessible-autocomplete in its place, which
//! keeps the hidden select up to date, so the same field is posted. Without JavaScript it is a
//! plain select that works.

use civic_components::{Attributes, ErrorMessage, Hint, Label, Select, SelectItem};
use maud::{Markup, Render};

use super::PageErrors;
use crate::definition::{AnswerType, Language, ListDisplay, Question};
use crate::messages::{AutocompleteText, Word};

/// The `data-module` that `autocomplete.mjs` enhances.
const AUTOCOMPLETE_MODULE: &str = "civic-autocomplete";

/// Renders `question` as a select with `value` selected, or `None` when it is not a
/// one-from-a-list answer shown as an autocomplete. `page_heading` makes the label the `<h1>`.
pub fn select_field(
    question: &Question,
    value: &str,
    errors: &PageErrors<'_>,
    language: Language,
    page_heading: bool,
) -> Option<Markup> {
    let AnswerType::OneFromList(options) = &question.answer else {
        return None;
    };
    if options.display != ListDisplay::Autocomplete {
        return None;
    }
    let mut label_text = question.label.in_language(language).to_owned();
    if question.optional {
        label_text = format!("{label_text} {}", Word::Optional.text(language));
    }
    let mut label = Label::text(label_text).page_heading(page_heading);
    if page_heading {
        label.classes = Some("govuk-label--l".to_owned());
    }
    // An empty first option, so nothing is chosen until the resident chooses.
    let mut select = Select::new(&question.id)
        .id(&question.id)
        .label(label)
        .attributes(autocomplete_attributes(language))
        .item(SelectItem::new("", ""));
    for choice in &options.options {
        let mut item = SelectItem::new(&choice.value, choice.label.in_language(language));
        if choice.value == value {
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
    Some(select.render())
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
        let page = &form.pages[0];
        let errors = PageErrors::new(page, &[], Language::Cy);
        let html = select_field(&page.questions[0], "de", &errors, Language::Cy, true)
            .unwrap()
            .into_string();
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
        let page = &form.pages[0];
        let errors = PageErrors::new(page, &[], Language::En);
        assert!(select_field(&page.questions[0], "", &errors, Language::En, true).is_none());
        let submitted = crate::answers::Submitted::default();
        let html = crate::render::question_field(
            &page.questions[0],
            &submitted,
            &errors,
            Language::En,
            true,
        )
        .unwrap()
        .into_string();
        assert!(!html.contains("civic-autocomplete"), "{html}");
        assert!(html.contains(r#"type="radio""#), "{html}");
    }
}
