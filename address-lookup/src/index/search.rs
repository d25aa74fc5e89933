//! Free-text search over the index: typo-tolerant term matching, then top-k scoring that
//! looks only at the addresses that could still reach the top k.
//!
//! # How the top k are found
//!
//! An address scores, for each query word, the weight of its best matching term, so holding
//! more of the query's words is what lifts an address. The search asks first for the
//! addresses holding *every* word, then those missing only the word worth least, and so on:
//! sets of left-out words in increasing order of what they are worth at most. Each set is a
//! sorted intersection of posting lists (leapfrogging with galloping search, driven by the
//! rarest word), so common words ("road", the town) cost a few skips rather than a walk of
//! their lists. It stops as soon as leaving out any more would cost an address more than the
//! k-th best score found so far: nothing not yet scored can then enter the top k, so the
//! answer is the one scoring every address would give. A work budget bounds the rare query
//! made only of common words ("road"), which cannot single out an address anyway.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};
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
/// Most query words looked at (and the width of the left-out-word sets).
const MAX_WORDS: usize = 32;
/// A query word's matching terms with posting lists shorter than this are merged into one
/// list up front, so a word costs a few cursors however many near misses it has.
const SMALL_LIST: usize = 4_096;
/// Work (cursor moves and addresses scored) one search may do. Queries with a word rarer
/// than this are answered exactly; one made only of words in hundreds of thousands of
/// addresses gets the best of those looked at before the budget ran out.
const BUDGET: usize = 400_000;
/// A part of the search is listed by leapfrogging the words its addresses must hold once
/// they are expected to be fewer than this; until then it is split on another word.
const LIST_BELOW: f64 = 1_000.0;
/// Slack for sums of the same weights taken in different orders.
const EPSILON: f32 = 1e-3;
/// What each term an address holds beyond those matched costs it, so "12 High Street"
/// outranks "Flat 3, 12 High Street" for the query "12 high st".
const EXTRA_TERM: f32 = 0.05;

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

/// Part of a query word's postings: one term's list, or several short ones merged.
struct Part<'a> {
    docs: Cow<'a, [u32]>,
    weights: Weights,
}

enum Weights {
    /// Every address in the part scores this.
    One(f32),
    /// Each address its own (merged lists: the best of the terms it holds).
    Each(Vec<f32>),
}

impl Part<'_> {
    fn weight(&self, i: usize) -> f32 {
        match &self.weights {
            Weights::One(w) => *w,
            Weights::Each(w) => w.get(i).copied().unwrap_or(0.0),
        }
    }

    /// The most any address in the part scores.
    fn upper(&self) -> f32 {
        match &self.weights {
            Weights::One(w) => *w,
            Weights::Each(w) => w.iter().copied().fold(0.0, f32::max),
        }
    }
}

/// A query word: the postings of its matching terms and the most it can add to a score.
struct Word<'a> {
    parts: Vec<Part<'a>>,
    upper: f32,
    /// Addresses in all its parts together: how costly it is to walk.
    len: usize,
    /// How many times the query says it; it scores that many times over.
    times: u32,
}

/// Where a walk over one word's postings has got to: one position per part. Targets only
/// ever rise.
struct Cursor {
    at: Vec<usize>,
}

impl Cursor {
    fn new(word: &Word) -> Cursor {
        Cursor {
            at: vec![0; word.parts.len()],
        }
    }

    /// The first address at or after `target` holding the word.
    fn seek(&mut self, word: &Word, target: u32) -> Option<u32> {
        let mut first: Option<u32> = None;
        for (part, at) in word.parts.iter().zip(&mut self.at) {
            *at = gallop(&part.docs, *at, target);
            if let Some(&doc) = part.docs.get(*at) {
                first = Some(first.map_or(doc, |f| f.min(doc)));
            }
        }
        first
    }

    /// What the word adds to `doc`'s score: its best part holding `doc`, or 0.
    fn weight(&mut self, word: &Word, doc: u32) -> f32 {
        let mut best = 0.0f32;
        for (part, at) in word.parts.iter().zip(&mut self.at) {
            *at = gallop(&part.docs, *at, doc);
            if part.docs.get(*at) == Some(&doc) {
                best = best.max(part.weight(*at));
            }
        }
        best
    }
}

/// The first index at or after `from` whose address is at least `target`: steps doubling
/// from `from`, then a binary search, so short skips are cheap and long ones logarithmic.
fn gallop(docs: &[u32], from: usize, target: u32) -> usize {
    if docs.get(from).is_none_or(|&d| d >= target) {
        return from.min(docs.len());
    }
    // docs[lo] < target throughout.
    let (mut lo, mut step) = (from, 1);
    let mut hi = lo + 1;
    while hi < docs.len() && docs[hi] < target {
        lo = hi;
        step *= 2;
        hi = lo + step;
    }
    let hi = hi.min(docs.len());
    lo + 1 + docs[lo + 1..hi].partition_point(|&d| d < target)
}

/// A scored address, ordered worst first (lower score, then later in the index), so the
/// heap's top is the one to drop.
#[derive(Clone, Copy, PartialEq)]
struct Ranked {
    score: f32,
    doc: u32,
}

impl Eq for Ranked {}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .score
            .total_cmp(&self.score)
            .then(self.doc.cmp(&other.doc))
    }
}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The best `limit` addresses so far.
struct Top {
    heap: BinaryHeap<Ranked>,
    limit: usize,
}

impl Top {
    fn new(limit: usize) -> Top {
        Top {
            heap: BinaryHeap::new(),
            limit,
        }
    }

    fn into_best_first(self) -> Vec<Ranked> {
        self.heap.into_sorted_vec()
    }

    fn is_full(&self) -> bool {
        self.heap.len() >= self.limit
    }

    /// The score to beat to enter: the worst kept, once full.
    fn threshold(&self) -> f32 {
        match self.heap.peek() {
            Some(worst) if self.is_full() => worst.score,
            _ => f32::NEG_INFINITY,
        }
    }

    fn offer(&mut self, hit: Ranked) {
        if !self.is_full() {
            self.heap.push(hit);
        } else if self.heap.peek().is_some_and(|worst| hit < *worst) {
            self.heap.pop();
            self.heap.push(hit);
        }
    }
}

/// A query made ready to run: its words, weighted, and the work left.
struct Query<'i> {
    index: &'i AddressIndex,
    words: Vec<Word<'i>>,
    /// The most any address can score.
    total: f32,
    budget: usize,
}

impl Query<'_> {
    fn cursors(&self) -> Vec<Cursor> {
        self.words.iter().map(Cursor::new).collect()
    }

    /// Spends one unit of work; false when none is left.
    fn spend(&mut self, units: usize) -> bool {
        let enough = self.budget >= units;
        self.budget = self.budget.saturating_sub(units);
        enough
    }

    /// The first address at or after `target` holding every word in `words` (rarest first),
    /// moving their cursors there. Leapfrog: each word in turn moves to the first address at
    /// or after the target; when all agree, that address holds them all. `Err` when the
    /// budget runs out.
    fn leapfrog(
        &mut self,
        cursors: &mut [Cursor],
        words: &[usize],
        mut target: u32,
    ) -> Result<Option<u32>, ()> {
        let mut agreed = 0;
        let mut i = 0;
        while agreed < words.len() {
            if !self.spend(1) {
                return Err(());
            }
            let w = words[i];
            let Some(doc) = cursors[w].seek(&self.words[w], target) else {
                return Ok(None);
            };
            if doc == target {
                agreed += 1;
            } else {
                target = doc;
                agreed = 1;
            }
            i = (i + 1) % words.len();
        }
        Ok(Some(target))
    }

    /// `doc`'s score, unless it holds a word in `left_out` (bits over `order`: it was found
    /// with a smaller set before) or cannot beat `threshold`. `order` is the words by what
    /// they are worth at most, ascending; the most valuable are checked first, so an address
    /// that lacks them is dropped early.
    fn score(
        &mut self,
        cursors: &mut [Cursor],
        doc: u32,
        left_out: u64,
        order: &[usize],
        threshold: f32,
    ) -> Option<Ranked> {
        self.spend(self.words.len());
        let mut weights = [0.0f32; MAX_WORDS];
        let mut possible = self.total;
        let mut matched = 0u32;
        for (rank, &w) in order.iter().enumerate().rev() {
            let word = &self.words[w];
            let weight = cursors[w].weight(word, doc) * word.times as f32;
            if weight > 0.0 {
                if left_out & (1 << rank) != 0 {
                    return None;
                }
                matched += word.times;
            }
            possible -= self.words[w].upper - weight;
            if possible + EPSILON < threshold {
                return None;
            }
            weights[w] = weight;
        }
        // Summed in query order, so a score does not depend on how it was found.
        let sum: f32 = weights[..self.words.len()].iter().sum();
        let terms = self
            .index
            .term_counts
            .get(doc as usize)
            .copied()
            .unwrap_or(0);
        let extra = (f32::from(terms) - matched as f32).max(0.0);
        Some(Ranked {
            score: sum - EXTRA_TERM * extra,
            doc,
        })
    }

    /// The top `limit`, best first.
    fn run(mut self, limit: usize) -> Vec<Ranked> {
        let mut top = Top::new(limit);
        let n = self.words.len();
        // Words by what they are worth at most, ascending: the order scoring checks them in
        // (reversed) and the bits of a set of lacked words.
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| self.words[a].upper.total_cmp(&self.words[b].upper));
        let mut rank = [0usize; MAX_WORDS];
        for (r, &w) in order.iter().enumerate() {
            rank[w] = r;
        }
        let mut open: Vec<usize> = (0..n).collect();
        open.sort_by_key(|&w| self.words[w].len);
        let branch = Branch {
            held: Vec::new(),
            lacked: 0,
            open,
            total: self.total,
        };
        self.search_branch(branch, &order, &rank, &mut top);
        top.into_best_first()
    }

    /// Addresses expected to hold every word in `words`, were words independent.
    fn expected(&self, words: &[usize]) -> f64 {
        let n = self.index.len() as f64;
        words
            .iter()
            .map(|&w| self.words[w].len as f64 / n)
            .product::<f64>()
            * n
    }

    /// Scores every address in `branch` that could enter the top: splits it on its rarest
    /// open word (holding it first, so the best addresses come early and raise the bar)
    /// until the words it must hold are rare enough together to list by leapfrogging.
    fn search_branch(
        &mut self,
        mut branch: Branch,
        order: &[usize],
        rank: &[usize],
        top: &mut Top,
    ) {
        let threshold = top.threshold();
        if self.budget == 0 || branch.total + EPSILON < threshold {
            return;
        }
        // Open words an address cannot lack and still enter: it must hold them.
        let total = branch.total;
        let (must, open): (Vec<usize>, Vec<usize>) = branch
            .open
            .iter()
            .partition(|&&w| total - self.words[w].upper + EPSILON < threshold);
        branch.held.extend(must);
        branch.open = open;
        branch.held.sort_by_key(|&w| self.words[w].len);
        if branch.held.is_empty() && branch.open.is_empty() {
            return;
        }
        if branch.open.is_empty()
            || (!branch.held.is_empty() && self.expected(&branch.held) <= LIST_BELOW)
        {
            let mut cursors = self.cursors();
            let mut scoring = self.cursors();
            let mut target = 0u32;
            while let Ok(Some(doc)) = self.leapfrog(&mut cursors, &branch.held, target) {
                let bar = top.threshold();
                if let Some(hit) = self.score(&mut scoring, doc, branch.lacked, order, bar) {
                    top.offer(hit);
                }
                match doc.checked_add(1) {
                    Some(next) => target = next,
                    None => break,
                }
            }
            return;
        }
        let rarest = branch.open.remove(0);
        let mut holding = branch.held.clone();
        holding.push(rarest);
        self.search_branch(
            Branch {
                held: holding,
                lacked: branch.lacked,
                open: branch.open.clone(),
                total: branch.total,
            },
            order,
            rank,
            top,
        );
        self.search_branch(
            Branch {
                held: branch.held,
                lacked: branch.lacked | 1 << rank[rarest],
                open: branch.open,
                total: branch.total - self.words[rarest].upper,
            },
            order,
            rank,
            top,
        );
    }
}

/// Part of the search: the addresses holding every word in `held`, none in `lacked` (bits
/// over the words by `upper`, ascending) and any of `open`.
struct Branch {
    held: Vec<usize>,
    lacked: u64,
    /// Rarest first.
    open: Vec<usize>,
    /// The most an address here can score.
    total: f32,
}

impl AddressIndex {
    /// The addresses best matching free text, best first, at most `limit`. Tolerates typos
    /// (one edit in words of 4 letters, two from 5), abbreviations ("st", "rd",
    /// "apt") and missing words; the last word may be unfinished. Numbers must match exactly.
    ///
    /// Scoring: each query word scores the rarest-is-best weight (inverse document frequency)
    /// of its best match in the address, discounted for edits or a prefix; an address that
    /// says more than the query loses a little, so "12 High Street" outranks "Flat 3, 12 High
    /// Street" for the query "12 high st". The top `limit` are found without scoring every
    /// address that shares a word with the query (see the module's source for how).
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit<'_>> {
        if limit == 0 || self.is_empty() {
            return Vec::new();
        }
        let words = self.query_words(query);
        if words.is_empty() {
            return Vec::new();
        }
        let total = words.iter().map(|w| w.upper).sum();
        let query = Query {
            index: self,
            words,
            total,
            budget: BUDGET,
        };
        query
            .run(limit)
            .into_iter()
            .map(|hit| SearchHit {
                address: IndexedAddress {
                    index: self,
                    position: hit.doc as usize,
                    postcode: None,
                },
                score: hit.score,
            })
            .collect()
    }

    /// The query's words that match any term, each with its postings and weights.
    fn query_words(&self, query: &str) -> Vec<Word<'_>> {
        let mut terms = text::terms(query);
        terms.truncate(MAX_WORDS);
        let last = terms.len().saturating_sub(1);
        // A word said twice ("acorn house, 5 acorn road") is one word counted twice: it has
        // the same postings, and the search need not branch on it twice.
        let mut words: Vec<(String, bool, u32)> = Vec::new();
        for (i, word) in terms.into_iter().enumerate() {
            let unfinished = i == last && !query.ends_with(' ');
            match words
                .iter_mut()
                .find(|(w, u, _)| *w == word && *u == unfinished)
            {
                Some((_, _, times)) => *times += 1,
                None => words.push((word, unfinished, 1)),
            }
        }
        let n = self.len() as f32;
        words
            .iter()
            .filter_map(|(word, unfinished, times)| {
                let matches = self.expand(word, *unfinished);
                let mut big: Vec<Part<'_>> = Vec::new();
                let mut small = Vec::new();
                for (term, factor) in matches {
                    let docs = self.posting(term);
                    if docs.is_empty() {
                        continue;
                    }
                    let weight = (1.0 + n / docs.len() as f32).ln() * factor;
                    if docs.len() >= SMALL_LIST {
                        big.push(Part {
                            docs: Cow::Borrowed(docs),
                            weights: Weights::One(weight),
                        });
                    } else {
                        small.push((docs, weight));
                    }
                }
                if let [(docs, weight)] = small[..] {
                    big.push(Part {
                        docs: Cow::Borrowed(docs),
                        weights: Weights::One(weight),
                    });
                } else if !small.is_empty() {
                    let mut small: Vec<(u32, f32)> = small
                        .iter()
                        .flat_map(|&(docs, weight)| docs.iter().map(move |&d| (d, weight)))
                        .collect();
                    // By address, best weight first; keep the best of each address.
                    small.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
                    small.dedup_by_key(|(doc, _)| *doc);
                    let (docs, weights) = small.into_iter().unzip();
                    big.push(Part {
                        docs: Cow::Owned(docs),
                        weights: Weights::Each(weights),
                    });
                }
                let upper = big.iter().map(Part::upper).fold(0.0f32, f32::max);
                let len = big.iter().map(|p| p.docs.len()).sum();
                (upper > 0.0).then_some(Word {
                    parts: big,
                    upper: upper * *times as f32,
                    len,
                    times: *times,
                })
            })
            .collect()
    }

    /// A query word's matching terms and how much each counts (1.0 for the word itself).
    fn expand(&self, word: &str, may_be_unfinished: bool) -> Vec<(usize, f32)> {
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
        let mut matches: Vec<(usize, f32)> = matches.into_iter().collect();
        // HashMap order varies from run to run; merged weights must not.
        matches.sort_unstable_by_key(|&(term, _)| term);
        matches
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate;
    use proptest::prelude::*;

    fn index() -> &'static AddressIndex {
        static INDEX: std::sync::OnceLock<AddressIndex> = std::sync::OnceLock::new();
        INDEX.get_or_init(|| {
            AddressIndex::build(generate::sample_gazetteer(3_000, 3), generate::info())
        })
    }

    /// Every address scored, the slow way: what `search` must give.
    fn score_everything(index: &AddressIndex, query: &str, limit: usize) -> Vec<(u32, f32)> {
        let words = index.query_words(query);
        let mut all = Vec::new();
        for doc in 0..index.len() as u32 {
            let mut sum = 0.0f32;
            let mut matched = 0u32;
            for word in &words {
                let best = word
                    .parts
                    .iter()
                    .filter_map(|p| p.docs.binary_search(&doc).ok().map(|i| p.weight(i)))
                    .fold(0.0f32, f32::max)
                    * word.times as f32;
                sum += best;
                matched += if best > 0.0 { word.times } else { 0 };
            }
            if matched > 0 {
                let extra = (f32::from(index.term_counts[doc as usize]) - matched as f32).max(0.0);
                all.push((doc, sum - EXTRA_TERM * extra));
            }
        }
        all.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        all.truncate(limit);
        all
    }

    #[test]
    fn finds_what_scoring_every_address_finds() {
        let index = index();
        let mut queries: Vec<String> = vec![
            "road".into(),
            "flat 1".into(),
            "sampleton".into(),
            "house 12 street".into(),
            "the old forge northgate".into(),
            "12 14 16".into(),
        ];
        for (i, a) in index.addresses().enumerate().step_by(23) {
            let line = a.to_address().single_line().to_lowercase();
            let words: Vec<&str> = line.split([' ', ',']).filter(|w| !w.is_empty()).collect();
            // The line, a word left out, a slip in the longest word, a stray word.
            let query = match i % 4 {
                0 => words.join(" "),
                1 => words[1..].join(" "),
                2 => {
                    let longest = words.iter().max_by_key(|w| w.len()).copied().unwrap_or("");
                    let slipped: String = longest.chars().rev().collect();
                    words.join(" ").replacen(longest, &slipped[..], 1)
                }
                _ => format!("house {}", words[..words.len().min(4)].join(" ")),
            };
            queries.push(query);
        }
        assert!(queries.len() > 100);
        for query in &queries {
            for limit in [1, 10] {
                let got: Vec<(u32, f32)> = index
                    .search(query, limit)
                    .iter()
                    .map(|h| (h.address.position as u32, h.score))
                    .collect();
                assert_eq!(got, score_everything(index, query, limit), "{query:?}");
            }
        }
    }

    #[test]
    fn gallop_finds_the_first_at_or_after() {
        let docs = [2, 4, 4, 9, 30, 31, 100];
        for from in 0..=docs.len() {
            for target in 0..110 {
                let want = from + docs[from..].partition_point(|&d| d < target);
                assert_eq!(gallop(&docs, from, target), want, "{from} {target}");
            }
        }
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

        #[test]
        fn any_query_of_index_words_finds_what_scoring_everything_finds(
            picks in proptest::collection::vec(0usize..40, 1..7)
        ) {
            const WORDS: [&str; 40] = [
                "flat", "1", "2", "3", "12", "street", "st", "road", "lane", "acorn", "birch",
                "cedar", "court", "house", "the", "old", "forge", "northgate", "eastfield",
                "sampleton", "mill", "church", "oak", "willow", "rose", "cottage", "zy1",
                "avenue", "close", "grove", "heights", "lodge", "point", "surgery", "acron",
                "stret", "nothgate", "7", "20", "40",
            ];
            let query: Vec<&str> = picks.iter().map(|&i| WORDS[i]).collect();
            let query = query.join(" ");
            let index = index();
            let got: Vec<(u32, f32)> = index
                .search(&query, 10)
                .iter()
                .map(|h| (h.address.position as u32, h.score))
                .collect();
            prop_assert_eq!(got, score_everything(index, &query, 10), "{:?}", query);
        }
    }
}
