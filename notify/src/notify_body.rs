//! The body civic hands to GOV.UK Notify's pass-through template: the template's own
//! markdown, filled in, with every plain-text value written so that Notify's markdown reads it
//! as text.
//!
//! Notify renders the `((body))` value as markdown again, so the plain-text part cannot be sent
//! (a value's `[x](https://…)` would become a link in the email Notify builds). Instead each
//! value is escaped for Notify's markdown (mistune 0.8.4 with Notify's rules): the characters
//! mistune can backslash-escape are escaped, a zero-width space starts each of the value's
//! lines so nothing in it begins a heading, list, inset, rule or code block, one follows each
//! bracket so no link or link definition can form, and one goes before `://` so no web address
//! in it is linked. A value inside a web address the template wrote is percent-encoded instead,
//! and a value that is a link's whole address is kept only if it is a web, email or phone
//! address. Notify itself puts a zero-width space into
//! "GOV.UK" for the same reason. What the resident reads is unchanged.

use crate::field::{self, FieldOptions};
use crate::literal;
use crate::personalisation::Personalisation;

/// What mistune 0.8.4 turns `\x` back into `x` for.
const ESCAPABLE: &str = "\\`*{}[]()#+-.!_>~|";

/// Keeps a line from starting markdown, and `://` from being a web address.
const ZERO_WIDTH_SPACE: char = '\u{200B}';

/// `value` written so that Notify's markdown shows it as typed.
fn escape_for_notify(value: &str) -> String {
    let value = value.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(value.len() + 8);
    out.push(ZERO_WIDTH_SPACE);
    let mut rest = value.as_str();
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("://") {
            out.push(ZERO_WIDTH_SPACE);
        }
        if ESCAPABLE.contains(c) {
            out.push('\\');
        }
        out.push(c);
        // After a line break nothing may start a block; after a bracket, `]:` cannot define
        // a link (which would hide the template's text) nor `](` start an address.
        if matches!(c, '\n' | '[' | ']') {
            out.push(ZERO_WIDTH_SPACE);
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Where a value lands in the template's markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// In running text.
    Text,
    /// Inside a web address the template wrote (`https://council.example/t/((ref))`), or
    /// after its start in a link's address.
    Address,
    /// The start of a link's address (`[Pay](((link)))`).
    LinkAddress,
}

/// Where a value lands, from the template text before it.
fn place(before: &str) -> Place {
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '<')
        .map_or(0, |at| {
            at + before[at..].chars().next().map_or(1, char::len_utf8)
        });
    let word = before[word_start..].to_ascii_lowercase();
    let in_link_address = before[..word_start].ends_with("](");
    if word.starts_with("http://") || word.starts_with("https://") {
        Place::Address
    } else if in_link_address && word.is_empty() {
        Place::LinkAddress
    } else if in_link_address {
        Place::Address
    } else {
        Place::Text
    }
}

/// `value` inside a web address: percent-encoded but for the characters addresses are made
/// of, so it can neither end the address nor start markdown.
fn encode_for_address(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~:/?#=&%;@+,".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Whether a link address from a value may be followed: web, email and phone addresses only.
fn is_safe_address(value: &str) -> bool {
    let lower = value.trim().to_ascii_lowercase();
    ["http://", "https://", "mailto:", "tel:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}

/// The filled-in markdown for Notify's `((body))` placeholder. Values trusted as markdown
/// ([`crate::ValueMarkup::Markdown`]) are written as given.
pub(crate) fn notify_markdown(content: &str, values: &Personalisation) -> String {
    let options = FieldOptions {
        // Notify escapes HTML in personalisation itself.
        escape: false,
        html_placeholders: false,
        markdown_lists: true,
        redact_missing: false,
    };
    let (text, literals) = field::render_literal(content, values, options);
    literal::resolve_in_context(&text, &literals, |value, before| match place(before) {
        Place::Text => escape_for_notify(value),
        Place::Address => encode_for_address(value),
        // A `javascript:` address is dropped, leaving the link text pointing nowhere.
        Place::LinkAddress if is_safe_address(value) => encode_for_address(value.trim()),
        Place::LinkAddress => String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_in_addresses_are_encoded_not_escaped() {
        let values = Personalisation::new()
            .with("ref", "AB-12.3 x)")
            .with("link", "https://pay.example/p?a=b");
        assert_eq!(
            notify_markdown("https://c.example/t/((ref)) and [Pay](((link)))", &values),
            "https://c.example/t/AB-12.3%20x%29 and [Pay](https://pay.example/p?a=b)"
        );
        let values = Personalisation::new().with("link", "javascript:alert(1)");
        assert_eq!(notify_markdown("[Pay](((link)))", &values), "[Pay]()");
    }

    #[test]
    fn markdown_characters_are_escaped_and_lines_cannot_start_markdown() {
        assert_eq!(
            escape_for_notify("[x](https://e.example)\n# h"),
            "\u{200B}\\[\u{200B}x\\]\u{200B}\\(https\u{200B}://e\\.example\\)\n\u{200B}\\# h"
        );
    }

    #[test]
    fn the_templates_own_markdown_is_kept() {
        let values = Personalisation::new().with("name", "*Sam*");
        assert_eq!(
            notify_markdown("# Hello ((name))\n\n[Pay](https://pay.example)", &values),
            "# Hello \u{200B}\\*Sam\\*\n\n[Pay](https://pay.example)"
        );
    }
}
