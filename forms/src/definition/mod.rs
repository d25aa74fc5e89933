//! The form definition: what a form asks, in which order, and what happens to the answers.
//!
//! A definition is loaded from JSON, YAML or TOML ([`FormDefinition::load`]) or built in Rust
//! with the methods on each type; both give the same values, and [`crate::check`] validates
//! either. Unknown keys are refused everywhere, so a misspelt option is never silently ignored.

mod answer_type;
mod condition;
mod load;
mod settings;
mod text;

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use answer_type::{
    AnswerType, BankDetailsOptions, Choice, DateOptions, DateRule, FileKind, FileUploadOptions,
    ListDisplay, LongTextOptions, ManyFromListOptions, MoneyOptions, NameOptions, NameParts,
    NumberOptions, OneFromListOptions, PhoneOptions, TextOptions, UkAddressOptions,
};
pub use condition::{Condition, DateRef, DateTest, NumberTest, QuestionRef, ValueTest, ValuesTest};
pub(crate) use load::parse_past_unknown_keys;
pub use load::{Format, LoadError};
pub use settings::{
    AddToList, ComputedFee, Confirmation, Declaration, Delivery, ExitPage, Fee, FeeRule, ItemFee,
    ItemPrices, Payment, ResidentEmail, Retention, Task, TaskList, TaskSection, Webhook,
};
pub use text::{Language, Text, Translations};

/// A whole form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FormDefinition {
    /// Lets a definition file name this schema for editors; ignored by the engine.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The form's id, used in its URLs: lowercase letters, digits and hyphens.
    pub id: String,
    /// The form's title, shown in the header and the browser tab.
    pub title: Text,
    /// The languages the form is offered in (default English only). Every text in the form
    /// must be given in each.
    #[serde(default = "english_only")]
    pub languages: Vec<Language>,
    /// The pages, in order. Without a route a page leads to the next one, and the last to
    /// "check your answers".
    pub pages: Vec<Page>,
    /// Groups pages into tasks, for long forms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_list: Option<TaskList>,
    /// A declaration the resident makes on "check your answers" before submitting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declaration: Option<Declaration>,
    /// A payment taken after "check your answers".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment: Option<Payment>,
    /// What the confirmation page says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmation: Option<Confirmation>,
    /// How long submissions and unfinished answers are kept.
    #[serde(default)]
    pub retention: Retention,
    /// Where submissions go.
    #[serde(default)]
    pub delivery: Delivery,
}

fn english_only() -> Vec<Language> {
    vec![Language::En]
}

/// One page of a form: one question by default, several when asked, or an exit page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Page {
    /// The page's id, used in its URL: lowercase letters, digits, hyphens and underscores.
    pub id: String,
    /// The page heading. Needed when a page has several questions; a page with one question
    /// uses the question's label as its heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// The questions on the page, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Question>,
    /// Where to go after this page, tried in order; the first whose `when` holds (or that has
    /// no `when`) is taken. Routes only go forward.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub routes: Vec<Route>,
    /// Makes this page the last page of an item the resident can add again and again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub add_to_list: Option<AddToList>,
    /// Makes this an exit page: the journey ends here, with this explanation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exit: Option<ExitPage>,
}

/// One question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Question {
    /// The question's id: unique in the form, used as the field name and by conditions.
    pub id: String,
    /// The question as the resident reads it: "What is your date of birth?".
    pub label: Text,
    /// Hint text under the label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    /// How error messages name the answer, as it reads after "Enter": "your date of birth"
    /// gives "Enter your date of birth" and "Date of birth must be a real date". Without it a
    /// generic name for the answer type is used ("a date").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_name: Option<Text>,
    /// Whether the resident may leave the question unanswered. "(optional)" is added to the
    /// label.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub optional: bool,
    /// The kind of answer and its options.
    pub answer: AnswerType,
}

/// Where the journey goes after a page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Route {
    /// The condition for taking this route; without one the route is always taken.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    /// A later page's id, or `check_answers`.
    pub to: Destination,
}

/// Where a route leads.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Destination {
    /// A page, by id.
    Page(String),
    /// "Check your answers", skipping every page in between.
    CheckAnswers,
}

impl Destination {
    /// How `CheckAnswers` is written in a definition.
    pub const CHECK_ANSWERS: &'static str = "check_answers";
}

impl fmt::Display for Destination {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Destination::Page(id) => f.write_str(id),
            Destination::CheckAnswers => f.write_str(Self::CHECK_ANSWERS),
        }
    }
}

impl Serialize for Destination {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Destination {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Ok(if text == Self::CHECK_ANSWERS {
            Destination::CheckAnswers
        } else {
            Destination::Page(text)
        })
    }
}

impl JsonSchema for Destination {
    fn schema_name() -> Cow<'static, str> {
        "Destination".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "The id of a later page, or `check_answers`."
        })
    }
}

impl FormDefinition {
    /// A form with this id and title, in English, with no pages yet.
    pub fn new(id: impl Into<String>, title: impl Into<Text>) -> Self {
        FormDefinition {
            schema: None,
            id: id.into(),
            title: title.into(),
            languages: english_only(),
            pages: Vec::new(),
            task_list: None,
            declaration: None,
            payment: None,
            confirmation: None,
            retention: Retention::default(),
            delivery: Delivery::default(),
        }
    }

    /// Sets the languages offered.
    pub fn languages(mut self, languages: impl IntoIterator<Item = Language>) -> Self {
        self.languages = languages.into_iter().collect();
        self
    }

    /// Adds a page after the others.
    pub fn page(mut self, page: Page) -> Self {
        self.pages.push(page);
        self
    }

    /// Sets the task list.
    pub fn task_list(mut self, task_list: TaskList) -> Self {
        self.task_list = Some(task_list);
        self
    }

    /// Sets the declaration.
    pub fn declaration(mut self, declaration: Declaration) -> Self {
        self.declaration = Some(declaration);
        self
    }

    /// Sets the payment step.
    pub fn payment(mut self, payment: Payment) -> Self {
        self.payment = Some(payment);
        self
    }

    /// Sets the confirmation page's text.
    pub fn confirmation(mut self, confirmation: Confirmation) -> Self {
        self.confirmation = Some(confirmation);
        self
    }

    /// Sets the retention periods.
    pub fn retention(mut self, retention: Retention) -> Self {
        self.retention = retention;
        self
    }

    /// Sets the delivery settings.
    pub fn delivery(mut self, delivery: Delivery) -> Self {
        self.delivery = delivery;
        self
    }

    /// Checks the definition, returning it when [`crate::check`] finds no problem.
    pub fn build(self) -> Result<Self, Vec<crate::check::Problem>> {
        let problems = crate::check::check(&self);
        if problems.is_empty() {
            Ok(self)
        } else {
            Err(problems)
        }
    }

    /// The page with this id.
    pub fn find_page(&self, id: &str) -> Option<&Page> {
        self.pages.iter().find(|p| p.id == id)
    }

    /// The position of the page with this id.
    pub fn page_index(&self, id: &str) -> Option<usize> {
        self.pages.iter().position(|p| p.id == id)
    }

    /// Every question in the form with the index of its page, follow-up questions included,
    /// in page order.
    pub fn questions(&self) -> Vec<(usize, &Question)> {
        let mut out = Vec::new();
        for (index, page) in self.pages.iter().enumerate() {
            for question in &page.questions {
                question.visit(&mut |q| out.push((index, q)));
            }
        }
        out
    }

    /// The question with this id and the index of its page.
    pub fn find_question(&self, id: &str) -> Option<(usize, &Question)> {
        self.questions().into_iter().find(|(_, q)| q.id == id)
    }
}

impl Page {
    /// A page with this id and nothing on it yet.
    pub fn new(id: impl Into<String>) -> Self {
        Page {
            id: id.into(),
            title: None,
            questions: Vec::new(),
            routes: Vec::new(),
            add_to_list: None,
            exit: None,
        }
    }

    /// Sets the page heading.
    pub fn title(mut self, title: impl Into<Text>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Adds a question after the others.
    pub fn question(mut self, question: Question) -> Self {
        self.questions.push(question);
        self
    }

    /// Adds a route after the others.
    pub fn route(mut self, route: Route) -> Self {
        self.routes.push(route);
        self
    }

    /// Makes this page the last page of a repeating item.
    pub fn add_to_list(mut self, add_to_list: AddToList) -> Self {
        self.add_to_list = Some(add_to_list);
        self
    }

    /// Makes this an exit page.
    pub fn exit(mut self, exit: ExitPage) -> Self {
        self.exit = Some(exit);
        self
    }

    /// The page heading: its title, or its only question's label.
    pub fn heading(&self) -> Option<&Text> {
        self.title.as_ref().or(match self.questions.as_slice() {
            [only] => Some(&only.label),
            _ => None,
        })
    }
}

impl Question {
    /// A required question.
    pub fn new(id: impl Into<String>, label: impl Into<Text>, answer: AnswerType) -> Self {
        Question {
            id: id.into(),
            label: label.into(),
            hint: None,
            error_name: None,
            optional: false,
            answer,
        }
    }

    /// Sets the hint.
    pub fn hint(mut self, hint: impl Into<Text>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Sets how error messages name the answer ("your date of birth").
    pub fn error_name(mut self, name: impl Into<Text>) -> Self {
        self.error_name = Some(name.into());
        self
    }

    /// Lets the resident leave the question unanswered.
    pub fn optional(mut self) -> Self {
        self.optional = true;
        self
    }

    /// Calls `f` with this question and then each follow-up question, depth first.
    pub fn visit<'a>(&'a self, f: &mut impl FnMut(&'a Question)) {
        f(self);
        for choice in self.answer.choices() {
            if let Some(follow_up) = &choice.follow_up {
                follow_up.visit(f);
            }
        }
    }
}

impl Route {
    /// A route always taken.
    pub fn to(destination: Destination) -> Self {
        Route {
            when: None,
            to: destination,
        }
    }

    /// A route taken when `condition` holds.
    pub fn when(condition: Condition, destination: Destination) -> Self {
        Route {
            when: Some(condition),
            to: destination,
        }
    }
}

impl Destination {
    /// The page with this id.
    pub fn page(id: impl Into<String>) -> Self {
        Destination::Page(id.into())
    }
}
