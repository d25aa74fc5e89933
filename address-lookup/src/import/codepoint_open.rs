//! Code-Point Open: every Great Britain postcode with its position and the codes of the areas
//! it lies in. OS ships one CSV per postcode area under `Data/CSV/`, without a header row; the
//! columns (from the product's `Doc/Code-Point_Open_Column_Headers.csv`) are [`COLUMNS`].

use std::io::Read;
use std::path::Path;

use super::{ImportError, OnError, RowError};
use crate::{Coordinates, Postcode};

/// Code-Point Open's ten columns, in order.
pub const COLUMNS: [&str; 10] = [
    "Postcode",
    "Positional_quality_indicator",
    "Eastings",
    "Northings",
    "Country_code",
    "NHS_regional_HA_code",
    "NHS_HA_code",
    "Admin_county_code",
    "Admin_district_code",
    "Admin_ward_code",
];

/// One postcode's position and areas.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct PostcodePoint {
    /// The postcode.
    pub postcode: Postcode,
    /// How the position was found: 10 (within a building) to 90 (no position).
    pub positional_quality: u8,
    /// The position (British National Grid), absent when the quality is 90.
    pub coordinates: Option<Coordinates>,
    /// GSS code of the country, such as `E92000001`.
    pub country_code: String,
    /// GSS code of the county, where there is one.
    pub admin_county_code: String,
    /// GSS code of the district or unitary authority: the council.
    pub admin_district_code: String,
    /// GSS code of the electoral ward.
    pub admin_ward_code: String,
}

/// Reads one Code-Point Open CSV, handing each postcode to `each`; returns the rows skipped
/// (with [`OnError::Skip`]). Streams: nothing is kept but the current row.
pub fn read(
    reader: impl Read,
    source: &Path,
    on_error: OnError,
    mut each: impl FnMut(PostcodePoint),
) -> Result<Vec<RowError>, ImportError> {
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(reader);
    let mut record = csv::StringRecord::new();
    let mut skipped = Vec::new();
    // Lines are counted by record: neither format has fields spanning lines, and the csv
    // crate's own line count lags after CRLF endings.
    let mut line = 0u64;
    loop {
        line += 1;
        let row = match csv.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => point(&record),
            Err(e) => Err((None, e.to_string())),
        };
        match row {
            Ok(point) => each(point),
            Err((column, message)) => {
                let error = RowError {
                    file: source.to_owned(),
                    line,
                    column: column.map(str::to_owned),
                    message,
                };
                match on_error {
                    OnError::Skip => skipped.push(error),
                    OnError::Stop => return Err(ImportError::Row(error)),
                }
            }
        }
    }
    Ok(skipped)
}

fn point(record: &csv::StringRecord) -> Result<PostcodePoint, (Option<&'static str>, String)> {
    if record.len() != COLUMNS.len() {
        return Err((None, format!("expected 10 fields, found {}", record.len())));
    }
    let field = |i: usize| record.get(i).unwrap_or_default().trim();
    let postcode = Postcode::parse(field(0)).map_err(|e| (Some(COLUMNS[0]), e.to_string()))?;
    let number = |i: usize| -> Result<f64, (Option<&'static str>, String)> {
        field(i)
            .parse()
            .map_err(|_| (Some(COLUMNS[i]), format!("{:?} is not a number", field(i))))
    };
    let positional_quality: u8 = field(1)
        .parse()
        .map_err(|_| (Some(COLUMNS[1]), format!("{:?} is not a number", field(1))))?;
    let (easting, northing) = (number(2)?, number(3)?);
    Ok(PostcodePoint {
        postcode,
        positional_quality,
        // Quality 90 means "no coordinates": OS writes zeros.
        coordinates: (positional_quality != 90).then_some(Coordinates { easting, northing }),
        country_code: field(4).to_owned(),
        admin_county_code: field(7).to_owned(),
        admin_district_code: field(8).to_owned(),
        admin_ward_code: field(9).to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_become_points_and_bad_rows_name_their_column() {
        let text = "\"AB10 1AB\",10,394235,806529,\"S92000003\",\"\",\"S08000020\",\"\",\"S12000033\",\"S13002842\"\n\
                    \"AB10 1CB\",10,1,2,\"S92000003\",\"\",\"\",\"\",\"\",\"\"\n\
                    \"AB10 1AF\",90,0,0,\"S92000003\",\"\",\"\",\"\",\"S12000033\",\"\"\n";
        let mut points = Vec::new();
        let skipped = read(text.as_bytes(), Path::new("ab.csv"), OnError::Skip, |p| {
            points.push(p)
        })
        .unwrap();
        assert_eq!(points.len(), 2);
        assert_eq!(points[0].admin_district_code, "S12000033");
        assert_eq!(points[0].coordinates.unwrap().northing, 806_529.0);
        assert_eq!(points[1].coordinates, None);
        assert_eq!(
            skipped[0].to_string(),
            "ab.csv:2: column Postcode: the letter C is never used as character 6 of a postcode"
        );
        let stopped = read(text.as_bytes(), Path::new("ab.csv"), OnError::Stop, |_| {});
        assert!(matches!(stopped, Err(ImportError::Row(_))));
    }
}
