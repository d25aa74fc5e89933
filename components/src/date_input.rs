//! The [date input](https://design-system.service.gov.uk/components/date-input/): day, month
//! and year boxes in a fieldset.

use std::collections::HashMap;
use std::fmt;

use maud::Render;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use crate::attributes::Attributes;
use crate::element::open;
use crate::error_message::ErrorMessage;
use crate::fieldset::Fieldset;
use crate::hint::Hint;
use crate::input::{Input, hint_and_error};
use crate::label::Label;
use crate::radios::{ChoicesFormGroup, choices_form_group};

/// A date input: `govukDateInput` options.
///
/// ```
/// use civic_components::{DateInput, Fieldset, Legend, Hint};
/// let date = DateInput::new("dob")
///     .fieldset(Fieldset::new().legend(Legend::text("What is your date of birth?")))
///     .hint(Hint::text("For example, 31 3 1980"))
///     .values("31", "3", "1980");
/// let html = maud::Render::render(&date).into_string();
/// assert!(html.contains(r#"id="dob-year" name="year" type="text" value="1980" inputmode="numeric""#));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct DateInput {
    /// The container's `id`, and the start of each box's (`{id}-day`).
    #[serde(deserialize_with = "crate::de::string")]
    pub id: Option<String>,
    /// Prefix of each box's name (`{prefix}-day`).
    #[serde(deserialize_with = "crate::de::string")]
    pub name_prefix: Option<String>,
    /// The boxes, replacing day, month and year.
    #[serde(deserialize_with = "crate::de::items")]
    pub items: Vec<DateItem>,
    /// Options for the day box; `false` leaves it out.
    pub day: DatePart,
    /// Options for the month box; `false` leaves it out.
    pub month: DatePart,
    /// Options for the year box; `false` leaves it out.
    pub year: DatePart,
    /// Values by box name (`day`, or `dob-day` with a name prefix).
    #[serde(deserialize_with = "values")]
    pub values: HashMap<String, String>,
    /// The fieldset around the boxes, with its legend.
    #[serde(deserialize_with = "crate::de::object")]
    pub fieldset: Option<Fieldset>,
    /// The hint.
    #[serde(deserialize_with = "crate::de::object")]
    pub hint: Option<Hint>,
    /// The error message; also marks every box as in error unless some are marked.
    #[serde(deserialize_with = "crate::de::object")]
    pub error_message: Option<ErrorMessage>,
    /// Options for the surrounding form group.
    #[serde(deserialize_with = "crate::de::object")]
    pub form_group: Option<ChoicesFormGroup>,
    /// Extra classes for the container.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra HTML attributes for the container.
    pub attributes: Attributes,
    /// The language of the built-in box labels (Day, Month, Year); upstream's English
    /// (the capitalised name) when unset.
    #[serde(skip)]
    pub language: Option<crate::i18n::Language>,
}

/// One box of a [`DateInput`].
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct DateItem {
    /// The input's `id`, instead of `{id}-{name}`.
    #[serde(deserialize_with = "crate::de::string")]
    pub id: Option<String>,
    /// The box's name (`day`, `month`, `year` or another).
    #[serde(deserialize_with = "crate::de::string")]
    pub name: Option<String>,
    /// The label text, instead of the capitalised name.
    #[serde(deserialize_with = "crate::de::string")]
    pub label: Option<String>,
    /// The initial value.
    #[serde(deserialize_with = "crate::de::string")]
    pub value: Option<String>,
    /// Marks this box as in error (`Some(false)`: never, even with an error message).
    #[serde(deserialize_with = "crate::de::optional_truthy")]
    pub error: Option<bool>,
    /// The `inputmode`; `numeric` when unset.
    #[serde(deserialize_with = "crate::de::string")]
    pub inputmode: Option<String>,
    /// The `autocomplete` attribute, such as `bday-day`.
    #[serde(deserialize_with = "crate::de::string")]
    pub autocomplete: Option<String>,
    /// The `pattern` attribute.
    #[serde(deserialize_with = "crate::de::string")]
    pub pattern: Option<String>,
    /// Extra classes for the input.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra HTML attributes for the input.
    pub attributes: Attributes,
}

impl DateItem {
    /// A box called `name`.
    pub fn new(name: impl Into<String>) -> Self {
        DateItem {
            name: Some(name.into()),
            ..DateItem::default()
        }
    }
}

/// The `day`, `month` or `year` option.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub enum DatePart {
    /// Not given: the standard box.
    #[default]
    Standard,
    /// Switched off with `false` or `null`: no box.
    Hidden,
    /// Customised.
    Custom(Box<DateItem>),
}

impl<'de> Deserialize<'de> for DatePart {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match crate::de::object::<D, DateItem>(deserializer)? {
            Some(item) => DatePart::Custom(Box::new(item)),
            None => DatePart::Hidden,
        })
    }
}

/// `values`: an object of box name to value (numbers allowed).
fn values<'de, D: Deserializer<'de>>(deserializer: D) -> Result<HashMap<String, String>, D::Error> {
    struct Values;
    impl<'de> Visitor<'de> for Values {
        type Value = HashMap<String, String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object of values by name, false or null")
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(HashMap::new())
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(HashMap::new())
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
            if v {
                Err(E::invalid_type(de::Unexpected::Bool(v), &self))
            } else {
                Ok(HashMap::new())
            }
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = HashMap::new();
            while let Some(name) = map.next_key::<String>()? {
                if let Some(value) = map.next_value::<Text>()?.0 {
                    out.insert(name, value);
                }
            }
            Ok(out)
        }
    }
    struct Text(Option<String>);
    impl<'de> Deserialize<'de> for Text {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            crate::de::string(deserializer).map(Text)
        }
    }
    deserializer.deserialize_any(Values)
}

/// Which standard box an item stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Day,
    Month,
    Year,
}

impl Slot {
    const ALL: [Slot; 3] = [Slot::Day, Slot::Month, Slot::Year];

    fn name(self) -> &'static str {
        match self {
            Slot::Day => "day",
            Slot::Month => "month",
            Slot::Year => "year",
        }
    }
}

/// Nunjucks' `capitalize`: first letter upper case, the rest lower case.
fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

fn has_error_class(classes: Option<&str>) -> bool {
    classes.is_some_and(|c| c.contains("govuk-input--error"))
}

impl DateInput {
    /// A date input whose container and boxes take their ids from `id`.
    pub fn new(id: impl Into<String>) -> Self {
        DateInput {
            id: Some(id.into()),
            ..DateInput::default()
        }
    }

    /// Prefixes each box's name (`{prefix}-day`).
    pub fn name_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.name_prefix = Some(prefix.into());
        self
    }

    /// Sets the day, month and year values.
    pub fn values(
        mut self,
        day: impl Into<String>,
        month: impl Into<String>,
        year: impl Into<String>,
    ) -> Self {
        let prefix = self
            .name_prefix
            .as_deref()
            .map(|p| format!("{p}-"))
            .unwrap_or_default();
        for (name, value) in [
            ("day", day.into()),
            ("month", month.into()),
            ("year", year.into()),
        ] {
            self.values.insert(format!("{prefix}{name}"), value);
        }
        self
    }

    /// Replaces the standard boxes.
    pub fn item(mut self, item: DateItem) -> Self {
        self.items.push(item);
        self
    }

    /// Leaves out the day box (a month and year).
    pub fn without_day(mut self) -> Self {
        self.day = DatePart::Hidden;
        self
    }

    /// Leaves out the year box (a day and month).
    pub fn without_year(mut self) -> Self {
        self.year = DatePart::Hidden;
        self
    }

    /// Labels the day, month and year boxes in `language` ("Diwrnod", "Mis", "Blwyddyn").
    pub fn language(mut self, language: crate::i18n::Language) -> Self {
        self.language = Some(language);
        self
    }

    /// Puts the boxes in a fieldset.
    pub fn fieldset(mut self, fieldset: Fieldset) -> Self {
        self.fieldset = Some(fieldset);
        self
    }

    /// Sets the hint.
    pub fn hint(mut self, hint: Hint) -> Self {
        self.hint = Some(hint);
        self
    }

    /// Sets the error message, putting the group (and every box) in its error state.
    pub fn error_message(mut self, error_message: ErrorMessage) -> Self {
        self.error_message = Some(error_message);
        self
    }

    /// Adds classes to the container.
    pub fn classes(mut self, classes: impl Into<String>) -> Self {
        self.classes = Some(classes.into());
        self
    }

    /// Sets the form group options.
    pub fn form_group(mut self, form_group: ChoicesFormGroup) -> Self {
        self.form_group = Some(form_group);
        self
    }

    /// Sets extra HTML attributes on the container.
    pub fn attributes(mut self, attributes: Attributes) -> Self {
        self.attributes = attributes;
        self
    }

    fn part(&self, slot: Slot) -> &DatePart {
        match slot {
            Slot::Day => &self.day,
            Slot::Month => &self.month,
            Slot::Year => &self.year,
        }
    }

    /// The name and value of upstream's `dateInputDay` (and kin) for `slot`.
    fn part_name_value(&self, slot: Slot) -> (Option<&str>, Option<&str>) {
        match self.part(slot) {
            DatePart::Standard => (
                Some(slot.name()),
                self.values.get(slot.name()).map(String::as_str),
            ),
            DatePart::Hidden => (None, None),
            DatePart::Custom(item) => (item.name.as_deref(), item.value.as_deref()),
        }
    }

    /// The boxes to render, each with the standard box it stands for when it came from `day`,
    /// `month` or `year` rather than `items`.
    fn boxes(&self) -> Vec<(Option<Slot>, std::borrow::Cow<'_, DateItem>)> {
        use std::borrow::Cow;
        if !self.items.is_empty() {
            return self
                .items
                .iter()
                .map(|item| (None, Cow::Borrowed(item)))
                .collect();
        }
        Slot::ALL
            .into_iter()
            .filter_map(|slot| match self.part(slot) {
                DatePart::Standard => Some((
                    Some(slot),
                    Cow::Owned(DateItem {
                        name: Some(slot.name().to_owned()),
                        value: self.values.get(slot.name()).cloned(),
                        classes: Some(
                            if slot == Slot::Year {
                                "govuk-input--width-4"
                            } else {
                                "govuk-input--width-2"
                            }
                            .to_owned(),
                        ),
                        ..DateItem::default()
                    }),
                )),
                DatePart::Hidden => None,
                DatePart::Custom(item) => Some((Some(slot), Cow::Borrowed(&**item))),
            })
            .collect()
    }

    fn render_box(
        &self,
        out: &mut String,
        item: &DateItem,
        own_slot: Option<Slot>,
        any_box_has_error: bool,
    ) {
        let slot = own_slot.or_else(|| {
            let name = item.name.as_deref().filter(|n| !n.is_empty())?;
            Slot::ALL
                .into_iter()
                .find(|s| name == s.name() || Some(name) == self.part_name_value(*s).0)
        });
        let (name, value) = match slot {
            Some(slot) => (
                item.name.as_deref().unwrap_or(slot.name()),
                item.value.as_deref().or(self.part_name_value(slot).1),
            ),
            None => (item.name.as_deref().unwrap_or(""), item.value.as_deref()),
        };
        let classes = item.classes.as_deref().filter(|c| !c.is_empty());
        let classes_have_error = has_error_class(classes);
        let has_error = item.error == Some(true) || classes_have_error;
        let mut input_classes = String::from("govuk-date-input__input");
        if !classes_have_error
            && (has_error
                || (item.error != Some(false)
                    && self.error_message.is_some()
                    && !any_box_has_error))
        {
            input_classes.push_str(" govuk-input--error");
        }
        if !classes.is_some_and(|c| c.contains("govuk-input--width-")) {
            input_classes.push_str(if slot == Some(Slot::Year) {
                " govuk-input--width-4"
            } else {
                " govuk-input--width-2"
            });
        }
        if let Some(classes) = classes {
            input_classes.push(' ');
            input_classes.push_str(classes);
        }
        let name = match self.name_prefix.as_deref().filter(|p| !p.is_empty()) {
            Some(prefix) => [prefix, "-", name].concat(),
            None => name.to_owned(),
        };
        let built_in = |slot: Slot| {
            use crate::i18n::Text;
            let text = match slot {
                Slot::Day => Text::Day,
                Slot::Month => Text::Month,
                Slot::Year => Text::Year,
            };
            self.language.map(|language| language.text(text).to_owned())
        };
        let label_text = item
            .label
            .clone()
            .filter(|l| !l.is_empty())
            .or_else(|| slot.and_then(built_in))
            .unwrap_or_else(|| {
                capitalize(item.name.as_deref().or(slot.map(Slot::name)).unwrap_or(""))
            });
        let id = item
            .id
            .clone()
            .filter(|i| !i.is_empty())
            .unwrap_or_else(|| {
                [
                    self.id.as_deref().unwrap_or(""),
                    "-",
                    item.name.as_deref().or(slot.map(Slot::name)).unwrap_or(""),
                ]
                .concat()
            });
        let input = Input {
            label: Some(
                Label::text(label_text)
                    .classes("govuk-date-input__label")
                    .for_id(id.as_str()),
            ),
            id: Some(id),
            classes: Some(input_classes),
            value: value
                .map(str::to_owned)
                .or_else(|| self.values.get(&name).cloned()),
            name: Some(name),
            input_type: Some("text".to_owned()),
            inputmode: Some(
                item.inputmode
                    .clone()
                    .filter(|m| !m.is_empty())
                    .unwrap_or_else(|| "numeric".to_owned()),
            ),
            autocomplete: item.autocomplete.clone(),
            pattern: item.pattern.clone(),
            attributes: item.attributes.clone(),
            ..Input::default()
        };
        out.push_str("<div class=\"govuk-date-input__item\">\n");
        input.render_to(out);
        out.push_str("\n</div>\n");
    }
}

impl Render for DateInput {
    fn render_to(&self, out: &mut String) {
        let id = self.id.as_deref().unwrap_or("");
        let boxes = self.boxes();
        let any_box_has_error = boxes
            .iter()
            .any(|(_, item)| item.error == Some(true) || has_error_class(item.classes.as_deref()));
        let mut described_by = self
            .fieldset
            .as_ref()
            .and_then(|f| f.described_by.clone())
            .unwrap_or_default();
        let group = self.form_group.as_ref();

        // A date input writes about 1.5 kB: one allocation instead of several doublings.
        let mut inner = String::with_capacity(2048);
        hint_and_error(
            &mut inner,
            id,
            self.hint.as_ref(),
            self.error_message.as_ref(),
            &mut described_by,
        );
        let body = open(&mut inner, "div")
            .class("govuk-date-input", self.classes.as_deref())
            .attrs(&self.attributes)
            .attr_if("id", self.id.as_deref())
            .end();
        body.push('\n');
        if let Some(before) = group.and_then(|g| g.before_inputs.as_ref()) {
            before.render_to(body);
            body.push('\n');
        }
        for (slot, item) in &boxes {
            self.render_box(body, item, *slot, any_box_has_error);
        }
        if let Some(after) = group.and_then(|g| g.after_inputs.as_ref()) {
            after.render_to(body);
            body.push('\n');
        }
        body.push_str("</div>");

        // `role="group"` makes JAWS read the fieldset's description for text inputs.
        choices_form_group(
            out,
            self.error_message.is_some(),
            group,
            self.fieldset.as_ref(),
            Some("group"),
            described_by,
            inner,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_message_marks_every_box_unless_one_is_marked() {
        let html = DateInput::new("dob")
            .error_message(ErrorMessage::text("Enter a date"))
            .render()
            .into_string();
        assert_eq!(html.matches("govuk-input--error").count(), 3);
        let mut one = DateInput::new("dob").error_message(ErrorMessage::text("Enter a year"));
        one.year = DatePart::Custom(Box::new(DateItem {
            error: Some(true),
            ..DateItem::default()
        }));
        let html = one.render().into_string();
        assert_eq!(html.matches("govuk-input--error").count(), 1);
        assert!(html.contains(r#"class="govuk-input govuk-date-input__input govuk-input--error govuk-input--width-4" id="dob-year""#), "{html}");
    }

    #[test]
    fn welsh_labels_the_standard_boxes() {
        let html = DateInput::new("dob")
            .language(crate::i18n::Language::Welsh)
            .render()
            .into_string();
        for label in ["Diwrnod", "Mis", "Blwyddyn"] {
            assert!(html.contains(&format!("\n  {label}\n</label>")), "{html}");
        }
    }

    #[test]
    fn a_prefix_names_the_boxes_and_picks_their_values() {
        let html = DateInput::new("dob")
            .name_prefix("dob")
            .values("31", "3", "1980")
            .without_day()
            .render()
            .into_string();
        assert!(!html.contains("dob-day"));
        assert!(
            html.contains(r#"id="dob-month" name="dob-month" type="text" value="3""#),
            "{html}"
        );
    }
}
