//! The small text transformations GOV.UK Notify applies between a template and a message,
//! each written once and shared by the SMS, email and letter renderers.

/// Characters Notify treats as invisible: removed wherever they appear.
pub(crate) const ZERO_WIDTH: [char; 6] = [
    '\u{180E}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}',
];

/// Python's `str.isspace()`, which Notify's whitespace handling is built on (it differs from
/// Rust's `char::is_whitespace` in the ASCII separators 0x1C to 0x1F).
pub(crate) fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1C}'..='\u{1F}').contains(&c)
}

/// Python's `str.splitlines()`: every line break Unicode knows, `\r\n` counted once.
pub(crate) fn split_lines(value: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = value.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\u{0B}'
                | '\u{0C}'
                | '\u{1C}'
                | '\u{1D}'
                | '\u{1E}'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if is_break {
            lines.push(&value[start..index]);
            let mut end = index + c.len_utf8();
            if c == '\r' && matches!(chars.peek(), Some((_, '\n'))) {
                chars.next();
                end += 1;
            }
            start = end;
        }
    }
    if start < value.len() {
        lines.push(&value[start..]);
    }
    lines
}

/// Notify's `normalise_whitespace`: every run of whitespace, line breaks included, becomes
/// one space; zero-width characters go.
pub(crate) fn normalise_whitespace(value: &str) -> String {
    normalise_whitespace_keeping(value, None)
}

/// Notify's `normalise_whitespace`: no-break spaces become spaces, zero-width characters go
/// (except `keep`: the joiner that holds emoji sequences together, which Notify's Unicode SMS
/// keeps), and every run of whitespace becomes one space, with none at either end.
fn normalise_whitespace_keeping(value: &str, keep: Option<char>) -> String {
    let cleaned: String = value
        .chars()
        .filter(|c| Some(*c) == keep || !ZERO_WIDTH.contains(c))
        .map(|c| if c == '\u{A0}' { ' ' } else { c })
        .collect();
    cleaned
        .split(is_python_space)
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Notify's `normalise_whitespace_and_newlines`: each line normalised, joined with `\n`.
/// With `keep_joiner`, zero-width joiners stay (Notify's Unicode SMS behaviour).
pub(crate) fn normalise_whitespace_and_newlines(value: &str, keep_joiner: bool) -> String {
    let keep = keep_joiner.then_some('\u{200D}');
    split_lines(value)
        .into_iter()
        .map(|line| normalise_whitespace_keeping(line, keep))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Notify's `normalise_multiple_newlines`: at most one blank line in a row.
pub(crate) fn normalise_multiple_newlines(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut run = 0;
    for c in value.chars() {
        if c == '\n' {
            run += 1;
            if run <= 2 {
                out.push(c);
            }
        } else {
            run = 0;
            out.push(c);
        }
    }
    out
}

/// Notify's `remove_whitespace_before_punctuation`: spaces and tabs before `,` or `.` go.
pub(crate) fn remove_whitespace_before_punctuation(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut pending = String::new();
    for c in value.chars() {
        match c {
            ' ' | '\t' => pending.push(c),
            ',' | '.' => {
                pending.clear();
                out.push(c);
            }
            _ => {
                out.push_str(&pending);
                pending.clear();
                out.push(c);
            }
        }
    }
    out.push_str(&pending);
    out
}

/// Python's `str.strip()`.
pub(crate) fn strip(value: &str) -> &str {
    value.trim_matches(is_python_space)
}

/// Notify's `strip_and_remove_obscure_whitespace`: zero-width characters and no-break spaces
/// go wherever they are, ordinary whitespace only from the ends.
pub(crate) fn strip_and_remove_obscure_whitespace(value: &str) -> String {
    let kept: String = value
        .chars()
        .filter(|c| !ZERO_WIDTH.contains(c) && *c != '\u{A0}')
        .collect();
    kept.trim_matches([' ', '\t', '\n', '\r', '\u{0B}', '\u{0C}'])
        .to_owned()
}

/// Notify's `escape_html`: entities already in the text are decoded first (so `&lt;` stays
/// `&lt;` rather than becoming `&amp;lt;`), then `&`, `<` and `>` are escaped. `&nbsp;`,
/// `&amp;`, `&lpar;` and `&rpar;` are left exactly as written. Quotes are not escaped.
pub(crate) fn escape_html(value: &str) -> String {
    const KEPT: [(&str, &str); 4] = [
        ("&nbsp;", "\u{F0000}nbsp\u{F0001}"),
        ("&amp;", "\u{F0000}amp\u{F0001}"),
        ("&lpar;", "\u{F0000}lpar\u{F0001}"),
        ("&rpar;", "\u{F0000}rpar\u{F0001}"),
    ];
    let mut text = value.to_owned();
    for (entity, stand_in) in KEPT {
        text = text.replace(entity, stand_in);
    }
    let decoded = decode_entities_strict(&text);
    let mut escaped = String::with_capacity(decoded.len());
    for c in decoded.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            _ => escaped.push(c),
        }
    }
    for (entity, stand_in) in KEPT {
        escaped = escaped.replace(stand_in, entity);
    }
    escaped
}

/// Decodes `&name;`, `&#nn;` and `&#xhh;` references, only where the `;` is present (Notify's
/// `unescape_strict`).
fn decode_entities_strict(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let candidate = &rest[at..];
        let reference = candidate
            .char_indices()
            .skip(1)
            .take(33)
            .find(|(_, c)| matches!(c, ';' | '\t' | '\n' | '\u{0C}' | ' ' | '<' | '&'))
            .filter(|(_, c)| *c == ';')
            .map(|(end, _)| &candidate[..=end]);
        match reference {
            Some(reference) if reference.len() > 2 => {
                out.push_str(&html_escape::decode_html_entities(reference));
                rest = &candidate[reference.len()..];
            }
            _ => {
                out.push('&');
                rest = &candidate[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_without_double_escaping() {
        assert_eq!(
            escape_html("<b> &lt; &amp; &eacute; \"q\""),
            "&lt;b&gt; &lt; &amp; é \"q\""
        );
        assert_eq!(escape_html("fish & chips"), "fish &amp; chips");
    }

    #[test]
    fn whitespace_before_punctuation_goes() {
        assert_eq!(
            remove_whitespace_before_punctuation("a , b\t. c  d"),
            "a, b. c  d"
        );
    }

    #[test]
    fn lines_split_as_python_does() {
        assert_eq!(split_lines("a\r\nb\rc\n"), ["a", "b", "c"]);
        assert_eq!(normalise_multiple_newlines("a\n\n\n\nb"), "a\n\nb");
    }
}
