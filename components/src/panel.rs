//! The [panel](https://design-system.service.gov.uk/components/panel/): a confirmation or an interruption.

use maud::{Markup, Render};
use serde::{Deserialize, Deserializer};

use crate::attributes::Attributes;
use crate::builder::{attributes_setter, string_setters};
use crate::button::Button;
use crate::content::Content;
use crate::element::{Classes, open};
use crate::escape::escape_into;

/// A panel: `govukPanel` options, or caller content for the body.
///
/// ```
/// use civic_components::Panel;
/// let panel = Panel::title_text("Application complete").text("Your reference is HDJ2123F");
/// assert!(maud::Render::render(&panel).into_string().starts_with(r#"<div class="govuk-panel govuk-panel--confirmation">"#));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct Panel {
    /// The title as plain text; ignored when `title_html` is set.
    #[serde(deserialize_with = "crate::de::string")]
    pub title_text: Option<String>,
    /// The title as trusted markup.
    #[serde(deserialize_with = "crate::de::string")]
    pub title_html: Option<String>,
    /// The title's heading level, 1 to 6 (1 when absent).
    #[serde(deserialize_with = "heading_level")]
    pub heading_level: Option<u8>,
    /// The body as plain text; ignored when `html` or caller content is set.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// The body as trusted markup; ignored when caller content is set.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
    /// Caller content (upstream's `{% call %}` body), as trusted markup.
    #[serde(skip)]
    pub caller: Option<String>,
    /// Buttons and links, shown only on an interruption panel (`govuk-panel--interruption`).
    #[serde(deserialize_with = "crate::de::object")]
    pub actions: Option<PanelActions>,
    /// Extra classes; `govuk-panel--interruption` makes it an interruption panel.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra HTML attributes.
    pub attributes: Attributes,
}

/// The actions of an interruption panel.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct PanelActions {
    /// The buttons and links.
    #[serde(deserialize_with = "crate::de::items")]
    pub items: Vec<PanelAction>,
    /// Extra classes on the actions' container.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra HTML attributes on the actions' container.
    pub attributes: Attributes,
}

/// One action: a button, or a link when it has `href` and is not `type: "button"`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct PanelAction {
    /// The label.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// Where a link goes.
    #[serde(deserialize_with = "crate::de::string")]
    pub href: Option<String>,
    /// A button's `type` (`button` when empty).
    #[serde(rename = "type", deserialize_with = "crate::de::string")]
    pub action_type: Option<String>,
    /// Extra classes.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra HTML attributes.
    pub attributes: Attributes,
}

fn heading_level<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u8>, D::Error> {
    let Some(text) = crate::de::string(deserializer)?.filter(|t| !t.is_empty() && t != "0") else {
        return Ok(None);
    };
    match text.parse::<u8>() {
        Ok(level @ 1..=6) => Ok(Some(level)),
        _ => Err(serde::de::Error::custom(format!(
            "the heading level must be a number from 1 to 6, not {text:?}"
        ))),
    }
}

impl PanelAction {
    /// A button.
    pub fn button(text: impl Into<String>) -> Self {
        PanelAction {
            text: Some(text.into()),
            ..PanelAction::default()
        }
    }

    /// A link.
    pub fn link(text: impl Into<String>, href: impl Into<String>) -> Self {
        PanelAction {
            text: Some(text.into()),
            href: Some(href.into()),
            ..PanelAction::default()
        }
    }
}

string_setters!(PanelAction {
    action_type: "Sets a button's `type`.",
    classes: "Adds classes."
});
attributes_setter!(PanelAction);

impl Panel {
    /// A panel with a plain-text title.
    pub fn title_text(text: impl Into<String>) -> Self {
        Panel {
            title_text: Some(text.into()),
            ..Panel::default()
        }
    }

    /// A panel with a title of trusted markup.
    pub fn title_html(html: Markup) -> Self {
        Panel {
            title_html: Some(html.0),
            ..Panel::default()
        }
    }

    /// Sets the body as trusted markup.
    pub fn html(mut self, html: Markup) -> Self {
        self.html = Some(html.0);
        self
    }

    /// Sets the body as child markup.
    pub fn caller(mut self, children: Markup) -> Self {
        self.caller = Some(children.0);
        self
    }

    /// Sets the title's heading level (1 to 6; other values fall back to 1).
    pub fn heading_level(mut self, level: u8) -> Self {
        self.heading_level = (1..=6).contains(&level).then_some(level);
        self
    }

    /// Makes it an interruption panel with these actions.
    pub fn interruption(mut self, actions: Vec<PanelAction>) -> Self {
        let mut classes = Classes::new("govuk-panel--interruption");
        classes.add(self.classes.as_deref());
        self.classes = Some(classes.as_str().to_owned());
        self.actions = Some(PanelActions {
            items: actions,
            ..PanelActions::default()
        });
        self
    }
}

string_setters!(Panel {
    text: "Sets the body as plain text.",
    classes: "Adds classes."
});
attributes_setter!(Panel);

impl Render for Panel {
    fn render_to(&self, out: &mut String) {
        let classes_given = self.classes.as_deref().filter(|c| !c.is_empty());
        let interruption = classes_given.is_some_and(|c| c.contains("govuk-panel--interruption"));
        let mut classes = Classes::new("govuk-panel");
        classes
            .add_if(!interruption, "govuk-panel--confirmation")
            .add(classes_given);
        let out = open(out, "div")
            .attr("class", classes.as_str())
            .attrs(&self.attributes)
            .end();
        let level = char::from(b'0' + self.heading_level.unwrap_or(1));
        out.push_str("\n  <h");
        out.push(level);
        out.push_str(" class=\"govuk-panel__title\">\n    ");
        if let Some(title) = Content::from_fields(&self.title_text, &self.title_html) {
            title.render_untrimmed_to(out);
        }
        out.push_str("\n  </h");
        out.push(level);
        out.push_str(">\n");
        let body = Content::from_fields(&self.text, &self.html);
        if self.caller.is_some() || body.is_some() {
            out.push_str("  <div class=\"govuk-panel__body\">\n    ");
            if let Some(caller) = &self.caller {
                out.push_str(caller);
            } else if let Some(body) = body {
                body.render_to(out);
            }
            out.push_str("\n  </div>\n");
        }
        if let Some(actions) = self.actions.as_ref().filter(|_| interruption) {
            out.push_str("  ");
            let out = open(out, "div")
                .class("govuk-panel__actions", actions.classes.as_deref())
                .attrs(&actions.attributes)
                .end();
            if !actions.items.is_empty() {
                out.push_str("<div class=\"govuk-button-group\">\n");
                for action in &actions.items {
                    out.push_str("      ");
                    render_action(action, out);
                    out.push('\n');
                }
                out.push_str("    </div>");
            }
            out.push_str("</div>\n");
        }
        out.push_str("</div>");
    }
}

fn render_action(action: &PanelAction, out: &mut String) {
    let href = action.href.as_deref().filter(|h| !h.is_empty());
    if href.is_none() || action.action_type.as_deref() == Some("button") {
        let mut classes = Classes::new("govuk-button--inverse");
        classes.add(action.classes.as_deref());
        let button = Button {
            text: action.text.clone(),
            button_type: Some(
                action
                    .action_type
                    .clone()
                    .filter(|t| !t.is_empty())
                    .unwrap_or_else(|| "button".to_owned()),
            ),
            classes: Some(classes.as_str().to_owned()),
            href: href.map(str::to_owned),
            attributes: action.attributes.clone(),
            ..Button::default()
        };
        button.render_to(out);
    } else {
        let out = open(out, "a")
            .class("govuk-link govuk-link--inverse", action.classes.as_deref())
            .attr_if("href", href)
            .attrs(&action.attributes)
            .end();
        if let Some(text) = &action.text {
            escape_into(out, text);
        }
        out.push_str("</a>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_levels_outside_1_to_6_are_refused() {
        let err =
            serde_json::from_value::<Panel>(serde_json::json!({ "headingLevel": "2 onclick" }))
                .unwrap_err();
        assert!(err.to_string().contains("from 1 to 6"), "{err}");
        let panel: Panel =
            serde_json::from_value(serde_json::json!({ "headingLevel": 3, "titleText": "t" }))
                .unwrap();
        assert!(
            panel
                .render()
                .into_string()
                .contains("<h3 class=\"govuk-panel__title\">")
        );
    }
}
