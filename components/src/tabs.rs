//! [Tabs](https://design-system.service.gov.uk/components/tabs/): panels of related content,
//! one shown at a time (all shown, one after another, without JavaScript).

use crate::attributes::Attributes;
use crate::de::given;
use crate::escape::escape_into;
use crate::i18n::{Language, Text};
use maud::Render;
use serde::Deserialize;

/// Parameters of the tabs: upstream's `govukTabs` options.
///
/// ```
/// use civic_components::Tabs;
/// use maud::Render;
///
/// let html = Tabs::new().tab("This week", "this-week", "<p>Blue bin</p>").render().into_string();
/// assert!(html.contains(r##"href="#this-week""##));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Tabs {
    /// The tabs; `None` stands for a falsy entry, which is skipped but still counted in ids.
    #[serde(deserialize_with = "crate::de::items_with_gaps")]
    pub items: Vec<Option<TabsItem>>,
    /// The id (of the component, or of the tab's panel).
    #[serde(deserialize_with = "crate::de::string")]
    pub id: Option<String>,
    /// Prefix of panel ids for tabs without an `id`.
    #[serde(deserialize_with = "crate::de::string")]
    pub id_prefix: Option<String>,
    /// The heading shown without JavaScript (default "Contents").
    #[serde(deserialize_with = "crate::de::string")]
    pub title: Option<String>,
    /// Extra classes on this element.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra attributes on this element.
    pub attributes: Attributes,
    /// The language of built-in texts, when the options do not set them.
    #[serde(skip)]
    pub language: Language,
}

/// One tab and its panel.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct TabsItem {
    /// The id (of the component, or of the tab's panel).
    #[serde(deserialize_with = "crate::de::string")]
    pub id: Option<String>,
    /// The tab's label.
    #[serde(deserialize_with = "crate::de::string")]
    pub label: Option<String>,
    /// The tab's panel.
    #[serde(deserialize_with = "crate::de::object")]
    pub panel: Option<TabsPanel>,
    /// Extra attributes on this element.
    pub attributes: Attributes,
}

/// The content of a tab.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct TabsPanel {
    /// The panel as text, in a paragraph.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// The content as trusted HTML; wins over `text`.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
    /// Extra attributes on this element.
    pub attributes: Attributes,
}

impl Tabs {
    fn panel_id(&self, b: &mut String, item: &TabsItem, index: usize) {
        match given(&item.id) {
            Some(id) => escape_into(b, id),
            None => {
                // Upstream concatenates an unset prefix as JavaScript would.
                escape_into(b, given(&self.id_prefix).unwrap_or("undefined"));
                b.push('-');
                b.push_str(&index.to_string());
            }
        }
    }
}

impl Render for Tabs {
    fn render_to(&self, b: &mut String) {
        b.push_str("<div");
        if let Some(id) = given(&self.id) {
            b.push_str(" id=\"");
            escape_into(b, id);
            b.push('"');
        }
        b.push_str(" class=\"govuk-tabs");
        if let Some(classes) = given(&self.classes) {
            b.push(' ');
            escape_into(b, classes);
        }
        b.push('"');
        self.attributes.render_to(b);
        b.push_str(" data-module=\"govuk-tabs\">\n<h2 class=\"govuk-tabs__title\">\n");
        escape_into(
            b,
            self.title
                .as_deref()
                .unwrap_or(self.language.text(Text::Contents)),
        );
        b.push_str("\n</h2>\n");
        if !self.items.is_empty() {
            b.push_str("<ul class=\"govuk-tabs__list\">\n");
            for (i, item) in self.items.iter().enumerate() {
                let Some(item) = item else { continue };
                b.push_str("<li class=\"govuk-tabs__list-item");
                if i == 0 {
                    b.push_str(" govuk-tabs__list-item--selected");
                }
                b.push_str("\">\n<a class=\"govuk-tabs__tab\" href=\"#");
                self.panel_id(b, item, i + 1);
                b.push('"');
                item.attributes.render_to(b);
                b.push_str(">\n");
                escape_into(b, item.label.as_deref().unwrap_or_default());
                b.push_str("\n</a>\n</li>\n");
            }
            b.push_str("</ul>\n");
            let none = TabsPanel::default();
            for (i, item) in self.items.iter().enumerate() {
                let Some(item) = item else { continue };
                let panel = item.panel.as_ref().unwrap_or(&none);
                b.push_str("<div class=\"govuk-tabs__panel");
                if i > 0 {
                    b.push_str(" govuk-tabs__panel--hidden");
                }
                b.push_str("\" id=\"");
                self.panel_id(b, item, i + 1);
                b.push('"');
                panel.attributes.render_to(b);
                b.push_str(">\n");
                if let Some(h) = given(&panel.html) {
                    b.push_str(h.trim());
                    b.push('\n');
                } else if let Some(t) = given(&panel.text) {
                    b.push_str("<p class=\"govuk-body\">");
                    escape_into(b, t);
                    b.push_str("</p>\n");
                }
                b.push_str("</div>\n");
            }
        }
        b.push_str("</div>");
    }
}

impl Tabs {
    /// No tabs yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a tab whose panel is trusted HTML.
    pub fn tab(
        mut self,
        label: impl Into<String>,
        id: impl Into<String>,
        panel_html: impl Into<String>,
    ) -> Self {
        self.items.push(Some(TabsItem {
            label: Some(label.into()),
            id: Some(id.into()),
            panel: Some(TabsPanel {
                html: Some(panel_html.into()),
                ..TabsPanel::default()
            }),
            ..TabsItem::default()
        }));
        self
    }

    /// Chooses the language of the built-in texts.
    pub fn language(mut self, language: Language) -> Self {
        self.language = language;
        self
    }
}

crate::builder::string_setters!(Tabs {
    classes: "Adds classes to the outer element.",
});
crate::builder::attributes_setter!(Tabs);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_tab_is_selected_and_other_panels_hidden() {
        let html = Tabs::new()
            .tab("One", "one", "<p>1</p>")
            .tab("Two", "two", "<p>2</p>")
            .render()
            .into_string();
        assert_eq!(html.matches("govuk-tabs__list-item--selected").count(), 1);
        assert!(
            html.contains(r#"<div class="govuk-tabs__panel govuk-tabs__panel--hidden" id="two">"#)
        );
    }
}
