//! Cross-crate, browser and accessibility tests for civic.
//!
//! This crate holds no library code of its own: its integration tests under `tests/` drive
//! the civic crates together, and (as the component and demo issues land) headless Chromium
//! with axe-core over the pages they serve. [`reference_data`] and [`test_database_url`] are
//! how every test finds the shared conformance data and the test database, reporting a skip
//! when they are not configured rather than passing silently.

use std::path::PathBuf;

/// The reference data folder named by `CIVIC_REFERENCE_DATA`, or `None` after printing a
/// skip line naming `test`.
pub fn reference_data(test: &str) -> Option<PathBuf> {
    match std::env::var_os("CIVIC_REFERENCE_DATA") {
        Some(path) if !path.is_empty() => Some(PathBuf::from(path)),
        _ => {
            println!("SKIPPED {test}: CIVIC_REFERENCE_DATA is not set");
            None
        }
    }
}

/// The database named by `CIVIC_TEST_DATABASE_URL`, or `None` after printing a skip line
/// naming `test`.
pub fn test_database_url(test: &str) -> Option<String> {
    match std::env::var("CIVIC_TEST_DATABASE_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            println!("SKIPPED {test}: CIVIC_TEST_DATABASE_URL is not set");
            None
        }
    }
}
