//! Reading named fields of a CSV row, shared by the AddressBase importers.

use crate::{AddressableObject, Postcode, Uprn};

/// A malformed field: the column to blame, if one is, and what is wrong.
pub(crate) type FieldError = (Option<String>, String);

/// A row with its record type's column names.
pub(crate) struct Row<'a> {
    pub(crate) record: &'a csv::StringRecord,
    pub(crate) names: &'a [&'a str],
}

impl Row<'_> {
    pub(crate) fn text(&self, name: &str) -> String {
        self.names
            .iter()
            .position(|n| *n == name)
            .and_then(|i| self.record.get(i))
            .unwrap_or_default()
            .trim()
            .to_owned()
    }

    pub(crate) fn number<T: std::str::FromStr>(&self, name: &str) -> Result<Option<T>, FieldError> {
        let text = self.text(name);
        if text.is_empty() {
            return Ok(None);
        }
        text.parse()
            .map(Some)
            .map_err(|_| (Some(name.to_owned()), format!("{text:?} is not a number")))
    }

    pub(crate) fn required<T: std::str::FromStr>(&self, name: &str) -> Result<T, FieldError> {
        self.number(name)?
            .ok_or_else(|| (Some(name.to_owned()), "is empty".to_owned()))
    }

    pub(crate) fn key(&self, name: &str) -> Result<String, FieldError> {
        let key = self.text(name);
        if key.is_empty() {
            return Err((Some(name.to_owned()), "is empty".to_owned()));
        }
        Ok(key)
    }

    pub(crate) fn uprn(&self) -> Result<Uprn, FieldError> {
        self.number::<u64>("UPRN")?
            .and_then(Uprn::new)
            .ok_or_else(|| {
                (
                    Some("UPRN".to_owned()),
                    "a UPRN is 1 to 12 digits".to_owned(),
                )
            })
    }

    pub(crate) fn postcode(&self, name: &str) -> Result<Option<Postcode>, FieldError> {
        let text = self.text(name);
        if text.is_empty() {
            return Ok(None);
        }
        Postcode::parse(&text)
            .map(Some)
            .map_err(|e| (Some(name.to_owned()), e.to_string()))
    }

    pub(crate) fn suffix(&self, name: &str) -> Result<Option<char>, FieldError> {
        let text = self.text(name);
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (None, _) => Ok(None),
            (Some(c), None) => Ok(Some(c)),
            _ => Err((
                Some(name.to_owned()),
                format!("{text:?} is not a single letter"),
            )),
        }
    }

    pub(crate) fn object(&self, prefix: &str) -> Result<AddressableObject, FieldError> {
        Ok(AddressableObject {
            start_number: self.number(&format!("{prefix}_START_NUMBER"))?,
            start_suffix: self.suffix(&format!("{prefix}_START_SUFFIX"))?,
            end_number: self.number(&format!("{prefix}_END_NUMBER"))?,
            end_suffix: self.suffix(&format!("{prefix}_END_SUFFIX"))?,
            text: self.text(&format!("{prefix}_TEXT")).into(),
        })
    }
}
