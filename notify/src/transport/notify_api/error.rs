//! Notify's error responses as [`SendError`]s.

use serde::Deserialize;

use crate::transport::SendError;

/// An API key not in Notify's `{name}-{service id}-{secret}` form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a GOV.UK Notify API key: expected name-serviceid-secret, the last two UUIDs")]
pub struct ApiKeyError;

#[derive(Deserialize)]
struct Body {
    #[serde(default)]
    errors: Vec<Item>,
}

#[derive(Deserialize)]
struct Item {
    #[serde(default)]
    error: String,
    #[serde(default)]
    message: String,
}

/// Notify answers `{"status_code": n, "errors": [{"error", "message"}]}`. Rate and daily
/// limits (429) and server errors (5xx) may pass; anything else is this request's fault.
pub(super) fn from_response(status: u16, body: &str) -> SendError {
    let detail = serde_json::from_str::<Body>(body)
        .ok()
        .map(|body| {
            body.errors
                .iter()
                .map(|item| format!("{}: {}", item.error, item.message))
                .collect::<Vec<_>>()
                .join("; ")
        })
        .filter(|detail| !detail.is_empty())
        .unwrap_or_else(|| format!("HTTP {status}"));
    let message = format!("Notify {status}: {detail}");
    if status == 429 || status >= 500 {
        SendError::transient(message)
    } else {
        SendError::permanent(message)
    }
}
