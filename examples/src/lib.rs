//! The civic demo council: a fictional council's website serving real services built only
//! from the civic crates, the way a council would build them.
//!
//! [`app`] builds the whole site as an axum [`Router`], so tests call it without a socket:
//!
//! ```
//! use civic_demo::{app, Config};
//!
//! let router = app(Config::default());
//! # drop(router);
//! ```

mod config;
mod home;

use axum::Router;
use axum::routing::get;

pub use config::{Config, ConfigError, Environment};

/// Builds the demo council's site from its configuration.
pub fn app(config: Config) -> Router {
    Router::new()
        .route("/", get(home::home))
        .route("/healthz", get(healthz))
        .merge(home::assets().router())
        .with_state(std::sync::Arc::new(config))
}

/// Answers load balancers and uptime checks: the process is up and serving.
async fn healthz() -> &'static str {
    "ok"
}
