//! Code-Point Open 2025.2.0, read straight from OS's zip in the reference data: the column
//! order matches the product's own header file, and all 1,743,449 postcodes import.

#![allow(clippy::unwrap_used)] // tests may unwrap (house rules)

mod common;

use std::io::Read;
use std::path::Path;

use civic_address_lookup::import::OnError;
use civic_address_lookup::import::codepoint_open::{self, COLUMNS};

#[test]
fn every_codepoint_open_postcode_imports() {
    let Some(data) = common::reference_data("every_codepoint_open_postcode_imports") else {
        return;
    };
    let file = std::fs::File::open(data.join("data/codepoint-open-2025.2.0.zip")).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();

    let mut headers = String::new();
    zip.by_name("Doc/Code-Point_Open_Column_Headers.csv")
        .unwrap()
        .read_to_string(&mut headers)
        .unwrap();
    let long_names: Vec<&str> = headers.lines().nth(1).unwrap().trim().split(',').collect();
    assert_eq!(long_names, COLUMNS);

    let (mut count, mut without_position) = (0usize, 0usize);
    for i in 0..zip.len() {
        let entry = zip.by_index(i).unwrap();
        let name = entry.name().to_owned();
        if !(name.starts_with("Data/CSV/") && name.ends_with(".csv")) {
            continue;
        }
        let skipped = codepoint_open::read(entry, Path::new(&name), OnError::Stop, |point| {
            count += 1;
            if point.coordinates.is_none() {
                without_position += 1;
            }
        })
        .unwrap();
        assert!(skipped.is_empty());
    }
    assert_eq!(count, 1_743_449);
    assert!(without_position < count / 100, "{without_position}");
}
