//! A UK address. The postcode lookup journey comes first: [`find_address_page`] and
//! [`select_address_page`], HTTP steps that store the address picked. Its question page is the
//! last step, the address entered by hand, where "I can't find the address in the list"
//! leads: address lines 1 and 2, town, county and postcode, each with its `autocomplete`
//! token, as the Design System's address pattern has it.
//!
//! [`find_address_page`]: crate::render::find_address_page
//! [`select_address_page`]: crate::render::select_address_page

use civic_address_lookup::{Address, Postcode};
use maud::Markup;
use serde::{Deserialize, Serialize};
use time::Date;

use super::{AnswerKind, AnswerValue, FieldError, Outcome, Submitted, field, tidy};
use crate::definition::{Language, Question};
use crate::messages::{FieldText, Message, Part};
use crate::render::FieldContext;
use crate::render::parts::{fieldset, part_input};

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
    /// The property's UPRN, when the address was chosen from a lookup (not typed in).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uprn: Option<u64>,
}

impl UkAddress {
    /// The address chosen from a postcode lookup, with its UPRN: the first line of its label
    /// is line 1, any between it and the post town are line 2. `None` for an address without
    /// a postcode or a town (a lookup lists neither).
    pub fn from_lookup(address: &Address) -> Option<UkAddress> {
        let postcode = address.postcode?;
        let mut lines = address.lines();
        // The label ends with the post town and the postcode.
        lines.pop();
        let town = lines.pop()?;
        let (line1, rest) = lines.split_first()?;
        Some(UkAddress {
            line1: line1.clone(),
            line2: (!rest.is_empty()).then(|| rest.join(", ")),
            town,
            county: None,
            postcode: postcode.as_str().to_owned(),
            uprn: Some(address.uprn.get()),
        })
    }

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

/// A UK address.
pub(super) struct Kind;

impl AnswerKind for Kind {
    fn parts(&self) -> &'static [Part] {
        &[
            Part::AddressLine1,
            Part::AddressLine2,
            Part::Town,
            Part::County,
            Part::Postcode,
        ]
    }

    fn read(&self, question: &Question, submitted: &Submitted, _today: Date) -> Outcome {
        read(question, submitted)
    }

    /// The address entered by hand.
    fn field(&self, question: &Question, at: FieldContext<'_>) -> Markup {
        let language = at.language;
        let part = |part, label: FieldText, autocomplete: &str| {
            part_input(question, part, at, label.text(language)).autocomplete(autocomplete)
        };
        let inputs = [
            part(Part::AddressLine1, FieldText::AddressLine1, "address-line1"),
            part(Part::AddressLine2, FieldText::AddressLine2, "address-line2"),
            part(Part::Town, FieldText::Town, "address-level2").classes("govuk-!-width-two-thirds"),
            // The pattern gives county no autocomplete token: browsers fill it unreliably.
            part_input(question, Part::County, at, FieldText::County.text(language))
                .classes("govuk-!-width-two-thirds"),
            part(Part::Postcode, FieldText::Postcode, "postal-code")
                .spellcheck(false)
                .classes("govuk-input--width-10"),
        ];
        fieldset(question, at.language, at.page_heading, &inputs)
    }

    fn display(&self, _: &Question, value: &AnswerValue, _: Language) -> Option<Vec<String>> {
        match value {
            AnswerValue::UkAddress(address) => Some(address.lines()),
            _ => None,
        }
    }
}

/// Reads an address entered by hand.
fn read(question: &Question, submitted: &Submitted) -> Outcome {
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
            uprn: None,
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

    #[test]
    fn a_looked_up_address_keeps_its_uprn_and_label() {
        use civic_address_lookup::{Dpa, Uprn};
        let address = Address {
            dpa: Some(Dpa {
                sub_building_name: "FLAT 2".into(),
                building_name: "THE MALTINGS".into(),
                building_number: Some(10),
                thoroughfare: "HIGH STREET".into(),
                post_town: "LEEDS".into(),
                ..Dpa::default()
            }),
            postcode: Postcode::parse("LS1 4AP").ok(),
            ..Address::new(Uprn::new(72_000_001).unwrap())
        };
        let chosen = UkAddress::from_lookup(&address).unwrap();
        assert_eq!(chosen.line1, "FLAT 2");
        assert_eq!(
            chosen.line2.as_deref(),
            Some("THE MALTINGS, 10 HIGH STREET")
        );
        assert_eq!(chosen.town, "LEEDS");
        assert_eq!(chosen.uprn, Some(72_000_001));
        assert_eq!(
            chosen.lines(),
            ["FLAT 2", "THE MALTINGS, 10 HIGH STREET", "LEEDS", "LS1 4AP"]
        );
        let no_postcode = Address {
            postcode: None,
            ..address
        };
        assert_eq!(UkAddress::from_lookup(&no_postcode), None);
    }

    proptest! {
        #[test]
        fn any_parts_are_read_or_refused(l in ".*", t in ".*", p in ".{0,10}") {
            let _ = run(&address(), &parts(&l, &t, &p));
        }
    }
}

#[cfg(test)]
mod field_tests {
    use super::*;
    use crate::definition::{FormDefinition, Format};

    fn render(submitted: &Submitted, language: Language) -> String {
        let form = FormDefinition::parse(
            "id: t\ntitle: T\npages:\n  - id: p\n    questions:\n      - id: home\n        label: { en: What is your address?, cy: Beth yw eich cyfeiriad? }\n        answer: { type: uk_address }\n",
            Format::Yaml,
        )
        .unwrap();
        crate::render::field_test::render(&form, submitted, language, true)
    }

    #[test]
    fn the_address_pattern_with_autocomplete_and_each_error_beside_its_input() {
        let submitted = Submitted::from_pairs([
            ("home.line1", ""),
            ("home.town", "Leeds"),
            ("home.postcode", "SW1A"),
        ]);
        let html = render(&submitted, Language::En);
        for token in [
            "address-line1",
            "address-line2",
            "address-level2",
            "postal-code",
        ] {
            assert!(
                html.contains(&format!(r#"autocomplete="{token}""#)),
                "{token}: {html}"
            );
        }
        assert_eq!(html.matches("govuk-input--error").count(), 2, "{html}");
        let line1_error = html
            .find("Enter address line 1, typically the building and street")
            .unwrap();
        assert!(
            line1_error < html.find(r#"id="home.line1""#).unwrap(),
            "{html}"
        );
        let postcode_error = html.find("Enter a real postcode").unwrap();
        assert!(
            html.find(r#"id="home.county""#).unwrap() < postcode_error,
            "{html}"
        );
        assert!(html.contains(r#"value="Leeds""#), "{html}");
        assert!(html.contains("County (optional)"), "{html}");
        assert!(html.contains("<h1"), "{html}");
    }

    #[test]
    fn welsh_labels_and_escaping() {
        let submitted = Submitted::from_pairs([("home.line1", "\"><svg onload=alert(1)>")]);
        let html = render(&submitted, Language::Cy);
        assert!(
            html.contains("Tref neu ddinas") && html.contains("Sir (dewisol)"),
            "{html}"
        );
        assert!(html.contains("Beth yw eich cyfeiriad?"), "{html}");
        assert!(!html.contains("<svg"), "{html}");
        assert!(html.contains("&quot;&gt;&lt;svg"), "{html}");
    }
}
