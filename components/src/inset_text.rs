//! [Inset text](https://design-system.service.gov.uk/components/inset-text/) set apart from the content around it.

use maud::{Markup, Render};
use serde::Deserialize;

use crate::attributes::Attributes;
use crate::builder::{attributes_setter, string_setters};
use crate::content::Content;
use crate::element::open;

/// Inset text: `govukInsetText` options, or caller content.
///
/// ```
/// use civic_components::InsetText;
/// let inset = InsetText::caller(maud::html! { p { "It can take up to 8 weeks." } });
/// assert!(maud::Render::render(&inset).into_string().contains("<p>It can take"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct InsetText {
    /// Plain text; ignored when `html` or caller content is set.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// Trusted markup; ignored when caller content is set.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
    /// Caller content (upstream's `{% call %}` body), as trusted markup.
    #[serde(skip)]
    pub caller: Option<String>,
    /// The `id`.
    #[serde(deserialize_with = "crate::de::string")]
    pub id: Option<String>,
    /// Extra classes.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra HTML attributes.
    pub attributes: Attributes,
}

impl InsetText {
    /// Inset text of plain text.
    pub fn text(text: impl Into<String>) -> Self {
        InsetText {
            text: Some(text.into()),
            ..InsetText::default()
        }
    }

    /// Inset text of trusted markup.
    pub fn html(html: Markup) -> Self {
        InsetText {
            html: Some(html.0),
            ..InsetText::default()
        }
    }

    /// Inset text holding child markup.
    pub fn caller(children: Markup) -> Self {
        InsetText {
            caller: Some(children.0),
            ..InsetText::default()
        }
    }
}

string_setters!(InsetText {
    id: "Sets the `id`.",
    classes: "Adds classes."
});
attributes_setter!(InsetText);

impl Render for InsetText {
    fn render_to(&self, out: &mut String) {
        let out = open(out, "div")
            .attr_if("id", self.id.as_deref())
            .class("govuk-inset-text", self.classes.as_deref())
            .attrs(&self.attributes)
            .end();
        out.push_str("\n  ");
        if let Some(caller) = &self.caller {
            out.push_str(caller);
        } else if let Some(content) = Content::from_fields(&self.text, &self.html) {
            content.render_to(out);
        }
        out.push_str("\n</div>");
    }
}
