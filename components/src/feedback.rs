//! The feedback component: asks residents to tell the council how the service went.

use crate::attributes::Attributes;
use crate::content::Content;
use crate::de::given;
use crate::escape::escape_into;
use maud::{Markup, Render};
use serde::Deserialize;

/// Parameters of the feedback component: upstream's `govukFeedback` options.
///
/// ```
/// use civic_components::Feedback;
/// use maud::Render;
///
/// let html = Feedback::new("Help us improve this service").html("<p class=\"govuk-body\">Tell us what you think.</p>").render().into_string();
/// assert!(html.contains("govuk-feedback__body"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Feedback {
    /// The title as text.
    #[serde(deserialize_with = "crate::de::string")]
    pub title_text: Option<String>,
    /// The title as trusted HTML; wins over `title_text`.
    #[serde(deserialize_with = "crate::de::string")]
    pub title_html: Option<String>,
    /// Heading level, 1 to 6 (default 2).
    #[serde(deserialize_with = "crate::de::string")]
    pub heading_level: Option<String>,
    /// The body as text, in a paragraph.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// The body as trusted HTML; wins over `text`.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
    /// Extra classes on this element.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra attributes on this element.
    pub attributes: Attributes,
    /// Children given in Rust, in place of the `html`/`text` content (upstream's `caller`).
    #[serde(skip)]
    pub caller: Option<String>,
}

impl Render for Feedback {
    fn render_to(&self, b: &mut String) {
        let level = given(&self.heading_level).unwrap_or("2");
        b.push_str("<div");
        b.push_str(" class=\"govuk-feedback govuk-width-container");
        if let Some(classes) = given(&self.classes) {
            b.push(' ');
            escape_into(b, classes);
        }
        b.push('"');
        self.attributes.render_to(b);
        b.push_str(
            ">\n<div class=\"govuk-grid-row\">\n<div class=\"govuk-grid-column-two-thirds\">\n<h",
        );
        escape_into(b, level);
        b.push_str(" class=\"govuk-feedback__title\">\n");
        if let Some(content) = Content::from_fields(&self.title_text, &self.title_html) {
            content.render_untrimmed_to(b);
        }
        b.push_str("\n</h");
        escape_into(b, level);
        b.push_str(">\n");
        if self.caller.is_some() || Content::from_fields(&self.text, &self.html).is_some() {
            b.push_str("<div class=\"govuk-feedback__body\">\n");
            if let Some(c) = &self.caller {
                b.push_str(c);
            } else if let Some(h) = given(&self.html) {
                b.push_str(h.trim());
            } else if let Some(t) = given(&self.text) {
                b.push_str("<p class=\"govuk-body\">\n");
                escape_into(b, t.trim());
                b.push_str("\n</p>");
            }
            b.push_str("\n</div>\n");
        }
        b.push_str("</div>\n</div>\n</div>");
    }
}

impl Feedback {
    /// A feedback box with this title.
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            title_text: Some(title.into()),
            ..Self::default()
        }
    }

    /// Sets the body as trusted HTML.
    pub fn html(mut self, html: impl Into<String>) -> Self {
        self.html = Some(html.into());
        self
    }

    /// Shows these children as the body.
    pub fn children(mut self, children: Markup) -> Self {
        self.caller = Some(children.0);
        self
    }
}

crate::builder::string_setters!(Feedback {
    classes: "Adds classes to the outer element.",
});
crate::builder::attributes_setter!(Feedback);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn children_are_the_body() {
        let html = Feedback::new("Help us improve")
            .children(maud::html! { p { "Tell us" } })
            .render()
            .into_string();
        assert!(html.contains("<div class=\"govuk-feedback__body\">\n<p>Tell us</p>\n</div>"));
    }
}
