//! Any text as a free-text query against a sample index: never a panic, never more hits
//! than asked for.
#![no_main]

use std::sync::OnceLock;

use civic_address_lookup::generate;
use civic_address_lookup::index::AddressIndex;
use libfuzzer_sys::fuzz_target;

fn index() -> &'static AddressIndex {
    static INDEX: OnceLock<AddressIndex> = OnceLock::new();
    INDEX
        .get_or_init(|| AddressIndex::build(generate::sample_gazetteer(2_000, 1), generate::info()))
}

fuzz_target!(|data: &[u8]| {
    if let Ok(query) = std::str::from_utf8(data) {
        assert!(index().search(query, 10).len() <= 10);
    }
});
