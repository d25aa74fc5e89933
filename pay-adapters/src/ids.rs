//! Unguessable identifiers: payment ids, refund ids and return-URL tokens.

use rand::Rng;

const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";

/// `len` random lowercase letters and digits from the thread's CSPRNG (about 5.2 bits each;
/// 26 characters, the length of a GOV.UK Pay payment id, carry 134 bits).
pub fn random_id(len: usize) -> String {
    let mut rng = rand::rng();
    (0..len)
        .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_have_the_length_and_alphabet_asked_for_and_differ() {
        let a = random_id(26);
        assert_eq!(a.len(), 26);
        assert!(a.bytes().all(|b| ALPHABET.contains(&b)));
        assert_ne!(a, random_id(26));
    }
}
