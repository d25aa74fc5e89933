//! Free-text search over the index: typo-tolerant term matching, then scoring.

use std::collections::HashMap;

use std::sync::OnceLock;

use fst::{Automaton, IntoStreamer, Streamer};
use levenshtein_automata::{DFA, Distance, LevenshteinAutomatonBuilder, SINK_STATE};

use super::{AddressIndex, IndexedAddress, text};

/// One search result.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SearchHit<'a> {
    /// The address found.
    pub address: IndexedAddress<'a>,
    /// How well it matched; higher is better. Only comparable within one search.
    pub score: f32,
}

/// Most near-miss terms taken for one query word: enough for real typos, bounded for speed.
const MAX_EXPANSIONS: usize = 64;
/// Query words longer than this are not sent through the automata (they would be costly and
/// match nothing a person meant).
const MAX_FUZZY_LEN: usize = 24;

/// Builders for one and two edits, transpositions counting as one ("hgih" is one slip from
/// "high"). Building one precomputes the parametric automaton (milliseconds, once per
/// process); each query word's automaton then takes microseconds.
fn builders() -> &'static [LevenshteinAutomatonBuilder; 2] {
    static BUILDERS: OnceLock<[LevenshteinAutomatonBuilder; 2]> = OnceLock::new();
    BUILDERS.get_or_init(|| {
        [
            LevenshteinAutomatonBuilder::new(1, true),
            LevenshteinAutomatonBuilder::new(2, true),
        ]
    })
}

/// A Levenshtein DFA driving fst's term dictionary.
struct Typos<'a>(&'a DFA);

impl Automaton for Typos<'_> {
    type State = u32;

    fn start(&self) -> u32 {
        self.0.initial_state()
    }

    fn is_match(&self, state: &u32) -> bool {
        matches!(self.0.distance(*state), Distance::Exact(_))
    }

    fn can_match(&self, state: &u32) -> bool {
        *state != SINK_STATE
    }

    fn accept(&self, state: &u32, byte: u8) -> u32 {
        self.0.transition(*state, byte)
    }
}

/// A query word's matching terms and how much each counts (1.0 for the word itself).
struct QueryTerm {
    matches: Vec<(usize, f32)>,
    /// Addresses holding any of the matches, summed: how costly the word is to scan.
    frequency: usize,
}

impl AddressIndex {
    /// The addresses best matching free text, best first, at most `limit`. Tolerates typos
    /// (one edit in words of 4 letters, two from 5), abbreviations ("st", "rd",
    /// "apt") and missing words; the last word may be unfinished. Numbers must match exactly.
    ///
    /// Scoring: each query word scores the rarest-is-best weight (inverse document frequency)
    /// of its best match in the address, discounted for edits or a prefix; an address that
    /// says more than the query loses a little, so "12 High Street" outranks "Flat 3, 12 High
    /// Street" for the query "12 high st".
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit<'_>> {
        if limit == 0 || self.is_empty() {
            return Vec::new();
        }
        let mut words = text::terms(query);
        words.truncate(32);
        let last = words.len().saturating_sub(1);
        let mut query_terms: Vec<QueryTerm> = Vec::new();
        for (i, word) in words.iter().enumerate() {
            let term = self.expand(word, i == last && !query.ends_with(' '));
            if !term.matches.is_empty() {
                query_terms.push(term);
            }
        }
        if query_terms.is_empty() {
            return Vec::new();
        }
        let n = self.len() as f32;
        let weights: Vec<Vec<(usize, f32)>> = query_terms
            .iter()
            .map(|q| {
                q.matches
                    .iter()
                    .map(|&(term, factor)| {
                        let df = self.posting(term).len() as f32;
                        (term, (1.0 + n / df).ln() * factor)
                    })
                    .collect()
            })
            .collect();
        let selective = self.selective(&query_terms);
        // Selective words: walk their (short) posting lists, noting (address, word, weight).
        // The addresses met are the candidates; common words are then checked only for them.
        let mut entries: Vec<(u32, u8, f32)> = Vec::new();
        for (word, terms) in weights.iter().enumerate() {
            if !selective[word] {
                continue;
            }
            for &(term, weight) in terms {
                entries.extend(
                    self.posting(term)
                        .iter()
                        .map(|&doc| (doc, word as u8, weight)),
                );
            }
        }
        entries.sort_unstable_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)).then(b.2.total_cmp(&a.2)));
        let mut hits: Vec<(u32, f32)> = Vec::new();
        let mut i = 0;
        while i < entries.len() {
            let doc = entries[i].0;
            let (mut score, mut matched) = (0.0f32, 0u32);
            let mut last_word = None;
            while i < entries.len() && entries[i].0 == doc {
                // Sorted by word then weight descending: the first entry per word is its best.
                if last_word != Some(entries[i].1) {
                    score += entries[i].2;
                    matched += 1;
                    last_word = Some(entries[i].1);
                }
                i += 1;
            }
            for (word, terms) in weights.iter().enumerate() {
                if selective[word] {
                    continue;
                }
                let best = terms
                    .iter()
                    .filter(|(term, _)| self.posting(*term).binary_search(&doc).is_ok())
                    .map(|&(_, weight)| weight)
                    .fold(0.0f32, f32::max);
                if best > 0.0 {
                    score += best;
                    matched += 1;
                }
            }
            let extra = f32::from(self.term_counts[doc as usize]) - matched as f32;
            hits.push((doc, score - 0.05 * extra.max(0.0)));
        }
        hits.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        hits.truncate(limit);
        hits.into_iter()
            .map(|(doc, score)| SearchHit {
                address: IndexedAddress {
                    index: self,
                    position: doc as usize,
                },
                score,
            })
            .collect()
    }

    fn expand(&self, word: &str, may_be_unfinished: bool) -> QueryTerm {
        let mut matches: HashMap<usize, f32> = HashMap::new();
        if let Some(term) = self.terms.get(word) {
            matches.insert(term as usize, 1.0);
        }
        let has_digit = word.bytes().any(|b| b.is_ascii_digit());
        let chars = word.chars().count();
        if !has_digit && (4..=MAX_FUZZY_LEN).contains(&chars) {
            let builder = if chars >= 5 {
                &builders()[1]
            } else {
                &builders()[0]
            };
            let dfa = builder.build_dfa(word);
            self.collect(Typos(&dfa), &mut matches, |state| {
                match dfa.distance(*state) {
                    Distance::Exact(edits) => 1.0 - 0.2 * f32::from(edits),
                    Distance::AtLeast(_) => 0.0,
                }
            });
        }
        if may_be_unfinished && (3..=MAX_FUZZY_LEN).contains(&chars) {
            let prefix = fst::automaton::Str::new(word).starts_with();
            let mut stream = self.terms.search(prefix).into_stream();
            let mut taken = 0;
            while let Some((_, number)) = stream.next() {
                let slot = matches.entry(number as usize).or_insert(0.0);
                *slot = slot.max(0.6);
                taken += 1;
                if taken >= MAX_EXPANSIONS {
                    break;
                }
            }
        }
        let frequency = matches.keys().map(|&t| self.posting(t).len()).sum();
        QueryTerm {
            matches: matches.into_iter().collect(),
            frequency,
        }
    }

    /// Adds the terms `automaton` accepts, each weighted by `factor` of its final state.
    fn collect<A>(
        &self,
        automaton: A,
        matches: &mut HashMap<usize, f32>,
        factor: impl Fn(&A::State) -> f32,
    ) where
        A: Automaton,
        A::State: Clone,
    {
        let mut stream = self.terms.search_with_state(automaton).into_stream();
        let mut taken = 0;
        while let Some((_, number, state)) = stream.next() {
            let f = factor(&state);
            let slot = matches.entry(number as usize).or_insert(0.0);
            *slot = slot.max(f);
            taken += 1;
            if taken >= MAX_EXPANSIONS {
                break;
            }
        }
    }

    /// Which query words pick the addresses worth scoring: those rarer than one address in
    /// twenty (or the rarest word, if none is). Words most addresses hold (the town,
    /// "street") only add to the score of those addresses.
    fn selective(&self, query_terms: &[QueryTerm]) -> Vec<bool> {
        let threshold = (self.len() / 20).max(2_000);
        let mut selective: Vec<bool> = query_terms
            .iter()
            .map(|q| q.frequency <= threshold)
            .collect();
        if !selective.contains(&true)
            && let Some((rarest, _)) = query_terms
                .iter()
                .enumerate()
                .min_by_key(|(_, q)| q.frequency)
        {
            selective[rarest] = true;
        }
        selective
    }
}

#[cfg(test)]
mod tests {
    use crate::generate;
    use crate::index::AddressIndex;
    use proptest::prelude::*;

    fn index() -> &'static AddressIndex {
        static INDEX: std::sync::OnceLock<AddressIndex> = std::sync::OnceLock::new();
        INDEX.get_or_init(|| {
            AddressIndex::build(generate::sample_gazetteer(500, 3), generate::info())
        })
    }

    #[test]
    fn finds_through_typos_and_abbreviations() {
        let index = index();
        let target = index
            .addresses()
            .map(|a| a.to_address())
            .find(|a| {
                a.dpa
                    .as_ref()
                    .is_some_and(|d| d.thoroughfare.ends_with(" STREET"))
            })
            .unwrap();
        let dpa = target.dpa.as_ref().unwrap();
        let street = dpa.thoroughfare.to_lowercase().replace(" street", " st");
        let line = format!("{} {}", dpa.building_number.unwrap_or_default(), street);
        let hits = index.search(&line, 10);
        assert!(
            hits.iter().any(|h| h.address.uprn() == target.uprn),
            "{line}"
        );
    }

    #[test]
    fn empty_and_unknown_queries_find_nothing() {
        let index = index();
        assert!(index.search("", 10).is_empty());
        assert!(index.search(" , ", 10).is_empty());
        assert!(index.search("zzzzqqqq", 10).is_empty());
        assert!(index.search("1 high street", 0).is_empty());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn any_query_never_panics(query in ".{0,80}") {
            let index = index();
            let hits = index.search(&query, 10);
            prop_assert!(hits.len() <= 10);
        }
    }
}
