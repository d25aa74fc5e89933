//! Bank details as the Design System's bank details pattern asks for them: name on the
//! account, sort code, account number and, when the form asks, a building society roll
//! number; numbers typed on a numeric keyboard, never autocompleted or spellchecked.

use maud::Markup;

use super::PageErrors;
use super::parts::{fieldset, part_input};
use crate::answers::Submitted;
use crate::definition::{AnswerType, Language, Question};
use crate::messages::{FieldText, Part};

/// Renders bank details with the values in `submitted`, or `None` when `question` does not
/// ask for bank details.
pub fn bank_details_field(
    question: &Question,
    submitted: &Submitted,
    errors: &PageErrors<'_>,
    language: Language,
    page_heading: bool,
) -> Option<Markup> {
    let AnswerType::BankDetails(options) = &question.answer else {
        return None;
    };
    // Account details are not the resident's own to autofill and must not be remembered.
    let part = |part, label: FieldText| {
        part_input(question, part, submitted, errors, label.text(language))
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
    if options.roll_number {
        inputs.push(
            part(Part::RollNumber, FieldText::RollNumber)
                .hint(hint(FieldText::RollNumberHint))
                .classes("govuk-input--width-10"),
        );
    }
    Some(fieldset(question, language, page_heading, &inputs))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::definition::{FormDefinition, Format};

    fn render(roll: bool, submitted: &Submitted, language: Language) -> String {
        let form = FormDefinition::parse(
            &format!("id: t\ntitle: T\npages:\n  - id: p\n    questions:\n      - id: bank\n        label: {{ en: Bank details, cy: Manylion banc }}\n        answer: {{ type: bank_details, roll_number: {roll} }}\n"),
            Format::Yaml,
        )
        .unwrap();
        crate::render::field_test::render(bank_details_field, &form, submitted, language, true)
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
