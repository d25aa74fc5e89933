//! The compact in-memory form of an index's addresses: every distinct string once, in one
//! text arena, and each address a short run of variable-length integers pointing into it.
//!
//! Full [`Address`] values cost about 500 bytes each (seventeen `String`s and their heap
//! blocks); here a generated address takes about 50. Streets, towns, "FLAT 2" and building
//! names repeat across thousands of addresses, so interning them costs little, and a record
//! is only a bit set of the fields present followed by their values.

use std::collections::HashMap;

use crate::{
    Address, AddressRef, AddressableObjectRef, Coordinates, DpaRef, LpiRef, Postcode, Usrn,
};

/// Every distinct string, in one arena; string 0 is the empty string.
#[derive(Debug, Default)]
pub(crate) struct Strings {
    pub(crate) text: String,
    /// `starts[i]..starts[i + 1]` is string `i`'s byte range; one longer than the count.
    pub(crate) starts: Vec<u32>,
}

impl Strings {
    pub(crate) fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    pub(crate) fn get(&self, id: u32) -> &str {
        let i = id as usize;
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&start), Some(&end)) => self.text.get(start as usize..end as usize).unwrap_or(""),
            _ => "",
        }
    }

    /// Whether the offsets are in order, within the text and on character boundaries.
    pub(crate) fn is_consistent(&self) -> bool {
        self.starts.first() == Some(&0)
            && self.starts.windows(2).all(|w| w[0] <= w[1])
            && self
                .starts
                .iter()
                .all(|&s| self.text.is_char_boundary(s as usize))
            && self.starts.last().copied().unwrap_or(0) as usize == self.text.len()
    }
}

/// Builds a [`Strings`] table, handing out one id per distinct string.
#[derive(Debug)]
pub(crate) struct Interner {
    ids: HashMap<Box<str>, u32>,
    pub(crate) strings: Strings,
}

impl Interner {
    pub(crate) fn new() -> Interner {
        let mut ids = HashMap::new();
        ids.insert(Box::from(""), 0);
        Interner {
            ids,
            strings: Strings {
                text: String::new(),
                starts: vec![0, 0],
            },
        }
    }

    pub(crate) fn intern(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.strings.len() as u32;
        self.strings.text.push_str(s);
        self.strings.starts.push(self.strings.text.len() as u32);
        self.ids.insert(Box::from(s), id);
        id
    }
}

/// The numbered fields of a record ("slots"): each present or not, each a `u32` (a string
/// id, a number, a character or a USRN).
pub(crate) mod slot {
    pub(crate) const ORGANISATION: usize = 0;
    pub(crate) const DEPARTMENT: usize = 1;
    pub(crate) const PO_BOX: usize = 2;
    pub(crate) const SUB_BUILDING_NAME: usize = 3;
    pub(crate) const BUILDING_NAME: usize = 4;
    pub(crate) const DEPENDENT_THOROUGHFARE: usize = 5;
    pub(crate) const THOROUGHFARE: usize = 6;
    pub(crate) const DOUBLE_DEPENDENT_LOCALITY: usize = 7;
    pub(crate) const DEPENDENT_LOCALITY: usize = 8;
    pub(crate) const POST_TOWN: usize = 9;
    pub(crate) const BUILDING_NUMBER: usize = 10;
    /// The secondary addressable object's five slots start here, the primary's at `PAO`:
    /// start number, start suffix, end number, end suffix, text.
    pub(crate) const SAO: usize = 11;
    pub(crate) const PAO: usize = 16;
    pub(crate) const START: usize = 0;
    pub(crate) const START_SUFFIX: usize = 1;
    pub(crate) const END: usize = 2;
    pub(crate) const END_SUFFIX: usize = 3;
    pub(crate) const TEXT: usize = 4;
    pub(crate) const STREET: usize = 21;
    pub(crate) const LOCALITY: usize = 22;
    pub(crate) const TOWN: usize = 23;
    pub(crate) const ADMINISTRATIVE_AREA: usize = 24;
    pub(crate) const USRN: usize = 25;
    pub(crate) const CLASSIFICATION: usize = 26;
    pub(crate) const COUNT: usize = 27;
    /// The slots holding string ids.
    pub(crate) const STRINGS: [usize; 16] = [
        ORGANISATION,
        DEPARTMENT,
        PO_BOX,
        SUB_BUILDING_NAME,
        BUILDING_NAME,
        DEPENDENT_THOROUGHFARE,
        THOROUGHFARE,
        DOUBLE_DEPENDENT_LOCALITY,
        DEPENDENT_LOCALITY,
        POST_TOWN,
        SAO + TEXT,
        PAO + TEXT,
        STREET,
        LOCALITY,
        TOWN,
        ADMINISTRATIVE_AREA,
    ];
    /// The slots holding characters.
    pub(crate) const CHARS: [usize; 4] = [
        SAO + START_SUFFIX,
        SAO + END_SUFFIX,
        PAO + START_SUFFIX,
        PAO + END_SUFFIX,
    ];
}

const HAS_DPA: u64 = 1;
const HAS_LPI: u64 = 1 << 1;
const HAS_COORDINATES: u64 = 1 << 2;
/// Coordinates stored as whole centimetres (exactly: only when that round-trips bit for bit).
const CENTIMETRES: u64 = 1 << 3;
const FIRST_SLOT_BIT: usize = 4;

/// One address as ids and numbers, without its postcode (the index holds that by position).
#[derive(Debug, Clone, Default)]
pub(crate) struct Fields {
    pub(crate) uprn: u64,
    pub(crate) dpa: bool,
    pub(crate) lpi: bool,
    pub(crate) slots: [Option<u32>; slot::COUNT],
    pub(crate) coordinates: Option<Coordinates>,
}

impl Fields {
    /// The fields of `address`, interning its strings. Empty DPA and LPI strings are absent
    /// (the model's "empty means absent"); a classification is kept even when empty.
    pub(crate) fn of(address: &Address, interner: &mut Interner) -> Fields {
        let mut f = Fields {
            uprn: address.uprn.get(),
            dpa: address.dpa.is_some(),
            lpi: address.lpi.is_some(),
            coordinates: address.coordinates,
            ..Fields::default()
        };
        let mut text = |slot: usize, s: &str, f: &mut Fields| {
            if !s.is_empty() {
                f.slots[slot] = Some(interner.intern(s));
            }
        };
        if let Some(d) = &address.dpa {
            text(slot::ORGANISATION, &d.organisation_name, &mut f);
            text(slot::DEPARTMENT, &d.department_name, &mut f);
            text(slot::PO_BOX, &d.po_box_number, &mut f);
            text(slot::SUB_BUILDING_NAME, &d.sub_building_name, &mut f);
            text(slot::BUILDING_NAME, &d.building_name, &mut f);
            text(
                slot::DEPENDENT_THOROUGHFARE,
                &d.dependent_thoroughfare,
                &mut f,
            );
            text(slot::THOROUGHFARE, &d.thoroughfare, &mut f);
            text(
                slot::DOUBLE_DEPENDENT_LOCALITY,
                &d.double_dependent_locality,
                &mut f,
            );
            text(slot::DEPENDENT_LOCALITY, &d.dependent_locality, &mut f);
            text(slot::POST_TOWN, &d.post_town, &mut f);
            f.slots[slot::BUILDING_NUMBER] = d.building_number;
        }
        if let Some(l) = &address.lpi {
            for (base, object) in [(slot::SAO, &l.sao), (slot::PAO, &l.pao)] {
                f.slots[base + slot::START] = object.start_number;
                f.slots[base + slot::START_SUFFIX] = object.start_suffix.map(u32::from);
                f.slots[base + slot::END] = object.end_number;
                f.slots[base + slot::END_SUFFIX] = object.end_suffix.map(u32::from);
                text(base + slot::TEXT, &object.text, &mut f);
            }
            text(slot::STREET, &l.street, &mut f);
            text(slot::LOCALITY, &l.locality, &mut f);
            text(slot::TOWN, &l.town, &mut f);
            text(slot::ADMINISTRATIVE_AREA, &l.administrative_area, &mut f);
        }
        f.slots[slot::USRN] = address.usrn.map(|u| u.0);
        if let Some(c) = &address.classification {
            f.slots[slot::CLASSIFICATION] = Some(interner.intern(&c.0));
        }
        f
    }

    /// The string in a string slot, empty when absent.
    pub(crate) fn text<'s>(&self, slot: usize, strings: &'s Strings) -> &'s str {
        self.slots[slot].map_or("", |id| strings.get(id))
    }

    fn char(&self, slot: usize) -> Option<char> {
        self.slots[slot].and_then(char::from_u32)
    }

    fn object<'s>(&self, base: usize, strings: &'s Strings) -> AddressableObjectRef<'s> {
        AddressableObjectRef {
            start_number: self.slots[base + slot::START],
            start_suffix: self.char(base + slot::START_SUFFIX),
            end_number: self.slots[base + slot::END],
            end_suffix: self.char(base + slot::END_SUFFIX),
            text: self.text(base + slot::TEXT, strings),
        }
    }

    /// The address these fields were made from, borrowing its text from `strings`.
    pub(crate) fn view<'s>(
        &self,
        strings: &'s Strings,
        postcode: Option<Postcode>,
    ) -> Option<AddressRef<'s>> {
        let text = |slot| self.text(slot, strings);
        Some(AddressRef {
            uprn: crate::Uprn::new(self.uprn)?,
            usrn: self.slots[slot::USRN].map(Usrn),
            dpa: self.dpa.then(|| DpaRef {
                organisation_name: text(slot::ORGANISATION),
                department_name: text(slot::DEPARTMENT),
                po_box_number: text(slot::PO_BOX),
                sub_building_name: text(slot::SUB_BUILDING_NAME),
                building_name: text(slot::BUILDING_NAME),
                building_number: self.slots[slot::BUILDING_NUMBER],
                dependent_thoroughfare: text(slot::DEPENDENT_THOROUGHFARE),
                thoroughfare: text(slot::THOROUGHFARE),
                double_dependent_locality: text(slot::DOUBLE_DEPENDENT_LOCALITY),
                dependent_locality: text(slot::DEPENDENT_LOCALITY),
                post_town: text(slot::POST_TOWN),
            }),
            lpi: self.lpi.then(|| LpiRef {
                sao: self.object(slot::SAO, strings),
                pao: self.object(slot::PAO, strings),
                street: text(slot::STREET),
                locality: text(slot::LOCALITY),
                town: text(slot::TOWN),
                administrative_area: text(slot::ADMINISTRATIVE_AREA),
            }),
            postcode,
            classification: self.slots[slot::CLASSIFICATION].map(|id| strings.get(id)),
            coordinates: self.coordinates,
        })
    }

    /// Appends the record: flags, UPRN, the present slots, then the coordinates.
    pub(crate) fn encode(&self, out: &mut Vec<u8>) {
        let mut flags = 0u64;
        if self.dpa {
            flags |= HAS_DPA;
        }
        if self.lpi {
            flags |= HAS_LPI;
        }
        let centimetres = self
            .coordinates
            .and_then(|c| Some((centimetres(c.easting)?, centimetres(c.northing)?)));
        if self.coordinates.is_some() {
            flags |= HAS_COORDINATES;
        }
        if centimetres.is_some() {
            flags |= CENTIMETRES;
        }
        for (i, value) in self.slots.iter().enumerate() {
            if value.is_some() {
                flags |= 1 << (FIRST_SLOT_BIT + i);
            }
        }
        put(out, flags);
        put(out, self.uprn);
        for value in self.slots.iter().flatten() {
            put(out, u64::from(*value));
        }
        match (centimetres, self.coordinates) {
            (Some((e, n)), _) => {
                put(out, zigzag(e));
                put(out, zigzag(n));
            }
            (None, Some(c)) => {
                out.extend_from_slice(&c.easting.to_le_bytes());
                out.extend_from_slice(&c.northing.to_le_bytes());
            }
            (None, None) => {}
        }
    }

    /// Reads a record written by [`Fields::encode`]; `None` if it is cut short or malformed.
    pub(crate) fn decode(mut bytes: &[u8]) -> Option<Fields> {
        let flags = take(&mut bytes)?;
        let mut f = Fields {
            uprn: take(&mut bytes)?,
            dpa: flags & HAS_DPA != 0,
            lpi: flags & HAS_LPI != 0,
            ..Fields::default()
        };
        for i in 0..slot::COUNT {
            if flags & (1 << (FIRST_SLOT_BIT + i)) != 0 {
                f.slots[i] = Some(u32::try_from(take(&mut bytes)?).ok()?);
            }
        }
        if flags & HAS_COORDINATES != 0 {
            f.coordinates = Some(if flags & CENTIMETRES != 0 {
                Coordinates {
                    easting: unzigzag(take(&mut bytes)?) as f64 / 100.0,
                    northing: unzigzag(take(&mut bytes)?) as f64 / 100.0,
                }
            } else {
                let (e, rest) = bytes.split_first_chunk::<8>()?;
                let (n, _) = rest.split_first_chunk::<8>()?;
                Coordinates {
                    easting: f64::from_le_bytes(*e),
                    northing: f64::from_le_bytes(*n),
                }
            });
        }
        Some(f)
    }

    /// Just the UPRN, without reading the rest.
    pub(crate) fn decode_uprn(mut bytes: &[u8]) -> Option<u64> {
        take(&mut bytes)?;
        take(&mut bytes)
    }

    /// Whether every string id is in `strings` and every character slot a character.
    pub(crate) fn is_consistent(&self, strings: &Strings) -> bool {
        slot::STRINGS
            .iter()
            .chain([slot::CLASSIFICATION].iter())
            .all(|&s| self.slots[s].is_none_or(|id| (id as usize) < strings.len()))
            && slot::CHARS
                .iter()
                .all(|&s| self.slots[s].is_none_or(|c| char::from_u32(c).is_some()))
    }
}

/// `x` in whole centimetres, when that is exact (generated and surveyed coordinates are).
fn centimetres(x: f64) -> Option<i64> {
    let c = (x * 100.0).round();
    // Checked on the value decoding gives back, so -0.0, NaN and the like stay raw.
    (c.abs() < 9.0e15 && ((c as i64) as f64 / 100.0).to_bits() == x.to_bits()).then_some(c as i64)
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

/// LEB128: seven bits a byte, low first.
fn put(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn take(bytes: &mut &[u8]) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let (&b, rest) = bytes.split_first()?;
        *bytes = rest;
        v |= u64::from(b & 0x7F) << shift;
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate;
    use proptest::prelude::*;

    #[test]
    fn generated_addresses_round_trip() {
        let mut interner = Interner::new();
        for address in generate::sample_gazetteer(2_000, 9) {
            let mut bytes = Vec::new();
            Fields::of(&address, &mut interner).encode(&mut bytes);
            let back = Fields::decode(&bytes).unwrap();
            assert!(back.is_consistent(&interner.strings));
            let back = back.view(&interner.strings, address.postcode).unwrap();
            assert_eq!(back.to_address(), address);
            assert_eq!(back, address.view());
        }
        assert!(interner.strings.is_consistent());
    }

    proptest! {
        #[test]
        fn varints_and_coordinates_round_trip(v in any::<u64>(), e in any::<f64>(), n in -1.0e7f64..1.0e7) {
            let mut out = Vec::new();
            put(&mut out, v);
            prop_assert_eq!(take(&mut out.as_slice()), Some(v));
            let mut interner = Interner::new();
            let address = Address {
                coordinates: Some(Coordinates { easting: e, northing: (n * 100.0).round() / 100.0 }),
                ..Address::new(crate::Uprn::new(1).unwrap())
            };
            let mut bytes = Vec::new();
            Fields::of(&address, &mut interner).encode(&mut bytes);
            let back = Fields::decode(&bytes).unwrap().coordinates.unwrap();
            prop_assert_eq!(back.easting.to_bits(), e.to_bits());
            prop_assert_eq!(back.northing.to_bits(), address.coordinates.unwrap().northing.to_bits());
        }

        #[test]
        fn any_bytes_decode_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            let _ = Fields::decode(&bytes);
        }
    }
}
