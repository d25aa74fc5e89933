//! The [error message](https://design-system.service.gov.uk/components/error-message/) shown by a field.

use maud::{Markup, Render};
use serde::Deserialize;

use crate::attributes::Attributes;
use crate::builder::{attributes_setter, string_setters};
use crate::content::Content;
use crate::element::open;
use crate::escape::escape_into;

/// The prefix read out before the message when none is given (upstream's default).
const DEFAULT_PREFIX: &str = "Error";

fn default_prefix() -> Option<String> {
    Some(DEFAULT_PREFIX.to_owned())
}

/// A field's error message: `govukErrorMessage` options.
///
/// ```
/// use civic_components::ErrorMessage;
/// let html = maud::Render::render(&ErrorMessage::text("Enter your full name").id("name-error")).into_string();
/// assert!(html.contains(r#"<span class="govuk-visually-hidden">Error:</span> Enter your full name"#));
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct ErrorMessage {
    /// Plain text; ignored when `html` is set.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// Trusted markup.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
    /// The `id`, which the field's `aria-describedby` points at.
    #[serde(deserialize_with = "crate::de::string")]
    pub id: Option<String>,
    /// Visually hidden prefix ("Error"); `false` or `""` leaves it out. Welsh: "Gwall".
    #[serde(default = "default_prefix", deserialize_with = "crate::de::string")]
    pub visually_hidden_text: Option<String>,
    /// Extra classes.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra HTML attributes.
    pub attributes: Attributes,
}

impl Default for ErrorMessage {
    fn default() -> Self {
        ErrorMessage {
            text: None,
            html: None,
            id: None,
            visually_hidden_text: default_prefix(),
            classes: None,
            attributes: Attributes::new(),
        }
    }
}

impl ErrorMessage {
    /// An error message of plain text.
    pub fn text(text: impl Into<String>) -> Self {
        ErrorMessage {
            text: Some(text.into()),
            ..ErrorMessage::default()
        }
    }

    /// An error message of trusted markup.
    pub fn html(html: Markup) -> Self {
        ErrorMessage {
            html: Some(html.0),
            ..ErrorMessage::default()
        }
    }

    /// Leaves out the visually hidden prefix.
    pub fn without_prefix(mut self) -> Self {
        self.visually_hidden_text = None;
        self
    }
}

string_setters!(ErrorMessage {
    id: "Sets the `id`.",
    visually_hidden_text: "Sets the visually hidden prefix (\"Gwall\" in Welsh).",
    classes: "Adds classes.",
});
attributes_setter!(ErrorMessage);

impl Render for ErrorMessage {
    fn render_to(&self, out: &mut String) {
        let out = open(out, "p")
            .attr_if("id", self.id.as_deref())
            .class("govuk-error-message", self.classes.as_deref())
            .attrs(&self.attributes)
            .end();
        out.push_str("\n  ");
        if let Some(prefix) = self
            .visually_hidden_text
            .as_deref()
            .filter(|p| !p.is_empty())
        {
            out.push_str("<span class=\"govuk-visually-hidden\">");
            escape_into(out, prefix);
            out.push_str(":</span> ");
        }
        if let Some(content) = Content::from_fields(&self.text, &self.html) {
            content.render_to(out);
        }
        out.push_str("\n</p>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_false_prefix_is_left_out() {
        let parsed: ErrorMessage =
            serde_json::from_value(serde_json::json!({ "text": "x", "visuallyHiddenText": false }))
                .unwrap();
        assert_eq!(
            parsed.render().into_string(),
            "<p class=\"govuk-error-message\">\n  x\n</p>"
        );
        let parsed: ErrorMessage =
            serde_json::from_value(serde_json::json!({ "text": "x" })).unwrap();
        assert!(parsed.render().into_string().contains("Error:</span> x"));
    }
}
