//! Every page the form engine shows, as pure functions: a definition, the values submitted,
//! the errors, the language and a [`PageContext`] (brand, assets, where the form posts, the
//! CSRF token, the back link, and [`PageExtras`]: language switch, timeout notice, "Save and
//! come back later") in, [`maud::Markup`] out. No HTTP here; the markup comes from
//! civic-components and everything a resident typed is escaped.
//!
//! - Questions: [`question_page`] shows a page of questions (or an [`exit_page`]) with the
//!   Design System's error rules ([`PageErrors`]); [`question_field`] renders each question
//!   with its answer type's field (each answer type, in [`answers`](crate::answers), says how
//!   it is asked), follow-up questions revealed under their option.
//! - UK addresses: [`find_address_page`] (posts `<id>.postcode`, `<id>.building`),
//!   [`select_address_page`] (posts `<id>.uprn`), then the question's own manual entry.
//! - Add to a list: [`list_summary_page`] (posts [`ADD_ANOTHER_FIELD`]) and
//!   [`remove_item_page`] (posts [`REMOVE_FIELD`]).
//! - [`check_answers_page_with`] (posts [`DECLARATION_FIELD`] when the declaration has a
//!   checkbox), [`confirmation_page`], [`task_list_page`].
//! - Payment: [`payment_not_taken_page`] (posts "Try paying again"), [`checking_payment_page`],
//!   [`paid_confirmation_page`].
//! - Save and return: [`save_for_later_page`] (posts [`SAVE_EMAIL_FIELD`]),
//!   [`check_your_email_page`], [`continue_application_page`], [`link_expired_page`].

mod check_answers_page;
mod check_your_email_page;
mod checking_payment_page;
mod confirmation_page;
mod continue_application_page;
mod date_input;
mod errors;
mod exit_page;
mod field_context;
mod find_address_page;
mod layout;
// Page contexts for tests outside this module (the validator bridge renders its errors).
#[cfg(test)]
pub(crate) use layout::test_support;
mod link_expired_page;
mod list_summary_page;
pub(crate) mod parts;
mod payment_not_taken_page;
mod question_page;
mod remove_item_page;
mod save_for_later_page;
mod select_address_page;
mod task_list_page;
mod text_input;
mod timeout_warning;
#[cfg(test)]
mod xss_tests;

pub use check_answers_page::{
    CheckAnswers, DECLARATION_FIELD, check_answers_page, check_answers_page_with,
};
pub use check_your_email_page::check_your_email_page;
pub use checking_payment_page::checking_payment_page;
pub use confirmation_page::{confirmation_page, paid_confirmation_page};
pub use continue_application_page::continue_application_page;
pub(crate) use date_input::{date_input, date_item};
pub use errors::PageErrors;
pub use exit_page::exit_page;
pub(crate) use field_context::FieldContext;
pub use find_address_page::find_address_page;
#[cfg(feature = "axum")]
pub(crate) use layout::{framed, page_title};
pub use link_expired_page::link_expired_page;
pub use list_summary_page::{
    ADD_ANOTHER_FIELD, AddAnotherError, ItemAction, item_label, list_summary_page,
};
pub use payment_not_taken_page::payment_not_taken_page;
pub use question_page::{PageContext, PageExtras, question_field, question_page};
pub use remove_item_page::{REMOVE_FIELD, remove_item_page};
pub use save_for_later_page::{SAVE_EMAIL_FIELD, save_for_later_form_page, save_for_later_page};
pub use select_address_page::{LookupLinks, select_address_page};
pub use task_list_page::task_list_page;
pub(crate) use text_input::text_input;
pub use timeout_warning::WARNING_SECONDS;

use crate::definition::Language;

/// civic-components' language for a form's language, so built-in texts come from one place.
pub fn components_language(language: Language) -> civic_components::i18n::Language {
    match language {
        Language::En => civic_components::i18n::Language::English,
        Language::Cy => civic_components::i18n::Language::Welsh,
    }
}

/// What the answer types' field tests share: render a question the way a question page would,
/// with the errors `read_page` finds in `submitted`.
#[cfg(test)]
pub(crate) mod field_test {
    use super::FieldContext;
    use super::errors::PageErrors;
    use crate::answers::{Submitted, kind, read_page};
    use crate::definition::{FormDefinition, Language, Page, Question};

    /// `form`'s first question, read on a fixed day (28 November 2026).
    pub(crate) fn render(
        form: &FormDefinition,
        submitted: &Submitted,
        language: Language,
        page_heading: bool,
    ) -> String {
        render_on(&form.pages[0], submitted, language, page_heading)
    }

    /// `question` alone on a page, in English.
    pub(crate) fn render_question(
        question: &Question,
        submitted: &Submitted,
        page_heading: bool,
    ) -> String {
        let page = Page::new("page").question(question.clone());
        render_on(&page, submitted, Language::En, page_heading)
    }

    fn render_on(
        page: &Page,
        submitted: &Submitted,
        language: Language,
        page_heading: bool,
    ) -> String {
        let errors = read_page(page, submitted, time::macros::date!(2026 - 11 - 28))
            .err()
            .unwrap_or_default();
        let page_errors = PageErrors::new(page, &errors, language);
        let question = &page.questions[0];
        let at = FieldContext {
            submitted,
            errors: &page_errors,
            language,
            page_heading,
        };
        kind(&question.answer).field(question, at).into_string()
    }
}
