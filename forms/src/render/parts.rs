//! Pieces the answer types' fields share: the question's label or legend, and for answers
//! asked in several inputs inside one fieldset (a name in parts, bank details, addresses)
//! one input per part named `<id>.<part>` showing its own error.

use civic_components::{ErrorMessage, Fieldset, Hint, Input, Label, Legend};
use maud::{Markup, Render, html};

use super::FieldContext;
use crate::definition::{Language, Question};
use crate::messages::{Part, Word};

/// The question's label in `language`, with "(optional)" after it when it is optional.
fn label_text(question: &Question, language: Language) -> String {
    let text = question.label.in_language(language);
    if question.optional {
        format!("{text} {}", Word::Optional.text(language))
    } else {
        text.to_owned()
    }
}

/// The label of a question asked in one input: large, and the page's `<h1>`, when
/// `page_heading`.
pub(crate) fn label(question: &Question, language: Language, page_heading: bool) -> Label {
    let mut label = Label::text(label_text(question, language)).page_heading(page_heading);
    if page_heading {
        label.classes = Some("govuk-label--l".to_owned());
    }
    label
}

/// The legend of a question asked with radios, checkboxes or a date: large, and the page's
/// `<h1>`, when `page_heading`.
pub(crate) fn legend(question: &Question, language: Language, page_heading: bool) -> Legend {
    let mut legend = Legend::text(label_text(question, language)).page_heading(page_heading);
    if page_heading {
        legend.classes = Some("govuk-fieldset__legend--l".to_owned());
    }
    legend
}

/// The legend of a question asked in several labelled inputs: the page's `<h1>` when
/// `page_heading`, otherwise a medium heading over its inputs' labels.
pub(crate) fn group_legend(question: &Question, language: Language, page_heading: bool) -> Legend {
    let mut legend = Legend::text(label_text(question, language)).page_heading(page_heading);
    legend.classes = Some(
        if page_heading {
            "govuk-fieldset__legend--l"
        } else {
            "govuk-fieldset__legend--m"
        }
        .to_owned(),
    );
    legend
}

/// The input for one part: id and name `<id>.<part>`, the value as last submitted, `label`,
/// and the error about that part beside it.
pub(crate) fn part_input(
    question: &Question,
    part: Part,
    at: FieldContext<'_>,
    label: &str,
) -> Input {
    let key = format!("{}.{}", question.id, part.key());
    let mut input = Input::new(&key)
        .id(&key)
        .label(Label::text(label))
        .value(at.submitted.get(&key));
    if let Some(message) = at.errors.part_message(&question.id, part) {
        input = input.error_message(ErrorMessage::text(message));
    }
    input
}

/// The inputs in a fieldset with the question's legend and hint.
pub(crate) fn fieldset(
    question: &Question,
    language: Language,
    page_heading: bool,
    inputs: &[Input],
) -> Markup {
    let mut fieldset = Fieldset::new().legend(group_legend(question, language, page_heading));
    let hint = question.hint.as_ref().map(|hint| {
        let id = format!("{}-hint", question.id);
        fieldset.described_by = Some(id.clone());
        Hint::text(hint.in_language(language)).id(id)
    });
    fieldset
        .caller(html! {
            @if let Some(hint) = &hint { (hint) }
            @for input in inputs { (input) }
        })
        .render()
}
