//! Delivering a finished form: a [`Submission`] goes to each [`SubmissionHandler`] (the
//! council's database, the team's inbox, the resident's inbox, a webhook), and each delivery
//! is tracked so a failed one is retried.

pub mod copy;
#[cfg(feature = "sql")]
mod deliveries;
mod email;
pub mod export;
#[cfg(feature = "pay")]
mod payment;
#[cfg(feature = "sql")]
mod store;
#[cfg(feature = "webhook")]
mod webhook;
#[cfg(feature = "sql")]
mod writer;

#[cfg(feature = "sql")]
pub use deliveries::{Deliveries, DeliveryStatus, backoff};
pub use email::EmailHandler;
#[cfg(feature = "sql")]
pub use store::SubmissionStore;
#[cfg(feature = "webhook")]
pub use webhook::{SIGNATURE_HEADER, SignatureError, WebhookHandler, signature, verify_signature};

use time::OffsetDateTime;

use crate::definition::Language;
use crate::journey::Answers;

/// A resident's finished form, as handlers receive it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Submission {
    /// The form's id.
    pub form_id: String,
    /// The confirmation reference the resident was shown.
    pub reference: String,
    /// The language the resident used.
    pub language: Language,
    /// Everything the resident answered.
    pub answers: Answers,
    /// When the resident submitted.
    #[serde(with = "time::serde::rfc3339")]
    pub submitted_at: OffsetDateTime,
}

impl Submission {
    /// Every file the resident uploaded: its questions' in order of id, then those in
    /// add-to-a-list items.
    pub fn files(&self) -> Vec<&crate::answers::AcceptedFile> {
        let answers = &self.answers;
        answers
            .values
            .values()
            .chain(
                answers
                    .lists
                    .values()
                    .flat_map(|list| list.items.iter().flat_map(|item| item.values.values())),
            )
            .flat_map(|value| match value {
                crate::answers::AnswerValue::Files(files) => files.as_slice(),
                _ => &[],
            })
            .collect()
    }
}

/// Somewhere a submission goes. A handler must tolerate being called again with the same
/// submission (a retry after a crash): use [`Submission::reference`] to recognise it.
#[async_trait::async_trait]
pub trait SubmissionHandler: Send + Sync {
    /// A short, stable name for tracking (`store`, `team-email`, `webhook`); unique among
    /// the handlers of one form.
    fn name(&self) -> &str;

    /// Delivers the submission, or says why not and whether trying again may help.
    async fn deliver(&self, submission: &Submission) -> Result<(), DeliveryError>;
}

/// Why a handler could not deliver a submission.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct DeliveryError {
    message: String,
    retryable: bool,
    #[source]
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

impl DeliveryError {
    /// A failure that may go away (a timeout, a busy database, a 503): retried later.
    pub fn retryable(message: impl Into<String>) -> Self {
        DeliveryError {
            message: message.into(),
            retryable: true,
            source: None,
        }
    }

    /// A failure that will not go away by itself (a refused address, a 400): not retried.
    pub fn permanent(message: impl Into<String>) -> Self {
        DeliveryError {
            message: message.into(),
            retryable: false,
            source: None,
        }
    }

    /// Attaches the underlying error.
    pub fn with_source(mut self, source: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.source = Some(Box::new(source));
        self
    }

    /// Whether trying again later may work.
    pub fn is_retryable(&self) -> bool {
        self.retryable
    }
}

/// Stores for a test: SQLite in memory always, and PostgreSQL in the schema
/// `civic_forms_test_{name}` (recreated each run) when `CIVIC_TEST_DATABASE_URL` is set.
#[cfg(test)]
#[cfg(feature = "sql")]
pub(crate) async fn test_stores(name: &str) -> Vec<crate::session::SqlSessionStore> {
    use crate::session::SqlSessionStore;
    use sqlx::Connection;
    use std::io::Write;
    let mut stores = vec![SqlSessionStore::connect("sqlite::memory:").await.unwrap()];
    let Ok(url) = std::env::var("CIVIC_TEST_DATABASE_URL") else {
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED {name} (PostgreSQL part): CIVIC_TEST_DATABASE_URL is not set"
        );
        return stores;
    };
    sqlx::any::install_default_drivers();
    let schema = format!("civic_forms_test_{name}");
    let mut connection = sqlx::AnyConnection::connect(&url).await.unwrap();
    for statement in [
        format!("DROP SCHEMA IF EXISTS {schema} CASCADE"),
        format!("CREATE SCHEMA {schema}"),
    ] {
        sqlx::query(&statement)
            .execute(&mut connection)
            .await
            .unwrap();
    }
    let separator = if url.contains('?') { '&' } else { '?' };
    let url = format!("{url}{separator}options=-c%20search_path%3D{schema}");
    stores.push(SqlSessionStore::connect(&url).await.unwrap());
    stores
}
