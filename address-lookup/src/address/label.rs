//! Royal Mail's rules for laying out an address (Programmers' Guide to the PAF, "Rules for
//! formatting an address"), shared by both views.

/// A building or sub-building "name" that is really a number — `12A`, `1-3`, `A` — is written on
/// the same line as what follows it ("12A HIGH STREET"), not on a line of its own. Royal Mail's
/// exception: first and last characters are digits; or first and penultimate are digits and
/// the last is a letter; or the name is a single character.
pub(crate) fn is_number_like(name: &str) -> bool {
    let b = name.as_bytes();
    match b {
        [] => false,
        [_] => true,
        [first, .., last] if first.is_ascii_digit() && last.is_ascii_digit() => true,
        [first, last] => first.is_ascii_digit() && last.is_ascii_alphabetic(),
        [first, .., penultimate, last] => {
            first.is_ascii_digit() && penultimate.is_ascii_digit() && last.is_ascii_alphabetic()
        }
    }
}

/// Pushes a line when it is not blank.
pub(crate) fn push(lines: &mut Vec<String>, line: impl Into<String>) {
    let line = line.into();
    let trimmed = line.trim();
    if !trimmed.is_empty() {
        lines.push(trimmed.to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_like_names_follow_royal_mails_exception() {
        for name in ["12A", "1-3", "A", "10", "1A-1C"] {
            assert!(is_number_like(name), "{name}");
        }
        for name in ["", "FLAT 1", "THE MALTINGS", "UNIT 1A", "A1"] {
            assert!(!is_number_like(name), "{name}");
        }
    }
}
