//! The [text input](https://design-system.service.gov.uk/components/text-input/), with its
//! label, hint, error message, prefix and suffix.
//!
//! This file also holds the form-group pieces every single-field component shares (label, hint
//! and error in upstream's order, with the `aria-describedby` they build up).

use maud::Render;
use serde::Deserialize;

use crate::attributes::Attributes;
use crate::content::Content;
use crate::element::{Classes, open};
use crate::error_message::ErrorMessage;
use crate::hint::Hint;
use crate::label::Label;

/// A text input: `govukInput` options.
///
/// ```
/// use civic_components::{Input, Label, Hint};
/// let input = Input::new("postcode")
///     .label(Label::text("Postcode"))
///     .hint(Hint::text("For example, SA1 1AA"))
///     .autocomplete("postal-code")
///     .classes("govuk-input--width-10");
/// let html = maud::Render::render(&input).into_string();
/// assert!(html.contains(r#"aria-describedby="postcode-hint""#));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct Input {
    /// The input's `id`; defaults to `name`.
    #[serde(deserialize_with = "crate::de::string")]
    pub id: Option<String>,
    /// The name submitted with the form.
    #[serde(deserialize_with = "crate::de::string")]
    pub name: Option<String>,
    /// The input `type`; defaults to `text`.
    #[serde(rename = "type", deserialize_with = "crate::de::string")]
    pub input_type: Option<String>,
    /// The `inputmode` attribute.
    #[serde(deserialize_with = "crate::de::string")]
    pub inputmode: Option<String>,
    /// The initial value (an empty string is still written, as upstream does).
    #[serde(deserialize_with = "crate::de::string")]
    pub value: Option<String>,
    /// Whether the input is disabled.
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
    /// Text or markup shown before the input, such as `£`.
    #[serde(deserialize_with = "crate::de::object")]
    pub prefix: Option<Affix>,
    /// Text or markup shown after the input, such as `kg`.
    #[serde(deserialize_with = "crate::de::object")]
    pub suffix: Option<Affix>,
    /// Options for the surrounding form group.
    #[serde(deserialize_with = "crate::de::object")]
    pub form_group: Option<FormGroup>,
    /// Extra classes for the input, such as `govuk-input--width-10`.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// The `autocomplete` attribute (WCAG 1.3.5, identify input purpose).
    #[serde(deserialize_with = "crate::de::string")]
    pub autocomplete: Option<String>,
    /// The `pattern` attribute.
    #[serde(deserialize_with = "crate::de::string")]
    pub pattern: Option<String>,
    /// `spellcheck="true"` or `"false"`; left out when unset.
    #[serde(deserialize_with = "bool_only")]
    pub spellcheck: Option<bool>,
    /// The `autocapitalize` attribute.
    #[serde(deserialize_with = "crate::de::string")]
    pub autocapitalize: Option<String>,
    /// Options for the wrapper added around the input when there is a prefix, suffix or
    /// before/after content.
    #[serde(deserialize_with = "crate::de::object")]
    pub input_wrapper: Option<InputWrapper>,
    /// Extra HTML attributes for the input.
    pub attributes: Attributes,
}

/// A prefix or suffix of a text input.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Affix {
    /// Plain text; ignored when `html` is set.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// Trusted markup.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
    /// Extra classes.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra HTML attributes.
    pub attributes: Attributes,
}

impl Affix {
    /// A prefix or suffix of plain text.
    pub fn text(text: impl Into<String>) -> Self {
        Affix {
            text: Some(text.into()),
            ..Affix::default()
        }
    }

    /// A prefix or suffix of trusted markup.
    pub fn html(html: maud::Markup) -> Self {
        Affix {
            html: Some(html.0),
            ..Affix::default()
        }
    }
}

/// The wrapper around an input with a prefix or suffix.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct InputWrapper {
    /// Extra classes.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra HTML attributes.
    pub attributes: Attributes,
}

/// Text or trusted markup put before or after a field inside its form group.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Extra {
    /// Plain text; ignored when `html` is set.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// Trusted markup.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
}

impl Extra {
    /// Plain text.
    pub fn text(text: impl Into<String>) -> Self {
        Extra {
            text: Some(text.into()),
            html: None,
        }
    }

    /// Trusted markup.
    pub fn html(html: maud::Markup) -> Self {
        Extra {
            text: None,
            html: Some(html.0),
        }
    }

    fn content(&self) -> Option<Content<'_>> {
        Content::from_fields(&self.text, &self.html)
    }
}

impl Render for Extra {
    fn render_to(&self, out: &mut String) {
        if let Some(content) = self.content() {
            content.render_to(out);
        }
    }
}

/// The form group around a single field (input, textarea, select, file upload).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct FormGroup {
    /// Extra classes, for example to show the error state for the whole group.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra HTML attributes.
    pub attributes: Attributes,
    /// Content before the field.
    #[serde(deserialize_with = "crate::de::object")]
    pub before_input: Option<Extra>,
    /// Content after the field.
    #[serde(deserialize_with = "crate::de::object")]
    pub after_input: Option<Extra>,
}

impl FormGroup {
    /// A form group with extra classes.
    pub fn classes(classes: impl Into<String>) -> Self {
        FormGroup {
            classes: Some(classes.into()),
            ..FormGroup::default()
        }
    }
}

impl Input {
    /// A text input submitted as `name` (also its `id` unless [`Input::id`] is set).
    pub fn new(name: impl Into<String>) -> Self {
        Input {
            name: Some(name.into()),
            ..Input::default()
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

    /// Sets the initial value.
    pub fn value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(value.into());
        self
    }

    /// Sets the input `type` (`text` by default).
    pub fn input_type(mut self, input_type: impl Into<String>) -> Self {
        self.input_type = Some(input_type.into());
        self
    }

    /// Sets `inputmode`, for example `numeric`.
    pub fn inputmode(mut self, inputmode: impl Into<String>) -> Self {
        self.inputmode = Some(inputmode.into());
        self
    }

    /// Sets `autocomplete`, for example `postal-code`.
    pub fn autocomplete(mut self, autocomplete: impl Into<String>) -> Self {
        self.autocomplete = Some(autocomplete.into());
        self
    }

    /// Sets `pattern`.
    pub fn pattern(mut self, pattern: impl Into<String>) -> Self {
        self.pattern = Some(pattern.into());
        self
    }

    /// Turns spellchecking on or off.
    pub fn spellcheck(mut self, on: bool) -> Self {
        self.spellcheck = Some(on);
        self
    }

    /// Sets `autocapitalize`, for example `none`.
    pub fn autocapitalize(mut self, autocapitalize: impl Into<String>) -> Self {
        self.autocapitalize = Some(autocapitalize.into());
        self
    }

    /// Disables the input.
    pub fn disabled(mut self) -> Self {
        self.disabled = true;
        self
    }

    /// Adds element ids to `aria-describedby`.
    pub fn described_by(mut self, ids: impl Into<String>) -> Self {
        self.described_by = Some(ids.into());
        self
    }

    /// Sets the prefix.
    pub fn prefix(mut self, prefix: Affix) -> Self {
        self.prefix = Some(prefix);
        self
    }

    /// Sets the suffix.
    pub fn suffix(mut self, suffix: Affix) -> Self {
        self.suffix = Some(suffix);
        self
    }

    /// Adds classes to the input.
    pub fn classes(mut self, classes: impl Into<String>) -> Self {
        self.classes = Some(classes.into());
        self
    }

    /// Sets the form group options.
    pub fn form_group(mut self, form_group: FormGroup) -> Self {
        self.form_group = Some(form_group);
        self
    }

    /// Sets extra HTML attributes on the input.
    pub fn attributes(mut self, attributes: Attributes) -> Self {
        self.attributes = attributes;
        self
    }

    /// Renders with trusted attributes added to the form group and trusted markup after the
    /// input: password input builds on this, as upstream's macro does.
    pub(crate) fn render_parts(
        &self,
        out: &mut String,
        group_extra: Option<&str>,
        after_input: Option<&str>,
    ) {
        let id = self.id.as_deref().or(self.name.as_deref()).unwrap_or("");
        let mut described_by = self.described_by.clone().unwrap_or_default();
        let group = self.form_group.as_ref();
        let group_attributes = if group_extra.is_some() {
            None
        } else {
            group.map(|g| &g.attributes)
        };
        open_form_group(
            out,
            self.error_message.is_some(),
            group.and_then(|g| g.classes.as_deref()),
            group_attributes,
            group_extra,
        );
        field_prelude(
            out,
            id,
            self.label.as_ref(),
            self.hint.as_ref(),
            self.error_message.as_ref(),
            &mut described_by,
        );

        let before = group
            .and_then(|g| g.before_input.as_ref())
            .filter(|e| e.content().is_some());
        let after = group
            .and_then(|g| g.after_input.as_ref())
            .filter(|e| e.content().is_some());
        let prefix = self
            .prefix
            .as_ref()
            .filter(|a| Content::from_fields(&a.text, &a.html).is_some());
        let suffix = self
            .suffix
            .as_ref()
            .filter(|a| Content::from_fields(&a.text, &a.html).is_some());
        if prefix.is_some()
            || suffix.is_some()
            || before.is_some()
            || after.is_some()
            || after_input.is_some()
        {
            let wrapper = self.input_wrapper.as_ref();
            let mut tag = open(out, "div").class(
                "govuk-input__wrapper",
                wrapper.and_then(|w| w.classes.as_deref()),
            );
            if let Some(wrapper) = wrapper {
                tag = tag.attrs(&wrapper.attributes);
            }
            let out = tag.end();
            out.push('\n');
            if let Some(before) = before {
                before.render_to(out);
                out.push('\n');
            }
            if let Some(prefix) = prefix {
                affix(out, prefix, "govuk-input__prefix");
                out.push('\n');
            }
            self.input_element(out, id, &described_by);
            out.push('\n');
            if let Some(suffix) = suffix {
                affix(out, suffix, "govuk-input__suffix");
                out.push('\n');
            }
            if let Some(markup) = after_input {
                out.push_str(markup);
                out.push('\n');
            } else if let Some(after) = after {
                after.render_to(out);
                out.push('\n');
            }
            out.push_str("</div>");
        } else {
            self.input_element(out, id, &described_by);
        }
        out.push_str("\n</div>");
    }

    fn input_element(&self, out: &mut String, id: &str, described_by: &str) {
        let mut classes = Classes::new("govuk-input");
        classes
            .add(self.classes.as_deref())
            .add_if(self.error_message.is_some(), "govuk-input--error");
        let mut tag = open(out, "input")
            .attr("class", classes.as_str())
            .attr("id", id)
            .attr("name", self.name.as_deref().unwrap_or(""))
            .attr(
                "type",
                self.input_type
                    .as_deref()
                    .filter(|t| !t.is_empty())
                    .unwrap_or("text"),
            );
        if let Some(on) = self.spellcheck {
            tag = tag.attr("spellcheck", if on { "true" } else { "false" });
        }
        if let Some(value) = &self.value {
            tag = tag.attr("value", value);
        }
        tag.flag("disabled", self.disabled)
            .attr_if("aria-describedby", Some(described_by))
            .attr_if("autocomplete", self.autocomplete.as_deref())
            .attr_if("autocapitalize", self.autocapitalize.as_deref())
            .attr_if("pattern", self.pattern.as_deref())
            .attr_if("inputmode", self.inputmode.as_deref())
            .attrs(&self.attributes)
            .end();
    }
}

fn affix(out: &mut String, affix: &Affix, class: &str) {
    let out = open(out, "div")
        .class(class, affix.classes.as_deref())
        .raw(" aria-hidden=\"true\"")
        .attrs(&affix.attributes)
        .end();
    if let Some(content) = Content::from_fields(&affix.text, &affix.html) {
        content.render_to(out);
    }
    out.push_str("</div>");
}

impl Render for Input {
    fn render_to(&self, out: &mut String) {
        self.render_parts(out, None, None);
    }
}

/// Appends `id` to a space-separated `aria-describedby` list.
pub(crate) fn push_id(described_by: &mut String, id: &str) {
    if !described_by.is_empty() {
        described_by.push(' ');
    }
    described_by.push_str(id);
}

/// Opens upstream's `govuk-form-group` div. `extra` is trusted markup for attributes that
/// wrapping components (character count, password input) add.
pub(crate) fn open_form_group(
    out: &mut String,
    has_error: bool,
    classes: Option<&str>,
    attributes: Option<&Attributes>,
    extra: Option<&str>,
) {
    let mut class = Classes::new("govuk-form-group");
    class
        .add_if(has_error, "govuk-form-group--error")
        .add(classes);
    let mut tag = open(out, "div").attr("class", class.as_str());
    if let Some(attributes) = attributes {
        tag = tag.attrs(attributes);
    }
    if let Some(extra) = extra {
        tag = tag.raw(extra);
    }
    tag.end().push('\n');
}

/// The label (pointing at `id`), then [`hint_and_error`].
pub(crate) fn field_prelude(
    out: &mut String,
    id: &str,
    label: Option<&Label>,
    hint: Option<&Hint>,
    error: Option<&ErrorMessage>,
    described_by: &mut String,
) {
    if let Some(label) = label {
        // Components that build the label themselves point it at the field already.
        if label.for_id.as_deref() == Some(id) {
            label.render_to(out);
        } else {
            let mut label = label.clone();
            label.for_id = Some(id.to_owned());
            label.render_to(out);
        }
    }
    out.push('\n');
    hint_and_error(out, id, hint, error, described_by);
}

/// The hint (`{id}-hint`) and error message (`{id}-error`), each followed by a newline, with
/// their ids added to `described_by` as upstream does.
pub(crate) fn hint_and_error(
    out: &mut String,
    id: &str,
    hint: Option<&Hint>,
    error: Option<&ErrorMessage>,
    described_by: &mut String,
) {
    if let Some(hint) = hint {
        let hint_id = [id, "-hint"].concat();
        push_id(described_by, &hint_id);
        hint.clone().id(hint_id).render_to(out);
        out.push('\n');
    }
    if let Some(error) = error {
        let error_id = [id, "-error"].concat();
        push_id(described_by, &error_id);
        let mut error = error.clone();
        error.id = Some(error_id);
        error.render_to(out);
        out.push('\n');
    }
}

/// `true` or `false` exactly; anything else is unset (upstream tests `[true, false].includes(x)`).
pub(crate) fn bool_only<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<bool>, D::Error> {
    Ok(match serde_json::Value::deserialize(deserializer)? {
        serde_json::Value::Bool(on) => Some(on),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hint_and_error_are_described_in_order() {
        let html = Input::new("ni")
            .label(Label::text("National Insurance number"))
            .hint(Hint::text("For example, QQ 12 34 56 C"))
            .error_message(ErrorMessage::text("Enter a National Insurance number"))
            .described_by("extra")
            .render()
            .into_string();
        assert!(html.starts_with("<div class=\"govuk-form-group govuk-form-group--error\">"));
        assert!(html.contains(r#"<input class="govuk-input govuk-input--error" id="ni" name="ni" type="text" aria-describedby="extra ni-hint ni-error">"#), "{html}");
    }

    #[test]
    fn prefix_and_suffix_add_the_wrapper() {
        let html = Input::new("cost")
            .prefix(Affix::text("£"))
            .suffix(Affix::text("per item"))
            .render()
            .into_string();
        assert!(html.contains(r#"<div class="govuk-input__wrapper">"#));
        assert!(html.contains(r#"<div class="govuk-input__prefix" aria-hidden="true">£</div>"#));
        assert!(
            html.contains(r#"<div class="govuk-input__suffix" aria-hidden="true">per item</div>"#)
        );
    }

    #[test]
    fn an_empty_value_is_still_written_and_spellcheck_is_three_way() {
        let html = Input::new("a")
            .value("")
            .spellcheck(false)
            .render()
            .into_string();
        assert!(html.contains(r#" spellcheck="false" value="""#), "{html}");
        assert!(
            !Input::new("a")
                .render()
                .into_string()
                .contains("spellcheck")
        );
    }
}
