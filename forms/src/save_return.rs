//! Save and return: a resident asks for a link, receives a one-off link by email, and
//! resumes where they left off.
//!
//! Opening the link (a GET) only [peeks](SaveAndReturn::peek) so that mail scanners which
//! follow links do not use it up; the "Continue your application" button's POST
//! [redeems](SaveAndReturn::redeem) it, once. Only a hash of each token is stored.

use std::sync::Arc;

use civic_notify::transport::{Outgoing, OutgoingEmail, Transport};
use civic_notify::{Branding, EmailAddress, Personalisation};
use rand::Rng;
use sha2::{Digest, Sha256};
use sqlx::{AnyPool, Row};
use time::{Duration, OffsetDateTime};

use crate::definition::Language;
use crate::messages::EmailText;
use crate::session::SessionId;

/// Why a link could not be issued or checked.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SaveReturnError {
    /// The tokens table could not be used.
    #[error("the save and return database could not be used")]
    Database(#[source] sqlx::Error),
    /// The email could not be written.
    #[error("the save and return email could not be written")]
    Template(#[source] civic_notify::TemplateError),
    /// The email could not be sent.
    #[error("the save and return email could not be sent: {0}")]
    Send(civic_notify::transport::SendError),
}

impl SaveReturnError {
    /// Whether trying again may work.
    pub fn is_retryable(&self) -> bool {
        match self {
            SaveReturnError::Database(e) => matches!(
                e,
                sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed
            ),
            SaveReturnError::Template(_) => false,
            SaveReturnError::Send(e) => e.is_transient(),
        }
    }
}

/// Issues and checks "save and return" links for one form.
#[derive(Clone)]
pub struct SaveAndReturn {
    pool: AnyPool,
    transport: Arc<dyn Transport>,
    form_title: String,
    link_base: String,
    from: String,
    branding: Branding,
    valid_for: Duration,
}

impl std::fmt::Debug for SaveAndReturn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SaveAndReturn")
            .field("form_title", &self.form_title)
            .field("valid_for", &self.valid_for)
            .finish_non_exhaustive()
    }
}

fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

impl SaveAndReturn {
    /// Links for the form `form_title`, emailed from `from` through `transport`. A link is
    /// `link_base` followed by the token (`https://council.example/apply/return/`). Links
    /// are valid for 28 days unless [`valid_for`](Self::valid_for) says otherwise. The pool's
    /// schema must be migrated ([`crate::session::SqlSessionStore::migrate`] does it).
    pub fn new(
        pool: AnyPool,
        transport: Arc<dyn Transport>,
        form_title: impl Into<String>,
        link_base: impl Into<String>,
        from: impl Into<String>,
    ) -> Self {
        let form_title = form_title.into();
        SaveAndReturn {
            pool,
            transport,
            branding: Branding::new(&form_title, "#1d70b8"),
            form_title,
            link_base: link_base.into(),
            from: from.into(),
            valid_for: Duration::days(28),
        }
    }

    /// How long a link works (the form's `retention.save_and_return_days`).
    pub fn valid_for(mut self, valid_for: Duration) -> Self {
        self.valid_for = valid_for;
        self
    }

    /// The council's branding for the email.
    pub fn branding(mut self, branding: Branding) -> Self {
        self.branding = branding;
        self
    }

    /// Creates a one-off link to `session_id` and emails it to `email` in `language`.
    pub async fn issue(
        &self,
        session_id: &SessionId,
        email: &EmailAddress,
        language: Language,
    ) -> Result<(), SaveReturnError> {
        self.issue_at(session_id, email, language, OffsetDateTime::now_utc())
            .await
    }

    /// [`issue`](Self::issue) as if it were `now`.
    pub async fn issue_at(
        &self,
        session_id: &SessionId,
        email: &EmailAddress,
        language: Language,
        now: OffsetDateTime,
    ) -> Result<(), SaveReturnError> {
        let bits: [u8; 32] = rand::rng().random();
        let token = hex::encode(bits);
        let values = Personalisation::new()
            .with("form", self.form_title.as_str())
            .with("link", format!("{}{token}", self.link_base))
            .with("days", self.valid_for.whole_days().to_string())
            // The link is the council's own address, not a resident's words: it may be linked.
            .trust_markdown("link");
        let notify_language = match language {
            Language::Cy => civic_notify::Language::Welsh,
            _ => civic_notify::Language::English,
        };
        let message = EmailText::SaveAndReturn
            .template()
            .render_email(notify_language, &values, &self.branding)
            .map_err(SaveReturnError::Template)?;
        sqlx::query(
            "INSERT INTO civic_forms_return_tokens (token_hash, session_id, expires_at) \
             VALUES ($1, $2, $3)",
        )
        .bind(hash(&token))
        .bind(session_id.as_str())
        .bind((now + self.valid_for).unix_timestamp())
        .execute(&self.pool)
        .await
        .map_err(SaveReturnError::Database)?;
        let email = Outgoing::Email(OutgoingEmail {
            idempotency_key: format!("save-and-return-{}", &hash(&token)[..32]),
            to: email.clone(),
            from: self.from.clone(),
            reply_to: None,
            message,
            attachments: Vec::new(),
        });
        self.transport
            .send(&email)
            .await
            .map_err(SaveReturnError::Send)?;
        Ok(())
    }

    /// The session a link leads to, without using the link up (for the GET).
    pub async fn peek(&self, token: &str) -> Result<Option<SessionId>, SaveReturnError> {
        self.peek_at(token, OffsetDateTime::now_utc()).await
    }

    /// [`peek`](Self::peek) as if it were `now`.
    pub async fn peek_at(
        &self,
        token: &str,
        now: OffsetDateTime,
    ) -> Result<Option<SessionId>, SaveReturnError> {
        let row = sqlx::query(
            "SELECT session_id FROM civic_forms_return_tokens \
             WHERE token_hash = $1 AND expires_at > $2",
        )
        .bind(hash(token))
        .bind(now.unix_timestamp())
        .fetch_optional(&self.pool)
        .await
        .map_err(SaveReturnError::Database)?;
        Ok(row
            .and_then(|r| r.try_get::<String, _>("session_id").ok())
            .and_then(|id| SessionId::parse(&id)))
    }

    /// The session a link leads to, using the link up: a second call returns `None` (for
    /// the POST).
    pub async fn redeem(&self, token: &str) -> Result<Option<SessionId>, SaveReturnError> {
        self.redeem_at(token, OffsetDateTime::now_utc()).await
    }

    /// [`redeem`](Self::redeem) as if it were `now`.
    pub async fn redeem_at(
        &self,
        token: &str,
        now: OffsetDateTime,
    ) -> Result<Option<SessionId>, SaveReturnError> {
        // One statement, so two POSTs racing cannot both use the token.
        let row = sqlx::query(
            "DELETE FROM civic_forms_return_tokens \
             WHERE token_hash = $1 AND expires_at > $2 RETURNING session_id",
        )
        .bind(hash(token))
        .bind(now.unix_timestamp())
        .fetch_optional(&self.pool)
        .await
        .map_err(SaveReturnError::Database)?;
        Ok(row
            .and_then(|r| r.try_get::<String, _>("session_id").ok())
            .and_then(|id| SessionId::parse(&id)))
    }

    /// Deletes links expired at `now` (the retention job); returns how many.
    pub async fn delete_expired(&self, now: OffsetDateTime) -> Result<u64, SaveReturnError> {
        let result = sqlx::query("DELETE FROM civic_forms_return_tokens WHERE expires_at <= $1")
            .bind(now.unix_timestamp())
            .execute(&self.pool)
            .await
            .map_err(SaveReturnError::Database)?;
        Ok(result.rows_affected())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::SqlSessionStore;
    use civic_notify::transport::StubTransport;
    use time::macros::datetime;

    async fn service(store: SqlSessionStore) -> (SaveAndReturn, Arc<StubTransport>) {
        let transport = Arc::new(StubTransport::new());
        let service = SaveAndReturn::new(
            store.pool().clone(),
            transport.clone(),
            "Apply for a parking permit",
            "https://council.example/apply/return/",
            "Parking <parking@council.example>",
        );
        (service, transport)
    }

    fn emailed_token(transport: &StubTransport) -> String {
        let sent = transport.sent();
        let Some(Outgoing::Email(email)) = sent.last() else {
            panic!("no email sent");
        };
        let start = email
            .message
            .plain_text
            .find("https://council.example/apply/return/")
            .unwrap()
            + "https://council.example/apply/return/".len();
        let token = email.message.plain_text[start..start + 64].to_owned();
        // The link can be followed in the HTML part too.
        assert!(
            email.message.html.contains(&format!(
                "href=\"https://council.example/apply/return/{token}\""
            )),
            "{}",
            email.message.html
        );
        token
    }

    #[tokio::test]
    async fn opening_the_link_does_not_use_it_up_and_the_post_uses_it_once() {
        for store in crate::delivery::test_stores("return_once").await {
            opening_the_link_does_not_use_it_up_and_the_post_uses_it_once_on(store).await;
        }
    }

    async fn opening_the_link_does_not_use_it_up_and_the_post_uses_it_once_on(
        store: SqlSessionStore,
    ) {
        let (service, transport) = service(store).await;
        let now = datetime!(2025-06-15 12:00 UTC);
        let session = SessionId::generate();
        let email = EmailAddress::parse("resident@example.com").unwrap();
        service
            .issue_at(&session, &email, Language::En, now)
            .await
            .unwrap();
        let token = emailed_token(&transport);
        // Mail scanners and the resident may open the link any number of times.
        for _ in 0..3 {
            assert_eq!(
                service.peek_at(&token, now).await.unwrap(),
                Some(session.clone())
            );
        }
        assert_eq!(service.redeem_at(&token, now).await.unwrap(), Some(session));
        assert_eq!(service.redeem_at(&token, now).await.unwrap(), None);
        assert_eq!(service.peek_at(&token, now).await.unwrap(), None);
    }

    #[tokio::test]
    async fn two_posts_racing_use_the_link_once() {
        for store in crate::delivery::test_stores("return_race").await {
            let (service, transport) = service(store).await;
            let now = datetime!(2025-06-15 12:00 UTC);
            let email = EmailAddress::parse("resident@example.com").unwrap();
            for _ in 0..10 {
                service
                    .issue_at(&SessionId::generate(), &email, Language::En, now)
                    .await
                    .unwrap();
                let token = emailed_token(&transport);
                let (a, b) = tokio::join!(
                    service.redeem_at(&token, now),
                    service.redeem_at(&token, now)
                );
                let won = [a.unwrap(), b.unwrap()]
                    .iter()
                    .filter(|r| r.is_some())
                    .count();
                assert_eq!(won, 1);
            }
        }
    }

    #[tokio::test]
    async fn links_expire_after_the_set_time() {
        for store in crate::delivery::test_stores("return_expiry").await {
            links_expire_after_the_set_time_on(store).await;
        }
    }

    async fn links_expire_after_the_set_time_on(store: SqlSessionStore) {
        let (service, transport) = service(store).await;
        let service = service.valid_for(Duration::days(28));
        let now = datetime!(2025-06-15 12:00 UTC);
        let session = SessionId::generate();
        let email = EmailAddress::parse("resident@example.com").unwrap();
        service
            .issue_at(&session, &email, Language::Cy, now)
            .await
            .unwrap();
        let token = emailed_token(&transport);
        let Some(Outgoing::Email(sent)) = transport.sent().pop() else {
            panic!("no email");
        };
        assert!(
            sent.message.subject.starts_with("Parhau"),
            "{}",
            sent.message.subject
        );
        let almost = now + Duration::days(28) - Duration::seconds(1);
        assert_eq!(
            service.peek_at(&token, almost).await.unwrap(),
            Some(session)
        );
        let after = now + Duration::days(28);
        assert_eq!(service.peek_at(&token, after).await.unwrap(), None);
        assert_eq!(service.redeem_at(&token, after).await.unwrap(), None);
        assert_eq!(service.delete_expired(after).await.unwrap(), 1);
    }

    #[tokio::test]
    async fn unknown_tokens_lead_nowhere_and_only_hashes_are_stored() {
        for store in crate::delivery::test_stores("return_unknown").await {
            unknown_tokens_lead_nowhere_and_only_hashes_are_stored_on(store).await;
        }
    }

    async fn unknown_tokens_lead_nowhere_and_only_hashes_are_stored_on(store: SqlSessionStore) {
        let (service, transport) = service(store).await;
        let now = datetime!(2025-06-15 12:00 UTC);
        assert_eq!(service.peek_at("nonsense", now).await.unwrap(), None);
        assert_eq!(service.redeem_at(&"a".repeat(64), now).await.unwrap(), None);
        let email = EmailAddress::parse("resident@example.com").unwrap();
        service
            .issue_at(&SessionId::generate(), &email, Language::En, now)
            .await
            .unwrap();
        let token = emailed_token(&transport);
        let stored: String = sqlx::query("SELECT token_hash FROM civic_forms_return_tokens")
            .fetch_one(&service.pool)
            .await
            .unwrap()
            .get("token_hash");
        assert_ne!(stored, token);
        assert_eq!(stored, hash(&token));
    }
}
