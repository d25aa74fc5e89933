//! A UK address entered by hand: the last step of the postcode lookup journey, and what
//! "I can't find the address in the list" leads to. (The lookup itself is an HTTP step.)

use civic_address_lookup::Postcode;
use serde::{Deserialize, Serialize};

use super::{AnswerValue, FieldError, Outcome, Submitted, field, tidy};
use crate::definition::Question;
use crate::messages::{Message, Part};

/// The most characters in each address line, as Royal Mail's address lines allow.
const MAX_LINE_LENGTH: u32 = 100;

/// A UK address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UkAddress {
    /// Building and street.
    pub line1: String,
    /// More of the address, if given.
    pub line2: Option<String>,
    /// Town or city.
    pub town: String,
    /// County, if given.
    pub county: Option<String>,
    /// Postcode, normalised.
    pub postcode: String,
}

impl UkAddress {
    /// The address as lines.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = vec![self.line1.clone()];
        lines.extend(self.line2.clone());
        lines.push(self.town.clone());
        lines.extend(self.county.clone());
        lines.push(self.postcode.clone());
        lines
    }
}

/// Reads an address entered by hand.
pub(super) fn read(question: &Question, submitted: &Submitted) -> Outcome {
    let get = |part| tidy(submitted.get(&field(question, part))).replace('\n', ", ");
    let parts = [
        Part::AddressLine1,
        Part::AddressLine2,
        Part::Town,
        Part::County,
        Part::Postcode,
    ];
    let [line1, line2, town, county, postcode] = parts.map(get);
    if [&line1, &line2, &town, &county, &postcode]
        .iter()
        .all(|t| t.is_empty())
    {
        return Ok(None);
    }
    let mut errors = Vec::new();
    for (part, text, required) in [
        (Part::AddressLine1, &line1, true),
        (Part::AddressLine2, &line2, false),
        (Part::Town, &town, true),
        (Part::County, &county, false),
    ] {
        if required && text.is_empty() {
            errors.push(FieldError::parts(question, &[part], Message::Required));
        } else if text.chars().count() > MAX_LINE_LENGTH as usize {
            errors.push(FieldError::parts(
                question,
                &[part],
                Message::TooLong(MAX_LINE_LENGTH),
            ));
        }
    }
    let parsed = Postcode::parse(&postcode);
    if postcode.is_empty() {
        errors.push(FieldError::parts(
            question,
            &[Part::Postcode],
            Message::Required,
        ));
    } else if parsed.is_err() {
        errors.push(FieldError::parts(
            question,
            &[Part::Postcode],
            Message::PostcodeFormat,
        ));
    }
    match parsed {
        Ok(postcode) if errors.is_empty() => Ok(Some(AnswerValue::UkAddress(UkAddress {
            line1,
            line2: (!line2.is_empty()).then_some(line2),
            town,
            county: (!county.is_empty()).then_some(county),
            postcode: postcode.as_str().to_owned(),
        }))),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::definition::{AnswerType, UkAddressOptions};
    use proptest::prelude::*;

    fn address() -> Question {
        question(AnswerType::UkAddress(UkAddressOptions::default()))
    }

    fn parts(line1: &str, town: &str, postcode: &str) -> Submitted {
        Submitted::from_pairs([
            ("q.line1", line1),
            ("q.line2", ""),
            ("q.town", town),
            ("q.county", ""),
            ("q.postcode", postcode),
        ])
    }

    #[test]
    fn the_address_pattern_s_messages() {
        assert_eq!(
            run(&address(), &parts("", "", "SW1A")),
            Err(vec![
                "Enter address line 1, typically the building and street".to_owned(),
                "Enter town or city".to_owned(),
                "Enter a real postcode".to_owned()
            ])
        );
        let Ok(Some(AnswerValue::UkAddress(a))) =
            run(&address(), &parts("10 Downing Street", "London", "sw1a2aa"))
        else {
            panic!()
        };
        assert_eq!(a.lines(), ["10 Downing Street", "London", "SW1A 2AA"]);
    }

    proptest! {
        #[test]
        fn any_parts_are_read_or_refused(l in ".*", t in ".*", p in ".{0,10}") {
            let _ = run(&address(), &parts(&l, &t, &p));
        }
    }
}
