//! What every answer type provides, and which answer type a question asks for.
//!
//! An answer type is one file in this folder holding one [`AnswerKind`]: how its fields are
//! read and checked, how they are rendered on a question page, and how the answer reads on
//! "check your answers" and in emails. The Design System components it renders with come from
//! civic-components, through the few pieces the types share in `render`.

use maud::Markup;
use time::Date;

use super::{
    AnswerValue, FieldError, Outcome, Submitted, bank_details, date, date_of_birth, email,
    file_upload, international_address, long_list, long_text, many_from_list, money, month_year,
    name, national_insurance_number, number, one_from_list, organisation_name, phone, postcode,
    text, time_of_day, uk_address, vehicle_registration, yes_no,
};
use crate::definition::{AnswerType, Language, ListDisplay, Question};
use crate::messages::{Message, Part};
use crate::render::FieldContext;

/// One answer type: parse and validate, render, display.
pub(crate) trait AnswerKind {
    /// The parts the question is asked in, each posted as `<id>.<part>`; none when it is asked
    /// in one field named by the question's id.
    fn parts(&self) -> &'static [Part] {
        &[]
    }

    /// Reads and checks the question's fields: an answer, `Ok(None)` when nothing was
    /// entered, or the errors in page order.
    fn read(&self, question: &Question, submitted: &Submitted, today: Date) -> Outcome;

    /// The error for a required question left blank: "Enter ...", linked to the whole field.
    fn required(&self, question: &Question) -> FieldError {
        FieldError::whole(question, Message::Required)
    }

    /// The question's field as the Design System renders it, showing what was last submitted
    /// and the errors about it.
    fn field(&self, question: &Question, at: FieldContext<'_>) -> Markup;

    /// The answer as lines of plain text, or `None` when `value` is not of this type (an
    /// answer kept from before the form's definition changed).
    fn display(
        &self,
        question: &Question,
        value: &AnswerValue,
        language: Language,
    ) -> Option<Vec<String>>;
}

/// The answer type `answer` is, with its options.
pub(crate) fn kind(answer: &AnswerType) -> Box<dyn AnswerKind + '_> {
    match answer {
        AnswerType::Name(options) => Box::new(name::Kind(options)),
        AnswerType::OrganisationName(options) => Box::new(organisation_name::Kind(options)),
        AnswerType::Email {} => Box::new(email::Kind),
        AnswerType::Phone(options) => Box::new(phone::Kind(options)),
        AnswerType::NationalInsuranceNumber {} => Box::new(national_insurance_number::Kind),
        AnswerType::UkAddress(_) => Box::new(uk_address::Kind),
        AnswerType::InternationalAddress {} => Box::new(international_address::Kind),
        AnswerType::Date(options) => Box::new(date::Kind(options)),
        AnswerType::DateOfBirth {} => Box::new(date_of_birth::Kind),
        AnswerType::MonthYear {} => Box::new(month_year::Kind),
        AnswerType::Time {} => Box::new(time_of_day::Kind),
        AnswerType::Number(options) => Box::new(number::Kind(options)),
        AnswerType::Money(options) => Box::new(money::Kind(options)),
        AnswerType::Text(options) => Box::new(text::Kind(options)),
        AnswerType::LongText(options) => Box::new(long_text::Kind(options)),
        AnswerType::YesNo {} => Box::new(yes_no::Kind),
        AnswerType::OneFromList(options) if options.display == ListDisplay::Autocomplete => {
            Box::new(long_list::Kind(options))
        }
        AnswerType::OneFromList(options) => Box::new(one_from_list::Kind(options)),
        AnswerType::ManyFromList(options) => Box::new(many_from_list::Kind(options)),
        AnswerType::Postcode {} => Box::new(postcode::Kind),
        AnswerType::VehicleRegistration {} => Box::new(vehicle_registration::Kind),
        AnswerType::BankDetails(options) => Box::new(bank_details::Kind(options)),
        AnswerType::FileUpload(options) => Box::new(file_upload::Kind(options)),
    }
}
