//! Reading a definition from JSON, YAML or TOML, with the path to whatever is wrong.

use std::path::Path;

use super::FormDefinition;

/// The file formats a definition can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// JSON.
    Json,
    /// YAML.
    Yaml,
    /// TOML.
    Toml,
}

impl Format {
    /// The format a file name's extension stands for.
    pub fn from_path(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "json" => Some(Format::Json),
            "yaml" | "yml" => Some(Format::Yaml),
            "toml" => Some(Format::Toml),
            _ => None,
        }
    }
}

/// Why a definition could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// The file could not be read.
    #[error("cannot read the file: {0}")]
    Io(String),
    /// The file name does not say which format it is in.
    #[error("the file name must end in .json, .yaml, .yml or .toml")]
    UnknownFormat,
    /// The text is not a valid definition.
    #[error("{path}: {message}")]
    Invalid {
        /// Where in the definition, like `pages[3].routes[0].to` (empty for the whole file).
        path: String,
        /// What is wrong.
        message: String,
    },
}

impl FormDefinition {
    /// Reads a definition file, choosing the format from its extension.
    pub fn load(path: impl AsRef<Path>) -> Result<Self, LoadError> {
        let path = path.as_ref();
        let format = Format::from_path(path).ok_or(LoadError::UnknownFormat)?;
        let text = std::fs::read_to_string(path).map_err(|e| LoadError::Io(e.to_string()))?;
        Self::parse(&text, format)
    }

    /// Reads a definition from text in `format`.
    pub fn parse(text: &str, format: Format) -> Result<Self, LoadError> {
        match format {
            Format::Json => {
                let mut deserializer = serde_json::Deserializer::from_str(text);
                let form = with_path(&mut deserializer)?;
                deserializer
                    .end()
                    .map_err(|e| invalid("", &e.to_string()))?;
                Ok(form)
            }
            Format::Yaml => yaml_with_path(text),
            Format::Toml => toml_with_path(text),
        }
    }
}

/// toml's own messages quote the offending lines; the author gets its one-line message and
/// where it is.
fn toml_with_path(text: &str) -> Result<FormDefinition, LoadError> {
    serde_path_to_error::deserialize(toml::Deserializer::new(text)).map_err(|error| {
        let path = error.path().to_string();
        let path = if path == "." { String::new() } else { path };
        let inner = error.inner();
        let message = match inner.span() {
            Some(span) => {
                let before = &text[..span.start.min(text.len())];
                let line = before.matches('\n').count() + 1;
                let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
                format!("{} at line {line} column {column}", inner.message())
            }
            None => inner.message().to_owned(),
        };
        invalid(&path, &message)
    })
}

/// Reads a definition like [`FormDefinition::parse`], but goes on past each unknown key
/// (reading the definition again without it) so that an author sees them all at once, and
/// the definition read without them, if nothing else is wrong. Stops at the first problem of
/// another kind.
pub(crate) fn parse_past_unknown_keys(
    text: &str,
    format: Format,
) -> (Option<FormDefinition>, Vec<LoadError>) {
    let first = match FormDefinition::parse(text, format) {
        Ok(form) => return (Some(form), Vec::new()),
        Err(error) => error,
    };
    let value: Option<serde_json::Value> = match format {
        Format::Json => serde_json::from_str(text).ok(),
        Format::Yaml => serde_yaml::from_str(text).ok(),
        Format::Toml => toml::from_str(text).ok(),
    };
    let (Some(mut value), Some(mut path)) = (value, unknown_key_path(&first)) else {
        return (None, vec![first]);
    };
    let mut errors = vec![first];
    // Each pass removes one key; a definition has far fewer keys than this.
    for _ in 0..1_000 {
        if !remove_at(&mut value, &path) {
            break;
        }
        match with_path(&value) {
            Ok(form) => return (Some(form), errors),
            Err(error) => {
                let next = unknown_key_path(&error);
                errors.push(error);
                match next {
                    Some(next) => path = next,
                    None => break,
                }
            }
        }
    }
    (None, errors)
}

/// The path of the unknown key an error is about, like `pages[0].routes[0].goto`.
fn unknown_key_path(error: &LoadError) -> Option<String> {
    match error {
        LoadError::Invalid { path, message } if unknown_key(message).is_some() => {
            Some(path.clone())
        }
        _ => None,
    }
}

/// Removes the key at `path` (`pages[0].routes[0].goto`); whether there was one.
fn remove_at(value: &mut serde_json::Value, path: &str) -> bool {
    let mut segments: Vec<&str> = path.split('.').collect();
    let Some(key) = segments.pop() else {
        return false;
    };
    let mut at = value;
    for segment in segments {
        let mut parts = segment.split('[');
        let name = parts.next().unwrap_or("");
        if !name.is_empty() {
            let Some(next) = at.get_mut(name) else {
                return false;
            };
            at = next;
        }
        for index in parts {
            let Some(next) = index
                .trim_end_matches(']')
                .parse::<usize>()
                .ok()
                .and_then(|i| at.get_mut(i))
            else {
                return false;
            };
            at = next;
        }
    }
    at.as_object_mut()
        .is_some_and(|map| map.remove(key).is_some())
}

fn with_path<'de, D>(deserializer: D) -> Result<FormDefinition, LoadError>
where
    D: serde::Deserializer<'de>,
    D::Error: std::fmt::Display,
{
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = error.path().to_string();
        let path = if path == "." { String::new() } else { path };
        invalid(&path, &error.inner().to_string())
    })
}

/// serde_yaml 0.9 writes enums as YAML tags (`!all`); definitions use the `{all: [...]}` form
/// that JSON and TOML use, which serde_yaml reads through its singleton-map adapter.
fn yaml_with_path(text: &str) -> Result<FormDefinition, LoadError> {
    let mut track = serde_path_to_error::Track::new();
    let deserializer = serde_path_to_error::Deserializer::new(
        serde_yaml::Deserializer::from_str(text),
        &mut track,
    );
    serde_yaml::with::singleton_map_recursive::deserialize(deserializer).map_err(|error| {
        let path = track.path().to_string();
        let path = if path == "." { String::new() } else { path };
        // serde_yaml puts its own copy of the path in front of the message.
        let message = error.to_string();
        let message = match message.split_once(": ") {
            Some((prefix, rest)) if !prefix.contains(' ') => rest,
            _ => &message,
        };
        invalid(&path, message)
    })
}

fn invalid(path: &str, message: &str) -> LoadError {
    let message = plain(message);
    // Some formats stop the path at the map holding an unknown key; name the key too.
    let path = match unknown_key(&message) {
        Some(key) if !path.ends_with(key) => {
            if path.is_empty() {
                key.to_owned()
            } else {
                format!("{path}.{key}")
            }
        }
        _ => path.to_owned(),
    };
    LoadError::Invalid { path, message }
}

fn unknown_key(message: &str) -> Option<&str> {
    let key = message
        .strip_prefix('`')?
        .split_once("` is not a key allowed here")?
        .0;
    Some(key)
}

/// Rewords serde's messages for authors: "unknown field `x`, expected one of ..." becomes a
/// sentence naming the key and the keys allowed.
fn plain(message: &str) -> String {
    let message = message.trim();
    // serde_yaml ends its messages with " at line L column C": keep it, as a bracketed aside.
    if let Some((text, place)) = message.rsplit_once(" at line ")
        && let Some((line, column)) = place.split_once(" column ")
    {
        return format!("{} (line {line}, column {column})", plain(text));
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        if let Some((key, expected)) = rest.split_once(", expected ") {
            let expected = expected.strip_prefix("one of ").unwrap_or(expected);
            return format!("{key} is not a key allowed here; the keys allowed are {expected}");
        }
        if let Some((key, _)) = rest.split_once(", there are no fields") {
            return format!("{key} is not a key allowed here; nothing more can be set here");
        }
    }
    if let Some(rest) = message.strip_prefix("unknown variant ")
        && let Some((value, expected)) = rest.split_once(", expected ")
    {
        let expected = expected.strip_prefix("one of ").unwrap_or(expected);
        return format!("{value} is not one of the choices here, which are {expected}");
    }
    if let Some(field) = message.strip_prefix("missing field ") {
        let field = field.split(" at line").next().unwrap_or(field);
        return format!("{field} is required here but missing");
    }
    message.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML: &str = "
id: bins
title: Apply for a bin
pages:
  - id: size
    questions:
      - id: size
        label: What size?
        answer: { type: yes_no }
    routes:
      - to: check_answers
";

    #[test]
    fn the_three_formats_give_the_same_definition() {
        let from_yaml = FormDefinition::parse(YAML, Format::Yaml).unwrap();
        let json = serde_json::to_string(&from_yaml).unwrap();
        let from_json = FormDefinition::parse(&json, Format::Json).unwrap();
        let toml_text = toml::to_string(&from_yaml).unwrap();
        let from_toml = FormDefinition::parse(&toml_text, Format::Toml).unwrap();
        assert_eq!(from_json, from_yaml);
        assert_eq!(from_toml, from_yaml);
    }

    #[test]
    fn an_unknown_key_is_reported_with_its_path() {
        let yaml = YAML.replace("label: What size?", "label: What size?\n        lable: x");
        let LoadError::Invalid { path, message } =
            FormDefinition::parse(&yaml, Format::Yaml).unwrap_err()
        else {
            panic!()
        };
        assert_eq!(path, "pages[0].questions[0].lable");
        assert!(
            message.starts_with("`lable` is not a key allowed here"),
            "{message}"
        );
    }

    #[test]
    fn a_misspelt_key_in_toml_and_json_has_a_path_too() {
        let form = FormDefinition::parse(YAML, Format::Yaml).unwrap();
        let mut value = serde_json::to_value(&form).unwrap();
        value["pages"][0]["routes"][0]["goto"] = "x".into();
        let error = FormDefinition::parse(&value.to_string(), Format::Json).unwrap_err();
        assert!(
            error.to_string().starts_with("pages[0].routes[0].goto: "),
            "{error}"
        );
        let toml_text = toml::to_string(&form)
            .unwrap()
            .replace("[[pages]]", "[[pages]]\nicon = 1");
        let error = FormDefinition::parse(&toml_text, Format::Toml).unwrap_err();
        assert!(error.to_string().starts_with("pages[0].icon: "), "{error}");
    }

    #[test]
    fn a_missing_key_is_named() {
        let error = FormDefinition::parse("id: x\npages: []", Format::Yaml).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("`title` is required here but missing"),
            "{error}"
        );
    }

    #[test]
    fn the_format_comes_from_the_extension() {
        assert_eq!(Format::from_path(Path::new("a/b.YML")), Some(Format::Yaml));
        assert_eq!(Format::from_path(Path::new("b.toml")), Some(Format::Toml));
        assert_eq!(Format::from_path(Path::new("b.txt")), None);
    }
}
