//! The [exit this page](https://design-system.service.gov.uk/components/exit-this-page/) button:
//! lets a resident at risk leave the page quickly (also by pressing Shift three times).

use crate::Button;
use crate::attributes::Attributes;
use crate::content::Content;
use crate::de::given;
use crate::escape::escape_into;
use crate::i18n::{Language, Text};
use maud::Render;
use serde::Deserialize;

/// Parameters of the exit this page button: upstream's `govukExitThisPage` options.
///
/// ```
/// use civic_components::ExitThisPage;
/// use maud::Render;
///
/// let html = ExitThisPage::new().redirect_url("https://www.bbc.co.uk/weather").render().into_string();
/// assert!(html.contains("Exit this page"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ExitThisPage {
    /// The button text (default "Emergency Exit this page", the first word hidden).
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// The button content as trusted HTML.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
    /// The page the button leaves for (default BBC Weather).
    #[serde(deserialize_with = "crate::de::string")]
    pub redirect_url: Option<String>,
    /// The `id` attribute.
    #[serde(deserialize_with = "crate::de::string")]
    pub id: Option<String>,
    /// Announced when the page is leaving.
    #[serde(deserialize_with = "crate::de::string")]
    pub activated_text: Option<String>,
    /// Announced when the Shift presses time out.
    #[serde(deserialize_with = "crate::de::string")]
    pub timed_out_text: Option<String>,
    /// Announced after one Shift press.
    #[serde(deserialize_with = "crate::de::string")]
    pub press_two_more_times_text: Option<String>,
    /// Announced after two Shift presses.
    #[serde(deserialize_with = "crate::de::string")]
    pub press_one_more_time_text: Option<String>,
    /// Extra classes on this element.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra attributes on this element.
    pub attributes: Attributes,
    /// The language of built-in texts, when the options do not set them.
    #[serde(skip)]
    pub language: Language,
}

impl Render for ExitThisPage {
    fn render_to(&self, b: &mut String) {
        b.push_str("<div");
        if let Some(id) = given(&self.id) {
            b.push_str(" id=\"");
            escape_into(b, id);
            b.push('"');
        }
        b.push_str(" class=\"govuk-exit-this-page");
        if let Some(classes) = given(&self.classes) {
            b.push(' ');
            escape_into(b, classes);
        }
        b.push('"');
        b.push_str(" data-module=\"govuk-exit-this-page\"");
        self.attributes.render_to(b);
        // The script's texts are English; a Welsh page passes its own unless the options did.
        let welsh = self.language == Language::Welsh;
        for (key, v, text) in [
            (
                "activated",
                &self.activated_text,
                Text::ExitThisPageActivated,
            ),
            (
                "timed-out",
                &self.timed_out_text,
                Text::ExitThisPageTimedOut,
            ),
            (
                "press-two-more-times",
                &self.press_two_more_times_text,
                Text::ExitThisPagePressTwoMoreTimes,
            ),
            (
                "press-one-more-time",
                &self.press_one_more_time_text,
                Text::ExitThisPagePressOneMoreTime,
            ),
        ] {
            if let Some(v) = given(v).or(welsh.then(|| self.language.text(text))) {
                b.push_str(" data-i18n.");
                b.push_str(key);
                b.push_str("=\"");
                escape_into(b, v);
                b.push('"');
            }
        }
        b.push_str("\n>\n");
        let html = if Content::from_fields(&self.text, &self.html).is_some() {
            self.html.clone()
        } else {
            Some(format!(
                "<span class=\"govuk-visually-hidden\">{}</span> {}",
                self.language.text(Text::Emergency),
                self.language.text(Text::ExitThisPage)
            ))
        };
        Button {
            html,
            text: self.text.clone(),
            classes: Some(
                "govuk-button--warning govuk-exit-this-page__button govuk-js-exit-this-page-button"
                    .to_owned(),
            ),
            href: Some(
                given(&self.redirect_url)
                    .unwrap_or("https://www.bbc.co.uk/weather")
                    .to_owned(),
            ),
            attributes: Attributes::new()
                .with("rel", "nofollow noreferrer")
                .unwrap_or_default(),
            ..Button::default()
        }
        .render_to(b);
        b.push_str("\n</div>");
    }
}

impl ExitThisPage {
    /// The button, leaving for upstream's default page (BBC Weather).
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the page the button leaves for.
    pub fn redirect_url(mut self, url: impl Into<String>) -> Self {
        self.redirect_url = Some(url.into());
        self
    }

    /// Chooses the language of the built-in texts.
    pub fn language(mut self, language: Language) -> Self {
        self.language = language;
        self
    }
}

crate::builder::string_setters!(ExitThisPage {
    classes: "Adds classes to the outer element.",
});
crate::builder::attributes_setter!(ExitThisPage);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn welsh_page_passes_welsh_texts_to_the_script() {
        let html = ExitThisPage::new()
            .language(Language::Welsh)
            .render()
            .into_string();
        assert!(html.contains("Gadael y dudalen hon"));
        assert!(html.contains(r#"data-i18n.timed-out="Wedi&#39;i amseru""#));
        assert!(
            !ExitThisPage::new()
                .render()
                .into_string()
                .contains("data-i18n")
        );
    }
}
