//! The [cookie banner](https://design-system.service.gov.uk/components/cookie-banner/): asks
//! residents to accept or reject optional cookies.

use crate::Button;
use crate::attributes::Attributes;
use crate::content::Content;
use crate::de::given;
use crate::escape::escape_into;
use crate::i18n::{Language, Text};
use maud::Render;
use serde::Deserialize;

/// Parameters of the cookie banner: upstream's `govukCookieBanner` options.
///
/// ```
/// use civic_components::{CookieBanner, CookieBannerMessage};
/// use maud::Render;
///
/// let html = CookieBanner::new([CookieBannerMessage::new("Cookies on Report a missed bin", "We use some essential cookies.")
///     .button("Accept analytics cookies", "cookies", "accept")
///     .link("View cookies", "/cookies")])
/// .render()
/// .into_string();
/// assert!(html.contains(r#"value="accept""#));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct CookieBanner {
    /// The messages; `None` stands for a falsy entry.
    #[serde(deserialize_with = "crate::de::items_with_gaps")]
    pub messages: Vec<Option<CookieBannerMessage>>,
    /// The region label (default "Cookie banner").
    #[serde(deserialize_with = "crate::de::string")]
    pub aria_label: Option<String>,
    /// Hides it until the script shows it.
    #[serde(deserialize_with = "crate::de::truthy")]
    pub hidden: bool,
    /// Extra classes on this element.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra attributes on this element.
    pub attributes: Attributes,
    /// The language of built-in texts, when the options do not set them.
    #[serde(skip)]
    pub language: Language,
}

/// One message: the question, or a confirmation.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct CookieBannerMessage {
    /// The heading as text.
    #[serde(deserialize_with = "crate::de::string")]
    pub heading_text: Option<String>,
    /// The heading as trusted HTML; wins over `heading_text`.
    #[serde(deserialize_with = "crate::de::string")]
    pub heading_html: Option<String>,
    /// The message as text, in a paragraph.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// The content as trusted HTML; wins over `text`.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
    /// Buttons and links under the message.
    #[serde(deserialize_with = "crate::de::object")]
    pub actions: Option<Vec<Option<CookieBannerAction>>>,
    /// Hides it until the script shows it.
    #[serde(deserialize_with = "crate::de::truthy")]
    pub hidden: bool,
    /// The ARIA role, such as `alert` for confirmations.
    #[serde(deserialize_with = "crate::de::string")]
    pub role: Option<String>,
    /// Extra classes on this element.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra attributes on this element.
    pub attributes: Attributes,
}

/// A button or link under a message.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct CookieBannerAction {
    /// The message as text, in a paragraph.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// `type`: the button type; with `href` and no `button` type the action is a link.
    #[serde(rename = "type", deserialize_with = "crate::de::string")]
    pub kind: Option<String>,
    /// Makes the action a link (unless `type` is `button`).
    #[serde(deserialize_with = "crate::de::string")]
    pub href: Option<String>,
    /// The button's `name`.
    #[serde(deserialize_with = "crate::de::string")]
    pub name: Option<String>,
    /// The button's `value`.
    #[serde(deserialize_with = "crate::de::string")]
    pub value: Option<String>,
    /// Extra classes on this element.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra attributes on this element.
    pub attributes: Attributes,
}

impl CookieBannerAction {
    fn render(&self, b: &mut String) {
        let href = given(&self.href);
        if href.is_none() || self.kind.as_deref() == Some("button") {
            Button {
                text: self.text.clone(),
                button_type: Some(given(&self.kind).unwrap_or("button").to_owned()),
                name: self.name.clone(),
                value: self.value.clone(),
                classes: self.classes.clone(),
                href: self.href.clone(),
                attributes: self.attributes.clone(),
                ..Button::default()
            }
            .render_to(b);
        } else {
            b.push_str("<a");
            b.push_str(" class=\"govuk-link");
            if let Some(classes) = given(&self.classes) {
                b.push(' ');
                escape_into(b, classes);
            }
            b.push('"');
            b.push_str(" href=\"");
            escape_into(b, href.unwrap_or_default());
            b.push('"');
            self.attributes.render_to(b);
            b.push('>');
            escape_into(b, self.text.as_deref().unwrap_or_default());
            b.push_str("</a>");
        }
    }
}

impl Render for CookieBanner {
    fn render_to(&self, b: &mut String) {
        b.push_str("<div");
        b.push_str(" class=\"govuk-cookie-banner");
        if let Some(classes) = given(&self.classes) {
            b.push(' ');
            escape_into(b, classes);
        }
        b.push('"');
        b.push_str(" data-nosnippet role=\"region\" aria-label=\"");
        escape_into(
            b,
            given(&self.aria_label).unwrap_or(self.language.text(Text::CookieBanner)),
        );
        b.push('"');
        if self.hidden {
            b.push_str(" hidden");
        }
        self.attributes.render_to(b);
        b.push_str(">\n");
        let none = CookieBannerMessage::default();
        for message in &self.messages {
            let m = message.as_ref().unwrap_or(&none);
            b.push_str("<div class=\"govuk-cookie-banner__message");
            if let Some(c) = given(&m.classes) {
                b.push(' ');
                escape_into(b, c);
            }
            b.push_str(" govuk-width-container\"");
            if let Some(role) = given(&m.role) {
                b.push_str(" role=\"");
                escape_into(b, role);
                b.push('"');
            }
            m.attributes.render_to(b);
            if m.hidden {
                b.push_str(" hidden");
            }
            b.push_str(
                ">\n<div class=\"govuk-grid-row\">\n<div class=\"govuk-grid-column-two-thirds\">\n",
            );
            if Content::from_fields(&m.heading_text, &m.heading_html).is_some() {
                b.push_str("<h2 class=\"govuk-cookie-banner__heading govuk-heading-m\">\n");
                if let Some(content) = Content::from_fields(&m.heading_text, &m.heading_html) {
                    content.render_to(b);
                }
                b.push_str("\n</h2>\n");
            }
            b.push_str("<div class=\"govuk-cookie-banner__content\">\n");
            if let Some(h) = given(&m.html) {
                b.push_str(h.trim());
                b.push('\n');
            } else if let Some(t) = given(&m.text) {
                b.push_str("<p class=\"govuk-body\">");
                escape_into(b, t);
                b.push_str("</p>\n");
            }
            b.push_str("</div>\n</div>\n</div>\n");
            if let Some(actions) = &m.actions {
                b.push_str("<div class=\"govuk-button-group\">\n");
                let none = CookieBannerAction::default();
                for action in actions {
                    action.as_ref().unwrap_or(&none).render(b);
                    b.push('\n');
                }
                b.push_str("</div>\n");
            }
            b.push_str("</div>\n");
        }
        b.push_str("</div>");
    }
}

impl CookieBanner {
    /// A banner with these messages (the question, then the confirmations the script reveals).
    pub fn new(messages: impl IntoIterator<Item = CookieBannerMessage>) -> Self {
        Self {
            messages: messages.into_iter().map(Some).collect(),
            ..Self::default()
        }
    }

    /// Hides the whole banner (for example once the resident has chosen).
    pub fn hidden(mut self, hidden: bool) -> Self {
        self.hidden = hidden;
        self
    }

    /// Chooses the language of the built-in texts.
    pub fn language(mut self, language: Language) -> Self {
        self.language = language;
        self
    }
}

impl CookieBannerMessage {
    /// A message with a heading and a paragraph of text.
    pub fn new(heading: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            heading_text: Some(heading.into()),
            text: Some(text.into()),
            ..Self::default()
        }
    }

    /// Adds a form button that submits `name=value`.
    pub fn button(
        mut self,
        text: impl Into<String>,
        name: impl Into<String>,
        value: impl Into<String>,
    ) -> Self {
        self.actions
            .get_or_insert_with(Vec::new)
            .push(Some(CookieBannerAction {
                text: Some(text.into()),
                kind: Some("submit".to_owned()),
                name: Some(name.into()),
                value: Some(value.into()),
                ..CookieBannerAction::default()
            }));
        self
    }

    /// Adds a link.
    pub fn link(mut self, text: impl Into<String>, href: impl Into<String>) -> Self {
        self.actions
            .get_or_insert_with(Vec::new)
            .push(Some(CookieBannerAction {
                text: Some(text.into()),
                href: Some(href.into()),
                ..CookieBannerAction::default()
            }));
        self
    }

    /// Hides this message until the script reveals it.
    pub fn hidden(mut self, hidden: bool) -> Self {
        self.hidden = hidden;
        self
    }
}

crate::builder::string_setters!(CookieBanner {
    classes: "Adds classes to the outer element.",
});
crate::builder::attributes_setter!(CookieBanner);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buttons_submit_and_links_link() {
        let html = CookieBanner::new([CookieBannerMessage::new("Cookies", "We use cookies.")
            .button("Accept", "cookies", "accept")
            .link("View cookies", "/cookies")])
        .language(Language::Welsh)
        .render()
        .into_string();
        assert!(html.contains(r#"<button type="submit" value="accept" name="cookies""#));
        assert!(html.contains(r#"<a class="govuk-link" href="/cookies">View cookies</a>"#));
        assert!(html.contains(r#"aria-label="Baner cwcis""#));
    }
}
