//! The [password input](https://design-system.service.gov.uk/components/password-input/): a
//! text input with a button, added by its script, that shows or hides the password.

use maud::Render;
use serde::Deserialize;

use crate::attributes::Attributes;
use crate::button::Button;
use crate::error_message::ErrorMessage;
use crate::hint::Hint;
use crate::i18n_attributes::message;
use crate::input::{FormGroup, Input, InputWrapper};
use crate::label::Label;

/// A password input: `govukPasswordInput` options.
///
/// ```
/// use civic_components::{Label, PasswordInput};
/// let password = PasswordInput::new("password").label(Label::text("Password")).autocomplete("new-password");
/// let html = maud::Render::render(&password).into_string();
/// assert!(html.contains(r#"type="password" spellcheck="false" autocomplete="new-password" autocapitalize="none""#));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct PasswordInput {
    /// The input's `id`; defaults to `name`.
    #[serde(deserialize_with = "crate::de::string")]
    pub id: Option<String>,
    /// The name submitted with the form.
    #[serde(deserialize_with = "crate::de::string")]
    pub name: Option<String>,
    /// The initial value.
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
    /// Options for the surrounding form group.
    #[serde(deserialize_with = "crate::de::object")]
    pub form_group: Option<FormGroup>,
    /// Extra classes for the input.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// The `autocomplete` attribute; `current-password` when unset (`new-password` when
    /// choosing one).
    #[serde(deserialize_with = "crate::de::string")]
    pub autocomplete: Option<String>,
    /// Extra HTML attributes for the input.
    pub attributes: Attributes,
    /// Options for the show/hide button.
    #[serde(deserialize_with = "crate::de::object")]
    pub button: Option<ToggleButton>,
    /// The button's text while the password is hidden ("Show").
    #[serde(deserialize_with = "crate::de::string")]
    pub show_password_text: Option<String>,
    /// The button's text while the password is shown ("Hide").
    #[serde(deserialize_with = "crate::de::string")]
    pub hide_password_text: Option<String>,
    /// The button's accessible name while the password is hidden ("Show password").
    #[serde(deserialize_with = "crate::de::string")]
    pub show_password_aria_label_text: Option<String>,
    /// The button's accessible name while the password is shown ("Hide password").
    #[serde(deserialize_with = "crate::de::string")]
    pub hide_password_aria_label_text: Option<String>,
    /// Announced when the password is shown.
    #[serde(deserialize_with = "crate::de::string")]
    pub password_shown_announcement_text: Option<String>,
    /// Announced when the password is hidden.
    #[serde(deserialize_with = "crate::de::string")]
    pub password_hidden_announcement_text: Option<String>,
}

/// Options for the password input's show/hide button.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct ToggleButton {
    /// Extra classes.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
}

impl PasswordInput {
    /// A password input submitted as `name` (also its `id` unless [`PasswordInput::id`] is set).
    pub fn new(name: impl Into<String>) -> Self {
        PasswordInput {
            name: Some(name.into()),
            ..PasswordInput::default()
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

    /// Sets `autocomplete` (`new-password` when the resident chooses a password).
    pub fn autocomplete(mut self, autocomplete: impl Into<String>) -> Self {
        self.autocomplete = Some(autocomplete.into());
        self
    }

    /// Adds classes to the input.
    pub fn classes(mut self, classes: impl Into<String>) -> Self {
        self.classes = Some(classes.into());
        self
    }

    /// Sets extra HTML attributes on the input.
    pub fn attributes(mut self, attributes: Attributes) -> Self {
        self.attributes = attributes;
        self
    }

    /// Sets the button's texts and announcements in `language`, from [`crate::i18n`].
    pub fn language(mut self, language: crate::i18n::Language) -> Self {
        use crate::i18n::Text;
        let text = |t: Text| Some(language.text(t).to_owned());
        self.show_password_text = text(Text::ShowPassword);
        self.hide_password_text = text(Text::HidePassword);
        self.show_password_aria_label_text = text(Text::ShowPasswordAriaLabel);
        self.hide_password_aria_label_text = text(Text::HidePasswordAriaLabel);
        self.password_shown_announcement_text = text(Text::PasswordShownAnnouncement);
        self.password_hidden_announcement_text = text(Text::PasswordHiddenAnnouncement);
        self
    }
}

impl Render for PasswordInput {
    fn render_to(&self, out: &mut String) {
        let id = self.id.as_deref().or(self.name.as_deref()).unwrap_or("");
        let group = self.form_group.as_ref();

        let mut group_attributes = String::from(" data-module=\"govuk-password-input\"");
        message(
            &mut group_attributes,
            "show-password",
            self.show_password_text.as_deref(),
        );
        message(
            &mut group_attributes,
            "hide-password",
            self.hide_password_text.as_deref(),
        );
        message(
            &mut group_attributes,
            "show-password-aria-label",
            self.show_password_aria_label_text.as_deref(),
        );
        message(
            &mut group_attributes,
            "hide-password-aria-label",
            self.hide_password_aria_label_text.as_deref(),
        );
        message(
            &mut group_attributes,
            "password-shown-announcement",
            self.password_shown_announcement_text.as_deref(),
        );
        message(
            &mut group_attributes,
            "password-hidden-announcement",
            self.password_hidden_announcement_text.as_deref(),
        );
        if let Some(group) = group {
            group.attributes.render_to(&mut group_attributes);
        }

        let mut button_classes = String::from(
            "govuk-button--secondary govuk-password-input__toggle govuk-js-password-input-toggle",
        );
        if let Some(classes) = self
            .button
            .as_ref()
            .and_then(|b| b.classes.as_deref())
            .filter(|c| !c.is_empty())
        {
            button_classes.push(' ');
            button_classes.push_str(classes);
        }
        let aria_label = self
            .show_password_aria_label_text
            .as_deref()
            .unwrap_or("Show password");
        // The names are fixed and valid, so building the attributes cannot fail.
        let button_attributes = Attributes::new()
            .with("aria-controls", id)
            .and_then(|a| a.with("aria-label", aria_label))
            .and_then(|a| a.with_flag("hidden", true))
            .unwrap_or_default();
        let button = Button::text(self.show_password_text.as_deref().unwrap_or("Show"))
            .button_type("button")
            .classes(button_classes)
            .attributes(button_attributes);
        let mut after = button.render().into_string();
        if let Some(extra) = group.and_then(|g| g.after_input.as_ref()) {
            after.push('\n');
            extra.render_to(&mut after);
        }

        let mut classes = String::from("govuk-password-input__input govuk-js-password-input-input");
        if let Some(extra) = self.classes.as_deref().filter(|c| !c.is_empty()) {
            classes.push(' ');
            classes.push_str(extra);
        }
        let mut group_classes = String::from("govuk-password-input");
        if let Some(extra) = group
            .and_then(|g| g.classes.as_deref())
            .filter(|c| !c.is_empty())
        {
            group_classes.push(' ');
            group_classes.push_str(extra);
        }
        let input = Input {
            id: Some(id.to_owned()),
            name: self.name.clone(),
            input_type: Some("password".to_owned()),
            value: self.value.clone(),
            disabled: self.disabled,
            described_by: self.described_by.clone(),
            label: self.label.clone(),
            hint: self.hint.clone(),
            error_message: self.error_message.clone(),
            form_group: Some(FormGroup {
                classes: Some(group_classes),
                before_input: group.and_then(|g| g.before_input.clone()),
                ..FormGroup::default()
            }),
            classes: Some(classes),
            autocomplete: Some(
                self.autocomplete
                    .clone()
                    .filter(|a| !a.is_empty())
                    .unwrap_or_else(|| "current-password".to_owned()),
            ),
            spellcheck: Some(false),
            autocapitalize: Some("none".to_owned()),
            input_wrapper: Some(InputWrapper {
                classes: Some("govuk-password-input__wrapper".to_owned()),
                ..InputWrapper::default()
            }),
            attributes: self.attributes.clone(),
            ..Input::default()
        };
        input.render_parts(out, Some(&group_attributes), Some(&after));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;

    #[test]
    fn the_toggle_controls_the_input_and_starts_hidden() {
        let html = PasswordInput::new("pw").render().into_string();
        assert!(
            html.contains(r#"aria-controls="pw" aria-label="Show password" hidden>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<div class="govuk-input__wrapper govuk-password-input__wrapper">"#)
        );
    }

    #[test]
    fn welsh_texts_reach_the_button_and_the_script() {
        let html = PasswordInput::new("pw")
            .language(Language::Welsh)
            .render()
            .into_string();
        assert!(
            html.contains(r#"data-i18n.show-password="Datguddia""#),
            "{html}"
        );
        assert!(html.contains(r#"aria-label="Datgelu cyfrinair""#));
        assert!(html.contains("\n  Datguddia\n</button>"));
    }
}
