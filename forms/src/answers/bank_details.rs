//! Bank or building society account details, as the Design System's bank details pattern asks
//! for them: name on the account, sort code, account number and, optionally, roll number.

use maud::Markup;
use serde::{Deserialize, Serialize};
use time::Date;

use super::{AnswerKind, AnswerValue, FieldError, Outcome, Submitted, field, tidy};
use crate::definition::{BankDetailsOptions, Language, Question};
use crate::messages::{FieldText, Message, Part};
use crate::render::FieldContext;
use crate::render::parts::{fieldset, part_input};

/// The most characters in the name on the account.
const MAX_NAME_LENGTH: u32 = 70;

/// Account details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankDetails {
    /// The name on the account.
    pub account_name: String,
    /// Six digits.
    pub sort_code: String,
    /// Six to eight digits.
    pub account_number: String,
    /// A building society roll number, if given.
    pub roll_number: Option<String>,
}

impl BankDetails {
    /// The details as lines for "check your answers": the sort code as `30 94 30`.
    pub fn lines(&self) -> Vec<String> {
        let s = &self.sort_code;
        let mut lines = vec![
            self.account_name.clone(),
            format!(
                "{} {} {}",
                &s[..2.min(s.len())],
                s.get(2..4).unwrap_or(""),
                s.get(4..).unwrap_or("")
            ),
            self.account_number.clone(),
        ];
        lines.extend(self.roll_number.clone());
        lines
    }
}

/// Spaces and hyphens are what people type in sort codes and account numbers.
fn digits_only(text: &str) -> Option<String> {
    let kept: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    kept.bytes().all(|b| b.is_ascii_digit()).then_some(kept)
}

/// Bank details, with a roll number when the question asks for one.
pub(super) struct Kind<'a>(pub(super) &'a BankDetailsOptions);

impl AnswerKind for Kind<'_> {
    fn parts(&self) -> &'static [Part] {
        &[
            Part::AccountName,
            Part::SortCode,
            Part::AccountNumber,
            Part::RollNumber,
        ]
    }

    fn read(&self, question: &Question, submitted: &Submitted, _today: Date) -> Outcome {
        read(question, self.0, submitted)
    }

    /// A fieldset of the account's name, sort code, account number and, when asked, roll
    /// number; numbers typed on a numeric keyboard, never autocompleted or spellchecked.
    fn field(&self, question: &Question, at: FieldContext<'_>) -> Markup {
        let language = at.language;
        // Account details are not the resident's own to autofill and must not be remembered.
        let part = |part, label: FieldText| {
            part_input(question, part, at, label.text(language))
                .spellcheck(false)
                .autocomplete("off")
        };
        let hint = |text: FieldText| civic_components::Hint::text(text.text(language));
        let mut inputs = vec![
            part(Part::AccountName, FieldText::AccountName).classes("govuk-!-width-two-thirds"),
            part(Part::SortCode, FieldText::SortCode)
                .inputmode("numeric")
                .hint(hint(FieldText::SortCodeHint))
                .classes("govuk-input--width-5"),
            part(Part::AccountNumber, FieldText::AccountNumber)
                .inputmode("numeric")
                .hint(hint(FieldText::AccountNumberHint))
                .classes("govuk-input--width-10"),
        ];
        if self.0.roll_number {
            inputs.push(
                part(Part::RollNumber, FieldText::RollNumber)
                    .hint(hint(FieldText::RollNumberHint))
                    .classes("govuk-input--width-10"),
            );
        }
        fieldset(question, at.language, at.page_heading, &inputs)
    }

    fn display(&self, _: &Question, value: &AnswerValue, _: Language) -> Option<Vec<String>> {
        match value {
            AnswerValue::BankDetails(details) => Some(details.lines()),
            _ => None,
        }
    }
}

/// Reads the details; every field in error is reported, in page order.
fn read(question: &Question, options: &BankDetailsOptions, submitted: &Submitted) -> Outcome {
    let get = |part| tidy(submitted.get(&field(question, part)));
    let (name, sort_code, account_number) = (
        get(Part::AccountName),
        get(Part::SortCode),
        get(Part::AccountNumber),
    );
    let roll = if options.roll_number {
        get(Part::RollNumber)
    } else {
        String::new()
    };
    if name.is_empty() && sort_code.is_empty() && account_number.is_empty() && roll.is_empty() {
        return Ok(None);
    }
    let mut errors = Vec::new();
    let mut error = |part, message| errors.push(FieldError::parts(question, &[part], message));
    if name.is_empty() {
        error(Part::AccountName, Message::Required);
    } else if name.chars().count() > MAX_NAME_LENGTH as usize {
        error(Part::AccountName, Message::TooLong(MAX_NAME_LENGTH));
    }
    let sort = digits_only(&sort_code);
    match &sort {
        _ if sort_code.is_empty() => error(Part::SortCode, Message::Required),
        None => error(Part::SortCode, Message::SortCodeFormat),
        Some(d) if d.len() != 6 => error(Part::SortCode, Message::SortCodeLength),
        Some(_) => {}
    }
    let account = digits_only(&account_number);
    match &account {
        _ if account_number.is_empty() => error(Part::AccountNumber, Message::Required),
        None => error(Part::AccountNumber, Message::AccountNumberFormat),
        Some(d) if !(6..=8).contains(&d.len()) => {
            error(Part::AccountNumber, Message::AccountNumberLength)
        }
        Some(_) => {}
    }
    if !roll.is_empty() {
        if roll.chars().count() > 18 {
            error(Part::RollNumber, Message::RollNumberLength);
        } else if !roll
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || " -/.".contains(c))
        {
            error(Part::RollNumber, Message::RollNumberCharacters);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Some(AnswerValue::BankDetails(BankDetails {
        account_name: name,
        sort_code: sort.unwrap_or_default(),
        account_number: account.unwrap_or_default(),
        roll_number: (!roll.is_empty()).then_some(roll),
    })))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::definition::AnswerType;
    use proptest::prelude::*;

    fn bank() -> Question {
        question(AnswerType::BankDetails(BankDetailsOptions {
            roll_number: true,
        }))
    }

    fn details(name: &str, sort: &str, account: &str, roll: &str) -> Submitted {
        Submitted::from_pairs([
            ("q.account_name", name),
            ("q.sort_code", sort),
            ("q.account_number", account),
            ("q.roll_number", roll),
        ])
    }

    #[test]
    fn the_pattern_s_messages_in_page_order() {
        assert_eq!(
            run(&bank(), &details("", "30-94-3", "12ab5678", "")),
            Err(vec![
                "Enter the name on the account".to_owned(),
                "Sort code must be 6 digits long".to_owned(),
                "Enter a valid account number like 00733445".to_owned()
            ])
        );
        assert_eq!(
            run(&bank(), &details("A", "30 94 3x", "12345", "roll#1")),
            Err(vec!["Enter a valid sort code like 309430".to_owned(), "Account number must be between 6 and 8 digits".to_owned(), "Building society roll number must only include letters a to z, numbers, hyphens, spaces, forward slashes and full stops".to_owned()])
        );
        assert_eq!(
            run(&bank(), &details("A", "", "", "")),
            Err(vec![
                "Enter a sort code".to_owned(),
                "Enter an account number".to_owned()
            ])
        );
    }

    #[test]
    fn good_details_are_kept_as_digits() {
        let Ok(Some(AnswerValue::BankDetails(d))) = run(
            &bank(),
            &details("Ada Lovelace", "30-94-30", "0073 3445", ""),
        ) else {
            panic!()
        };
        assert_eq!(d.sort_code, "309430");
        assert_eq!(d.lines(), ["Ada Lovelace", "30 94 30", "00733445"]);
    }

    proptest! {
        #[test]
        fn any_details_are_read_or_refused(n in ".{0,8}", s in ".{0,10}", a in ".{0,10}", r in ".{0,20}") {
            let _ = run(&bank(), &details(&n, &s, &a, &r));
        }
    }
}

#[cfg(test)]
mod field_tests {
    use super::*;
    use crate::definition::{FormDefinition, Format};

    fn render(roll: bool, submitted: &Submitted, language: Language) -> String {
        let form = FormDefinition::parse(
            &format!("id: t\ntitle: T\npages:\n  - id: p\n    questions:\n      - id: bank\n        label: {{ en: Bank details, cy: Manylion banc }}\n        answer: {{ type: bank_details, roll_number: {roll} }}\n"),
            Format::Yaml,
        )
        .unwrap();
        crate::render::field_test::render(&form, submitted, language, true)
    }

    #[test]
    fn each_field_shows_its_own_error_with_design_system_attributes() {
        let submitted = Submitted::from_pairs([
            ("bank.account_name", ""),
            ("bank.sort_code", "30-94-3"),
            ("bank.account_number", "12ab5678"),
        ]);
        let html = render(false, &submitted, Language::En);
        assert_eq!(html.matches("govuk-input--error").count(), 3, "{html}");
        let name = html.find("Enter the name on the account").unwrap();
        let sort = html.find("Sort code must be 6 digits long").unwrap();
        let account = html
            .find("Enter a valid account number like 00733445")
            .unwrap();
        assert!(name < sort && sort < account, "{html}");
        assert!(
            html.find(r#"id="bank.sort_code""#).unwrap() > sort,
            "{html}"
        );
        assert_eq!(html.matches(r#"inputmode="numeric""#).count(), 2, "{html}");
        assert_eq!(html.matches(r#"autocomplete="off""#).count(), 3, "{html}");
        assert!(html.contains("govuk-input--width-5"), "{html}");
        assert!(html.contains(r#"value="30-94-3""#), "{html}");
        assert!(!html.contains("roll_number"), "{html}");
    }

    #[test]
    fn welsh_with_roll_number() {
        let html = render(true, &Submitted::default(), Language::Cy);
        assert!(html.contains("Yr enw ar y cyfrif"), "{html}");
        assert!(html.contains("Rhif rôl y gymdeithas adeiladu"), "{html}");
        assert!(html.contains(r#"name="bank.roll_number""#), "{html}");
        assert!(!html.contains("govuk-input--error"), "{html}");
    }

    #[test]
    fn typed_markup_is_escaped() {
        let submitted = Submitted::from_pairs([("bank.account_name", "<script>x</script>")]);
        let html = render(false, &submitted, Language::En);
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;x&lt;/script&gt;"), "{html}");
    }
}
