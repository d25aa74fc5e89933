//! The parts of a definition around the questions: repeating items, exit pages, task lists,
//! the declaration, payment, confirmation, retention and delivery.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use url::Url;

use super::{Condition, Text};

/// Makes a page the last page of an item the resident adds again and again (the MoJ "add to a
/// list" pattern): after it comes a summary of the items with Change and Remove, and "Do you
/// need to add another?". Yes goes back to `repeat_from`; that loop is the only way back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AddToList {
    /// What one item is called, in the singular: "child", "vehicle".
    pub item_name: Text,
    /// The first page of an item; default this page alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeat_from: Option<String>,
    /// The fewest items accepted (default 1).
    #[serde(default = "one")]
    pub min: u32,
    /// The most items accepted; no limit when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
}

fn one() -> u32 {
    1
}

impl AddToList {
    /// Items called `item_name`, at least one, no maximum, each one page long.
    pub fn new(item_name: impl Into<Text>) -> Self {
        AddToList {
            item_name: item_name.into(),
            repeat_from: None,
            min: 1,
            max: None,
        }
    }

    /// Sets the fewest and most items.
    pub fn limits(mut self, min: u32, max: Option<u32>) -> Self {
        self.min = min;
        self.max = max;
        self
    }

    /// Makes each item start at an earlier page.
    pub fn repeat_from(mut self, page: impl Into<String>) -> Self {
        self.repeat_from = Some(page.into());
        self
    }
}

/// What an exit page says: the resident cannot go on, and why, and what to do instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ExitPage {
    /// The explanation, in paragraphs separated by blank lines.
    pub body: Text,
}

impl ExitPage {
    /// An exit page saying `body`.
    pub fn new(body: impl Into<Text>) -> Self {
        ExitPage { body: body.into() }
    }
}

/// A task list for long forms (the Design System's "complete multiple tasks" pattern):
/// sections of tasks, each task a run of consecutive pages. The form opens on the task list,
/// each task is done from there, and a task waits ("Cannot start yet") while an earlier one
/// it depends on is unfinished. Every page belongs to exactly one task, in page order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TaskList {
    /// The sections, in order.
    pub sections: Vec<TaskSection>,
}

impl TaskList {
    /// A task list with these sections.
    pub fn new(sections: Vec<TaskSection>) -> Self {
        TaskList { sections }
    }
}

/// A section of a task list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TaskSection {
    /// The section heading.
    pub title: Text,
    /// The tasks, in order.
    pub tasks: Vec<Task>,
}

impl TaskSection {
    /// A section with these tasks.
    pub fn new(title: impl Into<Text>, tasks: Vec<Task>) -> Self {
        TaskSection {
            title: title.into(),
            tasks,
        }
    }
}

/// One task: a name and the pages it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Task {
    /// The task's name, as a link.
    pub title: Text,
    /// The ids of the pages in this task, consecutive and in the form's order; each page
    /// belongs to exactly one task.
    pub pages: Vec<String>,
}

impl Task {
    /// A task covering these pages.
    pub fn new(title: impl Into<Text>, pages: impl IntoIterator<Item = impl Into<String>>) -> Self {
        Task {
            title: title.into(),
            pages: pages.into_iter().map(Into::into).collect(),
        }
    }
}

/// A declaration made on "check your answers".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Declaration {
    /// What the resident declares.
    pub text: Text,
    /// When given, a checkbox with this label must be ticked before submitting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkbox: Option<Text>,
}

impl Declaration {
    /// A declaration accepted by submitting.
    pub fn new(text: impl Into<Text>) -> Self {
        Declaration {
            text: text.into(),
            checkbox: None,
        }
    }
}

/// A payment taken after "check your answers"; the submission completes when it succeeds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Payment {
    /// What the payment is for, as the payment provider shows it.
    pub description: Text,
    /// How much to take.
    pub fee: Fee,
}

impl Payment {
    /// A payment of `fee` for `description`.
    pub fn new(description: impl Into<Text>, fee: Fee) -> Self {
        Payment {
            description: description.into(),
            fee,
        }
    }
}

/// How much a payment takes, in pence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Fee {
    /// The same amount every time, in pence: `fee: { fixed_pence: 3500 }`.
    FixedPence(u64),
    /// An amount worked out from the answers.
    Computed(ComputedFee),
}

/// A fee worked out from the answers: the base, plus each rule that holds, plus an amount for
/// each item in a list.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ComputedFee {
    /// The amount before any rule, in pence.
    #[serde(default)]
    pub base_pence: u64,
    /// Amounts added when their condition holds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub add: Vec<FeeRule>,
    /// Amounts added for each item of an add-to-a-list page.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub per_item: Vec<ItemFee>,
}

impl ComputedFee {
    /// A fee of `base_pence` before rules.
    pub fn new(base_pence: u64) -> Self {
        ComputedFee {
            base_pence,
            ..ComputedFee::default()
        }
    }

    /// Adds `pence` when `when` holds.
    pub fn add(mut self, when: Condition, pence: u64) -> Self {
        self.add.push(FeeRule { when, pence });
        self
    }

    /// Adds `pence` for each item added on `page`.
    pub fn per_item(mut self, page: impl Into<String>, pence: u64) -> Self {
        self.per_item.push(ItemFee {
            page: page.into(),
            pence,
            priced_by: None,
        });
        self
    }

    /// Adds, for each item added on `page`, the price of the item's answer to `question` in
    /// `prices` (a sofa £25.00, a fridge £30.00): "price depends on the item chosen". An
    /// answer `prices` does not list adds `otherwise_pence`.
    pub fn per_item_priced(
        mut self,
        page: impl Into<String>,
        prices: ItemPrices,
        otherwise_pence: u64,
    ) -> Self {
        self.per_item.push(ItemFee {
            page: page.into(),
            pence: otherwise_pence,
            priced_by: Some(prices),
        });
        self
    }
}

/// An amount added to a fee when a condition holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FeeRule {
    /// When to add it.
    pub when: Condition,
    /// How much, in pence.
    pub pence: u64,
}

/// An amount added to a fee for each item of a list: the same for every item, or priced by
/// what the item is.
///
/// ```yaml
/// per_item:
///   - page: item
///     priced_by: { question: item, pence: { sofa: 2500, fridge: 3000 } }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemFee {
    /// The add-to-a-list page whose items are counted.
    pub page: String,
    /// How much for each item, in pence; with `priced_by`, for an item whose answer it does
    /// not price (default 0).
    #[serde(default)]
    pub pence: u64,
    /// Prices each item by its answer to one of the item's questions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priced_by: Option<ItemPrices>,
}

/// The price of an item by its answer to one question (a one-from-a-list of items).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ItemPrices {
    /// The id of the item's question whose answer sets the price.
    pub question: String,
    /// The price of each answer (an option's value), in pence.
    pub pence: std::collections::BTreeMap<String, u64>,
}

impl ItemPrices {
    /// Prices by the answer to `question`, from `(option value, pence)` pairs.
    pub fn new(
        question: impl Into<String>,
        prices: impl IntoIterator<Item = (impl Into<String>, u64)>,
    ) -> Self {
        ItemPrices {
            question: question.into(),
            pence: prices.into_iter().map(|(v, p)| (v.into(), p)).collect(),
        }
    }
}

impl ItemFee {
    /// The amount for one item whose answers are `values`.
    pub fn price(&self, values: &crate::journey::Values) -> u64 {
        let priced = self.priced_by.as_ref().and_then(|by| {
            let value = match values.get(&by.question)? {
                crate::answers::AnswerValue::Choice(value)
                | crate::answers::AnswerValue::Text(value) => value,
                _ => return None,
            };
            by.pence.get(value).copied()
        });
        priced.unwrap_or(self.pence)
    }
}

/// What the confirmation page says beyond the reference.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Confirmation {
    /// The panel title (default "Application complete").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// What happens next.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_steps: Option<Text>,
    /// Letters put before each reference, like `BIN`: 2 to 4 capital letters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_prefix: Option<String>,
}

/// How long answers are kept. A scheduled job deletes what is older.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Retention {
    /// Days a stored submission is kept (default 90).
    #[serde(default = "ninety")]
    pub submission_days: u32,
    /// Minutes of inactivity before a session's answers are deleted (default 20; a warning
    /// comes first).
    #[serde(default = "twenty")]
    pub session_timeout_minutes: u32,
    /// Days a "save and return" link stays valid (default 28).
    #[serde(default = "twenty_eight")]
    pub save_and_return_days: u32,
}

fn ninety() -> u32 {
    90
}
fn twenty() -> u32 {
    20
}
fn twenty_eight() -> u32 {
    28
}

impl Default for Retention {
    fn default() -> Self {
        Retention {
            submission_days: ninety(),
            session_timeout_minutes: twenty(),
            save_and_return_days: twenty_eight(),
        }
    }
}

impl Retention {
    /// Keeps submissions for `days`.
    pub fn submission_days(mut self, days: u32) -> Self {
        self.submission_days = days;
        self
    }
}

/// Where a submission is delivered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Delivery {
    /// Store each submission in the database (default true).
    #[serde(default = "yes")]
    pub store: bool,
    /// Email addresses of the council team that receives each submission.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub team_emails: Vec<String>,
    /// Email the resident a copy of their answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resident_email: Option<ResidentEmail>,
    /// Post each submission as signed JSON.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook: Option<Webhook>,
}

fn yes() -> bool {
    true
}

impl Default for Delivery {
    fn default() -> Self {
        Delivery {
            store: true,
            team_emails: Vec::new(),
            resident_email: None,
            webhook: None,
        }
    }
}

impl Delivery {
    /// Emails each submission to this team address too.
    pub fn team_email(mut self, address: impl Into<String>) -> Self {
        self.team_emails.push(address.into());
        self
    }

    /// Emails the resident at the answer to this email question.
    pub fn resident_email(mut self, question: impl Into<String>) -> Self {
        self.resident_email = Some(ResidentEmail {
            question: question.into(),
        });
        self
    }

    /// Posts each submission to this webhook.
    pub fn webhook(mut self, webhook: Webhook) -> Self {
        self.webhook = Some(webhook);
        self
    }
}

/// Which answer holds the resident's email address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResidentEmail {
    /// The id of an `email` question.
    pub question: String,
}

/// A webhook that receives each submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Webhook {
    /// Where to post: `https://`, or `http://` to a loopback address for testing.
    pub url: Url,
    /// The environment variable holding the signing secret; the secret itself never goes in a
    /// definition file.
    pub secret_env: String,
}

impl Webhook {
    /// A webhook posting to `url`, signed with the secret in `secret_env`.
    pub fn new(url: Url, secret_env: impl Into<String>) -> Self {
        Webhook {
            url,
            secret_env: secret_env.into(),
        }
    }
}
