//! [`PaymentStatus`]: where a payment is in its life, exactly as GOV.UK Pay models it.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Why a payment ended in `failed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FailureReason {
    /// P0010: the card or payment method was rejected (declined, expired card, bad security code).
    Rejected,
    /// P0020: the resident did not finish within 90 minutes.
    Expired,
    /// P0030: the resident chose "Cancel payment".
    CancelledByUser,
}

/// The status of a payment. `created`, `started`, `submitted` and `capturable` are unfinished;
/// the rest are finished and never change again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PaymentStatus {
    /// Created; the resident has not yet opened the payment page.
    Created,
    /// The resident is on the payment pages.
    Started,
    /// Card details submitted, authorisation under way.
    Submitted,
    /// Authorised and waiting for the service to capture it (delayed capture).
    Capturable,
    /// Paid.
    Success,
    /// Not paid, for the given reason.
    Failed(FailureReason),
    /// P0040: cancelled by the service.
    Cancelled,
    /// P0050: the payment provider returned an error.
    Error,
}

impl PaymentStatus {
    /// Every status, for tests and tables.
    pub const ALL: [PaymentStatus; 10] = [
        PaymentStatus::Created,
        PaymentStatus::Started,
        PaymentStatus::Submitted,
        PaymentStatus::Capturable,
        PaymentStatus::Success,
        PaymentStatus::Failed(FailureReason::Rejected),
        PaymentStatus::Failed(FailureReason::Expired),
        PaymentStatus::Failed(FailureReason::CancelledByUser),
        PaymentStatus::Cancelled,
        PaymentStatus::Error,
    ];

    /// Whether the payment journey is over: the status can no longer change.
    pub fn is_finished(self) -> bool {
        !matches!(
            self,
            PaymentStatus::Created
                | PaymentStatus::Started
                | PaymentStatus::Submitted
                | PaymentStatus::Capturable
        )
    }

    /// Whether the money was taken (or will be, for a captured delayed-capture payment).
    pub fn is_success(self) -> bool {
        self == PaymentStatus::Success
    }

    /// GOV.UK Pay's name for the status: `created`, ..., `failed`, `cancelled`, `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            PaymentStatus::Created => "created",
            PaymentStatus::Started => "started",
            PaymentStatus::Submitted => "submitted",
            PaymentStatus::Capturable => "capturable",
            PaymentStatus::Success => "success",
            PaymentStatus::Failed(_) => "failed",
            PaymentStatus::Cancelled => "cancelled",
            PaymentStatus::Error => "error",
        }
    }

    /// The P-code of a finished, unsuccessful payment.
    pub fn code(self) -> Option<&'static str> {
        match self {
            PaymentStatus::Failed(FailureReason::Rejected) => Some("P0010"),
            PaymentStatus::Failed(FailureReason::Expired) => Some("P0020"),
            PaymentStatus::Failed(FailureReason::CancelledByUser) => Some("P0030"),
            PaymentStatus::Cancelled => Some("P0040"),
            PaymentStatus::Error => Some("P0050"),
            _ => None,
        }
    }

    /// GOV.UK Pay's message for a finished, unsuccessful payment (for logs, not residents).
    pub fn message(self) -> Option<&'static str> {
        match self {
            PaymentStatus::Failed(FailureReason::Rejected) => Some("Payment method rejected"),
            PaymentStatus::Failed(FailureReason::Expired) => Some("Payment expired"),
            PaymentStatus::Failed(FailureReason::CancelledByUser) => {
                Some("Payment was cancelled by the user")
            }
            PaymentStatus::Cancelled => Some("Payment was cancelled by the service"),
            PaymentStatus::Error => Some("Payment provider returned an error"),
            _ => None,
        }
    }

    /// Reads GOV.UK Pay's `status` and `code`; `None` for a combination it does not send.
    pub fn from_parts(status: &str, code: Option<&str>) -> Option<PaymentStatus> {
        Some(match (status, code) {
            ("created", _) => PaymentStatus::Created,
            ("started", _) => PaymentStatus::Started,
            ("submitted", _) => PaymentStatus::Submitted,
            ("capturable", _) => PaymentStatus::Capturable,
            ("success", _) => PaymentStatus::Success,
            ("failed", Some("P0010")) => PaymentStatus::Failed(FailureReason::Rejected),
            ("failed", Some("P0020")) => PaymentStatus::Failed(FailureReason::Expired),
            ("failed", Some("P0030")) => PaymentStatus::Failed(FailureReason::CancelledByUser),
            ("cancelled", _) => PaymentStatus::Cancelled,
            ("error", _) => PaymentStatus::Error,
            _ => return None,
        })
    }
}

impl std::fmt::Display for PaymentStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.code() {
            Some(code) => write!(f, "{} ({code})", self.as_str()),
            None => f.write_str(self.as_str()),
        }
    }
}

/// GOV.UK Pay's `state` object: `{status, finished, code?, message?}`.
#[derive(Serialize, Deserialize)]
struct WireState {
    status: String,
    finished: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    message: Option<String>,
}

/// Serialised as GOV.UK Pay's `state` object, so `--json` output matches the real API.
impl Serialize for PaymentStatus {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        WireState {
            status: self.as_str().to_owned(),
            finished: self.is_finished(),
            code: self.code().map(str::to_owned),
            message: self.message().map(str::to_owned),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for PaymentStatus {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = WireState::deserialize(deserializer)?;
        PaymentStatus::from_parts(&wire.status, wire.code.as_deref()).ok_or_else(|| {
            D::Error::custom(format!(
                "unknown payment state {:?} with code {:?}",
                wire.status, wire.code
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The published state table: status, finished, code, message for every row.
    #[test]
    fn matches_the_published_state_codes() {
        use std::io::Write;
        let Ok(root) = std::env::var("CIVIC_REFERENCE_DATA") else {
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED matches_the_published_state_codes: CIVIC_REFERENCE_DATA is not set"
            );
            return;
        };
        let table =
            std::fs::read_to_string(format!("{root}/specs/govuk-pay-payment-state-codes.tsv"))
                .unwrap();
        let mut seen = Vec::new();
        for line in table.lines().skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            let code = Some(cols[2]).filter(|c| !c.is_empty());
            let status = PaymentStatus::from_parts(cols[0], code).unwrap();
            assert_eq!(status.as_str(), cols[0]);
            assert_eq!(status.is_finished().to_string(), cols[1], "{line}");
            assert_eq!(status.code(), code, "{line}");
            assert_eq!(status.message(), Some(cols[3]).filter(|m| !m.is_empty()));
            seen.push(status);
        }
        for status in PaymentStatus::ALL {
            assert!(
                seen.contains(&status),
                "{status} is not in the published table"
            );
        }
    }

    #[test]
    fn serde_uses_the_govuk_state_object() {
        let json = serde_json::to_value(PaymentStatus::Failed(FailureReason::Expired)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"status": "failed", "finished": true, "code": "P0020", "message": "Payment expired"})
        );
        for status in PaymentStatus::ALL {
            let back: PaymentStatus =
                serde_json::from_value(serde_json::to_value(status).unwrap()).unwrap();
            assert_eq!(back, status);
        }
        assert!(
            serde_json::from_value::<PaymentStatus>(
                serde_json::json!({"status": "failed", "finished": true})
            )
            .is_err()
        );
    }
}
