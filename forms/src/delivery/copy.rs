//! The resident's copy of what they sent, as plain text or JSON: for the download on the
//! confirmation page and the body of the emails.

use crate::answers::display;
use crate::definition::FormDefinition;

use super::Submission;

/// Each answered question's label and its "check your answers" lines, in page order;
/// add-to-a-list items are numbered ("Vehicle registration (2)"). Questions on pages the
/// resident never reached are left out.
pub fn answer_lines(form: &FormDefinition, submission: &Submission) -> Vec<(String, Vec<String>)> {
    let language = submission.language;
    let answers = &submission.answers;
    let mut out = Vec::new();
    for (index, question) in form.questions() {
        let label = question.label.in_language(language).to_owned();
        let page = &form.pages[index].id;
        if let Some(value) = answers.values.get(&question.id) {
            out.push((label, display(question, Some(value), language)));
        } else if answers.completed.contains(page) {
            out.push((label, display(question, None, language)));
        } else {
            for list in answers.lists.values() {
                for (n, item) in list.items.iter().enumerate() {
                    if let Some(value) = item.values.get(&question.id) {
                        out.push((
                            format!("{label} ({})", n + 1),
                            display(question, Some(value), language),
                        ));
                    }
                }
            }
        }
    }
    out
}

/// The submission as a plain-text document: the form, the reference, then each question
/// and answer.
pub fn plain_text(form: &FormDefinition, submission: &Submission) -> String {
    let mut text = format!(
        "{}\n{}\n{}\n",
        form.title.in_language(submission.language),
        submission.reference,
        submission
            .submitted_at
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default()
    );
    for (label, lines) in answer_lines(form, submission) {
        text.push('\n');
        text.push_str(&label);
        text.push('\n');
        for line in lines {
            text.push_str("  ");
            text.push_str(&line);
            text.push('\n');
        }
    }
    text
}

/// The submission as a JSON document of questions and answers as the resident saw them.
pub fn json(form: &FormDefinition, submission: &Submission) -> serde_json::Value {
    let answers: Vec<_> = answer_lines(form, submission)
        .into_iter()
        .map(|(question, answer)| serde_json::json!({ "question": question, "answer": answer }))
        .collect();
    serde_json::json!({
        "form": form.title.in_language(submission.language),
        "reference": submission.reference,
        "submitted_at": submission
            .submitted_at
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default(),
        "answers": answers,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::answers::AnswerValue;
    use crate::definition::{AnswerType, Language, Page, Question, TextOptions};
    use crate::journey::Answers;
    use time::macros::datetime;

    pub fn form() -> FormDefinition {
        FormDefinition::new("report", "Report a problem")
            .page(Page::new("what").question(Question::new(
                "problem",
                "What is the problem?",
                AnswerType::Text(TextOptions::default()),
            )))
            .page(Page::new("contact").question(Question::new(
                "email",
                "What is your email address?",
                AnswerType::Email {},
            )))
    }

    pub fn submission(problem: &str) -> Submission {
        let mut answers = Answers::default();
        answers
            .values
            .insert("problem".into(), AnswerValue::Text(problem.into()));
        answers.completed.insert("what".into());
        answers.values.insert(
            "email".into(),
            AnswerValue::Text("resident@example.com".into()),
        );
        answers.completed.insert("contact".into());
        Submission {
            form_id: "report".into(),
            reference: "ABC-DEF-234".into(),
            language: Language::En,
            answers,
            submitted_at: datetime!(2025-06-15 12:00 UTC),
        }
    }

    #[test]
    fn the_copy_lists_each_question_and_answer() {
        let text = plain_text(&form(), &submission("Fly-tipping\nby the bins"));
        assert_eq!(
            text,
            "Report a problem\nABC-DEF-234\n2025-06-15T12:00:00Z\n\n\
             What is the problem?\n  Fly-tipping\n  by the bins\n\n\
             What is your email address?\n  resident@example.com\n"
        );
        let json = json(&form(), &submission("Pothole"));
        assert_eq!(json["answers"][0]["answer"][0], "Pothole");
        assert_eq!(json["reference"], "ABC-DEF-234");
    }
}
