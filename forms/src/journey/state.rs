//! The answers a resident has given so far, including add-to-a-list items.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::answers::AnswerValue;
use crate::definition::FormDefinition;

/// Answers keyed by question id.
pub type Values = BTreeMap<String, AnswerValue>;

/// Everything a resident has answered: what a session stores.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Answers {
    /// Answers to questions outside lists.
    pub values: Values,
    /// Pages whose answers were accepted (an optional question left blank has no value, but
    /// its page is done).
    pub completed: BTreeSet<String>,
    /// Add-to-a-list answers, by the id of the list's last page.
    pub lists: BTreeMap<String, ListAnswers>,
    /// The postcode searched for on each UK address question with lookup, until the
    /// resident chooses an address (kept so the list can be shown again). Never submitted.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub lookups: BTreeMap<String, AddressSearch>,
}

/// What a resident searched for on the postcode step of a UK address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressSearch {
    /// The postcode, normalised.
    pub postcode: String,
    /// The building number or name they gave, if any, to narrow the list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub building: Option<String>,
}

/// The items of one add-to-a-list page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListAnswers {
    /// The items added, in order.
    pub items: Vec<Item>,
    /// The item being added or changed, until its last page is answered.
    pub draft: Option<Item>,
    /// Which item the draft replaces, when an item is being changed.
    pub editing: Option<usize>,
    /// The resident answered "no" to "Do you need to add another?".
    pub finished: bool,
}

/// One item of a list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// The item's answers.
    pub values: Values,
    /// The item's pages answered so far.
    pub completed: BTreeSet<String>,
}

/// Why a list cannot do what was asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ListError {
    /// The page is not an add-to-a-list page.
    #[error("the page is not an add-to-a-list page")]
    NotAList,
    /// Fewer items than the list's minimum.
    #[error("at least {min} items are needed")]
    TooFew {
        /// The minimum.
        min: u32,
    },
    /// The list is full.
    #[error("at most {max} items are allowed")]
    TooMany {
        /// The maximum.
        max: u32,
    },
    /// No item has that number.
    #[error("there is no such item")]
    NoSuchItem,
}

/// The add-to-a-list page (by index) whose item includes page `index`, if any.
pub(crate) fn list_containing(form: &FormDefinition, index: usize) -> Option<usize> {
    form.pages.iter().enumerate().find_map(|(last, page)| {
        let list = page.add_to_list.as_ref()?;
        let first = match &list.repeat_from {
            Some(id) => form.page_index(id)?,
            None => last,
        };
        (first..=last).contains(&index).then_some(last)
    })
}

impl Answers {
    /// The answer to a question outside lists.
    pub fn get(&self, question: &str) -> Option<&AnswerValue> {
        self.values.get(question)
    }

    /// Records a page's accepted answers (`None` for an optional question left blank). Pages
    /// of a list item go into the item being added; its last page adds the item.
    pub fn record_page(
        &mut self,
        form: &FormDefinition,
        page_id: &str,
        values: impl IntoIterator<Item = (String, Option<AnswerValue>)>,
    ) {
        let Some(index) = form.page_index(page_id) else {
            return;
        };
        let (target_values, target_completed) = match list_containing(form, index) {
            Some(last) => {
                let list = self.lists.entry(form.pages[last].id.clone()).or_default();
                let draft = list.draft.get_or_insert_with(Item::default);
                (&mut draft.values, &mut draft.completed)
            }
            None => (&mut self.values, &mut self.completed),
        };
        for (question, value) in values {
            match value {
                Some(value) => target_values.insert(question, value),
                None => target_values.remove(&question),
            };
        }
        target_completed.insert(page_id.to_owned());
        if form.pages[index].add_to_list.is_some() {
            let list = self.lists.entry(page_id.to_owned()).or_default();
            if let Some(item) = list.draft.take() {
                match list.editing.take() {
                    Some(at) if at < list.items.len() => list.items[at] = item,
                    _ => list.items.push(item),
                }
            }
            list.finished = false;
        }
    }

    /// The items of a list, by its last page's id.
    pub fn items(&self, list_page: &str) -> &[Item] {
        self.lists
            .get(list_page)
            .map_or(&[], |l| l.items.as_slice())
    }

    /// Answers "Do you need to add another?": yes starts a new item, no finishes the list.
    pub fn add_another(
        &mut self,
        form: &FormDefinition,
        list_page: &str,
        another: bool,
    ) -> Result<(), ListError> {
        let settings = form
            .find_page(list_page)
            .and_then(|p| p.add_to_list.as_ref())
            .ok_or(ListError::NotAList)?;
        let list = self.lists.entry(list_page.to_owned()).or_default();
        let count = list.items.len();
        if another {
            if let Some(max) = settings.max.filter(|&max| count >= max as usize) {
                return Err(ListError::TooMany { max });
            }
            list.draft = Some(Item::default());
            list.editing = None;
            list.finished = false;
        } else {
            if count < settings.min as usize {
                return Err(ListError::TooFew { min: settings.min });
            }
            list.draft = None;
            list.finished = true;
        }
        Ok(())
    }

    /// Starts changing item `index` (from 0): its pages are asked again with its answers.
    pub fn change_item(&mut self, list_page: &str, index: usize) -> Result<(), ListError> {
        let list = self.lists.get_mut(list_page).ok_or(ListError::NoSuchItem)?;
        let item = list.items.get(index).ok_or(ListError::NoSuchItem)?.clone();
        list.draft = Some(Item {
            values: item.values,
            completed: BTreeSet::new(),
        });
        list.editing = Some(index);
        list.finished = false;
        Ok(())
    }

    /// Removes item `index` (from 0), after the resident confirmed it.
    pub fn remove_item(&mut self, list_page: &str, index: usize) -> Result<Item, ListError> {
        let list = self.lists.get_mut(list_page).ok_or(ListError::NoSuchItem)?;
        if index >= list.items.len() {
            return Err(ListError::NoSuchItem);
        }
        list.finished = false;
        Ok(list.items.remove(index))
    }
}
