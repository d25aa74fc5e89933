//! An address anywhere in the world: a fieldset of three address lines, a postal code and the
//! country, each input with its `autocomplete` token.
//!
//! The country is a text input (`autocomplete="country-name"`) rather than a select: the
//! engine has no bilingual list of countries to offer yet, and the answer accepts any country
//! name typed.

use maud::Markup;

use super::PageErrors;
use super::parts::{fieldset, part_input};
use crate::answers::Submitted;
use crate::definition::{AnswerType, Language, Question};
use crate::messages::{FieldText, Part};

/// Renders an international address with the values in `submitted`, or `None` when
/// `question` is not an international address.
pub fn international_address_field(
    question: &Question,
    submitted: &Submitted,
    errors: &PageErrors<'_>,
    language: Language,
    page_heading: bool,
) -> Option<Markup> {
    let AnswerType::InternationalAddress {} = &question.answer else {
        return None;
    };
    let part = |part, label: FieldText, autocomplete: &str| {
        part_input(question, part, submitted, errors, label.text(language))
            .autocomplete(autocomplete)
    };
    let inputs = [
        part(Part::AddressLine1, FieldText::AddressLine1, "address-line1"),
        part(Part::AddressLine2, FieldText::AddressLine2, "address-line2"),
        part(Part::AddressLine3, FieldText::AddressLine3, "address-line3"),
        part(Part::Postcode, FieldText::PostalCode, "postal-code")
            .spellcheck(false)
            .classes("govuk-input--width-10"),
        part(Part::Country, FieldText::Country, "country-name").classes("govuk-!-width-two-thirds"),
    ];
    Some(fieldset(question, language, page_heading, &inputs))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::definition::{FormDefinition, Format};

    fn render(submitted: &Submitted, language: Language) -> String {
        let form = FormDefinition::parse(
            "id: t\ntitle: T\npages:\n  - id: p\n    questions:\n      - id: abroad\n        label: { en: Your address abroad, cy: Eich cyfeiriad dramor }\n        answer: { type: international_address }\n",
            Format::Yaml,
        )
        .unwrap();
        crate::render::field_test::render(
            international_address_field,
            &form,
            submitted,
            language,
            false,
        )
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
