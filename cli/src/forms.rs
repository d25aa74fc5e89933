//! `civic forms`: check form definitions and print the definition format's JSON Schema.

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
    }
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
    fn a_missing_file_is_a_usage_error() {
        let error = check(vec!["/no/such/form.yaml".to_owned()], false).unwrap_err();
        assert_eq!(error.0, "cannot read /no/such/form.yaml: no such file");
    }
}
