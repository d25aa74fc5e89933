//! Escaping identical to Nunjucks autoescape, so our markup matches upstream byte for byte.

use maud::Render;

/// Appends `text` to `out`, escaped exactly as Nunjucks autoescape does:
/// `&` `<` `>` `"` `'` become `&amp;` `&lt;` `&gt;` `&quot;` `&#39;`.
///
/// maud's own escaping leaves `'` alone, so every component writes text through this.
pub fn escape_into(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    // Most text has nothing to escape: find the first byte that needs it before copying.
    let Some(first) = bytes.iter().position(|&b| NEEDS_ESCAPE[usize::from(b)]) else {
        out.push_str(text);
        return;
    };
    out.reserve(text.len() + 16);
    let mut start = 0;
    for (index, &byte) in bytes.iter().enumerate().skip(first) {
        if !NEEDS_ESCAPE[usize::from(byte)] {
            continue;
        }
        let replacement = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        };
        out.push_str(&text[start..index]);
        out.push_str(replacement);
        start = index + 1;
    }
    out.push_str(&text[start..]);
}

/// The bytes Nunjucks escapes, as a table so the scan is one load per byte.
static NEEDS_ESCAPE: [bool; 256] = {
    let mut table = [false; 256];
    table[b'&' as usize] = true;
    table[b'<' as usize] = true;
    table[b'>' as usize] = true;
    table[b'"' as usize] = true;
    table[b'\'' as usize] = true;
    table
};

/// Text that renders escaped as Nunjucks escapes it; use in `maud::html!` as `(Escaped(text))`.
///
/// ```
/// use civic_components::escape::Escaped;
/// let markup = maud::html! { p { (Escaped("Rhys's <b>")) } };
/// assert_eq!(markup.into_string(), "<p>Rhys&#39;s &lt;b&gt;</p>");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Escaped<'a>(pub &'a str);

impl Render for Escaped<'_> {
    fn render_to(&self, buffer: &mut String) {
        escape_into(buffer, self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn escapes_the_five_characters_nunjucks_escapes() {
        let mut out = String::new();
        escape_into(&mut out, "a&b<c>d\"e'f");
        assert_eq!(out, "a&amp;b&lt;c&gt;d&quot;e&#39;f");
    }

    #[test]
    fn leaves_other_text_alone() {
        let mut out = String::new();
        escape_into(&mut out, "Côd post – ₤5");
        assert_eq!(out, "Côd post – ₤5");
    }

    proptest! {
        #[test]
        fn escaped_text_has_no_markup_characters(text in any::<String>()) {
            let mut out = String::new();
            escape_into(&mut out, &text);
            prop_assert!(!out.contains(['<', '>', '"', '\'']));
            let back = out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
            prop_assert_eq!(back, text);
        }
    }
}
