//! A deterministic sample gazetteer for a fictional council, for demos, tests and benchmarks.
//!
//! Everything is invented and marked so: the town is "Sampleton", UPRNs come from
//! [`SAMPLE_UPRN_START`] upwards (the top of the 12-digit range, far above any UPRN issued
//! today), USRNs from [`SAMPLE_USRN_START`], and postcodes are in the `ZY` area, which passes
//! every validation rule but is not allocated (no live postcode starts with `ZY`; a test checks
//! this against the ONS list). Indexes built from it carry [`IndexInfo::sample_data`].
//!
//! The gazetteer has streets of numbered houses, named houses, blocks of flats, new builds
//! (in the council's gazetteer but not yet in Royal Mail's file: an LPI and no DPA) and a few
//! shops, surgeries and offices.

use std::collections::VecDeque;

use crate::index::IndexInfo;
use crate::{
    Address, AddressableObject, Classification, Coordinates, Dpa, Lpi, Postcode, Uprn, Usrn,
};

/// The first UPRN the generator uses.
pub const SAMPLE_UPRN_START: u64 = 999_000_000_001;
/// The first USRN the generator uses.
pub const SAMPLE_USRN_START: u32 = 99_000_001;
/// The postcode area of generated addresses: valid, but not allocated.
pub const SAMPLE_POSTCODE_AREA: &str = "ZY";

const TOWN: &str = "SAMPLETON";
const LOCALITIES: &[&str] = &[
    "NORTHGATE",
    "EASTFIELD",
    "SOUTHWOOD",
    "WESTBROOK",
    "OLD TOWN",
    "HIGHCROFT",
    "LOWMOOR",
    "ASHBY GREEN",
];
const STREET_NAMES: &[&str] = &[
    "ACORN", "BIRCH", "CEDAR", "DAISY", "ELM", "FERN", "HAZEL", "IVY", "JUNIPER", "LARCH",
    "MEADOW", "OAK", "POPLAR", "ROWAN", "SORREL", "TANSY", "WILLOW", "YEW", "KESTREL", "HERON",
    "MILL", "CHURCH", "STATION", "VICTORIA", "ALBERT", "QUEENS", "KINGS", "PRIORY", "ABBEY",
    "CASTLE", "BRIDGE", "MARKET", "ORCHARD", "FOUNTAIN", "LAVENDER", "PRIMROSE", "BLUEBELL",
    "FOXGLOVE", "HAWTHORN", "BRAMBLE", "CHESTNUT", "SYCAMORE", "LINDEN", "ASPEN", "MAPLE", "HOLLY",
    "LAUREL", "WREN", "ROBIN", "SWALLOW", "LAPWING", "CURLEW", "BADGER", "OTTER", "BEACON",
    "FORGE", "TANNERY", "WHARF", "QUARRY", "GRANARY",
];
const STREET_TYPES: &[&str] = &[
    "STREET", "ROAD", "LANE", "AVENUE", "CLOSE", "DRIVE", "GROVE", "CRESCENT", "TERRACE", "WAY",
    "GARDENS", "PLACE", "MEWS", "RISE", "WALK",
];
const HOUSE_NAMES: &[&str] = &[
    "ROSE COTTAGE",
    "THE OLD SCHOOL",
    "IVY HOUSE",
    "THE LODGE",
    "APPLE TREE COTTAGE",
    "THE BARN",
    "WILLOW HOUSE",
    "THE COACH HOUSE",
    "MEADOW VIEW",
    "THE OLD FORGE",
];
const BLOCK_NAMES: &[&str] = &["COURT", "HOUSE", "MILL", "LODGE", "POINT", "HEIGHTS"];
const BUSINESSES: &[(&str, &str)] = &[
    ("SAMPLETON SURGERY", "CM02"),
    ("THE CORNER SHOP", "CR01"),
    ("SAMPLETON COMMUNITY CENTRE", "CC02"),
    ("BRIGHT SPARKS NURSERY", "CE01"),
    ("SAMPLE & SONS BUILDERS", "CO01"),
    ("THE RED LION", "CR06"),
];
/// Letters allowed in a postcode unit.
const UNIT_LETTERS: &[u8] = b"ABDEFGHJLNPQRSTUWXYZ";
/// Addresses sharing one postcode, as in a typical street.
const PER_POSTCODE: usize = 12;

/// Index info for a generated gazetteer: marked as sample data.
pub fn info() -> IndexInfo {
    IndexInfo::new(
        "civic sample gazetteer for the fictional Sampleton council",
        true,
    )
}

/// `count` invented addresses, the same for the same `seed` on every machine and version.
pub fn sample_gazetteer(count: usize, seed: u64) -> Vec<Address> {
    sample_addresses(count, seed).collect()
}

/// The addresses of [`sample_gazetteer`], made one street at a time: for gazetteers too big
/// to hold as [`Address`] values (the 30-million-address benchmark).
pub fn sample_addresses(count: usize, seed: u64) -> impl Iterator<Item = Address> {
    let mut generator = Generator {
        rng: SplitMix64(seed),
        out: VecDeque::new(),
        made: 0,
        count,
        postcode_number: 0,
        in_postcode: 0,
        postcode: sample_postcode(0),
    };
    let mut street = 0usize;
    std::iter::from_fn(move || {
        while generator.out.is_empty() && generator.made < generator.count {
            generator.street(street);
            street += 1;
        }
        generator.out.pop_front()
    })
}

/// The `n`th postcode of the sample area: `ZY1 0AA`, `ZY1 0AB`, … (400 to a sector, 4,000 to
/// a district, districts 1 to 99, then around again).
pub fn sample_postcode(n: usize) -> Postcode {
    let letters = UNIT_LETTERS.len();
    let unit = n % (letters * letters);
    let sector = (n / (letters * letters)) % 10;
    let district = (n / (letters * letters * 10)) % 99 + 1;
    let text = format!(
        "{SAMPLE_POSTCODE_AREA}{district} {sector}{}{}",
        char::from(UNIT_LETTERS[unit / letters]),
        char::from(UNIT_LETTERS[unit % letters])
    );
    // Every input built above follows the rules: ZY, a district, a digit, two unit letters.
    Postcode::parse(&text).unwrap_or_else(|_| unreachable!("{text} is a valid postcode"))
}

/// SplitMix64: a tiny generator whose output is fixed by its definition, so the sample data
/// never changes when a dependency is upgraded (rand's StdRng makes no such promise).
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

struct Generator {
    rng: SplitMix64,
    /// Made but not yet taken.
    out: VecDeque<Address>,
    /// Addresses made so far.
    made: usize,
    count: usize,
    postcode_number: usize,
    in_postcode: usize,
    postcode: Postcode,
}

struct Street {
    usrn: Usrn,
    name: String,
    locality: &'static str,
    new_build: bool,
}

impl Generator {
    fn street(&mut self, index: usize) {
        let names = STREET_NAMES.len() * STREET_TYPES.len();
        let combination = (index * 7919) % names;
        let locality = LOCALITIES[(index / names + index) % LOCALITIES.len()];
        let street = Street {
            usrn: Usrn(SAMPLE_USRN_START + index as u32),
            name: format!(
                "{} {}",
                STREET_NAMES[combination % STREET_NAMES.len()],
                STREET_TYPES[combination / STREET_NAMES.len()]
            ),
            locality,
            new_build: self.rng.chance(8),
        };
        // Each street starts a new postcode, as streets do.
        self.next_postcode();
        let houses = 6 + self.rng.below(50);
        for number in 1..=houses as u32 {
            if self.made >= self.count {
                return;
            }
            if !street.new_build && self.rng.chance(5) {
                self.block_of_flats(&street, number);
            } else if !street.new_build && self.rng.chance(3) {
                let (name, class) = BUSINESSES[self.rng.below(BUSINESSES.len())];
                self.push(
                    &street,
                    number,
                    AddressableObject::default(),
                    "",
                    name,
                    class,
                );
            } else {
                let name = if self.rng.chance(8) {
                    HOUSE_NAMES[self.rng.below(HOUSE_NAMES.len())]
                } else {
                    ""
                };
                let class = ["RD02", "RD03", "RD04"][self.rng.below(3)];
                self.push(
                    &street,
                    number,
                    AddressableObject::default(),
                    name,
                    "",
                    class,
                );
            }
        }
    }

    fn block_of_flats(&mut self, street: &Street, number: u32) {
        let first = street.name.split(' ').next().unwrap_or_default();
        let block = format!("{first} {}", BLOCK_NAMES[self.rng.below(BLOCK_NAMES.len())]);
        let flats = 4 + self.rng.below(21) as u32;
        for flat in 1..=flats {
            if self.made >= self.count {
                return;
            }
            let sao = AddressableObject {
                text: "FLAT".into(),
                start_number: Some(flat),
                ..AddressableObject::default()
            };
            self.push(street, number, sao, &block, "", "RD06");
        }
    }

    fn next_postcode(&mut self) {
        self.postcode = sample_postcode(self.postcode_number);
        self.postcode_number += 1;
        self.in_postcode = 0;
    }

    fn push(
        &mut self,
        street: &Street,
        number: u32,
        sao: AddressableObject,
        building_name: &str,
        organisation: &str,
        class: &str,
    ) {
        if self.in_postcode == PER_POSTCODE {
            self.next_postcode();
        }
        self.in_postcode += 1;
        let uprn_value = SAMPLE_UPRN_START + self.made as u64;
        let Some(uprn) = Uprn::new(uprn_value) else {
            return;
        };
        let lpi = Lpi {
            sao: sao.clone(),
            pao: AddressableObject {
                start_number: Some(number),
                text: building_name.into(),
                ..AddressableObject::default()
            },
            street: street.name.as_str().into(),
            locality: street.locality.into(),
            town: TOWN.into(),
            administrative_area: "SAMPLETON".into(),
        };
        let dpa = (!street.new_build).then(|| Dpa {
            organisation_name: organisation.into(),
            sub_building_name: sao.label().into(),
            building_name: building_name.into(),
            building_number: Some(number),
            thoroughfare: street.name.as_str().into(),
            dependent_locality: street.locality.into(),
            post_town: TOWN.into(),
            ..Dpa::default()
        });
        let spread = (self.made % 5_000) as f64;
        self.made += 1;
        self.out.push_back(Address {
            uprn,
            usrn: Some(street.usrn),
            lpi: Some(lpi),
            dpa,
            postcode: Some(self.postcode),
            classification: Some(Classification(class.into())),
            coordinates: Some(Coordinates {
                easting: 450_000.0 + spread,
                northing: 350_000.0 + (uprn_value % 3_000) as f64,
            }),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_deterministic_and_sized() {
        let a = sample_gazetteer(1_000, 42);
        assert_eq!(a.len(), 1_000);
        assert_eq!(a, sample_gazetteer(1_000, 42));
        assert_ne!(a, sample_gazetteer(1_000, 43));
    }

    #[test]
    fn has_every_kind_of_property_and_only_sample_identifiers() {
        let a = sample_gazetteer(3_000, 1);
        assert!(a.iter().any(|x| x.dpa.is_none()), "new builds");
        assert!(
            a.iter().any(|x| x.lpi.as_ref().unwrap().sao.text == "FLAT"),
            "flats"
        );
        assert!(
            a.iter()
                .any(|x| !x.classification.as_ref().unwrap().is_residential())
        );
        assert!(
            a.iter()
                .any(|x| !x.lpi.as_ref().unwrap().pao.text.is_empty()),
            "names"
        );
        for x in &a {
            assert!(x.uprn.get() >= SAMPLE_UPRN_START);
            assert_eq!(x.postcode.unwrap().area(), SAMPLE_POSTCODE_AREA);
        }
        let mut uprns: Vec<u64> = a.iter().map(|x| x.uprn.get()).collect();
        uprns.dedup();
        assert_eq!(uprns.len(), a.len());
    }

    #[test]
    fn sample_postcodes_are_valid_and_distinct() {
        let mut seen = std::collections::HashSet::new();
        for n in 0..50_000 {
            assert!(seen.insert(sample_postcode(n)));
        }
    }
}
