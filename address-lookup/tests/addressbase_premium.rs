//! AddressBase Premium import against small invented fixture files: a full supply, a
//! change-only update and a file with malformed rows.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use civic_address_lookup::import::addressbase_premium::import;
use civic_address_lookup::import::{ImportError, OnError};
use civic_address_lookup::{Address, Postcode};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/abp-premium")
        .join(name)
}

fn by_uprn(addresses: &[Address], uprn: u64) -> &Address {
    addresses.iter().find(|a| a.uprn.get() == uprn).unwrap()
}

#[test]
fn a_full_supply_joins_blpu_lpi_dpa_classification_and_street() {
    let report = import(&[fixture("full.csv")], OnError::Stop, &mut |_, _| {}).unwrap();
    assert!(report.skipped.is_empty());
    let uprns: Vec<u64> = report.addresses.iter().map(|a| a.uprn.get()).collect();
    assert_eq!(
        uprns,
        [999000000001, 999000000002, 999000000003, 999000000004]
    );
    let first = by_uprn(&report.addresses, 999000000001);
    // The English LPI and street descriptor are taken over the Welsh.
    let lpi = first.lpi.as_ref().unwrap();
    assert_eq!(lpi.street, "HIGH STREET");
    assert_eq!(lpi.pao.start_number, Some(10));
    assert_eq!(lpi.town, "SAMPLETON");
    assert_eq!(first.usrn.unwrap().0, 99900001);
    assert_eq!(first.postcode, Some(Postcode::parse("ZY1 0AB").unwrap()));
    assert_eq!(first.classification.as_ref().unwrap().0, "RD04");
    assert_eq!(first.coordinates.unwrap().easting, 450010.0);
    assert_eq!(first.single_line(), "10 HIGH STREET, SAMPLETON, ZY1 0AB");

    let flat = by_uprn(&report.addresses, 999000000002);
    assert_eq!(
        flat.lines(),
        [
            "FLAT 2",
            "THE MALTINGS",
            "12 HIGH STREET",
            "SAMPLETON",
            "ZY1 0AB"
        ]
    );
    assert_eq!(flat.lpi.as_ref().unwrap().sao.label(), "FLAT 2");

    // A new build: in the council's gazetteer, not yet in Royal Mail's file.
    let new_build = by_uprn(&report.addresses, 999000000003);
    assert!(new_build.dpa.is_none());
    let lpi = new_build.lpi.as_ref().unwrap();
    assert_eq!(
        (lpi.pao.start_number, lpi.pao.start_suffix),
        (Some(5), Some('A'))
    );
    assert_eq!(
        new_build.single_line(),
        "5A MILL LANE, NORTHEND, SAMPLETON, ZY1 0AD"
    );
}

#[test]
fn a_change_only_update_inserts_updates_and_deletes() {
    let report = import(
        &[fixture("full.csv"), fixture("cou.csv")],
        OnError::Stop,
        &mut |_, _| {},
    )
    .unwrap();
    let uprns: Vec<u64> = report.addresses.iter().map(|a| a.uprn.get()).collect();
    // 4 deleted (BLPU, LPI, DPA and classification), 5 inserted.
    assert_eq!(
        uprns,
        [999000000001, 999000000002, 999000000003, 999000000005]
    );
    // Updated BLPU: a new postcode.
    let first = by_uprn(&report.addresses, 999000000001);
    assert_eq!(first.postcode, Some(Postcode::parse("ZY1 0AE").unwrap()));
    // Updated street descriptor: every address on the street follows.
    for uprn in [999000000003, 999000000005] {
        let a = by_uprn(&report.addresses, uprn);
        assert_eq!(a.lpi.as_ref().unwrap().street, "MILL ROAD", "{uprn}");
    }
    // Read on their own, the changes have no BLPU for most rows: only the inserted UPRN and
    // the updated BLPU are addresses.
    let alone = import(&[fixture("cou.csv")], OnError::Stop, &mut |_, _| {}).unwrap();
    let uprns: Vec<u64> = alone.addresses.iter().map(|a| a.uprn.get()).collect();
    assert_eq!(uprns, [999000000001, 999000000005]);
}

#[test]
fn a_malformed_row_stops_the_import_or_is_skipped_with_file_line_and_column() {
    let file = fixture("malformed.csv");
    let Err(ImportError::Row(error)) =
        import(std::slice::from_ref(&file), OnError::Stop, &mut |_, _| {})
    else {
        panic!("a malformed row must stop the import");
    };
    assert_eq!(error.file, file);
    assert_eq!(error.line, 3);
    assert_eq!(error.column.as_deref(), Some("X_COORDINATE"));
    assert!(
        error
            .to_string()
            .contains("malformed.csv:3: column X_COORDINATE")
    );

    let report = import(&[file], OnError::Skip, &mut |_, _| {}).unwrap();
    let where_: Vec<(u64, Option<&str>)> = report
        .skipped
        .iter()
        .map(|e| (e.line, e.column.as_deref()))
        .collect();
    assert_eq!(
        where_,
        [(3, Some("X_COORDINATE")), (4, Some("RECORD_IDENTIFIER"))]
    );
    let uprns: Vec<u64> = report.addresses.iter().map(|a| a.uprn.get()).collect();
    assert_eq!(uprns, [999000000011, 999000000014]);
}

#[test]
fn wrong_field_counts_and_change_types_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.csv");
    std::fs::write(
        &path,
        "21,I,0,999000000001\n\
         32,X,0,999000000001,9999C1,RD04,AddressBase Premium Classification Scheme,1.0,,,,\n",
    )
    .unwrap();
    let report = import(&[path], OnError::Skip, &mut |_, _| {}).unwrap();
    assert_eq!(report.skipped.len(), 2);
    assert!(report.skipped[0].message.contains("has 22 fields, found 4"));
    assert_eq!(report.skipped[1].column.as_deref(), Some("CHANGE_TYPE"));
    assert!(report.addresses.is_empty());
}
