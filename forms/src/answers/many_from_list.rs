//! Any number of options from a list (checkboxes), with an exclusive "None" option.

use super::{AnswerValue, FieldError, Outcome, Submitted};
use crate::definition::{ManyFromListOptions, Question};
use crate::messages::Message;

/// Reads the options ticked, in the list's order.
pub(super) fn read(
    question: &Question,
    options: &ManyFromListOptions,
    submitted: &Submitted,
) -> Outcome {
    let sent: Vec<&str> = submitted
        .all(&question.id)
        .iter()
        .map(String::as_str)
        // Browsers send a hidden empty value so that "nothing ticked" still arrives.
        .filter(|v| !v.is_empty())
        .collect();
    if sent.is_empty() {
        return Ok(None);
    }
    if sent
        .iter()
        .any(|v| !options.options.iter().any(|c| c.value == *v))
    {
        return Err(vec![FieldError::whole(question, Message::SelectRequired)]);
    }
    let chosen: Vec<String> = options
        .options
        .iter()
        .filter(|c| sent.contains(&c.value.as_str()))
        .map(|c| c.value.clone())
        .collect();
    if chosen.len() > 1
        && let Some(none) = options
            .options
            .iter()
            .find(|c| c.exclusive && chosen.contains(&c.value))
    {
        let none_label = none.label.clone();
        return Err(vec![FieldError::whole(
            question,
            Message::SelectExclusive { none_label },
        )]);
    }
    Ok(Some(AnswerValue::Choices(chosen)))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::definition::{AnswerType, Choice};
    use proptest::prelude::*;

    fn countries() -> Question {
        named(
            AnswerType::ManyFromList(ManyFromListOptions {
                options: vec![
                    Choice::new("fr", "France"),
                    Choice::new("pt", "Portugal"),
                    Choice::new(
                        "none",
                        "No, I will not be travelling to any of these countries",
                    )
                    .exclusive(),
                ],
            }),
            "countries you will be travelling to",
        )
    }

    #[test]
    fn options_come_back_in_list_order() {
        let q = countries();
        let s = Submitted::from_pairs([("q", ""), ("q", "pt"), ("q", "fr"), ("q", "pt")]);
        assert_eq!(
            run(&q, &s),
            Ok(Some(AnswerValue::Choices(vec!["fr".into(), "pt".into()])))
        );
    }

    #[test]
    fn the_exclusive_option_stands_alone() {
        let q = countries();
        let s = Submitted::from_pairs([("q", "fr"), ("q", "none")]);
        assert_eq!(
            run(&q, &s),
            Err(vec!["Select countries you will be travelling to, or select ‘No, I will not be travelling to any of these countries’".to_owned()])
        );
        assert!(run(&q, &one("none")).is_ok());
        assert_eq!(
            error(&q, "de"),
            "Select countries you will be travelling to"
        );
    }

    proptest! {
        #[test]
        fn any_values_are_read_or_refused(values in proptest::collection::vec(".*", 0..4)) {
            let _ = run(&countries(), &Submitted::from_pairs(values.into_iter().map(|v| ("q", v))));
        }
    }
}
