//! [Checkboxes](https://design-system.service.gov.uk/components/checkboxes/): any number of
//! choices, with an exclusive "None of these" and conditional reveals.

use std::fmt;

use maud::Render;
use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};

use crate::attributes::Attributes;
use crate::element::open;
use crate::error_message::ErrorMessage;
use crate::fieldset::Fieldset;
use crate::hint::Hint;
use crate::input::{hint_and_error, push_id};
use crate::radios::{
    ChoicesFormGroup, Conditional, ItemLabel, choices_form_group, conditional, has_content,
    item_id, item_label_and_hint, items_numbered,
};

/// Checkboxes: `govukCheckboxes` options.
///
/// ```
/// use civic_components::{CheckboxItem, Checkboxes, Fieldset, Legend};
/// let checkboxes = Checkboxes::new("waste")
///     .fieldset(Fieldset::new().legend(Legend::text("Which types of waste do you transport?")))
///     .item(CheckboxItem::new("animal", "Waste from animal carcasses"))
///     .item(CheckboxItem::divider("or"))
///     .item(CheckboxItem::new("none", "None of these").exclusive())
///     .values(["animal"]);
/// let html = maud::Render::render(&checkboxes).into_string();
/// assert!(html.contains(r#"value="animal" checked"#));
/// assert!(html.contains(r#"data-behaviour="exclusive""#));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct Checkboxes {
    /// Prefix of the items' ids (the first item's id is the prefix alone); defaults to `name`.
    #[serde(deserialize_with = "crate::de::string")]
    pub id_prefix: Option<String>,
    /// The name submitted with the form (items may override it).
    #[serde(deserialize_with = "crate::de::string")]
    pub name: Option<String>,
    /// The choices. Falsy entries are skipped but still count towards the numbered ids.
    #[serde(deserialize_with = "items_numbered")]
    pub items: Vec<Option<CheckboxItem>>,
    /// The values of the items to check (items with `checked` set win).
    #[serde(deserialize_with = "values")]
    pub values: Option<Vec<String>>,
    /// Element ids to add to `aria-describedby` (replaced by the fieldset's when it has some).
    #[serde(deserialize_with = "crate::de::string")]
    pub described_by: Option<String>,
    /// The fieldset around the checkboxes, with its legend.
    #[serde(deserialize_with = "crate::de::object")]
    pub fieldset: Option<Fieldset>,
    /// The hint.
    #[serde(deserialize_with = "crate::de::object")]
    pub hint: Option<Hint>,
    /// The error message; also puts the group in its error state.
    #[serde(deserialize_with = "crate::de::object")]
    pub error_message: Option<ErrorMessage>,
    /// Options for the surrounding form group.
    #[serde(deserialize_with = "crate::de::object")]
    pub form_group: Option<ChoicesFormGroup>,
    /// Extra classes, such as `govuk-checkboxes--small`.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra HTML attributes for the checkboxes container.
    pub attributes: Attributes,
}

/// One choice of [`Checkboxes`], or a divider ("or").
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct CheckboxItem {
    /// Plain text of the label; ignored when `html` is set.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// Trusted markup of the label.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
    /// The value submitted.
    #[serde(deserialize_with = "crate::select::value_text")]
    pub value: Option<String>,
    /// The input's `id`, instead of the numbered one.
    #[serde(deserialize_with = "crate::de::string")]
    pub id: Option<String>,
    /// The input's `name`, instead of the group's.
    #[serde(deserialize_with = "crate::de::string")]
    pub name: Option<String>,
    /// Makes this item a divider with this text.
    #[serde(deserialize_with = "crate::de::string")]
    pub divider: Option<String>,
    /// Checked (`Some(false)` stops the group's `values` from checking it).
    #[serde(deserialize_with = "crate::de::optional_truthy")]
    pub checked: Option<bool>,
    /// Whether the input is disabled.
    #[serde(deserialize_with = "crate::de::truthy")]
    pub disabled: bool,
    /// `exclusive` for a "None of these" that unchecks the others.
    #[serde(deserialize_with = "crate::de::string")]
    pub behaviour: Option<String>,
    /// Options for the item's label.
    #[serde(deserialize_with = "crate::de::object")]
    pub label: Option<ItemLabel>,
    /// The item's hint.
    #[serde(deserialize_with = "crate::de::object")]
    pub hint: Option<Hint>,
    /// Content revealed when the item is checked.
    #[serde(deserialize_with = "crate::de::object")]
    pub conditional: Option<Conditional>,
    /// Extra HTML attributes for the input.
    pub attributes: Attributes,
}

/// The checked values: a list of strings or numbers (`null`/`false` for none).
fn values<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Vec<String>>, D::Error> {
    struct Values;
    impl<'de> Visitor<'de> for Values {
        type Value = Option<Vec<String>>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list of values, false or null")
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
            if v {
                Err(E::invalid_type(de::Unexpected::Bool(v), &self))
            } else {
                Ok(None)
            }
        }
        // A single value checks the item with that value.
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok((!v.is_empty()).then(|| vec![v.to_owned()]))
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(value) = seq.next_element::<Value>()? {
                out.extend(value.0);
            }
            Ok(Some(out))
        }
    }
    struct Value(Option<String>);
    impl<'de> Deserialize<'de> for Value {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            crate::select::value_text(deserializer).map(Value)
        }
    }
    deserializer.deserialize_any(Values)
}

impl Checkboxes {
    /// Checkboxes submitted as `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Checkboxes {
            name: Some(name.into()),
            ..Checkboxes::default()
        }
    }

    /// Sets the id prefix.
    pub fn id_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.id_prefix = Some(prefix.into());
        self
    }

    /// Adds a choice.
    pub fn item(mut self, item: CheckboxItem) -> Self {
        self.items.push(Some(item));
        self
    }

    /// Checks the items with these values.
    pub fn values<I: IntoIterator<Item = S>, S: Into<String>>(mut self, values: I) -> Self {
        self.values = Some(values.into_iter().map(Into::into).collect());
        self
    }

    /// Puts the checkboxes in a fieldset.
    pub fn fieldset(mut self, fieldset: Fieldset) -> Self {
        self.fieldset = Some(fieldset);
        self
    }

    /// Sets the hint.
    pub fn hint(mut self, hint: Hint) -> Self {
        self.hint = Some(hint);
        self
    }

    /// Sets the error message, putting the group in its error state.
    pub fn error_message(mut self, error_message: ErrorMessage) -> Self {
        self.error_message = Some(error_message);
        self
    }

    /// Adds element ids to `aria-describedby`.
    pub fn described_by(mut self, ids: impl Into<String>) -> Self {
        self.described_by = Some(ids.into());
        self
    }

    /// Adds classes, such as `govuk-checkboxes--small`.
    pub fn classes(mut self, classes: impl Into<String>) -> Self {
        self.classes = Some(classes.into());
        self
    }

    /// Sets the form group options.
    pub fn form_group(mut self, form_group: ChoicesFormGroup) -> Self {
        self.form_group = Some(form_group);
        self
    }

    /// Sets extra HTML attributes on the checkboxes container.
    pub fn attributes(mut self, attributes: Attributes) -> Self {
        self.attributes = attributes;
        self
    }
}

impl CheckboxItem {
    /// A choice with a value and its label text.
    pub fn new(value: impl Into<String>, text: impl Into<String>) -> Self {
        CheckboxItem {
            value: Some(value.into()),
            text: Some(text.into()),
            ..CheckboxItem::default()
        }
    }

    /// A divider between choices, such as "or".
    pub fn divider(text: impl Into<String>) -> Self {
        CheckboxItem {
            divider: Some(text.into()),
            ..CheckboxItem::default()
        }
    }

    /// Sets the input's `id`.
    pub fn id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// Sets the input's `name`.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Sets the item's hint.
    pub fn hint(mut self, hint: Hint) -> Self {
        self.hint = Some(hint);
        self
    }

    /// Checks the item.
    pub fn checked(mut self) -> Self {
        self.checked = Some(true);
        self
    }

    /// Disables the item.
    pub fn disabled(mut self) -> Self {
        self.disabled = true;
        self
    }

    /// Makes checking this item uncheck the others ("None of these").
    pub fn exclusive(mut self) -> Self {
        self.behaviour = Some("exclusive".to_owned());
        self
    }

    /// Reveals `html` when the item is checked.
    pub fn conditional(mut self, html: maud::Markup) -> Self {
        self.conditional = Some(Conditional::html(html));
        self
    }
}

impl Render for Checkboxes {
    fn render_to(&self, out: &mut String) {
        let prefix = self
            .id_prefix
            .as_deref()
            .or(self.name.as_deref())
            .unwrap_or("");
        let fieldset_described_by = self
            .fieldset
            .as_ref()
            .and_then(|f| f.described_by.as_deref())
            .filter(|d| !d.is_empty());
        let mut described_by = fieldset_described_by
            .or(self.described_by.as_deref())
            .unwrap_or("")
            .to_owned();
        let group = self.form_group.as_ref();

        let mut inner = String::new();
        hint_and_error(
            &mut inner,
            prefix,
            self.hint.as_ref(),
            self.error_message.as_ref(),
            &mut described_by,
        );
        let body = open(&mut inner, "div")
            .class("govuk-checkboxes", self.classes.as_deref())
            .attrs(&self.attributes)
            .raw(" data-module=\"govuk-checkboxes\"")
            .end();
        body.push('\n');
        if let Some(before) = group.and_then(|g| g.before_inputs.as_ref()) {
            before.render_to(body);
            body.push('\n');
        }
        for (index, item) in self.items.iter().enumerate() {
            let Some(item) = item else { continue };
            if let Some(divider) = item.divider.as_deref().filter(|d| !d.is_empty()) {
                body.push_str("<div class=\"govuk-checkboxes__divider\">");
                crate::escape::escape_into(body, divider);
                body.push_str("</div>\n");
                continue;
            }
            let id = item_id(item.id.as_deref(), prefix, index);
            let item_value = item.value.as_deref().unwrap_or("");
            let checked = item.checked == Some(true)
                || (self
                    .values
                    .as_ref()
                    .is_some_and(|v| v.iter().any(|v| v == item_value))
                    && item.checked != Some(false));
            let has_hint = item.hint.as_ref().is_some_and(has_content);
            let hint_id = format!("{id}-item-hint");
            // Without a fieldset to carry them, each input is described by the group's hint
            // and error as well as its own hint.
            let mut item_described_by = if self.fieldset.is_some() {
                String::new()
            } else {
                described_by.clone()
            };
            if has_hint {
                push_id(&mut item_described_by, &hint_id);
            }
            let reveal = item
                .conditional
                .as_ref()
                .and_then(|c| c.html.as_deref())
                .filter(|h| !h.is_empty());
            let conditional_id = format!("conditional-{id}");
            let name = item
                .name
                .as_deref()
                .filter(|n| !n.is_empty())
                .or(self.name.as_deref())
                .unwrap_or("");
            body.push_str("<div class=\"govuk-checkboxes__item\">\n");
            open(body, "input")
                .raw(" class=\"govuk-checkboxes__input\"")
                .attr("id", &id)
                .attr("name", name)
                .raw(" type=\"checkbox\"")
                .attr("value", item_value)
                .flag("checked", checked)
                .flag("disabled", item.disabled)
                .attr_if(
                    "data-aria-controls",
                    reveal.map(|_| conditional_id.as_str()),
                )
                .attr_if("data-behaviour", item.behaviour.as_deref())
                .attr_if("aria-describedby", Some(item_described_by.as_str()))
                .attrs(&item.attributes)
                .end()
                .push('\n');
            item_label_and_hint(
                body,
                "checkboxes",
                &id,
                (&item.text, &item.html),
                item.label.as_ref(),
                item.hint.as_ref(),
                &hint_id,
            );
            body.push_str("</div>\n");
            if let Some(html) = reveal {
                conditional(body, "checkboxes", &conditional_id, checked, html);
            }
        }
        if let Some(after) = group.and_then(|g| g.after_inputs.as_ref()) {
            after.render_to(body);
            body.push('\n');
        }
        body.push_str("</div>");

        choices_form_group(
            out,
            self.error_message.is_some(),
            group,
            self.fieldset.as_ref(),
            None,
            described_by,
            inner,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_fieldset_each_input_is_described_by_the_group_hint() {
        let html = Checkboxes::new("terms")
            .described_by("extra")
            .hint(Hint::text("Please accept"))
            .item(CheckboxItem::new("yes", "I agree").hint(Hint::text("Go on")))
            .render()
            .into_string();
        assert!(
            html.contains(r#"aria-describedby="extra terms-hint terms-item-hint""#),
            "{html}"
        );
    }

    #[test]
    fn a_single_value_checks_its_item() {
        let checkboxes: Checkboxes = serde_json::from_value(serde_json::json!({
            "name": "n", "items": [{"value": "a", "text": "A"}, {"value": "b", "text": "B"}], "values": "b"
        }))
        .unwrap();
        let html = checkboxes.render().into_string();
        assert!(
            html.contains(r#"value="b" checked"#) && !html.contains(r#"value="a" checked"#),
            "{html}"
        );
    }

    #[test]
    fn skipped_items_keep_their_number() {
        let checkboxes: Checkboxes = serde_json::from_value(serde_json::json!({
            "name": "n", "items": [{"value": 1, "text": "One"}, false, {"value": 2, "text": "Two"}], "values": [2]
        }))
        .unwrap();
        let html = checkboxes.render().into_string();
        assert!(
            html.contains(r#"id="n-3" name="n" type="checkbox" value="2" checked"#),
            "{html}"
        );
    }
}
