//! Issue #7's "Done when": `forms/definitions/every-answer-type.yaml` (one question of every
//! answer type, a branch, add to a list, a declaration, a fee, English and Welsh) served by
//! the real `civic forms serve` process, completed in headless Chromium twice — in English
//! with JavaScript on (the vehicle branch taken), in Welsh with it off (the branch skipped,
//! saved and resumed from the emailed link) — each with a file uploaded and the sandbox
//! payment made. On every page: the status, `<html lang>`, the stylesheet applied,
//! govuk-frontend's JavaScript run exactly when it is on, and 0 axe-core violations. Then each
//! submission's reference is in the team's and the resident's email in the development
//! mailbox, and a webhook receiver of the test's own got each submission with a valid
//! signature.
#![allow(clippy::unwrap_used)] // a panic in a test is a failed test

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use civic_forms::delivery::{SIGNATURE_HEADER, verify_signature};
use civic_tests::journey::{Journey, JourneyReport, Lang, Step, describe_journey, problems, walk};

const TEST: &str = "the_every_answer_type_form_is_completed_under_civic_forms_serve_and_delivered";
const SECRET: &str = "every-answer-type-test-secret";
/// The webhook address in the definition file, replaced by the test receiver's.
const DEFINED_WEBHOOK: &str = "http://127.0.0.1:8099/every-answer-type/webhook";

/// The `civic forms serve` process, stopped when dropped.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A receiver of the test's own: keeps every body whose signature verifies.
fn webhook_receiver(received: Arc<Mutex<Vec<serde_json::Value>>>) -> String {
    async fn receive(
        State(received): State<Arc<Mutex<Vec<serde_json::Value>>>>,
        headers: HeaderMap,
        body: Bytes,
    ) -> StatusCode {
        let header = headers.get(SIGNATURE_HEADER).and_then(|v| v.to_str().ok());
        let now = time::OffsetDateTime::now_utc();
        if verify_signature(
            SECRET.as_bytes(),
            header,
            &body,
            now,
            time::Duration::minutes(5),
        )
        .is_err()
        {
            return StatusCode::UNAUTHORIZED;
        }
        match serde_json::from_slice(&body) {
            Ok(json) => {
                received.lock().unwrap().push(json);
                StatusCode::NO_CONTENT
            }
            Err(_) => StatusCode::BAD_REQUEST,
        }
    }
    let router = Router::new()
        .route("/webhook", post(receive))
        .with_state(received);
    let addr = civic_tests::serve(router).unwrap();
    format!("http://{addr}/webhook")
}

/// Starts `civic forms serve` on a copy of the definition posting to `webhook`, in `dir`; its
/// process and the form's address.
fn start_server(dir: &Path, webhook: &str) -> (Server, String) {
    let root = civic_tests::workspace_root();
    let yaml =
        std::fs::read_to_string(root.join("forms/definitions/every-answer-type.yaml")).unwrap();
    assert!(
        yaml.contains(DEFINED_WEBHOOK),
        "the definition's webhook moved"
    );
    let copy = dir.join("every-answer-type.yaml");
    std::fs::write(&copy, yaml.replace(DEFINED_WEBHOOK, webhook)).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_civic"))
        .args(["forms", "serve", "--port", "0"])
        .arg(&copy)
        .current_dir(dir)
        .env("EVERY_ANSWER_WEBHOOK_SECRET", SECRET)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let server = Server(child);
    let mut stdout = BufReader::new(stdout);
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    // The rest is read and dropped: a closed pipe would stop the server when it next prints.
    std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
    // Serving "Try every answer type" at http://127.0.0.1:PORT/every-answer-type
    let url = first
        .split_whitespace()
        .find(|word| word.starts_with("http://"))
        .unwrap_or_else(|| panic!("civic forms serve said {first:?}"))
        .to_owned();
    (server, url)
}

/// GETs `path` from the server at `base` (plain HTTP/1.0); the body.
fn get(base: &str, path: &str) -> String {
    let host = base
        .trim_start_matches("http://")
        .split('/')
        .next()
        .unwrap();
    let mut stream = std::net::TcpStream::connect(host).unwrap();
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
        .split_once("\r\n\r\n")
        .map(|(_, body)| body.to_owned())
        .unwrap_or_default()
}

/// The whole form: every question answered. With JavaScript on the vehicle question is
/// answered yes (its registration page follows); with it off, no (skipped), and the answers
/// are saved after the National Insurance number and resumed from the mailbox.
fn every_answer(form: &str, lang: Lang, javascript: bool, upload: &Path) -> Journey {
    let base = form.trim_end_matches("/every-answer-type");
    let start = match lang {
        Lang::En => form.to_owned(),
        Lang::Cy => format!("{form}?lang=cy"),
    };
    let mut journey = Journey::new(start)
        .javascript(javascript)
        .step(Step::submit().expect_error())
        .step(Step::submit().fill("full_name", "Siân Jones"))
        .step(
            Step::submit()
                .fill("name_parts.title", "Ms")
                .fill("name_parts.first_name", "Siân")
                .fill("name_parts.last_name", "Jones"),
        )
        .step(Step::submit().fill("organisation", "Kestrel Vale Bakery"))
        .step(Step::submit().fill("email", "sian@example").expect_error())
        .step(Step::submit().fill("email", "sian@example.com"))
        .step(Step::submit().fill("uk_phone", "0113 496 0000"))
        .step(Step::submit().fill("international_phone", "+33 1 23 45 67 89"))
        .step(Step::submit().fill("national_insurance", "jg 10 37 59 a"));
    if !javascript {
        journey = journey
            .step(Step::click(lang.t(
                "Save and come back later",
                "Cadw a dod yn ôl yn nes ymlaen",
            )))
            .step(
                Step::submit()
                    .fill("email", "sian@example.com")
                    .expect(lang.t("Check your email", "Gwiriwch eich e-bost")),
            )
            .step(Step::open(format!("{base}/dev/mailbox")).expect_lang("en"))
            .step(Step::open_link("/every-answer-type/return/"))
            .step(Step::submit());
    }
    // The address is looked up in the sample gazetteer `serve` uses by default: with
    // JavaScript, picked from the list; without, "I can't find the address in the list" and
    // typed in.
    journey = journey.step(Step::submit().fill("home_address.postcode", "zy1 0aa"));
    journey = if javascript {
        journey.step(Step::submit().fill(
            "home_address.uprn",
            "3 ACORN STREET, NORTHGATE, SAMPLETON, ZY1 0AA",
        ))
    } else {
        journey
            .step(Step::click(lang.t(
                "I can’t find the address in the list",
                "Ni allaf ddod o hyd i’r cyfeiriad yn y rhestr",
            )))
            .step(
                Step::submit()
                    .fill("home_address.line1", "3 Mill Lane")
                    .fill("home_address.town", "Kestrel Vale")
                    .fill("home_address.postcode", "kv1 2ab"),
            )
    };
    journey = journey
        .step(
            Step::submit()
                .fill("overseas_address.line1", "12 Rue de la Paix")
                .fill("overseas_address.line2", "Paris")
                .fill("overseas_address.postcode", "75002")
                .fill("overseas_address.country", "France"),
        )
        .step(
            Step::submit()
                .date_days_ago("incident_date", -3)
                .expect_error(),
        )
        .step(Step::submit().date_days_ago("incident_date", 2))
        .step(
            Step::submit()
                .fill("date_of_birth.day", "27")
                .fill("date_of_birth.month", "Mar")
                .fill("date_of_birth.year", "1990"),
        )
        .step(
            Step::submit()
                .fill("moved_in.month", "3")
                .fill("moved_in.year", "2024"),
        )
        .step(
            Step::submit()
                .fill("collection_time.hour", "14")
                .fill("collection_time.minute", "30"),
        )
        .step(Step::submit().fill("people", "2"))
        .step(Step::submit().fill("rent", "£650.50"))
        .step(Step::submit().fill("reference", "CT 1234 5678"))
        .step(Step::submit().fill("description", "A fox tore open the recycling bags."));
    journey = if javascript {
        journey
            .step(Step::submit().check("has_vehicle", "yes"))
            .step(Step::submit().fill("registration", "cu57 abc"))
            .step(Step::submit().check("contact_by", "email"))
    } else {
        journey
            .step(Step::submit().check("has_vehicle", "no"))
            .step(
                Step::submit()
                    .check("contact_by", "post")
                    .fill("post_note", "Leave it with number 5"),
            )
    };
    journey
        .step(
            Step::submit()
                .check("bins", "general")
                .check("bins", "recycling"),
        )
        .step(Step::submit().fill("country", "wales"))
        .step(Step::submit().fill("postcode", "cf10 1ep"))
        .step(
            Step::submit()
                .fill("bank.account_name", "S Jones")
                .fill("bank.sort_code", "30-94-30")
                .fill("bank.account_number", "00733445"),
        )
        .step(Step::submit().upload("evidence", upload))
        .step(Step::submit().fill("child_name", "Alys"))
        .step(Step::submit().expect_error())
        // Check your answers (only the first 2,000 characters of a page are reported; the
        // rest of the answers are checked in what the webhook received).
        .step(
            Step::submit()
                .check("add_another", "no")
                .expect("Siân Jones")
                .expect(if javascript { "ZY1 0AA" } else { "KV1 2AB" }),
        )
        .step(Step::submit().expect_error())
        .step(Step::submit().check("declaration", "yes").expect("£12.50"))
        .step(
            Step::pay("4444333322221111")
                .expect(lang.t("Your reference number is", "Eich cyfeirnod yw"))
                .expect("EAT-"),
        )
}

/// A violation of govuk-frontend's own making, not civic's: with JavaScript on, its radios
/// script marks a radio that reveals a follow-up question `aria-expanded`, which axe-core
/// 4.14 does not allow on a radio. Only that one radio (`contact_by`'s "Post") is excused.
fn upstream(journey: &Journey, violation: &civic_tests::browser::Violation) -> bool {
    journey.javascript_on()
        && violation.id == "aria-allowed-attr"
        && violation.targets == ["#contact_by-3"]
}

/// The reference on the last page of the walk (`EAT-...`).
fn reference(report: &JourneyReport) -> Option<String> {
    let text = &report.pages.last()?.text;
    let from = text.find("EAT-")?;
    Some(
        text[from..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect(),
    )
}

/// Waits up to 20 s for `done` (deliveries go through the outbox and the webhook's sender).
fn eventually(done: impl Fn() -> bool) -> bool {
    let until = Instant::now() + Duration::from_secs(20);
    while Instant::now() < until {
        if done() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    done()
}

#[test]
fn the_every_answer_type_form_is_completed_under_civic_forms_serve_and_delivered() {
    let dir =
        std::env::temp_dir().join(format!("civic-forms-serve-browser-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    // A small, real PDF: the upload's content is sniffed, not trusted from the name.
    let upload = dir.join("evidence.pdf");
    std::fs::write(
        &upload,
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    )
    .unwrap();
    let received = Arc::new(Mutex::new(Vec::new()));
    let webhook = webhook_receiver(Arc::clone(&received));
    let screenshots = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("forms-serve-browser");
    let _ = std::fs::remove_dir_all(&screenshots);

    let started = Instant::now();
    let walks = [(Lang::En, true), (Lang::Cy, false)];
    let results: Vec<_> = std::thread::scope(|scope| {
        let handles: Vec<_> = walks
            .iter()
            .map(|&(lang, javascript)| {
                let (dir, webhook, upload, screenshots) = (&dir, &webhook, &upload, &screenshots);
                scope.spawn(move || {
                    let name = format!(
                        "{}-js-{}",
                        lang.code(),
                        if javascript { "on" } else { "off" }
                    );
                    // A server each: the form limits POSTs per client address, and both
                    // walks come from 127.0.0.1.
                    let server_dir = dir.join(&name);
                    std::fs::create_dir_all(&server_dir).unwrap();
                    let (server, form) = start_server(&server_dir, webhook);
                    let journey = every_answer(&form, lang, javascript, upload)
                        .screenshots(screenshots.join(&name));
                    let report = walk(TEST, &journey)?;
                    Some((name, lang, journey, report, server, form))
                })
            })
            .collect();
        handles
            .into_iter()
            .filter_map(|handle| match handle.join() {
                Ok(done) => done,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    if results.is_empty() {
        return; // skipped: walk() said why
    }
    eprintln!(
        "{} walks in {:.0?}; screenshots in {}",
        results.len(),
        started.elapsed(),
        screenshots.display()
    );
    assert_eq!(results.len(), walks.len(), "some walks were skipped");
    let failed: Vec<String> = results
        .iter()
        .map(|(name, lang, journey, report, _, _)| {
            (
                name,
                problems(journey, *lang, report, |v| upstream(journey, v)),
                journey,
                report,
            )
        })
        .filter(|(_, problems, _, _)| !problems.is_empty())
        .map(|(name, problems, journey, report)| {
            format!(
                "{name}:\n  {}\n{}",
                problems.join("\n  "),
                describe_journey(journey, report)
            )
        })
        .collect();
    assert!(failed.is_empty(), "{}", failed.join("\n\n"));

    for (name, _, _, report, _server, form) in &results {
        let base = form.trim_end_matches("/every-answer-type");
        let reference = reference(report).unwrap_or_else(|| panic!("{name}: no reference"));
        // The team's notice and the resident's copy, each naming the reference.
        let mailed = |to: &str| {
            get(base, "/dev/mailbox")
                .split("<article>")
                .any(|email| email.contains(&format!("To: {to}")) && email.contains(&reference))
        };
        for to in ["forms-team@example.gov.uk", "sian@example.com"] {
            assert!(
                eventually(|| mailed(to)),
                "{name}: no email to {to} with {reference}:\n{}",
                get(base, "/dev/mailbox")
            );
        }
        let hooked = || {
            received.lock().unwrap().iter().any(|json| {
                let text = json.to_string();
                json["reference"] == reference.as_str()
                    && !json["answers"]["values"]["evidence"].is_null()
                    && ["Alys", "309430", "wales"]
                        .iter()
                        .all(|answer| text.contains(answer))
            })
        };
        assert!(
            eventually(hooked),
            "{name}: the webhook did not get {reference}: {:?}",
            received.lock().unwrap()
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
