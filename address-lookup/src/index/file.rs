//! Saving and loading an index as one versioned file.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{AddressIndex, IndexInfo};
use crate::Address;

const MAGIC: &[u8; 8] = b"CIVICIDX";
/// The index file format this build reads and writes. Bumped whenever the payload changes.
pub const FORMAT_VERSION: u32 = 1;
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

#[derive(Serialize)]
struct StoredRef<'a> {
    info: &'a IndexInfo,
    addresses: &'a [Address],
    terms: &'a [u8],
    postings: &'a [Vec<u32>],
    term_counts: &'a [u16],
}

#[derive(Deserialize)]
struct Stored {
    info: IndexInfo,
    addresses: Vec<Address>,
    terms: Vec<u8>,
    postings: Vec<Vec<u32>>,
    term_counts: Vec<u16>,
}

impl AddressIndex {
    /// The index as the bytes of an index file.
    pub fn to_bytes(&self) -> Result<Vec<u8>, IndexError> {
        let payload = postcard::to_stdvec(&StoredRef {
            info: &self.info,
            addresses: &self.addresses,
            terms: self.terms.as_fst().as_bytes(),
            postings: &self.postings,
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
        let terms = fst::Map::new(stored.terms).map_err(|e| IndexError::Corrupt(e.to_string()))?;
        let consistent = terms.len() == stored.postings.len()
            && stored.term_counts.len() == stored.addresses.len()
            && stored
                .postings
                .iter()
                .flatten()
                .all(|&p| (p as usize) < stored.addresses.len());
        if !consistent {
            return Err(IndexError::Corrupt("sections disagree".into()));
        }
        Ok(AddressIndex::assemble(
            stored.info,
            stored.addresses,
            terms,
            stored.postings,
            stored.term_counts,
        ))
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
        assert_eq!(loaded.addresses(), index.addresses());
        assert_eq!(loaded.info(), index.info());
        let a = &index.addresses()[17];
        assert_eq!(loaded.find_by_uprn(a.uprn), Some(a));
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
        other[8..12].copy_from_slice(&2u32.to_le_bytes());
        let error = AddressIndex::from_bytes(&other).unwrap_err();
        assert!(matches!(
            error,
            IndexError::UnsupportedVersion {
                found: 2,
                supported: 1
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
