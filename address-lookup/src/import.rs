//! Importers: AddressBase Plus CSV, AddressBase Premium CSV (full supply and change-only
//! updates) and OS Places JSON into [`Address`]es; Code-Point Open into postcode positions.
//!
//! A malformed row is reported with its file, line and column ([`RowError`]); by
//! [`OnError`] the import either skips it and lists it in the [`ImportReport`], or stops. An
//! importer only returns addresses: the index is built and saved (to a temporary file, then
//! renamed) after every file has been read, so a stopped import never leaves a half-written
//! index.

pub mod addressbase_plus;
pub mod addressbase_premium;
pub mod codepoint_open;
pub mod os_places;
#[cfg(feature = "progress")]
pub mod progress;
mod row;

use std::fmt;
use std::path::PathBuf;

use crate::Address;

/// What to do with a malformed row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OnError {
    /// Stop the import at the first malformed row.
    #[default]
    Stop,
    /// Skip malformed rows, listing each in the report.
    Skip,
}

/// A malformed row: where it is and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct RowError {
    /// The file.
    pub file: PathBuf,
    /// The line (CSV) or result number (JSON), counting from 1.
    pub line: u64,
    /// The column (CSV) or field (JSON), where one is to blame.
    pub column: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file.display(), self.line)?;
        if let Some(column) = &self.column {
            write!(f, ": column {column}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Why an import stopped.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// The file could not be read at all.
    #[error("cannot read {file}: {message}")]
    Unreadable {
        /// The file.
        file: PathBuf,
        /// Why.
        message: String,
    },
    /// A malformed row, with [`OnError::Stop`].
    #[error("{0}")]
    Row(RowError),
}

/// The outcome of an import that ran to the end.
#[derive(Debug, Default)]
pub struct ImportReport {
    /// The addresses read.
    pub addresses: Vec<Address>,
    /// Rows skipped with [`OnError::Skip`].
    pub skipped: Vec<RowError>,
}

impl ImportReport {
    /// Handles a row's outcome by `on_error`: keeps the address, or notes or returns the error.
    pub(crate) fn take(
        &mut self,
        row: Result<Address, RowError>,
        on_error: OnError,
    ) -> Result<(), ImportError> {
        match (row, on_error) {
            (Ok(address), _) => self.addresses.push(address),
            (Err(error), OnError::Skip) => self.skipped.push(error),
            (Err(error), OnError::Stop) => return Err(ImportError::Row(error)),
        }
        Ok(())
    }
}
