//! Writes the guide's generated files into one folder (`book/src/generated`, not committed).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use civic_components::assets::Assets;
use civic_components::brand::Brand;
use civic_components::gallery::example_content;
use civic_components::template::Page;
use maud::PreEscaped;
use serde_json::Value;

use crate::components::examples;
use crate::params;

/// Why generating failed; the message names the file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GenerateError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// A source file could not be parsed.
    #[error("{path}: {message}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// What the parser said.
        message: String,
    },
    /// A component's example could not be rendered from its options.
    #[error("component {0}: {1}")]
    Render(String, civic_components::ParamsError),
}

/// What was written, for the summary line.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Component folders.
    pub components: usize,
    /// Answer type pages.
    pub answer_types: usize,
    /// Whether the compiled stylesheet was found and copied for the previews.
    pub stylesheet: bool,
}

/// Writes everything generated under `out`; `root` is the workspace root.
pub fn all(root: &Path, out: &Path) -> Result<Written, GenerateError> {
    let built = assets(root, out)?;
    let stylesheet = built.is_some();
    let assets = built.unwrap_or_else(|| Assets::empty("../../assets"));
    let components = components(root, out, &assets)?;
    let answer_types = answer_types(root, out)?;
    form_definition(root, out)?;
    pay_errors(root, out)?;
    Ok(Written {
        components,
        answer_types,
        stylesheet,
    })
}

fn read(path: &Path) -> Result<String, GenerateError> {
    std::fs::read_to_string(path).map_err(|source| GenerateError::Io {
        path: path.to_owned(),
        source,
    })
}

fn write(path: &Path, text: &str) -> Result<(), GenerateError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|source| GenerateError::Io {
            path: dir.to_owned(),
            source,
        })?;
    }
    // Unchanged files keep their timestamps, so `mdbook serve` does not rebuild for nothing.
    if std::fs::read_to_string(path).is_ok_and(|old| old == text) {
        return Ok(());
    }
    std::fs::write(path, text).map_err(|source| GenerateError::Io {
        path: path.to_owned(),
        source,
    })
}

/// Writes the compiled stylesheet and script (from `components/build-assets`) for the previews,
/// under the content-hashed names the page template links; `None` when they are not built.
fn assets(root: &Path, out: &Path) -> Result<Option<Assets>, GenerateError> {
    // Previews sit at components/<name>/preview.html.
    let Ok(assets) = Assets::load(root.join("components/assets/dist"), "../../assets") else {
        return Ok(None);
    };
    for (name, asset) in assets.files() {
        write(
            &out.join("assets").join(name),
            &String::from_utf8_lossy(&asset.bytes),
        )?;
    }
    Ok(Some(assets))
}

/// `back-link` as `BackLink`.
pub fn type_name(component: &str) -> String {
    component
        .split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or(String::new(), |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect()
}

/// Per component: `example.html` (what the Rust renders), `options.json` (the upstream option
/// object), `preview.html` (a page showing the example styled) and `params.md`.
fn components(root: &Path, out: &Path, assets: &Assets) -> Result<usize, GenerateError> {
    let brand = crate::patterns::brand().map_err(|e| GenerateError::Parse {
        path: PathBuf::from("book/gen/src/patterns.rs"),
        message: e.to_string(),
    })?;
    // Every component's params types first, so a table can link to another's.
    let mut found = std::collections::BTreeMap::new();
    let mut homes = params::Homes::new();
    for name in civic_components::COMPONENTS {
        let path = root
            .join("components/src")
            .join(format!("{}.rs", name.replace('-', "_")));
        let params = params::read(&read(&path)?).map_err(|e| GenerateError::Parse {
            path: path.clone(),
            message: e.to_string(),
        })?;
        for p in &params {
            homes
                .entry(p.name.clone())
                .or_insert_with(|| (*name).to_owned());
        }
        found.insert(*name, params);
    }
    let mut count = 0;
    for example in examples() {
        let dir = out.join("components").join(example.name);
        let html = example.rust.into_string();
        // The page shows the option object too, so it must render the very same HTML.
        let from_options = civic_components::render_json(example.name, example.options.clone())
            .map_err(|e| GenerateError::Render(example.name.to_owned(), e))?
            .into_string();
        if from_options != html {
            return Err(GenerateError::Parse {
                path: PathBuf::from("book/gen/src/components.rs"),
                message: format!(
                    "the {} example's Rust and option object render differently",
                    example.name
                ),
            });
        }
        write(&dir.join("example.html"), &format!("{html}\n"))?;
        let options = serde_json::to_string_pretty(&example.options).unwrap_or_default();
        write(&dir.join("options.json"), &format!("{options}\n"))?;
        write(
            &dir.join("preview.html"),
            &preview(&brand, assets, example.name, &html),
        )?;

        let params = found.remove(example.name).unwrap_or_default();
        write(
            &dir.join("params.md"),
            &params::markdown(params, &type_name(example.name), &homes, example.name),
        )?;
        count += 1;
    }
    Ok(count)
}

/// A page of its own for the example, styled by civic's stylesheet, shown in an `<iframe>` so
/// the guide's styles and GOV.UK Frontend's do not mix: civic's page template without header,
/// footer or skip link, around the example as the component gallery shows it.
fn preview(brand: &Brand, assets: &Assets, name: &str, html: &str) -> String {
    let example = PreEscaped(html.to_owned());
    Page::new(brand, assets, format!("{name} example"))
        .without_skip_link()
        .content(example_content(
            &format!("Example of the {name} component"),
            &example,
        ))
        .render()
        .into_string()
}

fn schema(root: &Path) -> Result<Value, GenerateError> {
    let path = root.join("forms/schema/form-definition.schema.json");
    serde_json::from_str(&read(&path)?).map_err(|e| GenerateError::Parse {
        path,
        message: e.to_string(),
    })
}

/// Every answer type in the form definition's JSON Schema: its `type` and its schema.
pub fn answer_type_schemas(schema: &Value) -> Vec<(String, Value)> {
    schema["$defs"]["AnswerType"]["oneOf"]
        .as_array()
        .map(|variants| {
            variants
                .iter()
                .filter_map(|v| {
                    let name = v["properties"]["type"]["const"].as_str()?;
                    Some((name.to_owned(), v.clone()))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The answer types' names, from the schema in the repository.
pub fn answer_types_in(root: &Path) -> Result<Vec<String>, GenerateError> {
    Ok(answer_type_schemas(&schema(root)?)
        .into_iter()
        .map(|(name, _)| name)
        .collect())
}

/// The form definition page, from an answer type page (`generated/answers/`).
const FROM_ANSWERS: &str = "../../reference/form-definition.md";

/// A schema's type in words: `string`, `integer or null`, or the definition it refers to.
fn type_words(schema: &Value, base: &str) -> String {
    if let Some(reference) = schema["$ref"].as_str() {
        let name = reference.rsplit('/').next().unwrap_or(reference);
        return format!("[`{name}`]({base}#{})", name.to_lowercase());
    }
    if let Some(all) = schema["allOf"].as_array().and_then(|a| a.first()) {
        return type_words(all, base);
    }
    if let Some(any) = schema["anyOf"].as_array().or(schema["oneOf"].as_array()) {
        let words: Vec<String> = any.iter().map(|s| type_words(s, base)).collect();
        return words.join(" or ");
    }
    match &schema["type"] {
        Value::String(t) if t == "array" => {
            format!("list of {}", type_words(&schema["items"], base))
        }
        Value::String(t) => t.clone(),
        Value::Array(types) => types
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(" or "),
        _ if schema.get("const").is_some() => format!("`{}`", schema["const"]),
        _ if schema.get("enum").is_some() => "one of the listed values".to_owned(),
        _ => "any".to_owned(),
    }
}

fn cell(text: &str) -> String {
    text.split("\n\n")
        .next()
        .unwrap_or_default()
        .replace('\n', " ")
        .replace('|', "\\|")
}

/// A table of an object schema's properties.
fn properties_table(schema: &Value, skip: &[&str], base: &str) -> String {
    let required: Vec<&str> = schema["required"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let Some(properties) = schema["properties"].as_object() else {
        return String::new();
    };
    let rows: Vec<_> = properties
        .iter()
        .filter(|(name, _)| !skip.contains(&name.as_str()))
        .collect();
    if rows.is_empty() {
        return String::new();
    }
    let mut out =
        String::from("| key | type | required | default | what it does |\n|---|---|---|---|---|\n");
    for (name, property) in rows {
        let default = property
            .get("default")
            .map(|d| format!("`{d}`"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "| `{name}` | {} | {} | {default} | {} |",
            type_words(property, base),
            if required.contains(&name.as_str()) {
                "yes"
            } else {
                "no"
            },
            cell(property["description"].as_str().unwrap_or_default())
        );
    }
    out
}

/// Options an answer type needs before it can be asked at all (lists need options).
fn sample_options(name: &str) -> Value {
    match name {
        "one_from_list" | "many_from_list" => serde_json::json!({
            "options": [ { "value": "a", "label": "Option A" }, { "value": "b", "label": "Option B" } ]
        }),
        _ => serde_json::json!({}),
    }
}

/// One page per answer type: what it asks, its options, and the message a resident sees when
/// the question is left unanswered (produced by civic-forms itself).
fn answer_types(root: &Path, out: &Path) -> Result<usize, GenerateError> {
    use civic_forms::answers::{Submitted, read as read_answer};
    use civic_forms::definition::{AnswerType, Language, Question, Text};

    let schema = schema(root)?;
    let mut count = 0;
    // The list on the reference page (`reference/answer-types.md` includes it).
    let mut index = String::from("| `type` | what it asks for |\n|---|---|\n");
    for (name, variant) in answer_type_schemas(&schema) {
        let _ = writeln!(
            index,
            "| [`{name}`](../generated/answers/{name}.md) | {} |",
            cell(variant["description"].as_str().unwrap_or_default())
        );
    }
    write(&out.join("answers/index.md"), &index)?;
    for (name, variant) in answer_type_schemas(&schema) {
        let mut page = format!("# `{name}`\n\n");
        let description = variant["description"].as_str().unwrap_or_default();
        let _ = writeln!(page, "{description}\n");
        let _ = writeln!(
            page,
            "Asked in a [form definition]({FROM_ANSWERS}) as `answer: {{ type: {name} }}`.\n"
        );
        let table = properties_table(&variant, &["type"], FROM_ANSWERS);
        if table.is_empty() {
            page.push_str("## Options\n\nThis answer type has no options.\n\n");
        } else {
            let _ = writeln!(page, "## Options\n\n{table}");
        }

        let mut answer = sample_options(&name);
        answer["type"] = Value::String(name.clone());
        let parsed: Result<AnswerType, _> = serde_json::from_value(answer.clone());
        let answer_yaml = if answer.as_object().is_some_and(|o| o.len() == 1) {
            format!("{{ type: {name} }}")
        } else {
            answer.to_string()
        };
        let yaml = format!(
            "questions:\n  - id: example\n    label: {{ en: Your question, cy: Eich cwestiwn }}\n    error_name: {{ en: your answer, cy: eich ateb }}\n    answer: {answer_yaml}\n"
        );
        // The example must load as part of a form, or the page would teach a mistake.
        let form = format!(
            "id: example\ntitle: {{ en: Example, cy: Enghraifft }}\nlanguages: [en, cy]\npages:\n  - id: example\n{}",
            yaml.lines()
                .map(|line| format!("    {line}\n"))
                .collect::<String>()
        );
        civic_forms::definition::FormDefinition::parse(
            &form,
            civic_forms::definition::Format::Yaml,
        )
        .map_err(|e| GenerateError::Parse {
            path: PathBuf::from(format!("the {name} answer type's example")),
            message: e.to_string(),
        })?;
        let _ = writeln!(page, "## Example\n\n```yaml\n{yaml}```\n");
        if let Ok(answer_type) = parsed {
            let question = Question::new(
                "example",
                Text::bilingual("Your question", "Eich cwestiwn"),
                answer_type,
            )
            .error_name(Text::bilingual("your answer", "eich ateb"));
            let today = time::OffsetDateTime::now_utc().date();
            if let Err(errors) = read_answer(&question, &Submitted::default(), today) {
                page.push_str(
                    "Left unanswered, the page shows (with `error_name: { en: your answer, cy: eich ateb }`):\n\n| field | English | Welsh |\n|---|---|---|\n",
                );
                for error in errors {
                    let _ = writeln!(
                        page,
                        "| `{}` | {} | {} |",
                        error.key(),
                        error.text(&question, Language::En),
                        error.text(&question, Language::Cy)
                    );
                }
                page.push('\n');
            }
        }
        write(&out.join("answers").join(format!("{name}.md")), &page)?;
        count += 1;
    }
    Ok(count)
}

/// The form definition format: the top level, then every definition, from the JSON Schema.
fn form_definition(root: &Path, out: &Path) -> Result<(), GenerateError> {
    let schema = schema(root)?;
    let mut page = String::new();
    let _ = writeln!(
        page,
        "## `FormDefinition` (the file)\n\n{}\n\n{}",
        schema["description"].as_str().unwrap_or_default(),
        properties_table(&schema, &["$schema"], "")
    );
    if let Some(defs) = schema["$defs"].as_object() {
        for (name, def) in defs {
            let _ = writeln!(page, "## `{name}`\n");
            if let Some(description) = def["description"].as_str() {
                let _ = writeln!(page, "{description}\n");
            }
            let table = properties_table(def, &[], "");
            if !table.is_empty() {
                let _ = writeln!(page, "{table}");
            }
            if let Some(values) = def["enum"].as_array() {
                let words: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
                let _ = writeln!(page, "One of: {}.\n", words.join(", "));
            }
            if let Some(variants) = def["oneOf"].as_array() {
                page.push_str("One of:\n\n");
                for variant in variants {
                    let what = variant["description"].as_str().unwrap_or_default();
                    let shape = variant["const"]
                        .as_str()
                        .map(|c| format!("`\"{c}\"`"))
                        .or_else(|| {
                            variant["properties"]["type"]["const"].as_str().map(|c| {
                                match name.as_str() {
                                    // Each answer type has its own page.
                                    "AnswerType" => {
                                        format!("[`type: {c}`](../generated/answers/{c}.md)")
                                    }
                                    _ => format!("`type: {c}`"),
                                }
                            })
                        })
                        .or_else(|| {
                            variant["required"]
                                .as_array()
                                .map(|keys| {
                                    keys.iter()
                                        .filter_map(Value::as_str)
                                        .map(|k| format!("`{k}`"))
                                        .collect::<Vec<_>>()
                                        .join(", ")
                                })
                                .filter(|keys| !keys.is_empty())
                        })
                        .unwrap_or_else(|| type_words(variant, ""));
                    let _ = writeln!(page, "- {shape}: {}", cell(what));
                }
                page.push('\n');
            }
        }
    }
    write(&out.join("reference/form-definition.md"), &page)
}

/// GOV.UK Pay's error codes as the adapter maps them, read from the adapter's own table.
fn pay_errors(root: &Path, out: &Path) -> Result<(), GenerateError> {
    let path = root.join("pay-adapters/src/govuk_pay/errors.rs");
    let source = read(&path)?;
    let rows = crate::pay_errors::read(&source).map_err(|message| GenerateError::Parse {
        path: path.clone(),
        message,
    })?;
    let mut page = String::from(
        "| code | GOV.UK Pay's meaning | operations | HTTP status | `ErrorKind` |\n|---|---|---|---|---|\n",
    );
    for row in rows {
        let _ = writeln!(
            page,
            "| `{}` | `{}` | {} | {} | `{}` |",
            row.code, row.meaning, row.operations, row.statuses, row.kind
        );
    }
    write(&out.join("reference/govuk-pay-errors.md"), &page)
}
