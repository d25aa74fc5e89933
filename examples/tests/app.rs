//! The demo served through `app()`, without a socket.
#![allow(clippy::unwrap_used)] // a panic in a test is a failed test

use axum::body::Body;
use axum::http::{Request, StatusCode};
use civic_demo::{Config, app};
use http_body_util::BodyExt;
use tower::ServiceExt;

async fn get(path: &str) -> (StatusCode, String) {
    // A data folder per request: tests run in parallel and each app owns its database.
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let config = Config {
        data_dir: std::env::temp_dir().join(format!("civic-demo-app-{}-{n}", std::process::id())),
        ..Config::default()
    };
    let response = app(config)
        .await
        .unwrap()
        .oneshot(Request::get(path).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8(bytes.to_vec()).unwrap())
}

#[tokio::test]
async fn healthz_answers_ok() {
    assert_eq!(get("/healthz").await, (StatusCode::OK, "ok".to_owned()));
}

#[tokio::test]
async fn home_page_names_the_council_and_its_services() {
    let (status, body) = get("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.starts_with("<!DOCTYPE html>"));
    assert!(body.contains("<html lang=\"en\""));
    assert!(body.contains("Kestrel Vale Borough Council"));
    assert!(body.contains("Services"));
    assert!(body.contains("href=\"#main-content\""));
}

#[tokio::test]
async fn unknown_pages_are_not_found() {
    assert_eq!(get("/no-such-page").await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn every_service_has_a_start_page_in_english_and_welsh() {
    for (path, heading) in [
        ("/missed-bin", "Report a missed bin collection"),
        (
            "/missed-bin?lang=cy",
            "Rhoi gwybod am gasgliad bin a fethwyd",
        ),
        (
            "/council-tax-single-person",
            "Apply for a council tax single person discount",
        ),
    ] {
        let (status, body) = get(path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(body.contains(heading), "{path}");
        assert!(body.contains("govuk-button--start"), "{path}");
    }
    let (_, home) = get("/").await;
    assert!(home.contains("href=\"/missed-bin\""));
}

/// The demo in production on a SQLite file in a data folder of its own (`name`), emailing
/// through SMTP and looking addresses up with OS Places.
fn production(name: &str) -> Config {
    let data_dir = std::env::temp_dir().join(format!("civic-demo-{name}-{}", std::process::id()));
    Config {
        environment: civic_demo::Environment::Production,
        session_secret: Some(civic_demo::Secret("x".repeat(32))),
        database_url: Some(civic_demo::Secret(format!(
            "sqlite://{}/prod.db?mode=rwc",
            data_dir.display()
        ))),
        smtp: Some(civic_demo::Smtp {
            host: "127.0.0.1".to_owned(),
            port: 2525,
            credentials: None,
            security: civic_demo::SmtpSecurity::StartTls,
        }),
        // Nothing is looked up here: the key is only needed to start.
        addresses: Some(civic_demo::AddressSource::OsPlaces(civic_demo::Secret(
            "os-data-hub-key".to_owned(),
        ))),
        data_dir,
        ..Config::default()
    }
}

#[tokio::test]
async fn the_development_mailbox_is_served_only_in_development() {
    assert_eq!(get("/dev/mailbox").await.0, StatusCode::OK);
    let response = app(production("prod"))
        .await
        .unwrap()
        .oneshot(Request::get("/dev/mailbox").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_sample_data_hint_is_only_on_the_sample_gazetteers_addresses() {
    let development = Config {
        data_dir: std::env::temp_dir().join(format!("civic-demo-hint-{}", std::process::id())),
        ..Config::default()
    };
    for (config, hinted) in [(development, true), (production("hint-prod"), false)] {
        let app = app(config).await.unwrap();
        let start = app
            .clone()
            .oneshot(
                Request::get("/missed-bin/apply")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(start.status(), StatusCode::SEE_OTHER);
        let cookies: Vec<&str> = start
            .headers()
            .get_all(axum::http::header::SET_COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok()?.split(';').next())
            .collect();
        let page = app
            .oneshot(
                Request::get("/missed-bin/apply/address")
                    .header(axum::http::header::COOKIE, cookies.join("; "))
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(page.status(), StatusCode::OK);
        let bytes = page.into_body().collect().await.unwrap().to_bytes();
        let body = String::from_utf8(bytes.to_vec()).unwrap();
        assert!(
            body.contains("What is the address of the missed collection?"),
            "{body}"
        );
        assert_eq!(
            body.contains("Sample data: these addresses are invented"),
            hinted,
            "{body}"
        );
    }
}

#[tokio::test]
async fn a_database_that_cannot_be_migrated_says_why_in_one_line() {
    let data_dir = std::env::temp_dir().join(format!("civic-demo-checksum-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data_dir);
    let config = Config {
        data_dir: data_dir.clone(),
        ..Config::default()
    };
    drop(app(config.clone()).await.unwrap());
    // As if an applied migration's file had been edited since.
    sqlx::any::install_default_drivers();
    let url = format!("sqlite://{}", data_dir.join("civic.db").display());
    let database = sqlx::AnyPool::connect(&url).await.unwrap();
    sqlx::query("UPDATE _sqlx_migrations SET checksum = X'00'")
        .execute(&database)
        .await
        .unwrap();
    database.close().await;
    let error = app(config).await.unwrap_err().to_string();
    assert!(
        error.contains("the session tables could not be created: migration ")
            && error.contains("was previously applied but has been modified"),
        "{error}"
    );
    assert!(!error.contains('\n'), "{error}");
}

#[tokio::test]
async fn production_without_its_settings_does_not_start() {
    let config = Config {
        environment: civic_demo::Environment::Production,
        ..Config::default()
    };
    let error = app(config).await.unwrap_err().to_string();
    assert!(
        error.starts_with("CIVIC_SESSION_SECRET must be set"),
        "{error}"
    );
}
