//! The [button](https://design-system.service.gov.uk/components/button/), as a `<button>` or a link.

use maud::{Markup, Render};
use serde::Deserialize;

use crate::attributes::Attributes;
use crate::builder::{attributes_setter, string_setters};
use crate::content::Content;
use crate::element::{Classes, open};

/// The arrow of a start button. Its `<path>` is written self-closed, as upstream.
const START_ICON: &str = "\n  <svg class=\"govuk-button__start-icon\" xmlns=\"http://www.w3.org/2000/svg\" width=\"17.5\" height=\"19\" viewBox=\"0 0 33 40\" aria-hidden=\"true\" focusable=\"false\">\n    <path fill=\"currentColor\" d=\"M0 0h13l20 20-20 20H0l20-20z\"/>\n  </svg>";

/// A button: `govukButton` options. With `href` it is a link styled as a button.
///
/// ```
/// use civic_components::Button;
/// let html = maud::Render::render(&Button::text("Save and continue")).into_string();
/// assert_eq!(html, "<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">\n  Save and continue\n</button>");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct Button {
    /// Plain text; ignored when `html` is set.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// Trusted markup.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
    /// The button's `name`.
    #[serde(deserialize_with = "crate::de::string")]
    pub name: Option<String>,
    /// The button's `type` (`submit` when empty).
    #[serde(rename = "type", deserialize_with = "crate::de::string")]
    pub button_type: Option<String>,
    /// The button's `value`.
    #[serde(deserialize_with = "crate::de::string")]
    pub value: Option<String>,
    /// Disables the button.
    #[serde(deserialize_with = "crate::de::truthy")]
    pub disabled: bool,
    /// Makes the button a link to this address.
    #[serde(deserialize_with = "crate::de::string")]
    pub href: Option<String>,
    /// Written as `data-prevent-double-click` when set (`"true"` or `"false"`).
    #[serde(deserialize_with = "crate::de::printed")]
    pub prevent_double_click: Option<String>,
    /// Makes it a start button, with an arrow.
    #[serde(deserialize_with = "crate::de::truthy")]
    pub is_start_button: bool,
    /// The `id`.
    #[serde(deserialize_with = "crate::de::string")]
    pub id: Option<String>,
    /// Extra classes (`govuk-button--secondary`, `govuk-button--warning`, …).
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra HTML attributes.
    pub attributes: Attributes,
}

impl Button {
    /// A button of plain text.
    pub fn text(text: impl Into<String>) -> Self {
        Button {
            text: Some(text.into()),
            ..Button::default()
        }
    }

    /// A button of trusted markup.
    pub fn html(html: Markup) -> Self {
        Button {
            html: Some(html.0),
            ..Button::default()
        }
    }

    /// Disables the button.
    pub fn disabled(mut self, disabled: bool) -> Self {
        self.disabled = disabled;
        self
    }

    /// Makes it a start button.
    pub fn start(mut self, start: bool) -> Self {
        self.is_start_button = start;
        self
    }

    /// Sets `data-prevent-double-click`.
    pub fn prevent_double_click(mut self, prevent: bool) -> Self {
        self.prevent_double_click = Some(prevent.to_string());
        self
    }
}

string_setters!(Button {
    name: "Sets the `name`.",
    button_type: "Sets the `type` (`submit`, `button`, `reset`).",
    value: "Sets the `value`.",
    href: "Makes the button a link to this address.",
    id: "Sets the `id`.",
    classes: "Adds classes.",
});
attributes_setter!(Button);

impl Render for Button {
    fn render_to(&self, out: &mut String) {
        let mut classes = Classes::new("govuk-button");
        classes
            .add(self.classes.as_deref())
            .add_if(self.is_start_button, "govuk-button--start");
        let content = Content::from_fields(&self.text, &self.html);
        let tag = if let Some(href) = self.href.as_deref().filter(|h| !h.is_empty()) {
            open(out, "a")
                .attr("href", href)
                .raw(" role=\"button\" draggable=\"false\"")
        } else {
            let button_type = self
                .button_type
                .as_deref()
                .filter(|t| !t.is_empty())
                .unwrap_or("submit");
            let tag = open(out, "button")
                .attr("type", button_type)
                .attr_if("value", self.value.as_deref())
                .attr_if("name", self.name.as_deref())
                .raw(if self.disabled {
                    " disabled aria-disabled=\"true\""
                } else {
                    ""
                });
            match self.prevent_double_click.as_deref() {
                Some(prevent) => tag.attr("data-prevent-double-click", prevent),
                None => tag,
            }
        };
        let out = tag
            .attr("class", classes.as_str())
            .raw(" data-module=\"govuk-button\"")
            .attrs(&self.attributes)
            .attr_if("id", self.id.as_deref())
            .end();
        out.push_str("\n  ");
        match content {
            // Start buttons are flex containers, which drop whitespace between children: a span keeps it.
            Some(Content::Html(html)) if self.is_start_button => {
                out.push_str("<span>");
                out.push_str(html.trim());
                out.push_str("</span>");
            }
            Some(content) => content.render_to(out),
            None => {}
        }
        if self.is_start_button {
            out.push_str(START_ICON);
        }
        out.push_str(if self.href.as_deref().is_some_and(|h| !h.is_empty()) {
            "\n</a>"
        } else {
            "\n</button>"
        });
    }
}
