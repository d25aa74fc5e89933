//! The [textarea](https://design-system.service.gov.uk/components/textarea/), for answers longer
//! than a line.

use maud::Render;
use serde::Deserialize;

use crate::attributes::Attributes;
use crate::element::{Classes, open};
use crate::error_message::ErrorMessage;
use crate::hint::Hint;
use crate::input::{FormGroup, field_prelude, open_form_group};
use crate::label::Label;

/// A textarea: `govukTextarea` options.
///
/// ```
/// use civic_components::{Label, Textarea};
/// let textarea = Textarea::new("more-detail").label(Label::text("Can you provide more detail?")).rows(8);
/// assert!(maud::Render::render(&textarea).into_string().contains(r#"rows="8""#));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct Textarea {
    /// The textarea's `id`; defaults to `name`.
    #[serde(deserialize_with = "crate::de::string")]
    pub id: Option<String>,
    /// The name submitted with the form.
    #[serde(deserialize_with = "crate::de::string")]
    pub name: Option<String>,
    /// `spellcheck="true"` or `"false"`; left out when unset.
    #[serde(deserialize_with = "crate::input::bool_only")]
    pub spellcheck: Option<bool>,
    /// Number of rows; 5 when unset.
    #[serde(deserialize_with = "crate::de::string")]
    pub rows: Option<String>,
    /// The initial value.
    #[serde(deserialize_with = "crate::de::string")]
    pub value: Option<String>,
    /// Whether the textarea is disabled.
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
    /// Extra classes for the textarea.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// The `autocomplete` attribute.
    #[serde(deserialize_with = "crate::de::string")]
    pub autocomplete: Option<String>,
    /// Extra HTML attributes for the textarea.
    pub attributes: Attributes,
}

impl Textarea {
    /// A textarea submitted as `name` (also its `id` unless [`Textarea::id`] is set).
    pub fn new(name: impl Into<String>) -> Self {
        Textarea {
            name: Some(name.into()),
            ..Textarea::default()
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

    /// Sets the number of rows.
    pub fn rows(mut self, rows: u32) -> Self {
        self.rows = Some(rows.to_string());
        self
    }

    /// Turns spellchecking on or off.
    pub fn spellcheck(mut self, on: bool) -> Self {
        self.spellcheck = Some(on);
        self
    }

    /// Sets `autocomplete`, for example `street-address`.
    pub fn autocomplete(mut self, autocomplete: impl Into<String>) -> Self {
        self.autocomplete = Some(autocomplete.into());
        self
    }

    /// Disables the textarea.
    pub fn disabled(mut self) -> Self {
        self.disabled = true;
        self
    }

    /// Adds element ids to `aria-describedby`.
    pub fn described_by(mut self, ids: impl Into<String>) -> Self {
        self.described_by = Some(ids.into());
        self
    }

    /// Adds classes to the textarea.
    pub fn classes(mut self, classes: impl Into<String>) -> Self {
        self.classes = Some(classes.into());
        self
    }

    /// Sets the form group options.
    pub fn form_group(mut self, form_group: FormGroup) -> Self {
        self.form_group = Some(form_group);
        self
    }

    /// Sets extra HTML attributes on the textarea.
    pub fn attributes(mut self, attributes: Attributes) -> Self {
        self.attributes = attributes;
        self
    }

    /// Renders with trusted attributes for the form group (replacing its `attributes`) and
    /// trusted markup after the textarea: character count builds on this, as upstream does.
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
        if let Some(before) = group.and_then(|g| g.before_input.as_ref()) {
            before.render_to(out);
            out.push('\n');
        }
        let mut classes = Classes::new("govuk-textarea");
        classes
            .add_if(self.error_message.is_some(), "govuk-textarea--error")
            .add(self.classes.as_deref());
        let rows = self
            .rows
            .as_deref()
            .filter(|r| !r.is_empty() && *r != "0")
            .unwrap_or("5");
        let mut tag = open(out, "textarea")
            .attr("class", classes.as_str())
            .attr("id", id)
            .attr("name", self.name.as_deref().unwrap_or(""))
            .attr("rows", rows);
        if let Some(on) = self.spellcheck {
            tag = tag.attr("spellcheck", if on { "true" } else { "false" });
        }
        let out = tag
            .flag("disabled", self.disabled)
            .attr_if("aria-describedby", Some(&described_by))
            .attr_if("autocomplete", self.autocomplete.as_deref())
            .attrs(&self.attributes)
            .end();
        if let Some(value) = &self.value {
            crate::escape::escape_into(out, value);
        }
        out.push_str("</textarea>\n");
        if let Some(markup) = after_input {
            out.push_str(markup);
            out.push('\n');
        } else if let Some(after) = group.and_then(|g| g.after_input.as_ref()) {
            after.render_to(out);
            out.push('\n');
        }
        out.push_str("</div>");
    }
}

impl Render for Textarea {
    fn render_to(&self, out: &mut String) {
        self.render_parts(out, None, None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_rows_and_escaped_value() {
        let html = Textarea::new("detail")
            .label(Label::text("Detail"))
            .rows(8)
            .value("Rhys's <b>")
            .render()
            .into_string();
        assert!(html.contains(r#"<textarea class="govuk-textarea" id="detail" name="detail" rows="8">Rhys&#39;s &lt;b&gt;</textarea>"#), "{html}");
    }

    #[test]
    fn rows_default_to_five() {
        assert!(
            Textarea::new("d")
                .render()
                .into_string()
                .contains(r#"rows="5""#)
        );
    }
}
