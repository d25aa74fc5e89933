//! [Pagination](https://design-system.service.gov.uk/components/pagination/): links to the
//! previous and next pages, and to numbered pages.

use crate::attributes::Attributes;
use crate::content::Content;
use crate::de::given;
use crate::escape::escape_into;
use crate::i18n::{Language, Text};
use maud::Render;
use serde::Deserialize;

/// Parameters of the pagination: upstream's `govukPagination` options.
///
/// With numbered items the links sit in a row; with only previous and next they stack
/// ("block" style), as upstream does.
///
/// ```
/// use civic_components::Pagination;
/// use maud::Render;
///
/// let html = Pagination::new().previous("?page=1").page(1, "?page=1", false).page(2, "?page=2", true).render().into_string();
/// assert!(html.contains(r#"aria-current="page""#));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Pagination {
    /// The numbered page links; `None` stands for a falsy entry, which is skipped.
    #[serde(deserialize_with = "crate::de::object")]
    pub items: Option<Vec<Option<PaginationItem>>>,
    /// The link to the previous page.
    #[serde(deserialize_with = "crate::de::object")]
    pub previous: Option<PaginationLink>,
    /// The link to the next page.
    #[serde(deserialize_with = "crate::de::object")]
    pub next: Option<PaginationLink>,
    /// The navigation landmark label (default "Pagination").
    #[serde(deserialize_with = "crate::de::string")]
    pub landmark_label: Option<String>,
    /// Extra classes on this element.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra attributes on this element.
    pub attributes: Attributes,
    /// The language of built-in texts, when the options do not set them.
    #[serde(skip)]
    pub language: Language,
}

/// One numbered page link, or an ellipsis.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct PaginationItem {
    /// The page number shown.
    #[serde(deserialize_with = "crate::de::string")]
    pub number: Option<String>,
    /// The link's accessible name (default "Page" and the number).
    #[serde(deserialize_with = "crate::de::string")]
    pub visually_hidden_text: Option<String>,
    /// Where the link goes.
    #[serde(deserialize_with = "crate::de::string")]
    pub href: Option<String>,
    /// Whether this is the current page.
    #[serde(deserialize_with = "crate::de::truthy")]
    pub current: bool,
    /// Shows an ellipsis instead of a link.
    #[serde(deserialize_with = "crate::de::truthy")]
    pub ellipsis: bool,
    /// Extra attributes on this element.
    pub attributes: Attributes,
}

/// The previous or next link.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct PaginationLink {
    /// The link text (default "Previous" or "Next" page).
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// The content as trusted HTML; wins over `text`.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
    /// A label under the link text, such as the title of that page (block style only).
    #[serde(deserialize_with = "crate::de::string")]
    pub label_text: Option<String>,
    /// Where the link goes.
    #[serde(deserialize_with = "crate::de::string")]
    pub href: Option<String>,
    /// Extra attributes on this element.
    pub attributes: Attributes,
}

const ARROW_PREV: &str = "<svg class=\"govuk-pagination__icon govuk-pagination__icon--prev\" xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\">\n<path d=\"m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z\"></path>\n</svg>";
const ARROW_NEXT: &str = "<svg class=\"govuk-pagination__icon govuk-pagination__icon--next\" xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\">\n<path d=\"m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z\"></path>\n</svg>";

impl PaginationLink {
    fn render(&self, b: &mut String, next: bool, block: bool, language: Language) {
        let kind = if next { "next" } else { "prev" };
        b.push_str("<div class=\"govuk-pagination__");
        b.push_str(kind);
        b.push_str("\">\n<a class=\"govuk-link govuk-pagination__link\" href=\"");
        escape_into(b, self.href.as_deref().unwrap_or_default());
        b.push_str("\" rel=\"");
        b.push_str(kind);
        b.push('"');
        self.attributes.render_to(b);
        b.push_str(">\n");
        if block || !next {
            b.push_str(if next { ARROW_NEXT } else { ARROW_PREV });
            b.push('\n');
        }
        let label = given(&self.label_text);
        b.push_str("<span class=\"govuk-pagination__link-title");
        if block && label.is_none() {
            b.push_str(" govuk-pagination__link-title--decorated");
        }
        b.push_str("\">\n");
        if Content::from_fields(&self.text, &self.html).is_some() {
            let start = b.len();
            if let Some(content) = Content::from_fields(&self.text, &self.html) {
                content.render_to(b);
            }
            // `caller() | trim` also trims escaped text
            let trimmed = b[start..].trim().to_owned();
            b.truncate(start);
            b.push_str(&trimmed);
        } else {
            b.push_str(language.text(if next { Text::Next } else { Text::Previous }));
            b.push_str("<span class=\"govuk-visually-hidden\"> ");
            b.push_str(language.text(Text::PaginationPage));
            b.push_str("</span>");
        }
        b.push_str("\n</span>\n");
        if let (Some(label), true) = (label, block) {
            b.push_str("<span class=\"govuk-visually-hidden\">:</span>\n<span class=\"govuk-pagination__link-label\">");
            escape_into(b, label);
            b.push_str("</span>\n");
        }
        if !block && next {
            b.push_str(ARROW_NEXT);
            b.push('\n');
        }
        b.push_str("</a>\n</div>\n");
    }
}

impl PaginationItem {
    fn is_empty(&self) -> bool {
        self.number.is_none()
            && self.visually_hidden_text.is_none()
            && self.href.is_none()
            && !self.current
            && !self.ellipsis
            && self.attributes.is_empty()
    }

    fn render(&self, b: &mut String, language: Language) {
        b.push_str("<li class=\"govuk-pagination__item");
        if self.current {
            b.push_str(" govuk-pagination__item--current");
        }
        if self.ellipsis {
            b.push_str(" govuk-pagination__item--ellipsis");
        }
        b.push_str("\">\n");
        if self.ellipsis {
            b.push_str("&ctdot;");
        } else {
            let number = self.number.as_deref().unwrap_or_default();
            b.push_str("<a class=\"govuk-link govuk-pagination__link\" href=\"");
            escape_into(b, self.href.as_deref().unwrap_or_default());
            b.push_str("\" aria-label=\"");
            match &self.visually_hidden_text {
                Some(v) => escape_into(b, v),
                None => {
                    let (before, after) = language
                        .text(Text::PageNumber)
                        .split_once("%{number}")
                        .unwrap_or(("Page ", ""));
                    b.push_str(before);
                    escape_into(b, number);
                    b.push_str(after);
                }
            }
            b.push('"');
            if self.current {
                b.push_str(" aria-current=\"page\"");
            }
            self.attributes.render_to(b);
            b.push_str(">\n");
            escape_into(b, number);
            b.push_str("\n</a>");
        }
        b.push_str("\n</li>\n");
    }
}

impl Render for Pagination {
    fn render_to(&self, b: &mut String) {
        let block = self.items.is_none() && (self.next.is_some() || self.previous.is_some());
        b.push_str("<nav class=\"govuk-pagination");
        if block {
            b.push_str(" govuk-pagination--block");
        }
        if let Some(c) = given(&self.classes) {
            b.push(' ');
            escape_into(b, c);
        }
        b.push_str("\" aria-label=\"");
        escape_into(
            b,
            given(&self.landmark_label).unwrap_or(self.language.text(Text::Pagination)),
        );
        b.push('"');
        self.attributes.render_to(b);
        b.push_str(">\n");
        if let Some(prev) = self.previous.as_ref().filter(|p| given(&p.href).is_some()) {
            prev.render(b, false, block, self.language);
        }
        if let Some(items) = &self.items {
            b.push_str("<ul class=\"govuk-pagination__list\">\n");
            // Upstream skips items with no keys at all (`item | length > 0`).
            for item in items.iter().flatten().filter(|i| !i.is_empty()) {
                item.render(b, self.language);
            }
            b.push_str("</ul>\n");
        }
        if let Some(next) = self.next.as_ref().filter(|p| given(&p.href).is_some()) {
            next.render(b, true, block, self.language);
        }
        b.push_str("</nav>");
    }
}

impl Pagination {
    /// No links yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the "Previous" link.
    pub fn previous(mut self, href: impl Into<String>) -> Self {
        self.previous = Some(PaginationLink {
            href: Some(href.into()),
            ..PaginationLink::default()
        });
        self
    }

    /// Adds the "Next" link.
    pub fn next(mut self, href: impl Into<String>) -> Self {
        self.next = Some(PaginationLink {
            href: Some(href.into()),
            ..PaginationLink::default()
        });
        self
    }

    /// Adds a numbered page link.
    pub fn page(mut self, number: u32, href: impl Into<String>, current: bool) -> Self {
        self.items
            .get_or_insert_with(Vec::new)
            .push(Some(PaginationItem {
                number: Some(number.to_string()),
                href: Some(href.into()),
                current,
                ..PaginationItem::default()
            }));
        self
    }

    /// Adds an ellipsis for skipped pages.
    pub fn ellipsis(mut self) -> Self {
        self.items
            .get_or_insert_with(Vec::new)
            .push(Some(PaginationItem {
                ellipsis: true,
                ..PaginationItem::default()
            }));
        self
    }

    /// Chooses the language of the built-in texts.
    pub fn language(mut self, language: Language) -> Self {
        self.language = language;
        self
    }
}

crate::builder::string_setters!(Pagination {
    classes: "Adds classes to the outer element.",
});
crate::builder::attributes_setter!(Pagination);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_texts_follow_the_language() {
        let html = Pagination::new()
            .previous("?p=1")
            .page(2, "?p=2", true)
            .next("?p=3")
            .language(Language::Welsh)
            .render()
            .into_string();
        assert!(html.contains("Blaenorol<span class=\"govuk-visually-hidden\"> tudalen</span>"));
        assert!(html.contains(r#"aria-label="Tudalen 2""#));
        assert!(html.contains(r#"aria-label="Tudaleniad""#));
    }

    #[test]
    fn previous_and_next_alone_are_stacked() {
        let html = Pagination::new()
            .previous("?p=1")
            .next("?p=3")
            .render()
            .into_string();
        assert!(html.contains("govuk-pagination--block"));
    }
}
