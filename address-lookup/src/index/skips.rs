//! Finding the first address at or after a target in a sorted posting list, fast when the
//! list is long and the target far ahead.
//!
//! Long searches spend most of their time there, waiting on memory: halving through a list of
//! a million addresses touches a new cache line at nearly every step. So each list keeps the
//! last address of every block of [`BLOCK`] (derived on build and open, not stored): a far
//! target is found in that short array, then in one block of four cache lines.

/// Addresses in a block.
const BLOCK: usize = 32;

/// The last address of each full block of every posting list.
#[derive(Debug, Default)]
pub(crate) struct Skips {
    /// Term after term.
    lasts: Vec<u32>,
    /// `starts[t]..starts[t + 1]` is term `t`'s range of `lasts`.
    starts: Vec<u32>,
}

impl Skips {
    /// The skips of `postings`, whose term `t` is `postings[starts[t]..starts[t + 1]]`.
    pub(crate) fn new(postings: &[u32], starts: &[u32]) -> Skips {
        let mut skips = Skips {
            lasts: Vec::with_capacity(postings.len() / BLOCK + 1),
            starts: Vec::with_capacity(starts.len()),
        };
        skips.starts.push(0);
        for w in starts.windows(2) {
            let list = postings.get(w[0] as usize..w[1] as usize).unwrap_or(&[]);
            skips
                .lasts
                .extend(list.chunks_exact(BLOCK).map(|block| block[BLOCK - 1]));
            skips.starts.push(skips.lasts.len() as u32);
        }
        skips
    }

    /// Term `term`'s skips.
    pub(crate) fn of(&self, term: usize) -> &[u32] {
        match (self.starts.get(term), self.starts.get(term + 1)) {
            (Some(&start), Some(&end)) => {
                self.lasts.get(start as usize..end as usize).unwrap_or(&[])
            }
            _ => &[],
        }
    }

    /// Bytes held.
    pub(crate) fn heap_bytes(&self) -> usize {
        (self.lasts.capacity() + self.starts.capacity()) * 4
    }
}

/// The first index at or after `from` whose address is at least `target`. `skips` are the
/// list's (the last address of each full block), or empty for a list made for one query.
pub(crate) fn seek(docs: &[u32], skips: &[u32], from: usize, target: u32) -> usize {
    if docs.get(from).is_none_or(|&d| d >= target) {
        return from.min(docs.len());
    }
    let block = from / BLOCK;
    match skips.get(block) {
        // Past the last full block, or no skips: the list itself.
        None => gallop(docs, from, target),
        Some(&last) if last >= target => {
            let end = ((block + 1) * BLOCK).min(docs.len());
            from + docs[from..end].partition_point(|&d| d < target)
        }
        Some(_) => {
            // The first later block whose last address reaches the target; every address
            // before it is below the target.
            let next = gallop(skips, block + 1, target);
            let start = next * BLOCK;
            let end = ((next + 1) * BLOCK).min(docs.len());
            start + docs[start..end].partition_point(|&d| d < target)
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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

    proptest! {
        #[test]
        fn seek_finds_what_a_scan_finds(
            gaps in proptest::collection::vec(1u32..40, 0..300),
            from in 0usize..320,
            target in 0u32..12_000,
        ) {
            let docs: Vec<u32> = gaps.iter().scan(0, |at, g| { *at += g; Some(*at) }).collect();
            let from = from.min(docs.len());
            let skips = Skips::new(&docs, &[0, docs.len() as u32]);
            let want = from + docs[from..].partition_point(|&d| d < target);
            prop_assert_eq!(seek(&docs, skips.of(0), from, target), want);
            prop_assert_eq!(seek(&docs, &[], from, target), want);
        }
    }
}
