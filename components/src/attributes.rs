//! The upstream `attributes` option: extra HTML attributes a caller puts on a component.

use std::fmt;

use maud::Render;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use crate::de::js_number;
use crate::escape::escape_into;

/// Extra HTML attributes, rendered as upstream's `govukAttributes` macro renders them.
///
/// Names must match `[A-Za-z_:][-A-Za-z0-9_:.]*`: anything else is rejected when deserialised
/// or added, because a name is written unescaped into the tag. Values are always escaped.
/// Order is kept as given.
///
/// ```
/// use civic_components::Attributes;
/// let attributes = Attributes::new().with("data-module", "app-thing")?.with_flag("hidden", true)?;
/// assert_eq!(maud::Render::render(&attributes).into_string(), r#" data-module="app-thing" hidden"#);
/// # Ok::<(), civic_components::attributes::AttributeNameError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Attributes(Vec<(String, AttributeValue)>);

/// One attribute's value, as upstream accepts it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum AttributeValue {
    /// A value always written as ` name="value"` (`null` writes `name=""`).
    Plain(Option<String>),
    /// `{ value, optional: true }`: `true` writes ` name` alone; `null`/`false` omits it.
    Optional(OptionalValue),
}

/// The value of an attribute given as `{ value, optional: true }`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum OptionalValue {
    /// `true`: a boolean attribute, written as its name alone.
    Present,
    /// `false`, `null` or missing: the attribute is left out.
    Absent,
    /// Any other value, written as ` name="value"`.
    Text(String),
}

/// An attribute name that cannot be written safely into a tag.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "the attribute name {0:?} is not allowed: names start with a letter, `_` or `:` and contain only letters, digits, `-`, `_`, `:` and `.`"
)]
pub struct AttributeNameError(pub String);

/// Whether `name` matches `[A-Za-z_:][-A-Za-z0-9_:.]*`.
pub fn is_valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if c.is_ascii_alphabetic() || c == '_' || c == ':' => {}
        _ => return false,
    }
    chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
}

impl Attributes {
    /// No attributes.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds ` name="value"`.
    pub fn with(
        mut self,
        name: impl Into<String>,
        value: impl Into<String>,
    ) -> Result<Self, AttributeNameError> {
        let name = checked(name.into())?;
        self.0
            .push((name, AttributeValue::Plain(Some(value.into()))));
        Ok(self)
    }

    /// Adds the boolean attribute ` name` when `on`, nothing otherwise.
    pub fn with_flag(
        mut self,
        name: impl Into<String>,
        on: bool,
    ) -> Result<Self, AttributeNameError> {
        let name = checked(name.into())?;
        let value = if on {
            OptionalValue::Present
        } else {
            OptionalValue::Absent
        };
        self.0.push((name, AttributeValue::Optional(value)));
        Ok(self)
    }

    /// Whether there are no attributes.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The attributes in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &AttributeValue)> {
        self.0.iter().map(|(name, value)| (name.as_str(), value))
    }
}

fn checked(name: String) -> Result<String, AttributeNameError> {
    if is_valid_name(&name) {
        Ok(name)
    } else {
        Err(AttributeNameError(name))
    }
}

impl Render for Attributes {
    /// Writes each attribute with its leading space, as `govukAttributes` does.
    fn render_to(&self, out: &mut String) {
        for (name, value) in &self.0 {
            match value {
                AttributeValue::Plain(text) => {
                    out.push(' ');
                    out.push_str(name);
                    out.push_str("=\"");
                    if let Some(text) = text {
                        escape_into(out, text);
                    }
                    out.push('"');
                }
                AttributeValue::Optional(OptionalValue::Present) => {
                    out.push(' ');
                    out.push_str(name);
                }
                AttributeValue::Optional(OptionalValue::Absent) => {}
                AttributeValue::Optional(OptionalValue::Text(text)) => {
                    out.push(' ');
                    out.push_str(name);
                    out.push_str("=\"");
                    escape_into(out, text);
                    out.push('"');
                }
            }
        }
    }
}

/// A scalar as JavaScript would print it in the macro (`null` kept apart).
#[derive(Deserialize)]
#[serde(untagged)]
enum Scalar {
    Bool(bool),
    Number(serde_json::Number),
    Text(String),
    Null,
}

impl Scalar {
    fn text(self) -> Option<String> {
        match self {
            Scalar::Bool(b) => Some(b.to_string()),
            Scalar::Number(n) => Some(number_text(&n)),
            Scalar::Text(s) => Some(s),
            Scalar::Null => None,
        }
    }
}

fn number_text(n: &serde_json::Number) -> String {
    if n.is_f64() {
        n.as_f64().map(js_number).unwrap_or_default()
    } else {
        n.to_string()
    }
}

#[derive(Deserialize)]
struct OptionsObject {
    #[serde(default)]
    value: Option<Scalar>,
    #[serde(default)]
    optional: Option<serde_json::Value>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawValue {
    Object(OptionsObject),
    Scalar(Scalar),
}

impl From<RawValue> for AttributeValue {
    fn from(raw: RawValue) -> Self {
        match raw {
            RawValue::Scalar(s) => AttributeValue::Plain(s.text()),
            RawValue::Object(o) => {
                // Only a literal `optional: true` switches the boolean behaviour on, as upstream.
                if o.optional == Some(serde_json::Value::Bool(true)) {
                    AttributeValue::Optional(match o.value {
                        Some(Scalar::Bool(true)) => OptionalValue::Present,
                        None | Some(Scalar::Null) | Some(Scalar::Bool(false)) => {
                            OptionalValue::Absent
                        }
                        Some(other) => other
                            .text()
                            .map_or(OptionalValue::Absent, OptionalValue::Text),
                    })
                } else {
                    AttributeValue::Plain(o.value.and_then(Scalar::text))
                }
            }
        }
    }
}

impl<'de> Deserialize<'de> for Attributes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AttributesVisitor;
        impl<'de> Visitor<'de> for AttributesVisitor {
            type Value = Attributes;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of attribute names to values")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Attributes, E> {
                Ok(Attributes::new())
            }
            fn visit_none<E: de::Error>(self) -> Result<Attributes, E> {
                Ok(Attributes::new())
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Attributes, D::Error> {
                d.deserialize_any(self)
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Attributes, E> {
                if v {
                    Err(E::invalid_type(de::Unexpected::Bool(v), &self))
                } else {
                    Ok(Attributes::new())
                }
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Attributes, A::Error> {
                let mut out = Vec::new();
                while let Some(name) = map.next_key::<String>()? {
                    if !is_valid_name(&name) {
                        return Err(de::Error::custom(AttributeNameError(name)));
                    }
                    let raw: RawValue = map.next_value()?;
                    out.push((name, raw.into()));
                }
                Ok(Attributes(out))
            }
        }
        deserializer.deserialize_any(AttributesVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn render(json: &str) -> String {
        let attributes: Attributes = serde_json::from_str(json).unwrap();
        attributes.render().into_string()
    }

    #[test]
    fn renders_like_govuk_attributes() {
        assert_eq!(render(r#"{"aria-hidden": true}"#), r#" aria-hidden="true""#);
        assert_eq!(
            render(r#"{"aria-hidden": false}"#),
            r#" aria-hidden="false""#
        );
        assert_eq!(render(r#"{"hidden": null}"#), r#" hidden="""#);
        assert_eq!(
            render(r#"{"hidden": {"value": true, "optional": true}}"#),
            " hidden"
        );
        assert_eq!(
            render(r#"{"hidden": {"value": null, "optional": true}}"#),
            ""
        );
        assert_eq!(
            render(r#"{"hidden": {"value": false, "optional": true}}"#),
            ""
        );
        assert_eq!(render(r#"{"data-x": {"value": "a"}}"#), r#" data-x="a""#);
        assert_eq!(
            render(r#"{"data-n": 2, "data-q": "it's \"<>\" & more"}"#),
            r#" data-n="2" data-q="it&#39;s &quot;&lt;&gt;&quot; &amp; more""#
        );
    }

    #[test]
    fn rejects_names_that_would_break_the_tag() {
        for bad in ["onclick=\"x\"", "a b", "1st", "", "x>", "data-x/"] {
            let json = serde_json::json!({ bad: "v" }).to_string();
            let err = serde_json::from_str::<Attributes>(&json)
                .unwrap_err()
                .to_string();
            assert!(err.contains("is not allowed"), "{bad}: {err}");
            assert!(Attributes::new().with(bad, "v").is_err());
        }
    }

    #[test]
    fn the_error_names_the_path() {
        #[derive(Debug, Deserialize)]
        struct Params {
            #[allow(dead_code)]
            attributes: Attributes,
        }
        let json = r#"{"attributes": {"ok": "1", "bad name": "2"}}"#;
        let de = &mut serde_json::Deserializer::from_str(json);
        let err = serde_path_to_error::deserialize::<_, Params>(de).unwrap_err();
        assert!(
            err.path().to_string().starts_with("attributes"),
            "{}",
            err.path()
        );
    }

    proptest! {
        #[test]
        fn any_accepted_name_is_valid(name in "\\PC*", value in "\\PC*") {
            let json = serde_json::json!({ name.clone(): value }).to_string();
            if let Ok(attributes) = serde_json::from_str::<Attributes>(&json) {
                prop_assert!(is_valid_name(&name));
                let html = attributes.render().into_string();
                prop_assert!(!html.contains(['<', '>', '\'']));
            } else {
                prop_assert!(!is_valid_name(&name));
            }
        }
    }
}
