//! Upstream's `govukI18nAttributes` macro: translated texts handed to a component's JavaScript
//! as `data-i18n.*` attributes.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use crate::escape::escape_into;

/// A translation that depends on a number, by [CLDR plural rule](https://cldr.unicode.org/index/cldr-spec/plural-rules)
/// (`one`, `other`, ...), in the order given. `%{count}` in a text is replaced by the script.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PluralTexts(Vec<(String, String)>);

impl PluralTexts {
    /// No texts.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the text for a plural rule, such as `("one", "%{count} file chosen")`.
    pub fn with(mut self, rule: impl Into<String>, text: impl Into<String>) -> Self {
        self.0.push((rule.into(), text.into()));
        self
    }

    /// The texts, by plural rule.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0
            .iter()
            .map(|(rule, text)| (rule.as_str(), text.as_str()))
    }
}

impl<'de> Deserialize<'de> for PluralTexts {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Texts;
        impl<'de> Visitor<'de> for Texts {
            type Value = PluralTexts;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of texts by plural rule, false or null")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(PluralTexts::default())
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(PluralTexts::default())
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                d.deserialize_any(self)
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
                if v {
                    Err(E::invalid_type(de::Unexpected::Bool(v), &self))
                } else {
                    Ok(PluralTexts::default())
                }
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut texts = Vec::new();
                while let Some(rule) = map.next_key::<String>()? {
                    let text: Option<String> = map.next_value_seed(LooseText)?;
                    texts.push((rule, text.unwrap_or_default()));
                }
                Ok(PluralTexts(texts))
            }
        }
        deserializer.deserialize_any(Texts)
    }
}

/// One text inside [`PluralTexts`], as loose as every other string option.
struct LooseText;

impl<'de> de::DeserializeSeed<'de> for LooseText {
    type Value = Option<String>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        crate::de::string(deserializer)
    }
}

/// Writes ` data-i18n.{key}="{text}"` when there is a text.
pub(crate) fn message(out: &mut String, key: &str, text: Option<&str>) {
    if let Some(text) = text.filter(|t| !t.is_empty()) {
        out.push_str(" data-i18n.");
        out.push_str(key);
        out.push_str("=\"");
        escape_into(out, text);
        out.push('"');
    }
}

/// Writes ` data-i18n.{key}.{rule}="{text}"` for each plural rule.
pub(crate) fn messages(out: &mut String, key: &str, texts: Option<&PluralTexts>) {
    for (rule, text) in texts.into_iter().flat_map(PluralTexts::iter) {
        out.push_str(" data-i18n.");
        out.push_str(key);
        out.push('.');
        escape_into(out, rule);
        out.push_str("=\"");
        escape_into(out, text);
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_singular_and_plural_texts_in_order() {
        let texts: PluralTexts =
            serde_json::from_str(r#"{"other": "%{count} ffeil", "one": "1 ffeil's"}"#).unwrap();
        let mut out = String::new();
        message(&mut out, "drop-instruction", Some("neu ollwng"));
        message(&mut out, "no-file-chosen", None);
        messages(&mut out, "multiple-files-chosen", Some(&texts));
        assert_eq!(
            out,
            r#" data-i18n.drop-instruction="neu ollwng" data-i18n.multiple-files-chosen.other="%{count} ffeil" data-i18n.multiple-files-chosen.one="1 ffeil&#39;s""#
        );
    }
}
