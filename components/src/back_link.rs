//! The [back link](https://design-system.service.gov.uk/components/back-link/).

use maud::{Markup, Render};
use serde::Deserialize;

use crate::attributes::Attributes;
use crate::builder::{attributes_setter, string_setters};
use crate::content::Content;
use crate::element::open;
use crate::escape::escape_into;

/// The link text when none is given (upstream's default; Welsh "Yn ôl").
const DEFAULT_TEXT: &str = "Back";

/// A link back to the previous page: `govukBackLink` options.
///
/// ```
/// use civic_components::BackLink;
/// let html = maud::Render::render(&BackLink::new().href("/start")).into_string();
/// assert_eq!(html, r#"<a href="/start" class="govuk-back-link">Back</a>"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct BackLink {
    /// Plain text ("Back" when empty); ignored when `html` is set.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// Trusted markup.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
    /// Where the link goes (`#` when empty).
    #[serde(deserialize_with = "crate::de::string")]
    pub href: Option<String>,
    /// Extra classes.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra HTML attributes.
    pub attributes: Attributes,
}

impl BackLink {
    /// A back link with the default text.
    pub fn new() -> Self {
        BackLink::default()
    }

    /// Sets trusted markup as the link's content.
    pub fn html(mut self, html: Markup) -> Self {
        self.html = Some(html.0);
        self
    }
}

string_setters!(BackLink {
    text: "Sets the link text.",
    href: "Sets where the link goes.",
    classes: "Adds classes."
});
attributes_setter!(BackLink);

impl Render for BackLink {
    fn render_to(&self, out: &mut String) {
        let href = self
            .href
            .as_deref()
            .filter(|h| !h.is_empty())
            .unwrap_or("#");
        let out = open(out, "a")
            .attr("href", href)
            .class("govuk-back-link", self.classes.as_deref())
            .attrs(&self.attributes)
            .end();
        match Content::from_fields(&self.text, &self.html) {
            Some(content) => content.render_untrimmed_to(out),
            None => escape_into(out, DEFAULT_TEXT),
        }
        out.push_str("</a>");
    }
}
