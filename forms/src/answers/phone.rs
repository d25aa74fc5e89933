//! Telephone numbers, UK or international, read as GOV.UK Notify reads them, plus Ofcom's
//! numbers for TV and radio drama: the Design System's examples ("01632 960 001",
//! "+44 808 157 0192") are drama numbers, so a resident who types the example is not told
//! it is wrong, and a council can test a form with numbers that ring no one.

use civic_notify::{Allow, PhoneNumber};

use maud::Markup;
use time::Date;

use super::{AnswerKind, AnswerValue, FieldError, Outcome, Submitted, text_lines};
use crate::definition::{Language, PhoneOptions, Question};
use crate::messages::Message;
use crate::render::{FieldContext, text_input};

/// A UK telephone number, or any country's when the question allows.
pub(super) struct Kind<'a>(pub(super) &'a PhoneOptions);

impl AnswerKind for Kind<'_> {
    fn read(&self, question: &Question, submitted: &Submitted, _today: Date) -> Outcome {
        read(question, self.0, submitted)
    }

    /// A telephone input: the phone keyboard and the browser's saved number.
    fn field(&self, question: &Question, at: FieldContext<'_>) -> Markup {
        text_input(question, at, |input| {
            input.input_type("tel").autocomplete("tel")
        })
    }

    fn display(&self, _: &Question, value: &AnswerValue, _: Language) -> Option<Vec<String>> {
        text_lines(value)
    }
}

/// Reads a telephone number; it is kept in international form, like `+447700900982`.
fn read(question: &Question, options: &PhoneOptions, submitted: &Submitted) -> Outcome {
    let typed = submitted.get(&question.id).trim();
    if typed.is_empty() {
        return Ok(None);
    }
    let allow = if options.international {
        Allow::ALL
    } else {
        Allow::UK_MOBILE_OR_LANDLINE
    };
    if let Some(number) = drama_number(typed) {
        return Ok(Some(AnswerValue::Text(number)));
    }
    match PhoneNumber::parse(typed, allow) {
        Ok(number) => Ok(Some(AnswerValue::Text(format!("+{}", number.as_str())))),
        Err(_) if !options.international && PhoneNumber::parse(typed, Allow::ALL).is_ok() => {
            Err(vec![FieldError::whole(question, Message::PhoneNotUk)])
        }
        Err(_) => Err(vec![FieldError::whole(question, Message::PhoneFormat)]),
    }
}

/// Ofcom's ranges for drama (each the first 8 digits of an 11-digit national number, 1,000
/// numbers each), except the premium-rate 0909 879 0xxx, which no resident would give.
/// Landlines, mobiles (which Notify accepts already), freephone and 03.
const DRAMA_RANGES: [&str; 19] = [
    "01134960", "01144960", "01154960", "01164960", "01174960", "01184960", "01214960", "01314960",
    "01414960", "01514960", "01614960", "02079460", "01914980", "02896496", "02920180", "01632960",
    "07700900", "08081570", "03069990",
];

/// `typed` in international form (`+441632960001`) if it is an Ofcom drama number written
/// as Notify would read it: spaces, brackets and hyphens, then `0`, `+44`, `0044` or
/// `+44 (0)` before the national number.
fn drama_number(typed: &str) -> Option<String> {
    if !typed
        .chars()
        .all(|c| c.is_ascii_digit() || " ()-+".contains(c))
    {
        return None;
    }
    let digits: String = typed.chars().filter(char::is_ascii_digit).collect();
    let national = match (typed.trim_start().starts_with('+'), &digits) {
        (true, d) if d.starts_with("44") => &d[2..],
        (false, d) if d.starts_with("0044") => &d[4..],
        (false, d) if d.starts_with('0') => &d[1..],
        _ => return None,
    };
    // "+44 (0)1632 …": the trunk zero in brackets.
    let national = national.strip_prefix('0').unwrap_or(national);
    (national.len() == 10 && DRAMA_RANGES.iter().any(|r| national.starts_with(&r[1..])))
        .then(|| format!("+44{national}"))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::definition::AnswerType;
    use proptest::prelude::*;

    #[test]
    fn uk_numbers_are_accepted_in_any_common_form() {
        let q = question(AnswerType::Phone(PhoneOptions::default()));
        for typed in ["07700 900982", "+44 (0)7700 900 982", "(07700) 900-982"] {
            assert_eq!(
                run(&q, &one(typed)),
                Ok(Some(AnswerValue::Text("+447700900982".into()))),
                "{typed}"
            );
        }
        assert_eq!(
            error(&q, "0770"),
            "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"
        );
        assert_eq!(
            error(&q, "+33 6 12 34 56 78"),
            "Enter a UK telephone number, like 01632 960 001 or 07700 900 982"
        );
    }

    /// Issue #7: the Design System's own examples were refused.
    #[test]
    fn the_design_system_examples_and_other_drama_numbers_are_accepted() {
        let q = question(AnswerType::Phone(PhoneOptions::default()));
        for (typed, kept) in [
            ("01632 960 001", "+441632960001"),
            ("07700 900 982", "+447700900982"),
            ("+44 808 157 0192", "+448081570192"),
            ("+44 (0)1632 960999", "+441632960999"),
            ("0044 113 496 0000", "+441134960000"),
            ("028 9649 6123", "+442896496123"),
            ("(0306) 999-0123", "+443069990123"),
        ] {
            assert_eq!(
                run(&q, &one(typed)),
                Ok(Some(AnswerValue::Text(kept.into()))),
                "{typed}"
            );
        }
        // Next to a range, or premium rate, or too long: read as before.
        for typed in [
            "01632 961 001",
            "0909 879 0000",
            "01632 960 0011",
            "1632 960 001",
        ] {
            assert_eq!(drama_number(typed), None, "{typed}");
        }
    }

    #[test]
    fn international_numbers_when_allowed() {
        let q = question(AnswerType::Phone(PhoneOptions {
            international: true,
        }));
        assert_eq!(
            run(&q, &one("+33 6 12 34 56 78")),
            Ok(Some(AnswerValue::Text("+33612345678".into())))
        );
    }

    proptest! {
        #[test]
        fn any_text_is_read_or_refused(text in ".*") {
            let _ = run(&question(AnswerType::Phone(PhoneOptions { international: true })), &one(&text));
        }
    }
}
