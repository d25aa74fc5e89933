//! Checks a form definition before it is served: every problem with the file, the path in it
//! (like `pages[3].routes[0].to`) and a plain sentence.
//!
//! Routes only go forward, so a journey always ends; the one way back is an add-to-a-list
//! page's own repeat, which is declared (`add_to_list.repeat_from`) rather than routed.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use crate::definition::{
    AnswerType, Condition, Destination, Fee, FormDefinition, Format, ItemFee, ItemPrices, Language,
    LoadError, Question, Text, parse_past_unknown_keys,
};
use crate::journey::list_containing;

/// One problem found in a definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The definition file, when the definition came from one.
    pub file: Option<PathBuf>,
    /// Where in the definition, like `pages[3].routes[0].to`; empty for the whole definition.
    pub path: String,
    /// What is wrong, as a sentence.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{}: ", file.display())?;
        }
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)
    }
}

/// Loads and checks a definition file. An empty list means the definition is sound.
pub fn check_file(path: impl AsRef<Path>) -> Vec<Problem> {
    let path = path.as_ref();
    let read = match Format::from_path(path) {
        Some(format) => std::fs::read_to_string(path)
            .map(|text| parse_past_unknown_keys(&text, format))
            .unwrap_or_else(|e| (None, vec![LoadError::Io(e.to_string())])),
        None => (None, vec![LoadError::UnknownFormat]),
    };
    let (form, errors) = read;
    let mut problems: Vec<Problem> = errors
        .into_iter()
        .map(|error| match error {
            LoadError::Invalid { path, message } => Problem {
                file: None,
                path,
                message,
            },
            error => Problem {
                file: None,
                path: String::new(),
                message: error.to_string(),
            },
        })
        .collect();
    // Every unknown key is reported, and then what else is wrong with the rest.
    if let Some(form) = form {
        problems.extend(check(&form));
    }
    for problem in &mut problems {
        problem.file = Some(path.to_owned());
    }
    problems
}

/// Checks a definition already loaded or built. An empty list means it is sound.
pub fn check(form: &FormDefinition) -> Vec<Problem> {
    let mut checker = Checker {
        form,
        problems: Vec::new(),
    };
    checker.run();
    checker.problems
}

/// Ids that would clash with the engine's own pages and routes.
const RESERVED_PAGE_IDS: &[&str] = &[
    Destination::CHECK_ANSWERS,
    "check-answers",
    "confirmation",
    "start",
    "resume",
    "timeout",
    "pay",
    "task-list",
    "keep-alive",
    "sign-out",
    "signed-out",
];

struct Checker<'a> {
    form: &'a FormDefinition,
    problems: Vec<Problem>,
}

impl<'a> Checker<'a> {
    fn report(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            file: None,
            path: path.into(),
            message: message.into(),
        });
    }

    fn run(&mut self) {
        self.check_form();
        self.check_ids();
        for index in 0..self.form.pages.len() {
            self.check_page(index);
        }
        self.check_reachability();
        self.check_task_list();
        self.check_payment();
        self.check_delivery();
        self.check_texts();
    }

    fn check_form(&mut self) {
        let form = self.form;
        if !is_slug(&form.id, false) {
            self.report(
                "id",
                format!(
                    "the form id `{}` must be lowercase letters, digits and hyphens, as it is used in web addresses",
                    form.id
                ),
            );
        }
        if form.languages.is_empty() {
            self.report("languages", "the form must offer at least one language");
        }
        let mut seen = BTreeSet::new();
        for (i, language) in form.languages.iter().enumerate() {
            if !seen.insert(language) {
                self.report(
                    format!("languages[{i}]"),
                    format!("{} is listed more than once", language.english_name()),
                );
            }
        }
        if form.pages.is_empty() {
            self.report("pages", "the form has no pages");
        }
        let retention = &form.retention;
        if retention.submission_days == 0 {
            self.report(
                "retention.submission_days",
                "submissions must be kept for at least 1 day, or they are deleted before anyone reads them",
            );
        }
        if retention.session_timeout_minutes < 2 {
            // The timeout warning needs time to be read and answered (WCAG 2.2.1).
            self.report(
                "retention.session_timeout_minutes",
                "sessions must last at least 2 minutes, so the timeout warning can be read and answered",
            );
        }
        if retention.save_and_return_days == 0 {
            self.report(
                "retention.save_and_return_days",
                "a save and return link must stay valid for at least 1 day",
            );
        }
        if let Some(prefix) = form
            .confirmation
            .as_ref()
            .and_then(|c| c.reference_prefix.as_ref())
            && (!(2..=4).contains(&prefix.len())
                || !prefix
                    .chars()
                    .all(|c| c.is_ascii_uppercase() && crate::reference::is_unambiguous(c)))
        {
            self.report(
                    "confirmation.reference_prefix",
                    format!(
                        "the reference prefix `{prefix}` must be 2 to 4 capital letters, without O or I, which are read aloud as 0 and 1"
                    ),
                );
        }
    }

    fn check_ids(&mut self) {
        let mut pages: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, page) in self.form.pages.iter().enumerate() {
            let path = format!("pages[{i}].id");
            if !is_slug(&page.id, true) {
                self.report(
                    &path,
                    format!(
                        "the page id `{}` must be lowercase letters, digits, hyphens and underscores, as it is used in web addresses",
                        page.id
                    ),
                );
            } else if RESERVED_PAGE_IDS.contains(&page.id.as_str()) {
                self.report(
                    &path,
                    format!(
                        "the page id `{}` is used by the form engine itself; choose another",
                        page.id
                    ),
                );
            }
            if let Some(first) = pages.insert(&page.id, i) {
                self.report(
                    &path,
                    format!(
                        "the page id `{}` is already used by pages[{first}]; each page needs its own id",
                        page.id
                    ),
                );
            }
        }
        let mut questions: BTreeMap<&str, String> = BTreeMap::new();
        for (i, page) in self.form.pages.iter().enumerate() {
            for (j, question) in page.questions.iter().enumerate() {
                let mut found = Vec::new();
                collect_with_paths(question, format!("pages[{i}].questions[{j}]"), &mut found);
                for (path, q) in found {
                    if !is_slug(&q.id, true) {
                        self.report(
                            format!("{path}.id"),
                            format!(
                                "the question id `{}` must be lowercase letters, digits, hyphens and underscores, as it names form fields",
                                q.id
                            ),
                        );
                    }
                    if let Some(first) = questions.get(q.id.as_str()) {
                        self.report(
                            format!("{path}.id"),
                            format!(
                                "the question id `{}` is already used by {first}; each question needs its own id",
                                q.id
                            ),
                        );
                    } else {
                        questions.insert(&q.id, path.clone());
                    }
                    self.check_question(&path, q);
                }
            }
        }
    }

    fn check_question(&mut self, path: &str, question: &Question) {
        let answer = &question.answer;
        let mut values = BTreeSet::new();
        for (k, choice) in answer.choices().iter().enumerate() {
            if !values.insert(choice.value.as_str()) {
                self.report(
                    format!("{path}.answer.options[{k}].value"),
                    format!(
                        "the option value `{}` is used twice in this question; each option needs its own value",
                        choice.value
                    ),
                );
            }
        }
        match answer {
            AnswerType::OneFromList(o) if o.supplied && !o.options.is_empty() => self.report(
                format!("{path}.answer.options"),
                "the service supplies this question's options (`supplied: true`): leave `options` empty",
            ),
            AnswerType::OneFromList(o) if !o.supplied && o.options.len() < 2 => self.report(
                format!("{path}.answer.options"),
                "a one-from-a-list question needs at least 2 options",
            ),
            AnswerType::OneFromList(o) if o.options.iter().any(|c| c.exclusive) => self.report(
                format!("{path}.answer.options"),
                "`exclusive` is for checkboxes; radios already allow only one option",
            ),
            AnswerType::ManyFromList(o) if o.options.is_empty() => self.report(
                format!("{path}.answer.options"),
                "a many-from-a-list question needs at least 1 option",
            ),
            AnswerType::Number(o) => {
                if let (Some(min), Some(max)) = (o.min, o.max)
                    && min > max
                {
                    self.report(
                        format!("{path}.answer.min"),
                        format!(
                            "the smallest number allowed ({min}) is more than the largest ({max})"
                        ),
                    );
                }
                if o.whole && [o.min, o.max].iter().flatten().any(|b| !b.is_whole()) {
                    self.report(
                        format!("{path}.answer"),
                        "a whole-number question cannot have a decimal limit",
                    );
                }
            }
            AnswerType::Money(o) => {
                if let (Some(min), Some(max)) = (o.min_pence, o.max_pence)
                    && min > max
                {
                    self.report(
                        format!("{path}.answer.min_pence"),
                        format!(
                            "the smallest amount allowed ({min}p) is more than the largest ({max}p)"
                        ),
                    );
                }
            }
            AnswerType::Text(o) | AnswerType::OrganisationName(o) if o.max_length == Some(0) => {
                self.report(
                    format!("{path}.answer.max_length"),
                    "`max_length` must be at least 1",
                )
            }
            AnswerType::LongText(o) if o.max_length == Some(0) || o.max_words == Some(0) => self
                .report(
                    format!("{path}.answer"),
                    "the character or word limit must be at least 1",
                ),
            AnswerType::FileUpload(o) => {
                if o.max_files == 0 {
                    self.report(
                        format!("{path}.answer.max_files"),
                        "`max_files` must be at least 1",
                    );
                }
                if o.max_size_mb == 0 {
                    self.report(
                        format!("{path}.answer.max_size_mb"),
                        "`max_size_mb` must be at least 1",
                    );
                }
                if o.accept.is_empty() {
                    self.report(
                        format!("{path}.answer.accept"),
                        "list at least one kind of file to accept",
                    );
                }
            }
            _ => {}
        }
    }

    fn check_page(&mut self, index: usize) {
        let form = self.form;
        let page = &form.pages[index];
        let here = format!("pages[{index}]");
        match (&page.exit, page.questions.is_empty()) {
            (Some(_), false) => self.report(
                format!("{here}.questions"),
                "an exit page ends the journey, so it cannot ask questions",
            ),
            (None, true) => self.report(
                format!("{here}.questions"),
                "the page has no questions; give it questions, or make it an exit page with `exit`",
            ),
            _ => {}
        }
        if page.exit.is_some() && !page.routes.is_empty() {
            self.report(
                format!("{here}.routes"),
                "an exit page ends the journey, so it cannot have routes",
            );
        }
        if page.exit.is_some() && page.title.is_none() {
            self.report(format!("{here}.title"), "an exit page needs a title");
        }
        if page.questions.len() > 1 && page.title.is_none() {
            self.report(
                format!("{here}.title"),
                "a page with several questions needs a title to use as its heading",
            );
        }
        if let Some(list) = &page.add_to_list {
            if page.exit.is_some() {
                self.report(
                    format!("{here}.add_to_list"),
                    "an exit page cannot be part of a list",
                );
            }
            if let Some(max) = list.max {
                if max == 0 {
                    self.report(
                        format!("{here}.add_to_list.max"),
                        "`max` must be at least 1",
                    );
                } else if list.min > max {
                    self.report(
                        format!("{here}.add_to_list.min"),
                        format!(
                            "at least {} items are needed but at most {max} are allowed",
                            list.min
                        ),
                    );
                }
            }
            if let Some(first) = &list.repeat_from {
                match form.page_index(first) {
                    None => self.report(
                        format!("{here}.add_to_list.repeat_from"),
                        format!("there is no page with the id `{first}`"),
                    ),
                    Some(start) if start > index => self.report(
                        format!("{here}.add_to_list.repeat_from"),
                        format!("the item must start at this page or an earlier one, but `{first}` comes later"),
                    ),
                    Some(_) => {}
                }
            }
        }
        let mut unconditional_at = None;
        for (r, route) in page.routes.iter().enumerate() {
            let path = format!("{here}.routes[{r}]");
            if let Some(earlier) = unconditional_at {
                self.report(
                    &path,
                    format!("this route is never used: routes[{earlier}] before it has no `when`, so it is always taken"),
                );
            }
            if route.when.is_none() && unconditional_at.is_none() {
                unconditional_at = Some(r);
            }
            if let Destination::Page(target) = &route.to
                && let Some(t) = form.page_index(target)
                && t > index
            {
                self.check_route_and_lists(&format!("{path}.to"), index, t, target);
            }
            if let Destination::Page(target) = &route.to {
                match form.page_index(target) {
                    None => self.report(
                        format!("{path}.to"),
                        format!("there is no page with the id `{target}`"),
                    ),
                    Some(t) if t == index => self.report(
                        format!("{path}.to"),
                        format!("the route goes back to this same page `{target}`, so the journey would loop"),
                    ),
                    Some(t) if t < index => self.report(
                        format!("{path}.to"),
                        format!(
                            "the route jumps back to `{target}`, an earlier page; routes only go forward, so journeys cannot loop (an add-to-a-list item repeats through `add_to_list.repeat_from`)"
                        ),
                    ),
                    Some(_) => {}
                }
            }
            if let Some(condition) = &route.when {
                self.check_condition(&format!("{path}.when"), condition, Some(index));
            }
        }
    }

    /// A list item's pages are a unit: routes stay inside the item until its last page, and
    /// enter it only at its first page.
    fn check_route_and_lists(&mut self, path: &str, from: usize, to: usize, target: &str) {
        let form = self.form;
        let from_list = list_containing(form, from);
        let to_list = list_containing(form, to);
        if let Some(last) = from_list
            && from != last
            && to_list != Some(last)
        {
            self.report(
                path,
                format!(
                    "the route leaves the list item before its last page `{}`; routes inside an item must stay inside it",
                    form.pages[last].id
                ),
            );
        }
        if let Some(last) = to_list
            && from_list != Some(last)
            && list_first_page(form, last) != Some(to)
        {
            self.report(
                path,
                format!("the route enters the list item at `{target}`, which is not the item's first page"),
            );
        }
    }

    /// `asked_by`: the index of the page whose routes use the condition; its questions must be
    /// asked on that page or an earlier one. `None` for conditions read at the end (fees).
    fn check_condition(&mut self, path: &str, condition: &Condition, asked_by: Option<usize>) {
        let form = self.form;
        match condition {
            Condition::All(list) | Condition::Any(list) => {
                let key = if matches!(condition, Condition::All(_)) {
                    "all"
                } else {
                    "any"
                };
                if list.is_empty() {
                    self.report(
                        format!("{path}.{key}"),
                        format!("`{key}` needs at least one condition"),
                    );
                }
                for (i, inner) in list.iter().enumerate() {
                    self.check_condition(&format!("{path}.{key}[{i}]"), inner, asked_by);
                }
                return;
            }
            Condition::Not(inner) => {
                self.check_condition(&format!("{path}.not"), inner, asked_by);
                return;
            }
            _ => {}
        }
        let (key, id) = match condition {
            Condition::Answered(q) => ("answered", &q.question),
            Condition::NotAnswered(q) => ("not_answered", &q.question),
            Condition::Equals(t) => ("equals", &t.question),
            Condition::Contains(t) => ("contains", &t.question),
            Condition::OneOf(t) => ("one_of", &t.question),
            Condition::Number(t) => ("number", &t.question),
            Condition::Date(t) => ("date", &t.question),
            _ => return,
        };
        let path = format!("{path}.{key}");
        let Some((page_index, question)) = form.find_question(id) else {
            self.report(
                format!("{path}.question"),
                format!("there is no question with the id `{id}`"),
            );
            return;
        };
        if let Some(list) = list_containing(form, page_index)
            && asked_by.and_then(|p| list_containing(form, p)) != Some(list)
        {
            self.report(
                format!("{path}.question"),
                format!(
                    "the question `{id}` is asked for each item of the list ending at `{}`, so only routes inside that item can test it",
                    form.pages[list].id
                ),
            );
        }
        if let Some(route_page) = asked_by
            && page_index > route_page
        {
            self.report(
                    format!("{path}.question"),
                    format!(
                        "the question `{id}` is asked later, on page `{}`, so it has no answer yet when this route is chosen",
                        form.pages[page_index].id
                    ),
                );
        }
        let answer = &question.answer;
        let type_name = answer.type_name();
        let check_values = |values: Vec<&str>, this: &mut Self, field: &str| {
            if let Some(allowed) = answer.closed_values() {
                for value in values {
                    if !allowed.contains(&value) {
                        this.report(
                            format!("{path}.{field}"),
                            format!(
                                "`{value}` is not an answer to `{id}`, whose answers are {}",
                                allowed
                                    .iter()
                                    .map(|v| format!("`{v}`"))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        );
                    }
                }
            }
        };
        match condition {
            Condition::Equals(t) => check_values(vec![&t.value], self, "value"),
            Condition::OneOf(t) => {
                if t.values.is_empty() {
                    self.report(
                        format!("{path}.values"),
                        "`values` needs at least one value",
                    );
                }
                check_values(
                    t.values.iter().map(String::as_str).collect(),
                    self,
                    "values",
                );
            }
            Condition::Contains(t) => {
                if !matches!(
                    answer,
                    AnswerType::ManyFromList(_) | AnswerType::Text(_) | AnswerType::LongText(_)
                ) {
                    self.report(
                        &path,
                        format!("`contains` tests many-from-a-list and text answers, but `{id}` is a {type_name} question"),
                    );
                }
                check_values(vec![&t.value], self, "value");
            }
            Condition::Number(t) => {
                if !matches!(answer, AnswerType::Number(_) | AnswerType::Money(_)) {
                    self.report(
                        &path,
                        format!("`number` tests number and money answers, but `{id}` is a {type_name} question"),
                    );
                }
                if !t.has_bounds() {
                    self.report(
                        &path,
                        "give at least one of `less_than`, `at_most`, `more_than`, `at_least` or `equal_to`",
                    );
                }
            }
            Condition::Date(t) => {
                if !matches!(
                    answer,
                    AnswerType::Date(_) | AnswerType::DateOfBirth {} | AnswerType::MonthYear {}
                ) {
                    self.report(
                        &path,
                        format!("`date` tests date answers, but `{id}` is a {type_name} question"),
                    );
                }
                if !t.has_bounds() {
                    self.report(
                        &path,
                        "give at least one of `before`, `on_or_before`, `after` or `on_or_after`",
                    );
                }
            }
            _ => {}
        }
    }

    /// Walks the journey graph from the first page; every page must be reachable.
    fn check_reachability(&mut self) {
        let form = self.form;
        let count = form.pages.len();
        if count == 0 {
            return;
        }
        let mut reached = vec![false; count];
        let mut stack = vec![0];
        while let Some(index) = stack.pop() {
            if reached[index] {
                continue;
            }
            reached[index] = true;
            let page = &form.pages[index];
            if page.exit.is_some() {
                continue;
            }
            let mut falls_through = true;
            for route in &page.routes {
                if let Destination::Page(target) = &route.to
                    && let Some(t) = form.page_index(target).filter(|&t| t > index)
                {
                    stack.push(t);
                }
                if route.when.is_none() {
                    falls_through = false;
                    break;
                }
            }
            if falls_through && index + 1 < count {
                stack.push(index + 1);
            }
        }
        for (index, page) in form.pages.iter().enumerate() {
            if !reached[index] {
                self.report(
                    format!("pages[{index}]"),
                    format!(
                        "the page `{}` can never be reached: no route leads to it and the page before it always goes elsewhere",
                        page.id
                    ),
                );
            }
        }
    }

    /// With a task list, every page belongs to exactly one task and the tasks take the pages
    /// in the form's order: each task is then a run of pages the resident walks from the task
    /// list, and together they cover the whole journey.
    fn check_task_list(&mut self) {
        let form = self.form;
        let Some(task_list) = &form.task_list else {
            return;
        };
        let mut owner: BTreeMap<&str, String> = BTreeMap::new();
        // The last page taken by a task so far, to check the order.
        let mut previous: Option<(usize, &str)> = None;
        for (s, section) in task_list.sections.iter().enumerate() {
            if section.tasks.is_empty() {
                self.report(
                    format!("task_list.sections[{s}].tasks"),
                    "the section has no tasks",
                );
            }
            for (t, task) in section.tasks.iter().enumerate() {
                let here = format!("task_list.sections[{s}].tasks[{t}]");
                if task.pages.is_empty() {
                    self.report(format!("{here}.pages"), "the task has no pages");
                }
                for (p, id) in task.pages.iter().enumerate() {
                    let path = format!("{here}.pages[{p}]");
                    let Some(index) = form.page_index(id) else {
                        self.report(&path, format!("there is no page with the id `{id}`"));
                        continue;
                    };
                    if let Some(first) = owner.get(id.as_str()) {
                        self.report(
                            &path,
                            format!(
                                "the page `{id}` is already in {first}; a page belongs to one task"
                            ),
                        );
                        continue;
                    }
                    owner.insert(id, here.clone());
                    if let Some((before, before_id)) = previous
                        && index < before
                    {
                        self.report(
                            &path,
                            format!(
                                "the page `{id}` comes before `{before_id}` in the form's pages; \
                                 tasks must take the pages in the order they are in the form"
                            ),
                        );
                    }
                    previous = Some((index, id));
                }
            }
        }
        for (index, page) in form.pages.iter().enumerate() {
            if !owner.contains_key(page.id.as_str()) {
                self.report(
                    format!("pages[{index}]"),
                    format!(
                        "the page `{}` is in no task; with a task list every page belongs to one task",
                        page.id
                    ),
                );
            }
        }
    }

    fn check_payment(&mut self) {
        let form = self.form;
        let Some(payment) = &form.payment else {
            return;
        };
        match &payment.fee {
            Fee::FixedPence(0) => self.report(
                "payment.fee.fixed_pence",
                "a fixed fee of 0 takes no payment; remove `payment` instead",
            ),
            Fee::Computed(fee) => {
                for (i, rule) in fee.add.iter().enumerate() {
                    self.check_condition(
                        &format!("payment.fee.computed.add[{i}].when"),
                        &rule.when,
                        None,
                    );
                }
                for (i, item) in fee.per_item.iter().enumerate() {
                    let path = format!("payment.fee.computed.per_item[{i}].page");
                    match form.find_page(&item.page) {
                        None => self.report(path, format!("there is no page with the id `{}`", item.page)),
                        Some(page) if page.add_to_list.is_none() => self.report(
                            path,
                            format!("the page `{}` is not an add-to-a-list page, so it has no items to count", item.page),
                        ),
                        Some(_) => {}
                    }
                    if let Some(by) = &item.priced_by {
                        self.check_item_prices(i, item, by);
                    }
                }
            }
            _ => {}
        }
    }

    /// A priced item's question must be asked in the list's items, and each price must name
    /// one of its options.
    fn check_item_prices(&mut self, i: usize, item: &ItemFee, by: &ItemPrices) {
        let form = self.form;
        let path = format!("payment.fee.computed.per_item[{i}].priced_by");
        let in_item = form.page_index(&item.page).and_then(|last| {
            let list = form.pages[last].add_to_list.as_ref()?;
            let first = match &list.repeat_from {
                Some(id) => form.page_index(id)?,
                None => last,
            };
            form.pages[first..=last]
                .iter()
                .flat_map(|page| &page.questions)
                .find(|q| q.id == by.question)
        });
        let Some(question) = in_item else {
            self.report(
                format!("{path}.question"),
                format!(
                    "there is no question `{}` in the items of `{}`",
                    by.question, item.page
                ),
            );
            return;
        };
        let options = question.answer.choices();
        if options.is_empty() {
            return;
        }
        for value in by.pence.keys() {
            if !options.iter().any(|c| &c.value == value) {
                self.report(
                    format!("{path}.pence.{value}"),
                    format!(
                        "`{value}` is not an option of the question `{}`",
                        by.question
                    ),
                );
            }
        }
    }

    fn check_delivery(&mut self) {
        let form = self.form;
        let delivery = &form.delivery;
        for (i, address) in delivery.team_emails.iter().enumerate() {
            let plausible = address.split_once('@').is_some_and(|(user, domain)| {
                !user.is_empty() && domain.contains('.') && !address.contains(char::is_whitespace)
            });
            if !plausible {
                self.report(
                    format!("delivery.team_emails[{i}]"),
                    format!("`{address}` is not an email address"),
                );
            }
        }
        if let Some(resident) = &delivery.resident_email {
            match form.find_question(&resident.question) {
                None => self.report(
                    "delivery.resident_email.question",
                    format!("there is no question with the id `{}`", resident.question),
                ),
                Some((_, q)) if !matches!(q.answer, AnswerType::Email {}) => self.report(
                    "delivery.resident_email.question",
                    format!(
                        "the question `{}` does not ask for an email address",
                        resident.question
                    ),
                ),
                Some(_) => {}
            }
        }
        if let Some(webhook) = &delivery.webhook {
            let url = &webhook.url;
            let loopback = matches!(url.host_str(), Some("localhost" | "127.0.0.1" | "[::1]"));
            if url.scheme() != "https" && !(url.scheme() == "http" && loopback) {
                self.report(
                    "delivery.webhook.url",
                    "the webhook must use https://, so residents' answers are encrypted on the way (http:// is allowed only to localhost)",
                );
            }
            if webhook.secret_env.is_empty() {
                self.report(
                    "delivery.webhook.secret_env",
                    "name the environment variable that holds the webhook's signing secret",
                );
            }
        }
        if !delivery.store && delivery.team_emails.is_empty() && delivery.webhook.is_none() {
            self.report(
                "delivery",
                "submissions go nowhere: store them, email a team, or send them to a webhook",
            );
        }
    }

    /// Every text must be given in every language the form offers.
    fn check_texts(&mut self) {
        let form = self.form;
        let languages: Vec<Language> = form.languages.clone();
        let mut texts: Vec<(String, &Text)> = vec![("title".into(), &form.title)];
        for (i, page) in form.pages.iter().enumerate() {
            let here = format!("pages[{i}]");
            if let Some(t) = &page.title {
                texts.push((format!("{here}.title"), t));
            }
            if let Some(exit) = &page.exit {
                texts.push((format!("{here}.exit.body"), &exit.body));
            }
            if let Some(list) = &page.add_to_list {
                texts.push((format!("{here}.add_to_list.item_name"), &list.item_name));
            }
            for (j, question) in page.questions.iter().enumerate() {
                let mut found = Vec::new();
                collect_with_paths(question, format!("{here}.questions[{j}]"), &mut found);
                for (path, q) in found {
                    texts.push((format!("{path}.label"), &q.label));
                    if let Some(t) = &q.hint {
                        texts.push((format!("{path}.hint"), t));
                    }
                    if let Some(t) = &q.error_name {
                        texts.push((format!("{path}.error_name"), t));
                    }
                    if let AnswerType::Number(o) = &q.answer
                        && let Some(t) = &o.suffix
                    {
                        texts.push((format!("{path}.answer.suffix"), t));
                    }
                    for (k, choice) in q.answer.choices().iter().enumerate() {
                        texts.push((format!("{path}.answer.options[{k}].label"), &choice.label));
                        if let Some(t) = &choice.hint {
                            texts.push((format!("{path}.answer.options[{k}].hint"), t));
                        }
                    }
                }
            }
        }
        if let Some(task_list) = &form.task_list {
            for (s, section) in task_list.sections.iter().enumerate() {
                texts.push((format!("task_list.sections[{s}].title"), &section.title));
                for (t, task) in section.tasks.iter().enumerate() {
                    texts.push((
                        format!("task_list.sections[{s}].tasks[{t}].title"),
                        &task.title,
                    ));
                }
            }
        }
        if let Some(d) = &form.declaration {
            texts.push(("declaration.text".into(), &d.text));
            if let Some(t) = &d.checkbox {
                texts.push(("declaration.checkbox".into(), t));
            }
        }
        if let Some(p) = &form.payment {
            texts.push(("payment.description".into(), &p.description));
        }
        if let Some(c) = &form.confirmation {
            if let Some(t) = &c.title {
                texts.push(("confirmation.title".into(), t));
            }
            if let Some(t) = &c.next_steps {
                texts.push(("confirmation.next_steps".into(), t));
            }
        }
        for (path, text) in texts {
            for &language in &languages {
                match text.get(language) {
                    None => self.report(
                        &path,
                        format!(
                            "there is no {} text, but the form is offered in {}; write it as {{en: ..., {}: ...}}",
                            language.english_name(),
                            language.english_name(),
                            language.code()
                        ),
                    ),
                    Some(t) if t.trim().is_empty() => self.report(
                        &path,
                        format!("the {} text is empty", language.english_name()),
                    ),
                    Some(_) => {}
                }
            }
        }
    }
}

/// A question and then its follow-ups, depth first, each with its path.
fn collect_with_paths<'a>(
    question: &'a Question,
    path: String,
    out: &mut Vec<(String, &'a Question)>,
) {
    out.push((path.clone(), question));
    for (k, choice) in question.answer.choices().iter().enumerate() {
        if let Some(follow_up) = &choice.follow_up {
            collect_with_paths(
                follow_up,
                format!("{path}.answer.options[{k}].follow_up"),
                out,
            );
        }
    }
}

/// The first page of the list item ending at page `last`.
fn list_first_page(form: &FormDefinition, last: usize) -> Option<usize> {
    let list = form.pages[last].add_to_list.as_ref()?;
    match &list.repeat_from {
        Some(id) => form.page_index(id),
        None => Some(last),
    }
}

/// Lowercase ASCII letters and digits, with hyphens (and underscores when allowed) between.
fn is_slug(text: &str, underscores: bool) -> bool {
    !text.is_empty()
        && text.len() <= 64
        && text.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || (underscores && b == b'_')
        })
        && text.as_bytes()[0].is_ascii_alphanumeric()
}
