//! Importers: AddressBase Plus CSV (column order from OS's specification, in the reference
//! data) and the recorded OS Places API responses.

#![allow(clippy::unwrap_used)] // tests may unwrap (house rules)

mod common;

use std::path::Path;

use civic_address_lookup::Uprn;
use civic_address_lookup::import::{
    ImportError, ImportReport, OnError, addressbase_plus, os_places,
};

/// One AddressBase Plus line with the given columns set and the rest empty.
fn abp_line(fields: &[(&str, &str)]) -> String {
    let mut row = vec![String::new(); 77];
    for (name, value) in fields {
        let i = addressbase_plus::COLUMNS
            .iter()
            .position(|c| c == name)
            .unwrap();
        row[i] = value.to_string();
    }
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&row).unwrap();
    String::from_utf8(writer.into_inner().unwrap()).unwrap()
}

fn flat() -> String {
    abp_line(&[
        ("UPRN", "100023336956"),
        ("UDPRN", "23747771"),
        ("CLASS", "RD06"),
        ("X_COORDINATE", "430000.5"),
        ("Y_COORDINATE", "433000.25"),
        ("SUB_BUILDING_NAME", "FLAT 2"),
        ("BUILDING_NAME", "THE MALTINGS"),
        ("BUILDING_NUMBER", "10"),
        ("SAO_TEXT", "FLAT 2"),
        ("PAO_START_NUMBER", "10"),
        ("PAO_TEXT", "THE MALTINGS"),
        ("USRN", "7200123"),
        ("STREET_DESCRIPTION", "HIGH STREET"),
        ("THOROUGHFARE", "HIGH STREET"),
        ("TOWN_NAME", "LEEDS"),
        ("POST_TOWN", "LEEDS"),
        ("POSTCODE", "LS1 4AP"),
        ("POSTCODE_LOCATOR", "LS1 4AP"),
    ])
}

fn import_abp(text: &str, on_error: OnError) -> Result<ImportReport, ImportError> {
    addressbase_plus::import_from(text.as_bytes(), Path::new("abp.csv"), on_error, &mut |_| {})
}

#[test]
fn addressbase_plus_columns_match_the_specification() {
    let Some(data) = common::reference_data("addressbase_plus_columns_match_the_specification")
    else {
        return;
    };
    let text = std::fs::read_to_string(data.join("data/addressbase-plus-columns.txt")).unwrap();
    let columns: Vec<&str> = text.split_whitespace().collect();
    assert_eq!(columns, addressbase_plus::COLUMNS);
}

#[test]
fn addressbase_plus_rows_become_addresses_with_both_views() {
    let report = import_abp(&flat(), OnError::Stop).unwrap();
    let [address] = report.addresses.as_slice() else {
        panic!("{report:?}")
    };
    assert_eq!(address.uprn, Uprn::new(100_023_336_956).unwrap());
    assert_eq!(address.usrn.unwrap().0, 7_200_123);
    assert_eq!(
        address.single_line(),
        "FLAT 2, THE MALTINGS, 10 HIGH STREET, LEEDS, LS1 4AP"
    );
    assert_eq!(address.lpi.as_ref().unwrap().pao.start_number, Some(10));
    assert!(address.classification.as_ref().unwrap().is_residential());
    assert_eq!(address.coordinates.unwrap().northing, 433_000.25);
}

#[test]
fn malformed_rows_name_file_line_and_column_and_are_skipped_or_stop() {
    let bad_uprn = flat().replacen("100023336956", "12x", 1);
    let bad_postcode = flat().replace("LS1 4AP", "LS1 4CP");
    let short = "1,2,3\n".to_owned();
    let text = [
        flat(),
        bad_uprn,
        bad_postcode,
        short,
        flat().replacen("100023336956", "7", 1),
    ]
    .concat();

    let error = import_abp(&text, OnError::Stop).unwrap_err();
    assert_eq!(
        error.to_string(),
        "abp.csv:2: column UPRN: \"12x\" is not a number"
    );

    let report = import_abp(&text, OnError::Skip).unwrap();
    assert_eq!(report.addresses.len(), 2);
    let skipped: Vec<String> = report.skipped.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        skipped,
        [
            "abp.csv:2: column UPRN: \"12x\" is not a number",
            "abp.csv:3: column POSTCODE_LOCATOR: the letter C is never used as character 5 of a postcode",
            "abp.csv:4: expected 77 fields, found 3",
        ]
    );
}

#[test]
fn lines_are_counted_with_windows_line_endings() {
    let bad = flat().replacen("100023336956", "12x", 1);
    let text = [flat(), bad].concat().replace('\n', "\r\n");
    let error = import_abp(&text, OnError::Stop).unwrap_err();
    assert!(
        error.to_string().starts_with("abp.csv:2: column UPRN"),
        "{error}"
    );
}

#[test]
fn a_header_row_is_skipped() {
    let header = addressbase_plus::COLUMNS.join(",") + "\n";
    let report = import_abp(&(header + &flat()), OnError::Stop).unwrap();
    assert_eq!(report.addresses.len(), 1);
}

fn os_places_cases() -> Option<serde_json::Map<String, serde_json::Value>> {
    let data = common::reference_data("os_places_responses")?;
    let text = std::fs::read_to_string(data.join("data/os-places-responses.json")).unwrap();
    Some(serde_json::from_str(&text).unwrap())
}

/// The recorded responses use the synthetic postcode AB1 2CD, whose unit letter C the strict
/// rules never allow; AB1 2BD stands in for it where the mapping is under test.
fn parse(case: &serde_json::Value, fix_postcode: bool) -> os_places::Response {
    let mut body = case.to_string();
    if fix_postcode {
        body = body.replace("AB1 2CD", "AB1 2BD");
    }
    os_places::parse_response(&body, Path::new("os-places.json"), OnError::Skip).unwrap()
}

#[test]
fn os_places_responses_map_dpa_and_lpi() {
    let Some(cases) = os_places_cases() else {
        return;
    };

    let both = parse(&cases["DummyResponseWithMatchingLpiAndDpaData"], true);
    let [address] = both.report.addresses.as_slice() else {
        panic!("{:?}", both.report)
    };
    assert!(address.dpa.is_some() && address.lpi.is_some());
    assert_eq!(address.dpa.as_ref().unwrap().thoroughfare, "TEST ROAD DPA");
    assert_eq!(address.single_line(), "85 TEST ROAD DPA, LONDON, AB1 2BD");

    let lpi_only = parse(&cases["DummyResponseWithJustLpiData"], true);
    assert_eq!(lpi_only.report.addresses.len(), 2);
    assert!(lpi_only.report.addresses.iter().all(|a| a.dpa.is_none()));
    assert_eq!(lpi_only.total_results, 5);

    let shops = parse(
        &cases["DummyOsPlacesResponseWithNonResidentialResults"],
        true,
    );
    let cafe = &shops.report.addresses[0];
    assert_eq!(cafe.lpi.as_ref().unwrap().pao.numbers(), "1-10");
    assert_eq!(cafe.lpi.as_ref().unwrap().sao.text, "CAFE");
    assert!(
        shops
            .report
            .addresses
            .iter()
            .any(|a| { a.classification.as_ref().is_some_and(|c| c.is_commercial()) })
    );

    let paged = parse(&cases["DummyOsPlacesResponseWithMoreResults"], true);
    assert_eq!((paged.total_results, paged.offset), (120, 0));
}

#[test]
fn os_places_empty_result_has_no_results_field() {
    let Some(cases) = os_places_cases() else {
        return;
    };
    let case = &cases["DummyOsPlacesResponseWithNoResults"];
    assert!(case.get("results").is_none());
    let empty = parse(case, false);
    assert!(empty.report.addresses.is_empty() && empty.report.skipped.is_empty());
}

#[test]
fn os_places_invalid_postcodes_are_reported_by_field() {
    let Some(cases) = os_places_cases() else {
        return;
    };
    let raw = parse(&cases["DummyResponseWithJustLpiData"], false);
    assert!(raw.report.addresses.is_empty());
    assert_eq!(raw.report.skipped.len(), 2);
    assert_eq!(
        raw.report.skipped[0].to_string(),
        "os-places.json:1: column LPI.POSTCODE_LOCATOR: the letter C is never used as character 5 of a postcode"
    );
}
