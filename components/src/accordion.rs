//! The [accordion](https://design-system.service.gov.uk/components/accordion/): sections that
//! open and close (all open without JavaScript).

use crate::attributes::Attributes;
use crate::content::Content;
use crate::de::given;
use crate::escape::escape_into;
use crate::i18n::{Language, Text};
use maud::Render;
use serde::Deserialize;

/// Parameters of the accordion: upstream's `govukAccordion` options.
///
/// ```
/// use civic_components::Accordion;
/// use maud::Render;
///
/// let html = Accordion::new("bins").section("Blue bin", "<p>Paper and card</p>").render().into_string();
/// assert!(html.contains(r#"id="bins-heading-1""#));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Accordion {
    /// The id, unique on the page; section ids are built from it.
    #[serde(deserialize_with = "crate::de::string")]
    pub id: Option<String>,
    /// The sections; `None` stands for a falsy entry, which is skipped but still counted in ids.
    #[serde(deserialize_with = "crate::de::items_with_gaps")]
    pub items: Vec<Option<AccordionItem>>,
    /// Heading level of the section headings, 1 to 6 (default 2).
    #[serde(deserialize_with = "crate::de::string")]
    pub heading_level: Option<String>,
    /// `rememberExpanded`: whether the script remembers open sections (`data-remember-expanded`).
    #[serde(deserialize_with = "crate::de::optional_truthy")]
    pub remember_expanded: Option<bool>,
    /// The script's "Hide all sections" text.
    #[serde(deserialize_with = "crate::de::string")]
    pub hide_all_sections_text: Option<String>,
    /// The script's "Hide" text.
    #[serde(deserialize_with = "crate::de::string")]
    pub hide_section_text: Option<String>,
    /// The script's "Hide this section" label.
    #[serde(deserialize_with = "crate::de::string")]
    pub hide_section_aria_label_text: Option<String>,
    /// The script's "Show all sections" text.
    #[serde(deserialize_with = "crate::de::string")]
    pub show_all_sections_text: Option<String>,
    /// The script's "Show" text.
    #[serde(deserialize_with = "crate::de::string")]
    pub show_section_text: Option<String>,
    /// The script's "Show this section" label.
    #[serde(deserialize_with = "crate::de::string")]
    pub show_section_aria_label_text: Option<String>,
    /// Extra classes on this element.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra attributes on this element.
    pub attributes: Attributes,
    /// The language of built-in texts, when the options do not set them.
    #[serde(skip)]
    pub language: Language,
}

/// One section.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct AccordionItem {
    /// The section heading.
    #[serde(deserialize_with = "crate::de::object")]
    pub heading: Option<AccordionText>,
    /// A line under the heading.
    #[serde(deserialize_with = "crate::de::object")]
    pub summary: Option<AccordionText>,
    /// The section content.
    #[serde(deserialize_with = "crate::de::object")]
    pub content: Option<AccordionText>,
    /// Opens the section when the page loads.
    #[serde(deserialize_with = "crate::de::truthy")]
    pub expanded: bool,
}

/// Text or trusted HTML.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct AccordionText {
    /// The content as text.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// The content as trusted HTML; wins over `text`.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
}

impl Render for Accordion {
    fn render_to(&self, b: &mut String) {
        let id = self.id.as_deref().unwrap_or_default();
        let level = given(&self.heading_level).unwrap_or("2");
        b.push_str("<div");
        b.push_str(" class=\"govuk-accordion");
        if let Some(classes) = given(&self.classes) {
            b.push(' ');
            escape_into(b, classes);
        }
        b.push('"');
        b.push_str(" data-module=\"govuk-accordion\" id=\"");
        escape_into(b, id);
        b.push('"');
        // The script's texts are English; a Welsh page passes its own unless the options did.
        let welsh = self.language == Language::Welsh;
        for (key, v, text) in [
            (
                "hide-all-sections",
                &self.hide_all_sections_text,
                Text::HideAllSections,
            ),
            ("hide-section", &self.hide_section_text, Text::HideSection),
            (
                "hide-section-aria-label",
                &self.hide_section_aria_label_text,
                Text::HideSectionAriaLabel,
            ),
            (
                "show-all-sections",
                &self.show_all_sections_text,
                Text::ShowAllSections,
            ),
            ("show-section", &self.show_section_text, Text::ShowSection),
            (
                "show-section-aria-label",
                &self.show_section_aria_label_text,
                Text::ShowSectionAriaLabel,
            ),
        ] {
            if let Some(v) = given(v).or(welsh.then(|| self.language.text(text))) {
                b.push_str(" data-i18n.");
                b.push_str(key);
                b.push_str("=\"");
                escape_into(b, v);
                b.push('"');
            }
        }
        if let Some(v) = &self.remember_expanded {
            b.push_str(" data-remember-expanded=\"");
            b.push_str(if *v { "true" } else { "false" });
            b.push('"');
        }
        self.attributes.render_to(b);
        b.push_str(">\n");
        let none = AccordionText::default();
        for (i, item) in self.items.iter().enumerate() {
            let Some(item) = item else { continue };
            let index = (i + 1).to_string();
            let heading = item.heading.as_ref().unwrap_or(&none);
            b.push_str("<div class=\"govuk-accordion__section");
            if item.expanded {
                b.push_str(" govuk-accordion__section--expanded");
            }
            b.push_str("\">\n<div class=\"govuk-accordion__section-header\">\n<h");
            escape_into(b, level);
            b.push_str(" class=\"govuk-accordion__section-heading\">\n<span class=\"govuk-accordion__section-button\" id=\"");
            escape_into(b, id);
            b.push_str("-heading-");
            b.push_str(&index);
            b.push_str("\">\n");
            if let Some(content) = Content::from_fields(&heading.text, &heading.html) {
                content.render_to(b);
            }
            b.push_str("\n</span>\n</h");
            escape_into(b, level);
            b.push_str(">\n");
            if let Some(s) = item
                .summary
                .as_ref()
                .filter(|s| Content::from_fields(&s.text, &s.html).is_some())
            {
                b.push_str("<div class=\"govuk-accordion__section-summary govuk-body\" id=\"");
                escape_into(b, id);
                b.push_str("-summary-");
                b.push_str(&index);
                b.push_str("\">\n");
                if let Some(content) = Content::from_fields(&s.text, &s.html) {
                    content.render_to(b);
                }
                b.push_str("\n</div>\n");
            }
            b.push_str("</div>\n<div id=\"");
            escape_into(b, id);
            b.push_str("-content-");
            b.push_str(&index);
            b.push_str("\" class=\"govuk-accordion__section-content\">\n");
            let content = item.content.as_ref().unwrap_or(&none);
            if let Some(h) = given(&content.html) {
                b.push_str(h.trim());
                b.push('\n');
            } else if let Some(t) = given(&content.text) {
                b.push_str("<p class=\"govuk-body\">\n");
                escape_into(b, t.trim());
                b.push_str("\n</p>\n");
            }
            b.push_str("</div>\n</div>\n");
        }
        b.push_str("</div>");
    }
}

impl Accordion {
    /// An accordion; `id` must be unique on the page (the script remembers open sections by it).
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: Some(id.into()),
            ..Self::default()
        }
    }

    /// Adds a section whose content is trusted HTML.
    pub fn section(mut self, heading: impl Into<String>, content_html: impl Into<String>) -> Self {
        self.items.push(Some(AccordionItem {
            heading: Some(AccordionText {
                text: Some(heading.into()),
                html: None,
            }),
            content: Some(AccordionText {
                html: Some(content_html.into()),
                text: None,
            }),
            ..AccordionItem::default()
        }));
        self
    }

    /// Chooses the language of the built-in texts.
    pub fn language(mut self, language: Language) -> Self {
        self.language = language;
        self
    }
}

crate::builder::string_setters!(Accordion {
    classes: "Adds classes to the outer element.",
});
crate::builder::attributes_setter!(Accordion);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn welsh_page_passes_welsh_texts_to_the_script() {
        let html = Accordion::new("a")
            .section("Un", "<p>1</p>")
            .language(Language::Welsh)
            .render()
            .into_string();
        assert!(html.contains(r#"data-i18n.show-all-sections="Dangos pob adran""#));
        assert!(html.contains(r#"id="a-content-1""#));
    }
}
