//! The [tag](https://design-system.service.gov.uk/components/tag/) showing a status.

use maud::{Markup, Render};
use serde::Deserialize;

use crate::attributes::Attributes;
use crate::builder::{attributes_setter, string_setters};
use crate::content::Content;
use crate::element::open;

/// A status tag: `govukTag` options.
///
/// ```
/// use civic_components::Tag;
/// let html = maud::Render::render(&Tag::text("Completed").classes("govuk-tag--green")).into_string();
/// assert_eq!(html, "<strong class=\"govuk-tag govuk-tag--green\">\n  Completed\n</strong>");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct Tag {
    /// Plain text; ignored when `html` is set.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// Trusted markup.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
    /// Extra classes (a colour such as `govuk-tag--green`).
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra HTML attributes.
    pub attributes: Attributes,
}

impl Tag {
    /// A tag of plain text.
    pub fn text(text: impl Into<String>) -> Self {
        Tag {
            text: Some(text.into()),
            ..Tag::default()
        }
    }

    /// A tag of trusted markup.
    pub fn html(html: Markup) -> Self {
        Tag {
            html: Some(html.0),
            ..Tag::default()
        }
    }
}

string_setters!(Tag {
    classes: "Adds classes."
});
attributes_setter!(Tag);

impl Render for Tag {
    fn render_to(&self, out: &mut String) {
        let out = open(out, "strong")
            .class("govuk-tag", self.classes.as_deref())
            .attrs(&self.attributes)
            .end();
        out.push_str("\n  ");
        if let Some(content) = Content::from_fields(&self.text, &self.html) {
            content.render_to(out);
        }
        out.push_str("\n</strong>");
    }
}
