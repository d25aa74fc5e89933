//! A person's name: one "Full name" field, or first and last name with an optional title.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{AnswerValue, FieldError, Outcome, Submitted, field, tidy};
use crate::definition::{NameOptions, NameParts, Question};
use crate::messages::{Message, Part};

/// The most characters in each name field when the definition gives no limit.
const DEFAULT_MAX_LENGTH: u32 = 100;

/// A name given in parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonName {
    /// Title, like "Dr", if given.
    pub title: Option<String>,
    /// First name.
    pub first: String,
    /// Last name.
    pub last: String,
}

impl fmt::Display for PersonName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(title) = &self.title {
            write!(f, "{title} ")?;
        }
        write!(f, "{} {}", self.first, self.last)
    }
}

/// Reads a name.
pub(super) fn read(question: &Question, options: &NameOptions, submitted: &Submitted) -> Outcome {
    let max = options.max_length.unwrap_or(DEFAULT_MAX_LENGTH);
    let too_long = |text: &str| text.chars().count() > max as usize;
    if options.parts == NameParts::Full {
        let full = tidy(submitted.get(&question.id)).replace('\n', " ");
        return match full.as_str() {
            "" => Ok(None),
            name if too_long(name) => Err(vec![FieldError::whole(question, Message::TooLong(max))]),
            _ => Ok(Some(AnswerValue::Text(full))),
        };
    }
    let get = |part| tidy(submitted.get(&field(question, part))).replace('\n', " ");
    let with_title = options.parts == NameParts::TitleFirstAndLast;
    let title = if with_title {
        get(Part::Title)
    } else {
        String::new()
    };
    let (first, last) = (get(Part::FirstName), get(Part::LastName));
    if title.is_empty() && first.is_empty() && last.is_empty() {
        return Ok(None);
    }
    let mut errors = Vec::new();
    for (part, text, required) in [
        (Part::Title, &title, false),
        (Part::FirstName, &first, true),
        (Part::LastName, &last, true),
    ] {
        if required && text.is_empty() {
            errors.push(FieldError::parts(question, &[part], Message::Required));
        } else if too_long(text) {
            errors.push(FieldError::parts(question, &[part], Message::TooLong(max)));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Some(AnswerValue::Name(PersonName {
        title: (!title.is_empty()).then_some(title),
        first,
        last,
    })))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::definition::AnswerType;
    use proptest::prelude::*;

    #[test]
    fn a_full_name_in_one_field() {
        let q = question(AnswerType::Name(NameOptions::default()));
        assert_eq!(error(&q, ""), "Enter your full name");
        assert_eq!(
            error(&q, &"a".repeat(101)),
            "Full name must be 100 characters or less"
        );
        assert_eq!(
            run(&q, &one(" Ada Lovelace ")),
            Ok(Some(AnswerValue::Text("Ada Lovelace".into())))
        );
    }

    #[test]
    fn names_in_parts_report_each_part() {
        let q = question(AnswerType::Name(NameOptions {
            parts: NameParts::TitleFirstAndLast,
            max_length: Some(10),
        }));
        let s = Submitted::from_pairs([
            ("q.title", "Dr"),
            ("q.first_name", ""),
            ("q.last_name", "Hopper-Hopper-Hopper"),
        ]);
        let errors = super::super::read(&q, &s, today()).unwrap_err();
        let texts: Vec<(String, String)> = errors
            .iter()
            .map(|e| (e.key(), e.text(&q, crate::definition::Language::En)))
            .collect();
        assert_eq!(
            texts,
            [
                ("q.first_name".into(), "Enter your first name".into()),
                (
                    "q.last_name".into(),
                    "Last name must be 10 characters or less".into()
                )
            ]
        );
        let s = Submitted::from_pairs([
            ("q.title", "Dr"),
            ("q.first_name", "Grace"),
            ("q.last_name", "Hopper"),
        ]);
        let Ok(Some(AnswerValue::Name(name))) = run(&q, &s) else {
            panic!()
        };
        assert_eq!(name.to_string(), "Dr Grace Hopper");
    }

    proptest! {
        #[test]
        fn any_parts_are_read_or_refused(t in ".{0,8}", f in ".*", l in ".*") {
            let q = question(AnswerType::Name(NameOptions { parts: NameParts::TitleFirstAndLast, max_length: None }));
            let _ = run(&q, &Submitted::from_pairs([("q.title", t), ("q.first_name", f), ("q.last_name", l)]));
        }
    }
}
