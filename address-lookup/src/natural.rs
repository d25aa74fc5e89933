//! Natural ordering of text, so "Flat 2" comes before "Flat 10".

use std::cmp::Ordering;

/// Compares two strings the way people read them: runs of digits by their value, everything
/// else case-insensitively, so `"Flat 2" < "Flat 10"` and `"2A" < "2B" < "10"`.
///
/// A total order: ties on value (`"02"` and `"2"`, `"a"` and `"A"`) are broken by the plain
/// byte order, so sorting is deterministic.
///
/// ```
/// use civic_address_lookup::natural_cmp;
/// let mut flats = vec!["Flat 10", "Flat 2", "flat 1"];
/// flats.sort_by(|a, b| natural_cmp(a, b));
/// assert_eq!(flats, ["flat 1", "Flat 2", "Flat 10"]);
/// ```
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (a.as_bytes(), b.as_bytes());
    loop {
        match (x.first(), y.first()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(p), Some(q)) if p.is_ascii_digit() && q.is_ascii_digit() => {
                let (m, rest_x) = split_digits(x);
                let (n, rest_y) = split_digits(y);
                let (m, n) = (trim_zeros(m), trim_zeros(n));
                // Longer (zero-trimmed) digit runs are bigger numbers; equal lengths compare
                // digit by digit. No parsing, so no overflow on long runs.
                let order = m.len().cmp(&n.len()).then_with(|| m.cmp(n));
                if order != Ordering::Equal {
                    return order;
                }
                (x, y) = (rest_x, rest_y);
            }
            (Some(p), Some(q)) => {
                let order = p.to_ascii_lowercase().cmp(&q.to_ascii_lowercase());
                if order != Ordering::Equal {
                    return order;
                }
                (x, y) = (&x[1..], &y[1..]);
            }
        }
    }
}

fn split_digits(s: &[u8]) -> (&[u8], &[u8]) {
    let n = s.iter().take_while(|b| b.is_ascii_digit()).count();
    s.split_at(n)
}

fn trim_zeros(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|&&b| b == b'0').count();
    &s[n..]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn numbers_sort_by_value() {
        let mut v = vec![
            "10 High Street",
            "2 High Street",
            "2A High Street",
            "1 High Street",
        ];
        v.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            v,
            [
                "1 High Street",
                "2 High Street",
                "2A High Street",
                "10 High Street"
            ]
        );
        assert_eq!(natural_cmp("Flat 2", "Flat 10"), Ordering::Less);
        assert_eq!(natural_cmp("flat 2", "Flat 2"), "flat 2".cmp("Flat 2"));
        assert_eq!(natural_cmp("", ""), Ordering::Equal);
        assert_eq!(
            natural_cmp("99999999999999999999999", "100000000000000000000000"),
            Ordering::Less
        );
    }

    proptest! {
        #[test]
        fn flats_sort_by_number(m in 0u64..100_000, n in 0u64..100_000) {
            let (a, b) = (format!("Flat {m}"), format!("Flat {n}"));
            prop_assert_eq!(natural_cmp(&a, &b), m.cmp(&n));
            let (a, b) = (format!("{m} High Street"), format!("{n} High Street"));
            prop_assert_eq!(natural_cmp(&a, &b), m.cmp(&n));
        }

        #[test]
        fn is_a_total_order(a in "[a-cA-C0-2 ]{0,6}", b in "[a-cA-C0-2 ]{0,6}", c in "[a-cA-C0-2 ]{0,6}") {
            prop_assert_eq!(natural_cmp(&a, &b), natural_cmp(&b, &a).reverse());
            prop_assert_eq!(natural_cmp(&a, &b) == Ordering::Equal, a == b);
            if natural_cmp(&a, &b) != Ordering::Greater && natural_cmp(&b, &c) != Ordering::Greater {
                prop_assert_ne!(natural_cmp(&a, &c), Ordering::Greater);
            }
        }

        #[test]
        fn never_panics(a in ".*", b in ".*") {
            let _ = natural_cmp(&a, &b);
        }
    }
}
