//! Export of stored submissions as CSV or JSON (`civic forms export`), for a council team's
//! spreadsheet or case system.

use std::collections::BTreeSet;

use crate::answers::AnswerValue;

use super::Submission;

/// Why an export could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// The CSV could not be written.
    #[error("the CSV could not be written")]
    Csv(#[from] csv::Error),
    /// The CSV could not be finished.
    #[error("the CSV could not be written")]
    Io(#[from] std::io::Error),
    /// The JSON could not be written.
    #[error("the JSON could not be written")]
    Json(#[from] serde_json::Error),
}

fn cell(value: &AnswerValue) -> Result<String, ExportError> {
    let text = match value {
        AnswerValue::Text(text) => text.clone(),
        AnswerValue::Choice(choice) => choice.clone(),
        // ISO 8601, which spreadsheets read as a date.
        AnswerValue::Date(date) => date.to_string(),
        // Other answers are stored as {"type": .., "value": ..}: the value, as JSON unless text.
        other => match serde_json::to_value(other)?.get("value") {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(value) => value.to_string(),
            None => String::new(),
        },
    };
    Ok(defuse(text))
}

/// A resident's answer opened in a spreadsheet must not run as a formula (OWASP's "CSV
/// injection"): a cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a `'`.
fn defuse(text: String) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text
    }
}

/// The submissions as CSV: `reference`, `form`, `language`, `submitted_at`, then a column per
/// question id answered in any of them (sorted), then `lists` holding add-to-a-list items as
/// JSON.
pub fn csv(submissions: &[Submission]) -> Result<String, ExportError> {
    let questions: BTreeSet<&str> = submissions
        .iter()
        .flat_map(|s| s.answers.values.keys().map(String::as_str))
        .collect();
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["reference", "form", "language", "submitted_at"];
    header.extend(questions.iter().copied());
    header.push("lists");
    writer.write_record(&header)?;
    for submission in submissions {
        let mut row = vec![
            submission.reference.clone(),
            submission.form_id.clone(),
            submission.language.code().to_owned(),
            submission
                .submitted_at
                .format(&time::format_description::well_known::Rfc3339)
                .unwrap_or_default(),
        ];
        for question in &questions {
            row.push(match submission.answers.values.get(*question) {
                Some(value) => cell(value)?,
                None => String::new(),
            });
        }
        row.push(if submission.answers.lists.is_empty() {
            String::new()
        } else {
            defuse(serde_json::to_string(&submission.answers.lists)?)
        });
        writer.write_record(&row)?;
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The submissions as a JSON array, each as handlers receive it.
pub fn json(submissions: &[Submission]) -> Result<String, ExportError> {
    Ok(serde_json::to_string_pretty(submissions)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::delivery::copy::tests::submission;

    #[test]
    fn csv_has_a_column_per_question_and_defuses_formulas() {
        let mut second = submission("=HYPERLINK(\"http://evil\")");
        second.reference = "XYZ-XYZ-789".into();
        second.answers.values.remove("email");
        let text = csv(&[submission("Pothole, big"), second]).unwrap();
        assert_eq!(
            text,
            "reference,form,language,submitted_at,email,problem,lists\n\
             ABC-DEF-234,report,en,2025-06-15T12:00:00Z,resident@example.com,\"Pothole, big\",\n\
             XYZ-XYZ-789,report,en,2025-06-15T12:00:00Z,,\"'=HYPERLINK(\"\"http://evil\"\")\",\n"
        );
    }

    #[test]
    fn answers_other_than_text_show_their_value() {
        let mut with_date = submission("x");
        with_date.answers.values.clear();
        with_date.answers.values.insert(
            "dob".into(),
            AnswerValue::Date(time::macros::date!(1990 - 01 - 31)),
        );
        with_date
            .answers
            .values
            .insert("permit".into(), AnswerValue::YesNo(true));
        let text = csv(&[with_date]).unwrap();
        assert_eq!(
            text.lines().nth(1).unwrap(),
            "ABC-DEF-234,report,en,2025-06-15T12:00:00Z,1990-01-31,true,"
        );
    }

    proptest::proptest! {
        #[test]
        fn any_answer_reads_back_as_one_cell_that_is_never_a_formula(text in "\\PC*") {
            let exported = csv(&[submission(&text)]).unwrap();
            let mut reader = csv::Reader::from_reader(exported.as_bytes());
            let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
            proptest::prop_assert_eq!(rows.len(), 1);
            let cell = &rows[0][5];
            proptest::prop_assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']));
            proptest::prop_assert_eq!(cell.trim_start_matches('\''), text.trim_start_matches('\''));
        }
    }

    #[test]
    fn json_round_trips() {
        let text = json(&[submission("Pothole")]).unwrap();
        let back: Vec<Submission> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, vec![submission("Pothole")]);
    }
}
