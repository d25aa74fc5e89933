//! Turning address text and queries into the same search terms.

/// Common abbreviations in addresses, each to the word the index holds. Both the address and
/// the query are folded, so "10 Downing St" and "10 DOWNING STREET" meet on "street".
/// ("St" as "Saint" loses out: streets far outnumber saints, and "saint" spelt out still works.)
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("apartment", "flat"),
    ("apartments", "flat"),
    ("apt", "flat"),
    ("av", "avenue"),
    ("ave", "avenue"),
    ("bldg", "building"),
    ("cl", "close"),
    ("cott", "cottage"),
    ("cres", "crescent"),
    ("cresc", "crescent"),
    ("ct", "court"),
    ("dr", "drive"),
    ("gdns", "gardens"),
    ("gr", "grove"),
    ("gro", "grove"),
    ("ho", "house"),
    ("hse", "house"),
    ("la", "lane"),
    ("ln", "lane"),
    ("mws", "mews"),
    ("pde", "parade"),
    ("pk", "park"),
    ("pl", "place"),
    ("rd", "road"),
    ("sq", "square"),
    ("st", "street"),
    ("str", "street"),
    ("tce", "terrace"),
    ("ter", "terrace"),
    ("terr", "terrace"),
    ("wk", "walk"),
    ("wy", "way"),
];

/// The search terms in some text: lower case, split at anything that is not a letter or digit,
/// abbreviations expanded. Apostrophes vanish ("St John's" → "johns").
pub(crate) fn terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<String>| {
        if !word.is_empty() {
            let expanded = ABBREVIATIONS
                .binary_search_by(|(short, _)| (*short).cmp(word.as_str()))
                .map(|i| ABBREVIATIONS[i].1.to_owned())
                .unwrap_or_else(|_| std::mem::take(word));
            out.push(expanded);
            word.clear();
        }
    };
    for c in text.chars() {
        let c = crate::postcode::fold_full_width(c);
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if c == '\'' || c == '\u{2019}' {
            continue;
        } else {
            flush(&mut word, &mut out);
        }
    }
    flush(&mut word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_are_sorted_for_binary_search() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn folds_case_punctuation_and_abbreviations() {
        assert_eq!(
            terms("Flat 3, The Maltings, High St."),
            ["flat", "3", "the", "maltings", "high", "street"]
        );
        assert_eq!(terms("10 downing st"), ["10", "downing", "street"]);
        assert_eq!(
            terms("Apt 2 St John's Rd"),
            ["flat", "2", "street", "johns", "road"]
        );
        assert!(terms("  ,. ").is_empty());
    }
}
