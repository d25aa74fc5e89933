//! The Design System's date input, for the answer types asked in numbered boxes (dates, dates
//! of birth, months and years, times): one box per part named `<id>.<part>`, only the parts
//! in error highlighted.

use civic_components::{DateInput, DateItem, ErrorMessage, Fieldset, Hint, Legend};
use maud::{Markup, Render};

use super::{FieldContext, components_language};
use crate::definition::Question;
use crate::messages::Part;

/// One box: `<id>.<part>` with `label`, a `width` class, a numeric keyboard, the value last
/// submitted, highlighted when an error is about this part.
pub(crate) fn date_item(
    question: &Question,
    part: Part,
    label: &str,
    width: &str,
    at: FieldContext<'_>,
) -> DateItem {
    let key = format!("{}.{}", question.id, part.key());
    let mut item = DateItem::new(&key);
    item.id = Some(key.clone());
    item.label = Some(label.to_owned());
    item.value = Some(at.submitted.get(&key).to_owned());
    item.classes = Some(width.to_owned());
    item.error = Some(at.errors.highlights(&question.id, Some(part)));
    item.inputmode = Some("numeric".to_owned());
    item
}

/// The boxes in a fieldset with `legend`, `hint` and the question's error.
pub(crate) fn date_input(
    question: &Question,
    items: Vec<DateItem>,
    legend: Legend,
    hint: Option<&str>,
    at: FieldContext<'_>,
) -> Markup {
    let mut input = DateInput::new(&question.id).language(components_language(at.language));
    input.items = items;
    input = input.fieldset(Fieldset::new().legend(legend));
    if let Some(hint) = hint {
        input = input.hint(Hint::text(hint));
    }
    if let Some(message) = at.errors.message(&question.id) {
        input = input.error_message(ErrorMessage::text(message));
    }
    input.render()
}
