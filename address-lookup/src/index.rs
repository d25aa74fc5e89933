//! The embedded address index: every address in memory, answering postcode → addresses,
//! UPRN → address and free-text search with no network.
//!
//! # Why fst and levenshtein_automata
//!
//! Free-text search needs a term dictionary that can be searched for near misses ("stret",
//! "hgih"). The [`fst`] crate stores the sorted terms as a finite-state transducer — a few
//! bytes a term, loaded as one byte buffer — and intersects it with any automaton, so every
//! term within one or two edits of a query word is found without scanning the vocabulary.
//! The automata come from `levenshtein_automata` (tantivy's): it builds a word's automaton in
//! microseconds from a precomputed parametric one, where fst's own takes milliseconds at two
//! edits, and it counts a transposition as one edit. Posting lists (term → addresses) and
//! scoring are a page of code here. A full search engine (tantivy) would do the same with far
//! more to compile and a directory of files instead of one; addresses are short documents
//! that do not need it.
//!
//! # The file
//!
//! One file, read in one go: an 8-byte magic `CIVICIDX`, a format version (`u32`), the
//! payload length (`u64`) and a CRC-32 of the payload, all little-endian, then the payload
//! (postcard-encoded). A file that is truncated, corrupted or of another version is refused
//! with an [`IndexError`] that says which.

mod file;
mod search;
pub(crate) mod text;

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

pub use file::{FORMAT_VERSION, IndexError};
pub use search::SearchHit;

use crate::{Address, Postcode, Uprn};

/// Facts about where an index's addresses came from, stored in the index.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct IndexInfo {
    /// A short description of the source, such as "AddressBase Plus, 2025-02".
    pub source: String,
    /// Whether the addresses are invented sample data: anything showing them must say so.
    pub sample_data: bool,
}

impl IndexInfo {
    /// Info for an index built from `source`.
    pub fn new(source: impl Into<String>, sample_data: bool) -> IndexInfo {
        IndexInfo {
            source: source.into(),
            sample_data,
        }
    }
}

/// An in-memory address index. Build one with [`AddressIndex::build`], save it with
/// [`AddressIndex::save`], load it with [`AddressIndex::open`].
///
/// ```
/// use civic_address_lookup::{generate, index::AddressIndex, Postcode};
///
/// let index = AddressIndex::build(generate::sample_gazetteer(200, 1), generate::info());
/// let first = &index.addresses()[0];
/// let postcode = first.postcode.unwrap();
/// assert!(index.find_by_postcode(&postcode).contains(first));
/// assert_eq!(index.find_by_uprn(first.uprn), Some(first));
/// let hits = index.search(&first.single_line().to_lowercase(), 10);
/// assert_eq!(hits[0].address.uprn, first.uprn);
/// ```
#[derive(Debug)]
pub struct AddressIndex {
    info: IndexInfo,
    /// Ordered by postcode, then in natural order; addresses without a postcode first.
    addresses: Vec<Address>,
    /// Each postcode with the position of its first address.
    postcodes: Vec<(Postcode, u32)>,
    /// UPRNs with positions, sorted by UPRN.
    uprns: Vec<(u64, u32)>,
    terms: fst::Map<Vec<u8>>,
    /// Term number → sorted positions of the addresses holding the term.
    postings: Vec<Vec<u32>>,
    /// Number of distinct terms in each address, to prefer the address that says no more
    /// than the query.
    term_counts: Vec<u16>,
}

impl AddressIndex {
    /// Builds an index. Where two addresses share a UPRN the later one is kept, so a list of
    /// changes can simply follow the full list.
    pub fn build(addresses: Vec<Address>, info: IndexInfo) -> AddressIndex {
        let mut by_uprn: BTreeMap<Uprn, Address> = BTreeMap::new();
        for address in addresses {
            by_uprn.insert(address.uprn, address);
        }
        let mut addresses: Vec<Address> = by_uprn.into_values().collect();
        addresses.sort_by(|a, b| a.postcode.cmp(&b.postcode).then_with(|| a.natural_cmp(b)));

        let mut postings_by_term: HashMap<String, Vec<u32>> = HashMap::new();
        let mut term_counts = Vec::with_capacity(addresses.len());
        for (position, address) in addresses.iter().enumerate() {
            let mut terms = address_terms(address);
            terms.sort_unstable();
            terms.dedup();
            term_counts.push(u16::try_from(terms.len()).unwrap_or(u16::MAX));
            for term in terms {
                postings_by_term
                    .entry(term)
                    .or_default()
                    .push(position as u32);
            }
        }
        let mut postings_by_term: Vec<(String, Vec<u32>)> = postings_by_term.into_iter().collect();
        postings_by_term.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut builder = fst::MapBuilder::memory();
        let mut postings = Vec::with_capacity(postings_by_term.len());
        for (number, (term, list)) in postings_by_term.into_iter().enumerate() {
            // Sorted, and unique as map keys were: as fst requires.
            let _ = builder.insert(term, number as u64);
            postings.push(list);
        }
        let terms = fst::Map::new(builder.into_inner().unwrap_or_default())
            .unwrap_or_else(|_| fst::Map::default());
        Self::assemble(info, addresses, terms, postings, term_counts)
    }

    fn assemble(
        info: IndexInfo,
        addresses: Vec<Address>,
        terms: fst::Map<Vec<u8>>,
        postings: Vec<Vec<u32>>,
        term_counts: Vec<u16>,
    ) -> AddressIndex {
        let mut postcodes: Vec<(Postcode, u32)> = Vec::new();
        for (position, address) in addresses.iter().enumerate() {
            if let Some(postcode) = address.postcode
                && postcodes.last().is_none_or(|(last, _)| *last != postcode)
            {
                postcodes.push((postcode, position as u32));
            }
        }
        let mut uprns: Vec<(u64, u32)> = addresses
            .iter()
            .enumerate()
            .map(|(position, a)| (a.uprn.get(), position as u32))
            .collect();
        uprns.sort_unstable();
        AddressIndex {
            info,
            addresses,
            postcodes,
            uprns,
            terms,
            postings,
            term_counts,
        }
    }

    /// Where the addresses came from.
    pub fn info(&self) -> &IndexInfo {
        &self.info
    }

    /// Every address, ordered by postcode and then naturally.
    pub fn addresses(&self) -> &[Address] {
        &self.addresses
    }

    /// Number of addresses.
    pub fn len(&self) -> usize {
        self.addresses.len()
    }

    /// Whether the index holds no addresses.
    pub fn is_empty(&self) -> bool {
        self.addresses.is_empty()
    }

    /// The addresses with this postcode, in natural order ("2 High Street" before "10 High
    /// Street"); empty when the postcode has none.
    pub fn find_by_postcode(&self, postcode: &Postcode) -> &[Address] {
        let Ok(i) = self.postcodes.binary_search_by(|(p, _)| p.cmp(postcode)) else {
            return &[];
        };
        let start = self.postcodes[i].1 as usize;
        let end = self
            .postcodes
            .get(i + 1)
            .map_or(self.addresses.len(), |(_, next)| *next as usize);
        &self.addresses[start..end]
    }

    /// The address with this UPRN.
    pub fn find_by_uprn(&self, uprn: Uprn) -> Option<&Address> {
        let i = self
            .uprns
            .binary_search_by_key(&uprn.get(), |(u, _)| *u)
            .ok()?;
        self.addresses.get(self.uprns[i].1 as usize)
    }
}

/// The searchable terms of an address: both views, and its postcode written every way.
fn address_terms(address: &Address) -> Vec<String> {
    let mut text = String::new();
    if let Some(dpa) = &address.dpa {
        text.push_str(&dpa.lines().join(" "));
    }
    if let Some(lpi) = &address.lpi {
        text.push(' ');
        text.push_str(&lpi.lines().join(" "));
    }
    let mut terms = text::terms(&text);
    if let Some(postcode) = address.postcode {
        terms.extend(text::terms(postcode.as_str()));
        terms.push(postcode.as_str().replace(' ', "").to_lowercase());
    }
    terms
}
