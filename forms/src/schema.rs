//! The JSON Schema of the definition format, generated from the Rust types.
//!
//! The published copy is `forms/schema/form-definition.schema.json`; a test fails when it is
//! stale. Name it from a definition file so editors check definitions as they are typed:
//! `"$schema": "https://.../form-definition.schema.json"` in JSON, or
//! `# yaml-language-server: $schema=...` in YAML.

use crate::definition::FormDefinition;

/// The JSON Schema for form definitions, as pretty-printed JSON ending in a newline.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(FormDefinition);
    // Serialising a `serde_json::Value` cannot fail.
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_describes_the_definition() {
        let schema: serde_json::Value = serde_json::from_str(&json_schema()).unwrap();
        assert_eq!(schema["title"], "FormDefinition");
        assert_eq!(schema["additionalProperties"], false);
        assert!(schema["$defs"]["AnswerType"].is_object());
    }
}
