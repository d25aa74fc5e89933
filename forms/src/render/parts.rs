//! Pieces shared by the answers asked in several inputs inside one fieldset (a name in parts,
//! bank details, addresses): the legend, the question's hint, and one input per part named
//! `<id>.<part>` showing its own error.

use civic_components::{ErrorMessage, Fieldset, Hint, Input, Label, Legend};
use maud::{Markup, Render, html};

use super::PageErrors;
use crate::answers::Submitted;
use crate::definition::{Language, Question};
use crate::messages::{Part, Word};

/// The question's label as a legend, "(optional)" added, the page's `<h1>` when
/// `page_heading`.
pub(super) fn legend(question: &Question, language: Language, page_heading: bool) -> Legend {
    let mut text = question.label.in_language(language).to_owned();
    if question.optional {
        text = format!("{text} {}", Word::Optional.text(language));
    }
    let mut legend = Legend::text(text).page_heading(page_heading);
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
pub(super) fn part_input(
    question: &Question,
    part: Part,
    submitted: &Submitted,
    errors: &PageErrors<'_>,
    label: &str,
) -> Input {
    let key = format!("{}.{}", question.id, part.key());
    let mut input = Input::new(&key)
        .id(&key)
        .label(Label::text(label))
        .value(submitted.get(&key));
    if let Some(message) = errors.part_message(&question.id, part) {
        input = input.error_message(ErrorMessage::text(message));
    }
    input
}

/// The inputs in a fieldset with the question's legend and hint.
pub(super) fn fieldset(
    question: &Question,
    language: Language,
    page_heading: bool,
    inputs: &[Input],
) -> Markup {
    let mut fieldset = Fieldset::new().legend(legend(question, language, page_heading));
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
