//! Building an index: intern and encode each address as it arrives, keep the latest of each
//! UPRN, sort by postcode and naturally, and find each distinct string's search terms once.

use std::collections::HashMap;

use super::IndexInfo;
use super::store::{Fields, Interner, Strings, slot};
use super::text;
use super::{AddressIndex, Skips};
use crate::natural::natural_cmp;
use crate::{Address, AddressableObject, Postcode};

/// An address waiting to be placed: where its record is in the staging buffer.
struct Staged {
    uprn: u64,
    postcode: Option<Postcode>,
    start: usize,
    end: usize,
}

/// The order of [`Address::natural_cmp`] after the postcode, with strings replaced by their
/// rank in natural order, so sorting compares integers.
type SortKey = (
    Option<Postcode>,
    u32,
    Option<u32>,
    Option<char>,
    u32,
    u32,
    Option<u32>,
    u64,
);

impl AddressIndex {
    /// Builds an index. Where two addresses share a UPRN the later one is kept, so a list of
    /// changes can simply follow the full list. Addresses are encoded as they arrive, so an
    /// iterator that makes them one at a time never holds them all as [`Address`] values.
    pub fn build(addresses: impl IntoIterator<Item = Address>, info: IndexInfo) -> AddressIndex {
        let mut interner = Interner::new();
        let mut staged: Vec<u8> = Vec::new();
        let mut entries: Vec<Staged> = Vec::new();
        for address in addresses {
            let start = staged.len();
            Fields::of(&address, &mut interner).encode(&mut staged);
            entries.push(Staged {
                uprn: address.uprn.get(),
                postcode: address.postcode,
                start,
                end: staged.len(),
            });
        }
        // Stable by UPRN, then reversed: the latest of each UPRN comes first and is kept.
        entries.sort_by_key(|e| e.uprn);
        entries.reverse();
        entries.dedup_by_key(|e| e.uprn);

        let strings = interner.strings;
        let rank = natural_ranks(&strings);
        let mut keyed: Vec<(SortKey, u32)> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let fields = Fields::decode(&staged[e.start..e.end]).unwrap_or_default();
                (sort_key(&fields, e, &rank), i as u32)
            })
            .collect();
        drop(rank);
        keyed.sort_unstable();

        let n = keyed.len();
        let mut records = Vec::with_capacity(staged.len());
        let mut record_starts = Vec::with_capacity(n + 1);
        record_starts.push(0u64);
        let mut postcodes: Vec<(Postcode, u32)> = Vec::new();
        let mut term_counts = Vec::with_capacity(n);
        let mut terms = Terms::new(&strings);
        for (position, &(_, i)) in keyed.iter().enumerate() {
            let e = &entries[i as usize];
            let bytes = &staged[e.start..e.end];
            records.extend_from_slice(bytes);
            record_starts.push(records.len() as u64);
            if let Some(postcode) = e.postcode
                && postcodes.last().is_none_or(|(last, _)| *last != postcode)
            {
                postcodes.push((postcode, position as u32));
            }
            let fields = Fields::decode(bytes).unwrap_or_default();
            term_counts.push(terms.add(position as u32, &fields, e.postcode));
        }
        drop(staged);
        let mut by_uprn: Vec<u32> = (0..n as u32).collect();
        by_uprn.sort_unstable_by_key(|&p| entries[keyed[p as usize].1 as usize].uprn);
        let (fst, postings, posting_starts) = terms.finish();
        AddressIndex {
            info,
            strings,
            records,
            record_starts,
            postcodes,
            by_uprn,
            words: AddressIndex::words_of(&fst),
            terms: fst,
            skips: Skips::new(&postings, &posting_starts),
            postings,
            posting_starts,
            term_counts,
        }
    }
}

/// Each string's place in natural order ([`natural_cmp`] is total, so ranks are distinct).
fn natural_ranks(strings: &Strings) -> Vec<u32> {
    let mut order: Vec<u32> = (0..strings.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| natural_cmp(strings.get(a), strings.get(b)));
    let mut rank = vec![0u32; order.len()];
    for (r, &id) in order.iter().enumerate() {
        rank[id as usize] = r as u32;
    }
    rank
}

/// [`Address::natural_cmp`]'s key: the LPI's street, numbers and names where there is one,
/// else the DPA's.
fn sort_key(f: &Fields, e: &Staged, rank: &[u32]) -> SortKey {
    let r = |slot: usize| rank[f.slots[slot].unwrap_or(0) as usize];
    let suffix = |slot: usize| f.slots[slot].and_then(char::from_u32);
    if f.lpi {
        (
            e.postcode,
            r(slot::STREET),
            f.slots[slot::PAO + slot::START],
            suffix(slot::PAO + slot::START_SUFFIX),
            r(slot::PAO + slot::TEXT),
            r(slot::SAO + slot::TEXT),
            f.slots[slot::SAO + slot::START],
            e.uprn,
        )
    } else if f.dpa {
        let street = if f.slots[slot::DEPENDENT_THOROUGHFARE].is_some() {
            slot::DEPENDENT_THOROUGHFARE
        } else {
            slot::THOROUGHFARE
        };
        (
            e.postcode,
            r(street),
            f.slots[slot::BUILDING_NUMBER],
            None,
            r(slot::BUILDING_NAME),
            r(slot::SUB_BUILDING_NAME),
            None,
            e.uprn,
        )
    } else {
        (e.postcode, 0, None, None, 0, 0, None, e.uprn)
    }
}

/// The DPA slots whose text appears in its lines as it is.
const DPA_TEXT: [usize; 9] = [
    slot::ORGANISATION,
    slot::DEPARTMENT,
    slot::SUB_BUILDING_NAME,
    slot::BUILDING_NAME,
    slot::DEPENDENT_THOROUGHFARE,
    slot::THOROUGHFARE,
    slot::DOUBLE_DEPENDENT_LOCALITY,
    slot::DEPENDENT_LOCALITY,
    slot::POST_TOWN,
];

/// The LPI slots whose text appears in its lines (not the administrative area).
const LPI_TEXT: [usize; 5] = [
    slot::SAO + slot::TEXT,
    slot::PAO + slot::TEXT,
    slot::STREET,
    slot::LOCALITY,
    slot::TOWN,
];

/// Collects the postings. An address's terms are the words of both views' lines
/// ([`crate::Dpa::lines`], [`crate::Lpi::lines`]) and its postcode written every way. Lines are fields joined by spaces and terms
/// never cross a space, so they are the union of each field's terms, found once per distinct
/// string and cached.
struct Terms<'s> {
    strings: &'s Strings,
    ids: HashMap<String, u32>,
    lists: Vec<Vec<u32>>,
    of_string: Vec<Option<Box<[u32]>>>,
    of_text: HashMap<String, Box<[u32]>>,
    postcode: Option<(Postcode, Vec<u32>)>,
    buf: Vec<u32>,
}

impl<'s> Terms<'s> {
    fn new(strings: &'s Strings) -> Terms<'s> {
        Terms {
            strings,
            ids: HashMap::new(),
            lists: Vec::new(),
            of_string: vec![None; strings.len()],
            of_text: HashMap::new(),
            postcode: None,
            buf: Vec::new(),
        }
    }

    fn intern(&mut self, words: Vec<String>) -> Box<[u32]> {
        words
            .into_iter()
            .map(|word| {
                let next = self.ids.len() as u32;
                *self.ids.entry(word).or_insert_with(|| {
                    self.lists.push(Vec::new());
                    next
                })
            })
            .collect()
    }

    fn string(&mut self, id: Option<u32>) {
        let Some(id) = id else { return };
        let i = id as usize;
        if self.of_string.get(i).is_some_and(Option::is_none) {
            let terms = self.intern(text::terms(self.strings.get(id)));
            self.of_string[i] = Some(terms);
        }
        if let Some(Some(terms)) = self.of_string.get(i) {
            self.buf.extend_from_slice(terms);
        }
    }

    fn text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        if !self.of_text.contains_key(text) {
            let terms = self.intern(text::terms(text));
            self.of_text.insert(text.to_owned(), terms);
        }
        if let Some(terms) = self.of_text.get(text) {
            self.buf.extend_from_slice(terms);
        }
    }

    /// Adds an address's terms to the postings; returns how many distinct terms it has.
    fn add(&mut self, position: u32, f: &Fields, postcode: Option<Postcode>) -> u16 {
        self.buf.clear();
        if f.dpa {
            for s in DPA_TEXT {
                self.string(f.slots[s]);
            }
            if f.slots[slot::PO_BOX].is_some() {
                self.text("PO BOX");
                self.string(f.slots[slot::PO_BOX]);
            }
            if let Some(n) = f.slots[slot::BUILDING_NUMBER] {
                self.text(&n.to_string());
            }
        }
        if f.lpi {
            for s in LPI_TEXT {
                self.string(f.slots[s]);
            }
            for base in [slot::SAO, slot::PAO] {
                let numbers = AddressableObject {
                    start_number: f.slots[base + slot::START],
                    start_suffix: f.slots[base + slot::START_SUFFIX].and_then(char::from_u32),
                    end_number: f.slots[base + slot::END],
                    end_suffix: f.slots[base + slot::END_SUFFIX].and_then(char::from_u32),
                    text: Default::default(),
                }
                .numbers();
                self.text(&numbers);
            }
        }
        if let Some(postcode) = postcode {
            if self.postcode.as_ref().is_none_or(|(p, _)| *p != postcode) {
                let mut words = text::terms(postcode.as_str());
                words.push(postcode.as_str().replace(' ', "").to_lowercase());
                let terms = self.intern(words).into_vec();
                self.postcode = Some((postcode, terms));
            }
            if let Some((_, terms)) = &self.postcode {
                self.buf.extend_from_slice(terms);
            }
        }
        self.buf.sort_unstable();
        self.buf.dedup();
        for &t in &self.buf {
            self.lists[t as usize].push(position);
        }
        u16::try_from(self.buf.len()).unwrap_or(u16::MAX)
    }

    /// The term dictionary (term → number, in byte order as fst requires) and the postings.
    fn finish(self) -> (fst::Map<Vec<u8>>, Vec<u32>, Vec<u32>) {
        let mut sorted: Vec<(String, u32)> = self.ids.into_iter().collect();
        sorted.sort_unstable();
        let mut lists = self.lists;
        let mut builder = fst::MapBuilder::memory();
        let total = lists.iter().map(Vec::len).sum();
        let mut postings = Vec::with_capacity(total);
        let mut posting_starts = Vec::with_capacity(sorted.len() + 1);
        posting_starts.push(0u32);
        for (number, (term, id)) in sorted.into_iter().enumerate() {
            // Sorted and unique, as fst requires: it cannot fail.
            let _ = builder.insert(term, number as u64);
            postings.append(&mut lists[id as usize]);
            posting_starts.push(postings.len() as u32);
        }
        let terms = fst::Map::new(builder.into_inner().unwrap_or_default())
            .unwrap_or_else(|_| fst::Map::default());
        (terms, postings, posting_starts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate;

    /// The terms as first defined: the words of the joined lines of both views, and the
    /// postcode every way. The cached union of field terms must give the same.
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
        terms.sort_unstable();
        terms.dedup();
        terms
    }

    #[test]
    fn field_terms_are_the_terms_of_the_lines() {
        let mut addresses = generate::sample_gazetteer(3_000, 4);
        let mut po_box = Address::new(crate::Uprn::new(42).unwrap());
        po_box.dpa = Some(crate::Dpa {
            organisation_name: "ACME LTD".into(),
            po_box_number: "61".into(),
            building_name: "12A".into(),
            dependent_thoroughfare: "MILL YARD".into(),
            thoroughfare: "HIGH ST".into(),
            post_town: "LEEDS".into(),
            ..crate::Dpa::default()
        });
        addresses.push(po_box);
        let index = AddressIndex::build(addresses, generate::info());
        let mut stream = fst::IntoStreamer::into_stream(index.terms.stream());
        let mut by_doc: Vec<Vec<String>> = vec![Vec::new(); index.len()];
        while let Some((term, number)) = fst::Streamer::next(&mut stream) {
            for &doc in index.posting(number as usize) {
                by_doc[doc as usize].push(String::from_utf8(term.to_vec()).unwrap());
            }
        }
        for (doc, address) in index.addresses().enumerate() {
            let address = address.to_address();
            assert_eq!(by_doc[doc], address_terms(&address), "{address:?}");
            assert_eq!(usize::from(index.term_counts[doc]), by_doc[doc].len());
        }
    }

    #[test]
    fn sorts_as_natural_cmp_and_keeps_the_latest_of_a_uprn() {
        let mut addresses = generate::sample_gazetteer(2_000, 6);
        let mut changed = addresses[10].clone();
        changed.lpi.as_mut().unwrap().street = "NEW STREET".into();
        addresses.push(changed.clone());
        let index = AddressIndex::build(addresses.clone(), generate::info());
        let mut expected: Vec<Address> = addresses[..addresses.len() - 1].to_vec();
        expected[10] = changed;
        expected.sort_by(|a, b| a.postcode.cmp(&b.postcode).then_with(|| a.natural_cmp(b)));
        let got: Vec<Address> = index.addresses().map(|a| a.to_address()).collect();
        assert_eq!(got, expected);
    }
}
