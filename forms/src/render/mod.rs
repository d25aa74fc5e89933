//! Turning a page's errors into what the GOV.UK Design System asks a page to show.
//!
//! Plain Rust, always compiled; the markup comes from civic-components.

mod check_answers_page;
mod checkboxes_field;
mod confirmation_page;
mod date_field;
mod errors;
mod long_text_field;
mod question_page;
mod radios_field;
mod select_field;
mod single_field;

pub use check_answers_page::check_answers_page;
pub use checkboxes_field::checkboxes_field;
pub use confirmation_page::confirmation_page;
pub use date_field::date_field;
pub use errors::PageErrors;
pub use long_text_field::long_text_field;
pub use question_page::{NotRendered, PageContext, question_page};
pub use radios_field::radios_field;
pub use select_field::select_field;
pub use single_field::single_field;

use crate::definition::Language;

/// civic-components' language for a form's language, so built-in texts come from one place.
pub fn components_language(language: Language) -> civic_components::i18n::Language {
    match language {
        Language::En => civic_components::i18n::Language::English,
        Language::Cy => civic_components::i18n::Language::Welsh,
    }
}
