//! Payment lifecycle hooks: what a service holds while a resident pays.

use time::OffsetDateTime;

use crate::delivery::Submission;

/// What a service holds while a resident pays.
///
/// Set with [`FormServiceBuilder::payment_hooks`] (feature `pay`): a service that must hold
/// something while the resident pays (a collection slot, a ticket) is told when the payment
/// starts and when it ends unpaid.
///
/// | when | hook |
/// |---|---|
/// | the resident sends their answers, before the payment page; and before "Try paying again" | [`PaymentHooks::started`]: hold, or say it has gone |
/// | back from paying, not paid (failed, cancelled, expired), or the payment could not be started | [`PaymentHooks::not_paid`]: release |
/// | paid | no hook: the submission is released to the form's handlers |
///
/// Confirming what was held belongs in a [`SubmissionHandler`]: a paid submission is released
/// to the handlers exactly once, whether the resident comes back ([`Deliveries::paid`]) or
/// the scheduled job finds the payment ([`Deliveries::release_paid`]). A resident who never
/// comes back from an unpaid payment is not seen here either: give holds an expiry at least
/// as long as a payment lasts and let them lapse.
///
/// [`FormServiceBuilder::payment_hooks`]: super::FormServiceBuilder::payment_hooks
/// [`SubmissionHandler`]: crate::delivery::SubmissionHandler
/// [`Deliveries::paid`]: crate::delivery::Deliveries::paid
/// [`Deliveries::release_paid`]: crate::delivery::Deliveries::release_paid
#[async_trait::async_trait]
pub trait PaymentHooks: Send + Sync {
    /// The resident is about to pay for `submission`: hold what it needs. Called again
    /// before "Try paying again", after [`PaymentHooks::not_paid`] released it.
    /// [`HoldError::Gone`] names the question whose choice was taken meanwhile: the resident
    /// is shown its page with "… is no longer available" (or, trying again, told to start
    /// again).
    async fn started(&self, submission: &Submission, now: OffsetDateTime) -> Result<(), HoldError>;

    /// The payment for the submission `reference` ended unpaid, or could not be started:
    /// release what [`PaymentHooks::started`] held. It runs each time the resident sees
    /// "Your payment was not taken", so releasing twice must be harmless.
    async fn not_paid(&self, reference: &str, now: OffsetDateTime) -> Result<(), HoldError>;
}

/// Why a hook could not hold or release.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum HoldError {
    /// The choice made for the `supplied` question `question` has gone (the last slot was
    /// taken by someone else).
    #[error("the choice made for `{question}` is no longer available")]
    Gone {
        /// The question's id.
        question: String,
    },
    /// The hold could not be made or released (the database failed).
    #[error("could not hold or release: {0}")]
    Failed(String),
}

impl HoldError {
    /// Whether trying again may help: a failure may pass, a choice that has gone will not
    /// come back by asking again.
    pub fn is_retryable(&self) -> bool {
        matches!(self, HoldError::Failed(_))
    }
}
