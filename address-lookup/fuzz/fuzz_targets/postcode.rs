//! Any bytes to the postcode parser, suggester and extractor: no panic, and whatever parses
//! parses again to itself from its normalised form.
#![no_main]

use civic_address_lookup::Postcode;
use civic_address_lookup::postcode::extract;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(postcode) = Postcode::parse(text) {
        assert_eq!(Postcode::parse(postcode.as_str()), Ok(postcode));
    }
    if let Some(suggestion) = Postcode::suggest(text) {
        assert_eq!(Postcode::parse(suggestion.as_str()), Ok(suggestion));
    }
    for found in extract(text) {
        assert!(text.get(found.range.clone()).is_some());
    }
});
