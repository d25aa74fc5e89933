//! A caching layer in front of any provider.

use std::num::NonZeroUsize;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use async_trait::async_trait;
use lru::LruCache;

use super::{AddressProvider, ProviderError};
use crate::{Address, Postcode, Uprn};

/// Remembers postcode and UPRN answers from another provider for a while, so a resident
/// going back and forth through a form costs one API call, not one per page. Errors are never
/// cached. Free-text searches go straight through: they rarely repeat.
///
/// ```
/// use std::time::Duration;
/// use civic_address_lookup::{generate, index::AddressIndex, provider::Cached};
///
/// let index = AddressIndex::build(generate::sample_gazetteer(10, 1), generate::info());
/// let cached = Cached::new(index, 10_000, Duration::from_secs(3600));
/// ```
pub struct Cached<P> {
    inner: P,
    ttl: Duration,
    postcodes: Mutex<LruCache<Postcode, (Instant, Vec<Address>)>>,
    uprns: Mutex<LruCache<Uprn, (Instant, Option<Address>)>>,
}

impl<P: AddressProvider> Cached<P> {
    /// Caches up to `capacity` postcodes and `capacity` UPRNs, each for `ttl`.
    pub fn new(inner: P, capacity: usize, ttl: Duration) -> Cached<P> {
        let capacity = NonZeroUsize::new(capacity).unwrap_or(NonZeroUsize::MIN);
        Cached {
            inner,
            ttl,
            postcodes: Mutex::new(LruCache::new(capacity)),
            uprns: Mutex::new(LruCache::new(capacity)),
        }
    }

    /// The provider behind the cache.
    pub fn inner(&self) -> &P {
        &self.inner
    }
}

/// A fresh cached value, if there is one. A poisoned lock only means another request panicked
/// mid-update; the cache is still a valid map, so it is used.
fn fresh<K: std::hash::Hash + Eq, V: Clone>(
    cache: &Mutex<LruCache<K, (Instant, V)>>,
    key: &K,
    ttl: Duration,
) -> Option<V> {
    let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
    match cache.get(key) {
        Some((at, value)) if at.elapsed() < ttl => Some(value.clone()),
        Some(_) => {
            cache.pop(key);
            None
        }
        None => None,
    }
}

fn remember<K: std::hash::Hash + Eq, V>(
    cache: &Mutex<LruCache<K, (Instant, V)>>,
    key: K,
    value: V,
) {
    let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
    cache.put(key, (Instant::now(), value));
}

#[async_trait]
impl<P: AddressProvider> AddressProvider for Cached<P> {
    async fn find_by_postcode(&self, postcode: &Postcode) -> Result<Vec<Address>, ProviderError> {
        if let Some(found) = fresh(&self.postcodes, postcode, self.ttl) {
            return Ok(found);
        }
        let found = self.inner.find_by_postcode(postcode).await?;
        remember(&self.postcodes, *postcode, found.clone());
        Ok(found)
    }

    async fn find_by_uprn(&self, uprn: Uprn) -> Result<Option<Address>, ProviderError> {
        if let Some(found) = fresh(&self.uprns, &uprn, self.ttl) {
            return Ok(found);
        }
        let found = self.inner.find_by_uprn(uprn).await?;
        remember(&self.uprns, uprn, found.clone());
        Ok(found)
    }

    async fn search(&self, query: &str, limit: usize) -> Result<Vec<Address>, ProviderError> {
        self.inner.search(query, limit).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Counts calls; fails while `failing` is set.
    #[derive(Default)]
    struct Counting {
        calls: AtomicUsize,
        failing: std::sync::atomic::AtomicBool,
    }

    #[async_trait]
    impl AddressProvider for Counting {
        async fn find_by_postcode(&self, p: &Postcode) -> Result<Vec<Address>, ProviderError> {
            self.calls.fetch_add(1, Ordering::SeqCst);
            if self.failing.load(Ordering::SeqCst) {
                return Err(ProviderError::Unavailable("down".into()));
            }
            let mut address = Address::new(Uprn::new(1).unwrap());
            address.postcode = Some(*p);
            Ok(vec![address])
        }
        async fn find_by_uprn(&self, _: Uprn) -> Result<Option<Address>, ProviderError> {
            self.calls.fetch_add(1, Ordering::SeqCst);
            Ok(None)
        }
        async fn search(&self, _: &str, _: usize) -> Result<Vec<Address>, ProviderError> {
            self.calls.fetch_add(1, Ordering::SeqCst);
            Ok(Vec::new())
        }
    }

    fn block_on<F: std::future::Future>(f: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(f)
    }

    #[test]
    fn answers_repeat_questions_from_memory_but_never_errors() {
        block_on(async {
            let cached = Cached::new(Counting::default(), 2, Duration::from_secs(60));
            let a = Postcode::parse("SW1A 2AA").unwrap();
            cached.inner().failing.store(true, Ordering::SeqCst);
            assert!(cached.find_by_postcode(&a).await.is_err());
            cached.inner().failing.store(false, Ordering::SeqCst);
            let first = cached.find_by_postcode(&a).await.unwrap();
            assert_eq!(cached.find_by_postcode(&a).await.unwrap(), first);
            assert_eq!(cached.inner().calls.load(Ordering::SeqCst), 2);
            cached.find_by_uprn(Uprn::new(5).unwrap()).await.unwrap();
            cached.find_by_uprn(Uprn::new(5).unwrap()).await.unwrap();
            assert_eq!(cached.inner().calls.load(Ordering::SeqCst), 3);
            // Capacity 2: a third postcode pushes out the least recently used.
            for text in ["EC1A 1BB", "W1A 1AA"] {
                cached
                    .find_by_postcode(&Postcode::parse(text).unwrap())
                    .await
                    .unwrap();
            }
            cached.find_by_postcode(&a).await.unwrap();
            assert_eq!(cached.inner().calls.load(Ordering::SeqCst), 6);
        });
    }

    #[test]
    fn entries_expire() {
        block_on(async {
            let cached = Cached::new(Counting::default(), 10, Duration::ZERO);
            let a = Postcode::parse("SW1A 2AA").unwrap();
            cached.find_by_postcode(&a).await.unwrap();
            cached.find_by_postcode(&a).await.unwrap();
            assert_eq!(cached.inner().calls.load(Ordering::SeqCst), 2);
        });
    }
}
