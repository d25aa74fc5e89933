//! The OS Places API (Ordnance Survey's hosted AddressBase lookup): `postcode`, `find`, `uprn`
//! and `nearest`, with both datasets (`dataset=DPA,LPI`), the language of the LPI records
//! (`lr=EN` or `CY`), paging past 100 results, an optional classification filter (`fq`), the
//! key sent as a header, and backoff when rate limited (HTTP 429).

use std::path::Path;
use std::time::Duration;

use async_trait::async_trait;

use super::{AddressProvider, ProviderError};
use crate::import::OnError;
use crate::import::os_places::{Response, parse_response};
use crate::messages::Language;
use crate::{Address, Postcode, Uprn, sort_naturally};

/// The live API's address.
pub const DEFAULT_BASE_URL: &str = "https://api.os.uk/search/places/v1/";
/// The most results OS Places returns in one page.
const PAGE: usize = 100;

/// How an [`OsPlaces`] provider asks its questions.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct OsPlacesOptions {
    /// The API's base URL, ending in `/`: [`DEFAULT_BASE_URL`], or a mock in tests.
    pub base_url: String,
    /// The language of LPI records asked for (`lr`).
    pub language: Language,
    /// A classification filter sent as `fq`, such as `CLASSIFICATION_CODE:R*` for residential
    /// properties only.
    pub classification_filter: Option<String>,
    /// Most results fetched for one postcode, across pages.
    pub max_results: usize,
    /// Retries after HTTP 429 before giving up with [`ProviderError::RateLimited`].
    pub max_retries: u32,
    /// First wait after a 429 without `Retry-After`; doubled each retry.
    pub backoff: Duration,
}

impl Default for OsPlacesOptions {
    fn default() -> Self {
        OsPlacesOptions {
            base_url: DEFAULT_BASE_URL.to_owned(),
            language: Language::English,
            classification_filter: None,
            max_results: 1_000,
            max_retries: 3,
            backoff: Duration::from_millis(500),
        }
    }
}

impl OsPlacesOptions {
    /// Options asking only for residential properties (`fq=CLASSIFICATION_CODE:R*`).
    pub fn residential_only(mut self) -> Self {
        self.classification_filter = Some("CLASSIFICATION_CODE:R*".to_owned());
        self
    }
}

/// An [`AddressProvider`] backed by the OS Places API.
#[derive(Debug, Clone)]
pub struct OsPlaces {
    client: reqwest::Client,
    key: String,
    options: OsPlacesOptions,
}

impl OsPlaces {
    /// A provider using `key` (an OS Data Hub project API key).
    pub fn new(key: impl Into<String>, options: OsPlacesOptions) -> OsPlaces {
        OsPlaces {
            client: reqwest::Client::new(),
            key: key.into(),
            options,
        }
    }

    /// The address nearest a British National Grid point (`nearest?point=x,y`).
    pub async fn nearest(
        &self,
        easting: f64,
        northing: f64,
    ) -> Result<Option<Address>, ProviderError> {
        let point = format!("{easting},{northing}");
        let response = self.get("nearest", &[("point", point.as_str())]).await?;
        Ok(response.report.addresses.into_iter().next())
    }

    async fn get(
        &self,
        resource: &str,
        params: &[(&str, &str)],
    ) -> Result<Response, ProviderError> {
        let mut url = url::Url::parse(&self.options.base_url)
            .and_then(|base| base.join(resource))
            .map_err(|e| ProviderError::Rejected(format!("bad base URL: {e}")))?;
        {
            let mut query = url.query_pairs_mut();
            for (name, value) in params {
                query.append_pair(name, value);
            }
            query.append_pair("dataset", "DPA,LPI");
            query.append_pair(
                "lr",
                match self.options.language {
                    Language::Welsh => "CY",
                    _ => "EN",
                },
            );
            if let Some(filter) = &self.options.classification_filter {
                query.append_pair("fq", filter);
            }
        }
        let mut attempt = 0;
        loop {
            let response = self
                .client
                .get(url.clone())
                .header("key", &self.key)
                .send()
                .await
                .map_err(|e| ProviderError::Unavailable(e.without_url().to_string()))?;
            let status = response.status();
            if status == reqwest::StatusCode::TOO_MANY_REQUESTS {
                let retry_after = response
                    .headers()
                    .get(reqwest::header::RETRY_AFTER)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.trim().parse::<u64>().ok())
                    .map(Duration::from_secs);
                if attempt >= self.options.max_retries {
                    return Err(ProviderError::RateLimited { retry_after });
                }
                let wait = retry_after.unwrap_or(self.options.backoff * 2u32.pow(attempt));
                tokio::time::sleep(wait).await;
                attempt += 1;
                continue;
            }
            let body = response
                .text()
                .await
                .map_err(|e| ProviderError::Unavailable(e.without_url().to_string()))?;
            if status.is_server_error() {
                return Err(ProviderError::Unavailable(format!(
                    "OS Places answered {status}"
                )));
            }
            if !status.is_success() {
                // The body is OS's error JSON ({"error": {"statuscode", "message"}}): no
                // personal data, and it says what was wrong with the key or parameters.
                return Err(ProviderError::Rejected(format!("{status}: {body}")));
            }
            // Records that do not convert (a postcode breaking the rules) are left out.
            return parse_response(&body, Path::new(resource), OnError::Skip)
                .map_err(|e| ProviderError::InvalidResponse(e.to_string()));
        }
    }
}

#[async_trait]
impl AddressProvider for OsPlaces {
    async fn find_by_postcode(&self, postcode: &Postcode) -> Result<Vec<Address>, ProviderError> {
        let mut addresses = Vec::new();
        let mut offset = 0;
        loop {
            let offset_text = offset.to_string();
            let page = self
                .get(
                    "postcode",
                    &[
                        ("postcode", postcode.as_str()),
                        ("maxresults", "100"),
                        ("offset", &offset_text),
                    ],
                )
                .await?;
            let total = usize::try_from(page.total_results).unwrap_or(usize::MAX);
            addresses.extend(page.report.addresses);
            offset += PAGE;
            if offset >= total || offset >= self.options.max_results {
                break;
            }
        }
        addresses.dedup_by_key(|a| a.uprn);
        sort_naturally(&mut addresses);
        Ok(addresses)
    }

    async fn find_by_uprn(&self, uprn: Uprn) -> Result<Option<Address>, ProviderError> {
        let uprn = uprn.to_string();
        let response = self.get("uprn", &[("uprn", uprn.as_str())]).await?;
        Ok(response.report.addresses.into_iter().next())
    }

    async fn search(&self, query: &str, limit: usize) -> Result<Vec<Address>, ProviderError> {
        let limit = limit.clamp(1, PAGE).to_string();
        let response = self
            .get("find", &[("query", query), ("maxresults", limit.as_str())])
            .await?;
        Ok(response.report.addresses)
    }
}
