//! Saving and loading an index as one versioned file.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::store::Strings;
use super::{AddressIndex, IndexInfo, Skips};
use crate::Postcode;

const MAGIC: &[u8; 8] = b"CIVICIDX";
/// The index file format this build reads and writes. Bumped whenever the payload changes.
pub const FORMAT_VERSION: u32 = 2;
const HEADER_LEN: usize = 8 + 4 + 8 + 4;

/// Why an index could not be saved or loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IndexError {
    /// Reading or writing the file failed.
    #[error("cannot {action} {path}: {source}")]
    Io {
        /// What was being done: "read" or "write".
        action: &'static str,
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The file does not start with the index magic bytes.
    #[error("not a civic address index (it does not start with CIVICIDX)")]
    NotAnIndex,
    /// The file was written by a different format version; rebuild it with this version.
    #[error(
        "the index is format version {found}, this build reads version {supported}: rebuild it"
    )]
    UnsupportedVersion {
        /// The file's version.
        found: u32,
        /// The version this build reads.
        supported: u32,
    },
    /// The file is shorter than its header says: an interrupted copy or download.
    #[error("the index is truncated: {found} bytes of {expected}")]
    Truncated {
        /// Bytes the header promises.
        expected: u64,
        /// Bytes present.
        found: u64,
    },
    /// The payload does not match its checksum or cannot be decoded.
    #[error("the index is corrupt: {0}")]
    Corrupt(String),
}

/// The payload as written: offsets become lengths and posting lists become gaps, so the
/// file is small (postcard writes integers as varints).
#[derive(Serialize)]
struct StoredRef<'a> {
    info: &'a IndexInfo,
    strings: &'a str,
    string_lengths: Vec<u32>,
    records: &'a [u8],
    record_lengths: Vec<u32>,
    postcodes: &'a [(Postcode, u32)],
    by_uprn: &'a [u32],
    terms: &'a [u8],
    posting_lengths: Vec<u32>,
    posting_gaps: Vec<u32>,
    term_counts: &'a [u16],
}

/// [`StoredRef`] read back.
#[derive(Deserialize)]
struct Stored {
    info: IndexInfo,
    strings: String,
    string_lengths: Vec<u32>,
    records: Vec<u8>,
    record_lengths: Vec<u32>,
    postcodes: Vec<(Postcode, u32)>,
    by_uprn: Vec<u32>,
    terms: Vec<u8>,
    posting_lengths: Vec<u32>,
    posting_gaps: Vec<u32>,
    term_counts: Vec<u16>,
}

fn lengths<T: Copy + Into<u64>>(starts: &[T]) -> Vec<u32> {
    starts
        .windows(2)
        .map(|w| (w[1].into() - w[0].into()) as u32)
        .collect()
}

/// Offsets from lengths: `None` if they do not fit the offset type.
fn starts<T: TryFrom<u64>>(lengths: &[u32]) -> Option<Vec<T>> {
    let mut at = 0u64;
    let mut out = Vec::with_capacity(lengths.len() + 1);
    out.push(T::try_from(0).ok()?);
    for &l in lengths {
        at += u64::from(l);
        out.push(T::try_from(at).ok()?);
    }
    Some(out)
}

impl AddressIndex {
    /// The index as the bytes of an index file.
    pub fn to_bytes(&self) -> Result<Vec<u8>, IndexError> {
        let mut posting_gaps = Vec::with_capacity(self.postings.len());
        for term in 0..self.posting_starts.len().saturating_sub(1) {
            let mut last = 0;
            for &p in self.posting(term) {
                posting_gaps.push(p - last);
                last = p;
            }
        }
        let payload = postcard::to_stdvec(&StoredRef {
            info: &self.info,
            strings: &self.strings.text,
            string_lengths: lengths(&self.strings.starts),
            records: &self.records,
            record_lengths: lengths(&self.record_starts),
            postcodes: &self.postcodes,
            by_uprn: &self.by_uprn,
            terms: self.terms.as_fst().as_bytes(),
            posting_lengths: lengths(&self.posting_starts),
            posting_gaps,
            term_counts: &self.term_counts,
        })
        .map_err(|e| IndexError::Corrupt(e.to_string()))?;
        let mut bytes = Vec::with_capacity(HEADER_LEN + payload.len());
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&crc32fast::hash(&payload).to_le_bytes());
        bytes.extend_from_slice(&payload);
        Ok(bytes)
    }

    /// Reads an index from the bytes of an index file, refusing anything else.
    pub fn from_bytes(bytes: &[u8]) -> Result<AddressIndex, IndexError> {
        if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
            return Err(IndexError::NotAnIndex);
        }
        let header = |at: usize, len: usize| -> Result<&[u8], IndexError> {
            bytes.get(at..at + len).ok_or(IndexError::Truncated {
                expected: HEADER_LEN as u64,
                found: bytes.len() as u64,
            })
        };
        let version = u32::from_le_bytes(array(header(8, 4)?));
        if version != FORMAT_VERSION {
            return Err(IndexError::UnsupportedVersion {
                found: version,
                supported: FORMAT_VERSION,
            });
        }
        let length = u64::from_le_bytes(array(header(12, 8)?));
        let checksum = u32::from_le_bytes(array(header(20, 4)?));
        let payload = &bytes[HEADER_LEN..];
        if (payload.len() as u64) < length {
            return Err(IndexError::Truncated {
                expected: HEADER_LEN as u64 + length,
                found: bytes.len() as u64,
            });
        }
        if payload.len() as u64 > length {
            return Err(IndexError::Corrupt("extra bytes after the payload".into()));
        }
        if crc32fast::hash(payload) != checksum {
            return Err(IndexError::Corrupt("checksum mismatch".into()));
        }
        let stored: Stored =
            postcard::from_bytes(payload).map_err(|e| IndexError::Corrupt(e.to_string()))?;
        let corrupt = |what: &str| IndexError::Corrupt(format!("{what} disagree"));
        let terms = fst::Map::new(stored.terms).map_err(|e| IndexError::Corrupt(e.to_string()))?;
        let mut postings = stored.posting_gaps;
        let posting_starts: Vec<u32> =
            starts(&stored.posting_lengths).ok_or_else(|| corrupt("postings"))?;
        if terms.len() != stored.posting_lengths.len()
            || posting_starts.last().copied().unwrap_or(0) as usize != postings.len()
        {
            return Err(corrupt("terms and postings"));
        }
        for w in posting_starts.windows(2) {
            let mut at = 0u32;
            for p in &mut postings[w[0] as usize..w[1] as usize] {
                at = at.checked_add(*p).ok_or_else(|| corrupt("postings"))?;
                *p = at;
            }
        }
        let index = AddressIndex {
            info: stored.info,
            strings: Strings {
                text: stored.strings,
                starts: starts(&stored.string_lengths).ok_or_else(|| corrupt("strings"))?,
            },
            records: stored.records,
            record_starts: starts(&stored.record_lengths).ok_or_else(|| corrupt("records"))?,
            postcodes: stored.postcodes,
            by_uprn: stored.by_uprn,
            words: AddressIndex::words_of(&terms),
            terms,
            skips: Skips::new(&postings, &posting_starts),
            postings,
            posting_starts,
            term_counts: stored.term_counts,
        };
        index.check().map_err(corrupt)?;
        Ok(index)
    }

    /// Whether the sections agree with one another, naming the first that does not: a file
    /// with a good checksum may still come from a faulty writer, and answers must never
    /// index out of bounds.
    fn check(&self) -> Result<(), &'static str> {
        let n = self.len();
        if !self.strings.is_consistent() {
            return Err("strings");
        }
        if self.record_starts.last().copied().unwrap_or(0) as usize != self.records.len() {
            return Err("records");
        }
        for position in 0..n {
            let fine = self.fields(position).is_some_and(|f| {
                f.is_consistent(&self.strings) && crate::Uprn::new(f.uprn).is_some()
            });
            if !fine {
                return Err("records");
            }
        }
        let postcodes_in_order = self
            .postcodes
            .windows(2)
            .all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1)
            && self.postcodes.iter().all(|&(_, p)| (p as usize) < n);
        if !postcodes_in_order {
            return Err("postcodes");
        }
        let uprns_in_order = self.by_uprn.len() == n
            && self.by_uprn.iter().all(|&p| (p as usize) < n)
            && self
                .by_uprn
                .windows(2)
                .all(|w| self.uprn_at(w[0] as usize) < self.uprn_at(w[1] as usize));
        if !uprns_in_order {
            return Err("UPRNs");
        }
        if self.term_counts.len() != n || self.postings.iter().any(|&p| p as usize >= n) {
            return Err("postings");
        }
        Ok(())
    }

    /// Loads an index file in one read.
    pub fn open(path: impl AsRef<Path>) -> Result<AddressIndex, IndexError> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| IndexError::Io {
            action: "read",
            path: path.to_owned(),
            source,
        })?;
        AddressIndex::from_bytes(&bytes)
    }

    /// Saves the index: written to a temporary file beside `path`, then renamed over it, so a
    /// reader never sees a half-written index and a failed save leaves the old one in place.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<(), IndexError> {
        let path = path.as_ref();
        let io = |source| IndexError::Io {
            action: "write",
            path: path.to_owned(),
            source,
        };
        let bytes = self.to_bytes()?;
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
        temp.write_all(&bytes).map_err(io)?;
        temp.as_file().sync_all().map_err(io)?;
        temp.persist(path).map_err(|e| io(e.error))?;
        Ok(())
    }
}

fn array<const N: usize>(slice: &[u8]) -> [u8; N] {
    let mut out = [0u8; N];
    out.copy_from_slice(slice);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate;

    fn index() -> AddressIndex {
        AddressIndex::build(generate::sample_gazetteer(300, 7), generate::info())
    }

    #[test]
    fn round_trips_through_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("town.idx");
        let index = index();
        index.save(&path).unwrap();
        let loaded = AddressIndex::open(&path).unwrap();
        let all = |i: &AddressIndex| i.addresses().map(|a| a.to_address()).collect::<Vec<_>>();
        assert_eq!(all(&loaded), all(&index));
        assert_eq!(loaded.info(), index.info());
        let a = index.addresses().nth(17).unwrap().to_address();
        assert_eq!(loaded.find_by_uprn(a.uprn).unwrap().to_address(), a);
        assert_eq!(
            loaded.search("flat 2", 5).len(),
            index.search("flat 2", 5).len()
        );
    }

    #[test]
    fn refuses_truncated_other_version_and_foreign_files() {
        let bytes = index().to_bytes().unwrap();
        for cut in [0, 7, 9, HEADER_LEN, bytes.len() / 2, bytes.len() - 1] {
            let error = AddressIndex::from_bytes(&bytes[..cut]).unwrap_err();
            assert!(
                matches!(error, IndexError::Truncated { .. } | IndexError::NotAnIndex),
                "{cut}: {error}"
            );
        }
        let mut other = bytes.clone();
        other[8..12].copy_from_slice(&1u32.to_le_bytes());
        let error = AddressIndex::from_bytes(&other).unwrap_err();
        assert!(matches!(
            error,
            IndexError::UnsupportedVersion {
                found: 1,
                supported: FORMAT_VERSION
            }
        ));
        assert!(error.to_string().contains("rebuild"), "{error}");
        let mut flipped = bytes.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 0xFF;
        assert!(matches!(
            AddressIndex::from_bytes(&flipped),
            Err(IndexError::Corrupt(_))
        ));
        assert!(matches!(
            AddressIndex::from_bytes(b"uprn,postcode\n1,SW1A 2AA\n"),
            Err(IndexError::NotAnIndex)
        ));
    }

    #[test]
    fn a_failed_save_leaves_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing-folder").join("town.idx");
        assert!(index().save(&path).is_err());
        assert!(!path.exists());
    }
}
