//! OS Places API responses (JSON): `{"header": {...}, "results": [{"DPA": {...}}, {"LPI":
//! {...}}]}`. `results` is absent when nothing matched. A result holding both a DPA and an LPI
//! record, or an LPI and a DPA result for the same UPRN, becomes one address with both views.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use serde_json::Value;

use super::{ImportError, ImportReport, OnError, RowError};
use crate::{
    Address, AddressableObject, Classification, Coordinates, Dpa, Lpi, Postcode, Uprn, Usrn,
};

/// A parsed OS Places response: the addresses and the paging facts from its header.
#[derive(Debug, Default)]
pub struct Response {
    /// The addresses, one per UPRN, in the order they first appear.
    pub report: ImportReport,
    /// `header.totalresults`: matches across every page.
    pub total_results: u64,
    /// `header.offset`: where this page starts.
    pub offset: u64,
}

#[derive(Deserialize)]
struct Raw {
    header: Header,
    #[serde(default)]
    results: Vec<BTreeMap<String, Value>>,
}

#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    totalresults: u64,
    #[serde(default)]
    offset: u64,
}

/// Reads an OS Places response saved to a file.
pub fn import(path: &Path, on_error: OnError) -> Result<ImportReport, ImportError> {
    let text = std::fs::read_to_string(path).map_err(|e| ImportError::Unreadable {
        file: path.to_owned(),
        message: e.to_string(),
    })?;
    Ok(parse_response(&text, path, on_error)?.report)
}

/// Parses the body of an OS Places response; `source` names it in errors.
pub fn parse_response(
    body: &str,
    source: &Path,
    on_error: OnError,
) -> Result<Response, ImportError> {
    let raw: Raw = serde_json::from_str(body).map_err(|e| ImportError::Unreadable {
        file: source.to_owned(),
        message: format!("not an OS Places response: {e}"),
    })?;
    let mut merged: Vec<Address> = Vec::new();
    let mut report = ImportReport::default();
    for (i, result) in raw.results.iter().enumerate() {
        let row = record(result).map_err(|(column, message)| RowError {
            file: source.to_owned(),
            line: i as u64 + 1,
            column: Some(column),
            message,
        });
        let mut one = ImportReport::default();
        one.take(row, on_error)?;
        report.skipped.extend(one.skipped);
        for address in one.addresses {
            match merged.iter_mut().find(|a| a.uprn == address.uprn) {
                Some(existing) => {
                    existing.dpa = existing.dpa.take().or(address.dpa);
                    existing.lpi = existing.lpi.take().or(address.lpi);
                    existing.usrn = existing.usrn.or(address.usrn);
                }
                None => merged.push(address),
            }
        }
    }
    report.addresses = merged;
    Ok(Response {
        report,
        total_results: raw.header.totalresults,
        offset: raw.header.offset,
    })
}

type FieldError = (String, String);

struct Fields<'a> {
    record: &'a serde_json::Map<String, Value>,
    dataset: &'static str,
}

impl Fields<'_> {
    fn text(&self, name: &str) -> String {
        match self.record.get(name) {
            Some(Value::String(s)) => s.trim().to_owned(),
            Some(Value::Number(n)) => n.to_string(),
            _ => String::new(),
        }
    }

    fn error(&self, name: &str, message: String) -> FieldError {
        (format!("{}.{name}", self.dataset), message)
    }

    fn number<T: std::str::FromStr>(&self, name: &str) -> Result<Option<T>, FieldError> {
        let text = self.text(name);
        if text.is_empty() {
            return Ok(None);
        }
        text.parse()
            .map(Some)
            .map_err(|_| self.error(name, format!("{text:?} is not a number")))
    }

    fn object(&self, prefix: &str) -> Result<AddressableObject, FieldError> {
        Ok(AddressableObject {
            start_number: self.number(&format!("{prefix}_START_NUMBER"))?,
            start_suffix: self.text(&format!("{prefix}_START_SUFFIX")).chars().next(),
            end_number: self.number(&format!("{prefix}_END_NUMBER"))?,
            end_suffix: self.text(&format!("{prefix}_END_SUFFIX")).chars().next(),
            text: self.text(&format!("{prefix}_TEXT")).into(),
        })
    }
}

fn record(result: &BTreeMap<String, Value>) -> Result<Address, FieldError> {
    let mut address: Option<Address> = None;
    for (dataset, value) in result {
        let dataset = match dataset.as_str() {
            "DPA" => "DPA",
            "LPI" => "LPI",
            other => return Err((other.to_owned(), "unknown dataset".to_owned())),
        };
        let Value::Object(record) = value else {
            return Err((dataset.to_owned(), "expected an object".to_owned()));
        };
        let f = Fields { record, dataset };
        let uprn = f
            .number::<u64>("UPRN")?
            .and_then(Uprn::new)
            .ok_or_else(|| f.error("UPRN", "a UPRN is 1 to 12 digits".to_owned()))?;
        let postcode_field = if dataset == "DPA" {
            "POSTCODE"
        } else {
            "POSTCODE_LOCATOR"
        };
        let postcode_text = f.text(postcode_field);
        let postcode = if postcode_text.is_empty() {
            None
        } else {
            Some(
                Postcode::parse(&postcode_text)
                    .map_err(|e| f.error(postcode_field, e.to_string()))?,
            )
        };
        let easting: Option<f64> = f.number("X_COORDINATE")?;
        let northing: Option<f64> = f.number("Y_COORDINATE")?;
        let class = f.text("CLASSIFICATION_CODE");
        let entry = address.get_or_insert_with(|| Address::new(uprn));
        if entry.uprn != uprn {
            return Err(f.error("UPRN", "the DPA and LPI records disagree".to_owned()));
        }
        entry.postcode = entry.postcode.or(postcode);
        if entry.classification.is_none() && !class.is_empty() {
            entry.classification = Some(Classification(class.into()));
        }
        if entry.coordinates.is_none() {
            entry.coordinates = easting
                .zip(northing)
                .map(|(easting, northing)| Coordinates { easting, northing });
        }
        if dataset == "DPA" {
            entry.dpa = Some(Dpa {
                organisation_name: f.text("ORGANISATION_NAME").into(),
                department_name: f.text("DEPARTMENT_NAME").into(),
                po_box_number: f.text("PO_BOX_NUMBER").into(),
                sub_building_name: f.text("SUB_BUILDING_NAME").into(),
                building_name: f.text("BUILDING_NAME").into(),
                building_number: f.number("BUILDING_NUMBER")?,
                dependent_thoroughfare: f.text("DEPENDENT_THOROUGHFARE_NAME").into(),
                thoroughfare: f.text("THOROUGHFARE_NAME").into(),
                double_dependent_locality: f.text("DOUBLE_DEPENDENT_LOCALITY").into(),
                dependent_locality: f.text("DEPENDENT_LOCALITY").into(),
                post_town: f.text("POST_TOWN").into(),
            });
        } else {
            entry.usrn = f.number("USRN")?.map(Usrn);
            entry.lpi = Some(Lpi {
                sao: f.object("SAO")?,
                pao: f.object("PAO")?,
                street: f.text("STREET_DESCRIPTION").into(),
                locality: f.text("LOCALITY_NAME").into(),
                town: f.text("TOWN_NAME").into(),
                administrative_area: f.text("ADMINISTRATIVE_AREA").into(),
            });
        }
    }
    address.ok_or_else(|| ("results".to_owned(), "an empty result".to_owned()))
}
