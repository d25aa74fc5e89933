//! The [footer](https://design-system.service.gov.uk/components/footer/): support links, the
//! content licence and the copyright.
//!
//! Upstream's footer always shows the crown and "© Crown copyright"; a council is not the Crown,
//! so [`Footer::without_crown`] leaves both out (the fixtures keep upstream's behaviour).

use crate::attributes::Attributes;
use crate::content::Content;
use crate::de::given;
use crate::escape::escape_into;
use crate::i18n::{Language, Text};
use maud::Render;
use serde::Deserialize;

/// Parameters of the footer: upstream's `govukFooter` options, plus `hide_crown`.
///
/// ```
/// use civic_components::Footer;
/// use maud::Render;
///
/// let html = Footer::new()
///     .without_crown()
///     .meta_link("Cookies", "/cookies")
///     .copyright("© Kestrel Vale Borough Council")
///     .render()
///     .into_string();
/// assert!(!html.contains("govuk-footer__crown"));
/// assert!(!html.contains("Crown copyright"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Footer {
    /// Support links and custom text.
    #[serde(deserialize_with = "crate::de::object")]
    pub meta: Option<FooterMeta>,
    /// Sections of links above the meta row.
    #[serde(deserialize_with = "crate::de::items_with_gaps")]
    pub navigation: Vec<Option<FooterNavigation>>,
    /// `None` when absent (upstream's default licence); `Some(None)` for an explicit `null`, which removes it.
    #[serde(deserialize_with = "nullable")]
    pub content_licence: Option<Option<FooterText>>,
    /// The copyright text (default "© Crown copyright").
    #[serde(deserialize_with = "crate::de::object")]
    pub copyright: Option<FooterText>,
    /// Classes on the inner width container.
    #[serde(deserialize_with = "crate::de::string")]
    pub container_classes: Option<String>,
    /// Extra classes on this element.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra attributes on this element.
    pub attributes: Attributes,
    /// civic's own option `hideCrown` (not upstream's): leaves out the crown and the Crown
    /// copyright link, because a council is not the Crown. A `copyright` given is shown as text.
    #[serde(deserialize_with = "crate::de::truthy")]
    pub hide_crown: bool,
    /// The language of built-in texts, when the options do not set them.
    #[serde(skip)]
    pub language: Language,
}

/// `contentLicence`: absent means upstream's default licence, `null` means none.
fn nullable<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<Option<FooterText>>, D::Error> {
    // Present: `null` (or `false`) is "no licence", an object is the licence to show.
    crate::de::object(d).map(Some)
}

/// Text or trusted HTML.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct FooterText {
    /// The content as text.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// The content as trusted HTML; wins over `text`.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
}

/// The support links and custom text at the bottom.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct FooterMeta {
    /// The hidden heading of the support links (default "Support links").
    #[serde(deserialize_with = "crate::de::string")]
    pub visually_hidden_title: Option<String>,
    /// The items; `None` stands for upstream's falsy entries (`null`, `false`, `""`).
    #[serde(deserialize_with = "crate::de::items_with_gaps")]
    pub items: Vec<Option<FooterLink>>,
    /// The content as text.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// The content as trusted HTML; wins over `text`.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
}

/// A section of links above the meta row.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct FooterNavigation {
    /// The section heading.
    #[serde(deserialize_with = "crate::de::string")]
    pub title: Option<String>,
    /// The section's grid width, such as `one-half` (default `full`).
    #[serde(deserialize_with = "crate::de::string")]
    pub width: Option<String>,
    /// How many columns the section's links flow into.
    #[serde(deserialize_with = "crate::de::string")]
    pub columns: Option<String>,
    /// The items; `None` stands for upstream's falsy entries (`null`, `false`, `""`).
    #[serde(deserialize_with = "crate::de::items_with_gaps")]
    pub items: Vec<Option<FooterLink>>,
}

/// A link in the footer.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct FooterLink {
    /// Where the link goes.
    #[serde(deserialize_with = "crate::de::string")]
    pub href: Option<String>,
    /// The content as text.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// Extra attributes on this element.
    pub attributes: Attributes,
}

const LICENCE_LOGO: &str = "<svg\naria-hidden=\"true\"\nfocusable=\"false\"\nclass=\"govuk-footer__licence-logo\"\nxmlns=\"http://www.w3.org/2000/svg\"\nviewBox=\"0 0 483.2 195.7\"\nheight=\"17\"\nwidth=\"41\"\n>\n<path\nfill=\"currentColor\"\nd=\"M421.5 142.8V.1l-50.7 32.3v161.1h112.4v-50.7zm-122.3-9.6A47.12 47.12 0 0 1 221 97.8c0-26 21.1-47.1 47.1-47.1 16.7 0 31.4 8.7 39.7 21.8l42.7-27.2A97.63 97.63 0 0 0 268.1 0c-36.5 0-68.3 20.1-85.1 49.7A98 98 0 0 0 97.8 0C43.9 0 0 43.9 0 97.8s43.9 97.8 97.8 97.8c36.5 0 68.3-20.1 85.1-49.7a97.76 97.76 0 0 0 149.6 25.4l19.4 22.2h3v-87.8h-80l24.3 27.5zM97.8 145c-26 0-47.1-21.1-47.1-47.1s21.1-47.1 47.1-47.1 47.2 21 47.2 47S123.8 145 97.8 145\"\n/>\n</svg>\n";

fn link(b: &mut String, item: &FooterLink, li_class: &str) {
    b.push_str("<li class=\"");
    b.push_str(li_class);
    b.push_str("\">\n<a class=\"govuk-footer__link\" href=\"");
    escape_into(b, item.href.as_deref().unwrap_or_default());
    b.push('"');
    item.attributes.render_to(b);
    b.push_str(">\n");
    escape_into(b, item.text.as_deref().unwrap_or_default());
    b.push_str("\n</a>\n</li>\n");
}

impl Render for Footer {
    fn render_to(&self, b: &mut String) {
        b.push_str("<div");
        b.push_str(" class=\"govuk-footer");
        if let Some(classes) = given(&self.classes) {
            b.push(' ');
            escape_into(b, classes);
        }
        b.push('"');
        self.attributes.render_to(b);
        b.push_str(">\n<div");
        b.push_str(" class=\"govuk-width-container");
        if let Some(classes) = given(&self.container_classes) {
            b.push(' ');
            escape_into(b, classes);
        }
        b.push('"');
        b.push_str(">\n");
        if !self.hide_crown {
            crate::header::logo::write(b, Some("govuk-footer__crown"), None, false, None);
            b.push('\n');
        }
        if !self.navigation.is_empty() {
            b.push_str("<div class=\"govuk-footer__navigation\">\n");
            let none = FooterNavigation::default();
            for nav in &self.navigation {
                let nav = nav.as_ref().unwrap_or(&none);
                b.push_str("<div class=\"govuk-footer__section govuk-grid-column-");
                escape_into(b, given(&nav.width).unwrap_or("full"));
                b.push_str("\">\n<h2 class=\"govuk-footer__heading govuk-heading-m\">");
                escape_into(b, nav.title.as_deref().unwrap_or_default());
                b.push_str("</h2>\n");
                if !nav.items.is_empty() {
                    b.push_str("<ul class=\"govuk-footer__list");
                    if let Some(c) = given(&nav.columns) {
                        b.push_str(" govuk-footer__list--columns-");
                        escape_into(b, c);
                    }
                    b.push_str("\">\n");
                    for item in nav.items.iter().flatten() {
                        if given(&item.href).is_some() && given(&item.text).is_some() {
                            link(b, item, "govuk-footer__list-item");
                        }
                    }
                    b.push_str("</ul>\n");
                }
                b.push_str("</div>\n");
            }
            b.push_str("</div>\n<hr class=\"govuk-footer__section-break\">\n");
        }
        b.push_str("<div class=\"govuk-footer__meta\">\n<div class=\"govuk-footer__meta-item govuk-footer__meta-item--grow\">\n");
        if let Some(meta) = &self.meta {
            b.push_str("<h2 class=\"govuk-visually-hidden\">");
            escape_into(
                b,
                given(&meta.visually_hidden_title)
                    .unwrap_or(self.language.text(Text::SupportLinks)),
            );
            b.push_str("</h2>\n");
            if !meta.items.is_empty() {
                b.push_str("<ul class=\"govuk-footer__inline-list\">\n");
                let none = FooterLink::default();
                for item in &meta.items {
                    link(
                        b,
                        item.as_ref().unwrap_or(&none),
                        "govuk-footer__inline-list-item",
                    );
                }
                b.push_str("</ul>\n");
            }
            if Content::from_fields(&meta.text, &meta.html).is_some() {
                b.push_str("<div class=\"govuk-footer__meta-custom\">\n");
                if let Some(content) = Content::from_fields(&meta.text, &meta.html) {
                    content.render_to(b);
                }
                b.push_str("\n</div>\n");
            }
        }
        match &self.content_licence {
            Some(None) => {}
            licence => {
                b.push_str(LICENCE_LOGO);
                b.push_str("<span class=\"govuk-footer__licence-description\">\n");
                match licence
                    .as_ref()
                    .and_then(|l| l.as_ref())
                    .filter(|l| Content::from_fields(&l.text, &l.html).is_some())
                {
                    Some(l) => {
                        if let Some(content) = Content::from_fields(&l.text, &l.html) {
                            content.render_to(b);
                        }
                    }
                    None => {
                        b.push_str(self.language.text(Text::LicenceBefore));
                        b.push_str("\n<a\nclass=\"govuk-footer__link\"\nhref=\"");
                        b.push_str(match self.language {
                            Language::Welsh => "https://www.nationalarchives.gov.uk/doc/open-government-licence-cymraeg/version/3/",
                            _ => "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
                        });
                        b.push_str("\"\nrel=\"license\"\n>");
                        b.push_str(self.language.text(Text::OpenGovernmentLicence));
                        b.push_str("</a>");
                        b.push_str(self.language.text(Text::LicenceAfter));
                    }
                }
                b.push_str("\n</span>\n");
            }
        }
        b.push_str("</div>\n<div class=\"govuk-footer__meta-item\">\n");
        let copyright = self
            .copyright
            .as_ref()
            .filter(|c| Content::from_fields(&c.text, &c.html).is_some());
        if self.hide_crown {
            if let Some(c) = copyright {
                if let Some(content) = Content::from_fields(&c.text, &c.html) {
                    content.render_to(b);
                }
                b.push('\n');
            }
        } else {
            b.push_str("<a\nclass=\"govuk-footer__link govuk-footer__copyright-logo\"\nhref=\"https://www.nationalarchives.gov.uk/information-management/re-using-public-sector-information/uk-government-licensing-framework/crown-copyright/\"\n>\n");
            match copyright {
                Some(c) => {
                    if let Some(content) = Content::from_fields(&c.text, &c.html) {
                        content.render_to(b);
                    }
                }
                None => b.push_str(self.language.text(Text::CrownCopyright)),
            }
            b.push_str("\n</a>\n");
        }
        b.push_str("</div>\n</div>\n</div>\n</div>");
    }
}

impl Footer {
    /// The default footer: upstream's, crown included. Councils call [`Footer::without_crown`].
    pub fn new() -> Self {
        Self::default()
    }

    /// Leaves out the crown and the Crown copyright link; a `copyright` given is shown as text.
    pub fn without_crown(mut self) -> Self {
        self.hide_crown = true;
        self
    }

    /// Adds a link to the row of support links (cookies, accessibility statement, ...).
    pub fn meta_link(mut self, text: impl Into<String>, href: impl Into<String>) -> Self {
        self.meta
            .get_or_insert_with(FooterMeta::default)
            .items
            .push(Some(FooterLink {
                text: Some(text.into()),
                href: Some(href.into()),
                ..FooterLink::default()
            }));
        self
    }

    /// Replaces the content licence with this text; `None` removes it.
    pub fn content_licence(mut self, text: Option<String>) -> Self {
        self.content_licence = Some(text.map(|text| FooterText {
            text: Some(text),
            html: None,
        }));
        self
    }

    /// Sets the copyright line, such as "© Kestrel Vale Borough Council".
    pub fn copyright(mut self, text: impl Into<String>) -> Self {
        self.copyright = Some(FooterText {
            text: Some(text.into()),
            html: None,
        });
        self
    }

    /// Chooses the language of the built-in texts.
    pub fn language(mut self, language: Language) -> Self {
        self.language = language;
        self
    }
}

crate::builder::string_setters!(Footer {
    classes: "Adds classes to the outer element.",
});
crate::builder::attributes_setter!(Footer);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_crown_leaves_out_crown_and_crown_copyright() {
        let html = Footer::new()
            .without_crown()
            .copyright("© Kestrel Vale Borough Council")
            .render()
            .into_string();
        assert!(!html.contains("govuk-footer__crown"));
        assert!(!html.contains("crown-copyright"));
        assert!(html.contains("© Kestrel Vale Borough Council"));
    }

    #[test]
    fn default_footer_keeps_upstream_crown_and_welsh_licence() {
        let html = Footer::new()
            .language(Language::Welsh)
            .render()
            .into_string();
        assert!(html.contains("govuk-footer__crown"));
        assert!(html.contains("open-government-licence-cymraeg"));
        assert!(html.contains("© Hawlfraint y Goron"));
    }

    #[test]
    fn explicit_null_licence_removes_it() {
        let footer: Footer =
            serde_json::from_value(serde_json::json!({ "contentLicence": null })).unwrap();
        assert!(
            !footer
                .render()
                .into_string()
                .contains("govuk-footer__licence-logo")
        );
        assert!(
            Footer::new()
                .render()
                .into_string()
                .contains("govuk-footer__licence-logo")
        );
    }
}
