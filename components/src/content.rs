//! Upstream's `text` / `html` option pairs: text is escaped, html is trusted markup.

use maud::{PreEscaped, Render};

use crate::escape::escape_into;

/// The content of a component part: `html` wins over `text` when both are set, as upstream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Content<'a> {
    /// Plain text, escaped when written.
    Text(&'a str),
    /// Trusted markup written as it is (upstream applies `| trim` to it).
    Html(&'a str),
}

impl<'a> Content<'a> {
    /// Picks the content from an upstream `text`/`html` pair; `None` when both are empty.
    pub fn pick(text: Option<&'a str>, html: Option<&'a str>) -> Option<Self> {
        match (html, text) {
            (Some(html), _) if !html.is_empty() => Some(Content::Html(html)),
            (_, Some(text)) if !text.is_empty() => Some(Content::Text(text)),
            _ => None,
        }
    }

    /// Writes the content with html untrimmed, for templates that use `html | safe` alone.
    pub fn render_untrimmed_to(&self, out: &mut String) {
        match self {
            Content::Text(text) => escape_into(out, text),
            Content::Html(html) => out.push_str(html),
        }
    }

    /// Like [`Content::pick`] for `Option<String>` fields.
    pub fn from_fields(text: &'a Option<String>, html: &'a Option<String>) -> Option<Self> {
        Self::pick(text.as_deref(), html.as_deref())
    }
}

impl Render for Content<'_> {
    fn render_to(&self, out: &mut String) {
        match self {
            Content::Text(text) => escape_into(out, text),
            Content::Html(html) => out.push_str(html.trim()),
        }
    }
}

/// Turns trusted markup into the string the `html` fields hold, for builders that take markup.
pub fn markup_string(markup: PreEscaped<String>) -> String {
    markup.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_wins_and_is_trimmed() {
        let c = Content::pick(Some("a"), Some("  <b>x</b>\n")).unwrap();
        assert_eq!(c.render().into_string(), "<b>x</b>");
    }

    #[test]
    fn text_is_escaped_and_empty_is_none() {
        assert_eq!(
            Content::pick(Some("<'>"), Some(""))
                .unwrap()
                .render()
                .into_string(),
            "&lt;&#39;&gt;"
        );
        assert_eq!(Content::pick(Some(""), None), None);
    }
}
