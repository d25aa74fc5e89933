//! The civic demo council: a fictional council's website serving real services built only
//! from the civic crates, the way a council would build them.
//!
//! [`app`] builds the whole site as an axum [`Router`], so tests call it without a socket:
//!
//! ```
//! use civic_demo::{app, Config};
//!
//! # tokio::runtime::Runtime::new().unwrap().block_on(async {
//! # // A folder of this run's own: a database left by another build may hold other migrations.
//! # let data_dir = std::env::temp_dir().join(format!("civic-demo-doc-{}", std::process::id()));
//! let config = Config { data_dir: data_dir.clone(), ..Config::default() };
//! let router = app(config).await?;
//! # drop(router);
//! # let _ = std::fs::remove_dir_all(data_dir);
//! # Ok::<(), civic_demo::StartError>(())
//! # }).unwrap();
//! ```

mod config;
mod home;
mod info;
mod mailbox;
mod payments;
mod services;
mod site;
mod webhook;

use std::sync::Arc;

use axum::Router;
use axum::routing::get;

pub use config::{
    AddressSource, Config, ConfigError, Environment, NotifyApi, Secret, SessionDurability, Smtp,
    SmtpSecurity,
};
pub use services::parking_permit::RefundError;

/// Why the demo could not start; the message says what to fix.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StartError {
    /// The configuration cannot be used (production without a setting it needs, say).
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// A service's form definition does not load.
    #[error("the form definition of the `{service}` service does not load: {source}")]
    Definition {
        /// The service's slug.
        service: &'static str,
        /// What is wrong with the definition.
        source: civic_forms::definition::LoadError,
    },
    /// The database cannot be opened or prepared.
    #[error("cannot open the database {url}: {reason}")]
    Database {
        /// Where the database is.
        url: String,
        /// Why not.
        reason: String,
    },
    /// A service's form cannot be served.
    #[error("the `{service}` service cannot be served: {reason}")]
    Service {
        /// The service's slug.
        service: &'static str,
        /// Why not.
        reason: String,
    },
    /// The data folder cannot be created.
    #[error("cannot create the data folder {path}: {source}")]
    DataDir {
        /// The folder.
        path: std::path::PathBuf,
        /// Why not.
        source: std::io::Error,
    },
}

/// Where the demo's time comes from: the system clock, or a test's ([`app_with_clock`]).
pub type Clock = Arc<dyn Fn() -> time::OffsetDateTime + Send + Sync>;

/// Builds the demo council's site from its configuration: loads every service's form and
/// creates the data folder.
pub async fn app(config: Config) -> Result<Router, StartError> {
    app_with_clock(config, Arc::new(time::OffsetDateTime::now_utc)).await
}

/// [`app`] with its time from `clock`: the forms (dates, sessions), the bulky waste slots
/// and the outbox's workers (when a scheduled reminder is due) all read it, so a test moves
/// it on to see a hold lapse or a reminder go out the day before.
pub async fn app_with_clock(config: Config, clock: Clock) -> Result<Router, StartError> {
    config.check_production()?;
    std::fs::create_dir_all(&config.data_dir).map_err(|source| StartError::DataDir {
        path: config.data_dir.clone(),
        source,
    })?;
    let site = Arc::new(site::Site::new(config)?);
    let forms = services::forms(&site, clock).await?;
    let mut router = Router::new()
        .route("/", get(home::home))
        .route("/accessibility", get(info::accessibility))
        .route("/cookies", get(info::cookies))
        .route("/privacy", get(info::privacy))
        .route("/healthz", get(healthz));
    if site.mailbox.is_some() {
        router = router.route("/dev/mailbox", get(mailbox::mailbox));
    }
    Ok(router
        .with_state(Arc::clone(&site))
        .merge(services::router(Arc::clone(&site)))
        .merge(forms)
        .merge(Arc::clone(&site.assets).router()))
}

/// Refunds the whole amount paid for the parking permit with `reference` (like `PP-…`) through
/// the payment provider the configuration chooses, and records the refund with the payment:
/// the council's refund path.
pub async fn refund_permit(
    config: &Config,
    reference: &str,
) -> Result<civic_pay_adapters::Refund, RefundError> {
    let store = civic_forms::session::SqlSessionStore::connect(&services::database_url(config))
        .await
        .map_err(|e| {
            RefundError::Payment(civic_pay_adapters::PaymentError::new(
                civic_pay_adapters::ErrorKind::Store,
                format!("the database: {e}"),
            ))
        })?;
    let pay = payments::Payments::open(config, store.pool())
        .await?
        .ok_or_else(|| {
            civic_pay_adapters::PaymentError::invalid(
                "CIVIC_PAY_PROVIDER",
                "no payment provider is configured: set CIVIC_PAY_PROVIDER",
            )
        })?;
    let checkout = pay.checkout(config, services::parking_permit::SERVICE.slug)?;
    services::parking_permit::refund(&checkout, reference).await
}

/// Answers load balancers and uptime checks: the process is up and serving.
async fn healthz() -> &'static str {
    "ok"
}
