//! The journey of a form with a task list (the Design System's "complete multiple tasks"
//! pattern): the task list is the hub; each task is a short journey of its own, begun from the
//! task list in any order, and finishing one returns there.
//!
//! A task cannot start yet while an earlier task it depends on is unfinished: one that decides
//! where the journey goes after it (a route leaving it, or an exit page in it), or one whose
//! answers the task's own routes read. `check` makes every page belong to exactly one task and
//! the tasks follow the pages' order, so the tasks together cover the whole journey.

use std::collections::BTreeSet;

use super::{Answers, Journey, Step, list_containing};
use crate::definition::{Destination, FormDefinition, Task};

/// Where a task stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TaskStatus {
    /// Every page of the task on the journey is answered.
    Completed,
    /// The resident is part-way through it.
    Incomplete,
    /// It can be started and has not been.
    NotYetStarted,
    /// An earlier task it depends on must be completed first.
    CannotStartYet,
    /// The journey's routes skip every page of it.
    NotNeeded,
}

/// One task of a form's task list and the resident's progress through it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskProgress<'a> {
    /// The task.
    pub task: &'a Task,
    /// Where it stands.
    pub status: TaskStatus,
    /// The task's steps taken, in order; unless it is completed, the last is the step the
    /// resident carries on from. Empty when it cannot start yet or is not needed.
    pub steps: Vec<Step>,
}

impl TaskProgress<'_> {
    /// Where the task's link on the task list goes: the step to carry on from, or the first
    /// step of a completed task (to change it). `None`: the task has no link.
    pub fn link(&self) -> Option<&Step> {
        match self.status {
            TaskStatus::Completed => self.steps.first(),
            TaskStatus::Incomplete | TaskStatus::NotYetStarted => self.steps.last(),
            _ => None,
        }
    }

    /// Whether the resident may open the task's steps.
    fn open(&self) -> bool {
        matches!(
            self.status,
            TaskStatus::Completed | TaskStatus::Incomplete | TaskStatus::NotYetStarted
        )
    }
}

/// How a walk through one task ended.
enum Walked {
    /// The task's pages are done; the journey goes on to this page (`None`: check answers).
    Finished(Option<usize>),
    /// The resident is part-way: the last step is where they carry on.
    Stopped,
}

impl<'a> Journey<'a> {
    /// Each task of the form's task list, in order, with where it stands for `answers`; empty
    /// for a form without a task list.
    pub fn tasks(&self, answers: &Answers) -> Vec<TaskProgress<'a>> {
        let form = self.form;
        let Some(task_list) = &form.task_list else {
            return Vec::new();
        };
        let mut out = Vec::new();
        // Where the journey goes once the tasks so far are done (`None`: check answers).
        let mut next = Some(0);
        // An unfinished task decides what comes after it: nothing later can start.
        let mut blocked = false;
        // The questions of unfinished tasks, which later tasks' routes must not read yet.
        let mut unanswered: BTreeSet<&str> = BTreeSet::new();
        for task in task_list.sections.iter().flat_map(|section| &section.tasks) {
            let pages: Vec<usize> = task
                .pages
                .iter()
                .filter_map(|id| form.page_index(id))
                .collect();
            let (Some(&first), Some(&last)) = (pages.iter().min(), pages.iter().max()) else {
                out.push(progress(task, TaskStatus::NotNeeded, Vec::new()));
                continue;
            };
            let reads_unanswered = (first..=last).any(|index| {
                form.pages[index]
                    .routes
                    .iter()
                    .filter_map(|route| route.when.as_ref())
                    .any(|when| when.questions().iter().any(|q| unanswered.contains(q)))
            });
            let start = match next {
                _ if blocked || reads_unanswered => None,
                Some(at) if at <= last => Some(at.max(first)),
                // Skipped by a route, or the journey went to "check your answers" before it.
                _ => {
                    out.push(progress(task, TaskStatus::NotNeeded, Vec::new()));
                    continue;
                }
            };
            let (status, steps) = match start {
                None => (TaskStatus::CannotStartYet, Vec::new()),
                Some(at) => {
                    let mut steps = Vec::new();
                    match self.walk_task(at, first..=last, answers, &mut steps) {
                        Walked::Finished(to) => {
                            next = to;
                            out.push(progress(task, TaskStatus::Completed, steps));
                            continue;
                        }
                        Walked::Stopped if started(form, &steps, first..=last, answers) => {
                            (TaskStatus::Incomplete, steps)
                        }
                        Walked::Stopped => (TaskStatus::NotYetStarted, steps),
                    }
                }
            };
            // Unfinished: what comes after it is known only if it cannot send the journey
            // elsewhere.
            for index in first..=last {
                for question in &form.pages[index].questions {
                    question.visit(&mut |q| {
                        unanswered.insert(q.id.as_str());
                    });
                }
            }
            if decides(form, first, last) {
                blocked = true;
            } else {
                next = (last + 1 < form.pages.len()).then_some(last + 1);
            }
            out.push(progress(task, status, steps));
        }
        out
    }

    /// The steps of a form with a task list: the open tasks' steps, in order, then "check
    /// your answers" once every task that applies is completed.
    pub(super) fn task_steps(&self, answers: &Answers) -> Vec<Step> {
        let tasks = self.tasks(answers);
        let done = tasks
            .iter()
            .all(|t| matches!(t.status, TaskStatus::Completed | TaskStatus::NotNeeded));
        let mut steps: Vec<Step> = tasks
            .into_iter()
            .filter(TaskProgress::open)
            .flat_map(|t| t.steps)
            .collect();
        if done {
            steps.push(Step::CheckAnswers);
        }
        steps
    }

    /// In a form with a task list, the step before `step`: within its task, else the task
    /// list.
    pub(super) fn task_previous(&self, step: &Step, answers: &Answers) -> Option<Step> {
        if *step == Step::TaskList {
            return None;
        }
        for task in self.tasks(answers).iter().filter(|t| t.open()) {
            if let Some(at) = task.steps.iter().position(|s| s == step) {
                return Some(match at.checked_sub(1) {
                    Some(before) => task.steps[before].clone(),
                    None => Step::TaskList,
                });
            }
        }
        Some(Step::TaskList)
    }

    /// In a form with a task list, where to go after `step`'s answers were accepted: on
    /// through its task, or back to the task list once the task is completed.
    pub(super) fn task_after(&self, step: &Step, answers: &Answers) -> Step {
        let form = self.form;
        let index = match step {
            Step::Page(id) | Step::ListSummary(id) => form.page_index(id),
            _ => None,
        };
        let Some(index) = index else {
            return Step::TaskList;
        };
        self.tasks(answers)
            .into_iter()
            .find(|t| {
                t.task
                    .pages
                    .iter()
                    .any(|id| form.page_index(id) == Some(index))
            })
            .filter(|t| matches!(t.status, TaskStatus::Incomplete | TaskStatus::NotYetStarted))
            .and_then(|t| t.steps.last().cloned())
            .unwrap_or(Step::TaskList)
    }

    /// Walks one task's pages from `start`, pushing its steps.
    fn walk_task(
        &self,
        start: usize,
        range: std::ops::RangeInclusive<usize>,
        answers: &Answers,
        steps: &mut Vec<Step>,
    ) -> Walked {
        let form = self.form;
        let mut index = start;
        loop {
            let next = match list_containing(form, index) {
                Some(last) => match self.walk_list(index, last, answers, steps) {
                    Some(next) => next,
                    None => return Walked::Stopped,
                },
                None => {
                    let page = &form.pages[index];
                    steps.push(Step::Page(page.id.clone()));
                    if page.exit.is_some() || !answers.completed.contains(&page.id) {
                        return Walked::Stopped;
                    }
                    self.destination(index, &answers.values)
                }
            };
            match next {
                // Routes only go forward (checked), so the walk ends.
                Some(next) if next > index && range.contains(&next) => index = next,
                other => return Walked::Finished(other),
            }
        }
    }
}

fn progress(task: &Task, status: TaskStatus, steps: Vec<Step>) -> TaskProgress<'_> {
    TaskProgress {
        task,
        status,
        steps,
    }
}

/// Whether the resident has given any answer in a task they are part-way through.
fn started(
    form: &FormDefinition,
    steps: &[Step],
    range: std::ops::RangeInclusive<usize>,
    answers: &Answers,
) -> bool {
    let lists = range.filter_map(|index| {
        let page = &form.pages[index];
        page.add_to_list.as_ref().map(|_| &page.id)
    });
    steps.len() > 1
        || matches!(steps.first(), Some(Step::ListSummary(_)))
        || lists.into_iter().any(|id| {
            answers.lists.get(id).is_some_and(|list| {
                !list.items.is_empty()
                    || list
                        .draft
                        .as_ref()
                        .is_some_and(|draft| !draft.completed.is_empty())
            })
        })
}

/// Whether the task on pages `first..=last` can send the journey anywhere but the page after
/// it: a route leaving it, or an exit page.
fn decides(form: &FormDefinition, first: usize, last: usize) -> bool {
    let after = last + 1;
    form.pages[first..=last].iter().any(|page| {
        page.exit.is_some()
            || page.routes.iter().any(|route| match &route.to {
                Destination::Page(id) => form
                    .page_index(id)
                    .is_none_or(|to| to != after && !(first..=last).contains(&to)),
                Destination::CheckAnswers => after != form.pages.len(),
            })
    })
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;
    use crate::answers::AnswerValue;
    use crate::definition::Format;

    // Eligibility decides (it can end at an exit page), so nothing after it starts before
    // it is done; contact and the items are independent; the delivery task's route reads
    // the items' answers.
    const FORM: &str = "
id: bulky
title: Bulky waste
pages:
  - id: in-area
    questions:
      - { id: in_area, label: Do you live here?, answer: { type: yes_no } }
    routes:
      - { when: { equals: { question: in_area, value: 'no' } }, to: not-eligible }
      - to: name
  - id: not-eligible
    title: You cannot use this service
    exit: { body: Contact your own council. }
  - id: name
    questions:
      - { id: name, label: Name, answer: { type: text } }
  - id: email
    questions:
      - { id: email, label: Email, optional: true, answer: { type: email } }
  - id: item
    questions:
      - { id: item, label: What is the item?, answer: { type: text } }
    add_to_list: { item_name: item, min: 1 }
  - id: where
    questions:
      - { id: where, label: Where will it be?, answer: { type: text } }
    routes:
      - { when: { answered: { question: name } }, to: when }
  - id: gate
    questions:
      - { id: gate, label: Gate code, answer: { type: text } }
  - id: when
    questions:
      - { id: when, label: When?, answer: { type: text } }
task_list:
  sections:
    - title: Before you start
      tasks:
        - { title: Check you can use this service, pages: [in-area, not-eligible] }
    - title: Your request
      tasks:
        - { title: Your details, pages: [name, email] }
        - { title: Your items, pages: [item] }
        - { title: Collection, pages: [where, gate, when] }
";

    fn form() -> FormDefinition {
        let form = FormDefinition::parse(FORM, Format::Yaml).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(crate::check::check(&form), []);
        form
    }

    fn record(answers: &mut Answers, form: &FormDefinition, page: &str, value: &str) {
        let question = form
            .find_page(page)
            .map_or("", |p| p.questions[0].id.as_str());
        let value = match value {
            "yes" => AnswerValue::YesNo(true),
            "no" => AnswerValue::YesNo(false),
            text => AnswerValue::Text(text.to_owned()),
        };
        answers.record_page(form, page, [(question.to_owned(), Some(value))]);
    }

    fn statuses(journey: &Journey<'_>, answers: &Answers) -> Vec<TaskStatus> {
        journey.tasks(answers).iter().map(|t| t.status).collect()
    }

    fn page(id: &str) -> Step {
        Step::Page(id.to_owned())
    }

    use TaskStatus::{CannotStartYet, Completed, Incomplete, NotNeeded, NotYetStarted};

    #[test]
    fn a_task_that_decides_what_follows_comes_first() {
        let form = form();
        let journey = Journey::new(&form, date!(2026 - 11 - 28));
        let mut answers = Answers::default();
        assert_eq!(
            statuses(&journey, &answers),
            [
                NotYetStarted,
                CannotStartYet,
                CannotStartYet,
                CannotStartYet
            ]
        );
        assert_eq!(journey.current(&answers), Step::TaskList);
        assert!(!journey.can_visit(&page("name"), &answers));
        assert!(journey.can_visit(&Step::TaskList, &answers));
        // Not eligible: the exit page, and nothing else opens.
        record(&mut answers, &form, "in-area", "no");
        assert_eq!(
            statuses(&journey, &answers),
            [Incomplete, CannotStartYet, CannotStartYet, CannotStartYet]
        );
        assert_eq!(
            journey.after(&page("in-area"), &answers, false),
            page("not-eligible")
        );
        assert!(!journey.check_answers_allowed(&answers));
    }

    #[test]
    fn independent_tasks_start_in_any_order_and_each_returns_to_the_task_list() {
        let form = form();
        let journey = Journey::new(&form, date!(2026 - 11 - 28));
        let mut answers = Answers::default();
        record(&mut answers, &form, "in-area", "yes");
        assert_eq!(
            journey.after(&page("in-area"), &answers, false),
            Step::TaskList
        );
        // Collection's route reads the name, asked in "Your details": it waits for it.
        assert_eq!(
            statuses(&journey, &answers),
            [Completed, NotYetStarted, NotYetStarted, CannotStartYet]
        );
        // The items first: an item, then the list's summary, then back to the task list.
        record(&mut answers, &form, "item", "sofa");
        assert_eq!(
            journey.after(&page("item"), &answers, false),
            Step::ListSummary("item".into())
        );
        assert_eq!(statuses(&journey, &answers)[2], Incomplete);
        answers
            .add_another(&form, "item", false)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            journey.after(&Step::ListSummary("item".into()), &answers, false),
            Step::TaskList
        );
        assert_eq!(statuses(&journey, &answers)[2], Completed);
        // Part-way through a task: on to its next page; its first page goes back to the list.
        record(&mut answers, &form, "name", "Ann");
        assert_eq!(journey.after(&page("name"), &answers, false), page("email"));
        assert_eq!(
            journey.previous(&page("name"), &answers),
            Some(Step::TaskList)
        );
        assert_eq!(
            journey.previous(&page("email"), &answers),
            Some(page("name"))
        );
        let tasks = journey.tasks(&answers);
        assert_eq!(tasks[1].status, Incomplete);
        assert_eq!(tasks[1].link(), Some(&page("email")));
        assert_eq!(tasks[2].link(), Some(&Step::ListSummary("item".into())));
        // Collection waits for "Your details" to be completed, not only for the name.
        assert_eq!(tasks[3].status, CannotStartYet);
        assert!(!journey.check_answers_allowed(&answers));
        record(&mut answers, &form, "email", "a@b.example");
        assert_eq!(
            journey.after(&page("email"), &answers, false),
            Step::TaskList
        );
        assert_eq!(statuses(&journey, &answers)[3], NotYetStarted);
        record(&mut answers, &form, "where", "Front garden");
        // The name was given, so the route skips the gate code.
        assert_eq!(journey.after(&page("where"), &answers, false), page("when"));
        record(&mut answers, &form, "when", "Monday");
        assert_eq!(
            statuses(&journey, &answers),
            [Completed, Completed, Completed, Completed]
        );
        assert!(journey.check_answers_allowed(&answers));
        assert_eq!(
            journey.after(&page("when"), &answers, false),
            Step::TaskList
        );
        assert_eq!(
            journey.previous(&Step::CheckAnswers, &answers),
            Some(Step::TaskList)
        );
        // A Change link from "check your answers" goes back there.
        assert_eq!(
            journey.after(&page("email"), &answers, true),
            Step::CheckAnswers
        );
        let taken: Vec<&str> = journey
            .pages_taken(&answers)
            .iter()
            .map(|p| p.id.as_str())
            .collect();
        // A list's pages are in its items, not among the pages.
        assert_eq!(taken, ["in-area", "name", "email", "where", "when"]);
    }

    #[test]
    fn a_task_the_routes_skip_is_not_needed() {
        let form = FormDefinition::parse(
            "
id: t
title: T
pages:
  - id: a
    questions: [{ id: a, label: A, answer: { type: yes_no } }]
    routes: [{ when: { equals: { question: a, value: 'no' } }, to: check_answers }]
  - id: b
    questions: [{ id: b, label: B, answer: { type: text } }]
task_list:
  sections:
    - { title: S, tasks: [{ title: A, pages: [a] }, { title: B, pages: [b] }] }
",
            Format::Yaml,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let journey = Journey::new(&form, date!(2026 - 11 - 28));
        let mut answers = Answers::default();
        assert_eq!(
            statuses(&journey, &answers),
            [NotYetStarted, CannotStartYet]
        );
        record(&mut answers, &form, "a", "no");
        assert_eq!(statuses(&journey, &answers), [Completed, NotNeeded]);
        assert!(journey.check_answers_allowed(&answers));
        record(&mut answers, &form, "a", "yes");
        assert_eq!(statuses(&journey, &answers), [Completed, NotYetStarted]);
        assert!(!journey.check_answers_allowed(&answers));
    }
}
