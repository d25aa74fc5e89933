//! Free-text search over the index: typo-tolerant term matching, then top-k scoring that
//! looks only at the addresses that could still reach the top k.
//!
//! # How the top k are found
//!
//! An address scores, for each query word, the weight of its best matching term, so holding
//! more of the query's words (and the rarer ones) is what lifts an address. The search splits
//! the addresses on the query's most valuable word: those holding it are searched first, so
//! the best addresses come early and set the bar (the k-th best score so far); then those
//! lacking it, which can score less. A word whose absence alone would sink an address below
//! the bar becomes required, and once the required words are expected to be held together by
//! few addresses, they are listed by intersecting their sorted posting lists (leapfrogging
//! with galloping search), so common words ("road", the town) cost a few skips rather than a
//! walk of their lists. A part that cannot beat the bar is never looked at. Each word is split
//! in two for this: its best term (usually the word itself) and its near misses, so a word
//! whose near misses are common ("rowan" is two edits from "robin") is still found through
//! its own short list first.
//!
//! Nothing that could enter the top k is skipped, so the answer is the one scoring every
//! address would give (a test checks exactly that). A work budget bounds the rare query made
//! only of very common words ("road"), which cannot single out an address anyway.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};
use std::sync::OnceLock;

use fst::{Automaton, IntoStreamer, Streamer};
use levenshtein_automata::{DFA, Distance, LevenshteinAutomatonBuilder, SINK_STATE};

use super::{AddressIndex, IndexedAddress, skips, text};

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
    /// The list's skips (none for a merged list).
    skips: &'a [u32],
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
    /// Best first.
    parts: Vec<Part<'a>>,
    upper: f32,
    /// How many times the query says it; it scores that many times over.
    times: u32,
}

/// Where a walk over some parts' postings has got to: one position per part. Targets only
/// ever rise.
struct Cursor {
    at: Vec<usize>,
}

impl Cursor {
    fn new(parts: &[Part]) -> Cursor {
        Cursor {
            at: vec![0; parts.len()],
        }
    }

    /// The first address at or after `target` in any of the parts.
    fn seek(&mut self, parts: &[Part], target: u32) -> Option<u32> {
        let mut first: Option<u32> = None;
        for (part, at) in parts.iter().zip(&mut self.at) {
            *at = skips::seek(&part.docs, part.skips, *at, target);
            if let Some(&doc) = part.docs.get(*at) {
                first = Some(first.map_or(doc, |f| f.min(doc)));
            }
        }
        first
    }

    /// The best weight of the parts holding `doc`, or 0.
    fn weight(&mut self, parts: &[Part], doc: u32) -> f32 {
        let mut best = 0.0f32;
        for (part, at) in parts.iter().zip(&mut self.at) {
            *at = skips::seek(&part.docs, part.skips, *at, doc);
            if part.docs.get(*at) == Some(&doc) {
                best = best.max(part.weight(*at));
            }
        }
        best
    }
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

/// What the search branches on: a query word's best part (usually the word itself), or the
/// rest of its parts (its near misses). A word whose near misses are common ("rowan" is two
/// edits from "robin") is then found through its own short list first.
struct Unit {
    word: usize,
    parts: std::ops::Range<usize>,
    /// The most it adds to a score (times the word's count).
    upper: f32,
    /// Addresses in all its parts together: how costly it is to walk.
    len: usize,
}

/// A query made ready to run: its words, weighted, and the work left.
struct Query<'i> {
    index: &'i AddressIndex,
    words: Vec<Word<'i>>,
    units: Vec<Unit>,
    /// Each word's units.
    of_word: Vec<std::ops::Range<usize>>,
    /// The most any address can score.
    total: f32,
    budget: usize,
}

impl<'i> Query<'i> {
    fn new(index: &'i AddressIndex, words: Vec<Word<'i>>) -> Query<'i> {
        let mut units = Vec::new();
        let mut of_word = Vec::new();
        for (w, word) in words.iter().enumerate() {
            let first = units.len();
            let split = word.parts.len().min(1);
            for parts in [0..split, split..word.parts.len()] {
                if parts.is_empty() {
                    continue;
                }
                let slice = &word.parts[parts.clone()];
                units.push(Unit {
                    word: w,
                    upper: slice.iter().map(Part::upper).fold(0.0f32, f32::max) * word.times as f32,
                    len: slice.iter().map(|p| p.docs.len()).sum(),
                    parts,
                });
            }
            of_word.push(first..units.len());
        }
        Query {
            index,
            total: words.iter().map(|w| w.upper).sum(),
            words,
            units,
            of_word,
            budget: BUDGET,
        }
    }

    fn parts(&self, unit: usize) -> &[Part<'i>] {
        let u = &self.units[unit];
        &self.words[u.word].parts[u.parts.clone()]
    }

    fn cursors(&self) -> Vec<Cursor> {
        (0..self.units.len())
            .map(|u| Cursor::new(self.parts(u)))
            .collect()
    }

    /// Spends some work; false when there was not enough left.
    fn spend(&mut self, units: usize) -> bool {
        let enough = self.budget >= units;
        self.budget = self.budget.saturating_sub(units);
        enough
    }

    /// The most an address lacking the units in `lacked` can score.
    fn total_without(&self, lacked: u64) -> f32 {
        self.of_word
            .iter()
            .map(|units| {
                units
                    .clone()
                    .filter(|&u| lacked & (1 << u) == 0)
                    .map(|u| self.units[u].upper)
                    .fold(0.0f32, f32::max)
            })
            .sum()
    }

    /// The first address at or after `target` holding every unit in `units` (rarest first),
    /// moving their cursors there. Leapfrog: each in turn moves to the first address at or
    /// after the target; when all agree, that address holds them all. `Err` when the budget
    /// runs out.
    fn leapfrog(
        &mut self,
        cursors: &mut [Cursor],
        units: &[usize],
        mut target: u32,
    ) -> Result<Option<u32>, ()> {
        let mut agreed = 0;
        let mut i = 0;
        while agreed < units.len() {
            if !self.spend(1) {
                return Err(());
            }
            let u = units[i];
            let Some(doc) = cursors[u].seek(self.parts(u), target) else {
                return Ok(None);
            };
            if doc == target {
                agreed += 1;
            } else {
                target = doc;
                agreed = 1;
            }
            i = (i + 1) % units.len();
        }
        Ok(Some(target))
    }

    /// `doc`'s score, unless it holds a unit in `lacked` (it belongs to another branch) or
    /// cannot beat `threshold`. `order` is the words by what they are worth at most,
    /// ascending; the most valuable are checked first, so an address that lacks them is
    /// dropped early.
    fn score(
        &mut self,
        cursors: &mut [Cursor],
        doc: u32,
        lacked: u64,
        order: &[usize],
        threshold: f32,
    ) -> Option<Ranked> {
        self.spend(self.words.len());
        let mut weights = [0.0f32; MAX_WORDS];
        let mut possible = self.total;
        let mut matched = 0u32;
        for &w in order.iter().rev() {
            let mut best = 0.0f32;
            for u in self.of_word[w].clone() {
                let u_weight = cursors[u].weight(self.parts(u), doc);
                if u_weight > 0.0 && lacked & (1 << u) != 0 {
                    return None;
                }
                best = best.max(u_weight);
            }
            let word = &self.words[w];
            let weight = best * word.times as f32;
            if weight > 0.0 {
                matched += word.times;
            }
            possible -= word.upper - weight;
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
        // Words by what they are worth at most, ascending: scoring checks them in reverse.
        let mut order: Vec<usize> = (0..self.words.len()).collect();
        order.sort_by(|&a, &b| self.words[a].upper.total_cmp(&self.words[b].upper));
        // Split on the units worth most first: the rarest exact words, before near misses
        // that happen to be rare.
        let mut open: Vec<usize> = (0..self.units.len()).collect();
        open.sort_by(|&a, &b| self.units[b].upper.total_cmp(&self.units[a].upper));
        let branch = Branch {
            held: Vec::new(),
            lacked: 0,
            open,
        };
        self.search_branch(branch, &order, &mut top);
        top.into_best_first()
    }

    /// Addresses expected to hold every unit in `units`, were they independent.
    fn expected(&self, units: &[usize]) -> f64 {
        let n = self.index.len() as f64;
        units
            .iter()
            .map(|&u| self.units[u].len as f64 / n)
            .product::<f64>()
            * n
    }

    /// Scores every address in `branch` that could enter the top: splits it on its rarest
    /// open unit (holding it first, so the best addresses come early and raise the bar)
    /// until the units it must hold are rare enough together to list by leapfrogging.
    fn search_branch(&mut self, mut branch: Branch, order: &[usize], top: &mut Top) {
        let threshold = top.threshold();
        let total = self.total_without(branch.lacked);
        if self.budget == 0 || total + EPSILON < threshold {
            return;
        }
        // Open units an address cannot lack and still enter: it must hold them.
        let (must, open): (Vec<usize>, Vec<usize>) = branch
            .open
            .iter()
            .partition(|&&u| self.total_without(branch.lacked | 1 << u) + EPSILON < threshold);
        branch.held.extend(must);
        branch.open = open;
        branch.held.sort_by_key(|&u| self.units[u].len);
        if branch.held.is_empty() && branch.open.is_empty() {
            return;
        }
        let few = !branch.held.is_empty() && self.expected(&branch.held) <= LIST_BELOW;
        if branch.open.is_empty() || few {
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
        // Holding it, the word's units worth no more cannot change what it scores: they are
        // neither required nor split on.
        let (word, upper) = (self.units[rarest].word, self.units[rarest].upper);
        let still_open = branch
            .open
            .iter()
            .copied()
            .filter(|&u| self.units[u].word != word || self.units[u].upper > upper)
            .collect();
        self.search_branch(
            Branch {
                held: holding,
                lacked: branch.lacked,
                open: still_open,
            },
            order,
            top,
        );
        self.search_branch(
            Branch {
                held: branch.held,
                lacked: branch.lacked | 1 << rarest,
                open: branch.open,
            },
            order,
            top,
        );
    }
}

/// Part of the search: the addresses holding every unit in `held`, none in `lacked` (bits
/// over the units) and any of `open`.
struct Branch {
    held: Vec<usize>,
    lacked: u64,
    /// Rarest first.
    open: Vec<usize>,
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
        Query::new(self, words)
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
                    let skips = self.skips.of(term);
                    if docs.is_empty() {
                        continue;
                    }
                    let weight = (1.0 + n / docs.len() as f32).ln() * factor;
                    if docs.len() >= SMALL_LIST {
                        big.push(Part {
                            docs: Cow::Borrowed(docs),
                            skips,
                            weights: Weights::One(weight),
                        });
                    } else {
                        small.push((docs, skips, weight));
                    }
                }
                if let [(docs, skips, weight)] = small[..] {
                    big.push(Part {
                        docs: Cow::Borrowed(docs),
                        skips,
                        weights: Weights::One(weight),
                    });
                } else if !small.is_empty() {
                    let mut small: Vec<(u32, f32)> = small
                        .iter()
                        .flat_map(|&(docs, _, weight)| docs.iter().map(move |&d| (d, weight)))
                        .collect();
                    // By address, best weight first; keep the best of each address.
                    small.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
                    small.dedup_by_key(|(doc, _)| *doc);
                    let (docs, weights) = small.into_iter().unzip();
                    big.push(Part {
                        docs: Cow::Owned(docs),
                        skips: &[],
                        weights: Weights::Each(weights),
                    });
                }
                // Best first: the search branches on the best part alone.
                big.sort_by(|a, b| b.upper().total_cmp(&a.upper()));
                let upper = big.iter().map(Part::upper).fold(0.0f32, f32::max);
                (upper > 0.0).then_some(Word {
                    parts: big,
                    upper: upper * *times as f32,
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
        let mut stream = self.words.search_with_state(automaton).into_stream();
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
