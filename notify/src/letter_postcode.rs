//! UK postcodes as GOV.UK Notify checks them on letters: a real postcode area, the shape
//! Royal Mail sorts, formatted with one space before the last three characters.

/// The postcode areas Royal Mail delivers to (with BF for British Forces), as Notify lists
/// them (`uk-postcode-zones.txt`).
const UK_POSTCODE_AREAS: &[&str] = &[
    "AB", "AL", "B", "BA", "BB", "BD", "BF", "BH", "BL", "BN", "BR", "BS", "BT", "BX", "CA", "CB",
    "CF", "CH", "CM", "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL", "DN", "DT",
    "DY", "E", "EC", "EH", "EN", "EX", "FK", "FY", "G", "GL", "GU", "GY", "HA", "HD", "HG", "HP",
    "HR", "HS", "HU", "HX", "IG", "IM", "IP", "IV", "JE", "KA", "KT", "KW", "KY", "L", "GIR", "LA",
    "LD", "LE", "LL", "LN", "LS", "LU", "M", "ME", "MK", "ML", "N", "NE", "NG", "NN", "NP", "NR",
    "NW", "OL", "OX", "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH", "RM", "S", "SA", "SE", "SG",
    "SK", "SL", "SM", "SN", "SO", "SP", "SR", "SS", "ST", "SW", "SY", "TA", "TD", "TF", "TN", "TQ",
    "TR", "TS", "TW", "UB", "W", "WA", "WC", "WD", "WF", "WN", "WR", "WS", "WV", "YO", "ZE",
];

/// Notify's `normalise_postcode`: every kind of whitespace removed, upper case.
pub fn normalise_postcode(postcode: &str) -> String {
    postcode
        .chars()
        .filter(|c| {
            !crate::formatters::is_python_space(*c) && !crate::formatters::ZERO_WIDTH.contains(c)
        })
        .flat_map(char::to_uppercase)
        .collect()
}

/// The letters allowed in the last two places (the inward unit): not C, I, K, M, O or V.
fn is_unit_letter(c: char) -> bool {
    c.is_ascii_uppercase() && !"CIKMOV".contains(c)
}

/// Whether the rest after the area is `digit [digit|letter]? digit unit unit`.
fn is_district_and_unit(rest: &str) -> bool {
    let chars: Vec<char> = rest.chars().collect();
    let shape = |middle: &[char]| {
        middle.len() >= 4
            && middle[0].is_ascii_digit()
            && middle[middle.len() - 3].is_ascii_digit()
            && is_unit_letter(middle[middle.len() - 2])
            && is_unit_letter(middle[middle.len() - 1])
    };
    match chars.len() {
        4 => shape(&chars),
        5 => shape(&chars) && (chars[1].is_ascii_digit() || chars[1].is_ascii_uppercase()),
        _ => false,
    }
}

/// Notify's `_is_a_real_uk_postcode`: a known area followed by a well-formed district and unit.
pub fn is_real_uk_postcode(postcode: &str) -> bool {
    let normalised = normalise_postcode(postcode);
    UK_POSTCODE_AREAS.iter().any(|area| {
        normalised
            .strip_prefix(area)
            .is_some_and(is_district_and_unit)
    })
}

/// Notify's `format_postcode_for_printing`: normalised, one space before the last three
/// characters, as Royal Mail's sorting machines read it.
pub fn format_postcode_for_printing(postcode: &str) -> String {
    let normalised = normalise_postcode(postcode);
    let split = normalised
        .char_indices()
        .rev()
        .nth(2)
        .map_or(0, |(index, _)| index);
    format!("{} {}", &normalised[..split], &normalised[split..])
}

/// The printable postcode if it is a real UK postcode.
pub fn format_postcode_or_none(postcode: &str) -> Option<String> {
    is_real_uk_postcode(postcode).then(|| format_postcode_for_printing(postcode))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn real_postcodes_are_formatted_for_royal_mail() {
        assert_eq!(
            format_postcode_or_none("sw1a1aa").as_deref(),
            Some("SW1A 1AA")
        );
        assert_eq!(
            format_postcode_or_none(" BF2 0FR ").as_deref(),
            Some("BF2 0FR")
        );
        assert_eq!(format_postcode_or_none("NF1 1AA"), None);
        assert_eq!(format_postcode_or_none("SW1A 1AC"), None);
    }

    proptest! {
        #[test]
        fn never_panics(input in "\\PC{0,12}") {
            let _ = format_postcode_or_none(&input);
            let _ = format_postcode_for_printing(&input);
        }

        #[test]
        fn formatted_postcodes_are_real(input in "[A-Z]{1,2}[0-9][0-9A-Z]?[0-9][A-Z]{2}") {
            if let Some(formatted) = format_postcode_or_none(&input) {
                prop_assert!(is_real_uk_postcode(&formatted));
                prop_assert_eq!(formatted.matches(' ').count(), 1);
            }
        }
    }
}
