//! Suggestions for postcodes mistyped with O for 0, I for 1, or the other way round.

use super::{Compact, Postcode, parse_compact};

/// The inward code's first character is always a digit and its letters never O or I, so its
/// slips have one fix. In the outward code a slip can be ambiguous (`S01` could be `SO1`):
/// there every combination is tried, and a fix is offered only when exactly one is valid — or
/// the outward code as typed is valid, in which case it is left alone.
pub(super) fn suggest(input: &str) -> Option<Postcode> {
    if Postcode::parse(input).is_ok() {
        return None;
    }
    let compact = Compact::from_input(input).ok()?;
    let mut c = compact.as_bytes().to_vec();
    if !(5..=7).contains(&c.len()) {
        return None;
    }
    let inward_at = c.len() - 3;
    c[inward_at] = as_digit(c[inward_at]);
    for b in &mut c[inward_at + 1..] {
        *b = as_letter(*b);
    }
    if let Ok(postcode) = parse_compact(&c) {
        return Some(postcode);
    }
    let swappable: Vec<usize> = (0..inward_at)
        .filter(|&i| matches!(c[i], b'O' | b'0' | b'I' | b'1'))
        .collect();
    let mut found = None;
    // At most 4 outward positions, so at most 16 combinations.
    for mask in 1u32..(1 << swappable.len()) {
        let mut candidate = c.clone();
        for (bit, &i) in swappable.iter().enumerate() {
            if mask & (1 << bit) != 0 {
                candidate[i] = swap(candidate[i]);
            }
        }
        if let Ok(postcode) = parse_compact(&candidate) {
            if found.is_some() {
                return None;
            }
            found = Some(postcode);
        }
    }
    found
}

fn as_digit(b: u8) -> u8 {
    match b {
        b'O' => b'0',
        b'I' => b'1',
        other => other,
    }
}

fn as_letter(b: u8) -> u8 {
    match b {
        b'0' => b'O',
        b'1' => b'I',
        other => other,
    }
}

fn swap(b: u8) -> u8 {
    match b {
        b'O' => b'0',
        b'0' => b'O',
        b'I' => b'1',
        b'1' => b'I',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suggestion(input: &str) -> Option<String> {
        Postcode::suggest(input).map(|p| p.to_string())
    }

    #[test]
    fn common_slips_are_fixed() {
        assert_eq!(suggestion(" SW1A OAA").as_deref(), Some("SW1A 0AA"));
        assert_eq!(suggestion("SWIA 2AA").as_deref(), Some("SW1A 2AA"));
        assert_eq!(suggestion("0X1 1AA").as_deref(), Some("OX1 1AA"));
        assert_eq!(suggestion("SWIA OAA").as_deref(), Some("SW1A 0AA"));
    }

    #[test]
    fn an_ambiguous_outward_code_as_typed_is_left_alone() {
        // S01 and SO1 are both valid shapes: keep what was typed, fix only the inward code.
        assert_eq!(suggestion("S01 OAA").as_deref(), Some("S01 0AA"));
    }

    #[test]
    fn nothing_is_suggested_for_valid_or_hopeless_input() {
        assert_eq!(suggestion("SW1A 2AA"), None);
        assert_eq!(suggestion("Definitely wrong"), None);
        // O is never a unit letter under the strict rules, so "2A0" has no valid fix.
        assert_eq!(suggestion("SW1A 2A0"), None);
    }
}
