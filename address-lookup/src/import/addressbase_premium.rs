//! AddressBase Premium CSV: several record types mixed in one or more files, each row's first
//! field saying which (OS's technical specification: 10 header, 11 street, 15 street
//! descriptor, 21 BLPU, 23 cross reference, 24 LPI, 28 DPA, 29 metadata, 30 successor,
//! 31 organisation, 32 classification, 99 trailer). An address is a BLPU (UPRN, postcode,
//! position) joined on its UPRN to its LPI (BS 7666 numbers and names), DPA (Royal Mail) and
//! classification, and through the LPI's USRN to the street descriptor (street, locality,
//! town, administrative area).
//!
//! Every row carries a change type: `I` insert, `U` update, `D` delete. A full supply holds
//! only inserts; a change-only update (COU) file read after it applies its changes in order,
//! so `import(&[full, cou1, cou2])` gives the addresses as of the last update. Rows are
//! keyed as the specification keys them: BLPUs by UPRN, LPIs by LPI_KEY, DPAs by UDPRN,
//! classifications by CLASS_KEY, street descriptors by USRN and language.
//!
//! Record types 10, 11, 23, 29, 30, 31 and 99 carry nothing an address needs here; they are
//! recognised and passed over.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};

use super::row::{FieldError, Row};
use super::{ImportError, ImportReport, OnError, RowError};
use crate::{
    Address, AddressableObject, Classification, Coordinates, Dpa, Lpi, Postcode, Uprn, Usrn,
};

/// The columns of the record types this importer reads, in order.
pub mod columns {
    /// Record 15, STREETDESCRIPTOR.
    pub const STREET_DESCRIPTOR: [&str; 13] = [
        "RECORD_IDENTIFIER",
        "CHANGE_TYPE",
        "PRO_ORDER",
        "USRN",
        "STREET_DESCRIPTION",
        "LOCALITY",
        "TOWN_NAME",
        "ADMINISTRATIVE_AREA",
        "LANGUAGE",
        "START_DATE",
        "END_DATE",
        "LAST_UPDATE_DATE",
        "ENTRY_DATE",
    ];
    /// Record 21, BLPU.
    pub const BLPU: [&str; 22] = [
        "RECORD_IDENTIFIER",
        "CHANGE_TYPE",
        "PRO_ORDER",
        "UPRN",
        "LOGICAL_STATUS",
        "BLPU_STATE",
        "BLPU_STATE_DATE",
        "PARENT_UPRN",
        "X_COORDINATE",
        "Y_COORDINATE",
        "LATITUDE",
        "LONGITUDE",
        "RPC",
        "LOCAL_CUSTODIAN_CODE",
        "COUNTRY",
        "START_DATE",
        "END_DATE",
        "LAST_UPDATE_DATE",
        "ENTRY_DATE",
        "ADDRESSBASE_POSTAL",
        "POSTCODE_LOCATOR",
        "MULTI_OCC_COUNT",
    ];
    /// Record 24, LPI.
    pub const LPI: [&str; 26] = [
        "RECORD_IDENTIFIER",
        "CHANGE_TYPE",
        "PRO_ORDER",
        "UPRN",
        "LPI_KEY",
        "LANGUAGE",
        "LOGICAL_STATUS",
        "START_DATE",
        "END_DATE",
        "LAST_UPDATE_DATE",
        "ENTRY_DATE",
        "SAO_START_NUMBER",
        "SAO_START_SUFFIX",
        "SAO_END_NUMBER",
        "SAO_END_SUFFIX",
        "SAO_TEXT",
        "PAO_START_NUMBER",
        "PAO_START_SUFFIX",
        "PAO_END_NUMBER",
        "PAO_END_SUFFIX",
        "PAO_TEXT",
        "USRN",
        "USRN_MATCH_INDICATOR",
        "AREA_NAME",
        "LEVEL",
        "OFFICIAL_FLAG",
    ];
    /// Record 28, DPA.
    pub const DPA: [&str; 29] = [
        "RECORD_IDENTIFIER",
        "CHANGE_TYPE",
        "PRO_ORDER",
        "UPRN",
        "UDPRN",
        "ORGANISATION_NAME",
        "DEPARTMENT_NAME",
        "SUB_BUILDING_NAME",
        "BUILDING_NAME",
        "BUILDING_NUMBER",
        "DEPENDENT_THOROUGHFARE",
        "THOROUGHFARE",
        "DOUBLE_DEPENDENT_LOCALITY",
        "DEPENDENT_LOCALITY",
        "POST_TOWN",
        "POSTCODE",
        "POSTCODE_TYPE",
        "DELIVERY_POINT_SUFFIX",
        "WELSH_DEPENDENT_THOROUGHFARE",
        "WELSH_THOROUGHFARE",
        "WELSH_DOUBLE_DEPENDENT_LOCALITY",
        "WELSH_DEPENDENT_LOCALITY",
        "WELSH_POST_TOWN",
        "PO_BOX_NUMBER",
        "PROCESS_DATE",
        "START_DATE",
        "END_DATE",
        "LAST_UPDATE_DATE",
        "ENTRY_DATE",
    ];
    /// Record 32, CLASSIFICATION.
    pub const CLASSIFICATION: [&str; 12] = [
        "RECORD_IDENTIFIER",
        "CHANGE_TYPE",
        "PRO_ORDER",
        "UPRN",
        "CLASS_KEY",
        "CLASSIFICATION_CODE",
        "CLASS_SCHEME",
        "SCHEME_VERSION",
        "START_DATE",
        "END_DATE",
        "LAST_UPDATE_DATE",
        "ENTRY_DATE",
    ];
}

/// Record types read here, and those recognised and passed over.
const READ: [u8; 5] = [15, 21, 24, 28, 32];
const PASSED_OVER: [u8; 7] = [10, 11, 23, 29, 30, 31, 99];

/// What a row asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    /// `I` or `U`: the row is the record's new state.
    Upsert,
    /// `D`: the record is gone.
    Delete,
}

#[derive(Debug, Clone)]
struct Blpu {
    postcode: Option<Postcode>,
    coordinates: Option<Coordinates>,
}

#[derive(Debug, Clone)]
struct LpiRow {
    uprn: u64,
    language: String,
    logical_status: Option<u8>,
    sao: AddressableObject,
    pao: AddressableObject,
    usrn: Option<u32>,
}

#[derive(Debug, Clone, Default)]
struct Street {
    description: String,
    locality: String,
    town: String,
    administrative_area: String,
}

/// AddressBase Premium rows read so far, with changes applied; [`Premium::addresses`] joins
/// them.
#[derive(Debug, Default)]
pub struct Premium {
    blpus: HashMap<u64, Blpu>,
    lpis: HashMap<String, LpiRow>,
    dpas: HashMap<u64, (u64, Dpa)>,
    classifications: HashMap<String, (u64, String)>,
    streets: HashMap<(u32, String), Street>,
}

/// Reads AddressBase Premium CSV files in order (a full supply, then change-only updates) and
/// joins them into addresses. `progress` is called now and then with the file being read and
/// the bytes read of it so far.
pub fn import(
    paths: &[PathBuf],
    on_error: OnError,
    progress: &mut dyn FnMut(&Path, u64),
) -> Result<ImportReport, ImportError> {
    let mut premium = Premium::default();
    let mut skipped = Vec::new();
    for path in paths {
        let file = std::fs::File::open(path).map_err(|e| ImportError::Unreadable {
            file: path.clone(),
            message: e.to_string(),
        })?;
        skipped.extend(premium.read_from(file, path, on_error, &mut |b| progress(path, b))?);
    }
    Ok(ImportReport {
        addresses: premium.addresses(),
        skipped,
    })
}

impl Premium {
    /// Reads one file's rows, applying each change in order; `path` names it in errors.
    /// Returns the rows skipped with [`OnError::Skip`]; with [`OnError::Stop`] the first
    /// malformed row is the error (and no row of it has been applied but those before it).
    pub fn read_from(
        &mut self,
        reader: impl Read,
        path: &Path,
        on_error: OnError,
        progress: &mut dyn FnMut(u64),
    ) -> Result<Vec<RowError>, ImportError> {
        let mut csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(reader);
        let mut skipped = Vec::new();
        let mut record = csv::StringRecord::new();
        // Counted by record, as in the AddressBase Plus importer: no field spans lines.
        let mut line = 0u64;
        loop {
            line += 1;
            let outcome = match csv.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => self.apply(&record),
                Err(e) => Err((None, e.to_string())),
            };
            if let Err((column, message)) = outcome {
                let error = RowError {
                    file: path.to_owned(),
                    line,
                    column,
                    message,
                };
                match on_error {
                    OnError::Skip => skipped.push(error),
                    OnError::Stop => return Err(ImportError::Row(error)),
                }
            }
            if line.is_multiple_of(10_000) {
                progress(csv.position().byte());
            }
        }
        progress(csv.position().byte());
        Ok(skipped)
    }

    /// Routes a row by its first field and applies it; a malformed row changes nothing.
    fn apply(&mut self, record: &csv::StringRecord) -> Result<(), FieldError> {
        let kind_text = record.get(0).unwrap_or_default().trim();
        let kind: u8 = kind_text.parse().map_err(|_| {
            (
                Some("RECORD_IDENTIFIER".to_owned()),
                format!("{kind_text:?} is not a record type"),
            )
        })?;
        if PASSED_OVER.contains(&kind) {
            return Ok(());
        }
        if !READ.contains(&kind) {
            return Err((
                Some("RECORD_IDENTIFIER".to_owned()),
                format!("{kind} is not an AddressBase Premium record type"),
            ));
        }
        let names: &[&str] = match kind {
            15 => &columns::STREET_DESCRIPTOR,
            21 => &columns::BLPU,
            24 => &columns::LPI,
            28 => &columns::DPA,
            _ => &columns::CLASSIFICATION,
        };
        if record.len() != names.len() {
            return Err((
                None,
                format!(
                    "a record of type {kind} has {} fields, found {}",
                    names.len(),
                    record.len()
                ),
            ));
        }
        let row = Row { record, names };
        let change = match row.text("CHANGE_TYPE").as_str() {
            "I" | "U" => Change::Upsert,
            "D" => Change::Delete,
            other => {
                return Err((
                    Some("CHANGE_TYPE".to_owned()),
                    format!("{other:?} is not a change type (I, U or D)"),
                ));
            }
        };
        match kind {
            15 => {
                let usrn = row.required::<u32>("USRN")?;
                let key = (usrn, row.text("LANGUAGE"));
                let street = Street {
                    description: row.text("STREET_DESCRIPTION"),
                    locality: row.text("LOCALITY"),
                    town: row.text("TOWN_NAME"),
                    administrative_area: row.text("ADMINISTRATIVE_AREA"),
                };
                upsert(&mut self.streets, key, change, street);
            }
            21 => {
                let uprn = row.uprn()?.get();
                let postcode = row.postcode("POSTCODE_LOCATOR")?;
                let easting: Option<f64> = row.number("X_COORDINATE")?;
                let northing: Option<f64> = row.number("Y_COORDINATE")?;
                let blpu = Blpu {
                    postcode,
                    coordinates: easting
                        .zip(northing)
                        .map(|(easting, northing)| Coordinates { easting, northing }),
                };
                upsert(&mut self.blpus, uprn, change, blpu);
            }
            24 => {
                let key = row.key("LPI_KEY")?;
                let lpi = LpiRow {
                    uprn: row.uprn()?.get(),
                    language: row.text("LANGUAGE"),
                    logical_status: row.number("LOGICAL_STATUS")?,
                    sao: row.object("SAO")?,
                    pao: row.object("PAO")?,
                    usrn: row.number("USRN")?,
                };
                upsert(&mut self.lpis, key, change, lpi);
            }
            28 => {
                let udprn = row.required::<u64>("UDPRN")?;
                let uprn = row.uprn()?.get();
                // Checked, though the index takes the BLPU's postcode locator, as
                // AddressBase Plus does.
                row.postcode("POSTCODE")?;
                let dpa = Dpa {
                    organisation_name: row.text("ORGANISATION_NAME").into(),
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
                };
                upsert(&mut self.dpas, udprn, change, (uprn, dpa));
            }
            _ => {
                let key = row.key("CLASS_KEY")?;
                let class = (row.uprn()?.get(), row.text("CLASSIFICATION_CODE"));
                upsert(&mut self.classifications, key, change, class);
            }
        }
        Ok(())
    }

    /// The addresses: one per BLPU, ordered by UPRN. Where a UPRN has several LPIs the
    /// English one (`ENG`) that is approved (logical status 1) is taken first, then the
    /// lowest LPI key; of several DPAs the lowest UDPRN; of several classifications the
    /// lowest class key. The street comes from the LPI's USRN in the LPI's language, else in
    /// any.
    pub fn addresses(&self) -> Vec<Address> {
        let mut lpis: HashMap<u64, (&String, &LpiRow)> = HashMap::new();
        for (key, lpi) in &self.lpis {
            let rank = |(k, l): (&String, &LpiRow)| {
                (l.language != "ENG", l.logical_status != Some(1), k.clone())
            };
            let better = lpis
                .get(&lpi.uprn)
                .is_none_or(|&current| rank((key, lpi)) < rank(current));
            if better {
                lpis.insert(lpi.uprn, (key, lpi));
            }
        }
        let dpas = lowest_per_uprn(self.dpas.iter().map(|(k, (u, d))| (*u, k.to_string(), d)));
        let classes = lowest_per_uprn(
            self.classifications
                .iter()
                .map(|(k, (u, c))| (*u, k.clone(), c)),
        );
        let mut streets: HashMap<u32, &Street> = HashMap::new();
        for ((usrn, language), street) in &self.streets {
            if language == "ENG" || !streets.contains_key(usrn) {
                streets.insert(*usrn, street);
            }
        }
        let mut uprns: Vec<u64> = self.blpus.keys().copied().collect();
        uprns.sort_unstable();
        uprns
            .into_iter()
            .filter_map(|uprn| {
                let blpu = &self.blpus[&uprn];
                let lpi = lpis.get(&uprn).map(|&(_, l)| l);
                let street = lpi.and_then(|l| {
                    let usrn = l.usrn?;
                    self.streets
                        .get(&(usrn, l.language.clone()))
                        .or_else(|| streets.get(&usrn).copied())
                });
                let street = street.cloned().unwrap_or_default();
                Some(Address {
                    uprn: Uprn::new(uprn)?,
                    usrn: lpi.and_then(|l| l.usrn).map(Usrn),
                    lpi: lpi.map(|l| Lpi {
                        sao: l.sao.clone(),
                        pao: l.pao.clone(),
                        street: street.description.into(),
                        locality: street.locality.into(),
                        town: street.town.into(),
                        administrative_area: street.administrative_area.into(),
                    }),
                    dpa: dpas.get(&uprn).map(|&d| d.clone()),
                    postcode: blpu.postcode,
                    classification: classes
                        .get(&uprn)
                        .map(|&c| Classification(c.clone().into())),
                    coordinates: blpu.coordinates,
                })
            })
            .collect()
    }
}

/// Of several rows for one UPRN, the one with the lowest key (compared as numbers where both
/// are, so UDPRN 9 comes before 10).
fn lowest_per_uprn<'a, T>(rows: impl Iterator<Item = (u64, String, &'a T)>) -> HashMap<u64, &'a T> {
    let mut best: BTreeMap<u64, (String, &'a T)> = BTreeMap::new();
    for (uprn, key, value) in rows {
        let replace = best
            .get(&uprn)
            .is_none_or(|(k, _)| crate::natural_cmp(&key, k).is_lt());
        if replace {
            best.insert(uprn, (key, value));
        }
    }
    best.into_iter().map(|(u, (_, v))| (u, v)).collect()
}

fn upsert<K: std::hash::Hash + Eq, V>(map: &mut HashMap<K, V>, key: K, change: Change, value: V) {
    match change {
        Change::Upsert => {
            map.insert(key, value);
        }
        Change::Delete => {
            map.remove(&key);
        }
    }
}
