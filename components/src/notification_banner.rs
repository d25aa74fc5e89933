//! The [notification banner](https://design-system.service.gov.uk/components/notification-banner/):
//! tells residents about something important, or that something they did worked.

use crate::attributes::Attributes;
use crate::de::given;
use crate::escape::escape_into;
use crate::i18n::{Language, Text};
use maud::{Markup, Render};
use serde::Deserialize;

/// Parameters of the notification banner: upstream's `govukNotificationBanner` options.
///
/// ```
/// use civic_components::NotificationBanner;
/// use maud::Render;
///
/// let html = NotificationBanner::success("Your report has been sent").render().into_string();
/// assert!(html.contains(r#"role="alert""#));
/// assert!(html.contains("Success"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct NotificationBanner {
    /// The message as text, shown as a heading-sized paragraph.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// The message as trusted HTML; wins over `text`.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
    /// The title as text (default "Important", or "Success" for the success type).
    #[serde(deserialize_with = "crate::de::string")]
    pub title_text: Option<String>,
    /// The title as trusted HTML; wins over `title_text`.
    #[serde(deserialize_with = "crate::de::string")]
    pub title_html: Option<String>,
    /// Heading level of the title, 1 to 6 (default 2).
    #[serde(deserialize_with = "crate::de::string")]
    pub title_heading_level: Option<String>,
    /// The id of the title (default `govuk-notification-banner-title`).
    #[serde(deserialize_with = "crate::de::string")]
    pub title_id: Option<String>,
    /// `type`: `success` for the green banner that reports an action worked.
    #[serde(rename = "type", deserialize_with = "crate::de::string")]
    pub kind: Option<String>,
    /// Overrides the ARIA role (`region`, or `alert` for success).
    #[serde(deserialize_with = "crate::de::string")]
    pub role: Option<String>,
    /// `disableAutoFocus`, written as `data-disable-auto-focus` whenever it is given.
    #[serde(deserialize_with = "crate::de::optional_truthy")]
    pub disable_auto_focus: Option<bool>,
    /// Extra classes on this element.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra attributes on this element.
    pub attributes: Attributes,
    /// Children given in Rust, in place of the `html`/`text` content (upstream's `caller`).
    #[serde(skip)]
    pub caller: Option<String>,
    /// The language of built-in texts, when the options do not set them.
    #[serde(skip)]
    pub language: Language,
}

impl Render for NotificationBanner {
    fn render_to(&self, b: &mut String) {
        let success = self.kind.as_deref() == Some("success");
        let title_id = given(&self.title_id).unwrap_or("govuk-notification-banner-title");
        let level = given(&self.title_heading_level).unwrap_or("2");
        b.push_str("<div class=\"govuk-notification-banner");
        if success {
            b.push_str(" govuk-notification-banner--success");
        }
        if let Some(c) = given(&self.classes) {
            b.push(' ');
            escape_into(b, c);
        }
        b.push_str("\" role=\"");
        escape_into(
            b,
            given(&self.role).unwrap_or(if success { "alert" } else { "region" }),
        );
        b.push_str("\" aria-labelledby=\"");
        escape_into(b, title_id);
        b.push_str("\" data-module=\"govuk-notification-banner\"");
        if let Some(v) = &self.disable_auto_focus {
            b.push_str(" data-disable-auto-focus=\"");
            b.push_str(if *v { "true" } else { "false" });
            b.push('"');
        }
        self.attributes.render_to(b);
        b.push_str(">\n<div class=\"govuk-notification-banner__header\">\n<h");
        escape_into(b, level);
        b.push_str(" class=\"govuk-notification-banner__title\" id=\"");
        escape_into(b, title_id);
        b.push_str("\">\n");
        if let Some(h) = given(&self.title_html) {
            b.push_str(h);
        } else if let Some(t) = given(&self.title_text) {
            escape_into(b, t);
        } else {
            b.push_str(self.language.text(if success {
                Text::Success
            } else {
                Text::Important
            }));
        }
        b.push_str("\n</h");
        escape_into(b, level);
        b.push_str(">\n</div>\n<div class=\"govuk-notification-banner__content\">\n");
        if let Some(c) = &self.caller {
            b.push_str(c);
            b.push('\n');
        } else if let Some(h) = given(&self.html) {
            b.push_str(h.trim());
            b.push('\n');
        } else if let Some(t) = given(&self.text) {
            b.push_str("<p class=\"govuk-notification-banner__heading\">\n");
            escape_into(b, t.trim());
            b.push_str("\n</p>\n");
        }
        b.push_str("</div>\n</div>");
    }
}

impl NotificationBanner {
    /// A banner telling residents something important, as text.
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: Some(text.into()),
            ..Self::default()
        }
    }

    /// A green banner telling residents that what they did worked.
    pub fn success(text: impl Into<String>) -> Self {
        Self {
            kind: Some("success".to_owned()),
            ..Self::new(text)
        }
    }

    /// Sets the title.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title_text = Some(title.into());
        self
    }

    /// Shows these children as the content.
    pub fn children(mut self, children: Markup) -> Self {
        self.caller = Some(children.0);
        self
    }

    /// Chooses the language of the default title.
    pub fn language(mut self, language: Language) -> Self {
        self.language = language;
        self
    }
}

crate::builder::string_setters!(NotificationBanner {
    classes: "Adds classes to the outer element.",
});
crate::builder::attributes_setter!(NotificationBanner);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn success_banner_is_an_alert_titled_in_the_page_language() {
        let html = NotificationBanner::success("Wedi anfon")
            .language(Language::Welsh)
            .render()
            .into_string();
        assert!(html.contains(r#"role="alert""#));
        assert!(html.contains("govuk-notification-banner--success"));
        assert!(html.contains("Llwyddiant"));
    }

    #[test]
    fn children_replace_the_text() {
        let html = NotificationBanner::new("ignored")
            .children(maud::html! { p { "Bins are late" } })
            .render()
            .into_string();
        assert!(html.contains("<p>Bins are late</p>"));
        assert!(!html.contains("ignored"));
    }
}
