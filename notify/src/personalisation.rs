//! The values a message's placeholders are filled with.

use crate::value::Value;
use crate::value_markup::ValueMarkup;

/// Placeholder values, looked up as GOV.UK Notify looks them up: ignoring case, spaces,
/// underscores and hyphens, so `((First name))` is filled by `first_name`.
///
/// ```
/// use civic_notify::Personalisation;
///
/// let values = Personalisation::new().with("first_name", "Dafydd");
/// assert_eq!(values.get("First Name").map(|v| v.to_string()), Some("Dafydd".to_owned()));
/// ```
///
/// In emails and letters every value is plain text ([`ValueMarkup::Text`]): markdown or a
/// web address in a value shows as typed and never becomes a heading, a list or a link.
/// [`Personalisation::sanitise_content_for`] also removes web addresses, and
/// [`Personalisation::trust_markdown`] lets a value the council wrote itself use markdown.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Personalisation {
    values: Vec<(String, Value)>,
    /// Placeholder keys whose values are not plain [`ValueMarkup::Text`].
    markup: Vec<(String, ValueMarkup)>,
}

/// The form of a placeholder name used for matching: lower case, without spaces, `_` or `-`.
pub fn placeholder_key(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect()
}

impl Personalisation {
    /// No values.
    pub fn new() -> Personalisation {
        Personalisation::default()
    }

    /// These values plus one more (replacing any value whose name matches).
    pub fn with(mut self, name: &str, value: impl Into<Value>) -> Personalisation {
        self.insert(name, value);
        self
    }

    /// Sets a value, replacing any value whose name matches.
    pub fn insert(&mut self, name: &str, value: impl Into<Value>) {
        let key = placeholder_key(name);
        self.values
            .retain(|(existing, _)| placeholder_key(existing) != key);
        self.values.push((name.to_owned(), value.into()));
    }

    /// Reads the `personalisation` object of a Notify API request.
    pub fn from_json(object: &serde_json::Map<String, serde_json::Value>) -> Personalisation {
        let mut values = Personalisation::new();
        for (name, value) in object {
            values.insert(name, Value::from_json(value));
        }
        values
    }

    /// The value for a placeholder name, if one was given (it may be [`Value::Null`]).
    pub fn get(&self, name: &str) -> Option<&Value> {
        let key = placeholder_key(name);
        self.values
            .iter()
            .find(|(existing, _)| placeholder_key(existing) == key)
            .map(|(_, value)| value)
    }

    /// Values for these placeholders have web addresses removed as well as being shown as
    /// plain text: Notify's `sanitise_content_for`.
    pub fn sanitise_content_for<I, S>(mut self, names: I) -> Personalisation
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for name in names {
            self.set_markup(name.as_ref(), ValueMarkup::TextWithoutUrls);
        }
        self
    }

    /// The value for this placeholder is read as Notify markdown (it may add headings, lists
    /// and links). Only for text the council wrote itself, never for a resident's answer.
    pub fn trust_markdown(mut self, name: &str) -> Personalisation {
        self.set_markup(name, ValueMarkup::Markdown);
        self
    }

    /// Sets how the value for a placeholder is treated in emails and letters.
    pub fn set_markup(&mut self, name: &str, markup: ValueMarkup) {
        let key = placeholder_key(name);
        self.markup.retain(|(existing, _)| *existing != key);
        if markup != ValueMarkup::Text {
            self.markup.push((key, markup));
        }
    }

    /// How the value for a placeholder is treated in emails and letters.
    pub fn markup(&self, name: &str) -> ValueMarkup {
        let key = placeholder_key(name);
        self.markup
            .iter()
            .find(|(existing, _)| *existing == key)
            .map_or(ValueMarkup::Text, |(_, markup)| *markup)
    }

    /// Whether no values were given.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The names and values, in the order given.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.values
            .iter()
            .map(|(name, value)| (name.as_str(), value))
    }
}

impl<K: AsRef<str>, V: Into<Value>> FromIterator<(K, V)> for Personalisation {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut values = Personalisation::new();
        for (name, value) in iter {
            values.insert(name.as_ref(), value);
        }
        values
    }
}
