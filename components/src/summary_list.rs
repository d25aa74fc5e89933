//! The [summary list](https://design-system.service.gov.uk/components/summary-list/): pairs of
//! keys and values, often with "Change" links, optionally inside a summary card.

use crate::attributes::Attributes;
use crate::content::Content;
use crate::de::given;
use crate::escape::escape_into;
use maud::Render;
use serde::Deserialize;

/// Parameters of the summary list: upstream's `govukSummaryList` options.
///
/// ```
/// use civic_components::{SummaryList, SummaryListRow};
/// use maud::Render;
///
/// let html = SummaryList::new()
///     .row(SummaryListRow::new("Name", "Sarah Philips").action("/name", "Change", "name"))
///     .render()
///     .into_string();
/// assert!(html.contains("Sarah Philips"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct SummaryList {
    /// The rows; `None` stands for upstream's falsy entries, which are skipped.
    #[serde(deserialize_with = "crate::de::items_with_gaps")]
    pub rows: Vec<Option<SummaryListRow>>,
    /// Wraps the list in a summary card.
    #[serde(deserialize_with = "crate::de::object")]
    pub card: Option<SummaryCard>,
    /// Extra classes on this element.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra attributes on this element.
    pub attributes: Attributes,
}

/// One row: a key, a value and optional actions.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct SummaryListRow {
    /// The key (the question).
    #[serde(deserialize_with = "crate::de::object")]
    pub key: Option<SummaryListCell>,
    /// The value (the answer).
    #[serde(deserialize_with = "crate::de::object")]
    pub value: Option<SummaryListCell>,
    /// Action links for this row.
    #[serde(deserialize_with = "crate::de::object")]
    pub actions: Option<SummaryListActions>,
    /// Extra classes on this element.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
}

/// The key or the value of a row.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct SummaryListCell {
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

/// The actions of a row or of a card.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct SummaryListActions {
    /// `None` when absent; an empty list still counts as "given" (as upstream's `not []` is false).
    #[serde(deserialize_with = "crate::de::object")]
    pub items: Option<Vec<SummaryListAction>>,
    /// Extra classes on this element.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
}

/// One action link, such as "Change".
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct SummaryListAction {
    /// Where the link goes.
    #[serde(deserialize_with = "crate::de::string")]
    pub href: Option<String>,
    /// The content as text.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// The content as trusted HTML; wins over `text`.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
    /// Words after the link text for screen readers, such as the key.
    #[serde(deserialize_with = "crate::de::string")]
    pub visually_hidden_text: Option<String>,
    /// Extra classes on this element.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra attributes on this element.
    pub attributes: Attributes,
}

/// The card around a summary list (upstream's `card` option).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct SummaryCard {
    /// The card title.
    #[serde(deserialize_with = "crate::de::object")]
    pub title: Option<SummaryCardTitle>,
    /// Action links for this row.
    #[serde(deserialize_with = "crate::de::object")]
    pub actions: Option<SummaryListActions>,
    /// Extra classes on this element.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra attributes on this element.
    pub attributes: Attributes,
}

/// The title of a summary card.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct SummaryCardTitle {
    /// The content as text.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// The content as trusted HTML; wins over `text`.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
    /// Heading level of the card title, 1 to 6 (default 2).
    #[serde(deserialize_with = "crate::de::string")]
    pub heading_level: Option<String>,
    /// Extra classes on this element.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
}

fn items(a: &Option<SummaryListActions>) -> &[SummaryListAction] {
    a.as_ref().and_then(|a| a.items.as_deref()).unwrap_or(&[])
}

fn action_link(b: &mut String, action: &SummaryListAction, card_title: Option<&SummaryCardTitle>) {
    b.push_str("<a");
    b.push_str(" class=\"govuk-link");
    if let Some(classes) = given(&action.classes) {
        b.push(' ');
        escape_into(b, classes);
    }
    b.push('"');
    b.push_str(" href=\"");
    escape_into(b, action.href.as_deref().unwrap_or_default());
    b.push('"');
    action.attributes.render_to(b);
    b.push('>');
    if let Some(content) = Content::from_fields(&action.text, &action.html) {
        content.render_untrimmed_to(b);
    }
    let vht = given(&action.visually_hidden_text);
    if vht.is_some() || card_title.is_some() {
        b.push_str("<span class=\"govuk-visually-hidden\">");
        if let Some(v) = vht {
            b.push(' ');
            escape_into(b, v);
        }
        if let Some(t) = card_title {
            b.push_str(" (");
            if let Some(content) = Content::from_fields(&t.text, &t.html) {
                content.render_untrimmed_to(b);
            }
            b.push(')');
        }
        b.push_str("</span>");
    }
    b.push_str("</a>");
}

impl SummaryList {
    fn render_list(&self, b: &mut String) {
        let any_actions = self
            .rows
            .iter()
            .flatten()
            .any(|r| !items(&r.actions).is_empty());
        let card_title = self.card.as_ref().and_then(|c| c.title.as_ref());
        b.push_str("<dl");
        b.push_str(" class=\"govuk-summary-list");
        if let Some(classes) = given(&self.classes) {
            b.push(' ');
            escape_into(b, classes);
        }
        b.push('"');
        self.attributes.render_to(b);
        b.push_str(">\n");
        for row in self.rows.iter().flatten() {
            b.push_str("<div class=\"govuk-summary-list__row");
            if any_actions
                && row
                    .actions
                    .as_ref()
                    .and_then(|a| a.items.as_ref())
                    .is_none()
            {
                b.push_str(" govuk-summary-list__row--no-actions");
            }
            if let Some(c) = given(&row.classes) {
                b.push(' ');
                escape_into(b, c);
            }
            b.push_str("\">\n<dt");
            let none = SummaryListCell::default();
            let key = row.key.as_ref().unwrap_or(&none);
            b.push_str(" class=\"govuk-summary-list__key");
            if let Some(classes) = given(&key.classes) {
                b.push(' ');
                escape_into(b, classes);
            }
            b.push('"');
            b.push_str(">\n");
            if let Some(content) = Content::from_fields(&key.text, &key.html) {
                content.render_to(b);
            }
            b.push_str("\n</dt>\n<dd");
            let value = row.value.as_ref().unwrap_or(&none);
            b.push_str(" class=\"govuk-summary-list__value");
            if let Some(classes) = given(&value.classes) {
                b.push(' ');
                escape_into(b, classes);
            }
            b.push('"');
            b.push_str(">\n");
            if let Some(content) = Content::from_fields(&value.text, &value.html) {
                content.render_to(b);
            }
            b.push_str("\n</dd>\n");
            let actions = items(&row.actions);
            if !actions.is_empty() {
                b.push_str("<dd");
                b.push_str(" class=\"govuk-summary-list__actions");
                if let Some(classes) = row.actions.as_ref().and_then(|a| given(&a.classes)) {
                    b.push(' ');
                    escape_into(b, classes);
                }
                b.push('"');
                b.push_str(">\n");
                if let [only] = actions {
                    action_link(b, only, card_title);
                    b.push('\n');
                } else {
                    b.push_str("<ul class=\"govuk-summary-list__actions-list\">\n");
                    for action in actions {
                        b.push_str("<li class=\"govuk-summary-list__actions-list-item\">\n");
                        action_link(b, action, card_title);
                        b.push_str("\n</li>\n");
                    }
                    b.push_str("</ul>\n");
                }
                b.push_str("</dd>\n");
            }
            b.push_str("</div>\n");
        }
        b.push_str("</dl>");
    }
}

impl Render for SummaryList {
    fn render_to(&self, b: &mut String) {
        let Some(card) = &self.card else {
            return self.render_list(b);
        };
        b.push_str("<div");
        b.push_str(" class=\"govuk-summary-card");
        if let Some(classes) = given(&card.classes) {
            b.push(' ');
            escape_into(b, classes);
        }
        b.push('"');
        card.attributes.render_to(b);
        b.push_str(">\n<div class=\"govuk-summary-card__title-wrapper\">\n");
        if let Some(title) = &card.title {
            let level = given(&title.heading_level).unwrap_or("2");
            b.push_str("<h");
            escape_into(b, level);
            b.push_str(" class=\"govuk-summary-card__title");
            if let Some(classes) = given(&title.classes) {
                b.push(' ');
                escape_into(b, classes);
            }
            b.push('"');
            b.push_str(">\n");
            if let Some(content) = Content::from_fields(&title.text, &title.html) {
                content.render_to(b);
            }
            b.push_str("\n</h");
            escape_into(b, level);
            b.push_str(">\n");
        }
        let actions = items(&card.actions);
        let classes = card.actions.as_ref().and_then(|a| given(&a.classes));
        if let [only] = actions {
            b.push_str("<div");
            b.push_str(" class=\"govuk-summary-card__actions");
            if let Some(classes) = classes {
                b.push(' ');
                escape_into(b, classes);
            }
            b.push('"');
            b.push_str(">\n");
            action_link(b, only, card.title.as_ref());
            b.push_str("\n</div>\n");
        } else if !actions.is_empty() {
            b.push_str("<ul");
            b.push_str(" class=\"govuk-summary-card__actions");
            if let Some(classes) = classes {
                b.push(' ');
                escape_into(b, classes);
            }
            b.push('"');
            b.push_str(">\n");
            for action in actions {
                b.push_str("<li class=\"govuk-summary-card__action\">\n");
                action_link(b, action, card.title.as_ref());
                b.push_str("\n</li>\n");
            }
            b.push_str("</ul>\n");
        }
        b.push_str("</div>\n<div class=\"govuk-summary-card__content\">\n");
        self.render_list(b);
        b.push_str("\n</div>\n</div>");
    }
}

impl SummaryList {
    /// An empty summary list.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a row.
    pub fn row(mut self, row: SummaryListRow) -> Self {
        self.rows.push(Some(row));
        self
    }

    /// Wraps the list in a summary card.
    pub fn card(mut self, card: SummaryCard) -> Self {
        self.card = Some(card);
        self
    }

    /// Adds classes to the list, such as `govuk-summary-list--no-border`.
    pub fn classes(mut self, classes: impl Into<String>) -> Self {
        self.classes = Some(classes.into());
        self
    }
}

impl SummaryListRow {
    /// A row with a key and a value, both text.
    pub fn new(key: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            key: Some(SummaryListCell::text(key)),
            value: Some(SummaryListCell::text(value)),
            ..Self::default()
        }
    }

    /// Replaces the value with trusted HTML.
    pub fn value_html(mut self, html: impl Into<String>) -> Self {
        self.value = Some(SummaryListCell::html(html));
        self
    }

    /// Adds an action link; `visually_hidden` completes the link text for screen readers.
    pub fn action(
        mut self,
        href: impl Into<String>,
        text: impl Into<String>,
        visually_hidden: impl Into<String>,
    ) -> Self {
        self.actions
            .get_or_insert_with(SummaryListActions::default)
            .items
            .get_or_insert_with(Vec::new)
            .push(SummaryListAction::new(href, text).visually_hidden_text(visually_hidden));
        self
    }
}

impl SummaryListCell {
    /// A key or value given as text.
    pub fn text(text: impl Into<String>) -> Self {
        Self {
            text: Some(text.into()),
            ..Self::default()
        }
    }

    /// A key or value given as trusted HTML.
    pub fn html(html: impl Into<String>) -> Self {
        Self {
            html: Some(html.into()),
            ..Self::default()
        }
    }
}

impl SummaryListAction {
    /// An action link.
    pub fn new(href: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            href: Some(href.into()),
            text: Some(text.into()),
            ..Self::default()
        }
    }

    /// Words after the link text for screen readers.
    pub fn visually_hidden_text(mut self, text: impl Into<String>) -> Self {
        self.visually_hidden_text = Some(text.into());
        self
    }
}

impl SummaryCard {
    /// A card with this title.
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            title: Some(SummaryCardTitle {
                text: Some(title.into()),
                ..SummaryCardTitle::default()
            }),
            ..Self::default()
        }
    }

    /// Adds an action link to the card's title bar.
    pub fn action(mut self, href: impl Into<String>, text: impl Into<String>) -> Self {
        self.actions
            .get_or_insert_with(SummaryListActions::default)
            .items
            .get_or_insert_with(Vec::new)
            .push(SummaryListAction::new(href, text));
        self
    }
}

crate::builder::attributes_setter!(SummaryList);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_without_actions_are_marked_when_others_have_them() {
        let html = SummaryList::new()
            .row(SummaryListRow::new("Name", "Sam").action("/name", "Change", "name"))
            .row(SummaryListRow::new("Email", "sam@example.com"))
            .render()
            .into_string();
        assert_eq!(
            html.matches("govuk-summary-list__row--no-actions").count(),
            1
        );
        assert!(html.contains(r#"<span class="govuk-visually-hidden"> name</span>"#));
    }

    #[test]
    fn card_title_completes_the_hidden_action_text() {
        let html = SummaryList::new()
            .card(SummaryCard::new("Garden waste"))
            .row(SummaryListRow::new("Bins", "2").action("/bins", "Change", "bins"))
            .render()
            .into_string();
        assert!(html.starts_with("<div class=\"govuk-summary-card\""));
        assert!(html.contains("> bins (Garden waste)</span>"));
    }
}
