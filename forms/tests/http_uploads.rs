//! File uploads over HTTP (issue #7): multipart POSTs, files judged by their content, size and
//! count limits, CSRF, changing an upload, "check your answers", delivery and retention.

#![cfg(feature = "axum")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::io::Write;

use axum::http::StatusCode;
use civic_forms::answers::AnswerValue;
use civic_forms::definition::{FileKind, FormDefinition, Format};
use civic_forms::http::HttpConfig;
use civic_forms::retention::RetentionJob;
use civic_forms::session::{FileStore, SqlSessionStore};
use sha2::{Digest, Sha256};
use support::{Client, Service, service_of};

const FORM: &str = r#"
id: permit
title: { en: Apply for a permit, cy: Gwneud cais am drwydded }
languages: [en, cy]
retention: { submission_days: 30 }
pages:
  - id: name
    questions:
      - id: name
        label: { en: What is your name?, cy: Beth yw eich enw? }
        answer: { type: text }
  - id: proof
    questions:
      - id: proof
        label: { en: Upload your proof of address, cy: Uwchlwythwch eich prawf o gyfeiriad }
        error_name: { en: your proof of address, cy: eich prawf o gyfeiriad }
        answer: { type: file_upload, accept: [pdf, jpeg, png], max_size_mb: 1 }
  - id: photos
    questions:
      - id: photos
        label: { en: Upload photos of the vehicle, cy: Uwchlwythwch luniau o’r cerbyd }
        answer: { type: file_upload, accept: [jpeg, png], max_files: 3 }
"#;

const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";
const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

/// A service on a SQLite file (so the test can look in the database too) and the store.
async fn permit_service(config: HttpConfig) -> (Service, SqlSessionStore, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("forms.db").display()
    );
    let service = service_of(FORM, &url, config).await;
    let store = SqlSessionStore::connect(&url).await.unwrap();
    (service, store, dir)
}

async fn file_count(store: &SqlSessionStore) -> i64 {
    use sqlx::Row;
    sqlx::query("SELECT COUNT(*) AS n FROM civic_forms_files")
        .fetch_one(store.pool())
        .await
        .unwrap()
        .get("n")
}

/// Answers the name page and opens the upload page; returns its CSRF token.
async fn to_proof(client: &mut Client) -> String {
    client
        .answer("/apply/name", &[("name", "Ada")])
        .await
        .see_other("/apply/proof");
    let page = client.get("/apply/proof").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains(r#"enctype="multipart/form-data""#),
        "{}",
        page.body
    );
    page.csrf()
}

async fn upload(client: &mut Client, path: &str, files: &[(&str, &[u8])]) -> support::Reply {
    let page = client.get(path).await;
    let token = page.csrf();
    let name = path.rsplit('/').next().unwrap();
    let mut parts: Vec<(&str, Option<&str>, &[u8])> = vec![("csrf_token", None, token.as_bytes())];
    for (file_name, content) in files {
        parts.push((name, Some(file_name), content));
    }
    client.post_multipart(path, &parts).await
}

#[tokio::test]
async fn a_pdf_and_pngs_are_accepted_and_named_on_check_your_answers() {
    let (service, store, _dir) = permit_service(HttpConfig::default()).await;
    let mut client = service.client();
    to_proof(&mut client).await;
    upload(&mut client, "/apply/proof", &[("bill<script>.pdf", PDF)])
        .await
        .see_other("/apply/photos");
    // Several files for a question that takes several.
    upload(
        &mut client,
        "/apply/photos",
        &[("front.png", PNG), ("back.png", PNG)],
    )
    .await
    .see_other("/apply/check-answers");
    let check = client.get("/apply/check-answers").await;
    assert!(
        check.body.contains("bill&lt;script&gt;.pdf"),
        "{}",
        check.body
    );
    assert!(!check.body.contains("<script>.pdf"), "{}", check.body);
    assert!(check.body.contains("front.png"), "{}", check.body);
    assert!(check.body.contains("back.png"), "{}", check.body);
    assert_eq!(file_count(&store).await, 3);
}

#[tokio::test]
async fn a_text_file_named_pdf_is_refused_by_its_content() {
    let (service, store, _dir) = permit_service(HttpConfig::default()).await;
    let mut client = service.client();
    to_proof(&mut client).await;
    let reply = upload(
        &mut client,
        "/apply/proof",
        &[("invoice.pdf", b"Dear resident, this is not a PDF.")],
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.body.contains("<title>Error: "), "{}", reply.body);
    assert!(reply.body.contains("There is a problem"), "{}", reply.body);
    assert!(
        reply
            .body
            .contains("The selected file must be a PDF, JPG or PNG"),
        "{}",
        reply.body
    );
    assert!(reply.body.contains(r##"href="#proof""##), "{}", reply.body);
    assert_eq!(file_count(&store).await, 0);
}

#[tokio::test]
async fn too_big_empty_none_and_too_many_are_refused_keeping_earlier_answers() {
    let (service, store, _dir) = permit_service(HttpConfig::default()).await;
    let mut client = service.client();
    to_proof(&mut client).await;
    let big = [PDF, &vec![b' '; 1024 * 1024]].concat();
    let reply = upload(&mut client, "/apply/proof", &[("big.pdf", &big)]).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(
        reply
            .body
            .contains("The selected file must be smaller than 1MB"),
        "{}",
        reply.body
    );
    let reply = upload(&mut client, "/apply/proof", &[("empty.pdf", b"")]).await;
    assert!(
        reply.body.contains("The selected file is empty"),
        "{}",
        reply.body
    );
    // No file chosen: browsers send an empty part with no name.
    let reply = upload(&mut client, "/apply/proof", &[("", b"")]).await;
    assert!(
        reply.body.contains("Select your proof of address"),
        "{}",
        reply.body
    );
    assert_eq!(file_count(&store).await, 0);
    // The first answer is still there.
    let name = client.get("/apply/name").await;
    assert!(name.body.contains(r#"value="Ada""#), "{}", name.body);

    upload(&mut client, "/apply/proof", &[("bill.pdf", PDF)])
        .await
        .see_other("/apply/photos");
    let four = [
        ("a.png", PNG),
        ("b.png", PNG),
        ("c.png", PNG),
        ("d.png", PNG),
    ];
    let reply = upload(&mut client, "/apply/photos", &four).await;
    assert!(
        reply
            .body
            .contains("You can only select up to 3 files at the same time"),
        "{}",
        reply.body
    );
    assert_eq!(file_count(&store).await, 1);
}

#[tokio::test]
async fn errors_are_in_welsh_for_a_welsh_session() {
    let (service, _store, _dir) = permit_service(HttpConfig::default()).await;
    let mut client = service.client();
    to_proof(&mut client).await;
    client.get("/apply/proof?lang=cy").await;
    let reply = upload(&mut client, "/apply/proof", &[("gwag.pdf", b"")]).await;
    assert!(
        reply.body.contains("Mae’r ffeil a ddewiswyd yn wag"),
        "{}",
        reply.body
    );
    let reply = upload(&mut client, "/apply/proof", &[("llythyr.pdf", b"testun")]).await;
    assert!(
        reply
            .body
            .contains("Rhaid i’r ffeil a ddewiswyd fod yn PDF, JPG neu PNG"),
        "{}",
        reply.body
    );
}

#[tokio::test]
async fn without_the_csrf_token_nothing_is_stored() {
    let (service, store, _dir) = permit_service(HttpConfig::default()).await;
    let mut client = service.client();
    to_proof(&mut client).await;
    let reply = client
        .post_multipart("/apply/proof", &[("proof", Some("bill.pdf"), PDF)])
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}", reply.body);
    let reply = client
        .post_multipart(
            "/apply/proof",
            &[
                ("csrf_token", None, b"forged"),
                ("proof", Some("bill.pdf"), PDF),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}", reply.body);
    assert_eq!(file_count(&store).await, 0);
    // A file field the page does not ask for is refused too.
    let token = client.get("/apply/proof").await.csrf();
    let reply = client
        .post_multipart(
            "/apply/proof",
            &[
                ("csrf_token", None, token.as_bytes()),
                ("other", Some("x.pdf"), PDF),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.body);
    assert_eq!(file_count(&store).await, 0);
}

#[tokio::test]
async fn a_body_over_the_upload_limit_is_too_large() {
    let mut config = HttpConfig::default();
    config.upload_limit = 64 * 1024;
    config.body_limit = 16 * 1024;
    let (service, store, _dir) = permit_service(config).await;
    let mut client = service.client();
    to_proof(&mut client).await;
    let big = [PDF, &vec![b' '; 100 * 1024]].concat();
    let reply = upload(&mut client, "/apply/proof", &[("big.pdf", &big)]).await;
    assert_eq!(
        reply.status,
        StatusCode::PAYLOAD_TOO_LARGE,
        "{}",
        reply.body
    );
    assert_eq!(file_count(&store).await, 0);
}

#[tokio::test]
async fn changing_an_upload_replaces_the_file_and_no_file_keeps_it() {
    let (service, store, _dir) = permit_service(HttpConfig::default()).await;
    let mut client = service.client();
    to_proof(&mut client).await;
    upload(&mut client, "/apply/proof", &[("first.pdf", PDF)])
        .await
        .see_other("/apply/photos");
    // Back on the page, it says what was uploaded; sending no file keeps it.
    let page = client.get("/apply/proof").await;
    assert!(
        page.body.contains("You have uploaded first.pdf."),
        "{}",
        page.body
    );
    upload(&mut client, "/apply/proof", &[("", b"")])
        .await
        .see_other("/apply/photos");
    assert_eq!(file_count(&store).await, 1);
    upload(&mut client, "/apply/proof", &[("second.png", PNG)])
        .await
        .see_other("/apply/photos");
    assert_eq!(file_count(&store).await, 1);
    upload(&mut client, "/apply/photos", &[("car.png", PNG)])
        .await
        .see_other("/apply/check-answers");
    let check = client.get("/apply/check-answers").await;
    assert!(check.body.contains("second.png"), "{}", check.body);
    assert!(!check.body.contains("first.pdf"), "{}", check.body);
}

#[tokio::test]
async fn the_submission_carries_the_files_and_retention_deletes_them() {
    let (service, store, _dir) = permit_service(HttpConfig::default()).await;
    let mut client = service.client();
    to_proof(&mut client).await;
    upload(&mut client, "/apply/proof", &[("bill.pdf", PDF)])
        .await
        .see_other("/apply/photos");
    upload(&mut client, "/apply/photos", &[("car.png", PNG)])
        .await
        .see_other("/apply/check-answers");
    let token = client.get("/apply/check-answers").await.csrf();
    client
        .post("/apply/check-answers", &[("csrf_token", &token)])
        .await
        .see_other("/apply/confirmation");

    let submission = service.delivered.0.lock().unwrap().pop().unwrap();
    let Some(AnswerValue::Files(files)) = submission.answers.values.get("proof") else {
        panic!("no files in {submission:?}");
    };
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].file_name, "bill.pdf");
    assert_eq!(files[0].kind, FileKind::Pdf);
    assert_eq!(files[0].size, PDF.len() as u64);
    assert_eq!(files[0].sha256, hex::encode(Sha256::digest(PDF)));
    // What the webhook posts: each file's name, kind, size and SHA-256, not its content.
    let json = serde_json::to_value(&submission).unwrap();
    let proof = &json["answers"]["values"]["proof"]["value"][0];
    assert_eq!(proof["file_name"], "bill.pdf");
    assert_eq!(proof["kind"], "pdf");
    assert_eq!(proof["sha256"], hex::encode(Sha256::digest(PDF)));
    // The content is kept with the submission after the session has gone.
    let stored = store.files();
    assert_eq!(
        stored.get(&files[0].id).await.unwrap().as_deref(),
        Some(PDF)
    );

    // Past the form's retention, the submission goes and its files with it.
    let form = FormDefinition::parse(FORM, Format::Yaml).unwrap();
    let job =
        RetentionJob::new(store.pool().clone(), std::sync::Arc::new(store.clone())).form(&form);
    let later = submission.submitted_at + time::Duration::days(31);
    let purged = job.purge_expired(later).await.unwrap();
    assert_eq!((purged.submissions, purged.files), (1, 2));
    assert_eq!(stored.get(&files[0].id).await.unwrap(), None);
    assert_eq!(file_count(&store).await, 0);
}

#[tokio::test]
async fn files_of_an_abandoned_session_are_deleted_by_the_retention_job() {
    let (service, store, _dir) = permit_service(HttpConfig::default()).await;
    let mut client = service.client();
    to_proof(&mut client).await;
    upload(&mut client, "/apply/proof", &[("bill.pdf", PDF)])
        .await
        .see_other("/apply/photos");
    let form = FormDefinition::parse(FORM, Format::Yaml).unwrap();
    let job =
        RetentionJob::new(store.pool().clone(), std::sync::Arc::new(store.clone())).form(&form);
    let now = time::OffsetDateTime::now_utc();
    assert_eq!(job.purge_expired(now).await.unwrap().files, 0);
    assert_eq!(file_count(&store).await, 1);
    let purged = job
        .purge_expired(now + time::Duration::hours(25))
        .await
        .unwrap();
    assert_eq!((purged.sessions, purged.files), (1, 1));
    assert_eq!(file_count(&store).await, 0);
}

#[tokio::test]
async fn uploads_work_on_postgres() {
    let Ok(url) = std::env::var("CIVIC_TEST_DATABASE_URL") else {
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED uploads_work_on_postgres: CIVIC_TEST_DATABASE_URL is not set"
        );
        return;
    };
    let (schema, schema_url) = support::postgres_schema(&url).await;
    let service = service_of(FORM, &schema_url, HttpConfig::default()).await;
    let store = SqlSessionStore::connect(&schema_url).await.unwrap();
    let mut client = service.client();
    to_proof(&mut client).await;
    let big = [PDF, &vec![0xa5u8; 700 * 1024]].concat();
    upload(&mut client, "/apply/proof", &[("bill.pdf", &big)])
        .await
        .see_other("/apply/photos");
    upload(&mut client, "/apply/proof", &[("again.pdf", PDF)])
        .await
        .see_other("/apply/photos");
    assert_eq!(file_count(&store).await, 1);
    store.pool().close().await;
    support::drop_postgres_schema(&url, &schema).await;
}
