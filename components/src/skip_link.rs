//! The [skip link](https://design-system.service.gov.uk/components/skip-link/) to the main content.

use maud::{Markup, Render};
use serde::Deserialize;

use crate::attributes::Attributes;
use crate::builder::{attributes_setter, string_setters};
use crate::content::Content;
use crate::element::open;

/// A link past the header to the main content: `govukSkipLink` options.
///
/// ```
/// use civic_components::SkipLink;
/// let html = maud::Render::render(&SkipLink::text("Skip to main content")).into_string();
/// assert_eq!(html, r##"<a href="#content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>"##);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct SkipLink {
    /// Plain text; ignored when `html` is set.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// Trusted markup.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
    /// The fragment to skip to (`#content` when empty).
    #[serde(deserialize_with = "crate::de::string")]
    pub href: Option<String>,
    /// Extra classes.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra HTML attributes.
    pub attributes: Attributes,
}

impl SkipLink {
    /// A skip link of plain text.
    pub fn text(text: impl Into<String>) -> Self {
        SkipLink {
            text: Some(text.into()),
            ..SkipLink::default()
        }
    }

    /// A skip link of trusted markup.
    pub fn html(html: Markup) -> Self {
        SkipLink {
            html: Some(html.0),
            ..SkipLink::default()
        }
    }
}

string_setters!(SkipLink {
    href: "Sets the fragment to skip to.",
    classes: "Adds classes."
});
attributes_setter!(SkipLink);

impl Render for SkipLink {
    fn render_to(&self, out: &mut String) {
        let href = self
            .href
            .as_deref()
            .filter(|h| !h.is_empty())
            .unwrap_or("#content");
        let out = open(out, "a")
            .attr("href", href)
            .class("govuk-skip-link", self.classes.as_deref())
            .attrs(&self.attributes)
            .raw(" data-module=\"govuk-skip-link\"")
            .end();
        if let Some(content) = Content::from_fields(&self.text, &self.html) {
            content.render_untrimmed_to(out);
        }
        out.push_str("</a>");
    }
}
