//! Filling `((placeholders))` in one piece of template text: GOV.UK Notify's `Field`.

/// One piece of template text (a body or a subject) with `((placeholders))`, and how it is
/// filled: GOV.UK Notify's `Field`.
///
/// ```
/// use civic_notify::{Field, Personalisation};
///
/// let field = Field::new("Dear ((name)), ((urgent??Please reply today.))");
/// assert_eq!(field.placeholders(), ["name", "urgent"]);
/// let values = Personalisation::new().with("Name", "<Sam>").with("urgent", "yes");
/// assert_eq!(field.render(&values), "Dear &lt;Sam&gt;, Please reply today.");
/// assert_eq!(field.missing(&Personalisation::new()), ["name", "urgent"]);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Field<'a> {
    content: &'a str,
    options: FieldOptions,
}

impl<'a> Field<'a> {
    /// HTML-escaping text whose missing placeholders show as HTML highlights (Notify's
    /// `Field`, used for previews and HTML email).
    pub fn new(content: &'a str) -> Field<'a> {
        Field {
            content,
            options: FieldOptions {
                escape: true,
                html_placeholders: true,
                ..FieldOptions::default()
            },
        }
    }

    /// Missing placeholders show as `((name))` rather than HTML (Notify's `PlainTextField`).
    pub fn plain_placeholders(mut self) -> Field<'a> {
        self.options.html_placeholders = false;
        self
    }

    /// Neither the text nor the values are HTML-escaped (for text messages and plain text).
    pub fn without_escaping(mut self) -> Field<'a> {
        self.options.escape = false;
        self
    }

    /// List values become markdown bullets (email and letter bodies).
    pub fn markdown_lists(mut self) -> Field<'a> {
        self.options.markdown_lists = true;
        self
    }

    /// Missing placeholders show as "hidden" (for showing a message without its secrets).
    pub fn redact_missing(mut self) -> Field<'a> {
        self.options.redact_missing = true;
        self
    }

    /// The placeholder names the text uses, first spelling of each, in order.
    pub fn placeholders(&self) -> Vec<String> {
        placeholder_names(self.content)
    }

    /// The placeholders with no value (or a null one) in `values`.
    pub fn missing(&self, values: &Personalisation) -> Vec<String> {
        self.placeholders()
            .into_iter()
            .filter(|name| values.get(name).is_none_or(Value::is_null))
            .collect()
    }

    /// The text with its placeholders filled.
    pub fn render(&self, values: &Personalisation) -> String {
        render(self.content, values, self.options)
    }
}

use std::collections::HashMap;

use crate::formatters::{escape_html, strip_and_remove_obscure_whitespace};
use crate::literal;
use crate::personalisation::{Personalisation, placeholder_key};
use crate::value::Value;
use crate::value_markup::{ValueMarkup, remove_urls};

/// How a field is rendered.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FieldOptions {
    /// Escape HTML in the text and the values (`html="escape"`); otherwise pass through.
    pub escape: bool,
    /// Show missing placeholders as HTML spans (Notify's `Field`) rather than as `((name))`
    /// (`PlainTextField`).
    pub html_placeholders: bool,
    /// Lists become markdown bullets (email and letter bodies) rather than "a, b and c".
    pub markdown_lists: bool,
    /// Missing placeholders show as "hidden" rather than their name.
    pub redact_missing: bool,
}

/// One `((…))` found in template text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Placeholder<'a> {
    /// Everything between the brackets.
    pub body: &'a str,
    /// Where `((` starts and `))` ends, in bytes.
    pub span: (usize, usize),
}

impl<'a> Placeholder<'a> {
    /// The placeholder's name: for `((name??text))`, the part before `??`.
    pub fn name(&self) -> &'a str {
        self.body
            .split_once("??")
            .map_or(self.body, |(name, _)| name)
    }

    /// For `((name??text))`, the text shown when the value says yes.
    pub fn conditional_text(&self) -> Option<&'a str> {
        self.body.split_once("??").map(|(_, text)| text)
    }
}

/// Every `((body))` in `content`, left to right, as `\({2}([^()]+)\){2}` finds them.
pub(crate) fn find_placeholders(content: &str) -> Vec<Placeholder<'_>> {
    let bytes = content.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while at + 1 < bytes.len() {
        if bytes[at] == b'(' && bytes[at + 1] == b'(' {
            let body_start = at + 2;
            let body_len = bytes[body_start..]
                .iter()
                .position(|b| *b == b'(' || *b == b')')
                .unwrap_or(bytes.len() - body_start);
            let body_end = body_start + body_len;
            if body_len > 0 && bytes[body_end..].starts_with(b"))") {
                found.push(Placeholder {
                    body: &content[body_start..body_end],
                    span: (at, body_end + 2),
                });
                at = body_end + 2;
                continue;
            }
        }
        at += 1;
    }
    found
}

/// The distinct placeholder names in `content`, in order of first use; names that differ
/// only in case, spaces, `_` or `-` count once.
pub(crate) fn placeholder_names(content: &str) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    find_placeholders(content)
        .into_iter()
        .map(|placeholder| placeholder.name().to_owned())
        .filter(|name| seen.insert(placeholder_key(name)))
        .collect()
}

/// "a, b and c", or with `markdown_lists`, a bulleted list on its own lines.
fn list_text(items: &[String], markdown_lists: bool) -> String {
    if markdown_lists {
        let bullets: Vec<String> = items.iter().map(|item| format!("* {item}")).collect();
        return format!("\n\n{}", bullets.join("\n"));
    }
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [first @ .., last] => format!("{} and {last}", first.join(", ")),
    }
}

/// Renders `content` with `values`. With no values at all, every placeholder is shown as
/// missing (Notify's `formatted`); otherwise each is replaced or, if its value is missing,
/// shown as missing.
pub(crate) fn render(content: &str, values: &Personalisation, options: FieldOptions) -> String {
    render_into(content, values, options, None)
}

/// Renders `content` for markdown with every plain-text value (see [`ValueMarkup`]) replaced
/// by a token, returning the text and the values, sanitised as `options` asks, that the
/// tokens stand for. Values the personalisation trusts as markdown are written in place.
pub(crate) fn render_literal(
    content: &str,
    values: &Personalisation,
    options: FieldOptions,
) -> (String, Vec<String>) {
    let mut literals = Vec::new();
    let content = literal::strip_token_characters(content);
    let text = render_into(&content, values, options, Some(&mut literals));
    (text, literals)
}

fn render_into(
    content: &str,
    values: &Personalisation,
    options: FieldOptions,
    mut literals: Option<&mut Vec<String>>,
) -> String {
    let sanitise = |text: &str| {
        if options.escape {
            escape_html(text)
        } else {
            text.to_owned()
        }
    };
    let lookup: HashMap<String, &Value> = values
        .iter()
        .map(|(name, value)| (placeholder_key(&sanitise(name)), value))
        .collect();
    let content = sanitise(content);
    let mut out = String::with_capacity(content.len());
    let mut last = 0;
    for placeholder in find_placeholders(&content) {
        out.push_str(&content[last..placeholder.span.0]);
        last = placeholder.span.1;
        let value = if values.is_empty() {
            None
        } else {
            lookup
                .get(&placeholder_key(placeholder.name()))
                .filter(|value| !value.is_null())
        };
        // Where the value goes as plain text, each piece of it becomes a token.
        let markup = values.markup(placeholder.name());
        let literal_mode = literals.is_some();
        let mut literal = |text: String| -> String {
            match literals.as_deref_mut() {
                Some(literals) if markup != ValueMarkup::Markdown => {
                    let mut text = literal::strip_token_characters(&text);
                    if markup == ValueMarkup::TextWithoutUrls {
                        text = remove_urls(&text);
                    }
                    literals.push(sanitise(&text));
                    literal::token(literals.len() - 1)
                }
                _ => sanitise(&text),
            }
        };
        let replacement = value.map(|value| match value {
            Value::List(items) => {
                let items: Vec<String> = items
                    .iter()
                    .filter(|item| !item.is_null())
                    .map(|item| strip_and_remove_obscure_whitespace(&item.to_string()))
                    .filter(|item| !item.is_empty())
                    .collect();
                if items.is_empty() {
                    String::new()
                } else if options.markdown_lists && literal_mode {
                    // The bullets are the template's (a list value is a list); each item's
                    // words are plain text.
                    let items: Vec<String> = items.into_iter().map(&mut literal).collect();
                    list_text(&items, true)
                } else {
                    literal(list_text(&items, options.markdown_lists))
                }
            }
            other => literal(other.to_string()),
        });
        match (replacement, placeholder.conditional_text()) {
            (Some(_), Some(text)) => {
                if value.is_some_and(|value| value.is_truthy()) {
                    out.push_str(text);
                }
            }
            (Some(replacement), None) => out.push_str(&replacement),
            (None, conditional) => out.push_str(&missing(&placeholder, conditional, options)),
        }
    }
    out.push_str(&content[last..]);
    out
}

fn missing(
    placeholder: &Placeholder<'_>,
    conditional: Option<&str>,
    options: FieldOptions,
) -> String {
    let name = placeholder.name();
    match (conditional, options.html_placeholders) {
        (Some(text), true) => format!(
            "<span class='placeholder-conditional'>&#40;&#40;{name}??</span>{text}&#41;&#41;"
        ),
        (Some(text), false) => format!("(({name}??{text}))"),
        (None, true) if options.redact_missing => {
            "<span class='placeholder-redacted'>hidden</span>".to_owned()
        }
        (None, false) if options.redact_missing => "[hidden]".to_owned(),
        (None, true) => format!("<span class='placeholder'>&#40;&#40;{name}&#41;&#41;</span>"),
        (None, false) => format!("(({name}))"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn finds_the_innermost_brackets() {
        let found = find_placeholders("the quick (((colour))) fox");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].body, "colour");
    }

    #[test]
    fn names_ignore_case_spaces_and_separators() {
        assert_eq!(
            placeholder_names("((name)) ((Name)) ((date_of_birth)) ((DateOfBirth))"),
            ["name", "date_of_birth"]
        );
    }

    #[test]
    fn lists_read_naturally() {
        let values = Personalisation::new().with("items", vec!["one", "two", "three"]);
        let text = render("((items))", &values, FieldOptions::default());
        assert_eq!(text, "one, two and three");
    }

    proptest! {
        #[test]
        fn never_panics(content in "\\PC{0,60}", value in "\\PC{0,20}") {
            let values = Personalisation::new().with("a", value);
            let _ = render(&content, &values, FieldOptions { escape: true, ..FieldOptions::default() });
            let _ = placeholder_names(&content);
        }
    }
}
