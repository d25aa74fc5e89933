//! Placeholder values kept out of markdown: each value is swapped for an opaque token
//! before the template's markdown is read, and put back, escaped, into the rendered output.
//! A token is two private-use characters round a number, which no markdown rule reacts to,
//! so a value can never start or end a heading, list, inset, link or emphasis.

/// Opens a token.
const OPEN: char = '\u{E000}';
/// Closes a token.
const CLOSE: char = '\u{E001}';

/// The token standing for the value at `index`.
pub(crate) fn token(index: usize) -> String {
    format!("{OPEN}{index}{CLOSE}")
}

/// `text` without the characters tokens are made of, so that neither a template nor a value
/// can forge a token.
pub(crate) fn strip_token_characters(text: &str) -> String {
    if text.contains([OPEN, CLOSE]) {
        text.replace([OPEN, CLOSE], "")
    } else {
        text.to_owned()
    }
}

/// Whether `text` holds a token.
pub(crate) fn has_token(text: &str) -> bool {
    text.contains(OPEN)
}

/// `text` with each token replaced by `write(value)`. A single pass: what a value holds is
/// never read again as tokens.
pub(crate) fn resolve(text: &str, values: &[String], write: impl Fn(&str) -> String) -> String {
    resolve_in_context(text, values, |value, _| write(value))
}

/// As [`resolve`], with `write` also given the text before the token (template text, earlier
/// tokens unresolved), so it can tell where the value lands.
pub(crate) fn resolve_in_context(
    text: &str,
    values: &[String],
    write: impl Fn(&str, &str) -> String,
) -> String {
    if !has_token(text) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while let Some(found) = text[at..].find(OPEN) {
        let start = at + found;
        out.push_str(&text[at..start]);
        let body = start + OPEN.len_utf8();
        let Some(length) = text[body..].find(CLOSE) else {
            at = body;
            continue;
        };
        if let Some(value) = text[body..body + length]
            .parse::<usize>()
            .ok()
            .and_then(|index| values.get(index))
        {
            out.push_str(&write(value, &text[..start]));
        }
        at = body + length + CLOSE.len_utf8();
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_come_back_as_their_values_once() {
        let values = vec![format!("a{}b", token(1)), "z".to_owned()];
        let text = format!("<{}|{}>", token(0), token(1));
        let resolved = resolve(&text, &values, str::to_owned);
        assert_eq!(resolved, format!("<a{}b|z>", token(1)));
    }

    #[test]
    fn forged_tokens_are_stripped() {
        assert_eq!(strip_token_characters(&token(3)), "3");
    }
}
