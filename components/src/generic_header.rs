//! The [generic header](https://design-system.service.gov.uk/components/header/): a logo and
//! name linked to the home page, without the crown. This is the header councils use.

use crate::attributes::Attributes;
use crate::content::Content;
use crate::de::given;
use crate::escape::escape_into;
use maud::Render;
use serde::Deserialize;

/// Parameters of the generic header: upstream's `govukGenericHeader` options.
///
/// ```
/// use civic_components::GenericHeader;
/// use maud::Render;
///
/// let html = GenericHeader::new("Kestrel Vale Borough Council").url("/").render().into_string();
/// assert!(html.contains("govuk-generic-header__homepage-link"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct GenericHeader {
    /// The logo as text, such as the council's name.
    #[serde(deserialize_with = "crate::de::string")]
    pub logo_text: Option<String>,
    /// The logo as trusted HTML (an inline SVG or an image); wins over `logo_text`.
    #[serde(deserialize_with = "crate::de::string")]
    pub logo_html: Option<String>,
    /// Where the logo links to (default `/`).
    #[serde(deserialize_with = "crate::de::string")]
    pub url: Option<String>,
    /// Classes on the inner container (default `govuk-width-container`).
    #[serde(deserialize_with = "crate::de::string")]
    pub container_classes: Option<String>,
    /// Extra classes on this element.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra attributes on this element.
    pub attributes: Attributes,
}

impl GenericHeader {
    /// Upstream's private `_namespace` option: the GOV.UK header is this header under `govuk`.
    pub(crate) fn render_namespaced(&self, b: &mut String, ns: &str) {
        b.push_str("<div class=\"");
        b.push_str(ns);
        b.push_str("-header");
        if let Some(c) = given(&self.classes) {
            b.push(' ');
            escape_into(b, c);
        }
        b.push('"');
        self.attributes.render_to(b);
        b.push_str(">\n<div class=\"");
        b.push_str(ns);
        b.push_str("-header__container ");
        escape_into(
            b,
            given(&self.container_classes).unwrap_or("govuk-width-container"),
        );
        b.push_str("\">\n<div class=\"");
        b.push_str(ns);
        b.push_str("-header__logo\">\n<a href=\"");
        escape_into(b, given(&self.url).unwrap_or("/"));
        b.push_str("\" class=\"");
        b.push_str(ns);
        b.push_str("-header__homepage-link\">\n");
        if let Some(content) = Content::from_fields(&self.logo_text, &self.logo_html) {
            content.render_untrimmed_to(b);
        }
        b.push_str("\n</a>\n</div>\n</div>\n</div>");
    }
}

impl Render for GenericHeader {
    fn render_to(&self, b: &mut String) {
        self.render_namespaced(b, "govuk-generic");
    }
}

impl GenericHeader {
    /// A header whose logo is this text.
    pub fn new(logo_text: impl Into<String>) -> Self {
        Self {
            logo_text: Some(logo_text.into()),
            ..Self::default()
        }
    }

    /// Uses trusted HTML (an inline SVG or an image) as the logo.
    pub fn logo_html(mut self, html: impl Into<String>) -> Self {
        self.logo_html = Some(html.into());
        self
    }

    /// Sets where the logo links to.
    pub fn url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// Adds classes to the outer element.
    pub fn classes(mut self, classes: impl Into<String>) -> Self {
        self.classes = Some(classes.into());
        self
    }
}

crate::builder::attributes_setter!(GenericHeader);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logo_text_is_escaped_and_links_home() {
        let html = GenericHeader::new("Bro & Vale").render().into_string();
        assert!(html.contains("Bro &amp; Vale"));
        assert!(html.contains(r#"href="/""#));
    }
}
