//! A UK address typed in by hand: the last step of the postcode lookup journey, and where
//! "I can't find the address in the list" leads. A fieldset of address line 1 and 2, town,
//! county and postcode, each with its `autocomplete` token, as the Design System's address
//! pattern has it. The steps before it are [`find_address_page`](super::find_address_page)
//! and [`select_address_page`](super::select_address_page).

use maud::Markup;

use super::PageErrors;
use super::parts::{fieldset, part_input};
use crate::answers::Submitted;
use crate::definition::{AnswerType, Language, Question};
use crate::messages::{FieldText, Part};

/// Renders the manual entry of a UK address with the values in `submitted`, or `None` when
/// `question` is not a UK address.
pub fn uk_address_field(
    question: &Question,
    submitted: &Submitted,
    errors: &PageErrors<'_>,
    language: Language,
    page_heading: bool,
) -> Option<Markup> {
    let AnswerType::UkAddress(_) = &question.answer else {
        return None;
    };
    let part = |part, label: FieldText, autocomplete: &str| {
        part_input(question, part, submitted, errors, label.text(language))
            .autocomplete(autocomplete)
    };
    let inputs = [
        part(Part::AddressLine1, FieldText::AddressLine1, "address-line1"),
        part(Part::AddressLine2, FieldText::AddressLine2, "address-line2"),
        part(Part::Town, FieldText::Town, "address-level2").classes("govuk-!-width-two-thirds"),
        // The pattern gives county no autocomplete token: browsers fill it unreliably.
        part_input(
            question,
            Part::County,
            submitted,
            errors,
            FieldText::County.text(language),
        )
        .classes("govuk-!-width-two-thirds"),
        part(Part::Postcode, FieldText::Postcode, "postal-code")
            .spellcheck(false)
            .classes("govuk-input--width-10"),
    ];
    Some(fieldset(question, language, page_heading, &inputs))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::definition::{FormDefinition, Format};

    fn render(submitted: &Submitted, language: Language) -> String {
        let form = FormDefinition::parse(
            "id: t\ntitle: T\npages:\n  - id: p\n    questions:\n      - id: home\n        label: { en: What is your address?, cy: Beth yw eich cyfeiriad? }\n        answer: { type: uk_address }\n",
            Format::Yaml,
        )
        .unwrap();
        crate::render::field_test::render(uk_address_field, &form, submitted, language, true)
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
