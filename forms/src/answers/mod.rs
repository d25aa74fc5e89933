//! Answer types: reading submitted form fields into typed answers, with Design System errors,
//! and showing answers on "check your answers".
//!
//! Each answer type is one file implementing the crate's `AnswerKind` trait: how its fields are
//! read and checked, how they are rendered, and how the answer is shown on "check your
//! answers". A question asked in several fields names them `<id>.<part>` (`dob.day`,
//! `dob.month`, `dob.year`); errors are keyed the same way, so the error summary links to the
//! first part in error and only the parts in error are highlighted.

mod answer_kind;
mod bank_details;
mod date;
mod date_of_birth;
mod email;
mod file_upload;
mod international_address;
mod long_list;
mod long_text;
mod many_from_list;
mod money;
mod month_year;
mod name;
mod national_insurance_number;
mod number;
mod one_from_list;
mod organisation_name;
mod page;
mod phone;
mod postcode;
mod text;
mod time_of_day;
mod uk_address;
mod vehicle_registration;
mod yes_no;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::decimal::Decimal;
use crate::definition::{Language, Question};
use crate::messages::{Message, Part, Subject, Word};

pub(crate) use answer_kind::{AnswerKind, kind};
pub use bank_details::BankDetails;
pub use file_upload::{
    AcceptedFile, CheckedFile, UploadedFile, accept_attribute, asks_for_files, check_files, sniff,
};
pub use international_address::InternationalAddress;
pub(crate) use money::amount;
pub use name::PersonName;
pub use page::{PageOutcome, expected_fields, read_page, unexpected_fields};
pub use uk_address::UkAddress;

/// The fields of a submitted form: each name with its values, in the order sent; and, for
/// file upload questions, the files the HTTP layer checked and stored (or why it refused them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Submitted {
    fields: BTreeMap<String, Vec<String>>,
    files: BTreeMap<String, Result<Vec<AcceptedFile>, Vec<FieldError>>>,
}

impl Submitted {
    /// Fields from name/value pairs, as a URL-encoded form body decodes to.
    pub fn from_pairs<K: Into<String>, V: Into<String>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        let mut fields: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (name, value) in pairs {
            fields.entry(name.into()).or_default().push(value.into());
        }
        Submitted {
            fields,
            files: BTreeMap::new(),
        }
    }

    /// Gives the file upload question `question` these stored files, or the errors its
    /// uploads were refused with; no files (or none given) reads as nothing chosen.
    pub fn set_files(
        &mut self,
        question: impl Into<String>,
        files: Result<Vec<AcceptedFile>, Vec<FieldError>>,
    ) {
        self.files.insert(question.into(), files);
    }

    /// The files given to `question` with [`Submitted::set_files`].
    pub fn files(&self, question: &str) -> Option<&Result<Vec<AcceptedFile>, Vec<FieldError>>> {
        self.files.get(question)
    }

    /// The first value of a field, or `""` when it was not sent.
    pub fn get(&self, name: &str) -> &str {
        self.fields
            .get(name)
            .and_then(|values| values.first())
            .map_or("", String::as_str)
    }

    /// Every value of a field (checkboxes send one per box ticked).
    pub fn all(&self, name: &str) -> &[String] {
        self.fields.get(name).map_or(&[], Vec::as_slice)
    }

    /// The names of every field sent.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.fields.keys().map(String::as_str)
    }
}

/// One error on one answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The question's id.
    pub question: String,
    /// The part the error summary links to (the first part in error), if the answer has parts.
    pub part: Option<Part>,
    /// Every part to highlight; empty when the answer has no parts.
    pub highlight: Vec<Part>,
    /// What is wrong.
    pub message: Message,
}

impl FieldError {
    /// An error on the whole answer.
    pub fn whole(question: &Question, message: Message) -> Self {
        FieldError {
            question: question.id.clone(),
            part: None,
            highlight: Vec::new(),
            message,
        }
    }

    /// An error on some parts; the first is linked to.
    pub fn parts(question: &Question, parts: &[Part], message: Message) -> Self {
        FieldError {
            question: question.id.clone(),
            part: parts.first().copied(),
            highlight: parts.to_vec(),
            message,
        }
    }

    /// The field the error summary links to: `dob.month`, or `email`.
    pub fn key(&self) -> String {
        match self.part {
            Some(part) => format!("{}.{}", self.question, part.key()),
            None => self.question.clone(),
        }
    }

    /// The message in `language`, naming the answer as the question does.
    pub fn text(&self, question: &Question, language: Language) -> String {
        let subject_part = match self.message {
            // Messages about one part of a name, bank account or address name that part.
            Message::Required
            | Message::TooLong(_)
            | Message::TooShort(_)
            | Message::WrongFormat => self.part,
            _ => None,
        };
        let subject = Subject::for_question(question, subject_part, language);
        self.message.text(&subject, language)
    }
}

/// A typed answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
#[non_exhaustive]
pub enum AnswerValue {
    /// Text: single or long text, organisation names, full names, and normalised email
    /// addresses, phone numbers, National Insurance numbers, postcodes and registrations.
    Text(String),
    /// A name in parts.
    Name(PersonName),
    /// A number.
    Number(Decimal),
    /// An amount of money in pence.
    Money(u64),
    /// A date.
    Date(Date),
    /// A month and year.
    MonthYear {
        /// The year.
        year: i32,
        /// The month, 1 to 12.
        month: u8,
    },
    /// A time of day.
    Time {
        /// The hour, 0 to 23.
        hour: u8,
        /// The minute, 0 to 59.
        minute: u8,
    },
    /// Yes (true) or no.
    YesNo(bool),
    /// The value of the option chosen.
    Choice(String),
    /// The values of the options chosen, in the list's order.
    Choices(Vec<String>),
    /// A UK address.
    UkAddress(UkAddress),
    /// An international address.
    InternationalAddress(InternationalAddress),
    /// Bank details.
    BankDetails(BankDetails),
    /// Files uploaded, each checked by its content.
    Files(Vec<AcceptedFile>),
}

/// What reading a question's fields gives: an answer, no answer (an optional question left
/// blank), or errors in page order.
pub type Outcome = Result<Option<AnswerValue>, Vec<FieldError>>;

/// Reads `question`'s fields from `submitted`; `today` is for date rules.
pub fn read(question: &Question, submitted: &Submitted, today: Date) -> Outcome {
    let kind = kind(&question.answer);
    match kind.read(question, submitted, today) {
        Ok(Some(value)) => Ok(Some(value)),
        Ok(None) if question.optional => Ok(None),
        Ok(None) => Err(vec![kind.required(question)]),
        Err(errors) => Err(errors),
    }
}

/// The field names `question` is posted in: its id, or `<id>.<part>` for each of its parts.
pub(crate) fn field_names(question: &Question) -> Vec<String> {
    match kind(&question.answer).parts() {
        [] => vec![question.id.clone()],
        parts => parts.iter().map(|&part| field(question, part)).collect(),
    }
}

/// How an answer reads on "check your answers" and in emails, as lines of plain text
/// (escaping is the renderer's job).
pub fn display(
    question: &Question,
    value: Option<&AnswerValue>,
    language: Language,
) -> Vec<String> {
    let Some(value) = value else {
        return vec![Word::NotAnswered.text(language).to_owned()];
    };
    kind(&question.answer)
        .display(question, value, language)
        .unwrap_or_else(|| kept_from_before(value))
}

/// An answer of another type than its question now asks for, given before the form's
/// definition changed: shown as plainly as it can be, rather than lost.
fn kept_from_before(value: &AnswerValue) -> Vec<String> {
    match value {
        AnswerValue::Text(text) => text.lines().map(str::to_owned).collect(),
        AnswerValue::Name(name) => vec![name.to_string()],
        AnswerValue::Number(n) => vec![n.to_string()],
        AnswerValue::Money(pence) => vec![amount(*pence)],
        AnswerValue::Date(date) => vec![date.to_string()],
        AnswerValue::MonthYear { year, month } => vec![format!("{month:02}/{year}")],
        AnswerValue::Time { hour, minute } => vec![format!("{hour:02}:{minute:02}")],
        AnswerValue::YesNo(yes) => vec![yes.to_string()],
        AnswerValue::Choice(value) => vec![value.clone()],
        AnswerValue::Choices(values) => values.clone(),
        AnswerValue::UkAddress(address) => address.lines(),
        AnswerValue::InternationalAddress(address) => address.lines(),
        AnswerValue::BankDetails(details) => details.lines(),
        AnswerValue::Files(files) => files.iter().map(|f| f.file_name.clone()).collect(),
    }
}

/// The field name of one part of a question.
fn field(question: &Question, part: Part) -> String {
    format!("{}.{}", question.id, part.key())
}

/// Keeps only ASCII letters and digits, upper-cased: residents may type spaces, hyphens,
/// dots and other punctuation in codes and numbers.
fn compact(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// A text answer's lines, or `None` for an answer of another kind.
fn text_lines(value: &AnswerValue) -> Option<Vec<String>> {
    match value {
        AnswerValue::Text(text) => Some(text.lines().map(str::to_owned).collect()),
        _ => None,
    }
}

/// Text as typed, trimmed, with line endings made `\n`.
fn tidy(text: &str) -> String {
    text.trim().replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;
    use crate::definition::AnswerType;

    pub fn question(answer: AnswerType) -> Question {
        Question::new("q", "Question?", answer)
    }

    pub fn named(answer: AnswerType, error_name: &str) -> Question {
        Question::new("q", "Question?", answer).error_name(error_name)
    }

    pub fn one(value: &str) -> Submitted {
        Submitted::from_pairs([("q", value)])
    }

    pub fn today() -> Date {
        time::macros::date!(2025 - 06 - 15)
    }

    /// The messages of an outcome's errors in English, or the answer.
    pub fn run(
        question: &Question,
        submitted: &Submitted,
    ) -> Result<Option<AnswerValue>, Vec<String>> {
        read(question, submitted, today()).map_err(|errors| {
            errors
                .iter()
                .map(|e| e.text(question, Language::En))
                .collect()
        })
    }

    pub fn error(question: &Question, value: &str) -> String {
        match run(question, &one(value)) {
            Err(mut messages) => messages.remove(0),
            Ok(v) => panic!("{value:?} was accepted as {v:?}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;
    use crate::definition::*;
    use proptest::prelude::*;

    fn every_type() -> Vec<AnswerType> {
        vec![
            AnswerType::Name(NameOptions::default()),
            AnswerType::Name(NameOptions {
                parts: NameParts::TitleFirstAndLast,
                max_length: None,
            }),
            AnswerType::OrganisationName(TextOptions::default()),
            AnswerType::Email {},
            AnswerType::Phone(PhoneOptions::default()),
            AnswerType::Phone(PhoneOptions {
                international: true,
            }),
            AnswerType::NationalInsuranceNumber {},
            AnswerType::UkAddress(UkAddressOptions::default()),
            AnswerType::InternationalAddress {},
            AnswerType::Date(DateOptions {
                must_be: Some(DateRule::TodayOrInTheFuture),
                within_the_last_days: None,
            }),
            AnswerType::DateOfBirth {},
            AnswerType::MonthYear {},
            AnswerType::Time {},
            AnswerType::Number(NumberOptions {
                whole: true,
                min: Some(Decimal::from_integer(1)),
                max: Some(Decimal::from_integer(9)),
                suffix: None,
            }),
            AnswerType::Money(MoneyOptions {
                min_pence: Some(100),
                max_pence: Some(100_000),
            }),
            AnswerType::Text(TextOptions::default()),
            AnswerType::LongText(LongTextOptions {
                max_length: None,
                max_words: Some(5),
            }),
            AnswerType::YesNo {},
            AnswerType::OneFromList(OneFromListOptions {
                options: vec![Choice::new("a", "A"), Choice::new("b", "B")],
                display: ListDisplay::Radios,
                supplied: false,
            }),
            AnswerType::OneFromList(OneFromListOptions {
                options: vec![Choice::new("a", "A"), Choice::new("b", "B")],
                display: ListDisplay::Autocomplete,
                supplied: false,
            }),
            AnswerType::ManyFromList(ManyFromListOptions {
                options: vec![
                    Choice::new("a", "A"),
                    Choice::new("none", "None").exclusive(),
                ],
            }),
            AnswerType::Postcode {},
            AnswerType::VehicleRegistration {},
            AnswerType::BankDetails(BankDetailsOptions { roll_number: true }),
        ]
    }

    #[test]
    fn a_required_question_left_blank_says_enter_or_select() {
        let q = named(
            AnswerType::Date(DateOptions::default()),
            "the date you moved",
        );
        let errors = read(&q, &Submitted::default(), today()).unwrap_err();
        assert_eq!(errors[0].text(&q, Language::En), "Enter the date you moved");
        assert_eq!(errors[0].key(), "q.day");
        let q = named(AnswerType::YesNo {}, "if you have a vehicle");
        assert_eq!(error(&q, ""), "Select if you have a vehicle");
        let q = question(AnswerType::FileUpload(FileUploadOptions::default()));
        assert_eq!(error(&q, ""), "Select a file");
    }

    #[test]
    fn an_optional_question_left_blank_has_no_answer() {
        for answer in every_type() {
            let q = question(answer).optional();
            assert_eq!(read(&q, &Submitted::default(), today()), Ok(None), "{q:?}");
            assert_eq!(display(&q, None, Language::En), ["Not answered"]);
        }
    }

    #[test]
    fn each_type_s_field_posts_the_fields_it_is_read_from() {
        for answer in every_type() {
            let q = question(answer);
            let html = crate::render::field_test::render_question(&q, &Submitted::default(), false);
            for name in field_names(&q) {
                assert!(
                    html.contains(&format!(r#"name="{name}""#)),
                    "no {name}: {html}"
                );
            }
        }
    }

    proptest! {
        /// Any text in any field of any answer type gives an answer or messages, never a panic,
        /// and every error has words in both languages.
        #[test]
        fn any_input_gives_an_answer_or_a_message(
            values in proptest::collection::vec(".{0,40}", 6),
            type_index in 0usize..64,
        ) {
            let answer = every_type()[type_index % every_type().len()].clone();
            let q = question(answer);
            let names = ["q", "q.day", "q.month", "q.year", "q.hour", "q.minute", "q.first_name",
                "q.last_name", "q.title", "q.account_name", "q.sort_code", "q.account_number",
                "q.roll_number", "q.line1", "q.town", "q.postcode", "q.country"];
            let pairs: Vec<(String, String)> = names
                .iter()
                .enumerate()
                .map(|(i, n)| ((*n).to_owned(), values[i % values.len()].clone()))
                .collect();
            match read(&q, &Submitted::from_pairs(pairs), today()) {
                Ok(value) => {
                    let lines = display(&q, value.as_ref(), Language::Cy);
                    prop_assert!(!lines.is_empty());
                }
                Err(errors) => {
                    prop_assert!(!errors.is_empty());
                    for e in errors {
                        prop_assert!(!e.text(&q, Language::En).is_empty());
                        prop_assert!(!e.text(&q, Language::Cy).is_empty());
                    }
                }
            }
        }
    }
}
