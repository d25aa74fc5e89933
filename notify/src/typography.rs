//! GOV.UK Notify's `do_nice_typography`: curly quotes (SmartyPants' rules), straight quotes
//! kept in email addresses, and spaced hyphens made en dashes.

use fancy_regex::Regex;
use std::sync::OnceLock;

use crate::formatters::remove_whitespace_before_punctuation;

struct Patterns {
    tag_soup: Regex,
    skipped_tag: Regex,
    first_single: Regex,
    first_double: Regex,
    double_then_single: Regex,
    single_then_double: Regex,
    decade: Regex,
    opening_single: Regex,
    closing_single: Regex,
    closing_single_before_space: Regex,
    opening_double: Regex,
    closing_double_before_space: Regex,
    first_double_before_punctuation: Regex,
    closing_double: Regex,
    email: Regex,
    spaced_hyphen: Regex,
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let compile = |pattern: &str| Regex::new(pattern).expect("typography pattern compiles");
        let punct = r##"[!"#\$\%'()*+,\-.\/:;<=>?\@\[\\\]\^_`{|}~]"##;
        let close = r"[^\ \t\r\n\[\{\(\-]";
        let opening = r"(\s|&nbsp;|--|&[mn]dash;|&#8211;|&#8212;|&\#x201[34];)";
        Patterns {
            tag_soup: compile(r"(?s)\A([^<]*)(<!--.*?--\s*>|<[^>]*>)"),
            skipped_tag: compile(r"(?i)\A<(/)?(pre|samp|code|tt|kbd|script|style|math|a)[^>]*>"),
            first_single: compile(&format!(r"\A'(?={punct}\B)")),
            first_double: compile(&format!(r#"\A"(?={punct}\B)"#)),
            double_then_single: compile(r#""'(?=\w)"#),
            single_then_double: compile(r#"'"(?=\w)"#),
            decade: compile(r"\b'(?=\d{2}s)"),
            opening_single: compile(&format!(r"{opening}'(?=\w)")),
            closing_single: compile(&format!(r"({close})'(?!\s|s\b|\d)")),
            closing_single_before_space: compile(&format!(r"({close})'(\s|s\b)")),
            opening_double: compile(&format!(r#"{opening}"(?=\w)"#)),
            closing_double_before_space: compile(r#""(?=\s)"#),
            first_double_before_punctuation: compile(&format!(r#"\A"(?={punct})"#)),
            closing_double: compile(&format!(r#"({close})""#)),
            email: compile(r"(?m)(^|\s)\S+@\S+(\s|$)"),
            spaced_hyphen: compile(r"\s+[-–—]{1,3}\s+"),
        }
    })
}

fn replace(regex: &Regex, text: &str, with: &str) -> String {
    regex.replace_all(text, with).into_owned()
}

/// SmartyPants' `convert_quotes`, writing the curly quotes as characters.
fn convert_quotes(text: &str) -> String {
    let p = patterns();
    let text = replace(&p.first_single, text, "’");
    let text = replace(&p.first_double, &text, "”");
    let text = replace(&p.double_then_single, &text, "“‘");
    let text = replace(&p.single_then_double, &text, "‘“");
    let text = replace(&p.decade, &text, "’");
    let text = replace(&p.opening_single, &text, "${1}‘");
    let text = replace(&p.closing_single, &text, "${1}’");
    let text = replace(&p.closing_single_before_space, &text, "${1}’${2}");
    let text = text.replace('\'', "‘");
    let text = replace(&p.opening_double, &text, "${1}“");
    let text = replace(&p.closing_double_before_space, &text, "”");
    let text = replace(&p.first_double_before_punctuation, &text, "”");
    let text = replace(&p.closing_double, &text, "${1}”");
    text.replace('"', "“")
}

/// SmartyPants' backslash escapes, which force a straight character.
fn process_escapes(text: &str) -> String {
    text.replace("\\\\", "&#92;")
        .replace("\\\"", "&#34;")
        .replace("\\'", "&#39;")
        .replace("\\.", "&#46;")
        .replace("\\-", "&#45;")
        .replace("\\`", "&#96;")
}

/// `smartypants.smartypants(value, Attr.q | Attr.u)` with links skipped, as Notify calls it.
fn make_quotes_smart(value: &str) -> String {
    let p = patterns();
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    let mut skipped: Vec<String> = Vec::new();
    let mut previous_last = String::new();
    let handle_text = |text: &str, skipping: bool, out: &mut String, previous: &mut String| {
        let last: String = text.chars().last().map(String::from).unwrap_or_default();
        if skipping {
            out.push_str(text);
        } else {
            let text = process_escapes(text);
            let converted = match text.as_str() {
                "'" if previous.chars().next().is_some_and(|c| !c.is_whitespace()) => {
                    "’".to_owned()
                }
                "'" => "‘".to_owned(),
                "\"" if previous.chars().next().is_some_and(|c| !c.is_whitespace()) => {
                    "”".to_owned()
                }
                "\"" => "“".to_owned(),
                _ => convert_quotes(&text),
            };
            out.push_str(&converted);
        }
        *previous = last;
    };
    while let Ok(Some(caps)) = p.tag_soup.captures(rest) {
        let (Some(whole), Some(tag)) = (caps.get(0), caps.get(2)) else {
            break;
        };
        let before = caps.get(1).map_or("", |m| m.as_str());
        if !before.is_empty() {
            handle_text(before, !skipped.is_empty(), &mut out, &mut previous_last);
        }
        let tag = tag.as_str();
        let is_text_comment = tag.starts_with("<!--")
            && tag[4..]
                .trim_end_matches('>')
                .trim_end()
                .trim_end_matches('-')
                .contains("--");
        if is_text_comment {
            handle_text(tag, !skipped.is_empty(), &mut out, &mut previous_last);
        } else {
            out.push_str(tag);
            if let Ok(Some(skip)) = p.skipped_tag.captures(tag) {
                let name = skip.get(2).map_or("", |m| m.as_str()).to_lowercase();
                if skip.get(1).is_none() {
                    skipped.push(name);
                } else if skipped.last() == Some(&name) {
                    skipped.pop();
                }
            }
        }
        rest = &rest[whole.end()..];
    }
    if !rest.is_empty() {
        handle_text(rest, !skipped.is_empty(), &mut out, &mut previous_last);
    }
    // Escapes were written as character references; SmartyPants' Unicode mode leaves them.
    out
}

/// Curly quotes inside something that looks like an email address go back to straight ones.
fn remove_smart_quotes_from_email_addresses(value: &str) -> String {
    patterns()
        .email
        .replace_all(value, |caps: &fancy_regex::Captures<'_, str>| {
            caps.get(0)
                .map_or(String::new(), |m| m.as_str().replace(['‘', '’'], "'"))
        })
        .into_owned()
}

/// Notify's `do_nice_typography`.
pub(crate) fn nice_typography(value: &str) -> String {
    let value = remove_whitespace_before_punctuation(value);
    let value = make_quotes_smart(&value);
    let value = remove_smart_quotes_from_email_addresses(&value);
    replace(&patterns().spaced_hyphen, &value, " \u{2013} ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn quotes_curl_the_smartypants_way() {
        assert_eq!(nice_typography("\"Isn't this fun?\""), "“Isn’t this fun?”");
        assert_eq!(nice_typography("the '80s - then"), "the ‘80s \u{2013} then");
        assert_eq!(
            nice_typography("It's \"quoted\" and 'single'"),
            "It’s “quoted” and ‘single’"
        );
        assert_eq!(nice_typography("\"'Quoted' words\""), "“‘Quoted’ words”");
        assert_eq!(
            nice_typography("mail first.o'last@example.com"),
            "mail first.o'last@example.com"
        );
        assert_eq!(
            nice_typography("<a href=\"x\">'link'</a> 'text'"),
            "<a href=\"x\">'link'</a> ‘text’"
        );
    }

    proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,80}") {
            let _ = nice_typography(&text);
        }
    }
}
