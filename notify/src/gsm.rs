//! The GSM 03.38 alphabet and GOV.UK Notify's rules for fitting text into it.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::decompose_canonical;

/// The GSM 03.38 basic character set: each costs one of the 160 (or 153) places in a fragment.
pub const GSM_CHARACTERS: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u{1b}ÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?\
¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

/// The GSM 03.38 extension table: each costs two places (an escape and the character).
pub const EXTENDED_GSM_CHARACTERS: &str = "^{}\\[~]|€";

/// Accented letters Welsh needs, which Notify never downgrades.
pub const WELSH_DIACRITICS: &str = "ÀÁÂÄÈÉÊËÌÍÎÏÒÓÔÖÙÚÛÜÝàáâäèéêëìíîïòóôöùúûüýÿŴŵŶŷŸẀẁẂẃẄẅỲỳ";

/// The Welsh letters outside GSM: any one of them sends the whole message as UCS-2.
pub const WELSH_NON_GSM_CHARACTERS: &str = "ÀÁÂÈÊËÌÍÎÏÒÓÔÙÚÛÝáâêëíîïóôúûýÿŴŵŶŷŸẀẁẂẃẄẅỲỳ";

/// Whether `c` is in the GSM basic set or the extension table.
pub fn is_gsm(c: char) -> bool {
    GSM_CHARACTERS.contains(c) || EXTENDED_GSM_CHARACTERS.contains(c)
}

/// Whether `c` takes two places in a GSM message.
pub fn is_extended_gsm(c: char) -> bool {
    EXTENDED_GSM_CHARACTERS.contains(c)
}

/// Whether `c` is a Welsh letter that forces UCS-2.
pub fn is_welsh_non_gsm(c: char) -> bool {
    WELSH_NON_GSM_CHARACTERS.contains(c)
}

/// Notify's replacements: typographic punctuation to its plain form, invisible characters
/// removed, unusual spaces to a space. Applied under both policies.
pub fn replacement(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2011}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => "-",
        '\u{2026}' => "...",
        '\u{2018}' | '\u{2019}' | '\u{201A}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' => "\"",
        '\u{180E}' | '\u{200B}' | '\u{200C}' | '\u{2060}' | '\u{FEFF}' | '\u{2028}'
        | '\u{2029}' => "",
        '\u{A0}' | '\u{202F}' | '\t' => " ",
        _ => return None,
    })
}

/// Replacements made only when downgrading to GSM or ASCII (the zero-width joiner is kept in
/// Unicode messages, where it holds emoji together).
fn downgrade_only_replacement(c: char) -> Option<&'static str> {
    match c {
        '\u{200D}' => Some(""),
        '\u{141}' => Some("L"),
        '\u{142}' => Some("l"),
        _ => None,
    }
}

/// The character Python's `unicodedata.decomposition` lists first for `c`, when `c` has a
/// canonical decomposition (`é` → `e`, `ǖ` → `ü`); `None` for compatibility-only or none.
fn first_of_decomposition(c: char) -> Option<char> {
    let mut full = Vec::new();
    decompose_canonical(c, |d| full.push(d));
    if full == [c] {
        return None;
    }
    let composed: String = std::iter::once(c).nfc().collect();
    if composed.chars().ne(std::iter::once(c)) {
        // A singleton or excluded decomposition: its one-level form is the NFC form.
        return composed.chars().next();
    }
    // One level down is the full decomposition less its last mark, recomposed.
    let without_last = full.get(..full.len().saturating_sub(1))?;
    without_last.iter().copied().nfc().next()
}

/// Notify's downgrade of one character into an allowed set: its base letter if that is
/// allowed, else a listed replacement, else `?`.
fn downgrade(c: char, allowed: impl Fn(char) -> bool) -> String {
    match first_of_decomposition(c) {
        Some(base) if allowed(base) => base.to_string(),
        Some(_) => "?".to_owned(),
        None => replacement(c)
            .or_else(|| downgrade_only_replacement(c))
            .unwrap_or("?")
            .to_owned(),
    }
}

/// How one character was changed to fit a message's encoding.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CharacterChange {
    /// The character as written.
    pub from: char,
    /// What was sent instead (empty when it was removed).
    pub to: String,
}

fn encode_with(
    text: &str,
    changes: &mut Vec<CharacterChange>,
    convert: impl Fn(char) -> Option<String>,
) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match convert(c) {
            Some(to) => {
                let change = CharacterChange { from: c, to };
                out.push_str(&change.to);
                if !changes.contains(&change) {
                    changes.push(change);
                }
            }
            None => out.push(c),
        }
    }
    out
}

/// Notify's `SanitiseSMS.encode`: GSM and Welsh letters kept, everything else downgraded.
pub(crate) fn downgrade_to_gsm(text: &str, changes: &mut Vec<CharacterChange>) -> String {
    let allowed = |c: char| is_gsm(c) || WELSH_DIACRITICS.contains(c);
    encode_with(text, changes, |c| {
        (!allowed(c)).then(|| downgrade(c, allowed))
    })
}

/// Notify's full-Unicode encoding: only the listed replacements are made.
pub(crate) fn replace_only(text: &str, changes: &mut Vec<CharacterChange>) -> String {
    encode_with(text, changes, |c| replacement(c).map(str::to_owned))
}

/// Notify's `SanitiseASCII.encode`: printable ASCII kept, everything else downgraded.
pub fn downgrade_to_ascii(text: &str) -> String {
    let allowed = |c: char| (' '..='~').contains(&c);
    encode_with(text, &mut Vec::new(), |c| {
        (!allowed(c)).then(|| downgrade(c, allowed))
    })
}

/// Downgrades text to what a GSM message can carry, as Notify does (`SanitiseSMS.encode`).
pub fn downgrade_to_sms(text: &str) -> String {
    downgrade_to_gsm(text, &mut Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accents_lose_their_marks_unless_gsm_or_welsh() {
        assert_eq!(downgrade_to_sms("ç ō ź Ł é ŵ"), "c o z L é ŵ");
        assert_eq!(downgrade_to_ascii("é"), "e");
        assert_eq!(downgrade_to_sms("It Just Works™ 😬"), "It Just Works? ?");
    }

    proptest! {
        #[test]
        fn gsm_downgrade_leaves_only_allowed_characters(text in "\\PC{0,40}") {
            let out = downgrade_to_sms(&text);
            prop_assert!(out.chars().all(|c| is_gsm(c) || WELSH_DIACRITICS.contains(c)));
        }

        #[test]
        fn ascii_downgrade_leaves_only_printable_ascii(text in "\\PC{0,40}") {
            prop_assert!(downgrade_to_ascii(&text).chars().all(|c| (' '..='~').contains(&c)));
        }
    }
}
