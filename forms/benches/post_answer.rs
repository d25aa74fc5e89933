//! POSTs of one answer that validates, is saved to the SQLite session store and is answered
//! with a 303, against a bare axum handler that only answers 303, both served on 127.0.0.1
//! in the same run and driven by the same 100 concurrent keep-alive clients.
//!
//! Run with `cargo bench -p civic-forms --features axum --bench post_answer`. SQLite runs in
//! WAL mode with `synchronous = NORMAL` (a commit is durable against a crash of the process,
//! and against power loss once the WAL is checkpointed). The rate limit is off: every client
//! here is one address. Set `CIVIC_BENCH_SECONDS` to run longer (default 5 per server).
//!
//! With `CIVIC_BENCH_TARGET` set to a page of `pothole.yaml` served elsewhere, like
//! `http://127.0.0.1:3000/pothole/location`, the clients POST there instead of to the form
//! served in process; `serve-load.sh` does this against `civic forms serve`.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::io::Write;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect};
use axum::routing::post;
use civic_forms::definition::{FormDefinition, Format};
use civic_forms::delivery::Deliveries;
use civic_forms::http::{FormService, HttpConfig};
use civic_forms::session::{SessionDurability, SqlSessionStore};

const FORM: &str = include_str!("pothole.yaml");

const CLIENTS: usize = 100;

async fn form_app(dir: &std::path::Path) -> Router {
    let url = format!("sqlite://{}?mode=rwc", dir.join("bench.db").display());
    // As `civic forms serve` stores page saves: WAL, synchronous=NORMAL.
    let store = SqlSessionStore::connect_with(&url, SessionDurability::Relaxed)
        .await
        .unwrap();
    let pool = store.pool().clone();
    let form = FormDefinition::parse(FORM, Format::Yaml).unwrap();
    let mut config = HttpConfig::default();
    config.rate_limit = None;
    let service = FormService::builder(form, Arc::new(store), Deliveries::new(pool), &[9; 64])
        .unwrap()
        .config(config)
        .build()
        .unwrap();
    Router::new().nest("/apply", service.router())
}

async fn bare(_headers: HeaderMap, _body: String) -> impl IntoResponse {
    Redirect::to("/apply/details")
}

async fn serve(app: Router) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
        .unwrap();
    });
    address
}

/// One client's session on the form page at `url`: its cookie and CSRF token.
async fn session(client: &reqwest::Client, url: &str) -> (String, String) {
    let page = client.get(url).send().await.unwrap();
    let cookie = page
        .headers()
        .get(header::SET_COOKIE)
        .map(|c| c.to_str().unwrap().split(';').next().unwrap().to_owned())
        .unwrap_or_default();
    let html = page.text().await.unwrap();
    let marker = r#"name="csrf_token" value=""#;
    let from = html.find(marker).map_or(0, |i| i + marker.len());
    let to = from + html[from..].find('"').unwrap_or(0);
    (cookie, html[from..to].to_owned())
}

struct Run {
    requests: usize,
    seconds: f64,
    latencies: Vec<Duration>,
}

/// POSTs the first page's answer to `url` from each client until `seconds` have passed.
async fn drive(url: String, seconds: u64) -> Run {
    let mut tasks = Vec::new();
    let start = Instant::now();
    let until = start + Duration::from_secs(seconds);
    for _ in 0..CLIENTS {
        let url = url.clone();
        tasks.push(tokio::spawn(async move {
            // One keep-alive connection per client.
            let client = reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .pool_max_idle_per_host(1)
                .build()
                .unwrap();
            let (cookie, token) = session(&client, &url).await;
            let body = format!("csrf_token={token}&postcode=SW1A+1AA");
            let mut latencies = Vec::new();
            while Instant::now() < until {
                let sent = Instant::now();
                let response = client
                    .post(&url)
                    .header(header::COOKIE, &cookie)
                    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .body(body.clone())
                    .send()
                    .await
                    .unwrap();
                assert_eq!(response.status(), StatusCode::SEE_OTHER);
                let _ = response.bytes().await;
                latencies.push(sent.elapsed());
            }
            latencies
        }));
    }
    let mut latencies = Vec::new();
    for task in tasks {
        latencies.extend(task.await.unwrap());
    }
    let seconds = start.elapsed().as_secs_f64();
    latencies.sort();
    Run {
        requests: latencies.len(),
        seconds,
        latencies,
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[at]
}

fn report(name: &str, run: &Run) -> f64 {
    let rate = run.requests as f64 / run.seconds;
    let _ = writeln!(
        std::io::stdout(),
        "{name:<28} {rate:>9.0} req/s  p50 {:>7.2} ms  p99 {:>7.2} ms  ({} requests in {:.1} s)",
        percentile(&run.latencies, 0.50).as_secs_f64() * 1000.0,
        percentile(&run.latencies, 0.99).as_secs_f64() * 1000.0,
        run.requests,
        run.seconds
    );
    rate
}

fn main() {
    let seconds: u64 = std::env::var("CIVIC_BENCH_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let target = std::env::var("CIVIC_BENCH_TARGET").ok();
    let dir = tempfile::tempdir().unwrap();
    runtime.block_on(async {
        let (form, storage) = match target {
            Some(url) => (url, "the SQLite mode the server printed"),
            None => (
                format!(
                    "http://{}/apply/location",
                    serve(form_app(dir.path()).await).await
                ),
                "SQLite WAL, synchronous=NORMAL",
            ),
        };
        let bare = serve(Router::new().route("/bare", post(bare))).await;
        let _ = writeln!(
            std::io::stdout(),
            "{CLIENTS} keep-alive clients, {seconds} s each, {} CPUs; form at {form}; {storage}",
            std::thread::available_parallelism().map_or(0, |n| n.get())
        );
        let bare_run = drive(format!("http://{bare}/bare"), seconds).await;
        let form_run = drive(form, seconds).await;
        let bare_rate = report("bare axum handler", &bare_run);
        let form_rate = report("form POST (validate+save)", &form_run);
        let _ = writeln!(
            std::io::stdout(),
            "form / bare = {:.2}",
            form_rate / bare_rate
        );
    });
}
