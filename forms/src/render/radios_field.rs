//! Yes/no and one-from-a-list answers as radios: the first radio's id is the question's id, so
//! the error summary links to the first option; an exclusive option comes after an "or" divider.

use civic_components::{ErrorMessage, Fieldset, Hint, Legend, RadioItem, Radios};
use maud::{Markup, Render};

use super::{PageErrors, question_field};
use crate::answers::Submitted;
use crate::definition::{AnswerType, Choice, Language, ListDisplay, Question, Text};
use crate::messages::Word;

/// Renders `question` as radios with the option in `submitted` chosen (the answer as last
/// submitted), or `None` when it is not asked with radios (or a follow-up cannot be shown).
/// `page_heading` makes the legend the page's `<h1>`.
///
/// An option's follow-up question is revealed under it (the Design System's conditional
/// reveal). It is always in the HTML, so without JavaScript it is simply shown.
pub fn radios_field(
    question: &Question,
    submitted: &Submitted,
    errors: &PageErrors<'_>,
    language: Language,
    page_heading: bool,
) -> Option<Markup> {
    let yes_no;
    let choices: &[Choice] = match &question.answer {
        AnswerType::YesNo {} => {
            yes_no = [
                Choice::new("yes", Text::new(Word::Yes.text(language))),
                Choice::new("no", Text::new(Word::No.text(language))),
            ];
            &yes_no
        }
        AnswerType::OneFromList(options) if options.display == ListDisplay::Radios => {
            &options.options
        }
        _ => return None,
    };
    let value = submitted.get(&question.id);
    let mut radios = Radios::new(&question.id).id_prefix(&question.id);
    if matches!(question.answer, AnswerType::YesNo {}) {
        radios = radios.classes("govuk-radios--inline");
    }
    for choice in choices {
        if choice.exclusive {
            radios = radios.item(RadioItem::divider(Word::Or.text(language)));
        }
        let mut item = RadioItem::new(&choice.value, choice.label.in_language(language));
        if let Some(hint) = &choice.hint {
            item = item.hint(Hint::text(hint.in_language(language)));
        }
        if choice.value == value {
            item = item.checked();
        }
        if let Some(follow_up) = &choice.follow_up {
            item = item.conditional(question_field(
                follow_up, submitted, errors, language, false,
            )?);
        }
        radios = radios.item(item);
    }
    let mut legend_text = question.label.in_language(language).to_owned();
    if question.optional {
        legend_text = format!("{legend_text} {}", Word::Optional.text(language));
    }
    let mut legend = Legend::text(legend_text).page_heading(page_heading);
    if page_heading {
        legend.classes = Some("govuk-fieldset__legend--l".to_owned());
    }
    radios = radios.fieldset(Fieldset::new().legend(legend));
    if let Some(hint) = &question.hint {
        radios = radios.hint(Hint::text(hint.in_language(language)));
    }
    if let Some(message) = errors.message(&question.id) {
        radios = radios.error_message(ErrorMessage::text(message));
    }
    Some(radios.render())
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;
    use crate::answers::read_page;
    use crate::definition::{FormDefinition, Format};

    fn form() -> FormDefinition {
        FormDefinition::parse(
            r#"
id: t
title: T
pages:
  - id: p
    questions:
      - id: bins
        label: Which bin is missing?
        error_name: which bin is missing
        answer:
          type: one_from_list
          options:
            - { value: black, label: Black bin }
            - { value: blue, label: { en: Blue bin, cy: Bin glas } }
            - { value: none, label: None of these, exclusive: true }
"#,
            Format::Yaml,
        )
        .unwrap()
    }

    #[test]
    fn error_links_to_first_radio_and_exclusive_option_after_or() {
        let form = form();
        let page = &form.pages[0];
        let errors = read_page(page, &Submitted::default(), date!(2026 - 11 - 28)).unwrap_err();
        let page_errors = PageErrors::new(page, &errors, Language::En);
        let html = radios_field(
            &page.questions[0],
            &Submitted::default(),
            &page_errors,
            Language::En,
            true,
        )
        .unwrap()
        .into_string();
        let summary = maud::Render::render(&page_errors.summary().unwrap()).into_string();
        assert!(summary.contains(r##"href="#bins""##), "{summary}");
        let first = html.find(r#"id="bins""#).unwrap();
        assert!(first < html.find(r#"value="black""#).unwrap(), "{html}");
        let divider = html.find("govuk-radios__divider").unwrap();
        assert!(html[divider..].contains("or"), "{html}");
        assert!(html.find(r#"value="blue""#).unwrap() < divider, "{html}");
        assert!(divider < html.find(r#"value="none""#).unwrap(), "{html}");
        assert!(
            html.contains(&page_errors.message("bins").unwrap()),
            "{html}"
        );
    }

    #[test]
    fn welsh_reshows_chosen_option() {
        let form = form();
        let page = &form.pages[0];
        let page_errors = PageErrors::new(page, &[], Language::Cy);
        let html = radios_field(
            &page.questions[0],
            &Submitted::from_pairs([("bins", "blue")]),
            &page_errors,
            Language::Cy,
            false,
        )
        .unwrap()
        .into_string();
        assert!(html.contains("Bin glas"), "{html}");
        assert!(html.contains("neu"), "{html}");
        let blue = html.find(r#"value="blue""#).unwrap();
        let checked = html.find("checked").unwrap();
        assert!(
            checked > blue && checked < html.find(r#"value="none""#).unwrap(),
            "{html}"
        );
    }

    fn follow_up_form() -> FormDefinition {
        FormDefinition::parse(
            r#"
id: t
title: T
pages:
  - id: p
    questions:
      - id: contact
        label: { en: How should we contact you?, cy: Sut ddylen ni gysylltu â chi? }
        answer:
          type: one_from_list
          options:
            - value: email
              label: { en: Email, cy: E-bost }
              follow_up:
                id: contact_email
                label: { en: Email address, cy: Cyfeiriad e-bost }
                error_name: { en: your email address, cy: eich cyfeiriad e-bost }
                answer: { type: email }
            - value: phone
              label: { en: Phone, cy: Ffôn }
              follow_up:
                id: contact_phone
                label: { en: Phone number, cy: Rhif ffôn }
                answer: { type: phone }
"#,
            Format::Yaml,
        )
        .unwrap()
    }

    #[test]
    fn follow_up_is_revealed_under_its_option_with_its_error_and_value() {
        let form = follow_up_form();
        let page = &form.pages[0];
        let submitted =
            Submitted::from_pairs([("contact", "email"), ("contact_email", "not-an-email<")]);
        let errors = read_page(page, &submitted, date!(2026 - 11 - 28)).unwrap_err();
        let page_errors = PageErrors::new(page, &errors, Language::En);
        let html = radios_field(
            &page.questions[0],
            &submitted,
            &page_errors,
            Language::En,
            true,
        )
        .unwrap()
        .into_string();
        let email_radio = html.find(r#"value="email""#).unwrap();
        let reveal = html
            .find(r#"<div class="govuk-radios__conditional" id="conditional-contact""#)
            .unwrap();
        let field = html.find(r#"id="contact_email""#).unwrap();
        let phone_radio = html.find(r#"value="phone""#).unwrap();
        assert!(
            email_radio < reveal && reveal < field && field < phone_radio,
            "{html}"
        );
        assert!(html.contains(r#"value="not-an-email&lt;""#), "{html}");
        assert!(
            html.contains("Enter an email address in the correct format"),
            "{html}"
        );
        // The phone follow-up is in the page too (shown without JavaScript), marked hidden.
        assert!(html.contains("govuk-radios__conditional--hidden"), "{html}");
        assert!(html.contains(r#"id="contact_phone""#), "{html}");
        assert!(html.contains(r#"type="tel""#), "{html}");
        let summary = maud::Render::render(&page_errors.summary().unwrap()).into_string();
        assert!(summary.contains(r##"href="#contact_email""##), "{summary}");
    }

    #[test]
    fn welsh_follow_up_labels() {
        let form = follow_up_form();
        let page = &form.pages[0];
        let page_errors = PageErrors::new(page, &[], Language::Cy);
        let html = radios_field(
            &page.questions[0],
            &Submitted::default(),
            &page_errors,
            Language::Cy,
            false,
        )
        .unwrap()
        .into_string();
        assert!(
            html.contains("Cyfeiriad e-bost") && html.contains("Rhif ffôn"),
            "{html}"
        );
        assert_eq!(
            html.matches("govuk-radios__conditional--hidden").count(),
            2,
            "{html}"
        );
    }
}
