//! The one text input most answer types are asked in (an email address, a phone number, a
//! postcode, an amount of money, ...): each type gives the input the attributes the Design
//! System gives its pattern (`autocomplete`, `inputmode`, `spellcheck`, width, `£` before
//! money), and this gives it the question's label, hint, value and error.

use civic_components::{ErrorMessage, Hint, Input};
use maud::{Markup, Render};

use super::FieldContext;
use super::parts::label;
use crate::definition::Question;

/// Renders `question` as one text input named and identified by its id, configured by
/// `attributes`, showing the value last `submitted` (so it is re-shown after an error).
pub(crate) fn text_input(
    question: &Question,
    at: FieldContext<'_>,
    attributes: impl FnOnce(Input) -> Input,
) -> Markup {
    let FieldContext {
        submitted,
        errors,
        language,
        page_heading,
    } = at;
    let mut input = attributes(Input::new(&question.id).id(&question.id))
        .label(label(question, language, page_heading))
        .value(submitted.get(&question.id));
    if let Some(hint) = &question.hint {
        input = input.hint(Hint::text(hint.in_language(language)));
    }
    if let Some(message) = errors.message(&question.id) {
        input = input.error_message(ErrorMessage::text(message));
    }
    input.render()
}

#[cfg(test)]
mod tests {
    use crate::answers::Submitted;
    use crate::definition::{FormDefinition, Format, Language};
    use crate::render::field_test;

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
        let value = r#""><script>alert(1)</script>"#;
        let html = field_test::render(
            &form(),
            &Submitted::from_pairs([("email", value)]),
            Language::En,
            true,
        );
        assert!(html.contains(r#"type="email""#), "{html}");
        assert!(html.contains(r#"autocomplete="email""#), "{html}");
        assert!(html.contains(r#"spellcheck="false""#), "{html}");
        assert!(html.contains("govuk-input--error"), "{html}");
        assert!(html.contains("<h1"), "{html}");
        assert!(!html.contains("<script>"), "value not escaped: {html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        let message = "Enter an email address in the correct format, like name@example.com";
        assert!(
            html.contains(message),
            "{message} not beside the field: {html}"
        );
    }

    proptest::proptest! {
        /// Whatever a resident types comes back only as an escaped attribute value.
        #[test]
        fn any_answer_is_reshown_escaped(value in "\\PC+") {
            let html = field_test::render(
                &form(),
                &Submitted::from_pairs([("email", value.as_str())]),
                Language::En,
                false,
            );
            let mut escaped = String::new();
            civic_components::escape::escape_into(&mut escaped, &value);
            let expected = format!(r#"value="{escaped}""#);
            proptest::prop_assert!(html.contains(&expected));
            proptest::prop_assert!(!escaped.contains(['<', '>', '"']));
        }
    }

    #[test]
    fn welsh_label_and_optional_word() {
        let mut form = form();
        form.pages[0].questions[0].optional = true;
        let html = field_test::render(&form, &Submitted::default(), Language::Cy, false);
        assert!(html.contains("(dewisol)"), "{html}");
        assert!(!html.contains("govuk-input--error"), "{html}");
    }
}
