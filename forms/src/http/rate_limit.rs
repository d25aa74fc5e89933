//! The per-client limit on POSTs, with tower_governor (governor's GCRA as tower middleware),
//! and the GOV.UK-style "You've submitted too many times" page it leads to.

use std::net::{IpAddr, Ipv4Addr};
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use governor::middleware::NoOpMiddleware;
use tower_governor::GovernorError;
use tower_governor::GovernorLayer;
use tower_governor::governor::GovernorConfigBuilder;
use tower_governor::key_extractor::{KeyExtractor, PeerIpKeyExtractor, SmartIpKeyExtractor};

use super::base::Base;
use super::problem::Problem;
use super::service::Inner;
use super::visit::{self, Found};
use crate::messages::ProblemText;

/// Marks the limiter's refusal so the page can be shown in the resident's language.
#[derive(Debug, Clone, Copy)]
struct RateLimited;

/// Knows a client by its address: the connection's, or the one a trusted proxy forwarded.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Client {
    behind_proxy: bool,
}

impl KeyExtractor for Client {
    type Key = IpAddr;

    fn extract<T>(&self, request: &axum::http::Request<T>) -> Result<IpAddr, GovernorError> {
        let found = if self.behind_proxy {
            SmartIpKeyExtractor.extract(request)
        } else {
            PeerIpKeyExtractor.extract(request)
        };
        // Served without connect info (`axum::serve(listener, app)`), every client shares
        // one allowance rather than the service failing: the docs say to add connect info.
        Ok(found.unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED)))
    }
}

/// The limiter for POSTs, when the service has a limit.
pub(crate) fn layer(inner: &Inner) -> Option<GovernorLayer<Client, NoOpMiddleware>> {
    let limit = inner.config.rate_limit?;
    let config = GovernorConfigBuilder::default()
        .key_extractor(Client {
            behind_proxy: limit.behind_proxy,
        })
        .period(limit.replenish)
        .burst_size(limit.burst)
        .methods(vec![Method::POST])
        .error_handler(|mut error| match error {
            GovernorError::TooManyRequests { .. } => {
                let mut response = Response::new(Body::empty());
                *response.status_mut() = StatusCode::TOO_MANY_REQUESTS;
                response.extensions_mut().insert(RateLimited);
                response
            }
            _ => error.as_response(),
        })
        .finish()?;
    Some(GovernorLayer {
        config: Arc::new(config),
    })
}

/// Turns the limiter's refusal into the "too many times" page, in the session's language,
/// with a link back to the page (the answers already given are kept).
pub(crate) async fn too_many_page(
    State(inner): State<Arc<Inner>>,
    Base(base): Base,
    request: Request,
    next: Next,
) -> Response {
    let headers = request.headers().clone();
    let back = format!("{base}{}", request.uri().path());
    let response = next.run(request).await;
    if response.extensions().get::<RateLimited>().is_none() {
        return response;
    }
    let jar = visit::jar(&inner, &headers);
    let mut problem = Problem::new(ProblemText::TooMany).back(back);
    if let Ok(Found::Live(session)) = visit::find(&inner, &jar).await {
        problem = problem.language(session.language);
    }
    let mut page = problem.response(&inner, &base);
    if let Some(retry) = response.headers().get(axum::http::header::RETRY_AFTER) {
        page.headers_mut()
            .insert(axum::http::header::RETRY_AFTER, retry.clone());
    }
    page
}
