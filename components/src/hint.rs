//! The [hint](https://design-system.service.gov.uk/components/hint/) under a label or legend.

use maud::{Markup, Render};
use serde::Deserialize;

use crate::attributes::Attributes;
use crate::content::Content;
use crate::element::open;

/// Hint text: `govukHint` options.
///
/// ```
/// use civic_components::Hint;
/// let hint = Hint::text("For example, 27 3 2007").id("dob-hint");
/// assert!(maud::Render::render(&hint).into_string().starts_with(r#"<div id="dob-hint" class="govuk-hint">"#));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct Hint {
    /// Plain text of the hint; ignored when `html` is set.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// Trusted markup of the hint.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
    /// The `id`, which the field's `aria-describedby` points at.
    #[serde(deserialize_with = "crate::de::string")]
    pub id: Option<String>,
    /// Extra classes.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra HTML attributes.
    pub attributes: Attributes,
}

impl Hint {
    /// A hint of plain text.
    pub fn text(text: impl Into<String>) -> Self {
        Hint {
            text: Some(text.into()),
            ..Hint::default()
        }
    }

    /// A hint of trusted markup.
    pub fn html(html: Markup) -> Self {
        Hint {
            html: Some(html.0),
            ..Hint::default()
        }
    }

    /// Sets the `id`.
    pub fn id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// Adds classes.
    pub fn classes(mut self, classes: impl Into<String>) -> Self {
        self.classes = Some(classes.into());
        self
    }

    /// Sets extra HTML attributes.
    pub fn attributes(mut self, attributes: Attributes) -> Self {
        self.attributes = attributes;
        self
    }
}

impl Render for Hint {
    fn render_to(&self, out: &mut String) {
        let out = open(out, "div")
            .attr_if("id", self.id.as_deref())
            .class("govuk-hint", self.classes.as_deref())
            .attrs(&self.attributes)
            .end();
        out.push_str("\n  ");
        if let Some(content) = Content::from_fields(&self.text, &self.html) {
            content.render_to(out);
        }
        out.push_str("\n</div>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_text_with_id_and_classes() {
        let html = Hint::text("Rhys's hint")
            .id("h")
            .classes("app-x")
            .render()
            .into_string();
        assert_eq!(
            html,
            "<div id=\"h\" class=\"govuk-hint app-x\">\n  Rhys&#39;s hint\n</div>"
        );
    }
}
