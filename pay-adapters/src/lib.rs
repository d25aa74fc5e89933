//! One payment interface for council services, with a GOV.UK Pay adapter and an offline
//! sandbox, so a service can take card payments and be tested end to end with no network.
//!
//! ```
//! use std::sync::Arc;
//! use civic_pay_adapters::{Money, NewPayment, PaymentProvider, PaymentStatus, SandboxProvider};
//! use url::Url;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! // Chosen by configuration: the sandbox here, GOV.UK Pay in production.
//! let provider: Arc<dyn PaymentProvider> =
//!     Arc::new(SandboxProvider::in_memory(Url::parse("http://localhost:8080/sandbox/")?));
//!
//! let request = NewPayment::new(
//!     Money::parse("£50.00")?,
//!     "PERMIT-1042",
//!     "Resident parking permit",
//!     Url::parse("https://permits.council.example/pay/return/k3x9")?,
//! );
//! let payment = provider.create(&request).await?;
//! assert_eq!(payment.state, PaymentStatus::Created);
//! // Send the resident to payment.next_url; when they come back, ask the provider:
//! let now = provider.get(&payment.payment_id).await?;
//! assert!(!now.state.is_finished());
//! # Ok(())
//! # }
//! ```
//!
//! # Concepts
//!
//! - [`Money`] is whole pence; [`LineItem`]s carry fund, ledger and VAT codes.
//! - [`PaymentProvider`] is the one trait; [`PaymentStatus`] is GOV.UK Pay's status model.
//! - [`PaymentError`] answers questions: [`PaymentError::is_retryable`],
//!   [`PaymentError::is_declined`], [`PaymentError::is_auth`], [`PaymentError::code`].
//! - [`SandboxProvider`] acts out GOV.UK Pay's test cards offline; its state lives in a
//!   [`sandbox::SandboxStore`]: memory, or [`SqlStore`] (SQLite, or PostgreSQL for several
//!   instances). `GovUkPay` (feature `govuk-pay`) is the real thing; [`ProviderConfig`]
//!   picks one from `CIVIC_PAY_*` variables.
//! - [`Checkout`] runs safe journeys: one unfinished payment per order, saved before the
//!   provider is called, an unguessable return URL, status checked server-side. A
//!   [`Reconciler`] re-checks unfinished payments on a schedule.
//! - [`webhook::WebhookReceiver`] checks `Pay-Signature`, handles each message once and
//!   re-fetches the payment.
//! - [`income`] exports successful payments and refunds by fund, ledger and VAT code as CSV.
//! - Text a resident may see is in [`messages`], in English and Welsh.
//!
//! # Cargo features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | `axum` | no | the sandbox's hosted card page (`sandbox::router`) and the webhook receiver |
//! | `govuk-pay` | no | the GOV.UK Pay adapter (HTTPS on reqwest with rustls) |
//! | `stripe` | no | the Stripe adapter (Checkout Sessions) |

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod checkout;
pub mod config;
pub mod error;
#[cfg(feature = "govuk-pay")]
pub mod govuk_pay;
mod ids;
pub mod income;
pub mod line_item;
pub mod messages;
pub mod money;
pub mod payment;
pub mod provider;
pub mod reconciler;
pub mod record;
pub mod sandbox;
pub mod sql_store;
pub mod status;
#[cfg(feature = "stripe")]
pub mod stripe;
pub mod webhook;

pub use checkout::{Checkout, StartOutcome};
pub use config::{ProviderConfig, ProviderKind};
pub use error::{ErrorKind, PaymentError};
#[cfg(feature = "govuk-pay")]
pub use govuk_pay::GovUkPay;
pub use line_item::{FinanceCode, FinanceCodeError, LineItem};
pub use messages::{Language, Message};
pub use money::{Money, MoneyError};
pub use payment::{
    Address, CardDetails, Metadata, MetadataValue, NewPayment, NewRefund, Payment, PaymentEvent,
    PrefilledCardholderDetails, Refund, RefundStatus, RefundSummary,
};
pub use provider::PaymentProvider;
pub use reconciler::{ReconcileReport, Reconciler};
pub use record::{MemoryRecordStore, PaymentRecord, PaymentRecordStore};
pub use sandbox::SandboxProvider;
pub use sql_store::SqlStore;
pub use status::{FailureReason, PaymentStatus};
/// The URL type the API takes, re-exported so callers need not name the `url` crate.
pub use url::Url;
