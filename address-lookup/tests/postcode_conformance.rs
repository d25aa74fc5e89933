//! Postcode conformance: the ideal-postcodes test data and civic's curated cases, both under
//! `conformance/postcodes/` in the reference data.
//!
//! ideal-postcodes checks shape only; none of its cases breaks a letter rule (its placeholder
//! shapes such as `AA9A 9AA` use allowed letters), so all are checked as they are. Where the
//! curated cases' upstream expectation breaks a rule, the strict rules win (see below).

#![allow(clippy::unwrap_used)] // tests may unwrap (house rules)

mod common;

use std::path::Path;

use civic_address_lookup::{Postcode, PostcodeKind};
use serde_json::Value;

fn load(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn part(file: &str, postcode: &Postcode) -> Option<String> {
    let value = match file {
        "areas.json" => Some(postcode.area()),
        "districts.json" => Some(postcode.district()),
        "sub-districts.json" => postcode.sub_district(),
        "outcodes.json" => Some(postcode.outward()),
        "incodes.json" => Some(postcode.inward()),
        "sectors.json" => postcode.sector(),
        "units.json" => postcode.unit(),
        "normalisation.json" => Some(postcode.as_str()),
        other => panic!("no part for {other}"),
    };
    value.map(str::to_owned)
}

#[test]
fn ideal_postcodes_cases() {
    let Some(data) = common::reference_data("ideal_postcodes_cases") else {
        return;
    };
    let dir = data.join("conformance/postcodes/ideal-postcodes");
    let mut checked = 0;
    let mut failures = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let file = path.file_name().unwrap().to_str().unwrap().to_owned();
        for case in load(&path)["tests"].as_array().unwrap() {
            let base = case["base"].as_str().unwrap();
            let expected = &case["expected"];
            let parsed = Postcode::parse(base);
            let ok = if file == "validation.json" {
                parsed.is_ok() == expected.as_bool().unwrap()
            } else {
                match (&parsed, expected.as_str()) {
                    // A `null` expectation for an invalid input means "not a postcode".
                    (Err(_), None) => file == "normalisation.json",
                    (Ok(p), want) => part(&file, p).as_deref() == want,
                    (Err(_), Some(_)) => false,
                }
            };
            if !ok {
                failures.push(format!(
                    "{file}: {base:?} expected {expected}, got {parsed:?}"
                ));
            }
            checked += 1;
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    assert!(checked >= 190, "only {checked} cases found");
}

#[test]
fn curated_cases() {
    let Some(data) = common::reference_data("curated_cases") else {
        return;
    };
    let cases = load(&data.join("conformance/postcodes/curated_postcode_cases.json"));
    let input = |case: &Value| case["input"].as_str().unwrap().to_owned();

    for case in cases["valid_six_shapes"].as_array().unwrap() {
        let p = Postcode::parse(&input(case)).unwrap();
        assert_eq!(p.kind(), PostcodeKind::Geographic, "{case}");
    }
    for case in cases["normalisation"].as_array().unwrap() {
        let p = Postcode::parse(&input(case));
        if let Some(want) = case["expected"].as_str() {
            assert_eq!(p.unwrap().as_str(), want, "{case}");
        } else {
            // " SW1    3EF  " is only compacted upstream (SW13EF); as a postcode it is
            // SW1 3EF, and E is an allowed unit letter.
            let compact = case["expected_compact"].as_str().unwrap();
            assert_eq!(p.unwrap().as_str().replace(' ', ""), compact, "{case}");
        }
    }
    for case in cases["fix_ocr_confusions"].as_array().unwrap() {
        let want = case["expected"].as_str().unwrap();
        let got = Postcode::suggest(&input(case));
        if Postcode::parse(want).is_err() {
            // Upstream "fixes" SW1A 2A0 to SW1A 2AO, but O is never a unit letter: the strict
            // rules have no valid fix to offer.
            assert_eq!(got, None, "{case}");
        } else {
            assert_eq!(got.map(|p| p.to_string()).as_deref(), Some(want), "{case}");
        }
    }
    for case in cases["special_valid"].as_array().unwrap() {
        let p = Postcode::parse(&input(case)).unwrap_or_else(|e| panic!("{case}: {e}"));
        let kind = case["kind"].as_str().unwrap();
        let want = if kind.starts_with("Girobank") {
            PostcodeKind::Girobank
        } else if kind.starts_with("BFPO") {
            PostcodeKind::Bfpo
        } else if kind.contains("Non-geographic") || kind.starts_with("Santa") {
            PostcodeKind::NonGeographic
        } else if ["Buckingham", "BBC"].iter().any(|k| kind.starts_with(k)) {
            PostcodeKind::Geographic
        } else {
            assert!(
                matches!(p.kind(), PostcodeKind::OverseasTerritory(_)),
                "{case}: {p:?} is {:?}",
                p.kind()
            );
            continue;
        };
        assert_eq!(p.kind(), want, "{case}");
    }
    for group in ["strict_rule_violations_seen_in_real_data", "invalid"] {
        for case in cases[group].as_array().unwrap() {
            assert!(Postcode::parse(&input(case)).is_err(), "{group}: {case}");
        }
    }
}
