//! The [label](https://design-system.service.gov.uk/styles/typography/) of a form field.

use maud::{Markup, Render};
use serde::Deserialize;

use crate::attributes::Attributes;
use crate::builder::{attributes_setter, string_setters};
use crate::content::Content;
use crate::element::open;

/// A field's label: `govukLabel` options. Renders nothing without text or html.
///
/// ```
/// use civic_components::Label;
/// let label = Label::text("Full name").for_id("name").page_heading(true);
/// assert!(maud::Render::render(&label).into_string().starts_with(r#"<h1 class="govuk-label-wrapper">"#));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct Label {
    /// Plain text; ignored when `html` is set.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// Trusted markup.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
    /// The `id` of the field this labels.
    #[serde(rename = "for", deserialize_with = "crate::de::string")]
    pub for_id: Option<String>,
    /// Wraps the label in an `<h1>` when it is the page's heading.
    #[serde(deserialize_with = "crate::de::truthy")]
    pub is_page_heading: bool,
    /// Extra classes.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra HTML attributes.
    pub attributes: Attributes,
}

impl Label {
    /// A label of plain text.
    pub fn text(text: impl Into<String>) -> Self {
        Label {
            text: Some(text.into()),
            ..Label::default()
        }
    }

    /// A label of trusted markup.
    pub fn html(html: Markup) -> Self {
        Label {
            html: Some(html.0),
            ..Label::default()
        }
    }

    /// Makes the label the page's `<h1>`.
    pub fn page_heading(mut self, on: bool) -> Self {
        self.is_page_heading = on;
        self
    }
}

string_setters!(Label {
    for_id: "Sets the `for` attribute: the field's `id`.",
    classes: "Adds classes."
});
attributes_setter!(Label);

impl Render for Label {
    fn render_to(&self, out: &mut String) {
        let Some(content) = Content::from_fields(&self.text, &self.html) else {
            return;
        };
        if self.is_page_heading {
            out.push_str("<h1 class=\"govuk-label-wrapper\">\n  ");
        }
        let out = open(out, "label")
            .class("govuk-label", self.classes.as_deref())
            .attrs(&self.attributes)
            .attr_if("for", self.for_id.as_deref())
            .end();
        out.push_str("\n  ");
        content.render_to(out);
        out.push_str("\n</label>");
        if self.is_page_heading {
            out.push_str("\n</h1>");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_nothing_without_content() {
        assert_eq!(Label::default().render().into_string(), "");
    }

    #[test]
    fn renders_for_and_text() {
        let html = Label::text("Name").for_id("n").render().into_string();
        assert_eq!(
            html,
            "<label class=\"govuk-label\" for=\"n\">\n  Name\n</label>"
        );
    }
}
