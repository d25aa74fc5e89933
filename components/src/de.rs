//! Loose deserialisers for upstream's option objects, which are JavaScript values: numbers
//! where strings are expected, `false` or `null` for an absent object, truthy strings for flags.
//!
//! Use them with `#[serde(default, deserialize_with = "crate::de::string")]` and friends.
//! They keep `serde_path_to_error` paths intact because nested objects are deserialised
//! straight from the outer deserialiser, never through an intermediate `Value`.

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{
    self, DeserializeOwned, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};

/// A JavaScript value printed as Nunjucks prints it: strings as they are, numbers and `true`
/// as text. `null` and `false` mean absent (`None`); objects and arrays are an error.
pub fn string<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    deserializer.deserialize_any(LooseString)
}

struct LooseString;

impl<'de> Visitor<'de> for LooseString {
    type Value = Option<String>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string, a number, a boolean or null")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Some(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Some(js_number(v)))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(v.then(|| "true".to_owned()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

/// A value printed as Nunjucks prints it, with `false` kept as the text `"false"` (for
/// options a template tests with `!== undefined`, such as `preventDoubleClick`).
/// `null` is absent; objects and arrays are an error.
pub fn printed<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    struct Printed;
    impl<'de> Visitor<'de> for Printed {
        type Value = Option<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a string, a number, a boolean or null")
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            LooseString.visit_str(v)
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            LooseString.visit_i64(v)
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            LooseString.visit_u64(v)
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            LooseString.visit_f64(v)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
    }
    deserializer.deserialize_any(Printed)
}

/// Formats a number as JavaScript's `String(n)` does for the values options carry.
pub(crate) fn js_number(v: f64) -> String {
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 1e21 {
        format!("{}", v as i64)
    } else if v.is_nan() {
        "NaN".to_owned()
    } else if v.is_infinite() {
        if v > 0.0 {
            "Infinity".to_owned()
        } else {
            "-Infinity".to_owned()
        }
    } else {
        v.to_string()
    }
}

/// A flag tested as Nunjucks `{% if %}` tests it: `false`, `null`, `0`, `""` are false;
/// every other value (including the string `"false"`) is true.
pub fn truthy<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    deserializer.deserialize_any(Truthy)
}

struct Truthy;

impl<'de> Visitor<'de> for Truthy {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<bool, E> {
        Ok(v)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<bool, E> {
        Ok(v != 0)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<bool, E> {
        Ok(v != 0)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<bool, E> {
        Ok(v != 0.0 && !v.is_nan())
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
        Ok(!v.is_empty())
    }
    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_none<E: de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        while seq.next_element::<de::IgnoredAny>()?.is_some() {}
        Ok(true)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        while map
            .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
            .is_some()
        {}
        Ok(true)
    }
}

/// A flag that may be absent, kept three-way because some templates test `!== undefined`
/// (the button's `preventDoubleClick`). `null` is absent; other values are tested for truth.
pub fn optional_truthy<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<bool>, D::Error> {
    struct OptionalTruthy;
    impl<'de> Visitor<'de> for OptionalTruthy {
        type Value = Option<bool>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("any JSON value")
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            truthy(d).map(Some)
        }
    }
    deserializer.deserialize_option(OptionalTruthy)
}

/// A nested options object that upstream lets callers switch off with `false` or `null`
/// (`legend: false`). Anything else must deserialise as `T`.
pub fn object<'de, D: Deserializer<'de>, T: DeserializeOwned>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    deserializer.deserialize_any(Loose::<T>(PhantomData))
}

struct Loose<T>(PhantomData<T>);

impl<'de, T: DeserializeOwned> Visitor<'de> for Loose<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object, false or null")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        if v {
            T::deserialize(v.into_deserializer()).map(Some)
        } else {
            Ok(None)
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map)).map(Some)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        T::deserialize(SeqAccessDeserializer::new(seq)).map(Some)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        T::deserialize(v.to_owned().into_deserializer()).map(Some)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        T::deserialize(v.into_deserializer()).map(Some)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        T::deserialize(v.into_deserializer()).map(Some)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        T::deserialize(v.into_deserializer()).map(Some)
    }
}

/// A list of items in which upstream skips falsy entries (`items: [{…}, false, null]`), as its
/// templates do with `{% if item %}`. `null` or `false` for the whole list means empty.
pub fn items<'de, D: Deserializer<'de>, T: DeserializeOwned>(
    deserializer: D,
) -> Result<Vec<T>, D::Error> {
    struct Items<T>(PhantomData<T>);
    impl<'de, T: DeserializeOwned> Visitor<'de> for Items<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list, false or null")
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
            if v {
                Err(E::invalid_type(de::Unexpected::Bool(v), &self))
            } else {
                Ok(Vec::new())
            }
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(item) = seq.next_element::<Item<T>>()? {
                out.extend(item.0);
            }
            Ok(out)
        }
    }
    deserializer.deserialize_any(Items::<T>(PhantomData))
}

/// Like [`items`], but falsy entries stay in place as `None`: for templates that count them
/// (`loop.index` in ids, `| length`) or render them as empty parts (upstream's `{% for %}`
/// without `{% if item %}`).
pub fn items_with_gaps<'de, D: Deserializer<'de>, T: DeserializeOwned>(
    deserializer: D,
) -> Result<Vec<Option<T>>, D::Error> {
    struct Items<T>(PhantomData<T>);
    impl<'de, T: DeserializeOwned> Visitor<'de> for Items<T> {
        type Value = Vec<Option<T>>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list, false or null")
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
            if v {
                Err(E::invalid_type(de::Unexpected::Bool(v), &self))
            } else {
                Ok(Vec::new())
            }
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(item) = seq.next_element::<Item<T>>()? {
                out.push(item.0);
            }
            Ok(out)
        }
    }
    deserializer.deserialize_any(Items::<T>(PhantomData))
}

/// An option that is set and not empty, as a Nunjucks `{% if %}` tests a string.
pub fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|value| !value.is_empty())
}

/// One list entry: falsy entries become `None` and are dropped by [`items`].
struct Item<T>(Option<T>);

impl<'de, T: DeserializeOwned> Deserialize<'de> for Item<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ItemVisitor<T>(PhantomData<T>);
        impl<'de, T: DeserializeOwned> Visitor<'de> for ItemVisitor<T> {
            type Value = Option<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an item object, false or null")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
                if v {
                    Err(E::invalid_type(de::Unexpected::Bool(v), &self))
                } else {
                    Ok(None)
                }
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                if v.is_empty() {
                    Ok(None)
                } else {
                    Err(E::invalid_type(de::Unexpected::Str(v), &self))
                }
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map)).map(Some)
            }
            // Items that are lists themselves: the table's rows.
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                T::deserialize(SeqAccessDeserializer::new(seq)).map(Some)
            }
        }
        deserializer
            .deserialize_any(ItemVisitor::<T>(PhantomData))
            .map(Item)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, Default)]
    #[serde(default)]
    struct Legend {
        #[serde(deserialize_with = "string")]
        text: Option<String>,
    }

    #[derive(Debug, Deserialize, Default)]
    #[serde(default, rename_all = "camelCase")]
    struct Params {
        #[serde(deserialize_with = "string")]
        text: Option<String>,
        #[serde(deserialize_with = "truthy")]
        is_page_heading: bool,
        #[serde(deserialize_with = "object")]
        legend: Option<Legend>,
        #[serde(deserialize_with = "items")]
        items: Vec<Legend>,
    }

    fn parse(json: &str) -> Result<Params, String> {
        let de = &mut serde_json::Deserializer::from_str(json);
        serde_path_to_error::deserialize(de).map_err(|e| format!("{} at {}", e.inner(), e.path()))
    }

    #[test]
    fn numbers_and_true_become_text() {
        assert_eq!(parse(r#"{"text": 3}"#).unwrap().text.as_deref(), Some("3"));
        assert_eq!(
            parse(r#"{"text": 2.5}"#).unwrap().text.as_deref(),
            Some("2.5")
        );
        assert_eq!(
            parse(r#"{"text": true}"#).unwrap().text.as_deref(),
            Some("true")
        );
        assert_eq!(parse(r#"{"text": false}"#).unwrap().text, None);
        assert_eq!(parse(r#"{"text": null}"#).unwrap().text, None);
    }

    #[test]
    fn flags_follow_javascript_truth() {
        assert!(
            parse(r#"{"isPageHeading": "false"}"#)
                .unwrap()
                .is_page_heading
        );
        assert!(!parse(r#"{"isPageHeading": 0}"#).unwrap().is_page_heading);
        assert!(!parse(r#"{"isPageHeading": ""}"#).unwrap().is_page_heading);
    }

    #[test]
    fn false_switches_an_object_off() {
        assert!(parse(r#"{"legend": false}"#).unwrap().legend.is_none());
        let legend = parse(r#"{"legend": {"text": 4}}"#).unwrap().legend.unwrap();
        assert_eq!(legend.text.as_deref(), Some("4"));
    }

    #[test]
    fn falsy_items_are_skipped() {
        let p = parse(r#"{"items": [{"text": "a"}, false, null, "", {"text": "b"}]}"#).unwrap();
        assert_eq!(p.items.len(), 2);
    }

    #[test]
    fn errors_name_the_json_path() {
        let err = parse(r#"{"items": [{"text": "a"}, {"text": {"x": 1}}]}"#).unwrap_err();
        assert!(err.ends_with("at items[1].text"), "{err}");
    }
}
