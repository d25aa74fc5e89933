//! Bulk sending from a spreadsheet: the whole file is checked first, every bad row reported
//! by its row number and reason, as Notify's upload does; only a clean file yields messages.

use crate::email::{Branding, EmailMessage};
use crate::email_address::EmailAddress;
use crate::language::Language;
use crate::personalisation::{Personalisation, placeholder_key};
use crate::phone_number::{Allow, PhoneNumber};
use crate::sms::{SmsMessage, SmsPolicy};
use crate::template::{Template, TemplateError, TemplateKind};

/// The most rows Notify accepts in one file.
pub const MAX_ROWS: usize = 100_000;

/// One checked row, ready to queue.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum BulkMessage {
    /// An email for this address.
    Email(EmailAddress, EmailMessage),
    /// A text message for this number.
    Sms(PhoneNumber, SmsMessage),
}

/// A row that cannot be sent, numbered as a spreadsheet numbers it (the header is row 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// The row number.
    pub row: usize,
    /// What is wrong, in words for the person who made the file.
    pub reason: String,
}

/// Why a file cannot be sent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BulkError {
    /// The file is not readable CSV.
    #[error("the file is not CSV: {0}")]
    NotCsv(String),
    /// Columns the template needs are missing.
    #[error("missing columns: {}", .0.join(", "))]
    MissingColumns(Vec<String>),
    /// Two columns have the same name (ignoring case, spaces, `_` and `-`).
    #[error("the column {0} appears more than once")]
    DuplicateColumn(String),
    /// The file has no rows, or more than Notify accepts.
    #[error("the file has {0} rows; it must have between 1 and {MAX_ROWS}")]
    RowCount(usize),
    /// These rows have problems; nothing was made.
    #[error("{} rows have problems", .0.len())]
    Rows(Vec<RowProblem>),
    /// Letters are not sent in bulk yet.
    #[error("bulk sending is for emails and text messages")]
    UnsupportedKind,
}

/// How the rows are turned into messages.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct BulkOptions {
    /// The language of every message in the file.
    pub language: Language,
    /// Which numbers the service may text.
    pub allow: Allow,
    /// The sender name put before text messages.
    pub sms_sender: Option<String>,
    /// GSM downgrade or Unicode.
    pub sms_policy: SmsPolicy,
    /// The council's brand on emails.
    pub branding: Branding,
}

impl BulkOptions {
    /// English, UK mobiles only, no sender name, GSM downgrade, and this brand.
    pub fn new(branding: Branding) -> BulkOptions {
        BulkOptions {
            language: Language::English,
            allow: Allow::UK_MOBILE,
            sms_sender: None,
            sms_policy: SmsPolicy::Gsm,
            branding,
        }
    }
}

/// Checks a CSV file against a template: a recipient column (`email address` or `phone
/// number`) and a column per placeholder. Returns every message, or every problem.
pub fn check_csv(
    csv_text: &str,
    template: &Template,
    options: &BulkOptions,
) -> Result<Vec<BulkMessage>, BulkError> {
    let recipient_column = match template.kind {
        TemplateKind::Email => "email address",
        TemplateKind::Sms => "phone number",
        _ => return Err(BulkError::UnsupportedKind),
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(csv_text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| BulkError::NotCsv(e.to_string()))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let keys: Vec<String> = headers.iter().map(|h| placeholder_key(h)).collect();
    for (index, key) in keys.iter().enumerate() {
        if !key.is_empty() && keys[..index].contains(key) {
            return Err(BulkError::DuplicateColumn(headers[index].clone()));
        }
    }
    let mut needed = vec![recipient_column.to_owned()];
    needed.extend(template.placeholders());
    let missing: Vec<String> = needed
        .iter()
        .filter(|name| !keys.contains(&placeholder_key(name)))
        .cloned()
        .collect();
    if !missing.is_empty() {
        return Err(BulkError::MissingColumns(missing));
    }
    let recipient_index = keys
        .iter()
        .position(|key| *key == placeholder_key(recipient_column))
        .unwrap_or(0);

    let mut messages = Vec::new();
    let mut problems = Vec::new();
    let mut rows = 0;
    for (index, record) in reader.records().enumerate() {
        let row = index + 2;
        rows += 1;
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                problems.push(RowProblem {
                    row,
                    reason: format!("cannot be read: {e}"),
                });
                continue;
            }
        };
        if record.iter().all(|cell| cell.trim().is_empty()) {
            rows -= 1;
            continue;
        }
        let mut values = Personalisation::new();
        for (column, cell) in headers.iter().zip(record.iter()) {
            if !cell.is_empty() && !column.is_empty() {
                values.insert(column, cell);
            }
        }
        let recipient = record.get(recipient_index).unwrap_or("");
        match check_row(recipient, &values, template, options) {
            Ok(message) => messages.push(message),
            Err(reason) => problems.push(RowProblem { row, reason }),
        }
    }
    if rows == 0 || rows > MAX_ROWS {
        return Err(BulkError::RowCount(rows));
    }
    if problems.is_empty() {
        Ok(messages)
    } else {
        Err(BulkError::Rows(problems))
    }
}

fn check_row(
    recipient: &str,
    values: &Personalisation,
    template: &Template,
    options: &BulkOptions,
) -> Result<BulkMessage, String> {
    let describe = |error: TemplateError| error.to_string();
    if recipient.trim().is_empty() {
        return Err("no recipient".to_owned());
    }
    match template.kind {
        TemplateKind::Sms => {
            let number = PhoneNumber::parse(recipient, options.allow).map_err(|e| e.to_string())?;
            let message = template
                .render_sms(
                    options.language,
                    values,
                    options.sms_sender.as_deref(),
                    options.sms_policy,
                )
                .map_err(describe)?;
            Ok(BulkMessage::Sms(number, message))
        }
        _ => {
            let address = EmailAddress::parse(recipient).map_err(|e| e.to_string())?;
            let message = template
                .render_email(options.language, values, &options.branding)
                .map_err(describe)?;
            Ok(BulkMessage::Email(address, message))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sms_template() -> Template {
        Template::new(TemplateKind::Sms, None, "Hello ((name)), bins on ((day)).")
    }

    fn options() -> BulkOptions {
        BulkOptions::new(Branding::new("Council", "#000000"))
    }

    #[test]
    fn a_clean_file_becomes_messages() {
        let csv = "Phone Number,Name,day\n07700 900123,Sam,Monday\n07700900456,Ann,Tuesday\n";
        let messages = check_csv(csv, &sms_template(), &options()).unwrap();
        assert_eq!(messages.len(), 2);
    }

    #[test]
    fn every_bad_row_is_reported_and_nothing_is_made() {
        let csv = "phone number,name,day\n07700 900123,Sam,Monday\nabc,Ann,Tuesday\n07700900456,,Wed\n,Jo,Fri\n";
        let BulkError::Rows(problems) = check_csv(csv, &sms_template(), &options()).unwrap_err()
        else {
            panic!("expected row problems");
        };
        let rows: Vec<usize> = problems.iter().map(|p| p.row).collect();
        assert_eq!(rows, [3, 4, 5]);
        assert_eq!(
            problems[0].reason,
            "Mobile numbers can only include: 0 1 2 3 4 5 6 7 8 9 ( ) + -"
        );
        assert_eq!(problems[1].reason, "missing personalisation: name");
        assert_eq!(problems[2].reason, "no recipient");
    }

    #[test]
    fn missing_and_duplicate_columns_are_named() {
        let error = check_csv(
            "phone number,name\n07700900123,Sam\n",
            &sms_template(),
            &options(),
        )
        .unwrap_err();
        assert_eq!(error, BulkError::MissingColumns(vec!["day".to_owned()]));
        let error =
            check_csv("phone number,name,Name,day\n", &sms_template(), &options()).unwrap_err();
        assert_eq!(error, BulkError::DuplicateColumn("Name".to_owned()));
    }

    proptest! {
        #[test]
        fn never_panics(csv in "\\PC{0,200}") {
            let _ = check_csv(&csv, &sms_template(), &options());
        }
    }
}
