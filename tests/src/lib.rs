//! Cross-crate, browser and accessibility tests for civic.
//!
//! The tests live under `tests/`; this library holds what they share: finding the reference
//! data and the test database ([`reference_data`], [`test_database_url`]), serving a router
//! on a loopback port ([`serve`]) and checking pages in headless Chromium with axe-core
//! ([`browser::axe`]), walking a resident's journey there ([`journey::walk`]), and checking markup with the Nu HTML Checker ([`vnu::check_dir`]).
//! Whatever a test cannot find is reported with a `SKIPPED` line on
//! stderr — never a silent pass — and `cargo xtask test` counts those lines.

pub mod browser;
pub mod journey;
pub mod vnu;

use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// Reports that `test` did not run and why, on stderr where libtest does not capture it.
pub fn skip(test: &str, reason: &str) {
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {reason}");
}

/// The reference data folder named by `CIVIC_REFERENCE_DATA`, or `None` after reporting
/// `test` as skipped.
pub fn reference_data(test: &str) -> Option<PathBuf> {
    match std::env::var_os("CIVIC_REFERENCE_DATA") {
        Some(path) if !path.is_empty() => Some(PathBuf::from(path)),
        _ => {
            skip(test, "CIVIC_REFERENCE_DATA is not set");
            None
        }
    }
}

/// The database named by `CIVIC_TEST_DATABASE_URL`, or `None` after reporting `test` as
/// skipped.
pub fn test_database_url(test: &str) -> Option<String> {
    match std::env::var("CIVIC_TEST_DATABASE_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            skip(test, "CIVIC_TEST_DATABASE_URL is not set");
            None
        }
    }
}

/// The workspace root, where `node_modules/` and the browser scripts are.
pub fn workspace_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap_or_else(|| Path::new("."))
}

/// Serves `router` on a free loopback port for the rest of the test process and returns its
/// address. The server runs on its own thread, so synchronous test code can call it.
pub fn serve(router: axum::Router) -> std::io::Result<SocketAddr> {
    serve_with(|| async { Ok::<_, std::convert::Infallible>(router) })
}

/// Like [`serve`], for a router that is built asynchronously (connecting to databases, say):
/// `make` runs on the server's own runtime, so what it connects stays alive with the server.
pub fn serve_with<F, Fut, E>(make: F) -> std::io::Result<SocketAddr>
where
    F: FnOnce() -> Fut + Send + 'static,
    Fut: std::future::Future<Output = Result<axum::Router, E>>,
    E: std::fmt::Display,
{
    serve_knowing_address(|_| make())
}

/// Like [`serve_with`], for a router that must know its own address (one that sends the
/// browser back to itself, like the demo's payment return URLs): `make` is given the address
/// it will be served on.
pub fn serve_knowing_address<F, Fut, E>(make: F) -> std::io::Result<SocketAddr>
where
    F: FnOnce(SocketAddr) -> Fut + Send + 'static,
    Fut: std::future::Future<Output = Result<axum::Router, E>>,
    E: std::fmt::Display,
{
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    listener.set_nonblocking(true)?;
    let addr = listener.local_addr()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()?;
    let (built, started) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        runtime.block_on(async move {
            let router = match make(addr).await {
                Ok(router) => router,
                Err(error) => {
                    let _ = built.send(Err(std::io::Error::other(error.to_string())));
                    return;
                }
            };
            let _ = built.send(Ok(()));
            if let Ok(listener) = tokio::net::TcpListener::from_std(listener) {
                // With the client's address, as a real deployment serves (rate limits need it).
                let service = router.into_make_service_with_connect_info::<SocketAddr>();
                let _ = axum::serve(listener, service).await;
            }
        });
    });
    started
        .recv()
        .map_err(|_| std::io::Error::other("the server thread stopped before it started"))??;
    Ok(addr)
}
