//! `civic forms`: check form definitions, print the definition format's JSON Schema and
//! export stored submissions.

use std::io::Write;
use std::path::Path;

use clap::Subcommand;
use serde::Serialize;

use crate::input::{self, LineFormat, Outcome, Verdict};

/// The `civic forms` subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check form definitions (JSON, YAML or TOML): unknown keys, duplicate ids, missing and
    /// unreachable pages, routes that loop or jump back, conditions on the wrong answers,
    /// missing Welsh text. Prints each problem as FILE: PATH: sentence.
    #[command(after_help = "Examples:\n  civic forms check apply-for-a-bin.yaml\n  \
        ls forms/*.yaml | civic forms check --json")]
    Check {
        /// Definition files to check; when none are given, one path per line on standard input.
        /// Example: apply-for-a-bin.yaml
        #[arg(value_name = "FILE")]
        files: Vec<String>,
        /// Print one JSON object per file, like {"file": "a.yaml", "valid": false, "problems":
        /// [{"path": "pages[1].routes[0].to", "message": "..."}]}.
        #[arg(long)]
        json: bool,
    },
    /// Print the JSON Schema of the form definition format, for editors and other tools.
    #[command(after_help = "Example:\n  civic forms schema > form-definition.schema.json")]
    Schema,
    /// Print a form's stored submissions as CSV (one row each, a column per question) or as
    /// JSON, oldest first.
    #[command(
        after_help = "Examples:\n  civic forms export --database sqlite://forms.db --form report-a-pothole > potholes.csv\n  \
        civic forms export --database postgres://forms@db/forms --form bins --format json"
    )]
    Export {
        /// The forms database. Example: sqlite://forms.db
        #[arg(long, value_name = "URL")]
        database: String,
        /// The form's id. Example: report-a-pothole
        #[arg(long, value_name = "ID")]
        form: String,
        /// csv or json.
        #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
        format: ExportFormat,
    },
}

/// How `civic forms export` writes submissions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Comma-separated values with a header row.
    Csv,
    /// A JSON array of submissions.
    Json,
}

/// Runs one `civic forms` subcommand.
pub fn run(command: Command) -> Outcome {
    match command {
        Command::Check { files, json } => check(files, json),
        Command::Schema => {
            let schema = civic_forms::schema::json_schema();
            std::io::stdout().lock().write_all(schema.as_bytes())?;
            Ok(Verdict::AllValid)
        }
        Command::Export {
            database,
            form,
            format,
        } => export(&database, &form, format),
    }
}

fn export(database: &str, form: &str, format: ExportFormat) -> Outcome {
    let submissions = civic_pay_adapters::config::block_on(async {
        let store = civic_forms::session::SqlSessionStore::connect(database).await?;
        let submissions = civic_forms::delivery::SubmissionStore::new(store.pool().clone());
        Ok::<_, input::Failure>(submissions.list(form).await?)
    })??;
    let text = match format {
        ExportFormat::Csv => civic_forms::delivery::export::csv(&submissions)?,
        ExportFormat::Json => civic_forms::delivery::export::json(&submissions)? + "\n",
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(Verdict::AllValid)
}

#[derive(Serialize)]
struct FileReport<'a> {
    file: &'a str,
    valid: bool,
    problems: Vec<ProblemLine<'a>>,
}

#[derive(Serialize)]
struct ProblemLine<'a> {
    path: &'a str,
    message: &'a str,
}

fn check(files: Vec<String>, json: bool) -> Outcome {
    let files = input::inputs(files, LineFormat::Plain)?;
    let mut invalid = 0;
    for file in files.iter().filter(|f| !f.trim().is_empty()) {
        let path = Path::new(file);
        if !path.is_file() {
            return Err(input::Failure(format!("cannot read {file}: no such file")));
        }
        let problems = civic_forms::check::check_file(path);
        if !problems.is_empty() {
            invalid += 1;
        }
        if json {
            input::print_json_line(&FileReport {
                file,
                valid: problems.is_empty(),
                problems: problems
                    .iter()
                    .map(|p| ProblemLine {
                        path: &p.path,
                        message: &p.message,
                    })
                    .collect(),
            })?;
        } else {
            let mut out = std::io::stdout().lock();
            if problems.is_empty() {
                writeln!(out, "{file}: no problems found")?;
            }
            for problem in &problems {
                writeln!(out, "{problem}")?;
            }
        }
    }
    Ok(Verdict::from_invalid_count(invalid))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(name: &str, text: &str) -> String {
        let dir = std::env::temp_dir().join(format!("civic-cli-forms-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    }

    const GOOD: &str = "id: x\ntitle: X\npages:\n  - id: a\n    questions:\n      - { id: q, label: Q?, answer: { type: yes_no } }\n";

    #[test]
    fn a_sound_definition_exits_0_and_a_broken_one_exits_1() {
        let good = write("good.yaml", GOOD);
        assert_eq!(check(vec![good.clone()], false).unwrap(), Verdict::AllValid);
        let bad = write("bad.yaml", &format!("{GOOD}    routes:\n      - to: b\n"));
        assert_eq!(check(vec![good, bad], true).unwrap(), Verdict::SomeInvalid);
    }

    #[test]
    fn export_reads_a_database_without_submissions() {
        let dir = std::env::temp_dir().join(format!("civic-cli-export-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.join("forms.db").display());
        assert_eq!(
            export(&url, "report", ExportFormat::Csv).unwrap(),
            Verdict::AllValid
        );
        assert!(export("sqlite:///no/such/dir/x.db", "report", ExportFormat::Json).is_err());
    }

    #[test]
    fn a_missing_file_is_a_usage_error() {
        let error = check(vec!["/no/such/form.yaml".to_owned()], false).unwrap_err();
        assert_eq!(error.0, "cannot read /no/such/form.yaml: no such file");
    }
}
