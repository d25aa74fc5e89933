//! Answers asked in one text input, with the attributes the Design System gives each pattern
//! (`autocomplete`, `inputmode`, `spellcheck`, input width, `£` before money).

use civic_components::{Affix, ErrorMessage, Hint, Input, Label};
use maud::{Markup, Render};

use super::PageErrors;
use crate::definition::{AnswerType, Language, NameParts, Question};
use crate::messages::Word;

/// Renders `question` as one text input showing `value` (the answer as last submitted, so it is
/// re-shown after an error), or `None` when its answer type is not asked in one input.
/// `page_heading` makes the label the page's `<h1>` (one question on the page).
pub fn single_field(
    question: &Question,
    value: &str,
    errors: &PageErrors<'_>,
    language: Language,
    page_heading: bool,
) -> Option<Markup> {
    let input = Input::new(&question.id).id(&question.id);
    let input = match &question.answer {
        AnswerType::Email {} => input
            .input_type("email")
            .autocomplete("email")
            .spellcheck(false),
        AnswerType::Phone(_) => input.input_type("tel").autocomplete("tel"),
        AnswerType::NationalInsuranceNumber {} => {
            input.spellcheck(false).classes("govuk-input--width-10")
        }
        AnswerType::Postcode {} => input
            .autocomplete("postal-code")
            .classes("govuk-input--width-10"),
        AnswerType::VehicleRegistration {} => input
            .spellcheck(false)
            .autocapitalize("characters")
            .classes("govuk-input--width-10"),
        AnswerType::Name(options) if options.parts == NameParts::Full => {
            input.autocomplete("name").spellcheck(false)
        }
        AnswerType::OrganisationName(_) => input.autocomplete("organization"),
        AnswerType::Number(options) => {
            let input = input
                .inputmode(if options.whole { "numeric" } else { "decimal" })
                .spellcheck(false)
                .classes("govuk-input--width-10");
            match &options.suffix {
                Some(suffix) => input.suffix(Affix::text(suffix.in_language(language))),
                None => input,
            }
        }
        AnswerType::Money(_) => input
            .inputmode("decimal")
            .spellcheck(false)
            .prefix(Affix::text("£"))
            .classes("govuk-input--width-5"),
        AnswerType::Text(_) => input,
        _ => return None,
    };
    let mut label_text = question.label.in_language(language).to_owned();
    if question.optional {
        label_text = format!("{label_text} {}", Word::Optional.text(language));
    }
    let mut label = Label::text(label_text).page_heading(page_heading);
    if page_heading {
        label.classes = Some("govuk-label--l".to_owned());
    }
    let mut input = input.label(label).value(value);
    if let Some(hint) = &question.hint {
        input = input.hint(Hint::text(hint.in_language(language)));
    }
    if let Some(message) = errors.message(&question.id) {
        input = input.error_message(ErrorMessage::text(message));
    }
    Some(input.render())
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;
    use crate::answers::{Submitted, read_page};
    use crate::definition::{FormDefinition, Format};

    fn form() -> FormDefinition {
        FormDefinition::parse(
            r#"
id: test
title: Test
pages:
  - id: contact
    questions:
      - id: email
        label: What is your email address?
        error_name: your email address
        answer: { type: email }
"#,
            Format::Yaml,
        )
        .unwrap()
    }

    #[test]
    fn email_field_has_design_system_attributes_and_reshows_escaped_value_with_error() {
        let form = form();
        let page = &form.pages[0];
        let value = r#""><script>alert(1)</script>"#;
        let errors = read_page(
            page,
            &Submitted::from_pairs([("email", value)]),
            date!(2026 - 11 - 28),
        )
        .unwrap_err();
        let page_errors = PageErrors::new(page, &errors, Language::En);
        let html = single_field(&page.questions[0], value, &page_errors, Language::En, true)
            .unwrap()
            .into_string();
        assert!(html.contains(r#"type="email""#), "{html}");
        assert!(html.contains(r#"autocomplete="email""#), "{html}");
        assert!(html.contains(r#"spellcheck="false""#), "{html}");
        assert!(html.contains("govuk-input--error"), "{html}");
        assert!(html.contains("<h1"), "{html}");
        assert!(!html.contains("<script>"), "value not escaped: {html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        let message = page_errors.message("email").unwrap();
        assert!(
            html.contains(&message),
            "{message} not beside the field: {html}"
        );
    }

    proptest::proptest! {
        /// Whatever a resident types comes back only as an escaped attribute value.
        #[test]
        fn any_answer_is_reshown_escaped(value in "\\PC+") {
            let form = form();
            let page = &form.pages[0];
            let errors = PageErrors::new(page, &[], Language::En);
            let html = single_field(&page.questions[0], &value, &errors, Language::En, false)
                .unwrap()
                .into_string();
            let mut escaped = String::new();
            civic_components::escape::escape_into(&mut escaped, &value);
            let expected = format!(r#"value="{escaped}""#);
            proptest::prop_assert!(html.contains(&expected));
            proptest::prop_assert!(!escaped.contains(['<', '>', '"']));
        }
    }

    #[test]
    fn money_has_pound_prefix_and_decimal_keyboard() {
        let form = FormDefinition::parse(
            "id: t\ntitle: T\npages:\n  - id: p\n    questions:\n      - id: rent\n        label: Rent\n        answer: { type: money }\n",
            Format::Yaml,
        )
        .unwrap();
        let page = &form.pages[0];
        let errors = PageErrors::new(page, &[], Language::En);
        let html = single_field(&page.questions[0], "12.50", &errors, Language::En, false)
            .unwrap()
            .into_string();
        assert!(html.contains("govuk-input__prefix"), "{html}");
        assert!(html.contains("£"), "{html}");
        assert!(html.contains(r#"inputmode="decimal""#), "{html}");
        assert!(html.contains(r#"value="12.50""#), "{html}");
    }

    #[test]
    fn full_name_has_name_autocomplete_and_parts_are_not_single() {
        let yaml = "id: t\ntitle: T\npages:\n  - id: p\n    questions:\n      - id: who\n        label: Name\n        answer: { type: name }\n      - id: parts\n        label: Name\n        answer: { type: name, parts: first_and_last }\n";
        let form = FormDefinition::parse(yaml, Format::Yaml).unwrap();
        let page = &form.pages[0];
        let errors = PageErrors::new(page, &[], Language::En);
        let html = single_field(&page.questions[0], "Ann", &errors, Language::En, false)
            .unwrap()
            .into_string();
        assert!(html.contains(r#"autocomplete="name""#), "{html}");
        assert!(single_field(&page.questions[1], "", &errors, Language::En, false).is_none());
    }

    #[test]
    fn welsh_label_and_optional_word() {
        let mut form = form();
        form.pages[0].questions[0].optional = true;
        let page = &form.pages[0];
        let page_errors = PageErrors::new(page, &[], Language::Cy);
        let html = single_field(&page.questions[0], "", &page_errors, Language::Cy, false)
            .unwrap()
            .into_string();
        assert!(html.contains("(dewisol)"), "{html}");
        assert!(!html.contains("govuk-input--error"), "{html}");
    }
}
