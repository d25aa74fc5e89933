//! Choosing a provider by configuration, so a service built on the sandbox switches to
//! GOV.UK Pay without code changes.
//!
//! | variable | meaning |
//! |---|---|
//! | `CIVIC_PAY_PROVIDER` | `govuk`, `sandbox` (default) or `stripe` |
//! | `CIVIC_PAY_API_KEY` | the provider's API key (GOV.UK Pay: a test or live key) |
//! | `CIVIC_PAY_BASE_URL` | GOV.UK Pay: the API base URL (default the real one); sandbox: where its card pages are served (default `http://127.0.0.1:8765/`) |
//! | `CIVIC_PAY_SANDBOX_DATABASE` | sandbox state (default `sqlite://civic-pay-sandbox.db?mode=rwc`) |

use std::sync::Arc;

use url::Url;

use crate::error::{ErrorKind, PaymentError};
use crate::provider::PaymentProvider;

/// Where the sandbox's card pages are served by default (`civic pay sandbox`).
pub const DEFAULT_SANDBOX_URL: &str = "http://127.0.0.1:8765/";
/// Where the sandbox keeps its state by default.
pub const DEFAULT_SANDBOX_DATABASE: &str = "sqlite://civic-pay-sandbox.db?mode=rwc";

/// Which provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ProviderKind {
    /// GOV.UK Pay (feature `govuk-pay`).
    GovUkPay,
    /// The offline sandbox.
    Sandbox,
    /// Stripe Checkout (feature `stripe`).
    Stripe,
}

/// A provider's configuration.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ProviderConfig {
    /// Which provider.
    pub kind: ProviderKind,
    /// Its API key.
    pub api_key: Option<String>,
    /// Its base URL.
    pub base_url: Option<Url>,
    /// The sandbox's database URL.
    pub sandbox_database: String,
}

impl std::fmt::Debug for ProviderConfig {
    /// Never prints the API key.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProviderConfig")
            .field("kind", &self.kind)
            .field("api_key", &self.api_key.as_ref().map(|_| "…"))
            .field("base_url", &self.base_url.as_ref().map(Url::as_str))
            .field("sandbox_database", &self.sandbox_database)
            .finish()
    }
}

impl ProviderConfig {
    /// Reads the `CIVIC_PAY_*` variables.
    pub fn from_env() -> Result<ProviderConfig, PaymentError> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        ProviderConfig::from_values(
            var("CIVIC_PAY_PROVIDER").as_deref(),
            var("CIVIC_PAY_API_KEY"),
            var("CIVIC_PAY_BASE_URL").as_deref(),
            var("CIVIC_PAY_SANDBOX_DATABASE"),
        )
    }

    /// The configuration from explicit values (`None` takes the default).
    pub fn from_values(
        provider: Option<&str>,
        api_key: Option<String>,
        base_url: Option<&str>,
        sandbox_database: Option<String>,
    ) -> Result<ProviderConfig, PaymentError> {
        let kind = match provider.map(str::trim) {
            None | Some("sandbox") => ProviderKind::Sandbox,
            Some("govuk") | Some("govuk-pay") => ProviderKind::GovUkPay,
            Some("stripe") => ProviderKind::Stripe,
            Some(other) => {
                return Err(PaymentError::new(
                    ErrorKind::InvalidRequest,
                    format!("CIVIC_PAY_PROVIDER must be govuk, sandbox or stripe, not {other:?}"),
                ));
            }
        };
        let base_url = base_url
            .map(|u| {
                Url::parse(u).map_err(|e| {
                    PaymentError::new(
                        ErrorKind::InvalidRequest,
                        format!("CIVIC_PAY_BASE_URL is not a URL: {e}"),
                    )
                })
            })
            .transpose()?;
        Ok(ProviderConfig {
            kind,
            api_key,
            base_url,
            sandbox_database: sandbox_database
                .unwrap_or_else(|| DEFAULT_SANDBOX_DATABASE.to_owned()),
        })
    }

    /// The sandbox's card page base URL.
    pub fn sandbox_url(&self) -> Result<Url, PaymentError> {
        match &self.base_url {
            Some(url) => Ok(url.clone()),
            None => Url::parse(DEFAULT_SANDBOX_URL).map_err(|e| {
                PaymentError::new(ErrorKind::InvalidRequest, "bad sandbox URL").with_source(e)
            }),
        }
    }

    /// Connects to the configured provider.
    pub async fn connect(&self) -> Result<Arc<dyn PaymentProvider>, PaymentError> {
        match self.kind {
            ProviderKind::Sandbox => {
                let store = crate::SqlStore::connect(&self.sandbox_database).await?;
                Ok(Arc::new(crate::SandboxProvider::new(
                    Arc::new(store),
                    self.sandbox_url()?,
                )))
            }
            ProviderKind::GovUkPay => self.govuk_pay(),
            ProviderKind::Stripe => self.stripe(),
        }
    }

    #[cfg(feature = "stripe")]
    fn stripe(&self) -> Result<Arc<dyn PaymentProvider>, PaymentError> {
        let key = self
            .api_key
            .as_deref()
            .ok_or_else(|| PaymentError::new(ErrorKind::Auth, "CIVIC_PAY_API_KEY is not set"))?;
        let stripe = match &self.base_url {
            Some(url) => crate::stripe::Stripe::with_base_url(key, url.clone())?,
            None => crate::stripe::Stripe::new(key)?,
        };
        Ok(Arc::new(stripe))
    }

    #[cfg(not(feature = "stripe"))]
    fn stripe(&self) -> Result<Arc<dyn PaymentProvider>, PaymentError> {
        Err(PaymentError::new(
            ErrorKind::Unsupported,
            "this build has no Stripe adapter (enable the stripe feature)",
        ))
    }

    #[cfg(feature = "govuk-pay")]
    fn govuk_pay(&self) -> Result<Arc<dyn PaymentProvider>, PaymentError> {
        let key = self
            .api_key
            .as_deref()
            .ok_or_else(|| PaymentError::new(ErrorKind::Auth, "CIVIC_PAY_API_KEY is not set"))?;
        let mut builder = crate::GovUkPay::builder(key);
        if let Some(url) = &self.base_url {
            builder = builder.base_url(url.clone());
        }
        Ok(Arc::new(builder.build()?))
    }

    #[cfg(not(feature = "govuk-pay"))]
    fn govuk_pay(&self) -> Result<Arc<dyn PaymentProvider>, PaymentError> {
        Err(PaymentError::new(
            ErrorKind::Unsupported,
            "this build has no GOV.UK Pay adapter (enable the govuk-pay feature)",
        ))
    }
}

/// Runs `future` to completion on a new single-threaded runtime: for command-line tools and
/// scripts that have no async runtime of their own.
pub fn block_on<F: std::future::Future>(future: F) -> Result<F::Output, PaymentError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| {
            PaymentError::new(ErrorKind::Network, "could not start a runtime").with_source(e)
        })?;
    Ok(runtime.block_on(future))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_provider() {
        let sandbox = ProviderConfig::from_values(None, None, None, None).unwrap();
        assert_eq!(sandbox.kind, ProviderKind::Sandbox);
        assert_eq!(sandbox.sandbox_url().unwrap().as_str(), DEFAULT_SANDBOX_URL);
        let govuk = ProviderConfig::from_values(
            Some("govuk"),
            Some("api_test_x".into()),
            Some("https://publicapi.example/"),
            None,
        )
        .unwrap();
        assert_eq!(govuk.kind, ProviderKind::GovUkPay);
        assert!(!format!("{govuk:?}").contains("api_test_x"));
        assert!(ProviderConfig::from_values(Some("paypal"), None, None, None).is_err());
        assert!(ProviderConfig::from_values(None, None, Some("not a url"), None).is_err());
    }

    #[test]
    fn connects_to_the_sandbox_and_refuses_what_it_cannot_do() {
        let sandbox =
            ProviderConfig::from_values(None, None, None, Some("sqlite::memory:".into())).unwrap();
        let provider = block_on(sandbox.connect()).unwrap().unwrap();
        assert_eq!(provider.name(), "sandbox");
        // Without a key (or, in builds without the feature, at all) Stripe cannot connect.
        let stripe = ProviderConfig::from_values(Some("stripe"), None, None, None).unwrap();
        assert!(block_on(stripe.connect()).unwrap().is_err());
        let keyless = ProviderConfig::from_values(Some("govuk"), None, None, None).unwrap();
        assert!(block_on(keyless.connect()).unwrap().is_err());
    }
}
