//! A person's name: one "Full name" field, or, as the Design System's names pattern asks it,
//! first and last name with an optional title, each with its `autocomplete` token and
//! spellcheck off.

use std::fmt;

use maud::Markup;
use serde::{Deserialize, Serialize};
use time::Date;

use super::{AnswerKind, AnswerValue, FieldError, Outcome, Submitted, field, text_lines, tidy};
use crate::definition::{Language, NameOptions, NameParts, Question};
use crate::messages::{FieldText, Message, Part};
use crate::render::parts::{fieldset, part_input};
use crate::render::{FieldContext, text_input};

/// The most characters in each name field when the definition gives no limit.
const DEFAULT_MAX_LENGTH: u32 = 100;

/// A name given in parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonName {
    /// Title, like "Dr", if given.
    pub title: Option<String>,
    /// First name.
    pub first: String,
    /// Last name.
    pub last: String,
}

impl fmt::Display for PersonName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(title) = &self.title {
            write!(f, "{title} ")?;
        }
        write!(f, "{} {}", self.first, self.last)
    }
}

/// A person's name, in one field or in parts.
pub(super) struct Kind<'a>(pub(super) &'a NameOptions);

impl AnswerKind for Kind<'_> {
    fn parts(&self) -> &'static [Part] {
        match self.0.parts {
            NameParts::Full => &[],
            _ => &[Part::Title, Part::FirstName, Part::LastName],
        }
    }

    fn read(&self, question: &Question, submitted: &Submitted, _today: Date) -> Outcome {
        read(question, self.0, submitted)
    }

    /// One input for a full name; otherwise a fieldset of an optional title, first name and
    /// last name (`<id>.title`, `<id>.first_name`, `<id>.last_name`).
    fn field(&self, question: &Question, at: FieldContext<'_>) -> Markup {
        let language = at.language;
        let with_title = match self.0.parts {
            NameParts::Full => {
                return text_input(question, at, |input| {
                    input.autocomplete("name").spellcheck(false)
                });
            }
            NameParts::TitleFirstAndLast => true,
            _ => false,
        };
        let part = |part, label: FieldText| {
            part_input(question, part, at, label.text(language)).spellcheck(false)
        };
        let mut inputs = Vec::with_capacity(3);
        if with_title {
            inputs.push(
                part(Part::Title, FieldText::Title)
                    .autocomplete("honorific-prefix")
                    .classes("govuk-input--width-5"),
            );
        }
        inputs.push(
            part(Part::FirstName, FieldText::FirstName)
                .autocomplete("given-name")
                .classes("govuk-!-width-one-half"),
        );
        inputs.push(
            part(Part::LastName, FieldText::LastName)
                .autocomplete("family-name")
                .classes("govuk-!-width-one-half"),
        );
        fieldset(question, at.language, at.page_heading, &inputs)
    }

    fn display(&self, _: &Question, value: &AnswerValue, _: Language) -> Option<Vec<String>> {
        match value {
            AnswerValue::Name(name) => Some(vec![name.to_string()]),
            other => text_lines(other),
        }
    }
}

/// Reads a name.
fn read(question: &Question, options: &NameOptions, submitted: &Submitted) -> Outcome {
    let max = options.max_length.unwrap_or(DEFAULT_MAX_LENGTH);
    let too_long = |text: &str| text.chars().count() > max as usize;
    if options.parts == NameParts::Full {
        let full = tidy(submitted.get(&question.id)).replace('\n', " ");
        return match full.as_str() {
            "" => Ok(None),
            name if too_long(name) => Err(vec![FieldError::whole(question, Message::TooLong(max))]),
            _ => Ok(Some(AnswerValue::Text(full))),
        };
    }
    let get = |part| tidy(submitted.get(&field(question, part))).replace('\n', " ");
    let with_title = options.parts == NameParts::TitleFirstAndLast;
    let title = if with_title {
        get(Part::Title)
    } else {
        String::new()
    };
    let (first, last) = (get(Part::FirstName), get(Part::LastName));
    if title.is_empty() && first.is_empty() && last.is_empty() {
        return Ok(None);
    }
    let mut errors = Vec::new();
    for (part, text, required) in [
        (Part::Title, &title, false),
        (Part::FirstName, &first, true),
        (Part::LastName, &last, true),
    ] {
        if required && text.is_empty() {
            errors.push(FieldError::parts(question, &[part], Message::Required));
        } else if too_long(text) {
            errors.push(FieldError::parts(question, &[part], Message::TooLong(max)));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Some(AnswerValue::Name(PersonName {
        title: (!title.is_empty()).then_some(title),
        first,
        last,
    })))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::definition::AnswerType;
    use proptest::prelude::*;

    #[test]
    fn a_full_name_in_one_field() {
        let q = question(AnswerType::Name(NameOptions::default()));
        assert_eq!(error(&q, ""), "Enter your full name");
        assert_eq!(
            error(&q, &"a".repeat(101)),
            "Full name must be 100 characters or less"
        );
        assert_eq!(
            run(&q, &one(" Ada Lovelace ")),
            Ok(Some(AnswerValue::Text("Ada Lovelace".into())))
        );
    }

    #[test]
    fn names_in_parts_report_each_part() {
        let q = question(AnswerType::Name(NameOptions {
            parts: NameParts::TitleFirstAndLast,
            max_length: Some(10),
        }));
        let s = Submitted::from_pairs([
            ("q.title", "Dr"),
            ("q.first_name", ""),
            ("q.last_name", "Hopper-Hopper-Hopper"),
        ]);
        let errors = super::super::read(&q, &s, today()).unwrap_err();
        let texts: Vec<(String, String)> = errors
            .iter()
            .map(|e| (e.key(), e.text(&q, crate::definition::Language::En)))
            .collect();
        assert_eq!(
            texts,
            [
                ("q.first_name".into(), "Enter your first name".into()),
                (
                    "q.last_name".into(),
                    "Last name must be 10 characters or less".into()
                )
            ]
        );
        let s = Submitted::from_pairs([
            ("q.title", "Dr"),
            ("q.first_name", "Grace"),
            ("q.last_name", "Hopper"),
        ]);
        let Ok(Some(AnswerValue::Name(name))) = run(&q, &s) else {
            panic!()
        };
        assert_eq!(name.to_string(), "Dr Grace Hopper");
    }

    proptest! {
        #[test]
        fn any_parts_are_read_or_refused(t in ".{0,8}", f in ".*", l in ".*") {
            let q = question(AnswerType::Name(NameOptions { parts: NameParts::TitleFirstAndLast, max_length: None }));
            let _ = run(&q, &Submitted::from_pairs([("q.title", t), ("q.first_name", f), ("q.last_name", l)]));
        }
    }
}

#[cfg(test)]
mod field_tests {
    use super::*;
    use crate::definition::{FormDefinition, Format};

    fn form(parts: &str) -> FormDefinition {
        FormDefinition::parse(
            &format!(
                "id: t\ntitle: T\npages:\n  - id: p\n    questions:\n      - id: who\n        label: {{ en: What is your name?, cy: Beth yw eich enw? }}\n        hint: {{ en: As on your passport, cy: Fel ar eich pasbort }}\n        answer: {{ type: name, parts: {parts} }}\n"
            ),
            Format::Yaml,
        )
        .unwrap()
    }

    fn render(form: &FormDefinition, submitted: &Submitted, language: Language) -> String {
        crate::render::field_test::render(form, submitted, language, true)
    }

    #[test]
    fn title_first_and_last_have_autocomplete_and_each_part_its_own_error() {
        let form = form("title_first_and_last");
        let submitted = Submitted::from_pairs([
            ("who.title", "Dr"),
            ("who.first_name", ""),
            ("who.last_name", "Hopper"),
        ]);
        let html = render(&form, &submitted, Language::En);
        let title = html.find(r#"autocomplete="honorific-prefix""#).unwrap();
        let first = html.find(r#"autocomplete="given-name""#).unwrap();
        let last = html.find(r#"autocomplete="family-name""#).unwrap();
        assert!(title < first && first < last, "{html}");
        assert!(html.contains(r#"id="who.first_name""#), "{html}");
        assert!(html.contains(r#"name="who.last_name""#), "{html}");
        assert!(html.contains(r#"value="Hopper""#), "{html}");
        assert_eq!(html.matches("govuk-input--error").count(), 1, "{html}");
        assert!(html.contains("Enter your first name"), "{html}");
        assert_eq!(html.matches(r#"spellcheck="false""#).count(), 3, "{html}");
        assert!(html.contains("<h1"), "{html}");
        assert!(html.contains(r#"aria-describedby="who-hint""#), "{html}");
    }

    #[test]
    fn first_and_last_only_in_welsh() {
        let form = form("first_and_last");
        let html = render(&form, &Submitted::default(), Language::Cy);
        assert!(!html.contains("who.title"), "{html}");
        assert!(
            html.contains("Enw cyntaf") && html.contains("Cyfenw"),
            "{html}"
        );
        assert!(html.contains("Beth yw eich enw?"), "{html}");
        assert!(html.contains("Fel ar eich pasbort"), "{html}");
        assert!(!html.contains("govuk-input--error"), "{html}");
    }

    #[test]
    fn a_full_name_is_one_input_with_the_name_autocomplete() {
        let form = form("full");
        let html = render(
            &form,
            &Submitted::from_pairs([("who", "Ann")]),
            Language::En,
        );
        assert!(html.contains(r#"autocomplete="name""#), "{html}");
        assert!(html.contains(r#"value="Ann""#), "{html}");
        assert!(!html.contains("who.first_name"), "{html}");
    }

    #[test]
    fn typed_markup_is_escaped() {
        let form = form("first_and_last");
        let payload = r#""><script>alert(1)</script>"#;
        let submitted =
            Submitted::from_pairs([("who.first_name", payload), ("who.last_name", payload)]);
        let html = render(&form, &submitted, Language::En);
        assert!(!html.contains("<script>"), "{html}");
        assert_eq!(
            html.matches("&quot;&gt;&lt;script&gt;").count(),
            2,
            "{html}"
        );
    }
}
