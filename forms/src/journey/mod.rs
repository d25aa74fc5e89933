//! The journey: which step comes next, the way back, which pages a resident may open, and
//! when "check your answers" is allowed.
//!
//! The journey is worked out again from the answers on every request rather than stored, so
//! changing an earlier answer reroutes everything after it, and answers on pages no longer in
//! the journey are left out of the submission.

mod condition;
mod state;
mod tasks;

use std::collections::BTreeSet;

use time::Date;

use crate::definition::{Destination, Fee, FormDefinition, Page};

pub use condition::holds;
pub use state::{AddressSearch, Answers, Item, ListAnswers, ListError, Values};
pub use tasks::{TaskProgress, TaskStatus};

pub(crate) use state::list_containing;

/// One step of a journey.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Step {
    /// A page of questions, or an exit page, by id.
    Page(String),
    /// An add-to-a-list summary ("Do you need to add another?"), by the list page's id.
    ListSummary(String),
    /// "Check your answers".
    CheckAnswers,
    /// The task list of a form that has one: where the form starts and each task ends.
    TaskList,
}

/// A form's journey, worked out for the answers given.
#[derive(Debug, Clone, Copy)]
pub struct Journey<'a> {
    form: &'a FormDefinition,
    today: Date,
}

impl<'a> Journey<'a> {
    /// The journey through `form`, with relative dates counted from `today`.
    pub fn new(form: &'a FormDefinition, today: Date) -> Self {
        Journey { form, today }
    }

    /// The steps the resident has taken, ending with the step they are on now: the first page
    /// not yet answered, a list summary, an exit page, or "check your answers".
    ///
    /// With a task list, the steps of each task the resident may open, in order (each task's
    /// own steps end where the resident carries on in it), then "check your answers" once
    /// every task that applies is completed.
    pub fn steps(&self, answers: &Answers) -> Vec<Step> {
        let form = self.form;
        if form.task_list.is_some() {
            return self.task_steps(answers);
        }
        let mut steps = Vec::new();
        let mut index = 0;
        // Checked definitions only route forward; the bound guards unchecked ones.
        let mut visited = BTreeSet::new();
        while index < form.pages.len() && visited.insert(index) {
            let page = &form.pages[index];
            let next = match list_containing(form, index) {
                Some(last) => match self.walk_list(index, last, answers, &mut steps) {
                    Some(next) => next,
                    None => return steps,
                },
                None => {
                    steps.push(Step::Page(page.id.clone()));
                    if page.exit.is_some() || !answers.completed.contains(&page.id) {
                        return steps;
                    }
                    self.destination(index, &answers.values)
                }
            };
            match next {
                Some(next) => index = next,
                None => break,
            }
        }
        steps.push(Step::CheckAnswers);
        steps
    }

    /// Walks a list's pages from `first`; pushes its steps. `None` when the journey stops
    /// inside the list; otherwise where it goes after (`Some(None)` for check answers).
    fn walk_list(
        &self,
        first: usize,
        last: usize,
        answers: &Answers,
        steps: &mut Vec<Step>,
    ) -> Option<Option<usize>> {
        let form = self.form;
        let last_id = &form.pages[last].id;
        let list = answers.lists.get(last_id);
        let summary = Step::ListSummary(last_id.clone());
        match list {
            Some(list) if list.finished => {
                steps.push(summary);
                return Some(self.destination(last, &answers.values));
            }
            Some(list) if list.draft.is_none() && !list.items.is_empty() => {
                steps.push(summary);
                return None;
            }
            _ => {}
        }
        let empty = state::Item::default();
        let draft = list.and_then(|l| l.draft.as_ref()).unwrap_or(&empty);
        let mut values = answers.values.clone();
        values.extend(draft.values.clone());
        let mut index = first;
        loop {
            let page = &form.pages[index];
            steps.push(Step::Page(page.id.clone()));
            if !draft.completed.contains(&page.id) || index == last {
                return None;
            }
            match self.destination(index, &values) {
                Some(next) if next > index && next <= last => index = next,
                _ => return None,
            }
        }
    }

    /// Where the journey goes after page `index`, given `values`: the first route whose
    /// condition holds, else the next page; `None` for "check your answers".
    fn destination(&self, index: usize, values: &Values) -> Option<usize> {
        let page = &self.form.pages[index];
        for route in &page.routes {
            if route
                .when
                .as_ref()
                .is_none_or(|c| holds(c, values, self.today))
            {
                return match &route.to {
                    Destination::Page(id) => self.form.page_index(id),
                    Destination::CheckAnswers => None,
                };
            }
        }
        (index + 1 < self.form.pages.len()).then_some(index + 1)
    }

    /// Where to send the resident after the answers of `step` (a page, or a list summary)
    /// were accepted: the redirect of Post/Redirect/Get. `from_check_answers`: they came from
    /// a Change link on "check your answers", which they return to while the journey is still
    /// complete; when the new answer opened pages not yet answered, they answer those first.
    ///
    /// Without a task list, on to the step they are on now. With one, on through the task
    /// `step` is in, and back to the task list once that task is completed: never onward
    /// into the next task.
    pub fn after(&self, step: &Step, answers: &Answers, from_check_answers: bool) -> Step {
        if from_check_answers && self.check_answers_allowed(answers) {
            return Step::CheckAnswers;
        }
        if self.form.task_list.is_some() {
            self.task_after(step, answers)
        } else {
            self.current(answers)
        }
    }

    /// The step the resident is on now; with a task list, the task list itself.
    pub fn current(&self, answers: &Answers) -> Step {
        if self.form.task_list.is_some() {
            return Step::TaskList;
        }
        self.steps(answers).pop().unwrap_or(Step::CheckAnswers)
    }

    /// The step before `step` in the journey actually taken: where the back link goes. With
    /// a task list, the first step of a task and "check your answers" go back to the task
    /// list.
    pub fn previous(&self, step: &Step, answers: &Answers) -> Option<Step> {
        if self.form.task_list.is_some() {
            return self.task_previous(step, answers);
        }
        let steps = self.steps(answers);
        let at = steps.iter().position(|s| s == step)?;
        at.checked_sub(1).map(|i| steps[i].clone())
    }

    /// Whether the resident may open `step`: it is in the journey they have taken. A POST to
    /// a page the journey has not reached is refused with this.
    pub fn can_visit(&self, step: &Step, answers: &Answers) -> bool {
        if *step == Step::TaskList {
            return self.form.task_list.is_some();
        }
        self.steps(answers).contains(step)
    }

    /// Whether "check your answers" may be shown: every step before it is done (with a task
    /// list, every task that applies is completed).
    pub fn check_answers_allowed(&self, answers: &Answers) -> bool {
        self.steps(answers).last() == Some(&Step::CheckAnswers)
    }

    /// The pages in the journey taken, in order, for "check your answers" and the submission;
    /// answers on other pages are left out.
    pub fn pages_taken(&self, answers: &Answers) -> Vec<&'a Page> {
        self.steps(answers)
            .iter()
            .filter_map(|step| match step {
                Step::Page(id) => self.form.find_page(id),
                _ => None,
            })
            .collect()
    }

    /// The fee for these answers in pence, when the form takes a payment.
    pub fn fee(&self, answers: &Answers) -> Option<u64> {
        let payment = self.form.payment.as_ref()?;
        Some(match &payment.fee {
            Fee::FixedPence(pence) => *pence,
            Fee::Computed(fee) => {
                // Saturating: amounts come from a definition file, and a sum that overflows
                // must not panic or wrap round to a small fee.
                let rules = fee
                    .add
                    .iter()
                    .filter(|rule| holds(&rule.when, &answers.values, self.today))
                    .fold(0u64, |sum, rule| sum.saturating_add(rule.pence));
                let items = fee.per_item.iter().fold(0u64, |sum, per| {
                    answers
                        .items(&per.page)
                        .iter()
                        .fold(sum, |sum, item| sum.saturating_add(per.price(&item.values)))
                });
                fee.base_pence.saturating_add(rules).saturating_add(items)
            }
        })
    }
}

#[cfg(test)]
mod tests;
