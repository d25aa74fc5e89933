//! [Details](https://design-system.service.gov.uk/components/details/): a summary that opens to more.

use maud::{Markup, Render};
use serde::Deserialize;

use crate::attributes::Attributes;
use crate::builder::{attributes_setter, string_setters};
use crate::content::Content;
use crate::element::open;

/// Expandable details: `govukDetails` options, or caller content.
///
/// ```
/// use civic_components::Details;
/// let details = Details::summary_text("Help with nationality").text("We need to know…");
/// assert!(maud::Render::render(&details).into_string().starts_with(r#"<details class="govuk-details">"#));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct Details {
    /// The summary as plain text; ignored when `summary_html` is set.
    #[serde(deserialize_with = "crate::de::string")]
    pub summary_text: Option<String>,
    /// The summary as trusted markup.
    #[serde(deserialize_with = "crate::de::string")]
    pub summary_html: Option<String>,
    /// Plain text of the revealed part; ignored when `html` or caller content is set.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// Trusted markup of the revealed part; ignored when caller content is set.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
    /// Caller content (upstream's `{% call %}` body), as trusted markup.
    #[serde(skip)]
    pub caller: Option<String>,
    /// The `id`.
    #[serde(deserialize_with = "crate::de::string")]
    pub id: Option<String>,
    /// Whether it starts open.
    #[serde(deserialize_with = "crate::de::truthy")]
    pub open: bool,
    /// Extra classes.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra HTML attributes.
    pub attributes: Attributes,
}

impl Details {
    /// Details with a plain-text summary.
    pub fn summary_text(text: impl Into<String>) -> Self {
        Details {
            summary_text: Some(text.into()),
            ..Details::default()
        }
    }

    /// Details with a summary of trusted markup.
    pub fn summary_html(html: Markup) -> Self {
        Details {
            summary_html: Some(html.0),
            ..Details::default()
        }
    }

    /// Sets the revealed part as trusted markup.
    pub fn html(mut self, html: Markup) -> Self {
        self.html = Some(html.0);
        self
    }

    /// Sets the revealed part as child markup.
    pub fn caller(mut self, children: Markup) -> Self {
        self.caller = Some(children.0);
        self
    }

    /// Starts open.
    pub fn open(mut self, open: bool) -> Self {
        self.open = open;
        self
    }
}

string_setters!(Details {
    text: "Sets the revealed part as plain text.",
    id: "Sets the `id`.",
    classes: "Adds classes."
});
attributes_setter!(Details);

impl Render for Details {
    fn render_to(&self, out: &mut String) {
        let out = open(out, "details")
            .attr_if("id", self.id.as_deref())
            .class("govuk-details", self.classes.as_deref())
            .attrs(&self.attributes)
            .flag("open", self.open)
            .end();
        out.push_str(
            "\n  <summary class=\"govuk-details__summary\">\n    <span class=\"govuk-details__summary-text\">\n      ",
        );
        if let Some(summary) = Content::from_fields(&self.summary_text, &self.summary_html) {
            summary.render_to(out);
        }
        out.push_str("\n    </span>\n  </summary>\n  <div class=\"govuk-details__text\">\n    ");
        if let Some(caller) = &self.caller {
            out.push_str(caller);
        } else if let Some(content) = Content::from_fields(&self.text, &self.html) {
            content.render_untrimmed_to(out);
        }
        out.push_str("\n  </div>\n</details>");
    }
}
