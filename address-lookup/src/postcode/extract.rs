//! Finding postcodes inside free text, such as a pasted address or a letter.

use std::ops::Range;

use super::{Postcode, PostcodeKind, fold_full_width, parse_compact};

/// A postcode found in some text, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The postcode, normalised.
    pub postcode: Postcode,
    /// Its byte range in the text.
    pub range: Range<usize>,
}

/// Every postcode written in `text`, in order: `SW1A 2AA`, `sw1a2aa`, `BFPO 61`, in any case
/// and with full-width characters. Only whole words count, so `XSW1A2AA` is not a match.
///
/// ```
/// use civic_address_lookup::postcode::extract;
///
/// let found = extract("Send it to 10 Downing Street, London sw1a 2aa, or EC1A1BB.");
/// let postcodes: Vec<String> = found.iter().map(|f| f.postcode.to_string()).collect();
/// assert_eq!(postcodes, ["SW1A 2AA", "EC1A 1BB"]);
/// ```
pub fn extract(text: &str) -> Vec<Found> {
    let words = words(text);
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let word = &words[i];
        if let Some(next) = words.get(i + 1) {
            let gap = &text[word.range.end..next.range.start];
            let spaced = !gap.is_empty() && gap.chars().all(|c| fold_full_width(c).is_whitespace());
            if spaced
                && (2..=4).contains(&word.letters.len())
                && (1..=4).contains(&next.letters.len())
            {
                let joined = [word.letters.as_slice(), next.letters.as_slice()].concat();
                if let Ok(postcode) = parse_compact(&joined) {
                    // Only where the space falls between outward and inward code.
                    if postcode.outward().len() == word.letters.len() {
                        found.push(Found {
                            postcode,
                            range: word.range.start..next.range.end,
                        });
                        i += 2;
                        continue;
                    }
                }
            }
        }
        if let Ok(postcode) = parse_compact(&word.letters) {
            // "BFPO" needs its number as a separate word; a glued one is too easily a reference.
            if postcode.kind() != PostcodeKind::Bfpo || postcode.outward() != "BFPO" {
                found.push(Found {
                    postcode,
                    range: word.range.clone(),
                });
            }
        }
        i += 1;
    }
    found
}

struct Word {
    range: Range<usize>,
    /// Upper-case ASCII; only collected for words short enough to be part of a postcode.
    letters: Vec<u8>,
}

fn words(text: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut current: Option<Word> = None;
    for (at, c) in text.char_indices() {
        let folded = fold_full_width(c);
        if folded.is_ascii_alphanumeric() {
            let word = current.get_or_insert_with(|| Word {
                range: at..at,
                letters: Vec::new(),
            });
            word.range.end = at + c.len_utf8();
            if word.letters.len() <= 8 {
                word.letters.push(folded.to_ascii_uppercase() as u8);
            }
        } else if let Some(word) = current.take() {
            words.push(word);
        }
    }
    words.extend(current);
    words
        .into_iter()
        .map(|mut w| {
            // Longer than any postcode: keep the word as a separator that matches nothing.
            if w.letters.len() > 8 {
                w.letters.clear();
            }
            w
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn postcodes(text: &str) -> Vec<String> {
        extract(text)
            .iter()
            .map(|f| f.postcode.to_string())
            .collect()
    }

    #[test]
    fn finds_spaced_and_unspaced_postcodes_with_their_ranges() {
        let text = "Flat 2, 10 High St, Leeds LS1 4AP. Old: ls14ap";
        let found = extract(text);
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].range.clone()], "LS1 4AP");
        assert_eq!(&text[found[1].range.clone()], "ls14ap");
    }

    #[test]
    fn finds_specials_and_full_width() {
        assert_eq!(postcodes("c/o BFPO 61 and GIR 0AA"), ["BFPO 61", "GIR 0AA"]);
        assert_eq!(postcodes("住所 ＳＷ１Ａ ２ＡＡ"), ["SW1A 2AA"]);
    }

    #[test]
    fn ignores_parts_of_longer_words_and_non_postcodes() {
        assert!(postcodes("reference XSW1A2AA12 and 12 High Street").is_empty());
        assert!(postcodes("ring 0113 496 0000").is_empty());
        assert!(postcodes("").is_empty());
    }
}
