//! Shared helpers for the integration tests: finding the reference data.

#![allow(dead_code)]

use std::path::PathBuf;

/// The reference data folder, or `None` after printing the skip line the house rules ask for.
pub fn reference_data(test_name: &str) -> Option<PathBuf> {
    match std::env::var_os("CIVIC_REFERENCE_DATA") {
        Some(dir) => Some(PathBuf::from(dir)),
        None => {
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED {test_name}: CIVIC_REFERENCE_DATA is not set"
            );
            None
        }
    }
}
