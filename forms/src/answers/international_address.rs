//! An address anywhere in the world: free-form lines, an optional postal code, a country.

use serde::{Deserialize, Serialize};

use super::{AnswerValue, FieldError, Outcome, Submitted, field, tidy};
use crate::definition::Question;
use crate::messages::{Message, Part};

/// The most characters in each line.
const MAX_LINE_LENGTH: u32 = 100;

/// An international address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InternationalAddress {
    /// The address lines given, in order (at least one).
    pub lines: Vec<String>,
    /// The postal code, as typed, if any.
    pub postcode: Option<String>,
    /// The country.
    pub country: String,
}

impl InternationalAddress {
    /// The address as lines.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = self.lines.clone();
        lines.extend(self.postcode.clone());
        lines.push(self.country.clone());
        lines
    }
}

/// Reads an international address.
pub(super) fn read(question: &Question, submitted: &Submitted) -> Outcome {
    let get = |part| tidy(submitted.get(&field(question, part))).replace('\n', ", ");
    let fields = [
        Part::AddressLine1,
        Part::AddressLine2,
        Part::AddressLine3,
        Part::Postcode,
        Part::Country,
    ]
    .map(|p| (p, get(p)));
    if fields.iter().all(|(_, t)| t.is_empty()) {
        return Ok(None);
    }
    let mut errors = Vec::new();
    for (part, text) in &fields {
        let required = matches!(part, Part::AddressLine1 | Part::Country);
        if required && text.is_empty() {
            errors.push(FieldError::parts(question, &[*part], Message::Required));
        } else if text.chars().count() > MAX_LINE_LENGTH as usize {
            errors.push(FieldError::parts(
                question,
                &[*part],
                Message::TooLong(MAX_LINE_LENGTH),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let [(_, l1), (_, l2), (_, l3), (_, postcode), (_, country)] = fields;
    Ok(Some(AnswerValue::InternationalAddress(
        InternationalAddress {
            lines: [l1, l2, l3].into_iter().filter(|l| !l.is_empty()).collect(),
            postcode: (!postcode.is_empty()).then_some(postcode),
            country,
        },
    )))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::definition::AnswerType;
    use proptest::prelude::*;

    #[test]
    fn lines_and_country_are_needed() {
        let q = question(AnswerType::InternationalAddress {});
        let s = Submitted::from_pairs([("q.line1", "1 Rue de Rivoli"), ("q.country", "")]);
        assert_eq!(run(&q, &s), Err(vec!["Enter country".to_owned()]));
        let s = Submitted::from_pairs([
            ("q.line1", "1 Rue de Rivoli"),
            ("q.postcode", "75001"),
            ("q.country", "France"),
        ]);
        let Ok(Some(AnswerValue::InternationalAddress(a))) = run(&q, &s) else {
            panic!()
        };
        assert_eq!(a.lines(), ["1 Rue de Rivoli", "75001", "France"]);
    }

    proptest! {
        #[test]
        fn any_parts_are_read_or_refused(l in ".*", c in ".*") {
            let q = question(AnswerType::InternationalAddress {});
            let _ = run(&q, &Submitted::from_pairs([("q.line1", l), ("q.country", c)]));
        }
    }
}
