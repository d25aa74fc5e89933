//! The [file upload](https://design-system.service.gov.uk/components/file-upload/), with the
//! optional drop zone its script adds.

use maud::Render;
use serde::Deserialize;

use crate::attributes::Attributes;
use crate::element::{Classes, open};
use crate::error_message::ErrorMessage;
use crate::hint::Hint;
use crate::i18n_attributes::{PluralTexts, message, messages};
use crate::input::{FormGroup, field_prelude, open_form_group};
use crate::label::Label;

/// A file upload: `govukFileUpload` options.
///
/// ```
/// use civic_components::{FileUpload, Label};
/// let upload = FileUpload::new("evidence").label(Label::text("Upload a photo")).javascript();
/// assert!(maud::Render::render(&upload).into_string().contains(r#"data-module="govuk-file-upload""#));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct FileUpload {
    /// The input's `id`; defaults to `name`.
    #[serde(deserialize_with = "crate::de::string")]
    pub id: Option<String>,
    /// The name submitted with the form.
    #[serde(deserialize_with = "crate::de::string")]
    pub name: Option<String>,
    /// Whether the input is disabled.
    #[serde(deserialize_with = "crate::de::truthy")]
    pub disabled: bool,
    /// Whether several files may be chosen.
    #[serde(deserialize_with = "crate::de::truthy")]
    pub multiple: bool,
    /// Whether to add the wrapper the script turns into a drop zone.
    #[serde(deserialize_with = "crate::de::truthy")]
    pub javascript: bool,
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
    /// Extra HTML attributes for the input, such as `accept`.
    pub attributes: Attributes,
    /// Extra classes for the drop-zone wrapper.
    #[serde(deserialize_with = "crate::de::string")]
    pub wrapper_classes: Option<String>,
    /// Extra HTML attributes for the drop-zone wrapper.
    pub wrapper_attributes: Attributes,
    /// The button's text (script default "Choose file").
    #[serde(deserialize_with = "crate::de::string")]
    pub choose_files_button_text: Option<String>,
    /// Shown before a file is chosen (script default "No file chosen").
    #[serde(deserialize_with = "crate::de::string")]
    pub no_file_chosen_text: Option<String>,
    /// Shown when several files are chosen, by plural rule.
    pub multiple_files_chosen_text: Option<PluralTexts>,
    /// The drop instruction (script default "or drop file").
    #[serde(deserialize_with = "crate::de::string")]
    pub drop_instruction_text: Option<String>,
    /// Announced when files are dragged into the drop zone.
    #[serde(deserialize_with = "crate::de::string")]
    pub entered_drop_zone_text: Option<String>,
    /// Announced when files are dragged out of the drop zone.
    #[serde(deserialize_with = "crate::de::string")]
    pub left_drop_zone_text: Option<String>,
}

impl FileUpload {
    /// A file upload submitted as `name` (also its `id` unless [`FileUpload::id`] is set).
    pub fn new(name: impl Into<String>) -> Self {
        FileUpload {
            name: Some(name.into()),
            ..FileUpload::default()
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

    /// Lets the resident choose several files.
    pub fn multiple(mut self) -> Self {
        self.multiple = true;
        self
    }

    /// Adds the wrapper the script enhances into a drop zone.
    pub fn javascript(mut self) -> Self {
        self.javascript = true;
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

    /// Sets the form group options.
    pub fn form_group(mut self, form_group: FormGroup) -> Self {
        self.form_group = Some(form_group);
        self
    }

    /// Sets the script's texts in `language`, from [`crate::i18n`].
    pub fn language(mut self, language: crate::i18n::Language) -> Self {
        use crate::i18n::Text;
        let text = |t: Text| Some(language.text(t).to_owned());
        self.choose_files_button_text = text(Text::ChooseFile);
        self.no_file_chosen_text = text(Text::NoFileChosen);
        self.drop_instruction_text = text(Text::DropInstruction);
        self.entered_drop_zone_text = text(Text::EnteredDropZone);
        self.left_drop_zone_text = text(Text::LeftDropZone);
        self
    }
}

impl Render for FileUpload {
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
        if self.javascript {
            let mut tag = open(out, "div")
                .class("govuk-file-upload-wrapper", self.wrapper_classes.as_deref())
                .raw(" data-module=\"govuk-file-upload\"");
            let mut texts = String::new();
            message(
                &mut texts,
                "choose-files-button",
                self.choose_files_button_text.as_deref(),
            );
            message(
                &mut texts,
                "no-file-chosen",
                self.no_file_chosen_text.as_deref(),
            );
            messages(
                &mut texts,
                "multiple-files-chosen",
                self.multiple_files_chosen_text.as_ref(),
            );
            message(
                &mut texts,
                "drop-instruction",
                self.drop_instruction_text.as_deref(),
            );
            message(
                &mut texts,
                "entered-drop-zone",
                self.entered_drop_zone_text.as_deref(),
            );
            message(
                &mut texts,
                "left-drop-zone",
                self.left_drop_zone_text.as_deref(),
            );
            tag = tag.raw(&texts);
            tag.attrs(&self.wrapper_attributes).end().push('\n');
        }
        let mut classes = Classes::new("govuk-file-upload");
        classes
            .add(self.classes.as_deref())
            .add_if(self.error_message.is_some(), "govuk-file-upload--error");
        let out = open(out, "input")
            .attr("class", classes.as_str())
            .attr("id", id)
            .attr("name", self.name.as_deref().unwrap_or(""))
            .raw(" type=\"file\"")
            .flag("disabled", self.disabled)
            .flag("multiple", self.multiple)
            .attr_if("aria-describedby", Some(described_by.as_str()))
            .attrs(&self.attributes)
            .end();
        out.push('\n');
        if self.javascript {
            out.push_str("</div>\n");
        }
        if let Some(after) = group.and_then(|g| g.after_input.as_ref()) {
            after.render_to(out);
            out.push('\n');
        }
        out.push_str("</div>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;

    #[test]
    fn javascript_wraps_the_input_with_welsh_texts() {
        let html = FileUpload::new("photo")
            .multiple()
            .javascript()
            .language(Language::Welsh)
            .render()
            .into_string();
        assert!(
            html.contains(r#"data-i18n.choose-files-button="Dewiswch ffeil""#),
            "{html}"
        );
        assert!(html.contains(
            r#"<input class="govuk-file-upload" id="photo" name="photo" type="file" multiple>"#
        ));
        assert!(html.contains("</div>\n</div>"));
    }

    #[test]
    fn without_javascript_there_is_no_wrapper() {
        let html = FileUpload::new("photo")
            .language(Language::Welsh)
            .render()
            .into_string();
        assert!(!html.contains("govuk-file-upload-wrapper") && !html.contains("data-i18n"));
    }
}
