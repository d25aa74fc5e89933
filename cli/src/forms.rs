//! `civic forms`: check form definitions, serve one on this machine, print the definition
//! format's JSON Schema and export stored submissions.

mod serve;

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
    /// Serve one form definition at http://127.0.0.1:PORT/FORM-ID to try it in a browser:
    /// sessions and submissions in a SQLite file in ./data, emails (save-and-return links
    /// too) to a development mailbox at /dev/mailbox, the branded stylesheet and scripts. Prints the form's address; stop it
    /// with Ctrl-C.
    #[command(
        after_help = "Examples:\n  civic forms serve report-a-pothole.yaml\n  \
        civic forms serve --port 8080 report-a-pothole.yaml\n  \
        civic forms serve --port 0 --no-rate-limit report-a-pothole.yaml   (a load test)"
    )]
    Serve {
        /// The definition file (JSON, YAML or TOML). Example: report-a-pothole.yaml
        #[arg(value_name = "FILE")]
        file: String,
        /// The port on 127.0.0.1; 0 picks a free one.
        #[arg(long, env = "CIVIC_FORMS_PORT", default_value_t = 3000)]
        port: u16,
        /// Where sessions and submissions are kept (default ./data/FORM-ID.db).
        /// Example: sqlite://forms.db
        #[arg(long, value_name = "URL")]
        database: Option<String>,
        /// Accept any number of POSTs from one address. Without it each address may send 30
        /// at once, then one every 2 seconds, as a public form should; a load test from one
        /// machine needs it off.
        #[arg(long)]
        no_rate_limit: bool,
        /// Look UK addresses up in this index (made by `civic address import`). Without it,
        /// civic's sample gazetteer of invented addresses (postcodes from ZY1 0AA), and each
        /// address question says so. Example: council.civicidx
        #[arg(long, value_name = "FILE")]
        address_index: Option<String>,
    },
    /// Print the JSON Schema of the form definition format, for editors and other tools.
    #[command(after_help = "Example:\n  civic forms schema > form-definition.schema.json")]
    Schema,
    /// Print a form's stored submissions as CSV (one row each, a column per question) or as
    /// JSON, oldest first; with --files, also save the files residents uploaded.
    #[command(
        after_help = "Examples:\n  civic forms export --database sqlite://forms.db --form report-a-pothole > potholes.csv\n  \
        civic forms export --database postgres://forms@db/forms --form bins --format json\n  \
        civic forms export --database sqlite://forms.db --form bins --files uploads > bins.csv"
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
        /// Also save each submission's uploaded files in FOLDER/REFERENCE/ (the team's
        /// email names them but cannot carry them when sent through GOV.UK Notify's API).
        /// Example: uploads
        #[arg(long, value_name = "FOLDER")]
        files: Option<std::path::PathBuf>,
    },
    /// Delete what is past its retention: each form's stored submissions older than its
    /// `retention.submission_days`, expired sessions and expired save-and-return links. Run
    /// it from a scheduled job (cron, a systemd timer) at least daily.
    #[command(
        after_help = "Example:\n  civic forms purge --database sqlite://forms.db bins.yaml parking.yaml"
    )]
    Purge {
        /// The forms database. Example: sqlite://forms.db
        #[arg(long, value_name = "URL")]
        database: String,
        /// The definitions of the forms whose submissions are in the database; submissions of
        /// other forms are left alone. Example: bins.yaml
        #[arg(value_name = "FILE", required = true)]
        files: Vec<String>,
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
        Command::Serve {
            file,
            port,
            database,
            no_rate_limit,
            address_index,
        } => serve::serve(serve::Options {
            file,
            port,
            database,
            rate_limit: !no_rate_limit,
            address_index,
        }),
        Command::Schema => {
            let schema = civic_forms::schema::json_schema();
            std::io::stdout().lock().write_all(schema.as_bytes())?;
            Ok(Verdict::AllValid)
        }
        Command::Export {
            database,
            form,
            format,
            files,
        } => {
            if let Some(folder) = files {
                save_files(&database, &form, &folder)?;
            }
            export(&database, &form, format)
        }
        Command::Purge { database, files } => purge(&database, &files),
    }
}

fn purge(database: &str, files: &[String]) -> Outcome {
    let mut forms = Vec::new();
    for file in files {
        let form = civic_forms::definition::FormDefinition::load(file)
            .map_err(|e| input::Failure(format!("{file}: {e}")))?;
        forms.push(form);
    }
    let purged = civic_pay_adapters::config::block_on(async {
        let store = civic_forms::session::SqlSessionStore::connect(database).await?;
        let mut job = civic_forms::retention::RetentionJob::new(
            store.pool().clone(),
            std::sync::Arc::new(store.clone()),
        );
        for form in &forms {
            job = job.form(form);
        }
        let now = std::time::SystemTime::now();
        Ok::<_, input::Failure>(job.purge_expired(now.into()).await?)
    })??;
    writeln!(
        std::io::stdout().lock(),
        "deleted {} submissions, {} sessions and {} save-and-return links",
        purged.submissions,
        purged.sessions,
        purged.return_links
    )?;
    Ok(Verdict::AllValid)
}

fn export(database: &str, form: &str, format: ExportFormat) -> Outcome {
    let text = export_text(database, form, format)?;
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(Verdict::AllValid)
}

/// Writes every uploaded file of `form`'s stored submissions to `folder/REFERENCE/NAME`; a
/// name already used in the submission gets its position in front (`2-photo.jpg`).
fn save_files(database: &str, form: &str, folder: &Path) -> Result<(), input::Failure> {
    civic_pay_adapters::config::block_on(async {
        let store = civic_forms::session::SqlSessionStore::connect(database).await?;
        let submissions = civic_forms::delivery::SubmissionStore::new(store.pool().clone())
            .list(form)
            .await?;
        let files = store.files();
        for submission in &submissions {
            let into = folder.join(&submission.reference);
            let uploaded = submission.files();
            for (index, file) in uploaded.iter().enumerate() {
                use civic_forms::session::FileStore;
                let content = files.get(&file.id).await?.ok_or_else(|| {
                    input::Failure(format!(
                        "{}: {} has been deleted",
                        submission.reference, file.file_name
                    ))
                })?;
                std::fs::create_dir_all(&into).map_err(|e| {
                    input::Failure(format!("cannot create {}: {e}", into.display()))
                })?;
                // The stored name has no folders; ".." would still leave `into`.
                let name = Path::new(&file.file_name)
                    .file_name()
                    .map_or("file".into(), |n| n.to_string_lossy());
                // Named the same way on every run, so exporting again overwrites.
                let earlier = &uploaded[..index];
                let path = if earlier.iter().any(|f| f.file_name == file.file_name) {
                    into.join(format!("{}-{name}", index + 1))
                } else {
                    into.join(name.as_ref())
                };
                std::fs::write(&path, content)
                    .map_err(|e| input::Failure(format!("cannot write {}: {e}", path.display())))?;
            }
        }
        Ok::<_, input::Failure>(())
    })?
}

fn export_text(database: &str, form: &str, format: ExportFormat) -> Result<String, input::Failure> {
    let submissions = civic_pay_adapters::config::block_on(async {
        let store = civic_forms::session::SqlSessionStore::connect(database).await?;
        let submissions = civic_forms::delivery::SubmissionStore::new(store.pool().clone());
        Ok::<_, input::Failure>(submissions.list(form).await?)
    })??;
    Ok(match format {
        ExportFormat::Csv => civic_forms::delivery::export::csv(&submissions)?,
        ExportFormat::Json => civic_forms::delivery::export::json(&submissions)? + "\n",
    })
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
    fn export_prints_stored_submissions_and_purge_deletes_old_ones() {
        let dir = std::env::temp_dir().join(format!("civic-cli-export-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.join("forms.db").display());
        let mut answers = civic_forms::journey::Answers::default();
        answers
            .values
            .insert("q".into(), civic_forms::answers::AnswerValue::YesNo(true));
        let submission = civic_forms::delivery::Submission {
            form_id: "x".into(),
            reference: "ABC-DEF-234".into(),
            language: civic_forms::definition::Language::En,
            answers,
            // 2001-09-09: long past the default 90 days.
            submitted_at: (std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000))
                .into(),
        };
        civic_pay_adapters::config::block_on(async {
            let store = civic_forms::session::SqlSessionStore::connect(&url)
                .await
                .unwrap();
            civic_forms::delivery::SubmissionStore::new(store.pool().clone())
                .save(&submission)
                .await
                .unwrap();
        })
        .unwrap();
        assert_eq!(
            export_text(&url, "x", ExportFormat::Csv).unwrap(),
            "reference,form,language,submitted_at,q,lists\n\
             ABC-DEF-234,x,en,2001-09-09T01:46:40Z,true,\n"
        );
        assert!(
            export_text(&url, "x", ExportFormat::Json)
                .unwrap()
                .contains("\"reference\": \"ABC-DEF-234\"")
        );
        assert_eq!(
            export_text(&url, "other", ExportFormat::Csv).unwrap(),
            "reference,form,language,submitted_at,lists\n"
        );
        assert!(export_text("sqlite:///no/such/dir/x.db", "x", ExportFormat::Json).is_err());

        let good = write("purge.yaml", GOOD);
        assert_eq!(purge(&url, &[good]).unwrap(), Verdict::AllValid);
        assert_eq!(
            export_text(&url, "x", ExportFormat::Csv).unwrap(),
            "reference,form,language,submitted_at,lists\n"
        );
        let error = purge(&url, &["/no/such/form.yaml".to_owned()]).unwrap_err();
        assert!(error.0.starts_with("/no/such/form.yaml: "), "{}", error.0);
    }

    #[test]
    fn export_files_saves_each_submissions_uploads_in_a_folder_of_its_own() {
        use civic_forms::answers::{AnswerValue, CheckedFile};
        use civic_forms::definition::FileKind;
        use civic_forms::session::{FileStore, SessionId};
        let dir = std::env::temp_dir().join(format!("civic-cli-files-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.join("forms.db").display());
        civic_pay_adapters::config::block_on(async {
            let store = civic_forms::session::SqlSessionStore::connect(&url)
                .await
                .unwrap();
            let mut accepted = Vec::new();
            for (name, content) in [("bill.pdf", "%PDF one"), ("bill.pdf", "%PDF two")] {
                let file = CheckedFile {
                    file_name: name,
                    kind: FileKind::Pdf,
                    content: content.as_bytes(),
                };
                let now = time::OffsetDateTime::now_utc();
                let id = store
                    .files()
                    .put(&SessionId::generate(), content.as_bytes(), now)
                    .await
                    .unwrap();
                accepted.push(file.accepted(id));
            }
            let mut answers = civic_forms::journey::Answers::default();
            answers
                .values
                .insert("proof".into(), AnswerValue::Files(accepted));
            let submission = civic_forms::delivery::Submission {
                form_id: "x".into(),
                reference: "ABC-DEF-234".into(),
                language: civic_forms::definition::Language::En,
                answers,
                submitted_at: time::OffsetDateTime::now_utc(),
            };
            civic_forms::delivery::SubmissionStore::new(store.pool().clone())
                .save(&submission)
                .await
                .unwrap();
        })
        .unwrap();
        let folder = dir.join("uploads");
        save_files(&url, "x", &folder).unwrap();
        let saved = folder.join("ABC-DEF-234");
        assert_eq!(
            std::fs::read_to_string(saved.join("bill.pdf")).unwrap(),
            "%PDF one"
        );
        assert_eq!(
            std::fs::read_to_string(saved.join("2-bill.pdf")).unwrap(),
            "%PDF two"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_missing_file_is_a_usage_error() {
        let error = check(vec!["/no/such/form.yaml".to_owned()], false).unwrap_err();
        assert_eq!(error.0, "cannot read /no/such/form.yaml: no such file");
    }
}
