//! The [service navigation](https://design-system.service.gov.uk/components/service-navigation/):
//! the service name and its main links, under the header.

use crate::attributes::Attributes;
use crate::content::Content;
use crate::de::given;
use crate::escape::escape_into;
use crate::i18n::{Language, Text};
use maud::Render;
use serde::Deserialize;

/// Parameters of the service navigation: upstream's `govukServiceNavigation` options.
///
/// ```
/// use civic_components::ServiceNavigation;
/// use maud::Render;
///
/// let html = ServiceNavigation::new()
///     .service_name("Report a missed bin", Some("/".to_owned()))
///     .link("Your reports", "/reports", true)
///     .render()
///     .into_string();
/// assert!(html.contains(r#"aria-current="page""#));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ServiceNavigation {
    /// The service name.
    #[serde(deserialize_with = "crate::de::string")]
    pub service_name: Option<String>,
    /// Where the service name links to.
    #[serde(deserialize_with = "crate::de::string")]
    pub service_url: Option<String>,
    /// The navigation links; `None` stands for a falsy entry, which is skipped.
    #[serde(deserialize_with = "crate::de::items_with_gaps")]
    pub navigation: Vec<Option<ServiceNavigationItem>>,
    /// Whether the links fold behind a menu button on small screens (default: when there are two or more).
    #[serde(deserialize_with = "crate::de::optional_truthy")]
    pub collapse_navigation_on_mobile: Option<bool>,
    /// The label of the section landmark (default "Service information").
    #[serde(deserialize_with = "crate::de::string")]
    pub aria_label: Option<String>,
    /// The menu button text (default "Menu").
    #[serde(deserialize_with = "crate::de::string")]
    pub menu_button_text: Option<String>,
    /// The menu button's accessible name, when it differs from its text.
    #[serde(deserialize_with = "crate::de::string")]
    pub menu_button_label: Option<String>,
    /// The navigation landmark label (default: the menu button text).
    #[serde(deserialize_with = "crate::de::string")]
    pub navigation_label: Option<String>,
    /// The id of the list of links (default `navigation`).
    #[serde(deserialize_with = "crate::de::string")]
    pub navigation_id: Option<String>,
    /// Classes on the navigation element.
    #[serde(deserialize_with = "crate::de::string")]
    pub navigation_classes: Option<String>,
    /// Trusted HTML put before, inside and after the navigation.
    #[serde(deserialize_with = "crate::de::object")]
    pub slots: Option<ServiceNavigationSlots>,
    /// Extra classes on this element.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra attributes on this element.
    pub attributes: Attributes,
    /// The language of built-in texts, when the options do not set them.
    #[serde(skip)]
    pub language: Language,
}

/// One navigation link (or text, without `href`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ServiceNavigationItem {
    /// The content as text.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// The content as trusted HTML; wins over `text`.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
    /// Where the link goes.
    #[serde(deserialize_with = "crate::de::string")]
    pub href: Option<String>,
    /// Highlights the link as the current section (`aria-current="true"`).
    #[serde(deserialize_with = "crate::de::truthy")]
    pub active: bool,
    /// Highlights the link as the current page (`aria-current="page"`).
    #[serde(deserialize_with = "crate::de::truthy")]
    pub current: bool,
    /// Extra attributes on this element.
    pub attributes: Attributes,
}

/// Trusted HTML put into the navigation's slots.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ServiceNavigationSlots {
    /// Before the service name.
    #[serde(deserialize_with = "crate::de::string")]
    pub start: Option<String>,
    /// After the navigation.
    #[serde(deserialize_with = "crate::de::object")]
    pub end: Option<EndSlot>,
    /// At the start of the list of links (list items).
    #[serde(deserialize_with = "crate::de::string")]
    pub navigation_start: Option<String>,
    /// At the end of the list of links (list items).
    #[serde(deserialize_with = "crate::de::string")]
    pub navigation_end: Option<String>,
}

/// The `end` slot: trusted HTML, or an object that can also align it inline.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum EndSlot {
    /// Trusted HTML after the navigation.
    Html(String),
    /// Trusted HTML with its alignment.
    Aligned {
        /// Trusted HTML after the navigation.
        #[serde(default, deserialize_with = "crate::de::string")]
        html: Option<String>,
        /// `inline` puts it on the same line as the navigation.
        #[serde(default, deserialize_with = "crate::de::string")]
        align: Option<String>,
    },
}

impl Render for ServiceNavigation {
    fn render_to(&self, b: &mut String) {
        let no_slots = ServiceNavigationSlots::default();
        let slots = self.slots.as_ref().unwrap_or(&no_slots);
        let (end_html, end_inline) = match &slots.end {
            Some(EndSlot::Html(h)) => (Some(h.as_str()).filter(|h| !h.is_empty()), false),
            Some(EndSlot::Aligned { html, align }) => {
                (given(html), align.as_deref() == Some("inline"))
            }
            None => (None, false),
        };
        let start = given(&slots.start);
        let nav_start = given(&slots.navigation_start);
        let nav_end = given(&slots.navigation_end);
        let menu_text = given(&self.menu_button_text).unwrap_or(self.language.text(Text::Menu));
        let nav_id = given(&self.navigation_id).unwrap_or("navigation");
        let service_name = given(&self.service_name);
        let section = service_name.is_some() || start.is_some() || end_html.is_some();

        if section {
            b.push_str("<section aria-label=\"");
            escape_into(
                b,
                self.aria_label
                    .as_deref()
                    .unwrap_or(self.language.text(Text::ServiceInformation)),
            );
            b.push_str("\" ");
        } else {
            b.push_str("<div ");
        }
        b.push_str("class=\"govuk-service-navigation");
        if let Some(c) = given(&self.classes) {
            b.push(' ');
            escape_into(b, c);
        }
        b.push_str("\"\ndata-module=\"govuk-service-navigation\"");
        self.attributes.render_to(b);
        b.push_str("\n>\n<div class=\"govuk-width-container");
        if end_inline {
            b.push_str(" govuk-service-navigation__inlining-container");
        }
        b.push_str("\">\n");
        if let Some(s) = start {
            b.push_str(s);
        }
        b.push_str("<div class=\"govuk-service-navigation__container\">\n");
        if let Some(name) = service_name {
            b.push_str("<span class=\"govuk-service-navigation__service-name\">\n");
            if let Some(url) = given(&self.service_url) {
                b.push_str("<a href=\"");
                escape_into(b, url);
                b.push_str("\" class=\"govuk-service-navigation__link\">\n");
                escape_into(b, name);
                b.push_str("\n</a>\n");
            } else {
                b.push_str("<span class=\"govuk-service-navigation__text\">");
                escape_into(b, name);
                b.push_str("</span>\n");
            }
            b.push_str("</span>\n");
        }
        let items: Vec<&ServiceNavigationItem> = self.navigation.iter().flatten().collect();
        let collapse = self
            .collapse_navigation_on_mobile
            .unwrap_or(items.len() > 1);
        if !items.is_empty() || nav_start.is_some() || nav_end.is_some() {
            b.push_str("<nav aria-label=\"");
            escape_into(b, given(&self.navigation_label).unwrap_or(menu_text));
            b.push('"');
            b.push_str(" class=\"govuk-service-navigation__wrapper");
            if let Some(classes) = given(&self.navigation_classes) {
                b.push(' ');
                escape_into(b, classes);
            }
            b.push('"');
            b.push_str(">\n");
            if collapse {
                b.push_str("<button type=\"button\" class=\"govuk-service-navigation__toggle govuk-js-service-navigation-toggle\" aria-controls=\"");
                escape_into(b, nav_id);
                b.push('"');
                if let Some(label) = given(&self.menu_button_label).filter(|l| *l != menu_text) {
                    b.push_str(" aria-label=\"");
                    escape_into(b, label);
                    b.push('"');
                }
                b.push_str(" hidden aria-hidden=\"true\">\n");
                escape_into(b, menu_text);
                b.push_str("\n</button>\n");
            }
            b.push_str("<ul class=\"govuk-service-navigation__list\" id=\"");
            escape_into(b, nav_id);
            b.push_str("\">\n");
            if let Some(s) = nav_start {
                b.push_str(s);
            }
            for item in items {
                item.render(b);
            }
            b.push('\n');
            if let Some(s) = nav_end {
                b.push_str(s);
            }
            b.push_str("</ul>\n</nav>\n");
        }
        b.push_str("</div>\n");
        if let Some(s) = end_html {
            b.push_str(s);
        }
        b.push_str("</div>\n");
        b.push_str(if section { "</section>" } else { "</div>" });
    }
}

impl ServiceNavigationItem {
    fn render(&self, b: &mut String) {
        let active = self.active || self.current;
        b.push_str("\n<li class=\"govuk-service-navigation__item");
        if active {
            b.push_str(" govuk-service-navigation__item--active");
        }
        b.push_str("\">\n");
        let aria_current = |b: &mut String| {
            if active {
                b.push_str(" aria-current=\"");
                b.push_str(if self.current { "page" } else { "true" });
                b.push('"');
            }
        };
        let inner = |b: &mut String| {
            b.push('\n');
            if active {
                b.push_str("<strong class=\"govuk-service-navigation__active-fallback\">");
                if let Some(content) = Content::from_fields(&self.text, &self.html) {
                    content.render_untrimmed_to(b);
                }
                b.push_str("</strong>");
            } else {
                if let Some(content) = Content::from_fields(&self.text, &self.html) {
                    content.render_untrimmed_to(b);
                }
            }
            b.push('\n');
        };
        if let Some(href) = given(&self.href) {
            b.push_str("<a class=\"govuk-service-navigation__link\" href=\"");
            escape_into(b, href);
            b.push('"');
            aria_current(b);
            self.attributes.render_to(b);
            b.push('>');
            inner(b);
            b.push_str("</a>\n");
        } else if Content::from_fields(&self.text, &self.html).is_some() {
            b.push_str("<span class=\"govuk-service-navigation__text\"");
            aria_current(b);
            b.push('>');
            inner(b);
            b.push_str("</span>\n");
        }
        b.push_str("</li>");
    }
}

impl ServiceNavigation {
    /// No service name or links yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Shows the service name, linked to `url` when given.
    pub fn service_name(mut self, name: impl Into<String>, url: Option<String>) -> Self {
        self.service_name = Some(name.into());
        self.service_url = url;
        self
    }

    /// Adds a navigation link; `current` marks the page being shown.
    pub fn link(mut self, text: impl Into<String>, href: impl Into<String>, current: bool) -> Self {
        self.navigation.push(Some(ServiceNavigationItem {
            text: Some(text.into()),
            href: Some(href.into()),
            current,
            ..ServiceNavigationItem::default()
        }));
        self
    }

    /// Puts trusted HTML (such as the language navigation) at the end, inline with the links.
    pub fn end_inline(mut self, html: impl Into<String>) -> Self {
        self.slots
            .get_or_insert_with(ServiceNavigationSlots::default)
            .end = Some(EndSlot::Aligned {
            html: Some(html.into()),
            align: Some("inline".to_owned()),
        });
        self
    }

    /// Chooses the language of the built-in texts.
    pub fn language(mut self, language: Language) -> Self {
        self.language = language;
        self
    }
}

crate::builder::string_setters!(ServiceNavigation {
    classes: "Adds classes to the outer element.",
});
crate::builder::attributes_setter!(ServiceNavigation);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn current_link_is_marked_and_menu_follows_language() {
        let html = ServiceNavigation::new()
            .service_name("Biniau", None)
            .link("Adroddiadau", "/r", true)
            .link("Cyfrif", "/a", false)
            .language(Language::Welsh)
            .render()
            .into_string();
        assert!(html.starts_with("<section aria-label=\"Gwybodaeth am y gwasanaeth\""));
        assert!(html.contains(r#"aria-current="page""#));
        assert!(html.contains("Dewislen"));
    }
}
