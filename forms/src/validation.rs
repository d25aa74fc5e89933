//! Rust-defined forms validated with the [`validator`] crate, shown with the Design System's
//! errors (feature `validator`).
//!
//! A council developer who reads a page into their own struct with
//! `#[derive(Deserialize, Validate)]` passes its [`ValidationErrors`] to [`field_errors`] and
//! gets the same [`FieldError`]s [`read_page`](crate::answers::read_page) gives a runtime
//! definition: one per question, in page order, keyed like `dob.month`, worded from the
//! question. [`PageErrors`](crate::render::PageErrors) and
//! [`question_page`](crate::render::question_page) then show them the Design System's way.
//!
//! ```
//! use civic_forms::definition::{Format, FormDefinition, Language};
//! use civic_forms::render::PageErrors;
//! use civic_forms::validation::field_errors;
//! use serde::Deserialize;
//! use validator::Validate;
//!
//! #[derive(Deserialize, Validate)]
//! struct Contact {
//!     #[validate(length(max = 100))]
//!     full_name: String,
//!     #[validate(email)]
//!     email: String,
//! }
//!
//! let form = FormDefinition::parse(
//!     r#"
//! id: contact
//! title: Contact
//! pages:
//!   - id: contact
//!     title: Your details
//!     questions:
//!       - id: full_name
//!         label: Full name
//!         error_name: your full name
//!         answer: { type: name }
//!       - id: email
//!         label: Email address
//!         answer: { type: email }
//! "#,
//!     Format::Yaml,
//! )?;
//! let page = &form.pages[0];
//! let contact = Contact { full_name: "A".repeat(101), email: "not an email".into() };
//! let Err(invalid) = contact.validate() else { unreachable!("both fields are wrong") };
//!
//! let errors = field_errors(page, &invalid);
//! let shown = PageErrors::new(page, &errors, Language::En);
//! assert_eq!(shown.title("Your details"), "Error: Your details");
//! assert_eq!(
//!     shown.message("full_name").as_deref(),
//!     Some("Full name must be 100 characters or less")
//! );
//! assert_eq!(
//!     shown.message("email").as_deref(),
//!     Some("Enter an email address in the correct format, like name@example.com")
//! );
//! # Ok::<(), civic_forms::definition::LoadError>(())
//! ```
//!
//! # Naming
//!
//! validator names each error by the struct's field name, so each field must be named as its
//! question's `id`. A field renamed for serde (`#[serde(rename = "..")]`) is still reported
//! under its Rust name: name the Rust field as the question id. A nested struct
//! (`#[validate(nested)]`) is a question asked in several fields: its fields are named as the
//! parts (`day`, `month`, `year`; `first_name`; `line1`, `town`, `postcode`; see
//! [`Part::key`]), and its errors are keyed like `dob.month`.
//!
//! Errors naming no question of the page (a misspelt field, a `#[validate(schema)]` error
//! under `__all__`) are left out: a resident can only correct a question they are shown. Use
//! `validate()`'s result, not an empty list, to decide whether the page was valid.
//!
//! # Wording
//!
//! An error with a `message` shows it as written, in every language. Otherwise the words
//! come from the question and the error's `code`, as the runtime model's do, in English and
//! Welsh: `required` (or an empty value) is "Enter your full name", `email` the Design
//! System's email format message, `length` "… must be 100 characters or less" (or "or
//! more"), `range` "… must be 10 or more" (or "or less"); a part of a date that is missing
//! is "Date of birth must include a month" and one out of range "… must be a real date";
//! any other code is the answer type's "in the correct format" message.

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;
use validator::{ValidationError, ValidationErrors, ValidationErrorsKind};

use crate::answers::FieldError;
use crate::definition::{AnswerType, Page, Question};
use crate::messages::{Message, Part};

/// The errors validator found in a page's struct as the Design System's errors for `page`:
/// one per question (its first), in the order the page asks them, nested structs' errors
/// keyed by part (`dob.month`).
pub fn field_errors(page: &Page, errors: &ValidationErrors) -> Vec<FieldError> {
    let mut found = Vec::new();
    for question in &page.questions {
        // Follow-up questions come after the question that reveals them, as on the page.
        question.visit(&mut |question| {
            if let Some(error) = errors
                .errors()
                .get(question.id.as_str())
                .and_then(|kind| question_error(question, kind))
            {
                found.push(error);
            }
        });
    }
    found
}

/// The one error shown for `question`.
fn question_error(question: &Question, kind: &ValidationErrorsKind) -> Option<FieldError> {
    match kind {
        ValidationErrorsKind::Field(errors) => errors
            .first()
            .map(|error| FieldError::whole(question, message(question, None, error))),
        ValidationErrorsKind::Struct(nested) => part_error(question, nested),
        // A list is one answer to the resident: its first error, on the whole question.
        ValidationErrorsKind::List(items) => items
            .values()
            .find_map(|nested| first_leaf(nested))
            .map(|error| FieldError::whole(question, message(question, None, error))),
    }
}

/// The error for a question asked in several fields, from its nested struct's errors.
fn part_error(question: &Question, nested: &ValidationErrors) -> Option<FieldError> {
    // Sorted, so the error chosen does not depend on validator's HashMap order.
    let mut parts: BTreeMap<Part, &ValidationError> = BTreeMap::new();
    let mut others: BTreeMap<&str, &ValidationError> = BTreeMap::new();
    for (name, kind) in nested.errors() {
        let Some(error) = leaf(kind) else { continue };
        match Part::from_key(name) {
            Some(part) => {
                parts.insert(part, error);
            }
            None => {
                others.insert(name.as_ref(), error);
            }
        }
    }
    let Some((&first, &error)) = parts.iter().next() else {
        // Fields that are not parts: an error on the whole answer.
        return others
            .values()
            .next()
            .map(|error| FieldError::whole(question, message(question, None, error)));
    };
    // Like the runtime model: every missing part of a date named in one message, highlighted.
    if asks_date_or_time(question) && parts.values().all(|error| is_empty(error)) {
        let missing: Vec<Part> = parts.keys().copied().collect();
        return Some(FieldError::parts(
            question,
            &missing,
            Message::MissingParts(missing.clone()),
        ));
    }
    Some(FieldError::parts(
        question,
        &[first],
        message(question, Some(first), error),
    ))
}

fn leaf(kind: &ValidationErrorsKind) -> Option<&ValidationError> {
    match kind {
        ValidationErrorsKind::Field(errors) => errors.first(),
        ValidationErrorsKind::Struct(nested) => first_leaf(nested),
        ValidationErrorsKind::List(items) => items.values().find_map(|nested| first_leaf(nested)),
    }
}

/// The first error anywhere in `errors`, by field name.
fn first_leaf(errors: &ValidationErrors) -> Option<&ValidationError> {
    let sorted: BTreeMap<&str, &ValidationErrorsKind> = errors
        .errors()
        .iter()
        .map(|(name, kind)| (name.as_ref(), kind))
        .collect();
    sorted.values().find_map(|kind| leaf(kind))
}

fn asks_date_or_time(question: &Question) -> bool {
    matches!(
        question.answer,
        AnswerType::Date(_)
            | AnswerType::DateOfBirth {}
            | AnswerType::MonthYear {}
            | AnswerType::Time {}
    )
}

/// Nothing was entered: validator's `required`, or any rule failing on an empty value.
fn is_empty(error: &ValidationError) -> bool {
    error.code == "required" || value_is_empty(&error.params)
}

fn value_is_empty(params: &HashMap<std::borrow::Cow<'static, str>, Value>) -> bool {
    match params.get("value") {
        Some(Value::Null) => true,
        Some(Value::String(text)) => text.trim().is_empty(),
        _ => false,
    }
}

/// The message for one validator error on `question` (or one part of it).
fn message(question: &Question, part: Option<Part>, error: &ValidationError) -> Message {
    if let Some(text) = &error.message {
        return Message::Custom(text.to_string());
    }
    if let Some(part) = part.filter(|_| asks_date_or_time(question)) {
        return if is_empty(error) {
            Message::MissingParts(vec![part])
        } else {
            not_real(question)
        };
    }
    if is_empty(error) {
        return required(question, part);
    }
    let number = |name: &str| error.params.get(name).and_then(Value::as_f64);
    match error.code.as_ref() {
        "email" => Message::EmailFormat,
        "length" => {
            let length = error.params.get("value").and_then(length_of);
            let max = number("max").and_then(as_u32);
            let min = number("min").and_then(as_u32);
            let equal = number("equal").and_then(as_u32);
            match (length, max, min, equal) {
                (Some(length), Some(max), _, _) if length > max => Message::TooLong(max),
                (Some(length), _, Some(min), _) if length < min => Message::TooShort(min),
                (Some(length), _, _, Some(equal)) if length > equal => Message::TooLong(equal),
                (Some(_), _, _, Some(equal)) => Message::TooShort(equal),
                (None, Some(max), _, _) => Message::TooLong(max),
                (None, None, Some(min), _) => Message::TooShort(min),
                _ => wrong_format(question, part),
            }
        }
        "range" => {
            let value = error.params.get("value").and_then(Value::as_f64);
            match (value, number("min"), number("max")) {
                (Some(value), Some(min), _) if value < min => Message::TooSmall(show(min)),
                (Some(value), _, Some(max)) if value > max => Message::TooLarge(show(max)),
                (None, Some(min), None) => Message::TooSmall(show(min)),
                (None, None, Some(max)) => Message::TooLarge(show(max)),
                // Exclusive bounds have no Design System wording of their own.
                _ => wrong_format(question, part),
            }
        }
        _ => wrong_format(question, part),
    }
}

fn required(question: &Question, part: Option<Part>) -> Message {
    match (&question.answer, part) {
        (AnswerType::YesNo {} | AnswerType::OneFromList(_) | AnswerType::ManyFromList(_), None) => {
            Message::SelectRequired
        }
        (AnswerType::FileUpload(_), None) => Message::SelectRequired,
        _ => Message::Required,
    }
}

fn not_real(question: &Question) -> Message {
    match question.answer {
        AnswerType::Time {} => Message::NotARealTime,
        _ => Message::NotARealDate,
    }
}

/// The answer type's own "in the correct format" message, or the general one.
fn wrong_format(question: &Question, part: Option<Part>) -> Message {
    match part {
        Some(Part::SortCode) => return Message::SortCodeFormat,
        Some(Part::AccountNumber) => return Message::AccountNumberFormat,
        Some(Part::Postcode) => return Message::PostcodeFormat,
        Some(_) => return Message::WrongFormat,
        None => {}
    }
    match question.answer {
        AnswerType::Email {} => Message::EmailFormat,
        AnswerType::Phone(_) => Message::PhoneFormat,
        AnswerType::NationalInsuranceNumber {} => Message::NationalInsuranceFormat,
        AnswerType::Postcode {} => Message::PostcodeFormat,
        AnswerType::VehicleRegistration {} => Message::VehicleRegistrationFormat,
        AnswerType::Date(_) | AnswerType::DateOfBirth {} | AnswerType::MonthYear {} => {
            Message::NotARealDate
        }
        AnswerType::Time {} => Message::NotARealTime,
        AnswerType::Number(_) => Message::NotANumber,
        AnswerType::Money(_) => Message::NotMoney,
        AnswerType::YesNo {} | AnswerType::OneFromList(_) | AnswerType::ManyFromList(_) => {
            Message::SelectRequired
        }
        _ => Message::WrongFormat,
    }
}

/// The length validator measured: characters of text, items of a list.
fn length_of(value: &Value) -> Option<u32> {
    let length = match value {
        Value::String(text) => text.chars().count(),
        Value::Array(items) => items.len(),
        Value::Object(entries) => entries.len(),
        _ => return None,
    };
    u32::try_from(length).ok()
}

fn as_u32(number: f64) -> Option<u32> {
    (number >= 0.0 && number <= f64::from(u32::MAX) && number.fract() == 0.0)
        .then_some(number as u32)
}

/// A limit as a resident reads it: `10`, not `10.0`.
fn show(number: f64) -> String {
    if number.fract() == 0.0 && number.abs() < 1e15 {
        format!("{}", number as i64)
    } else {
        number.to_string()
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde::Deserialize;
    use validator::Validate;

    use super::*;
    use crate::answers::Submitted;
    use crate::definition::{FormDefinition, Format, Language};
    use crate::render::test_support::Fixture;
    use crate::render::{PageContext, PageErrors, question_page};
    use maud::{Markup, Render};

    // ANCHOR: validator-struct
    /// The "About you" page, read into the service's own types.
    #[derive(Debug, Deserialize, Validate)]
    struct AboutYou {
        #[validate(length(min = 1, max = 100))]
        full_name: String,
        #[validate(email)]
        email: String,
        /// A question asked in several fields: its fields are named as the parts.
        #[validate(nested)]
        dob: DateParts,
    }

    #[derive(Debug, Deserialize, Validate)]
    struct DateParts {
        #[validate(required, range(min = 1, max = 31))]
        day: Option<u32>,
        #[validate(required, range(min = 1, max = 12))]
        month: Option<u32>,
        #[validate(required, range(min = 1900, max = 2100))]
        year: Option<u32>,
    }
    // ANCHOR_END: validator-struct

    fn form() -> FormDefinition {
        FormDefinition::parse(
            r#"
id: about
title: About you
pages:
  - id: about
    title: { en: About you, cy: Amdanoch chi }
    questions:
      - id: full_name
        label: { en: Full name, cy: Enw llawn }
        error_name: { en: your full name, cy: eich enw llawn }
        answer: { type: name }
      - id: email
        label: { en: Email address, cy: Cyfeiriad e-bost }
        answer: { type: email }
      - id: dob
        label: { en: Date of birth, cy: Dyddiad geni }
        error_name: { en: your date of birth, cy: eich dyddiad geni }
        answer: { type: date_of_birth }
"#,
            Format::Yaml,
        )
        .unwrap()
    }

    fn about(full_name: &str, email: &str, dob: [Option<u32>; 3]) -> AboutYou {
        AboutYou {
            full_name: full_name.to_owned(),
            email: email.to_owned(),
            dob: DateParts {
                day: dob[0],
                month: dob[1],
                year: dob[2],
            },
        }
    }

    fn errors_for(about: &AboutYou) -> Vec<FieldError> {
        let form = form();
        field_errors(&form.pages[0], &about.validate().unwrap_err())
    }

    fn texts(errors: &[FieldError], language: Language) -> Vec<(String, String)> {
        let form = form();
        let page = PageErrors::new(&form.pages[0], errors, language);
        errors
            .iter()
            .map(|error| (error.key(), page.message(&error.question).unwrap()))
            .collect()
    }

    #[test]
    fn errors_in_page_order_with_the_design_systems_words() {
        // The nested month error comes last whatever validator's HashMap order.
        let errors = errors_for(&about(
            &"A".repeat(101),
            "not an email",
            [Some(1), Some(13), Some(1990)],
        ));
        assert_eq!(
            texts(&errors, Language::En),
            [
                (
                    "full_name".to_owned(),
                    "Full name must be 100 characters or less".to_owned()
                ),
                (
                    "email".to_owned(),
                    "Enter an email address in the correct format, like name@example.com"
                        .to_owned()
                ),
                (
                    "dob.month".to_owned(),
                    "Date of birth must be a real date".to_owned()
                ),
            ]
        );
        assert_eq!(errors[2].highlight, [Part::Month]);
    }

    #[test]
    fn empty_and_missing_read_as_not_entered() {
        let errors = errors_for(&about("", "ann@example.com", [None, None, Some(1990)]));
        assert_eq!(
            texts(&errors, Language::En),
            [
                ("full_name".to_owned(), "Enter your full name".to_owned()),
                (
                    "dob.day".to_owned(),
                    "Date of birth must include a day and month".to_owned()
                ),
            ]
        );
        assert_eq!(errors[1].highlight, [Part::Day, Part::Month]);
    }

    #[test]
    fn welsh_words_come_from_the_same_messages() {
        let errors = errors_for(&about(
            &"A".repeat(101),
            "x",
            [Some(1), Some(13), Some(1990)],
        ));
        let welsh: Vec<String> = texts(&errors, Language::Cy)
            .into_iter()
            .map(|(_, text)| text)
            .collect();
        assert_eq!(
            welsh,
            [
                "Rhaid i enw llawn fod yn 100 o nodau neu lai",
                "Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com",
                "Rhaid i ddyddiad geni fod yn ddyddiad go iawn",
            ]
        );
    }

    #[derive(Validate)]
    struct Worded {
        #[validate(length(min = 8, message = "Enter the reference from your letter"))]
        reference: String,
        #[validate(length(min = 8))]
        code: String,
        #[validate(range(min = 1, max = 10))]
        rooms: u32,
        #[validate(url)]
        website: String,
    }

    fn worded_page() -> FormDefinition {
        FormDefinition::parse(
            r#"
id: w
title: W
pages:
  - id: w
    title: Worded
    questions:
      - id: reference
        label: Reference
        answer: { type: text }
      - id: code
        label: Code
        error_name: your code
        answer: { type: text }
      - id: rooms
        label: Rooms
        error_name: the number of rooms
        answer: { type: number }
      - id: website
        label: Website
        error_name: your website
        answer: { type: text }
"#,
            Format::Yaml,
        )
        .unwrap()
    }

    #[test]
    fn a_services_own_message_is_shown_as_written_and_other_codes_have_wording() {
        let form = worded_page();
        let worded = Worded {
            reference: "123".into(),
            code: "12".into(),
            rooms: 11,
            website: "nope".into(),
        };
        let errors = field_errors(&form.pages[0], &worded.validate().unwrap_err());
        for language in [Language::En, Language::Cy] {
            let page = PageErrors::new(&form.pages[0], &errors, language);
            assert_eq!(
                page.message("reference").as_deref(),
                Some("Enter the reference from your letter")
            );
        }
        let page = PageErrors::new(&form.pages[0], &errors, Language::En);
        assert_eq!(
            page.message("code").as_deref(),
            Some("Code must be 8 characters or more")
        );
        assert_eq!(
            page.message("rooms").as_deref(),
            Some("Number of rooms must be 10 or less")
        );
        assert_eq!(
            page.message("website").as_deref(),
            Some("Enter your website in the correct format")
        );
        let html = page.summary().unwrap().render().into_string();
        assert!(
            html.contains("Enter the reference from your letter"),
            "{html}"
        );
    }

    #[test]
    fn errors_naming_no_question_are_left_out() {
        let form = form();
        let mut errors = ValidationErrors::new();
        errors.add("nickname", ValidationError::new("length"));
        errors.add("email", ValidationError::new("email"));
        let found = field_errors(&form.pages[0], &errors);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].question, "email");
    }

    // ANCHOR: validator-page
    /// The service's own typed answers, or the page again with the Design System's errors.
    fn check_about_you(
        context: &PageContext<'_>,
        page: &Page,
        submitted: &Submitted,
        about: AboutYou,
    ) -> Result<AboutYou, Markup> {
        let Err(invalid) = about.validate() else {
            return Ok(about);
        };
        // One error per question, in page order, keyed like `dob.month`.
        let errors = field_errors(page, &invalid);
        // "Error: " in the title, "There is a problem", the same words beside each field.
        Err(question_page(context, page, submitted, &errors))
    }
    // ANCHOR_END: validator-page

    fn render(language: Language, submitted: &Submitted, about: AboutYou) -> String {
        let fixture = Fixture::new();
        let form = form();
        let context = fixture.context(language);
        check_about_you(&context, &form.pages[0], submitted, about)
            .unwrap_err()
            .into_string()
    }

    fn submitted() -> Submitted {
        Submitted::from_pairs([
            ("full_name", "A".repeat(101)),
            ("email", "not an email".to_owned()),
            ("dob.day", "1".to_owned()),
            ("dob.month", "13".to_owned()),
            ("dob.year", "1990".to_owned()),
        ])
    }

    #[test]
    fn rendered_with_the_design_systems_error_rules() {
        let wrong = about(
            &"A".repeat(101),
            "not an email",
            [Some(1), Some(13), Some(1990)],
        );
        let html = render(Language::En, &submitted(), wrong);
        assert!(html.contains("<title>Error: About you"), "{html}");
        let summary = html.find("There is a problem").unwrap();
        let links: Vec<usize> = ["#full_name", "#email", "#dob.month"]
            .iter()
            .map(|href| {
                html.find(&format!(r#"href="{href}""#))
                    .unwrap_or_else(|| panic!("no link to {href}: {html}"))
            })
            .collect();
        assert!(summary < links[0] && links[0] < links[1] && links[1] < links[2]);
        for message in [
            "Full name must be 100 characters or less",
            "Enter an email address in the correct format, like name@example.com",
            "Date of birth must be a real date",
        ] {
            // Once in the summary, once beside the field.
            assert_eq!(html.matches(message).count(), 2, "{message}: {html}");
        }
        // Only the month box is in its error state.
        assert!(input_tag(&html, "dob.month").contains("--error"), "{html}");
        assert!(!input_tag(&html, "dob.day").contains("--error"), "{html}");
        assert!(!input_tag(&html, "dob.year").contains("--error"), "{html}");
    }

    /// The `<input>` tag whose id is `id`.
    fn input_tag<'h>(html: &'h str, id: &str) -> &'h str {
        let at = html
            .find(&format!(r#"id="{id}""#))
            .unwrap_or_else(|| panic!("no {id}"));
        let start = html[..at].rfind("<input").unwrap();
        let end = at + html[at..].find('>').unwrap();
        &html[start..end]
    }

    #[test]
    fn rendered_in_welsh() {
        let wrong = about(
            &"A".repeat(101),
            "not an email",
            [Some(1), Some(13), Some(1990)],
        );
        let html = render(Language::Cy, &submitted(), wrong);
        assert!(html.contains("<title>Gwall: Amdanoch chi"), "{html}");
        assert!(html.contains("Mae problem wedi codi"), "{html}");
        assert_eq!(
            html.matches("Rhaid i enw llawn fod yn 100 o nodau neu lai")
                .count(),
            2,
            "{html}"
        );
    }

    fn parts() -> impl Strategy<Value = [Option<u32>; 3]> {
        let part = || any::<String>().prop_map(|typed| typed.trim().parse::<u32>().ok());
        prop_oneof![
            [part(), part(), part()],
            [
                proptest::option::of(0u32..40),
                proptest::option::of(0u32..15),
                proptest::option::of(1800u32..2200)
            ]
        ]
    }

    proptest! {
        #[test]
        fn never_panics_and_every_error_names_a_question(
            full_name in any::<String>(),
            email in any::<String>(),
            dob in parts(),
        ) {
            let form = form();
            let page = &form.pages[0];
            let about = about(&full_name, &email, dob);
            if let Err(invalid) = about.validate() {
                let errors = field_errors(page, &invalid);
                prop_assert!(!errors.is_empty());
                let ids: Vec<&str> = page.questions.iter().map(|q| q.id.as_str()).collect();
                let mut last = 0;
                for error in &errors {
                    let at = ids.iter().position(|id| *id == error.question);
                    prop_assert!(at.is_some(), "{} names no question", error.question);
                    let at = at.unwrap_or_default();
                    prop_assert!(at >= last, "not in page order");
                    last = at;
                }
                let shown = PageErrors::new(page, &errors, Language::En);
                prop_assert!(shown.summary().is_some());
            }
        }
    }
}
