//! Writing start tags by hand, because `maud::html!` cannot splice a caller's attribute list
//! into a tag; also the place where SVG children are written self-closed.

use crate::attributes::Attributes;
use crate::escape::escape_into;
use maud::Render;

/// A start tag being written into an output buffer: `open(out, "div").attr(..).end()`.
///
/// Attribute values are escaped as Nunjucks escapes them. Finish with [`Tag::end`] (`>`) or,
/// for SVG children such as `<path>` and `<circle>`, [`Tag::self_close`] (`/>`): maud would
/// write `<circle></circle>`-less markup that browsers nest the following shapes inside.
#[must_use = "a tag is unfinished until end() or self_close()"]
pub struct Tag<'a> {
    out: &'a mut String,
}

/// Starts writing `<name` into `out`.
pub fn open<'a>(out: &'a mut String, name: &str) -> Tag<'a> {
    out.push('<');
    out.push_str(name);
    Tag { out }
}

impl<'a> Tag<'a> {
    /// Writes ` name="value"`, escaping the value.
    pub fn attr(self, name: &str, value: &str) -> Self {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        escape_into(self.out, value);
        self.out.push('"');
        self
    }

    /// Writes ` name="value"` when the value is set and not empty (`{% if params.x %}`).
    pub fn attr_if(self, name: &str, value: Option<&str>) -> Self {
        match value {
            Some(value) if !value.is_empty() => self.attr(name, value),
            _ => self,
        }
    }

    /// Writes the boolean attribute ` name` when `on`.
    pub fn flag(self, name: &str, on: bool) -> Self {
        if on {
            self.out.push(' ');
            self.out.push_str(name);
        }
        self
    }

    /// Writes ` class="base extra"`, leaving out ` extra` when it is unset or empty.
    pub fn class(self, base: &str, extra: Option<&str>) -> Self {
        self.out.push_str(" class=\"");
        escape_into(self.out, base);
        if let Some(extra) = extra.filter(|e| !e.is_empty()) {
            self.out.push(' ');
            escape_into(self.out, extra);
        }
        self.out.push('"');
        self
    }

    /// Writes the caller's `attributes`, each with its leading space.
    pub fn attrs(self, attributes: &Attributes) -> Self {
        attributes.render_to(self.out);
        self
    }

    /// Writes trusted text into the tag as it is (a fixed attribute such as ` aria-hidden="true"`).
    pub fn raw(self, text: &str) -> Self {
        self.out.push_str(text);
        self
    }

    /// Finishes the start tag with `>` and hands the buffer back for the content.
    pub fn end(self) -> &'a mut String {
        self.out.push('>');
        self.out
    }

    /// Finishes an empty SVG element with `/>`.
    pub fn self_close(self) -> &'a mut String {
        self.out.push_str("/>");
        self.out
    }
}

/// A class list built up as upstream's templates build `classNames`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Classes(String);

impl Classes {
    /// Starts with the component's own class.
    pub fn new(base: &str) -> Self {
        Classes(base.to_owned())
    }

    /// Appends ` class` when `on`.
    pub fn add_if(&mut self, on: bool, class: &str) -> &mut Self {
        if on {
            self.push(class);
        }
        self
    }

    /// Appends the caller's classes when set and not empty.
    pub fn add(&mut self, class: Option<&str>) -> &mut Self {
        if let Some(class) = class.filter(|c| !c.is_empty()) {
            self.push(class);
        }
        self
    }

    fn push(&mut self, class: &str) {
        if !self.0.is_empty() {
            self.0.push(' ');
        }
        self.0.push_str(class);
    }

    /// The list, space separated, unescaped (pass it to [`Tag::attr`]).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_a_tag_with_escaped_values() {
        let mut out = String::new();
        open(&mut out, "div")
            .attr_if("id", Some("a'b"))
            .attr_if("for", Some(""))
            .class("govuk-x", Some("y"))
            .flag("hidden", true)
            .end();
        assert_eq!(out, r#"<div id="a&#39;b" class="govuk-x y" hidden>"#);
    }

    #[test]
    fn svg_children_are_self_closed() {
        let mut out = String::new();
        open(&mut out, "circle").attr("cx", "5").self_close();
        assert_eq!(out, r#"<circle cx="5"/>"#);
    }

    #[test]
    fn classes_skip_empty_parts() {
        let mut c = Classes::new("govuk-button");
        c.add(Some(""))
            .add(None)
            .add_if(true, "govuk-button--start")
            .add(Some("app-x"));
        assert_eq!(c.as_str(), "govuk-button govuk-button--start app-x");
    }
}
