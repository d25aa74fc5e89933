//! AddressBase Plus CSV: one address a line, 77 columns, no header row (OS publishes the
//! column order in its technical specification; a header row, if present, is skipped).

use std::io::Read;
use std::path::Path;

use super::row::{FieldError, Row};
use super::{ImportError, ImportReport, OnError, RowError};
use crate::{Address, Classification, Coordinates, Dpa, Lpi, Usrn};

/// The 77 columns of an AddressBase Plus CSV, in order.
pub const COLUMNS: [&str; 77] = [
    "UPRN",
    "UDPRN",
    "CHANGE_TYPE",
    "STATE",
    "STATE_DATE",
    "CLASS",
    "PARENT_UPRN",
    "X_COORDINATE",
    "Y_COORDINATE",
    "LATITUDE",
    "LONGITUDE",
    "RPC",
    "LOCAL_CUSTODIAN_CODE",
    "COUNTRY",
    "LA_START_DATE",
    "LAST_UPDATE_DATE",
    "ENTRY_DATE",
    "RM_ORGANISATION_NAME",
    "LA_ORGANISATION",
    "DEPARTMENT_NAME",
    "LEGAL_NAME",
    "SUB_BUILDING_NAME",
    "BUILDING_NAME",
    "BUILDING_NUMBER",
    "SAO_START_NUMBER",
    "SAO_START_SUFFIX",
    "SAO_END_NUMBER",
    "SAO_END_SUFFIX",
    "SAO_TEXT",
    "ALT_LANGUAGE_SAO_TEXT",
    "PAO_START_NUMBER",
    "PAO_START_SUFFIX",
    "PAO_END_NUMBER",
    "PAO_END_SUFFIX",
    "PAO_TEXT",
    "ALT_LANGUAGE_PAO_TEXT",
    "USRN",
    "USRN_MATCH_INDICATOR",
    "AREA_NAME",
    "LEVEL",
    "OFFICIAL_FLAG",
    "OS_ADDRESS_TOID",
    "OS_ADDRESS_TOID_VERSION",
    "OS_ROADLINK_TOID",
    "OS_ROADLINK_TOID_VERSION",
    "OS_TOPO_TOID",
    "OS_TOPO_TOID_VERSION",
    "VOA_CT_RECORD",
    "VOA_NDR_RECORD",
    "STREET_DESCRIPTION",
    "ALT_LANGUAGE_STREET_DESCRIPTION",
    "DEPENDENT_THOROUGHFARE",
    "THOROUGHFARE",
    "WELSH_DEPENDENT_THOROUGHFARE",
    "WELSH_THOROUGHFARE",
    "DOUBLE_DEPENDENT_LOCALITY",
    "DEPENDENT_LOCALITY",
    "LOCALITY",
    "WELSH_DEPENDENT_LOCALITY",
    "WELSH_DOUBLE_DEPENDENT_LOCALITY",
    "TOWN_NAME",
    "ADMINISTRATIVE_AREA",
    "POST_TOWN",
    "WELSH_POST_TOWN",
    "POSTCODE",
    "POSTCODE_LOCATOR",
    "POSTCODE_TYPE",
    "DELIVERY_POINT_SUFFIX",
    "ADDRESSBASE_POSTAL",
    "PO_BOX_NUMBER",
    "WARD_CODE",
    "PARISH_CODE",
    "RM_START_DATE",
    "MULTI_OCC_COUNT",
    "VOA_NDR_P_DESC_CODE",
    "VOA_NDR_SCAT_CODE",
    "ALT_LANGUAGE",
];

/// Reads an AddressBase Plus CSV file. `progress` is called now and then with the bytes read
/// so far, for a progress bar.
pub fn import(
    path: &Path,
    on_error: OnError,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportReport, ImportError> {
    let file = std::fs::File::open(path).map_err(|e| ImportError::Unreadable {
        file: path.to_owned(),
        message: e.to_string(),
    })?;
    import_from(file, path, on_error, progress)
}

/// Reads AddressBase Plus CSV from any reader; `path` names it in errors.
pub fn import_from(
    reader: impl Read,
    path: &Path,
    on_error: OnError,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportReport, ImportError> {
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(reader);
    let mut report = ImportReport::default();
    let mut record = csv::StringRecord::new();
    // Lines are counted by record: neither format has fields spanning lines, and the csv
    // crate's own line count lags after CRLF endings.
    let mut line = 0u64;
    loop {
        line += 1;
        match csv.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let error = RowError {
                    file: path.to_owned(),
                    line,
                    column: None,
                    message: e.to_string(),
                };
                report.take(Err(error), on_error)?;
                continue;
            }
        }
        if line == 1 && record.get(0) == Some("UPRN") {
            continue;
        }
        let row = address(&record).map_err(|(column, message)| RowError {
            file: path.to_owned(),
            line,
            column,
            message,
        });
        report.take(row, on_error)?;
        if line.is_multiple_of(10_000) {
            progress(csv.position().byte());
        }
    }
    progress(csv.position().byte());
    Ok(report)
}

fn address(record: &csv::StringRecord) -> Result<Address, FieldError> {
    if record.len() != COLUMNS.len() {
        return Err((
            None,
            format!("expected {} fields, found {}", COLUMNS.len(), record.len()),
        ));
    }
    let row = Row {
        record,
        names: &COLUMNS,
    };
    let uprn = row.uprn()?;
    let postcode = row.postcode("POSTCODE_LOCATOR")?;
    let lpi = Lpi {
        sao: row.object("SAO")?,
        pao: row.object("PAO")?,
        street: row.text("STREET_DESCRIPTION").into(),
        locality: row.text("LOCALITY").into(),
        town: row.text("TOWN_NAME").into(),
        administrative_area: row.text("ADMINISTRATIVE_AREA").into(),
    };
    // Only addresses Royal Mail delivers to have a UDPRN and the postal fields.
    let dpa = if row.text("UDPRN").is_empty() {
        None
    } else {
        Some(Dpa {
            organisation_name: row.text("RM_ORGANISATION_NAME").into(),
            department_name: row.text("DEPARTMENT_NAME").into(),
            po_box_number: row.text("PO_BOX_NUMBER").into(),
            sub_building_name: row.text("SUB_BUILDING_NAME").into(),
            building_name: row.text("BUILDING_NAME").into(),
            building_number: row.number("BUILDING_NUMBER")?,
            dependent_thoroughfare: row.text("DEPENDENT_THOROUGHFARE").into(),
            thoroughfare: row.text("THOROUGHFARE").into(),
            double_dependent_locality: row.text("DOUBLE_DEPENDENT_LOCALITY").into(),
            dependent_locality: row.text("DEPENDENT_LOCALITY").into(),
            post_town: row.text("POST_TOWN").into(),
        })
    };
    let easting: Option<f64> = row.number("X_COORDINATE")?;
    let northing: Option<f64> = row.number("Y_COORDINATE")?;
    let class = row.text("CLASS");
    Ok(Address {
        uprn,
        usrn: row.number("USRN")?.map(Usrn),
        lpi: Some(lpi),
        dpa,
        postcode,
        classification: (!class.is_empty()).then_some(Classification(class.into())),
        coordinates: easting
            .zip(northing)
            .map(|(easting, northing)| Coordinates { easting, northing }),
    })
}
