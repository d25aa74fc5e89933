//! The kinds of answer a question can ask for, each with its options.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Question, Text};
use crate::decimal::Decimal;

/// The kind of answer a question asks for, written as `type` with the type's options beside it:
///
/// ```yaml
/// answer: { type: number, whole: true, min: 1, max: 20 }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum AnswerType {
    /// A person's name, in one field or in parts.
    Name(NameOptions),
    /// The name of an organisation.
    OrganisationName(TextOptions),
    /// An email address.
    Email {},
    /// A telephone number.
    Phone(PhoneOptions),
    /// A National Insurance number, like QQ 12 34 56 C.
    NationalInsuranceNumber {},
    /// A UK address: postcode, "Find address", pick from a list, or enter it by hand.
    UkAddress(UkAddressOptions),
    /// An address anywhere in the world, in free-form lines and a country.
    InternationalAddress {},
    /// A date: day, month and year.
    Date(DateOptions),
    /// A date of birth: a date that must be in the past.
    DateOfBirth {},
    /// A month and year, like a card's expiry date.
    MonthYear {},
    /// A time of day.
    Time {},
    /// A number, whole or decimal, with optional limits.
    Number(NumberOptions),
    /// An amount of money in pounds and pence, kept as whole pence.
    Money(MoneyOptions),
    /// A single line of text.
    Text(TextOptions),
    /// Several lines of text, with a character or word count.
    LongText(LongTextOptions),
    /// Yes or no.
    YesNo {},
    /// One option from a list (radios, or a select with autocomplete for long lists).
    OneFromList(OneFromListOptions),
    /// Any number of options from a list (checkboxes).
    ManyFromList(ManyFromListOptions),
    /// A UK postcode.
    Postcode {},
    /// A UK vehicle registration number.
    VehicleRegistration {},
    /// Bank or building society account details.
    BankDetails(BankDetailsOptions),
    /// One or several files.
    FileUpload(FileUploadOptions),
}

/// How a name is asked for.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NameOptions {
    /// One field for the full name, or separate fields.
    #[serde(default)]
    pub parts: NameParts,
    /// The most characters in each field (default 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u32>,
}

/// The fields a name is asked in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NameParts {
    /// One field: "Full name".
    #[default]
    Full,
    /// "First name" and "Last name".
    FirstAndLast,
    /// An optional title, then "First name" and "Last name".
    TitleFirstAndLast,
}

/// Options for single-line text answers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TextOptions {
    /// The most characters accepted (default 100 for names, 500 otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u32>,
}

/// Which telephone numbers are accepted.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PhoneOptions {
    /// Accept numbers outside the UK, written with their country code.
    #[serde(default)]
    pub international: bool,
}

/// Options for a UK address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UkAddressOptions {
    /// Offer postcode lookup before manual entry (default true).
    #[serde(default = "yes")]
    pub lookup: bool,
}

impl Default for UkAddressOptions {
    fn default() -> Self {
        UkAddressOptions { lookup: true }
    }
}

fn yes() -> bool {
    true
}

/// Where a date must fall.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DateOptions {
    /// A rule relative to today, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub must_be: Option<DateRule>,
    /// Accept only today and this many days before it, like a missed bin collection reported
    /// within a week (`within_the_last_days: 7`); a later date gets "must be today or in the past".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within_the_last_days: Option<u16>,
}

/// A rule for a date relative to the day it is entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DateRule {
    /// Before today.
    InThePast,
    /// Today or before.
    TodayOrInThePast,
    /// After today.
    InTheFuture,
    /// Today or after.
    TodayOrInTheFuture,
}

/// Options for a number.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NumberOptions {
    /// Accept whole numbers only.
    #[serde(default)]
    pub whole: bool,
    /// The smallest number accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Decimal>,
    /// The largest number accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Decimal>,
    /// Text shown after the field, like "kg" or "hours".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix: Option<Text>,
}

/// Limits on an amount of money, in pence.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MoneyOptions {
    /// The smallest amount accepted, in pence (default 0: no negative amounts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_pence: Option<u64>,
    /// The largest amount accepted, in pence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_pence: Option<u64>,
}

/// Limits on long text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LongTextOptions {
    /// The most characters accepted (default 5000), counted for the resident as they type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u32>,
    /// The most words accepted; when given, words are counted instead of characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_words: Option<u32>,
}

/// An option in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// The value stored and tested by conditions; unique within the question.
    pub value: String,
    /// The option's label.
    pub label: Text,
    /// A hint under the option.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    /// For checkboxes: choosing this option ("None of the above") clears every other.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exclusive: bool,
    /// A question revealed when this option is chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<Box<Question>>,
}

impl Choice {
    /// An option with this value and label.
    pub fn new(value: impl Into<String>, label: impl Into<Text>) -> Self {
        Choice {
            value: value.into(),
            label: label.into(),
            hint: None,
            exclusive: false,
            follow_up: None,
        }
    }

    /// Marks the option as exclusive ("None of the above").
    pub fn exclusive(mut self) -> Self {
        self.exclusive = true;
        self
    }

    /// Adds a hint under the option.
    pub fn hint(mut self, hint: impl Into<Text>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Reveals a follow-up question when this option is chosen.
    pub fn follow_up(mut self, question: Question) -> Self {
        self.follow_up = Some(Box::new(question));
        self
    }
}

/// Options for choosing one option.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OneFromListOptions {
    /// The options, in the order shown; empty when they are `supplied`.
    pub options: Vec<Choice>,
    /// Radios (default), or a select enhanced with autocomplete for long lists.
    #[serde(default)]
    pub display: ListDisplay,
    /// The options are supplied by the service each time the page is shown, not listed here
    /// (the collection dates still free, say): the service gives the question a
    /// `ChoiceSource` with `FormServiceBuilder::choices`, and refuses to start without one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub supplied: bool,
}

/// How a one-from-a-list question is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ListDisplay {
    /// Radios.
    #[default]
    Radios,
    /// A plain select that JavaScript enhances into an autocomplete.
    Autocomplete,
}

/// Options for choosing several options.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ManyFromListOptions {
    /// The options, in the order shown.
    pub options: Vec<Choice>,
}

/// Options for bank details.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BankDetailsOptions {
    /// Ask for a building society roll number (if the resident has one).
    #[serde(default)]
    pub roll_number: bool,
}

/// Options for file uploads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FileUploadOptions {
    /// The most files accepted (default 1).
    #[serde(default = "one")]
    pub max_files: u32,
    /// The kinds of file accepted, judged from each file's content.
    #[serde(default = "FileKind::documents_and_images")]
    pub accept: Vec<FileKind>,
    /// The largest file accepted, in megabytes (default 10).
    #[serde(default = "ten")]
    pub max_size_mb: u32,
}

impl Default for FileUploadOptions {
    fn default() -> Self {
        FileUploadOptions {
            max_files: 1,
            accept: FileKind::documents_and_images(),
            max_size_mb: 10,
        }
    }
}

fn one() -> u32 {
    1
}

fn ten() -> u32 {
    10
}

/// A kind of file, recognised by its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FileKind {
    /// PDF.
    Pdf,
    /// JPEG image.
    Jpeg,
    /// PNG image.
    Png,
    /// Word document (.docx).
    Docx,
    /// Plain text.
    Txt,
    /// Comma-separated values.
    Csv,
}

impl FileKind {
    /// PDF, JPEG and PNG: what most council forms ask for.
    pub fn documents_and_images() -> Vec<FileKind> {
        vec![FileKind::Pdf, FileKind::Jpeg, FileKind::Png]
    }
}

impl AnswerType {
    /// The options of a one- or many-from-a-list question.
    pub fn choices(&self) -> &[Choice] {
        match self {
            AnswerType::OneFromList(o) => &o.options,
            AnswerType::ManyFromList(o) => &o.options,
            _ => &[],
        }
    }

    /// The values a condition's `equals` or `one_of` can test this answer against, when they
    /// form a closed set: option values, or `yes` and `no`.
    pub fn closed_values(&self) -> Option<Vec<&str>> {
        match self {
            AnswerType::OneFromList(_) | AnswerType::ManyFromList(_) => {
                Some(self.choices().iter().map(|c| c.value.as_str()).collect())
            }
            AnswerType::YesNo {} => Some(vec!["yes", "no"]),
            _ => None,
        }
    }

    /// The name of the type as written in definitions.
    pub fn type_name(&self) -> &'static str {
        match self {
            AnswerType::Name(_) => "name",
            AnswerType::OrganisationName(_) => "organisation_name",
            AnswerType::Email {} => "email",
            AnswerType::Phone(_) => "phone",
            AnswerType::NationalInsuranceNumber {} => "national_insurance_number",
            AnswerType::UkAddress(_) => "uk_address",
            AnswerType::InternationalAddress {} => "international_address",
            AnswerType::Date(_) => "date",
            AnswerType::DateOfBirth {} => "date_of_birth",
            AnswerType::MonthYear {} => "month_year",
            AnswerType::Time {} => "time",
            AnswerType::Number(_) => "number",
            AnswerType::Money(_) => "money",
            AnswerType::Text(_) => "text",
            AnswerType::LongText(_) => "long_text",
            AnswerType::YesNo {} => "yes_no",
            AnswerType::OneFromList(_) => "one_from_list",
            AnswerType::ManyFromList(_) => "many_from_list",
            AnswerType::Postcode {} => "postcode",
            AnswerType::VehicleRegistration {} => "vehicle_registration",
            AnswerType::BankDetails(_) => "bank_details",
            AnswerType::FileUpload(_) => "file_upload",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_sit_beside_the_type() {
        let answer: AnswerType =
            serde_yaml::from_str("{ type: number, whole: true, min: 1, max: 20 }").unwrap();
        let AnswerType::Number(options) = &answer else {
            panic!("{answer:?}")
        };
        assert!(options.whole);
        assert_eq!(options.max, Some(Decimal::from_integer(20)));
    }

    #[test]
    fn types_without_options_are_just_a_type() {
        let answer: AnswerType = serde_json::from_str(r#"{"type": "email"}"#).unwrap();
        assert_eq!(answer, AnswerType::Email {});
        assert_eq!(
            serde_json::to_string(&answer).unwrap(),
            r#"{"type":"email"}"#
        );
    }

    #[test]
    fn an_option_from_another_type_is_refused() {
        let error = serde_json::from_str::<AnswerType>(r#"{"type": "email", "max_length": 3}"#)
            .unwrap_err();
        assert!(error.to_string().contains("max_length"), "{error}");
        let error =
            serde_json::from_str::<AnswerType>(r#"{"type": "date", "whole": true}"#).unwrap_err();
        assert!(
            error.to_string().contains("unknown field `whole`"),
            "{error}"
        );
    }

    #[test]
    fn an_unknown_type_lists_the_known_ones() {
        let error = serde_json::from_str::<AnswerType>(r#"{"type": "colour"}"#).unwrap_err();
        assert!(
            error.to_string().contains("unknown variant `colour`"),
            "{error}"
        );
    }
}
