//! The GOV.UK [header](https://design-system.service.gov.uk/components/header/), with the crown.
//!
//! Ported so that upstream's fixtures match; a council service must not use it (it is not
//! GOV.UK): use [`GenericHeader`](crate::GenericHeader) instead.

use crate::attributes::Attributes;
use crate::de::given;
use crate::escape::escape_into;
use crate::generic_header::GenericHeader;
use maud::Render;
use serde::Deserialize;

pub(crate) mod logo;

/// Parameters of the GOV.UK header: upstream's `govukHeader` options. Only for GOV.UK services.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Header {
    /// Where the logo links to (default `//gov.uk`).
    #[serde(deserialize_with = "crate::de::string")]
    pub homepage_url: Option<String>,
    /// A product name after the logo.
    #[serde(deserialize_with = "crate::de::string")]
    pub product_name: Option<String>,
    /// Classes on the inner width container.
    #[serde(deserialize_with = "crate::de::string")]
    pub container_classes: Option<String>,
    /// Extra classes on this element.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra attributes on this element.
    pub attributes: Attributes,
}

impl Render for Header {
    fn render_to(&self, b: &mut String) {
        let mut logo_html = String::with_capacity(4096);
        logo::write(
            &mut logo_html,
            Some("govuk-header__logotype"),
            Some("GOV.UK"),
            true,
            None,
        );
        logo_html.push('\n');
        if let Some(name) = given(&self.product_name) {
            logo_html.push_str("<span class=\"govuk-header__product-name\">");
            escape_into(&mut logo_html, name);
            logo_html.push_str("</span>");
        }
        GenericHeader {
            logo_html: Some(logo_html),
            url: Some(given(&self.homepage_url).unwrap_or("//gov.uk").to_owned()),
            container_classes: self.container_classes.clone(),
            classes: self.classes.clone(),
            attributes: self.attributes.clone(),
            logo_text: None,
        }
        .render_namespaced(b, "govuk");
    }
}

crate::builder::string_setters!(Header {
    classes: "Adds classes to the outer element.",
});
crate::builder::attributes_setter!(Header);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_is_the_generic_header_under_the_govuk_namespace() {
        let html = Header::default().render().into_string();
        assert!(html.starts_with("<div class=\"govuk-header\">"));
        assert!(html.contains(r#"aria-label="GOV.UK""#));
    }
}
