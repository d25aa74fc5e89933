//! The [character count](https://design-system.service.gov.uk/components/character-count/): a
//! textarea that tells the resident how much more they can write.

use maud::Render;
use serde::Deserialize;

use crate::attributes::Attributes;
use crate::error_message::ErrorMessage;
use crate::hint::Hint;
use crate::i18n_attributes::{PluralTexts, message, messages};
use crate::input::FormGroup;
use crate::label::Label;
use crate::textarea::Textarea;

/// A character count: `govukCharacterCount` options.
///
/// Without JavaScript the resident sees the limit ("You can enter up to 200 characters"); the
/// script adds the live count.
///
/// ```
/// use civic_components::{CharacterCount, Label};
/// let count = CharacterCount::new("more-detail").label(Label::text("Can you provide more detail?")).maxlength(200);
/// assert!(maud::Render::render(&count).into_string().contains("You can enter up to 200 characters"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct CharacterCount {
    /// The textarea's `id`; defaults to `name`.
    #[serde(deserialize_with = "crate::de::string")]
    pub id: Option<String>,
    /// The name submitted with the form.
    #[serde(deserialize_with = "crate::de::string")]
    pub name: Option<String>,
    /// Number of rows; 5 when unset.
    #[serde(deserialize_with = "crate::de::string")]
    pub rows: Option<String>,
    /// The initial value.
    #[serde(deserialize_with = "crate::de::string")]
    pub value: Option<String>,
    /// The most characters (or words, with `count_type` `words`) allowed.
    #[serde(deserialize_with = "crate::de::string")]
    pub maxlength: Option<String>,
    /// The most words allowed (upstream prefers `maxlength` with `countType: "words"`).
    #[serde(deserialize_with = "crate::de::string")]
    pub maxwords: Option<String>,
    /// The percentage of the limit at which the count appears.
    #[serde(deserialize_with = "crate::de::string")]
    pub threshold: Option<String>,
    /// What is counted: `length`/`characters` (default) or `words`.
    #[serde(deserialize_with = "crate::de::string")]
    pub count_type: Option<String>,
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
    /// `spellcheck="true"` or `"false"`; left out when unset.
    #[serde(deserialize_with = "crate::input::bool_only")]
    pub spellcheck: Option<bool>,
    /// Extra HTML attributes for the textarea.
    pub attributes: Attributes,
    /// Options for the count message.
    #[serde(deserialize_with = "crate::de::object")]
    pub count_message: Option<CountMessage>,
    /// The description of the limit, with `%{count}` for the number.
    #[serde(deserialize_with = "crate::de::string")]
    pub textarea_description_text: Option<String>,
    /// Message under the character limit, by plural rule.
    pub characters_under_limit_text: Option<PluralTexts>,
    /// Message at the character limit.
    #[serde(deserialize_with = "crate::de::string")]
    pub characters_at_limit_text: Option<String>,
    /// Message over the character limit, by plural rule.
    pub characters_over_limit_text: Option<PluralTexts>,
    /// Message under the word limit, by plural rule.
    pub words_under_limit_text: Option<PluralTexts>,
    /// Message at the word limit.
    #[serde(deserialize_with = "crate::de::string")]
    pub words_at_limit_text: Option<String>,
    /// Message over the word limit, by plural rule.
    pub words_over_limit_text: Option<PluralTexts>,
}

/// Options for a character count's message.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct CountMessage {
    /// Extra classes.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
}

impl CharacterCount {
    /// A character count submitted as `name` (also its `id` unless [`CharacterCount::id`] is set).
    pub fn new(name: impl Into<String>) -> Self {
        CharacterCount {
            name: Some(name.into()),
            ..CharacterCount::default()
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

    /// Limits the answer to `limit` characters.
    pub fn maxlength(mut self, limit: u32) -> Self {
        self.maxlength = Some(limit.to_string());
        self
    }

    /// Limits the answer to `limit` words.
    pub fn maxwords(mut self, limit: u32) -> Self {
        self.maxwords = Some(limit.to_string());
        self
    }

    /// Shows the count only once `percent` of the limit is used.
    pub fn threshold(mut self, percent: u32) -> Self {
        self.threshold = Some(percent.to_string());
        self
    }

    /// Sets the number of rows.
    pub fn rows(mut self, rows: u32) -> Self {
        self.rows = Some(rows.to_string());
        self
    }

    /// Adds classes to the textarea.
    pub fn classes(mut self, classes: impl Into<String>) -> Self {
        self.classes = Some(classes.into());
        self
    }

    /// Sets extra HTML attributes on the textarea.
    pub fn attributes(mut self, attributes: Attributes) -> Self {
        self.attributes = attributes;
        self
    }

    /// Sets the texts the resident reads in `language`, from [`crate::i18n`].
    pub fn language(mut self, language: crate::i18n::Language) -> Self {
        use crate::i18n::{CountText, Text};
        let plural = |text: CountText| {
            let forms = language.count_text(text);
            PluralTexts::new()
                .with("one", forms.one)
                .with("other", forms.other)
        };
        let words = self.counts_words();
        self.textarea_description_text = Some(
            language
                .count_text(if words {
                    CountText::WordsDescription
                } else {
                    CountText::CharactersDescription
                })
                .other
                .to_owned(),
        );
        self.characters_under_limit_text = Some(plural(CountText::CharactersUnderLimit));
        self.characters_at_limit_text = Some(language.text(Text::CharactersAtLimit).to_owned());
        self.characters_over_limit_text = Some(plural(CountText::CharactersOverLimit));
        self.words_under_limit_text = Some(plural(CountText::WordsUnderLimit));
        self.words_at_limit_text = Some(language.text(Text::WordsAtLimit).to_owned());
        self.words_over_limit_text = Some(plural(CountText::WordsOverLimit));
        self
    }

    fn count_type(&self) -> Option<&str> {
        self.count_type
            .as_deref()
            .filter(|t| !t.is_empty())
            .or(self.maxwords.as_ref().map(|_| "words"))
    }

    fn counts_words(&self) -> bool {
        self.count_type() == Some("words")
    }
}

impl Render for CharacterCount {
    fn render_to(&self, out: &mut String) {
        let id = self.id.as_deref().or(self.name.as_deref()).unwrap_or("");
        let count_type = self.count_type();
        let truthy = |l: &&str| !l.is_empty() && *l != "0";
        let limit = self
            .maxwords
            .as_deref()
            .filter(truthy)
            .or(self.maxlength.as_deref().filter(truthy));
        let group = self.form_group.as_ref();

        let mut group_attributes = String::from(" data-module=\"govuk-character-count\"");
        for (name, value) in [
            ("data-maxlength", self.maxlength.as_deref()),
            ("data-maxwords", self.maxwords.as_deref()),
            ("data-threshold", self.threshold.as_deref()),
            ("data-count-type", count_type),
        ] {
            if let Some(value) = value {
                group_attributes.push(' ');
                group_attributes.push_str(name);
                group_attributes.push_str("=\"");
                crate::escape::escape_into(&mut group_attributes, value);
                group_attributes.push('"');
            }
        }
        // Without a limit the script interpolates the description once it knows the limit.
        if limit.is_none() {
            message(
                &mut group_attributes,
                "textarea-description.other",
                self.textarea_description_text.as_deref(),
            );
        }
        messages(
            &mut group_attributes,
            "characters-under-limit",
            self.characters_under_limit_text.as_ref(),
        );
        message(
            &mut group_attributes,
            "characters-at-limit",
            self.characters_at_limit_text.as_deref(),
        );
        messages(
            &mut group_attributes,
            "characters-over-limit",
            self.characters_over_limit_text.as_ref(),
        );
        messages(
            &mut group_attributes,
            "words-under-limit",
            self.words_under_limit_text.as_ref(),
        );
        message(
            &mut group_attributes,
            "words-at-limit",
            self.words_at_limit_text.as_deref(),
        );
        messages(
            &mut group_attributes,
            "words-over-limit",
            self.words_over_limit_text.as_ref(),
        );
        if let Some(group) = group {
            maud::Render::render_to(&group.attributes, &mut group_attributes);
        }

        let description = limit.map(|limit| {
            let text = match self
                .textarea_description_text
                .as_deref()
                .filter(|t| !t.is_empty())
            {
                Some(text) => text.to_owned(),
                None if count_type == Some("words") => {
                    "You can enter up to %{count} words".to_owned()
                }
                None => "You can enter up to %{count} characters".to_owned(),
            };
            text.replace("%{count}", limit)
        });
        let mut message_classes = String::from("govuk-character-count__message");
        if let Some(classes) = self
            .count_message
            .as_ref()
            .and_then(|m| m.classes.as_deref())
            .filter(|c| !c.is_empty())
        {
            message_classes.push(' ');
            message_classes.push_str(classes);
        }
        let mut count_message = Hint::default()
            .id(format!("{id}-info"))
            .classes(message_classes);
        count_message.text = description;
        let mut after = count_message.render().into_string();
        if let Some(extra) = group.and_then(|g| g.after_input.as_ref()) {
            after.push('\n');
            extra.render_to(&mut after);
        }

        let mut textarea_classes = String::from("govuk-js-character-count");
        if let Some(classes) = self.classes.as_deref().filter(|c| !c.is_empty()) {
            textarea_classes.push(' ');
            textarea_classes.push_str(classes);
        }
        let mut group_classes = String::from("govuk-character-count");
        if let Some(classes) = group
            .and_then(|g| g.classes.as_deref())
            .filter(|c| !c.is_empty())
        {
            group_classes.push(' ');
            group_classes.push_str(classes);
        }
        let textarea = Textarea {
            id: Some(id.to_owned()),
            name: self.name.clone(),
            described_by: Some(format!("{id}-info")),
            rows: self.rows.clone(),
            spellcheck: self.spellcheck,
            value: self.value.clone(),
            form_group: Some(FormGroup {
                classes: Some(group_classes),
                before_input: group.and_then(|g| g.before_input.clone()),
                ..FormGroup::default()
            }),
            classes: Some(textarea_classes),
            label: self.label.clone(),
            hint: self.hint.clone(),
            error_message: self.error_message.clone(),
            attributes: self.attributes.clone(),
            ..Textarea::default()
        };
        textarea.render_parts(out, Some(&group_attributes), Some(&after));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;

    #[test]
    fn words_limit_is_described_and_configured() {
        let html = CharacterCount::new("story")
            .maxwords(150)
            .render()
            .into_string();
        assert!(
            html.contains(
                r#"data-module="govuk-character-count" data-maxwords="150" data-count-type="words""#
            ),
            "{html}"
        );
        assert!(html.contains("You can enter up to 150 words"));
        assert!(html.contains(r#"aria-describedby="story-info""#));
    }

    #[test]
    fn welsh_texts_reach_the_script_and_the_description() {
        let html = CharacterCount::new("story")
            .maxlength(10)
            .language(Language::Welsh)
            .render()
            .into_string();
        assert!(
            html.contains("data-i18n.characters-at-limit=\"Mae gennych 0 nod ar ôl\""),
            "{html}"
        );
        assert!(!html.contains("You can enter"), "{html}");
    }
}
