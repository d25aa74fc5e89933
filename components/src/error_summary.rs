//! The [error summary](https://design-system.service.gov.uk/components/error-summary/): the box
//! at the top of a page that lists what went wrong, each error linked to its field.

use crate::attributes::Attributes;
use crate::content::Content;
use crate::de::given;
use crate::escape::escape_into;
use maud::{Markup, Render};
use serde::Deserialize;

/// Parameters of the error summary: upstream's `govukErrorSummary` options.
///
/// ```
/// use civic_components::ErrorSummary;
/// use maud::Render;
///
/// let html = ErrorSummary::new("There is a problem")
///     .error("Enter your postcode", "#postcode")
///     .render()
///     .into_string();
/// assert!(html.contains(r##"<a href="#postcode">Enter your postcode</a>"##));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ErrorSummary {
    /// The heading as text (`titleText`), usually "There is a problem".
    #[serde(deserialize_with = "crate::de::string")]
    pub title_text: Option<String>,
    /// The heading as trusted HTML (`titleHtml`); wins over `title_text`.
    #[serde(deserialize_with = "crate::de::string")]
    pub title_html: Option<String>,
    /// A paragraph under the heading, as text (`descriptionText`).
    #[serde(deserialize_with = "crate::de::string")]
    pub description_text: Option<String>,
    /// A paragraph under the heading, as trusted HTML (`descriptionHtml`).
    #[serde(deserialize_with = "crate::de::string")]
    pub description_html: Option<String>,
    /// The errors (`errorList`); `None` stands for upstream's falsy entries, which are skipped.
    #[serde(deserialize_with = "crate::de::items_with_gaps")]
    pub error_list: Vec<Option<ErrorSummaryItem>>,
    /// `disableAutoFocus`, written as `data-disable-auto-focus` whenever it is given.
    #[serde(deserialize_with = "crate::de::optional_truthy")]
    pub disable_auto_focus: Option<bool>,
    /// Extra classes on the outer element.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra attributes on the outer element.
    pub attributes: Attributes,
    /// Children shown in place of the description (upstream's `caller` content).
    #[serde(skip)]
    pub caller: Option<String>,
}

/// One error in the summary's list.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ErrorSummaryItem {
    /// Where the error links to: `#` and the field's id. Without it the error is plain text.
    #[serde(deserialize_with = "crate::de::string")]
    pub href: Option<String>,
    /// The message as text.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// The message as trusted HTML; wins over `text`.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
    /// Extra attributes on the link.
    pub attributes: Attributes,
}

impl ErrorSummary {
    /// An error summary with this heading.
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            title_text: Some(title.into()),
            ..Self::default()
        }
    }

    /// Adds an error that links to `href` (`#` and the field's id).
    pub fn error(mut self, text: impl Into<String>, href: impl Into<String>) -> Self {
        self.error_list
            .push(Some(ErrorSummaryItem::text(text).href(href)));
        self
    }

    /// Adds an error built by hand (an HTML message, no link, attributes).
    pub fn item(mut self, item: ErrorSummaryItem) -> Self {
        self.error_list.push(Some(item));
        self
    }

    /// Sets the paragraph under the heading.
    pub fn description(mut self, text: impl Into<String>) -> Self {
        self.description_text = Some(text.into());
        self
    }

    /// Shows these children where the description goes.
    pub fn children(mut self, children: Markup) -> Self {
        self.caller = Some(children.0);
        self
    }

    /// Stops (`true`) or explicitly allows (`false`) the script moving focus to the summary.
    pub fn disable_auto_focus(mut self, disable: bool) -> Self {
        self.disable_auto_focus = Some(disable);
        self
    }

    /// Adds classes to the outer element.
    pub fn classes(mut self, classes: impl Into<String>) -> Self {
        self.classes = Some(classes.into());
        self
    }
}

impl ErrorSummaryItem {
    /// An error given as text.
    pub fn text(text: impl Into<String>) -> Self {
        Self {
            text: Some(text.into()),
            ..Self::default()
        }
    }

    /// An error given as trusted HTML.
    pub fn html(html: impl Into<String>) -> Self {
        Self {
            html: Some(html.into()),
            ..Self::default()
        }
    }

    /// Links the error to `href`.
    pub fn href(mut self, href: impl Into<String>) -> Self {
        self.href = Some(href.into());
        self
    }
}

impl Render for ErrorSummary {
    fn render_to(&self, b: &mut String) {
        b.push_str("<div");
        b.push_str(" class=\"govuk-error-summary");
        if let Some(classes) = given(&self.classes) {
            b.push(' ');
            escape_into(b, classes);
        }
        b.push('"');
        if let Some(v) = &self.disable_auto_focus {
            b.push_str(" data-disable-auto-focus=\"");
            b.push_str(if *v { "true" } else { "false" });
            b.push('"');
        }
        self.attributes.render_to(b);
        b.push_str(" data-module=\"govuk-error-summary\">\n<div role=\"alert\">\n<h2 class=\"govuk-error-summary__title\">\n");
        if let Some(content) = Content::from_fields(&self.title_text, &self.title_html) {
            content.render_to(b);
        }
        b.push_str("\n</h2>\n<div class=\"govuk-error-summary__body\">\n");
        if self.caller.is_some()
            || Content::from_fields(&self.description_text, &self.description_html).is_some()
        {
            b.push_str("<p>\n");
            match &self.caller {
                Some(c) => b.push_str(c),
                None => {
                    if let Some(content) =
                        Content::from_fields(&self.description_text, &self.description_html)
                    {
                        content.render_to(b);
                    }
                }
            }
            b.push_str("\n</p>\n");
        }
        // Upstream tests the list's length, so a list of only falsy entries still gets a <ul>.
        if !self.error_list.is_empty() {
            b.push_str("<ul class=\"govuk-list govuk-error-summary__list\">\n");
            for item in self.error_list.iter().flatten() {
                b.push_str("<li>\n");
                if let Some(href) = given(&item.href) {
                    b.push_str("<a href=\"");
                    escape_into(b, href);
                    b.push('"');
                    item.attributes.render_to(b);
                    b.push('>');
                    if let Some(content) = Content::from_fields(&item.text, &item.html) {
                        content.render_to(b);
                    }
                    b.push_str("</a>");
                } else {
                    if let Some(content) = Content::from_fields(&item.text, &item.html) {
                        content.render_to(b);
                    }
                }
                b.push_str("\n</li>\n");
            }
            b.push_str("</ul>\n");
        }
        b.push_str("</div>\n</div>\n</div>");
    }
}

crate::builder::attributes_setter!(ErrorSummary);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_links_each_error_to_its_field() {
        let html = ErrorSummary::new("There is a problem")
            .error("Enter a postcode", "#postcode")
            .render()
            .into_string();
        assert!(html.contains(r##"<a href="#postcode">Enter a postcode</a>"##));
        assert!(!html.contains("<p>"), "no description was given");
    }

    #[test]
    fn children_take_the_place_of_the_description() {
        let html = ErrorSummary::new("There is a problem")
            .description("ignored")
            .children(maud::html! { strong { "Check your answers" } })
            .render()
            .into_string();
        assert!(html.contains("<p>\n<strong>Check your answers</strong>\n</p>"));
        assert!(!html.contains("ignored"));
    }

    #[test]
    fn text_is_escaped_as_nunjucks_does() {
        let html = ErrorSummary::new("Don't <panic>").render().into_string();
        assert!(html.contains("Don&#39;t &lt;panic&gt;"));
    }
}
