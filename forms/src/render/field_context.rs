//! What every answer type's field is rendered with besides its question.

use super::PageErrors;
use crate::answers::Submitted;
use crate::definition::Language;

/// The page a field is rendered on: what was last submitted (re-shown after an error), the
/// page's errors, its language, and whether the field's label or legend is the page's `<h1>`
/// (the only question on the page).
#[derive(Debug, Clone, Copy)]
pub(crate) struct FieldContext<'a> {
    /// The fields as last submitted.
    pub(crate) submitted: &'a Submitted,
    /// The errors found on the page.
    pub(crate) errors: &'a PageErrors<'a>,
    /// The language the page is shown in.
    pub(crate) language: Language,
    /// Whether the label or legend is the page heading.
    pub(crate) page_heading: bool,
}
