//! The [select](https://design-system.service.gov.uk/components/select/): one choice from a
//! drop-down list.

use std::fmt;

use maud::Render;
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use crate::attributes::Attributes;
use crate::element::{Classes, open};
use crate::error_message::ErrorMessage;
use crate::hint::Hint;
use crate::input::{FormGroup, field_prelude, open_form_group};
use crate::label::Label;

/// A select: `govukSelect` options.
///
/// ```
/// use civic_components::{Label, Select, SelectItem};
/// let select = Select::new("sort")
///     .label(Label::text("Sort by"))
///     .item(SelectItem::new("published", "Recently published"))
///     .item(SelectItem::new("updated", "Recently updated"))
///     .value("updated");
/// assert!(maud::Render::render(&select).into_string().contains(r#"<option value="updated" selected>"#));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct Select {
    /// The select's `id`; defaults to `name`.
    #[serde(deserialize_with = "crate::de::string")]
    pub id: Option<String>,
    /// The name submitted with the form.
    #[serde(deserialize_with = "crate::de::string")]
    pub name: Option<String>,
    /// The options; falsy entries are skipped, as upstream skips them.
    #[serde(deserialize_with = "crate::de::items")]
    pub items: Vec<SelectItem>,
    /// The value of the option to select (items with `selected` set win).
    #[serde(deserialize_with = "crate::de::string")]
    pub value: Option<String>,
    /// Whether the select is disabled.
    #[serde(deserialize_with = "crate::de::truthy")]
    pub disabled: bool,
    /// Element ids to add to `aria-describedby`, before the hint's and error's.
    #[serde(deserialize_with = "crate::de::string")]
    pub described_by: Option<String>,
    /// The label.
    #[serde(deserialize_with = "crate::de::object")]
    pub label: Option<Label>,
    /// The hint.
    #[serde(deserialize_with = "crate::de::object")]
    pub hint: Option<Hint>,
    /// The error message; also puts the field in its error state.
    #[serde(deserialize_with = "crate::de::object")]
    pub error_message: Option<ErrorMessage>,
    /// Options for the surrounding form group.
    #[serde(deserialize_with = "crate::de::object")]
    pub form_group: Option<FormGroup>,
    /// Extra classes for the select.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra HTML attributes for the select.
    pub attributes: Attributes,
}

/// One option of a [`Select`].
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct SelectItem {
    /// The option's `value`; without one the browser submits the text.
    #[serde(deserialize_with = "value_text")]
    pub value: Option<String>,
    /// The text shown.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// Selected (`Some(false)` stops the select's `value` from selecting it).
    #[serde(deserialize_with = "crate::de::optional_truthy")]
    pub selected: Option<bool>,
    /// Whether the option is disabled.
    #[serde(deserialize_with = "crate::de::truthy")]
    pub disabled: bool,
    /// Extra HTML attributes for the option.
    pub attributes: Attributes,
}

impl SelectItem {
    /// An option with a value and the text shown for it.
    pub fn new(value: impl Into<String>, text: impl Into<String>) -> Self {
        SelectItem {
            value: Some(value.into()),
            text: Some(text.into()),
            ..SelectItem::default()
        }
    }

    /// Selects the option.
    pub fn selected(mut self) -> Self {
        self.selected = Some(true);
        self
    }

    /// Disables the option.
    pub fn disabled(mut self) -> Self {
        self.disabled = true;
        self
    }
}

impl Select {
    /// A select submitted as `name` (also its `id` unless [`Select::id`] is set).
    pub fn new(name: impl Into<String>) -> Self {
        Select {
            name: Some(name.into()),
            ..Select::default()
        }
    }

    /// Sets the `id`.
    pub fn id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// Sets the label.
    pub fn label(mut self, label: Label) -> Self {
        self.label = Some(label);
        self
    }

    /// Sets the hint.
    pub fn hint(mut self, hint: Hint) -> Self {
        self.hint = Some(hint);
        self
    }

    /// Sets the error message, putting the field in its error state.
    pub fn error_message(mut self, error_message: ErrorMessage) -> Self {
        self.error_message = Some(error_message);
        self
    }

    /// Adds an option.
    pub fn item(mut self, item: SelectItem) -> Self {
        self.items.push(item);
        self
    }

    /// Selects the option with this value.
    pub fn value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(value.into());
        self
    }

    /// Disables the select.
    pub fn disabled(mut self) -> Self {
        self.disabled = true;
        self
    }

    /// Adds element ids to `aria-describedby`.
    pub fn described_by(mut self, ids: impl Into<String>) -> Self {
        self.described_by = Some(ids.into());
        self
    }

    /// Adds classes to the select.
    pub fn classes(mut self, classes: impl Into<String>) -> Self {
        self.classes = Some(classes.into());
        self
    }

    /// Sets the form group options.
    pub fn form_group(mut self, form_group: FormGroup) -> Self {
        self.form_group = Some(form_group);
        self
    }

    /// Sets extra HTML attributes on the select.
    pub fn attributes(mut self, attributes: Attributes) -> Self {
        self.attributes = attributes;
        self
    }
}

impl Render for Select {
    fn render_to(&self, out: &mut String) {
        let id = self.id.as_deref().or(self.name.as_deref()).unwrap_or("");
        let mut described_by = self.described_by.clone().unwrap_or_default();
        let group = self.form_group.as_ref();
        open_form_group(
            out,
            self.error_message.is_some(),
            group.and_then(|g| g.classes.as_deref()),
            group.map(|g| &g.attributes),
            None,
        );
        field_prelude(
            out,
            id,
            self.label.as_ref(),
            self.hint.as_ref(),
            self.error_message.as_ref(),
            &mut described_by,
        );
        if let Some(before) = group.and_then(|g| g.before_input.as_ref()) {
            before.render_to(out);
            out.push('\n');
        }
        let mut classes = Classes::new("govuk-select");
        classes
            .add(self.classes.as_deref())
            .add_if(self.error_message.is_some(), "govuk-select--error");
        let out = open(out, "select")
            .attr("class", classes.as_str())
            .attr("id", id)
            .attr("name", self.name.as_deref().unwrap_or(""))
            .flag("disabled", self.disabled)
            .attr_if("aria-describedby", Some(described_by.as_str()))
            .attrs(&self.attributes)
            .end();
        out.push('\n');
        let value = self.value.as_deref().filter(|v| !v.is_empty());
        for item in &self.items {
            // Without a value attribute an option is selected by its text, as in the browser.
            let effective = item.value.as_deref().or(item.text.as_deref());
            let selected = item.selected == Some(true)
                || (value.is_some() && effective == value && item.selected != Some(false));
            let mut tag = open(out, "option");
            if let Some(value) = &item.value {
                tag = tag.attr("value", value);
            }
            let out = tag
                .flag("selected", selected)
                .flag("disabled", item.disabled)
                .attrs(&item.attributes)
                .end();
            if let Some(text) = &item.text {
                crate::escape::escape_into(out, text);
            }
            out.push_str("</option>\n");
        }
        out.push_str("</select>\n");
        if let Some(after) = group.and_then(|g| g.after_input.as_ref()) {
            after.render_to(out);
            out.push('\n');
        }
        out.push_str("</div>");
    }
}

/// A JavaScript value printed into `value="{{ item.value }}"`: `null` prints as nothing and
/// `false` as `false`, unlike other string options.
pub(crate) fn value_text<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    struct ValueText;
    impl<'de> Visitor<'de> for ValueText {
        type Value = Option<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a string, a number, a boolean or null")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(v.to_owned()))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            Ok(Some(crate::de::js_number(v)))
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Some(String::new()))
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Some(String::new()))
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
    }
    deserializer.deserialize_any(ValueText)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_selects_by_value_or_text() {
        let html = Select::new("colour")
            .item(SelectItem::new("r", "Red"))
            .item(SelectItem {
                text: Some("Green".into()),
                ..SelectItem::default()
            })
            .value("Green")
            .render()
            .into_string();
        assert!(
            html.contains("<option value=\"r\">Red</option>\n<option selected>Green</option>"),
            "{html}"
        );
    }

    #[test]
    fn null_and_false_values_print_as_upstream_prints_them() {
        let select: Select = serde_json::from_value(serde_json::json!({
            "name": "n", "items": [{"text": "a", "value": null}, {"text": "b", "value": false}, false]
        }))
        .unwrap();
        let html = select.render().into_string();
        assert!(
            html.contains(
                "<option value=\"\">a</option>\n<option value=\"false\">b</option>\n</select>"
            ),
            "{html}"
        );
    }
}
