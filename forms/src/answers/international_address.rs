//! An address anywhere in the world: free-form lines, an optional postal code, a country.

use maud::Markup;
use serde::{Deserialize, Serialize};
use time::Date;

use super::{AnswerKind, AnswerValue, FieldError, Outcome, Submitted, field, tidy};
use crate::definition::{Language, Question};
use crate::messages::{FieldText, Message, Part};
use crate::render::FieldContext;
use crate::render::parts::{fieldset, part_input};

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

/// An international address.
pub(super) struct Kind;

impl AnswerKind for Kind {
    fn parts(&self) -> &'static [Part] {
        &[
            Part::AddressLine1,
            Part::AddressLine2,
            Part::AddressLine3,
            Part::Postcode,
            Part::Country,
        ]
    }

    fn read(&self, question: &Question, submitted: &Submitted, _today: Date) -> Outcome {
        read(question, submitted)
    }

    /// A fieldset of three address lines, a postal code and the country, each input with its
    /// `autocomplete` token. The country is a text input (`autocomplete="country-name"`)
    /// rather than a select: the engine has no bilingual list of countries to offer yet, and
    /// the answer accepts any country name typed.
    fn field(&self, question: &Question, at: FieldContext<'_>) -> Markup {
        let language = at.language;
        let part = |part, label: FieldText, autocomplete: &str| {
            part_input(question, part, at, label.text(language)).autocomplete(autocomplete)
        };
        let inputs = [
            part(Part::AddressLine1, FieldText::AddressLine1, "address-line1"),
            part(Part::AddressLine2, FieldText::AddressLine2, "address-line2"),
            part(Part::AddressLine3, FieldText::AddressLine3, "address-line3"),
            part(Part::Postcode, FieldText::PostalCode, "postal-code")
                .spellcheck(false)
                .classes("govuk-input--width-10"),
            part(Part::Country, FieldText::Country, "country-name")
                .classes("govuk-!-width-two-thirds"),
        ];
        fieldset(question, at.language, at.page_heading, &inputs)
    }

    fn display(&self, _: &Question, value: &AnswerValue, _: Language) -> Option<Vec<String>> {
        match value {
            AnswerValue::InternationalAddress(address) => Some(address.lines()),
            _ => None,
        }
    }
}

/// Reads an international address.
fn read(question: &Question, submitted: &Submitted) -> Outcome {
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

#[cfg(test)]
mod field_tests {
    use super::*;
    use crate::definition::{FormDefinition, Format};

    fn render(submitted: &Submitted, language: Language) -> String {
        let form = FormDefinition::parse(
            "id: t\ntitle: T\npages:\n  - id: p\n    questions:\n      - id: abroad\n        label: { en: Your address abroad, cy: Eich cyfeiriad dramor }\n        answer: { type: international_address }\n",
            Format::Yaml,
        )
        .unwrap();
        crate::render::field_test::render(&form, submitted, language, false)
    }

    #[test]
    fn lines_postal_code_and_country_with_autocomplete_and_country_error() {
        let submitted =
            Submitted::from_pairs([("abroad.line1", "1 Rue de Rivoli"), ("abroad.country", "")]);
        let html = render(&submitted, Language::En);
        for token in [
            "address-line1",
            "address-line2",
            "address-line3",
            "postal-code",
            "country-name",
        ] {
            assert!(
                html.contains(&format!(r#"autocomplete="{token}""#)),
                "{token}: {html}"
            );
        }
        assert!(html.contains("<fieldset"), "{html}");
        assert!(html.contains(r#"value="1 Rue de Rivoli""#), "{html}");
        assert_eq!(html.matches("govuk-input--error").count(), 1, "{html}");
        assert!(html.contains("Enter country"), "{html}");
        assert!(
            html.find("Enter country").unwrap() < html.find(r#"id="abroad.country""#).unwrap(),
            "{html}"
        );
        assert!(!html.contains("<h1"), "{html}");
    }

    #[test]
    fn welsh_labels_and_escaping() {
        let submitted = Submitted::from_pairs([("abroad.line1", "<img src=x onerror=alert(1)>")]);
        let html = render(&submitted, Language::Cy);
        assert!(
            html.contains("Llinell 1 y cyfeiriad") && html.contains("Gwlad"),
            "{html}"
        );
        assert!(html.contains("Rhowch wlad"), "{html}");
        assert!(!html.contains("<img"), "{html}");
    }
}
