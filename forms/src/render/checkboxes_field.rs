//! Many-from-a-list answers as checkboxes: the first box's id is the question's id (the error
//! summary's target); an exclusive option ("None of these") comes after an "or" divider and
//! unticks the others (with JavaScript; without it, the answer's validation refuses the mix).

use civic_components::{CheckboxItem, Checkboxes, ErrorMessage, Fieldset, Hint, Legend};
use maud::{Markup, Render};

use super::{PageErrors, question_field};
use crate::answers::Submitted;
use crate::definition::{AnswerType, Language, Question};
use crate::messages::Word;

/// Renders `question` as checkboxes with the boxes in `submitted` ticked, or `None` when it is
/// not a many-from-a-list answer (or a follow-up cannot be shown). `page_heading` makes the
/// legend the page's `<h1>`. An option's follow-up question is revealed under it; it is
/// always in the HTML, so without JavaScript it is simply shown.
pub fn checkboxes_field(
    question: &Question,
    submitted: &Submitted,
    errors: &PageErrors<'_>,
    language: Language,
    page_heading: bool,
) -> Option<Markup> {
    let AnswerType::ManyFromList(options) = &question.answer else {
        return None;
    };
    let ticked = submitted.all(&question.id);
    let mut checkboxes = Checkboxes::new(&question.id).id_prefix(&question.id);
    for choice in &options.options {
        if choice.exclusive {
            checkboxes = checkboxes.item(CheckboxItem::divider(Word::Or.text(language)));
        }
        let mut item = CheckboxItem::new(&choice.value, choice.label.in_language(language));
        if let Some(hint) = &choice.hint {
            item = item.hint(Hint::text(hint.in_language(language)));
        }
        if choice.exclusive {
            item = item.exclusive();
        }
        if ticked.contains(&choice.value) {
            item = item.checked();
        }
        if let Some(follow_up) = &choice.follow_up {
            item = item.conditional(question_field(
                follow_up, submitted, errors, language, false,
            )?);
        }
        checkboxes = checkboxes.item(item);
    }
    let mut legend_text = question.label.in_language(language).to_owned();
    if question.optional {
        legend_text = format!("{legend_text} {}", Word::Optional.text(language));
    }
    let mut legend = Legend::text(legend_text).page_heading(page_heading);
    if page_heading {
        legend.classes = Some("govuk-fieldset__legend--l".to_owned());
    }
    checkboxes = checkboxes.fieldset(Fieldset::new().legend(legend));
    if let Some(hint) = &question.hint {
        checkboxes = checkboxes.hint(Hint::text(hint.in_language(language)));
    }
    if let Some(message) = errors.message(&question.id) {
        checkboxes = checkboxes.error_message(ErrorMessage::text(message));
    }
    Some(checkboxes.render())
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;
    use crate::answers::read_page;
    use crate::definition::{FormDefinition, Format};

    #[test]
    fn exclusive_none_after_divider_ticked_reshown_and_error_beside() {
        let form = FormDefinition::parse(
            r#"
id: t
title: T
pages:
  - id: p
    questions:
      - id: needs
        label: What help do you need?
        error_name: what help you need
        answer:
          type: many_from_list
          options:
            - { value: ramp, label: A ramp }
            - { value: large_print, label: Large print }
            - { value: none, label: None of these, exclusive: true }
"#,
            Format::Yaml,
        )
        .unwrap();
        let page = &form.pages[0];
        let submitted = Submitted::from_pairs([("needs", "ramp"), ("needs", "none")]);
        let errors = read_page(page, &submitted, date!(2026 - 11 - 28)).unwrap_err();
        let page_errors = PageErrors::new(page, &errors, Language::En);
        let html = checkboxes_field(
            &page.questions[0],
            &submitted,
            &page_errors,
            Language::En,
            true,
        )
        .unwrap()
        .into_string();
        assert!(
            html.find(r#"id="needs""#).unwrap() < html.find(r#"value="ramp""#).unwrap(),
            "{html}"
        );
        let divider = html.find("govuk-checkboxes__divider").unwrap();
        assert!(divider < html.find(r#"value="none""#).unwrap(), "{html}");
        assert!(html.contains(r#"data-behaviour="exclusive""#), "{html}");
        assert_eq!(html.matches("checked").count(), 2, "{html}");
        assert!(
            html.contains(&page_errors.message("needs").unwrap()),
            "{html}"
        );
    }

    #[test]
    fn ticked_option_reveals_its_follow_up_in_english_and_welsh() {
        let form = FormDefinition::parse(
            r#"
id: t
title: T
pages:
  - id: p
    questions:
      - id: pets
        label: { en: Which pets do you have?, cy: Pa anifeiliaid anwes sydd gennych chi? }
        answer:
          type: many_from_list
          options:
            - value: dog
              label: { en: Dog, cy: Ci }
              follow_up:
                id: dogs
                label: { en: How many dogs?, cy: Sawl ci? }
                answer: { type: number, whole: true }
            - { value: cat, label: { en: Cat, cy: Cath } }
"#,
            Format::Yaml,
        )
        .unwrap();
        let page = &form.pages[0];
        let submitted = Submitted::from_pairs([("pets", "dog"), ("dogs", "<3>")]);
        for language in [Language::En, Language::Cy] {
            let page_errors = PageErrors::new(page, &[], language);
            let html = checkboxes_field(
                &page.questions[0],
                &submitted,
                &page_errors,
                language,
                false,
            )
            .unwrap()
            .into_string();
            let reveal = html
                .find(r#"<div class="govuk-checkboxes__conditional" id="conditional-pets""#)
                .unwrap();
            assert!(html.find(r#"value="dog""#).unwrap() < reveal, "{html}");
            assert!(reveal < html.find(r#"id="dogs""#).unwrap(), "{html}");
            assert!(reveal < html.find(r#"value="cat""#).unwrap(), "{html}");
            assert!(!html.contains("conditional--hidden"), "{html}");
            assert!(html.contains(r#"value="&lt;3&gt;""#), "{html}");
            let label = if language == Language::Cy {
                "Sawl ci?"
            } else {
                "How many dogs?"
            };
            assert!(html.contains(label), "{html}");
        }
    }
}
