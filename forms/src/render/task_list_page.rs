//! The task list of a long form (the Design System's "complete multiple tasks" pattern and
//! task list component): the form's tasks in sections, each with where it stands
//! ([`Journey::tasks`]), "You have completed N of M sections", and a last task to check the
//! answers and send, open once every other task is completed. Tasks the journey's routes skip
//! are left out, as the pattern asks for tasks that do not apply.

use civic_components::{Tag, TaskList, TaskListItem};
use maud::{Markup, html};
use time::Date;

use super::PageContext;
use super::layout::layout;
use crate::definition::{FormDefinition, Language};
use crate::journey::{Answers, Journey, Step, TaskStatus};
use crate::messages::TaskText;

/// Renders the task list of `form` for `answers` on `today`, or `None` when the form has no
/// task list. `step_href` gives where each step is shown.
pub fn task_list_page(
    context: &PageContext<'_>,
    form: &FormDefinition,
    answers: &Answers,
    today: Date,
    step_href: &dyn Fn(&Step) -> String,
) -> Option<Markup> {
    let language = context.language;
    let sections = &form.task_list.as_ref()?.sections;
    let journey = Journey::new(form, today);
    let mut progress = journey.tasks(answers).into_iter();
    let (mut done, mut all) = (0, 0);
    let mut lists = Vec::new();
    for section in sections {
        let mut list = TaskList::new();
        for task in progress.by_ref().take(section.tasks.len()) {
            if task.status == TaskStatus::NotNeeded {
                continue;
            }
            all += 1;
            let title = task.task.title.in_language(language);
            let item = match task.status {
                TaskStatus::Completed => {
                    done += 1;
                    TaskListItem::new(title, TaskText::Completed.text(language))
                }
                TaskStatus::Incomplete => blue(title, TaskText::Incomplete, language),
                TaskStatus::NotYetStarted => blue(title, TaskText::NotYetStarted, language),
                _ => cannot_start(title, language),
            };
            list = list.item(match task.link() {
                Some(step) => item.href(step_href(step)),
                None => item,
            });
        }
        lists.push((section.title.in_language(language), list));
    }
    let check = TaskText::CheckAndSend.text(language);
    let check_item = if journey.check_answers_allowed(answers) {
        blue(check, TaskText::NotYetStarted, language).href(step_href(&Step::CheckAnswers))
    } else {
        cannot_start(check, language)
    };
    let title = form.title.in_language(language);
    let content = html! {
        h1 class="govuk-heading-xl" { (title) }
        p class="govuk-body govuk-!-margin-bottom-7" { (TaskText::progress(done, all, language)) }
        @for (heading, list) in &lists {
            h2 class="govuk-heading-m" { (heading) }
            (list)
        }
        (TaskList::new().id_prefix("check").item(check_item))
    };
    Some(layout(context, title, false, content))
}

/// A task with its status in a blue tag, as the component shows tasks still to do.
fn blue(title: &str, status: TaskText, language: Language) -> TaskListItem {
    TaskListItem::new(title, "")
        .status_tag(Tag::text(status.text(language)).classes("govuk-tag--blue"))
}

/// A task that cannot be started yet: grey status text, no link.
fn cannot_start(title: &str, language: Language) -> TaskListItem {
    let mut item = TaskListItem::new(title, TaskText::CannotStartYet.text(language));
    if let Some(status) = item.status.as_mut() {
        status.classes = Some("govuk-task-list__status--cannot-start-yet".to_owned());
    }
    item
}

#[cfg(test)]
mod tests {
    use civic_components::assets::Assets;
    use civic_components::brand::{Brand, BrandColour};
    use time::macros::date;

    use super::*;
    use crate::answers::AnswerValue;
    use crate::definition::{Format, Language};

    fn form() -> FormDefinition {
        FormDefinition::parse(
            r#"
id: t
title: { en: Apply for a licence, cy: Gwneud cais am drwydded }
languages: [en, cy]
pages:
  - id: name
    questions: [{ id: name, label: Name, answer: { type: text } }]
  - id: email
    questions: [{ id: email, label: Email, answer: { type: email } }]
  - id: premises
    questions: [{ id: premises, label: Premises?, answer: { type: yes_no } }]
    routes: [{ when: { equals: { question: premises, value: "no" } }, to: fee }]
  - id: address
    questions: [{ id: address, label: Address, answer: { type: text } }]
  - id: fee
    questions: [{ id: fee, label: Fee, answer: { type: text } }]
task_list:
  sections:
    - title: { en: About you, cy: Amdanoch chi }
      tasks:
        - { title: { en: Your details, cy: Eich manylion }, pages: [name, email] }
    - title: { en: The licence, cy: Y drwydded }
      tasks:
        - { title: "Premises <b>", pages: [premises] }
        - { title: Premises address, pages: [address] }
        - { title: Fee, pages: [fee] }
"#,
            Format::Yaml,
        )
        .unwrap()
    }

    fn render(answers: &Answers, language: Language) -> String {
        let brand = Brand::new("Kestrel Vale", BrandColour::parse("#005a4e").unwrap());
        let assets = Assets::empty("/assets");
        let context = PageContext {
            brand: &brand,
            assets: &assets,
            action: "",
            csrf_token: "",
            back_href: None,
            language,
            extras: crate::render::PageExtras::default(),
        };
        let href = |step: &Step| format!("/apply/{step:?}");
        task_list_page(&context, &form(), answers, date!(2026 - 11 - 28), &href)
            .unwrap()
            .into_string()
    }

    fn answer(answers: &mut Answers, page: &str, value: AnswerValue) {
        answers.record_page(&form(), page, [(page.to_owned(), Some(value))]);
    }

    #[test]
    fn statuses_follow_the_journey() {
        let mut answers = Answers::default();
        answer(&mut answers, "name", AnswerValue::Text("Ann".into()));
        let html = render(&answers, Language::En);
        assert!(
            html.contains("You have completed 0 of 4 sections."),
            "{html}"
        );
        let details = html.find("Your details").unwrap();
        assert!(html[details..].contains("Incomplete"), "{html}");
        assert!(
            html.contains(r#"href="/apply/Page(&quot;email&quot;)""#),
            "{html}"
        );
        assert!(html.contains("Premises &lt;b&gt;"), "{html}");
        assert!(
            html.contains("govuk-task-list__status--cannot-start-yet"),
            "{html}"
        );
        assert!(
            html.contains("Check your answers and send your application"),
            "{html}"
        );
        assert!(!html.contains("CheckAnswers"), "{html}");
    }

    #[test]
    fn a_skipped_task_is_left_out_and_all_done_opens_check_answers_in_welsh() {
        let mut answers = Answers::default();
        answer(&mut answers, "name", AnswerValue::Text("Ann".into()));
        answer(
            &mut answers,
            "email",
            AnswerValue::Text("a@b.example".into()),
        );
        answer(&mut answers, "premises", AnswerValue::YesNo(false));
        answer(&mut answers, "fee", AnswerValue::Text("x".into()));
        let html = render(&answers, Language::Cy);
        assert!(!html.contains("Premises address"), "{html}");
        assert!(html.contains("Rydych wedi cwblhau 3 o 3 adran."), "{html}");
        assert!(
            html.contains("Eich manylion") && html.contains("Wedi’i gwblhau"),
            "{html}"
        );
        assert!(html.contains(r#"href="/apply/CheckAnswers""#), "{html}");
        assert!(html.contains("Gwneud cais am drwydded"), "{html}");
        assert!(!html.contains("cannot-start-yet"), "{html}");
    }

    #[test]
    fn no_task_list_no_page() {
        let mut form = form();
        form.task_list = None;
        let brand = Brand::new("Kestrel Vale", BrandColour::parse("#005a4e").unwrap());
        let assets = Assets::empty("/assets");
        let context = PageContext {
            brand: &brand,
            assets: &assets,
            action: "",
            csrf_token: "",
            back_href: None,
            language: Language::En,
            extras: crate::render::PageExtras::default(),
        };
        let href = |_: &Step| String::new();
        assert!(
            task_list_page(
                &context,
                &form,
                &Answers::default(),
                date!(2026 - 11 - 28),
                &href
            )
            .is_none()
        );
    }
}
