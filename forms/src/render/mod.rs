//! Every page the form engine shows, as pure functions: a definition, the values submitted,
//! the errors, the language and a [`PageContext`] (brand, assets, where the form posts, the
//! CSRF token, the back link, and [`PageExtras`]: language switch, timeout notice, "Save and
//! come back later") in, [`maud::Markup`] out. No HTTP here; the markup comes from
//! civic-components and everything a resident typed is escaped.
//!
//! - Questions: [`question_page`] shows a page of questions (or an [`exit_page`]) with the
//!   Design System's error rules ([`PageErrors`]); [`question_field`] picks the field for each
//!   answer type, follow-up questions revealed under their option.
//! - UK addresses: [`find_address_page`] (posts `<id>.postcode`, `<id>.building`),
//!   [`select_address_page`] (posts `<id>.uprn`), then manual entry ([`uk_address_field`]).
//! - Add to a list: [`list_summary_page`] (posts [`ADD_ANOTHER_FIELD`]) and
//!   [`remove_item_page`] (posts [`REMOVE_FIELD`]).
//! - [`check_answers_page_with`] (posts [`DECLARATION_FIELD`] when the declaration has a
//!   checkbox), [`confirmation_page`], [`task_list_page`].
//! - Payment: [`payment_not_taken_page`] (posts "Try paying again"), [`checking_payment_page`],
//!   [`paid_confirmation_page`].
//! - Save and return: [`save_for_later_page`] (posts [`SAVE_EMAIL_FIELD`]),
//!   [`check_your_email_page`], [`continue_application_page`], [`link_expired_page`].

mod bank_details_field;
mod check_answers_page;
mod check_your_email_page;
mod checkboxes_field;
mod checking_payment_page;
mod confirmation_page;
mod continue_application_page;
mod date_field;
mod errors;
mod exit_page;
mod file_upload_field;
mod find_address_page;
mod international_address_field;
mod layout;
// Page contexts for tests outside this module (the validator bridge renders its errors).
#[cfg(test)]
pub(crate) use layout::test_support;
mod link_expired_page;
mod list_summary_page;
mod long_text_field;
mod name_parts_field;
mod parts;
mod payment_not_taken_page;
mod question_page;
mod radios_field;
mod remove_item_page;
mod save_for_later_page;
mod select_address_page;
mod select_field;
mod single_field;
mod task_list_page;
mod time_field;
mod timeout_warning;
mod uk_address_field;
#[cfg(test)]
mod xss_tests;

pub use bank_details_field::bank_details_field;
pub use check_answers_page::{
    CheckAnswers, DECLARATION_FIELD, check_answers_page, check_answers_page_with,
};
pub use check_your_email_page::check_your_email_page;
pub use checkboxes_field::checkboxes_field;
pub use checking_payment_page::checking_payment_page;
pub use confirmation_page::{confirmation_page, paid_confirmation_page};
pub use continue_application_page::continue_application_page;
pub use date_field::date_field;
pub use errors::PageErrors;
pub use exit_page::exit_page;
pub use file_upload_field::{accept_attribute, asks_for_files, file_upload_field};
pub use find_address_page::find_address_page;
pub use international_address_field::international_address_field;
#[cfg(feature = "axum")]
pub(crate) use layout::{framed, page_title};
pub use link_expired_page::link_expired_page;
pub use list_summary_page::{
    ADD_ANOTHER_FIELD, AddAnotherError, ItemAction, item_label, list_summary_page,
};
pub use long_text_field::long_text_field;
pub use name_parts_field::name_parts_field;
pub use payment_not_taken_page::payment_not_taken_page;
pub use question_page::{NotRendered, PageContext, PageExtras, question_field, question_page};
pub use radios_field::radios_field;
pub use remove_item_page::{REMOVE_FIELD, remove_item_page};
pub use save_for_later_page::{SAVE_EMAIL_FIELD, save_for_later_form_page, save_for_later_page};
pub use select_address_page::{LookupLinks, select_address_page};
pub use select_field::select_field;
pub use single_field::single_field;
pub use task_list_page::task_list_page;
pub use time_field::time_field;
pub use timeout_warning::WARNING_SECONDS;
pub use uk_address_field::uk_address_field;

use crate::definition::Language;

/// civic-components' language for a form's language, so built-in texts come from one place.
pub fn components_language(language: Language) -> civic_components::i18n::Language {
    match language {
        Language::En => civic_components::i18n::Language::English,
        Language::Cy => civic_components::i18n::Language::Welsh,
    }
}

/// What the field renderers' tests share: render a one-page form's first question the way a
/// question page would, with the errors `read_page` finds in `submitted`.
#[cfg(test)]
pub(crate) mod field_test {
    use maud::Markup;

    use super::errors::PageErrors;
    use crate::answers::{Submitted, read_page};
    use crate::definition::{FormDefinition, Language, Question};

    /// A field renderer's signature: question, submitted values, page errors, language, and
    /// whether the question's label is the page heading.
    pub(crate) type Field =
        fn(&Question, &Submitted, &PageErrors<'_>, Language, bool) -> Option<Markup>;

    /// `field` on `form`'s first question, read on a fixed day (28 November 2026).
    pub(crate) fn render(
        field: Field,
        form: &FormDefinition,
        submitted: &Submitted,
        language: Language,
        page_heading: bool,
    ) -> String {
        let page = &form.pages[0];
        let errors = read_page(page, submitted, time::macros::date!(2026 - 11 - 28))
            .err()
            .unwrap_or_default();
        let page_errors = PageErrors::new(page, &errors, language);
        field(
            &page.questions[0],
            submitted,
            &page_errors,
            language,
            page_heading,
        )
        .map(Markup::into_string)
        .unwrap_or_else(|| panic!("{} was not rendered", page.questions[0].id))
    }
}
