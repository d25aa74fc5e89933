//! Confirmation references: unique, and easy to read aloud over the phone.
//!
//! References use an alphabet without the look-alikes 0/O and 1/I, in groups of four, like
//! `BIN-7KQ4-M2XD`.

use rand::Rng;

/// The characters a reference is made of: digits 2-9 and capital letters except I and O.
pub const ALPHABET: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/// Whether `c` may appear in a reference.
pub fn is_unambiguous(c: char) -> bool {
    c.is_ascii() && ALPHABET.contains(&(c as u8))
}

/// Random characters in a reference, after any prefix: 8 from 32 gives 2^40 references,
/// so a clash among a council's submissions is vanishingly rare; stores still refuse a
/// duplicate and ask for another.
pub const LENGTH: usize = 8;

/// A new reference, like `BIN-7KQ4-M2XD` (or `7KQ4-M2XD` without a prefix), from the
/// operating system's random source.
pub fn generate(prefix: Option<&str>) -> String {
    generate_with(&mut rand::rng(), prefix)
}

/// A new reference drawn from `rng` (tests pass a seeded one).
pub fn generate_with(rng: &mut impl Rng, prefix: Option<&str>) -> String {
    let mut out = String::with_capacity(LENGTH + 6);
    if let Some(prefix) = prefix {
        out.push_str(prefix);
        out.push('-');
    }
    for i in 0..LENGTH {
        if i == LENGTH / 2 {
            out.push('-');
        }
        let index = rng.random_range(0..ALPHABET.len());
        out.push(char::from(ALPHABET[index]));
    }
    out
}

/// Reads a reference as a resident might type it back, ignoring case, spaces and hyphens, and
/// returns its canonical form; `None` when it cannot be a reference.
pub fn normalise(text: &str) -> Option<String> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if !compact.is_ascii() || compact.len() < LENGTH {
        return None;
    }
    let (prefix, body) = compact.split_at(compact.len() - LENGTH);
    if !body.chars().all(is_unambiguous) || !prefix.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let (a, b) = body.split_at(LENGTH / 2);
    Some(if prefix.is_empty() {
        format!("{a}-{b}")
    } else {
        format!("{prefix}-{a}-{b}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rand::SeedableRng;
    use std::collections::HashSet;

    #[test]
    fn references_have_no_look_alike_characters() {
        for c in ['0', 'O', '1', 'I'] {
            assert!(!is_unambiguous(c), "{c}");
        }
        assert_eq!(ALPHABET.len(), 32);
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        for _ in 0..1000 {
            let reference = generate_with(&mut rng, Some("BIN"));
            let body = reference.strip_prefix("BIN-").unwrap();
            assert_eq!(body.len(), LENGTH + 1, "{reference}");
            assert!(
                body.chars().filter(|&c| c != '-').all(is_unambiguous),
                "{reference}"
            );
        }
    }

    #[test]
    fn references_do_not_repeat() {
        let mut seen = HashSet::new();
        for _ in 0..20_000 {
            assert!(seen.insert(generate(None)));
        }
    }

    #[test]
    fn a_reference_read_back_is_recognised() {
        assert_eq!(normalise("bin 7kq4 m2xd").as_deref(), Some("BIN-7KQ4-M2XD"));
        assert_eq!(normalise("7KQ4-M2XD").as_deref(), Some("7KQ4-M2XD"));
        assert_eq!(normalise("7KQ4-M2X0"), None);
        assert_eq!(normalise("7KQ"), None);
    }

    proptest! {
        #[test]
        fn any_text_is_normalised_or_refused(text in ".*") {
            if let Some(reference) = normalise(&text) {
                prop_assert_eq!(normalise(&reference), Some(reference.clone()));
            }
        }
    }
}
