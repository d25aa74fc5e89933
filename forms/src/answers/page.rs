//! Reading every answer on a page at once: questions in order, follow-up questions of the
//! options chosen, and errors in page order for the error summary.

use time::Date;

use super::{AnswerValue, FieldError, Submitted, field_names, read};
use crate::definition::{Page, Question};

/// What a page's submission gives: each question's answer (`None` when an optional question,
/// or the follow-up of an option not chosen, has none), or every error in page order.
pub type PageOutcome = Result<Vec<(String, Option<AnswerValue>)>, Vec<FieldError>>;

/// Reads every question on `page` from `submitted`.
pub fn read_page(page: &Page, submitted: &Submitted, today: Date) -> PageOutcome {
    let mut answers = Vec::new();
    let mut errors = Vec::new();
    for question in &page.questions {
        read_with_follow_ups(question, submitted, today, &mut answers, &mut errors);
    }
    if errors.is_empty() {
        Ok(answers)
    } else {
        Err(errors)
    }
}

fn read_with_follow_ups(
    question: &Question,
    submitted: &Submitted,
    today: Date,
    answers: &mut Vec<(String, Option<AnswerValue>)>,
    errors: &mut Vec<FieldError>,
) {
    let outcome = read(question, submitted, today);
    let chosen: Vec<String> = match &outcome {
        Ok(Some(AnswerValue::Choice(value))) => vec![value.clone()],
        Ok(Some(AnswerValue::Choices(values))) => values.clone(),
        _ => Vec::new(),
    };
    match outcome {
        Ok(value) => answers.push((question.id.clone(), value)),
        Err(mut e) => errors.append(&mut e),
    }
    for choice in question.answer.choices() {
        let Some(follow_up) = &choice.follow_up else {
            continue;
        };
        if chosen.contains(&choice.value) {
            read_with_follow_ups(follow_up, submitted, today, answers, errors);
        } else {
            // A revealed question's old answer must not outlive the option that revealed it.
            follow_up.visit(&mut |q| answers.push((q.id.clone(), None)));
        }
    }
}

/// The field names a page's form can send, follow-ups included.
pub fn expected_fields(page: &Page) -> Vec<String> {
    let mut names = Vec::new();
    for question in &page.questions {
        question.visit(&mut |q| names.extend(field_names(q)));
    }
    names
}

/// Fields sent that the page does not ask for, other than `allowed` (the CSRF token, the
/// honeypot): a form field that does not exist is refused rather than ignored.
pub fn unexpected_fields<'a>(
    page: &Page,
    submitted: &'a Submitted,
    allowed: &[&str],
) -> Vec<&'a str> {
    let expected = expected_fields(page);
    submitted
        .names()
        .filter(|name| !allowed.contains(name) && !expected.iter().any(|e| e == name))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::definition::{AnswerType, Choice, Language, OneFromListOptions, TextOptions};
    use time::macros::date;

    fn page() -> Page {
        let contact = Question::new(
            "contact",
            "How should we contact you?",
            AnswerType::OneFromList(OneFromListOptions {
                options: vec![
                    Choice::new("email", "Email").follow_up(Question::new(
                        "email",
                        "Email address",
                        AnswerType::Email {},
                    )),
                    Choice::new("post", "Post"),
                ],
                ..OneFromListOptions::default()
            }),
        )
        .error_name("how we should contact you");
        Page::new("contact")
            .title("Contact")
            .question(contact)
            .question(
                Question::new("notes", "Notes", AnswerType::Text(TextOptions::default()))
                    .optional(),
            )
    }

    #[test]
    fn follow_ups_are_read_only_for_the_option_chosen() {
        let today = date!(2025 - 01 - 01);
        let s = Submitted::from_pairs([("contact", "email"), ("email", "nope")]);
        let errors = read_page(&page(), &s, today).unwrap_err();
        assert_eq!(errors[0].key(), "email");
        let s = Submitted::from_pairs([("contact", "post"), ("email", "ignored@example.com")]);
        let answers = read_page(&page(), &s, today).unwrap();
        assert_eq!(
            answers,
            [
                (
                    "contact".to_owned(),
                    Some(AnswerValue::Choice("post".into()))
                ),
                ("email".to_owned(), None),
                ("notes".to_owned(), None),
            ]
        );
    }

    #[test]
    fn errors_come_in_page_order() {
        let s = Submitted::from_pairs([("notes", "x".repeat(501))]);
        let errors = read_page(&page(), &s, date!(2025 - 01 - 01)).unwrap_err();
        let p = page();
        let texts: Vec<String> = errors
            .iter()
            .map(|e| {
                let q = if e.question == "contact" {
                    &p.questions[0]
                } else {
                    &p.questions[1]
                };
                e.text(q, Language::En)
            })
            .collect();
        assert_eq!(
            texts,
            [
                "Select how we should contact you",
                "Answer must be 500 characters or less"
            ]
        );
    }

    #[test]
    fn fields_the_page_does_not_ask_for_are_found() {
        let s = Submitted::from_pairs([("contact", "post"), ("csrf", "t"), ("is_admin", "1")]);
        assert_eq!(unexpected_fields(&page(), &s, &["csrf"]), ["is_admin"]);
        assert!(expected_fields(&page()).contains(&"email".to_owned()));
    }
}
