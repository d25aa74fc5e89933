//! One trait for every source of addresses: the embedded index, OS Places, a cache.

mod cache;
mod lookup;
#[cfg(feature = "os-places")]
pub mod os_places;

use std::time::Duration;

use async_trait::async_trait;

pub use cache::Cached;
pub use lookup::{PostcodeLookup, lookup_postcode};

use crate::index::AddressIndex;
use crate::{Address, Postcode, Uprn};

/// A source of addresses. Object-safe, so services hold an `Arc<dyn AddressProvider>` and
/// swap the embedded index for OS Places (or a cache) in configuration.
///
/// ```
/// use std::sync::Arc;
/// use civic_address_lookup::{generate, index::AddressIndex, provider::AddressProvider};
///
/// # tokio_test_block(async {
/// let index = AddressIndex::build(generate::sample_gazetteer(100, 1), generate::info());
/// let postcode = index.addresses().next().unwrap().postcode().unwrap();
/// let provider: Arc<dyn AddressProvider> = Arc::new(index);
/// let found = provider.find_by_postcode(&postcode).await.unwrap();
/// assert!(!found.is_empty());
/// # });
/// # fn tokio_test_block(f: impl std::future::Future<Output = ()>) {
/// #     tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(f)
/// # }
/// ```
#[async_trait]
pub trait AddressProvider: Send + Sync {
    /// Every address with this postcode, in natural order ("Flat 2" before "Flat 10"). An
    /// empty list means the postcode is well formed but has no addresses here: show
    /// [`messages::no_addresses_found`](crate::messages::no_addresses_found) and offer manual entry.
    async fn find_by_postcode(&self, postcode: &Postcode) -> Result<Vec<Address>, ProviderError>;

    /// The address with this UPRN, if there is one.
    async fn find_by_uprn(&self, uprn: Uprn) -> Result<Option<Address>, ProviderError>;

    /// The addresses best matching free text, best first, at most `limit`.
    async fn search(&self, query: &str, limit: usize) -> Result<Vec<Address>, ProviderError>;
}

/// Why a provider could not answer. Ask it questions rather than matching every variant.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ProviderError {
    /// The provider could not be reached or failed for now (network, timeout, 5xx).
    #[error("the address provider is unavailable: {0}")]
    Unavailable(String),
    /// Too many requests; try again after the given wait, if the provider said.
    #[error("the address provider is rate limiting requests")]
    RateLimited {
        /// How long the provider asked to wait.
        retry_after: Option<Duration>,
    },
    /// The provider refused the request as made: a missing or wrong key, a bad parameter.
    #[error("the address provider refused the request: {0}")]
    Rejected(String),
    /// The provider answered with something that could not be understood.
    #[error("the address provider sent a response that could not be read: {0}")]
    InvalidResponse(String),
}

impl ProviderError {
    /// Whether the same request may succeed if tried again later.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            ProviderError::Unavailable(_) | ProviderError::RateLimited { .. }
        )
    }

    /// Whether the service's configuration (key, URL, parameters) needs fixing: retrying will
    /// not help.
    pub fn is_configuration(&self) -> bool {
        matches!(self, ProviderError::Rejected(_))
    }
}

/// The embedded index answers in process, so it never fails.
#[async_trait]
impl AddressProvider for AddressIndex {
    async fn find_by_postcode(&self, postcode: &Postcode) -> Result<Vec<Address>, ProviderError> {
        Ok(AddressIndex::find_by_postcode(self, postcode)
            .map(|a| a.to_address())
            .collect())
    }

    async fn find_by_uprn(&self, uprn: Uprn) -> Result<Option<Address>, ProviderError> {
        Ok(AddressIndex::find_by_uprn(self, uprn).map(|a| a.to_address()))
    }

    async fn search(&self, query: &str, limit: usize) -> Result<Vec<Address>, ProviderError> {
        Ok(AddressIndex::search(self, query, limit)
            .into_iter()
            .map(|hit| hit.address.to_address())
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_answer_questions() {
        assert!(ProviderError::Unavailable("timeout".into()).is_retryable());
        assert!(ProviderError::RateLimited { retry_after: None }.is_retryable());
        let rejected = ProviderError::Rejected("invalid key".into());
        assert!(!rejected.is_retryable() && rejected.is_configuration());
        assert!(!ProviderError::InvalidResponse("bad json".into()).is_retryable());
    }
}
