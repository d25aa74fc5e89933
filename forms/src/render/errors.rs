//! The Design System's error rules for one page: `Error: ` before the title, an error summary
//! "There is a problem" in page order linking to the field (the first part in error), and the
//! same message beside the field, highlighting only the parts in error.

use civic_components::ErrorSummary;
use civic_components::i18n::Text as ComponentText;

use super::components_language;
use crate::answers::FieldError;
use crate::definition::{Language, Page, Question};
use crate::messages::Part;

/// The errors found on one submission of a page, ready to show.
#[derive(Debug)]
pub struct PageErrors<'a> {
    page: &'a Page,
    errors: &'a [FieldError],
    language: Language,
}

impl<'a> PageErrors<'a> {
    /// The errors `read_page` returned for `page` (already in page order), shown in `language`.
    pub fn new(page: &'a Page, errors: &'a [FieldError], language: Language) -> Self {
        PageErrors {
            page,
            errors,
            language,
        }
    }

    /// Whether the page has any error.
    pub fn any(&self) -> bool {
        !self.errors.is_empty()
    }

    /// The page title: `Error: ` before it when the page shows errors.
    pub fn title(&self, title: &str) -> String {
        if self.any() {
            let prefix =
                components_language(self.language).text(ComponentText::PageTitleErrorPrefix);
            format!("{prefix} {title}")
        } else {
            title.to_owned()
        }
    }

    /// The error summary, or `None` when there is nothing wrong. Each error links to the id of
    /// the field it names: the first part in error of a date, the first option of radios.
    pub fn summary(&self) -> Option<ErrorSummary> {
        if !self.any() {
            return None;
        }
        let language = components_language(self.language);
        let summary = self.errors.iter().fold(
            ErrorSummary::new(language.text(ComponentText::ThereIsAProblem)),
            |summary, error| summary.error(self.text(error), format!("#{}", error.key())),
        );
        Some(summary)
    }

    /// The message shown beside a question's field(s), the same words as in the summary.
    pub fn message(&self, question_id: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|error| error.question == question_id)
            .map(|error| self.text(error))
    }

    /// The message beside one input of an answer asked in several inputs (a name in parts,
    /// bank details, an address): the error about that part, if any. Each input shows its own
    /// error, as the Design System's address and bank details patterns do.
    pub fn part_message(&self, question_id: &str, part: Part) -> Option<String> {
        self.errors
            .iter()
            .find(|error| error.question == question_id && error.highlight.contains(&part))
            .map(|error| self.text(error))
    }

    /// Whether a field shows as in error: the whole answer when it has no parts, otherwise only
    /// the parts in error.
    pub fn highlights(&self, question_id: &str, part: Option<Part>) -> bool {
        self.errors
            .iter()
            .filter(|error| error.question == question_id)
            .any(|error| match part {
                None => true,
                Some(part) => error.highlight.is_empty() || error.highlight.contains(&part),
            })
    }

    fn text(&self, error: &FieldError) -> String {
        match self.question(&error.question) {
            Some(question) => error.text(question, self.language),
            // An error always names a question of its page; fall back to its words unnamed.
            None => error.message.text(
                &crate::messages::Subject::from_phrase("", self.language),
                self.language,
            ),
        }
    }

    fn question(&self, id: &str) -> Option<&'a Question> {
        let mut found = None;
        for question in &self.page.questions {
            question.visit(&mut |q| {
                if found.is_none() && q.id == id {
                    found = Some(q);
                }
            });
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use maud::Render;
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
  - id: about
    title: About you
    questions:
      - id: full_name
        label: What is your full name?
        error_name: your full name
        answer: { type: name }
      - id: dob
        label: What is your date of birth?
        error_name: your date of birth
        answer: { type: date_of_birth }
"#,
            Format::Yaml,
        )
        .unwrap()
    }

    fn errors(form: &FormDefinition, pairs: &[(&str, &str)]) -> Vec<FieldError> {
        let submitted = Submitted::from_pairs(pairs.iter().copied());
        read_page(&form.pages[0], &submitted, date!(2026 - 11 - 28)).unwrap_err()
    }

    #[test]
    fn summary_in_page_order_links_to_first_part_in_error() {
        let form = form();
        let errors = errors(
            &form,
            &[
                ("full_name", ""),
                ("dob.day", "1"),
                ("dob.month", "13"),
                ("dob.year", "1990"),
            ],
        );
        let page = PageErrors::new(&form.pages[0], &errors, Language::En);
        let html = page.summary().unwrap().render().into_string();
        assert!(html.contains("There is a problem"), "{html}");
        let name = html.find(r##"href="#full_name""##).unwrap();
        let dob = html.find(r##"href="#dob.month""##).unwrap();
        assert!(name < dob, "summary not in page order: {html}");
        assert_eq!(page.title("About you"), "Error: About you");
    }

    #[test]
    fn same_message_beside_field_and_only_part_in_error_highlighted() {
        let form = form();
        let errors = errors(
            &form,
            &[
                ("full_name", "Ann Smith"),
                ("dob.day", "1"),
                ("dob.month", "13"),
                ("dob.year", "1990"),
            ],
        );
        let page = PageErrors::new(&form.pages[0], &errors, Language::En);
        let message = page.message("dob").unwrap();
        let html = page.summary().unwrap().render().into_string();
        assert!(html.contains(&message), "{message} not in {html}");
        assert!(page.message("full_name").is_none());
        assert!(page.highlights("dob", Some(Part::Month)));
        assert!(!page.highlights("dob", Some(Part::Day)));
        assert!(!page.highlights("dob", Some(Part::Year)));
        assert!(!page.highlights("full_name", None));
    }

    #[test]
    fn welsh_summary_and_title() {
        let form = form();
        let errors = errors(&form, &[("full_name", "")]);
        let page = PageErrors::new(&form.pages[0], &errors, Language::Cy);
        let html = page.summary().unwrap().render().into_string();
        assert!(html.contains("Mae problem wedi codi"), "{html}");
        assert_eq!(page.title("Amdanoch chi"), "Gwall: Amdanoch chi");
    }

    #[test]
    fn no_errors_no_summary_no_prefix() {
        let form = form();
        let page = PageErrors::new(&form.pages[0], &[], Language::En);
        assert!(page.summary().is_none());
        assert_eq!(page.title("About you"), "About you");
    }
}
