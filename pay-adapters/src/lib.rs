//! One payment interface for council services, with a GOV.UK Pay adapter and an offline
//! sandbox, so a service can take card payments and be tested end to end with no network.
//!
//! ```
//! use civic_pay_adapters::{LineItem, Money, FinanceCode};
//!
//! let permit = LineItem::new("Resident parking permit", Money::parse("£50.00")?)
//!     .fund_code(FinanceCode::parse("GF").expect("a valid code"));
//! assert_eq!(permit.amount.to_string(), "£50.00");
//! # Ok::<(), civic_pay_adapters::MoneyError>(())
//! ```
//!
//! # Cargo features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | `axum` | no | the sandbox's hosted card page and the webhook receiver as axum routers |
//! | `govuk-pay` | no | the GOV.UK Pay adapter (HTTPS on reqwest with rustls) |

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod error;
pub mod line_item;
pub mod messages;
pub mod money;
pub mod payment;
pub mod provider;
pub mod status;

pub use error::{ErrorKind, PaymentError};
pub use line_item::{FinanceCode, FinanceCodeError, LineItem};
pub use messages::{Language, Message};
pub use money::{Money, MoneyError};
pub use payment::{
    Address, CardDetails, Metadata, MetadataValue, NewPayment, NewRefund, Payment, PaymentEvent,
    PrefilledCardholderDetails, Refund, RefundStatus, RefundSummary,
};
pub use provider::PaymentProvider;
pub use status::{FailureReason, PaymentStatus};
