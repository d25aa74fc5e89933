//! The [fieldset](https://design-system.service.gov.uk/components/fieldset/) grouping related fields under a legend.

use maud::{Markup, Render};
use serde::Deserialize;

use crate::attributes::Attributes;
use crate::builder::{attributes_setter, string_setters};
use crate::content::Content;
use crate::element::open;

/// A fieldset: `govukFieldset` options, with the fields as caller content.
///
/// ```
/// use civic_components::{Fieldset, Legend};
/// let fieldset = Fieldset::new()
///     .legend(Legend::text("What is your address?").page_heading(true))
///     .caller(maud::html! { p { "fields" } });
/// assert!(maud::Render::render(&fieldset).into_string().contains(r#"<h1 class="govuk-fieldset__heading">"#));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct Fieldset {
    /// The legend; `false` or `null` for none.
    #[serde(deserialize_with = "crate::de::object")]
    pub legend: Option<Legend>,
    /// Ids of the hint and error message, for `aria-describedby`.
    #[serde(deserialize_with = "crate::de::string")]
    pub described_by: Option<String>,
    /// The ARIA `role`.
    #[serde(deserialize_with = "crate::de::string")]
    pub role: Option<String>,
    /// Trusted markup inside the fieldset; ignored when caller content is set.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
    /// Caller content (upstream's `{% call %}` body): the fields.
    #[serde(skip)]
    pub caller: Option<String>,
    /// Extra classes.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra HTML attributes.
    pub attributes: Attributes,
}

/// A fieldset's legend.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct Legend {
    /// Plain text; ignored when `html` is set.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// Trusted markup.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
    /// Extra classes (a size such as `govuk-fieldset__legend--l`).
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Wraps the legend's content in an `<h1>` when it is the page's heading.
    #[serde(deserialize_with = "crate::de::truthy")]
    pub is_page_heading: bool,
}

impl Legend {
    /// A legend of plain text.
    pub fn text(text: impl Into<String>) -> Self {
        Legend {
            text: Some(text.into()),
            ..Legend::default()
        }
    }

    /// A legend of trusted markup.
    pub fn html(html: Markup) -> Self {
        Legend {
            html: Some(html.0),
            ..Legend::default()
        }
    }

    /// Makes the legend the page's `<h1>`.
    pub fn page_heading(mut self, on: bool) -> Self {
        self.is_page_heading = on;
        self
    }
}

string_setters!(Legend {
    classes: "Adds classes."
});

impl Fieldset {
    /// An empty fieldset.
    pub fn new() -> Self {
        Fieldset::default()
    }

    /// Sets the legend.
    pub fn legend(mut self, legend: Legend) -> Self {
        self.legend = Some(legend);
        self
    }

    /// Sets trusted markup as the content.
    pub fn html(mut self, html: Markup) -> Self {
        self.html = Some(html.0);
        self
    }

    /// Sets the fields as child markup.
    pub fn caller(mut self, children: Markup) -> Self {
        self.caller = Some(children.0);
        self
    }
}

string_setters!(Fieldset {
    described_by: "Sets `aria-describedby`.",
    role: "Sets the ARIA `role`.",
    classes: "Adds classes.",
});
attributes_setter!(Fieldset);

impl Render for Fieldset {
    fn render_to(&self, out: &mut String) {
        let out = open(out, "fieldset")
            .class("govuk-fieldset", self.classes.as_deref())
            .attr_if("role", self.role.as_deref())
            .attr_if("aria-describedby", self.described_by.as_deref())
            .attrs(&self.attributes)
            .end();
        out.push('\n');
        let legend = self.legend.as_ref();
        if let Some((legend, content)) =
            legend.and_then(|l| Some((l, Content::from_fields(&l.text, &l.html)?)))
        {
            out.push_str("  ");
            open(out, "legend")
                .class("govuk-fieldset__legend", legend.classes.as_deref())
                .end();
            if legend.is_page_heading {
                out.push_str("\n    <h1 class=\"govuk-fieldset__heading\">\n      ");
                content.render_to(out);
                out.push_str("\n    </h1>");
            } else {
                out.push_str("\n    ");
                content.render_to(out);
            }
            out.push_str("\n  </legend>\n");
        }
        if let Some(caller) = &self.caller {
            out.push_str("  ");
            out.push_str(caller);
            out.push('\n');
        } else if let Some(html) = self.html.as_deref().filter(|h| !h.is_empty()) {
            out.push_str("  ");
            out.push_str(html);
            out.push('\n');
        }
        out.push_str("</fieldset>");
    }
}
