//! Every live postcode in the ONS Postcode Directory (February 2025) parses as valid, with the
//! normalised form ONSPD prints; and none is in the area the sample generator uses.

#![allow(clippy::unwrap_used)] // tests may unwrap (house rules)

mod common;

use std::io::{BufRead, BufReader};

use civic_address_lookup::{Postcode, PostcodeKind, generate};

#[test]
fn every_live_postcode_parses() {
    let Some(data) = common::reference_data("every_live_postcode_parses") else {
        return;
    };
    let path = data.join("data/onspd-2025-02-live-postcodes.txt.gz");
    let file = std::fs::File::open(&path).unwrap();
    let mut reader = BufReader::new(flate2::read::GzDecoder::new(file));
    // Streamed through one reused line buffer: no allocation per postcode.
    let mut line = String::new();
    let (mut count, mut failures) = (0usize, Vec::new());
    let mut in_sample_area = 0usize;
    while reader.read_line(&mut line).unwrap() > 0 {
        let text = line.trim_end();
        match Postcode::parse(text) {
            Ok(p) if p.as_str() == text && p.kind() == PostcodeKind::Geographic => {}
            other => {
                if failures.len() < 20 {
                    failures.push(format!("{text}: {other:?}"));
                }
            }
        }
        if text.starts_with(generate::SAMPLE_POSTCODE_AREA) {
            in_sample_area += 1;
        }
        count += 1;
        line.clear();
    }
    assert!(failures.is_empty(), "{failures:#?}");
    assert_eq!(count, 1_799_395);
    assert_eq!(
        in_sample_area, 0,
        "the sample postcode area is allocated now"
    );
}
