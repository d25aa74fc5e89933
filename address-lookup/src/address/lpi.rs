//! The BS 7666 view of an address, as a council's Local Land and Property Gazetteer holds it.

use std::fmt::Write;

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use super::label::push;

/// A BS 7666 addressable object (primary: the building; secondary: the flat or unit within it):
/// a number range with suffixes, and text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AddressableObject {
    /// First number of the range, such as `12` in `12A-14`.
    pub start_number: Option<u32>,
    /// Letter after the first number, such as `A` in `12A`.
    pub start_suffix: Option<char>,
    /// Last number of a range.
    pub end_number: Option<u32>,
    /// Letter after the last number.
    pub end_suffix: Option<char>,
    /// Text, such as `FLAT 2` or `THE MALTINGS`.
    pub text: CompactString,
}

impl AddressableObject {
    /// The number range as written: `12`, `12A`, `12-14`, `12A-12C`; empty without numbers.
    pub fn numbers(&self) -> String {
        self.view().numbers()
    }

    /// Text then numbers, as BS 7666 writes them: `FLAT 2`, `THE MALTINGS`, `12A`.
    pub fn label(&self) -> String {
        self.view().label()
    }

    /// Whether nothing is recorded.
    pub fn is_empty(&self) -> bool {
        self.view().is_empty()
    }

    /// The same fields borrowed.
    pub fn view(&self) -> AddressableObjectRef<'_> {
        AddressableObjectRef {
            start_number: self.start_number,
            start_suffix: self.start_suffix,
            end_number: self.end_number,
            end_suffix: self.end_suffix,
            text: &self.text,
        }
    }
}

/// An [`AddressableObject`] borrowed: its text as `&str`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AddressableObjectRef<'a> {
    /// First number of the range, such as `12` in `12A-14`.
    pub start_number: Option<u32>,
    /// Letter after the first number, such as `A` in `12A`.
    pub start_suffix: Option<char>,
    /// Last number of a range.
    pub end_number: Option<u32>,
    /// Letter after the last number.
    pub end_suffix: Option<char>,
    /// Text, such as `FLAT 2` or `THE MALTINGS`.
    pub text: &'a str,
}

impl AddressableObjectRef<'_> {
    /// The fields as an owned [`AddressableObject`].
    pub fn to_object(&self) -> AddressableObject {
        AddressableObject {
            start_number: self.start_number,
            start_suffix: self.start_suffix,
            end_number: self.end_number,
            end_suffix: self.end_suffix,
            text: self.text.into(),
        }
    }

    /// As [`AddressableObject::numbers`].
    pub fn numbers(&self) -> String {
        let mut s = String::new();
        if let Some(n) = self.start_number {
            let _ = write!(s, "{n}");
            s.extend(self.start_suffix);
            if self.end_number.is_some() || self.end_suffix.is_some() {
                s.push('-');
                if let Some(end) = self.end_number {
                    let _ = write!(s, "{end}");
                }
                s.extend(self.end_suffix);
            }
        }
        s
    }

    /// As [`AddressableObject::label`].
    pub fn label(&self) -> String {
        let numbers = self.numbers();
        match (self.text.is_empty(), numbers.is_empty()) {
            (false, false) => format!("{} {numbers}", self.text),
            (false, true) => self.text.to_owned(),
            (true, _) => numbers,
        }
    }

    /// As [`AddressableObject::is_empty`].
    pub fn is_empty(&self) -> bool {
        self.start_number.is_none() && self.text.is_empty()
    }
}

/// A Land and Property Identifier: the BS 7666 address of a property.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Lpi {
    /// Secondary addressable object: the flat or unit.
    pub sao: AddressableObject,
    /// Primary addressable object: the building.
    pub pao: AddressableObject,
    /// Street description.
    pub street: CompactString,
    /// Locality.
    pub locality: CompactString,
    /// Town.
    pub town: CompactString,
    /// Administrative area (the council's area).
    pub administrative_area: CompactString,
}

impl Lpi {
    /// The address lines, without the postcode: SAO, PAO text, PAO numbers with the street,
    /// locality, town.
    pub fn lines(&self) -> Vec<String> {
        self.view().lines()
    }

    /// The same fields borrowed.
    pub fn view(&self) -> LpiRef<'_> {
        LpiRef {
            sao: self.sao.view(),
            pao: self.pao.view(),
            street: &self.street,
            locality: &self.locality,
            town: &self.town,
            administrative_area: &self.administrative_area,
        }
    }
}

/// An [`Lpi`] borrowed: the same fields as `&str`, such as an index's addresses read in place
/// ([`crate::index::IndexedAddress::view`]) without allocating.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LpiRef<'a> {
    /// Secondary addressable object: the flat or unit.
    pub sao: AddressableObjectRef<'a>,
    /// Primary addressable object: the building.
    pub pao: AddressableObjectRef<'a>,
    /// Street description.
    pub street: &'a str,
    /// Locality.
    pub locality: &'a str,
    /// Town.
    pub town: &'a str,
    /// Administrative area (the council's area).
    pub administrative_area: &'a str,
}

impl LpiRef<'_> {
    /// The fields as an owned [`Lpi`].
    pub fn to_lpi(&self) -> Lpi {
        Lpi {
            sao: self.sao.to_object(),
            pao: self.pao.to_object(),
            street: self.street.into(),
            locality: self.locality.into(),
            town: self.town.into(),
            administrative_area: self.administrative_area.into(),
        }
    }

    /// As [`Lpi::lines`].
    pub fn lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        let pao_numbers = self.pao.numbers();
        let sao = self.sao.label();
        if self.pao.text.is_empty() && self.sao.text.is_empty() && !sao.is_empty() {
            // "2, 10 HIGH STREET" reads badly: a bare SAO number joins the building line.
            push(&mut lines, format!("{sao} {pao_numbers} {}", self.street));
        } else {
            push(&mut lines, sao);
            push(&mut lines, self.pao.text);
            push(&mut lines, format!("{pao_numbers} {}", self.street));
        }
        push(&mut lines, self.locality);
        if self.town != self.locality {
            push(&mut lines, self.town);
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_labels() {
        let o = AddressableObject {
            start_number: Some(12),
            start_suffix: Some('A'),
            end_number: Some(12),
            end_suffix: Some('C'),
            ..Default::default()
        };
        assert_eq!(o.numbers(), "12A-12C");
        let flat = AddressableObject {
            text: "FLAT".into(),
            start_number: Some(2),
            ..Default::default()
        };
        assert_eq!(flat.label(), "FLAT 2");
        let lpi = Lpi {
            sao: flat,
            pao: AddressableObject {
                text: "THE MALTINGS".into(),
                start_number: Some(10),
                ..Default::default()
            },
            street: "HIGH STREET".into(),
            locality: "HEADINGLEY".into(),
            town: "LEEDS".into(),
            ..Lpi::default()
        };
        assert_eq!(
            lpi.lines(),
            [
                "FLAT 2",
                "THE MALTINGS",
                "10 HIGH STREET",
                "HEADINGLEY",
                "LEEDS"
            ]
        );
    }
}
