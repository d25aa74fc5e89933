//! A personalisation value: what a placeholder is filled with.

use std::fmt;

/// The value of one placeholder. Usually text; a list becomes "a, b and c" in a text message
/// and bullets in an email or letter; other JSON values are written as GOV.UK Notify writes
/// them (Python's `str()`: `True`, `0.5`), so API callers see the same message either way.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Value {
    /// No value: the placeholder counts as missing.
    Null,
    /// Text, used as given.
    Text(String),
    /// A yes/no answer (shown as `True` or `False`).
    Bool(bool),
    /// A whole number.
    Integer(i64),
    /// A number with a fractional part.
    Float(f64),
    /// A list of values: "a, b and c", or bullets in emails and letters.
    List(Vec<Value>),
    /// A JSON object, written as Python would write a dictionary.
    Map(Vec<(String, Value)>),
}

impl Value {
    /// Reads any JSON value, as the Notify API accepts in `personalisation`.
    pub fn from_json(value: &serde_json::Value) -> Value {
        match value {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => match n.as_i64() {
                Some(i) => Value::Integer(i),
                None => Value::Float(n.as_f64().unwrap_or(f64::NAN)),
            },
            serde_json::Value::String(s) => Value::Text(s.clone()),
            serde_json::Value::Array(items) => {
                Value::List(items.iter().map(Value::from_json).collect())
            }
            serde_json::Value::Object(map) => Value::Map(
                map.iter()
                    .map(|(k, v)| (k.clone(), Value::from_json(v)))
                    .collect(),
            ),
        }
    }

    /// Whether the value is present (not [`Value::Null`]).
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// Notify's `str2bool`: whether a `((name??text))` shows its text. Only `yes`, `y`,
    /// `true`, `t`, `1`, `include` and `show` (any case) do.
    pub fn is_truthy(&self) -> bool {
        let empty = match self {
            Value::Null => true,
            Value::Text(s) => s.is_empty(),
            Value::Bool(b) => !b,
            Value::Integer(i) => *i == 0,
            Value::Float(f) => *f == 0.0,
            Value::List(items) => items.is_empty(),
            Value::Map(items) => items.is_empty(),
        };
        !empty
            && matches!(
                self.to_string().to_lowercase().as_str(),
                "yes" | "y" | "true" | "t" | "1" | "include" | "show"
            )
    }

    fn write_repr(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Text(s) => {
                if s.contains('\'') && !s.contains('"') {
                    write!(f, "\"{s}\"")
                } else {
                    write!(f, "'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
                }
            }
            other => fmt::Display::fmt(other, f),
        }
    }
}

/// Python's `repr(float)`: the shortest text that reads back as the same number.
fn python_float(value: f64, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    if value.is_nan() {
        return f.write_str("nan");
    }
    if value.is_infinite() {
        return f.write_str(if value > 0.0 { "inf" } else { "-inf" });
    }
    let magnitude = value.abs();
    if magnitude != 0.0 && !(1e-4..1e16).contains(&magnitude) {
        let text = format!("{value:e}");
        let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
        let exponent: i32 = exponent.parse().unwrap_or(0);
        let sign = if exponent < 0 { '-' } else { '+' };
        return write!(f, "{mantissa}e{sign}{:02}", exponent.abs());
    }
    if value.fract() == 0.0 {
        write!(f, "{value:.1}")
    } else {
        write!(f, "{value}")
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => f.write_str("None"),
            Value::Text(s) => f.write_str(s),
            Value::Bool(true) => f.write_str("True"),
            Value::Bool(false) => f.write_str("False"),
            Value::Integer(i) => write!(f, "{i}"),
            Value::Float(x) => python_float(*x, f),
            Value::List(items) => {
                f.write_str("[")?;
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        f.write_str(", ")?;
                    }
                    item.write_repr(f)?;
                }
                f.write_str("]")
            }
            Value::Map(items) => {
                f.write_str("{")?;
                for (index, (key, item)) in items.iter().enumerate() {
                    if index > 0 {
                        f.write_str(", ")?;
                    }
                    Value::Text(key.clone()).write_repr(f)?;
                    f.write_str(": ")?;
                    item.write_repr(f)?;
                }
                f.write_str("}")
            }
        }
    }
}

impl From<&str> for Value {
    fn from(value: &str) -> Self {
        Value::Text(value.to_owned())
    }
}

impl From<String> for Value {
    fn from(value: String) -> Self {
        Value::Text(value)
    }
}

impl From<bool> for Value {
    fn from(value: bool) -> Self {
        Value::Bool(value)
    }
}

impl From<i64> for Value {
    fn from(value: i64) -> Self {
        Value::Integer(value)
    }
}

impl<T: Into<Value>> From<Vec<T>> for Value {
    fn from(items: Vec<T>) -> Self {
        Value::List(items.into_iter().map(Into::into).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_as_python_writes_them() {
        assert_eq!(Value::Float(0.1 + 0.2).to_string(), "0.30000000000000004");
        assert_eq!(Value::Float(0.0).to_string(), "0.0");
        assert_eq!(Value::Float(1e16).to_string(), "1e+16");
        let map = Value::Map(vec![("key".into(), Value::from("value"))]);
        assert_eq!(map.to_string(), "{'key': 'value'}");
        assert_eq!(Value::from(vec![1_i64, 2]).to_string(), "[1, 2]");
    }

    #[test]
    fn only_notifys_words_are_true() {
        assert!(Value::from("Yes").is_truthy());
        assert!(Value::Integer(1).is_truthy());
        assert!(!Value::Integer(2).is_truthy());
        assert!(!Value::from("no").is_truthy());
    }
}
