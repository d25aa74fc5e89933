//! Any bytes as an AddressBase Plus CSV file: rows become addresses or errors, never a panic.
#![no_main]

use std::path::Path;

use civic_address_lookup::import::{OnError, addressbase_plus};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let report =
        addressbase_plus::import_from(data, Path::new("fuzz.csv"), OnError::Skip, &mut |_| {});
    if let Ok(report) = report {
        for address in &report.addresses {
            let _ = address.single_line();
        }
    }
});
