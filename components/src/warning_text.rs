//! [Warning text](https://design-system.service.gov.uk/components/warning-text/).

use maud::{Markup, Render};
use serde::Deserialize;

use crate::attributes::Attributes;
use crate::builder::{attributes_setter, string_setters};
use crate::content::Content;
use crate::element::open;
use crate::escape::escape_into;

/// What screen readers hear for the icon when none is given (upstream's default; Welsh "Rhybudd").
const DEFAULT_ICON_FALLBACK: &str = "Warning";

/// A warning: `govukWarningText` options.
///
/// ```
/// use civic_components::WarningText;
/// let html = maud::Render::render(&WarningText::text("You can be fined up to £5,000")).into_string();
/// assert!(html.contains(r#"<span class="govuk-visually-hidden">Warning</span>"#));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct WarningText {
    /// Plain text; ignored when `html` is set.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// Trusted markup.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
    /// Visually hidden text for the icon ("Warning" when empty).
    #[serde(deserialize_with = "crate::de::string")]
    pub icon_fallback_text: Option<String>,
    /// Extra classes.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra HTML attributes.
    pub attributes: Attributes,
}

impl WarningText {
    /// A warning of plain text.
    pub fn text(text: impl Into<String>) -> Self {
        WarningText {
            text: Some(text.into()),
            ..WarningText::default()
        }
    }

    /// A warning of trusted markup.
    pub fn html(html: Markup) -> Self {
        WarningText {
            html: Some(html.0),
            ..WarningText::default()
        }
    }
}

string_setters!(WarningText {
    icon_fallback_text: "Sets the icon's hidden text.",
    classes: "Adds classes."
});
attributes_setter!(WarningText);

impl Render for WarningText {
    fn render_to(&self, out: &mut String) {
        let out = open(out, "div")
            .class("govuk-warning-text", self.classes.as_deref())
            .attrs(&self.attributes)
            .end();
        out.push_str(
            "\n  <span class=\"govuk-warning-text__icon\" aria-hidden=\"true\">!</span>\n  <strong class=\"govuk-warning-text__text\">\n    <span class=\"govuk-visually-hidden\">",
        );
        let fallback = self.icon_fallback_text.as_deref().filter(|t| !t.is_empty());
        escape_into(out, fallback.unwrap_or(DEFAULT_ICON_FALLBACK));
        out.push_str("</span>\n    ");
        if let Some(content) = Content::from_fields(&self.text, &self.html) {
            content.render_untrimmed_to(out);
        }
        out.push_str("\n  </strong>\n</div>");
    }
}
