//! The address model: BS 7666 (the council's Land and Property Gazetteer view, [`Lpi`]) beside
//! Royal Mail's Postcode Address File view ([`Dpa`]), as AddressBase and OS Places give them.

mod dpa;
mod label;
mod lpi;

use std::cmp::Ordering;
use std::fmt;

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

pub use dpa::{Dpa, DpaRef};
pub use lpi::{AddressableObject, AddressableObjectRef, Lpi, LpiRef};

use crate::Postcode;
use crate::natural::natural_cmp;

/// Unique Property Reference Number: the one identifier every addressable thing in Great
/// Britain has for life, up to 12 digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u64", into = "u64")]
pub struct Uprn(u64);

impl Uprn {
    /// The largest UPRN: 12 digits.
    pub const MAX: u64 = 999_999_999_999;
    /// The smallest UPRN, standing in where a validated index cannot answer (never seen).
    pub(crate) const MIN: Uprn = Uprn(1);

    /// A UPRN, if `value` is between 1 and 999,999,999,999.
    pub fn new(value: u64) -> Option<Uprn> {
        (1..=Self::MAX).contains(&value).then_some(Uprn(value))
    }

    /// The number.
    pub fn get(self) -> u64 {
        self.0
    }
}

impl TryFrom<u64> for Uprn {
    type Error = String;
    fn try_from(value: u64) -> Result<Self, Self::Error> {
        Uprn::new(value).ok_or_else(|| format!("{value} is not a UPRN (1 to 12 digits)"))
    }
}

impl From<Uprn> for u64 {
    fn from(uprn: Uprn) -> u64 {
        uprn.0
    }
}

impl fmt::Display for Uprn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::str::FromStr for Uprn {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let value: u64 = s
            .trim()
            .parse()
            .map_err(|_| format!("{s:?} is not a UPRN (1 to 12 digits)"))?;
        Uprn::try_from(value)
    }
}

/// Unique Street Reference Number, the street's identifier in the National Street Gazetteer
/// (up to 8 digits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Usrn(pub u32);

/// An AddressBase classification code such as `RD04` (terraced house) or `CO01` (office).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Classification(pub CompactString);

impl Classification {
    /// Residential: codes starting `R` (dwellings, including the `RD` family).
    pub fn is_residential(&self) -> bool {
        self.0.starts_with('R')
    }

    /// Commercial: codes starting `C`.
    pub fn is_commercial(&self) -> bool {
        self.0.starts_with('C')
    }
}

/// A position on the British National Grid, in metres.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Coordinates {
    /// Metres east of the grid's origin.
    pub easting: f64,
    /// Metres north of the grid's origin.
    pub northing: f64,
}

/// One addressable property: its identifiers, its gazetteer (LPI) and postal (DPA) views, its
/// postcode, classification and position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Address {
    /// The property's UPRN.
    pub uprn: Uprn,
    /// The street's USRN, where known.
    pub usrn: Option<Usrn>,
    /// The BS 7666 view from the council's gazetteer, where there is one.
    pub lpi: Option<Lpi>,
    /// The Royal Mail view, for properties that receive post.
    pub dpa: Option<Dpa>,
    /// The postcode; `None` for the few properties without one (a field, a substation).
    pub postcode: Option<Postcode>,
    /// The AddressBase classification, where known.
    pub classification: Option<Classification>,
    /// Where the property is, where known.
    pub coordinates: Option<Coordinates>,
}

impl Address {
    /// The address as lines for an envelope or a page: the Royal Mail view where there is
    /// one (it is the postal address), otherwise the gazetteer view; the postcode last.
    ///
    /// ```
    /// use civic_address_lookup::{Address, Dpa, Postcode, Uprn};
    ///
    /// let address = Address {
    ///     dpa: Some(Dpa {
    ///         sub_building_name: "FLAT 2".into(),
    ///         building_name: "THE MALTINGS".into(),
    ///         building_number: Some(10),
    ///         thoroughfare: "HIGH STREET".into(),
    ///         post_town: "LEEDS".into(),
    ///         ..Dpa::default()
    ///     }),
    ///     postcode: Some(Postcode::parse("LS1 4AP").unwrap()),
    ///     ..Address::new(Uprn::new(1).unwrap())
    /// };
    /// assert_eq!(
    ///     address.lines(),
    ///     ["FLAT 2", "THE MALTINGS", "10 HIGH STREET", "LEEDS", "LS1 4AP"]
    /// );
    /// assert_eq!(address.single_line(), "FLAT 2, THE MALTINGS, 10 HIGH STREET, LEEDS, LS1 4AP");
    /// ```
    pub fn lines(&self) -> Vec<String> {
        self.view().lines()
    }

    /// The lines joined with commas, for a list of addresses to pick from.
    pub fn single_line(&self) -> String {
        self.lines().join(", ")
    }

    /// The same fields borrowed.
    pub fn view(&self) -> AddressRef<'_> {
        AddressRef {
            uprn: self.uprn,
            usrn: self.usrn,
            lpi: self.lpi.as_ref().map(Lpi::view),
            dpa: self.dpa.as_ref().map(Dpa::view),
            postcode: self.postcode,
            classification: self.classification.as_ref().map(|c| c.0.as_str()),
            coordinates: self.coordinates,
        }
    }

    /// An address with only its UPRN, to fill in field by field.
    pub fn new(uprn: Uprn) -> Address {
        Address {
            uprn,
            usrn: None,
            lpi: None,
            dpa: None,
            postcode: None,
            classification: None,
            coordinates: None,
        }
    }

    /// The order people expect in a list: by street, then building number ("2 High Street"
    /// before "10 High Street"), building name, then flat ("Flat 2" before "Flat 10").
    pub fn natural_cmp(&self, other: &Address) -> Ordering {
        let a = self.sort_key();
        let b = other.sort_key();
        natural_cmp(a.street, b.street)
            .then_with(|| a.number.cmp(&b.number))
            .then_with(|| a.suffix.cmp(&b.suffix))
            .then_with(|| natural_cmp(a.building, b.building))
            .then_with(|| natural_cmp(a.sub_building, b.sub_building))
            .then_with(|| a.sub_number.cmp(&b.sub_number))
            .then_with(|| self.uprn.cmp(&other.uprn))
    }

    /// Borrowed fields only: sorting a million addresses must not allocate per comparison.
    fn sort_key(&self) -> SortKey<'_> {
        if let Some(lpi) = &self.lpi {
            SortKey {
                street: &lpi.street,
                number: lpi.pao.start_number,
                suffix: lpi.pao.start_suffix,
                building: &lpi.pao.text,
                sub_building: &lpi.sao.text,
                sub_number: lpi.sao.start_number,
            }
        } else if let Some(dpa) = &self.dpa {
            let street = if dpa.dependent_thoroughfare.is_empty() {
                &dpa.thoroughfare
            } else {
                &dpa.dependent_thoroughfare
            };
            SortKey {
                street,
                number: dpa.building_number,
                suffix: None,
                building: &dpa.building_name,
                sub_building: &dpa.sub_building_name,
                sub_number: None,
            }
        } else {
            SortKey {
                street: "",
                number: None,
                suffix: None,
                building: "",
                sub_building: "",
                sub_number: None,
            }
        }
    }
}

/// An [`Address`] borrowed: the same fields with text as `&str`. An index's addresses are
/// read this way in place ([`crate::index::IndexedAddress::view`]) without allocating;
/// [`AddressRef::to_address`] makes the owned value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AddressRef<'a> {
    /// The property's UPRN.
    pub uprn: Uprn,
    /// The street's USRN, where known.
    pub usrn: Option<Usrn>,
    /// The BS 7666 view from the council's gazetteer, where there is one.
    pub lpi: Option<LpiRef<'a>>,
    /// The Royal Mail view, for properties that receive post.
    pub dpa: Option<DpaRef<'a>>,
    /// The postcode, if it has one.
    pub postcode: Option<Postcode>,
    /// The AddressBase classification code, where known.
    pub classification: Option<&'a str>,
    /// Where the property is, where known.
    pub coordinates: Option<Coordinates>,
}

impl AddressRef<'_> {
    /// The fields as an owned [`Address`].
    pub fn to_address(&self) -> Address {
        Address {
            uprn: self.uprn,
            usrn: self.usrn,
            lpi: self.lpi.as_ref().map(LpiRef::to_lpi),
            dpa: self.dpa.as_ref().map(DpaRef::to_dpa),
            postcode: self.postcode,
            classification: self.classification.map(|c| Classification(c.into())),
            coordinates: self.coordinates,
        }
    }

    /// As [`Address::lines`].
    pub fn lines(&self) -> Vec<String> {
        let mut lines = match (&self.dpa, &self.lpi) {
            (Some(dpa), _) => dpa.lines(),
            (None, Some(lpi)) => lpi.lines(),
            (None, None) => Vec::new(),
        };
        if let Some(postcode) = self.postcode {
            lines.push(postcode.to_string());
        }
        lines
    }

    /// As [`Address::single_line`].
    pub fn single_line(&self) -> String {
        self.lines().join(", ")
    }
}

struct SortKey<'a> {
    street: &'a str,
    number: Option<u32>,
    suffix: Option<char>,
    building: &'a str,
    sub_building: &'a str,
    sub_number: Option<u32>,
}

/// Sorts addresses in place by [`Address::natural_cmp`].
pub fn sort_naturally(addresses: &mut [Address]) {
    addresses.sort_by(Address::natural_cmp);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn flat(uprn: u64, flat: u32, number: u32) -> Address {
        Address {
            dpa: Some(Dpa {
                sub_building_name: format!("FLAT {flat}").into(),
                building_number: Some(number),
                thoroughfare: "HIGH STREET".into(),
                post_town: "LEEDS".into(),
                ..Dpa::default()
            }),
            ..Address::new(Uprn::new(uprn).unwrap())
        }
    }

    #[test]
    fn uprns_are_one_to_twelve_digits() {
        assert!(Uprn::new(0).is_none());
        assert!(Uprn::new(1_000_000_000_000).is_none());
        assert_eq!(
            "100023336956".parse::<Uprn>().unwrap().get(),
            100_023_336_956
        );
        assert!("12x".parse::<Uprn>().is_err());
        assert!(serde_json::from_str::<Uprn>("0").is_err());
    }

    #[test]
    fn buildings_then_flats_sort_by_number() {
        let mut list = vec![
            flat(1, 10, 2),
            flat(2, 2, 10),
            flat(3, 2, 2),
            flat(4, 1, 10),
        ];
        sort_naturally(&mut list);
        let labels: Vec<String> = list.iter().map(|a| a.single_line()).collect();
        assert_eq!(
            labels,
            [
                "FLAT 2, 2 HIGH STREET, LEEDS",
                "FLAT 10, 2 HIGH STREET, LEEDS",
                "FLAT 1, 10 HIGH STREET, LEEDS",
                "FLAT 2, 10 HIGH STREET, LEEDS",
            ]
        );
    }

    proptest! {
        #[test]
        fn natural_sort_orders_numbers_by_value(
            mut cases in proptest::collection::vec((1u32..300, 1u32..300), 1..30)
        ) {
            let mut list: Vec<Address> = cases
                .iter()
                .enumerate()
                .map(|(i, &(f, n))| flat(i as u64 + 1, f, n))
                .collect();
            sort_naturally(&mut list);
            cases.sort_by_key(|&(f, n)| (n, f));
            let got: Vec<(u32, u32)> = list
                .iter()
                .map(|a| {
                    let dpa = a.dpa.as_ref().unwrap();
                    let f = dpa.sub_building_name[5..].parse().unwrap();
                    (f, dpa.building_number.unwrap())
                })
                .map(|(f, n)| (n, f))
                .collect();
            let want: Vec<(u32, u32)> = cases.iter().map(|&(f, n)| (n, f)).collect();
            prop_assert_eq!(got, want);
        }
    }
}
