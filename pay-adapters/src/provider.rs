//! [`PaymentProvider`]: the one interface every payment provider implements.

use async_trait::async_trait;
use url::Url;

use crate::error::PaymentError;
use crate::payment::{NewPayment, NewRefund, Payment, PaymentEvent, Refund};

/// A payment provider: GOV.UK Pay, the sandbox, or your own.
///
/// Object-safe, so a service holds an `Arc<dyn PaymentProvider>` chosen by configuration and
/// switches from the sandbox to GOV.UK Pay without code changes.
#[async_trait]
pub trait PaymentProvider: Send + Sync {
    /// A short name for logs and records: `govuk-pay`, `sandbox`.
    fn name(&self) -> &str;

    /// Creates a payment; send the resident to its `next_url`.
    async fn create(&self, request: &NewPayment) -> Result<Payment, PaymentError>;

    /// The payment as it stands now.
    async fn get(&self, payment_id: &str) -> Result<Payment, PaymentError>;

    /// Every status change of the payment, oldest first.
    async fn events(&self, payment_id: &str) -> Result<Vec<PaymentEvent>, PaymentError>;

    /// Cancels an unfinished payment (it becomes `cancelled`, P0040).
    async fn cancel(&self, payment_id: &str) -> Result<(), PaymentError>;

    /// Captures a `capturable` payment made with delayed capture.
    async fn capture(&self, payment_id: &str) -> Result<(), PaymentError>;

    /// Refunds part or all of a successful payment.
    async fn refund(&self, payment_id: &str, request: &NewRefund) -> Result<Refund, PaymentError>;

    /// One refund of a payment.
    async fn get_refund(&self, payment_id: &str, refund_id: &str) -> Result<Refund, PaymentError>;

    /// Every refund of a payment.
    async fn refunds(&self, payment_id: &str) -> Result<Vec<Refund>, PaymentError>;

    /// Whether `url` is on this provider's own payment pages: a service redirects a resident
    /// only to such a URL, never to one taken from elsewhere.
    fn is_payment_page(&self, url: &Url) -> bool;
}
