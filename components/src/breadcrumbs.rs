//! [Breadcrumbs](https://design-system.service.gov.uk/components/breadcrumbs/): where the page
//! sits in the site.

use crate::attributes::Attributes;
use crate::content::Content;
use crate::de::given;
use crate::escape::escape_into;
use crate::i18n::{Language, Text};
use maud::Render;
use serde::Deserialize;

/// Parameters of the breadcrumbs: upstream's `govukBreadcrumbs` options.
///
/// ```
/// use civic_components::Breadcrumbs;
/// use maud::Render;
///
/// let html = Breadcrumbs::new().link("Home", "/").link("Bins", "/bins").render().into_string();
/// assert!(html.contains(r#"<a class="govuk-breadcrumbs__link" href="/bins">Bins</a>"#));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Breadcrumbs {
    /// The breadcrumbs, in order; `None` stands for a falsy entry.
    #[serde(deserialize_with = "crate::de::items_with_gaps")]
    pub items: Vec<Option<BreadcrumbsItem>>,
    /// Shows only the last link on small screens.
    #[serde(deserialize_with = "crate::de::truthy")]
    pub collapse_on_mobile: bool,
    /// The navigation landmark label (default "Breadcrumb").
    #[serde(deserialize_with = "crate::de::string")]
    pub label_text: Option<String>,
    /// Extra classes on this element.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra attributes on this element.
    pub attributes: Attributes,
    /// The language of the default label.
    #[serde(skip)]
    pub language: Language,
}

/// One breadcrumb; without `href` it is the current page.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct BreadcrumbsItem {
    /// The content as text.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// The content as trusted HTML; wins over `text`.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
    /// Where the breadcrumb links to; `None` for the current page.
    #[serde(deserialize_with = "crate::de::string")]
    pub href: Option<String>,
    /// Extra attributes on this element.
    pub attributes: Attributes,
}

impl Render for Breadcrumbs {
    fn render_to(&self, b: &mut String) {
        b.push_str("<nav class=\"govuk-breadcrumbs");
        if let Some(c) = given(&self.classes) {
            b.push(' ');
            escape_into(b, c);
        }
        if self.collapse_on_mobile {
            b.push_str(" govuk-breadcrumbs--collapse-on-mobile");
        }
        b.push('"');
        self.attributes.render_to(b);
        b.push_str(" aria-label=\"");
        // `default("Breadcrumb")` without `true`: an empty string stays empty.
        escape_into(
            b,
            self.label_text
                .as_deref()
                .unwrap_or(self.language.text(Text::Breadcrumb)),
        );
        b.push_str("\">\n<ol class=\"govuk-breadcrumbs__list\">\n");
        let none = BreadcrumbsItem::default();
        for item in &self.items {
            let item = item.as_ref().unwrap_or(&none);
            if let Some(href) = given(&item.href) {
                b.push_str("<li class=\"govuk-breadcrumbs__list-item\">\n<a class=\"govuk-breadcrumbs__link\" href=\"");
                escape_into(b, href);
                b.push('"');
                item.attributes.render_to(b);
                b.push('>');
                if let Some(content) = Content::from_fields(&item.text, &item.html) {
                    content.render_untrimmed_to(b);
                }
                b.push_str("</a>\n</li>\n");
            } else {
                b.push_str("<li class=\"govuk-breadcrumbs__list-item\" aria-current=\"page\">");
                if let Some(content) = Content::from_fields(&item.text, &item.html) {
                    content.render_untrimmed_to(b);
                }
                b.push_str("</li>\n");
            }
        }
        b.push_str("</ol>\n</nav>");
    }
}

impl Breadcrumbs {
    /// No breadcrumbs yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a link.
    pub fn link(mut self, text: impl Into<String>, href: impl Into<String>) -> Self {
        self.items.push(Some(BreadcrumbsItem {
            text: Some(text.into()),
            href: Some(href.into()),
            ..BreadcrumbsItem::default()
        }));
        self
    }

    /// Adds the current page, which is not a link.
    pub fn current(mut self, text: impl Into<String>) -> Self {
        self.items.push(Some(BreadcrumbsItem {
            text: Some(text.into()),
            ..BreadcrumbsItem::default()
        }));
        self
    }

    /// Shows only the last link on small screens.
    pub fn collapse_on_mobile(mut self, yes: bool) -> Self {
        self.collapse_on_mobile = yes;
        self
    }

    /// Chooses the language of the default label.
    pub fn language(mut self, language: Language) -> Self {
        self.language = language;
        self
    }
}

crate::builder::string_setters!(Breadcrumbs {
    classes: "Adds classes to the outer element.",
});
crate::builder::attributes_setter!(Breadcrumbs);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn current_page_is_not_a_link_and_label_follows_language() {
        let html = Breadcrumbs::new()
            .link("Hafan", "/")
            .current("Biniau")
            .language(Language::Welsh)
            .render()
            .into_string();
        assert!(html.contains(r#"aria-label="Briwsion bara""#));
        assert!(html.contains(r#"aria-current="page">Biniau</li>"#));
    }
}
