//! [Radios](https://design-system.service.gov.uk/components/radios/): one choice from a short
//! list, with optional conditional reveals.
//!
//! This file also holds what radios and checkboxes share: the form group's before/after
//! content, an item's label and hint, and the conditional reveal.

use std::fmt;

use maud::Render;
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use crate::attributes::Attributes;
use crate::content::Content;
use crate::element::open;
use crate::error_message::ErrorMessage;
use crate::fieldset::Fieldset;
use crate::hint::Hint;
use crate::input::{hint_and_error, open_form_group};
use crate::label::Label;

/// Radios: `govukRadios` options.
///
/// ```
/// use civic_components::{Fieldset, Legend, Radios, RadioItem};
/// let radios = Radios::new("changed-name")
///     .fieldset(Fieldset::new().legend(Legend::text("Have you changed your name?")))
///     .item(RadioItem::new("yes", "Yes"))
///     .item(RadioItem::new("no", "No"))
///     .value("no")
///     .classes("govuk-radios--inline");
/// let html = maud::Render::render(&radios).into_string();
/// assert!(html.contains(r#"id="changed-name-2" name="changed-name" type="radio" value="no" checked"#));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct Radios {
    /// Prefix of the items' ids (the first item's id is the prefix alone); defaults to `name`.
    #[serde(deserialize_with = "crate::de::string")]
    pub id_prefix: Option<String>,
    /// The name submitted with the form.
    #[serde(deserialize_with = "crate::de::string")]
    pub name: Option<String>,
    /// The choices. Falsy entries are skipped but still count towards the numbered ids.
    #[serde(deserialize_with = "items_numbered")]
    pub items: Vec<Option<RadioItem>>,
    /// The value of the item to check (items with `checked` set win).
    #[serde(deserialize_with = "crate::de::string")]
    pub value: Option<String>,
    /// The fieldset around the radios, with its legend.
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
    /// Extra classes, such as `govuk-radios--inline` or `govuk-radios--small`.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra HTML attributes for the radios container.
    pub attributes: Attributes,
}

/// One choice of [`Radios`], or a divider ("or").
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct RadioItem {
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
    /// Makes this item a divider with this text.
    #[serde(deserialize_with = "crate::de::string")]
    pub divider: Option<String>,
    /// Checked (`Some(false)` stops the group's `value` from checking it).
    #[serde(deserialize_with = "crate::de::optional_truthy")]
    pub checked: Option<bool>,
    /// Whether the input is disabled.
    #[serde(deserialize_with = "crate::de::truthy")]
    pub disabled: bool,
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

/// Options for a radio's or checkbox's label.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct ItemLabel {
    /// Extra classes.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra HTML attributes.
    pub attributes: Attributes,
}

/// Content revealed under a radio or checkbox when it is checked.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Conditional {
    /// Trusted markup, usually a further question.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
}

impl Conditional {
    /// Reveals `html` when the item is checked.
    pub fn html(html: maud::Markup) -> Self {
        Conditional { html: Some(html.0) }
    }
}

/// The form group around radios, checkboxes or a date input.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChoicesFormGroup {
    /// Extra classes, for example to show the error state for the whole group.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra HTML attributes.
    pub attributes: Attributes,
    /// Content before the inputs.
    #[serde(deserialize_with = "crate::de::object")]
    pub before_inputs: Option<crate::input::Extra>,
    /// Content after the inputs.
    #[serde(deserialize_with = "crate::de::object")]
    pub after_inputs: Option<crate::input::Extra>,
}

/// Items where a skipped (falsy) entry keeps its place, because upstream numbers ids by
/// `loop.index` over every entry.
pub(crate) fn items_numbered<'de, D, T>(deserializer: D) -> Result<Vec<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    struct Entry<T>(Option<T>);
    impl<'de, T: serde::de::DeserializeOwned> Deserialize<'de> for Entry<T> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            // `crate::de::object` treats false/null as absent; "" is falsy too.
            struct Falsy<T>(std::marker::PhantomData<T>);
            impl<'de, T: serde::de::DeserializeOwned> Visitor<'de> for Falsy<T> {
                type Value = Option<T>;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("an item object, false or null")
                }
                fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                    Ok(None)
                }
                fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                    Ok(None)
                }
                fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
                    if v {
                        Err(E::invalid_type(de::Unexpected::Bool(v), &self))
                    } else {
                        Ok(None)
                    }
                }
                fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                    if v.is_empty() {
                        Ok(None)
                    } else {
                        Err(E::invalid_type(de::Unexpected::Str(v), &self))
                    }
                }
                fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                    if v == 0 {
                        Ok(None)
                    } else {
                        Err(E::invalid_type(de::Unexpected::Unsigned(v), &self))
                    }
                }
                fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                    T::deserialize(de::value::MapAccessDeserializer::new(map)).map(Some)
                }
            }
            deserializer
                .deserialize_any(Falsy(std::marker::PhantomData))
                .map(Entry)
        }
    }
    struct Entries<T>(std::marker::PhantomData<T>);
    impl<'de, T: serde::de::DeserializeOwned> Visitor<'de> for Entries<T> {
        type Value = Vec<Option<T>>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list, false or null")
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
            if v {
                Err(E::invalid_type(de::Unexpected::Bool(v), &self))
            } else {
                Ok(Vec::new())
            }
        }
        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(Entry(item)) = seq.next_element::<Entry<T>>()? {
                out.push(item);
            }
            Ok(out)
        }
    }
    deserializer.deserialize_any(Entries(std::marker::PhantomData))
}

/// The numbered id upstream gives item `index` (0-based): the prefix alone for the first, so
/// an error summary can link to it, then `prefix-2`, `prefix-3`...
pub(crate) fn item_id(id: Option<&str>, prefix: &str, index: usize) -> String {
    match id.filter(|id| !id.is_empty()) {
        Some(id) => id.to_owned(),
        None if index == 0 => prefix.to_owned(),
        None => format!("{prefix}-{}", index + 1),
    }
}

/// An item's label and (when it has text) its hint, for `kind` `radios` or `checkboxes`.
pub(crate) fn item_label_and_hint(
    out: &mut String,
    kind: &str,
    item_id: &str,
    (text, html): (&Option<String>, &Option<String>),
    label: Option<&ItemLabel>,
    hint: Option<&Hint>,
    hint_id: &str,
) {
    let mut label_classes = format!("govuk-{kind}__label");
    if let Some(classes) = label
        .and_then(|l| l.classes.as_deref())
        .filter(|c| !c.is_empty())
    {
        label_classes.push(' ');
        label_classes.push_str(classes);
    }
    let mut item_label = Label::default().for_id(item_id).classes(label_classes);
    item_label.text.clone_from(text);
    item_label.html.clone_from(html);
    if let Some(label) = label {
        item_label.attributes = label.attributes.clone();
    }
    item_label.render_to(out);
    out.push('\n');
    if let Some(hint) = hint.filter(|h| has_content(h)) {
        let mut hint_classes = format!("govuk-{kind}__hint");
        if let Some(classes) = hint.classes.as_deref().filter(|c| !c.is_empty()) {
            hint_classes.push(' ');
            hint_classes.push_str(classes);
        }
        hint.clone()
            .id(hint_id)
            .classes(hint_classes)
            .render_to(out);
        out.push('\n');
    }
}

pub(crate) fn has_content(hint: &Hint) -> bool {
    Content::from_fields(&hint.text, &hint.html).is_some()
}

/// The conditional reveal after an item, hidden unless the item is checked.
pub(crate) fn conditional(out: &mut String, kind: &str, id: &str, checked: bool, html: &str) {
    let mut classes = format!("govuk-{kind}__conditional");
    if !checked {
        classes.push_str(&format!(" govuk-{kind}__conditional--hidden"));
    }
    let out = open(out, "div")
        .attr("class", &classes)
        .attr("id", id)
        .end();
    out.push('\n');
    out.push_str(html.trim());
    out.push_str("\n</div>\n");
}

/// Writes the form group around radios, checkboxes or a date input: the inner markup inside
/// the fieldset when there is one.
pub(crate) fn choices_form_group(
    out: &mut String,
    has_error: bool,
    group: Option<&ChoicesFormGroup>,
    fieldset: Option<&Fieldset>,
    role: Option<&str>,
    described_by: String,
    inner: String,
) {
    open_form_group(
        out,
        has_error,
        group.and_then(|g| g.classes.as_deref()),
        group.map(|g| &g.attributes),
        None,
    );
    match fieldset {
        Some(fieldset) => {
            let mut fieldset = fieldset.clone();
            fieldset.described_by = Some(described_by).filter(|d| !d.is_empty());
            if let Some(role) = role {
                fieldset.role = Some(role.to_owned());
            }
            fieldset.caller = None;
            fieldset.html = Some(inner);
            fieldset.render_to(out);
        }
        None => out.push_str(&inner),
    }
    out.push_str("\n</div>");
}

impl Radios {
    /// Radios submitted as `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Radios {
            name: Some(name.into()),
            ..Radios::default()
        }
    }

    /// Sets the id prefix.
    pub fn id_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.id_prefix = Some(prefix.into());
        self
    }

    /// Adds a choice.
    pub fn item(mut self, item: RadioItem) -> Self {
        self.items.push(Some(item));
        self
    }

    /// Checks the item with this value.
    pub fn value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(value.into());
        self
    }

    /// Puts the radios in a fieldset.
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

    /// Adds classes, such as `govuk-radios--inline`.
    pub fn classes(mut self, classes: impl Into<String>) -> Self {
        self.classes = Some(classes.into());
        self
    }

    /// Sets the form group options.
    pub fn form_group(mut self, form_group: ChoicesFormGroup) -> Self {
        self.form_group = Some(form_group);
        self
    }

    /// Sets extra HTML attributes on the radios container.
    pub fn attributes(mut self, attributes: Attributes) -> Self {
        self.attributes = attributes;
        self
    }
}

impl RadioItem {
    /// A choice with a value and its label text.
    pub fn new(value: impl Into<String>, text: impl Into<String>) -> Self {
        RadioItem {
            value: Some(value.into()),
            text: Some(text.into()),
            ..RadioItem::default()
        }
    }

    /// A divider between choices, such as "or".
    pub fn divider(text: impl Into<String>) -> Self {
        RadioItem {
            divider: Some(text.into()),
            ..RadioItem::default()
        }
    }

    /// Sets the input's `id`.
    pub fn id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
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

    /// Reveals `html` when the item is checked.
    pub fn conditional(mut self, html: maud::Markup) -> Self {
        self.conditional = Some(Conditional::html(html));
        self
    }
}

impl Render for Radios {
    fn render_to(&self, out: &mut String) {
        let prefix = self
            .id_prefix
            .as_deref()
            .or(self.name.as_deref())
            .unwrap_or("");
        let name = self.name.as_deref().unwrap_or("");
        let mut described_by = self
            .fieldset
            .as_ref()
            .and_then(|f| f.described_by.clone())
            .unwrap_or_default();
        let group = self.form_group.as_ref();
        let value = self.value.as_deref().filter(|v| !v.is_empty());

        // Radios write a kilobyte or more: one allocation instead of several doublings.
        let mut inner = String::with_capacity(2048);
        hint_and_error(
            &mut inner,
            prefix,
            self.hint.as_ref(),
            self.error_message.as_ref(),
            &mut described_by,
        );
        let body = open(&mut inner, "div")
            .class("govuk-radios", self.classes.as_deref())
            .attrs(&self.attributes)
            .raw(" data-module=\"govuk-radios\"")
            .end();
        body.push('\n');
        if let Some(before) = group.and_then(|g| g.before_inputs.as_ref()) {
            before.render_to(body);
            body.push('\n');
        }
        for (index, item) in self.items.iter().enumerate() {
            let Some(item) = item else { continue };
            if let Some(divider) = item.divider.as_deref().filter(|d| !d.is_empty()) {
                body.push_str("<div class=\"govuk-radios__divider\">");
                crate::escape::escape_into(body, divider);
                body.push_str("</div>\n");
                continue;
            }
            let id = item_id(item.id.as_deref(), prefix, index);
            let item_value = item.value.as_deref().unwrap_or("");
            let checked = item.checked == Some(true)
                || (value == Some(item_value) && item.checked != Some(false));
            let has_hint = item.hint.as_ref().is_some_and(has_content);
            let hint_id = [id.as_str(), "-item-hint"].concat();
            let reveal = item
                .conditional
                .as_ref()
                .and_then(|c| c.html.as_deref())
                .filter(|h| !h.is_empty());
            let conditional_id = ["conditional-", id.as_str()].concat();
            body.push_str("<div class=\"govuk-radios__item\">\n");
            open(body, "input")
                .raw(" class=\"govuk-radios__input\"")
                .attr("id", &id)
                .attr("name", name)
                .raw(" type=\"radio\"")
                .attr("value", item_value)
                .flag("checked", checked)
                .flag("disabled", item.disabled)
                .attr_if(
                    "data-aria-controls",
                    reveal.map(|_| conditional_id.as_str()),
                )
                .attr_if("aria-describedby", has_hint.then_some(hint_id.as_str()))
                .attrs(&item.attributes)
                .end()
                .push('\n');
            item_label_and_hint(
                body,
                "radios",
                &id,
                (&item.text, &item.html),
                item.label.as_ref(),
                item.hint.as_ref(),
                &hint_id,
            );
            body.push_str("</div>\n");
            if let Some(html) = reveal {
                conditional(body, "radios", &conditional_id, checked, html);
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
    use crate::fieldset::Legend;

    #[test]
    fn the_first_id_has_no_number_and_dividers_count() {
        let html = Radios::new("sign-in")
            .fieldset(Fieldset::new().legend(Legend::text("How do you want to sign in?")))
            .item(RadioItem::new("gateway", "Government Gateway"))
            .item(RadioItem::divider("or"))
            .item(
                RadioItem::new("create", "Create an account")
                    .conditional(maud::html! { p { "Hi" } }),
            )
            .value("create")
            .render()
            .into_string();
        assert!(
            html.contains(r#"id="sign-in" name="sign-in" type="radio" value="gateway">"#),
            "{html}"
        );
        assert!(html.contains(r#"id="sign-in-3" name="sign-in" type="radio" value="create" checked data-aria-controls="conditional-sign-in-3">"#), "{html}");
        assert!(
            html.contains(r#"<div class="govuk-radios__conditional" id="conditional-sign-in-3">"#)
        );
    }

    #[test]
    fn bad_options_name_their_json_path() {
        let err = crate::render_json(
            "radios",
            serde_json::json!({"name": "n", "items": [{}, false, {"conditional": {"html": {"x": 1}}}]}),
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("radios: items[2].conditional.html"),
            "{err}"
        );
    }
}
