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

mod build;
mod file;
mod search;
mod skips;
mod store;
pub(crate) mod text;

use std::ops::Range;

use serde::{Deserialize, Serialize};

pub use file::{FORMAT_VERSION, IndexError};
pub use search::SearchHit;
use skips::Skips;
use store::{Fields, Strings};

use crate::{Address, AddressRef, Postcode, Uprn};

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
/// let first = index.addresses().next().unwrap().to_address();
/// let postcode = first.postcode.unwrap();
/// assert!(index.find_by_postcode(&postcode).any(|a| a.to_address() == first));
/// assert_eq!(index.find_by_uprn(first.uprn).unwrap().to_address(), first);
/// let hits = index.search(&first.single_line().to_lowercase(), 10);
/// assert_eq!(hits[0].address.uprn(), first.uprn);
/// ```
///
/// # Memory
///
/// Addresses are held compactly (see `store.rs`): each distinct string once in one arena, and
/// each address a few dozen bytes of variable-length integers; answers are
/// [`IndexedAddress`]es read in place, turned into [`Address`] values only when asked. At
/// 3 million generated addresses the whole index takes under 200 bytes an address (measured
/// by `examples/bench.rs`).
#[derive(Debug)]
pub struct AddressIndex {
    info: IndexInfo,
    strings: Strings,
    /// The encoded addresses, ordered by postcode, then naturally; those without a postcode
    /// first.
    records: Vec<u8>,
    /// `record_starts[i]..record_starts[i + 1]` is address `i`'s record.
    record_starts: Vec<u64>,
    /// Each postcode with the position of its first address.
    postcodes: Vec<(Postcode, u32)>,
    /// Positions sorted by UPRN.
    by_uprn: Vec<u32>,
    terms: fst::Map<Vec<u8>>,
    /// The terms without digits, with the same numbers: what misspelt words are matched
    /// against. Derived from `terms` on build and open, not stored.
    words: fst::Map<Vec<u8>>,
    /// Positions of the addresses holding each term, sorted, term after term.
    postings: Vec<u32>,
    /// `posting_starts[t]..posting_starts[t + 1]` is term `t`'s range of `postings`.
    posting_starts: Vec<u32>,
    /// Every 32nd address of each posting list, for seeking far ahead (derived, not stored).
    skips: Skips,
    /// Number of distinct terms in each address, to prefer the address that says no more
    /// than the query.
    term_counts: Vec<u16>,
}

/// One address in an index, read in place: nothing is copied until [`to_address`] is called,
/// and [`view`] borrows its text from the index.
///
/// [`to_address`]: IndexedAddress::to_address
/// [`view`]: IndexedAddress::view
#[derive(Clone, Copy)]
pub struct IndexedAddress<'a> {
    index: &'a AddressIndex,
    position: usize,
    /// The postcode, when the lookup that found the address already knows it (saves
    /// searching the postcode table for each address of a postcode).
    postcode: Option<Postcode>,
}

impl<'a> IndexedAddress<'a> {
    /// The address's UPRN.
    pub fn uprn(&self) -> Uprn {
        self.index
            .record(self.position)
            .and_then(Fields::decode_uprn)
            .and_then(Uprn::new)
            .unwrap_or(Uprn::MIN)
    }

    /// The address's postcode, if it has one.
    pub fn postcode(&self) -> Option<Postcode> {
        if self.postcode.is_some() {
            return self.postcode;
        }
        let i = self
            .index
            .postcodes
            .partition_point(|&(_, start)| start as usize <= self.position);
        i.checked_sub(1).map(|i| self.index.postcodes[i].0)
    }

    /// The address with its text borrowed from the index: every field of [`Address`] with
    /// no allocation, for callers in the same process (labels, filters, copying into a page).
    ///
    /// ```
    /// use civic_address_lookup::{generate, index::AddressIndex};
    ///
    /// let index = AddressIndex::build(generate::sample_gazetteer(50, 1), generate::info());
    /// let first = index.addresses().next().unwrap();
    /// let view = first.view();
    /// assert!(view.lpi.is_some_and(|lpi| lpi.town == "SAMPLETON"));
    /// assert_eq!(view.to_address(), first.to_address());
    /// ```
    pub fn view(&self) -> AddressRef<'a> {
        let index = self.index;
        index
            .fields(self.position)
            .and_then(|f| f.view(&index.strings, self.postcode()))
            // A validated index always decodes; this stands in where it cannot.
            .unwrap_or(AddressRef {
                uprn: Uprn::MIN,
                usrn: None,
                lpi: None,
                dpa: None,
                postcode: None,
                classification: None,
                coordinates: None,
            })
    }

    /// The address as a value of its own.
    pub fn to_address(&self) -> Address {
        self.view().to_address()
    }
}

impl std::fmt::Debug for IndexedAddress<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("IndexedAddress").field(&self.uprn()).finish()
    }
}

impl PartialEq for IndexedAddress<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.index, other.index) && self.position == other.position
    }
}

impl AddressIndex {
    /// Where the addresses came from.
    pub fn info(&self) -> &IndexInfo {
        &self.info
    }

    /// Every address, ordered by postcode and then naturally.
    pub fn addresses(&self) -> impl ExactSizeIterator<Item = IndexedAddress<'_>> + '_ {
        self.at(0..self.len())
    }

    /// Number of addresses.
    pub fn len(&self) -> usize {
        self.record_starts.len().saturating_sub(1)
    }

    /// Whether the index holds no addresses.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The addresses with this postcode, in natural order ("2 High Street" before "10 High
    /// Street"); none when the postcode has none.
    pub fn find_by_postcode(
        &self,
        postcode: &Postcode,
    ) -> impl ExactSizeIterator<Item = IndexedAddress<'_>> + '_ {
        let range = match self.postcodes.binary_search_by(|(p, _)| p.cmp(postcode)) {
            Ok(i) => {
                let start = self.postcodes[i].1 as usize;
                let end = self
                    .postcodes
                    .get(i + 1)
                    .map_or(self.len(), |(_, next)| *next as usize);
                start..end
            }
            Err(_) => 0..0,
        };
        let postcode = *postcode;
        range.map(move |position| IndexedAddress {
            index: self,
            position,
            postcode: Some(postcode),
        })
    }

    /// The address with this UPRN.
    pub fn find_by_uprn(&self, uprn: Uprn) -> Option<IndexedAddress<'_>> {
        let i = self
            .by_uprn
            .binary_search_by_key(&uprn.get(), |&p| self.uprn_at(p as usize))
            .ok()?;
        Some(IndexedAddress {
            index: self,
            position: self.by_uprn[i] as usize,
            postcode: None,
        })
    }

    /// Bytes of memory the index holds (the capacity of every section), for comparing
    /// layouts; the benchmark also measures the process's resident memory.
    pub fn heap_bytes(&self) -> usize {
        self.info.source.capacity()
            + self.strings.text.capacity()
            + self.strings.starts.capacity() * 4
            + self.records.capacity()
            + self.record_starts.capacity() * 8
            + self.postcodes.capacity() * size_of::<(Postcode, u32)>()
            + self.by_uprn.capacity() * 4
            + self.terms.as_fst().as_bytes().len()
            + self.words.as_fst().as_bytes().len()
            + self.postings.capacity() * 4
            + self.posting_starts.capacity() * 4
            + self.skips.heap_bytes()
            + self.term_counts.capacity() * 2
    }

    fn at(&self, range: Range<usize>) -> impl ExactSizeIterator<Item = IndexedAddress<'_>> + '_ {
        range.map(move |position| IndexedAddress {
            index: self,
            position,
            postcode: None,
        })
    }

    fn record(&self, position: usize) -> Option<&[u8]> {
        let start = *self.record_starts.get(position)? as usize;
        let end = *self.record_starts.get(position + 1)? as usize;
        self.records.get(start..end)
    }

    fn fields(&self, position: usize) -> Option<Fields> {
        Fields::decode(self.record(position)?)
    }

    fn uprn_at(&self, position: usize) -> u64 {
        self.record(position)
            .and_then(Fields::decode_uprn)
            .unwrap_or(0)
    }

    /// The terms without digits, numbered as in `terms`. A query word is only sent through
    /// the typo automata when it has no digit, and numbers and postcodes (most of the
    /// dictionary: every postcode three ways) must match exactly, so these are all it can
    /// mean; walking the whole dictionary cost about 0.4 ms a word at 3 million addresses.
    fn words_of(terms: &fst::Map<Vec<u8>>) -> fst::Map<Vec<u8>> {
        use fst::{IntoStreamer, Streamer};
        let mut builder = fst::MapBuilder::memory();
        let mut stream = terms.stream().into_stream();
        while let Some((term, number)) = stream.next() {
            if !term.iter().any(u8::is_ascii_digit) {
                // In order and unique, as they come from a map: it cannot fail.
                let _ = builder.insert(term, number);
            }
        }
        fst::Map::new(builder.into_inner().unwrap_or_default()).unwrap_or_default()
    }

    fn posting(&self, term: usize) -> &[u32] {
        match (
            self.posting_starts.get(term),
            self.posting_starts.get(term + 1),
        ) {
            (Some(&start), Some(&end)) => self
                .postings
                .get(start as usize..end as usize)
                .unwrap_or(&[]),
            _ => &[],
        }
    }
}
