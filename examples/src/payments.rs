//! How the demo takes payments: in development the sandbox provider, its card pages mounted at
//! `/sandbox/pay/` and its state in the demo's database; in production the provider the
//! `CIVIC_PAY_*` variables choose (civic-pay-adapters' `ProviderConfig`), never the sandbox,
//! and none when `CIVIC_PAY_PROVIDER` is not set (the services that take payments are then not
//! served). Payment records are kept in the demo's database.

use std::sync::Arc;

use axum::Router;
use civic_pay_adapters::{
    Checkout, PaymentError, PaymentProvider, ProviderConfig, ProviderKind, SandboxProvider,
    SqlStore, Url,
};
use sqlx::AnyPool;

use crate::Config;
use crate::site::Site;

/// Where the sandbox's card pages are mounted.
const SANDBOX_PATH: &str = "/sandbox/pay";

/// The payment provider and the payment records of the demo.
pub(crate) struct Payments {
    provider: Arc<dyn PaymentProvider>,
    records: Arc<SqlStore>,
    /// The sandbox, in development: its card pages are served by the demo.
    sandbox: Option<SandboxProvider>,
}

impl Payments {
    /// The provider and records for `config`, on the demo's database `pool` (migrated here);
    /// `None` in production when no provider is configured.
    pub(crate) async fn open(
        config: &Config,
        pool: &AnyPool,
    ) -> Result<Option<Payments>, PaymentError> {
        let records = Arc::new(SqlStore::from_pool(pool.clone()));
        if config.development_defaults() {
            records.migrate().await?;
            let base =
                Url::parse(&format!("http://{}{SANDBOX_PATH}/", config.addr)).map_err(|e| {
                    PaymentError::invalid("addr", format!("the sandbox's address: {e}"))
                })?;
            let sandbox = SandboxProvider::new(records.clone(), base);
            return Ok(Some(Payments {
                provider: Arc::new(sandbox.clone()),
                records,
                sandbox: Some(sandbox),
            }));
        }
        if std::env::var_os("CIVIC_PAY_PROVIDER").is_none() {
            return Ok(None);
        }
        let chosen = ProviderConfig::from_env()?;
        if chosen.kind == ProviderKind::Sandbox {
            return Err(PaymentError::invalid(
                "CIVIC_PAY_PROVIDER",
                "sandbox payments are a development default: in production set \
                 CIVIC_PAY_PROVIDER=govuk and CIVIC_PAY_API_KEY",
            ));
        }
        let provider = chosen.connect().await?;
        records.migrate().await?;
        Ok(Some(Payments {
            provider,
            records,
            sandbox: None,
        }))
    }

    /// The sandbox's card pages under the council's brand, in development; nothing otherwise.
    pub(crate) fn sandbox_pages(&self, site: &Site) -> Router {
        match &self.sandbox {
            Some(sandbox) => Router::new().nest(
                SANDBOX_PATH,
                civic_pay_adapters::sandbox::branded_router(
                    sandbox.clone(),
                    site.brand.clone(),
                    Arc::clone(&site.assets),
                ),
            ),
            None => Router::new(),
        }
    }

    /// The checkout of the service at `/{slug}`: residents come back to
    /// `/{slug}/apply/payment/{token}`.
    pub(crate) fn checkout(&self, config: &Config, slug: &str) -> Result<Checkout, PaymentError> {
        let back = Url::parse(&format!("http://{}/{slug}/apply/payment/", config.addr))
            .map_err(|e| PaymentError::invalid("addr", format!("the return address: {e}")))?;
        Ok(Checkout::new(
            Arc::clone(&self.provider),
            self.records.clone(),
            back,
        ))
    }
}
