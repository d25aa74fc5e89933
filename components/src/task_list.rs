//! The [task list](https://design-system.service.gov.uk/components/task-list/): the tasks a
//! resident must complete, each with its status.

use crate::attributes::Attributes;
use crate::content::Content;
use crate::de::given;
use crate::escape::escape_into;
use crate::tag::Tag;
use maud::Render;
use serde::Deserialize;

/// Parameters of the task list: upstream's `govukTaskList` options.
///
/// ```
/// use civic_components::{TaskList, TaskListItem};
/// use maud::Render;
///
/// let html = TaskList::new()
///     .item(TaskListItem::new("Your details", "Completed").href("/details"))
///     .render()
///     .into_string();
/// assert!(html.contains(r#"aria-describedby="task-list-1-status""#));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct TaskList {
    /// The tasks; `None` stands for upstream's falsy entries, which are skipped but still counted in ids.
    #[serde(deserialize_with = "crate::de::items_with_gaps")]
    pub items: Vec<Option<TaskListItem>>,
    /// Prefix of the hint and status ids (default `task-list`).
    #[serde(deserialize_with = "crate::de::string")]
    pub id_prefix: Option<String>,
    /// Extra classes on this element.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra attributes on this element.
    pub attributes: Attributes,
}

/// One task.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct TaskListItem {
    /// The task name.
    #[serde(deserialize_with = "crate::de::object")]
    pub title: Option<TaskListText>,
    /// A hint under the task name.
    #[serde(deserialize_with = "crate::de::object")]
    pub hint: Option<TaskListText>,
    /// The task status.
    #[serde(deserialize_with = "crate::de::object")]
    pub status: Option<TaskListStatus>,
    /// Where the task is done; without it the task cannot be started yet.
    #[serde(deserialize_with = "crate::de::string")]
    pub href: Option<String>,
    /// Extra classes on this element.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
}

/// A task's title or hint.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct TaskListText {
    /// The content as text.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// The content as trusted HTML; wins over `text`.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
    /// Extra classes on this element.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
}

/// A task's status: text, or a tag.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct TaskListStatus {
    /// Shows the status as a tag.
    #[serde(deserialize_with = "crate::de::object")]
    pub tag: Option<Tag>,
    /// The content as text.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// The content as trusted HTML; wins over `text`.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
    /// Extra classes on this element.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
}

impl TaskListItem {
    fn render(&self, b: &mut String, prefix: &str, index: usize) {
        let none = TaskListText::default();
        let title = self.title.as_ref().unwrap_or(&none);
        let href = given(&self.href);
        b.push_str("<li class=\"govuk-task-list__item");
        if href.is_some() {
            b.push_str(" govuk-task-list__item--with-link");
        }
        if let Some(c) = given(&self.classes) {
            b.push(' ');
            escape_into(b, c);
        }
        b.push_str("\">\n<div class=\"govuk-task-list__name-and-hint\">\n");
        let id = |b: &mut String, suffix: &str| {
            escape_into(b, prefix);
            b.push('-');
            b.push_str(&index.to_string());
            b.push_str(suffix);
        };
        if let Some(href) = href {
            b.push_str("<a");
            b.push_str(" class=\"govuk-link govuk-task-list__link");
            if let Some(classes) = given(&title.classes) {
                b.push(' ');
                escape_into(b, classes);
            }
            b.push('"');
            b.push_str(" href=\"");
            escape_into(b, href);
            b.push_str("\" aria-describedby=\"");
            if self.hint.is_some() {
                id(b, "-hint ");
            }
            id(b, "-status");
            b.push_str("\">\n");
            if let Some(content) = Content::from_fields(&title.text, &title.html) {
                content.render_to(b);
            }
            b.push_str("\n</a>\n");
        } else {
            b.push_str("<div");
            if let Some(c) = given(&title.classes) {
                b.push_str(" class=\"");
                escape_into(b, c);
                b.push('"');
            }
            b.push_str(">\n");
            if let Some(content) = Content::from_fields(&title.text, &title.html) {
                content.render_to(b);
            }
            b.push_str("\n</div>\n");
        }
        if let Some(hint) = &self.hint {
            b.push_str("<div id=\"");
            id(b, "-hint");
            b.push_str("\" class=\"govuk-task-list__hint\">\n");
            if let Some(content) = Content::from_fields(&hint.text, &hint.html) {
                content.render_to(b);
            }
            b.push_str("\n</div>\n");
        }
        let none = TaskListStatus::default();
        let status = self.status.as_ref().unwrap_or(&none);
        b.push_str("</div>\n<div");
        b.push_str(" class=\"govuk-task-list__status");
        if let Some(classes) = given(&status.classes) {
            b.push(' ');
            escape_into(b, classes);
        }
        b.push('"');
        b.push_str(" id=\"");
        id(b, "-status");
        b.push_str("\">\n");
        match &status.tag {
            Some(tag) => tag.render_to(b),
            None => {
                if let Some(content) = Content::from_fields(&status.text, &status.html) {
                    content.render_to(b);
                }
            }
        }
        b.push_str("\n</div>\n</li>");
    }
}

impl Render for TaskList {
    fn render_to(&self, b: &mut String) {
        let prefix = given(&self.id_prefix).unwrap_or("task-list");
        b.push_str("<ul");
        b.push_str(" class=\"govuk-task-list");
        if let Some(classes) = given(&self.classes) {
            b.push(' ');
            escape_into(b, classes);
        }
        b.push('"');
        self.attributes.render_to(b);
        b.push_str(">\n");
        for (i, item) in self.items.iter().enumerate() {
            if let Some(item) = item {
                item.render(b, prefix, i + 1);
                b.push('\n');
            }
        }
        b.push_str("</ul>");
    }
}

impl TaskList {
    /// An empty task list.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a task.
    pub fn item(mut self, item: TaskListItem) -> Self {
        self.items.push(Some(item));
        self
    }

    /// Sets the prefix of the hint and status ids.
    pub fn id_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.id_prefix = Some(prefix.into());
        self
    }
}

impl TaskListItem {
    /// A task with its title and its status as text.
    pub fn new(title: impl Into<String>, status: impl Into<String>) -> Self {
        Self {
            title: Some(TaskListText {
                text: Some(title.into()),
                ..TaskListText::default()
            }),
            status: Some(TaskListStatus {
                text: Some(status.into()),
                ..TaskListStatus::default()
            }),
            ..Self::default()
        }
    }

    /// Links the task.
    pub fn href(mut self, href: impl Into<String>) -> Self {
        self.href = Some(href.into());
        self
    }

    /// Adds a hint under the title.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(TaskListText {
            text: Some(hint.into()),
            ..TaskListText::default()
        });
        self
    }

    /// Shows the status as this tag.
    pub fn status_tag(mut self, tag: Tag) -> Self {
        self.status = Some(TaskListStatus {
            tag: Some(tag),
            ..TaskListStatus::default()
        });
        self
    }
}

crate::builder::string_setters!(TaskList {
    classes: "Adds classes to the outer element.",
});
crate::builder::attributes_setter!(TaskList);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_count_skipped_entries_as_upstream_does() {
        let list: TaskList = serde_json::from_value(serde_json::json!({
            "items": [null, {"title": {"text": "Pay"}, "href": "/pay", "hint": {"text": "£45"}, "status": {"text": "To do"}}]
        }))
        .unwrap();
        let html = list.render().into_string();
        assert!(html.contains(r#"aria-describedby="task-list-2-hint task-list-2-status""#));
    }
}
