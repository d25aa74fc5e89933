//! Connections to the relay, opened with `TCP_NODELAY` and kept for reuse.
//!
//! Why not lettre's own pool: lettre writes a message's body and its closing `.` line in two
//! writes, on a socket it opens with Nagle's algorithm on. The 5-byte closing line then waits
//! until the relay acknowledges the body, and the relay, with nothing to answer before that
//! line arrives, delays its acknowledgement (40 ms on Linux): every message cost 40 ms. lettre
//! 0.11's pool cannot be given a socket, so this pool opens the socket itself and hands it to
//! lettre's connection (`AsyncSmtpConnection::connect_with_transport`), which speaks SMTP on it.

use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use lettre::address::Envelope;
use lettre::transport::smtp::authentication::{Credentials, DEFAULT_MECHANISMS};
use lettre::transport::smtp::client::{AsyncSmtpConnection, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use lettre::transport::smtp::response::Response;
use tokio::net::TcpStream;

use super::{SmtpConfig, SmtpSecurity, error};
use crate::transport::SendError;

/// How long opening a connection may take (lettre's default).
const CONNECT_TIMEOUT: Duration = Duration::from_secs(60);
/// An idle connection older than this is closed rather than reused: relays drop idle clients
/// (Postfix after 300 s), and lettre's pool uses the same limit.
const IDLE_LIMIT: Duration = Duration::from_secs(60);
/// Idle connections kept at most (lettre's default); more may be open while sends overlap.
const MAX_IDLE: usize = 10;

struct Parked {
    connection: AsyncSmtpConnection,
    since: Instant,
}

/// Open connections to one relay, each used by one send at a time.
pub(super) struct Pool {
    host: String,
    port: u16,
    security: SmtpSecurity,
    tls: Option<TlsParameters>,
    credentials: Option<Credentials>,
    hello: ClientId,
    idle: Mutex<Vec<Parked>>,
}

impl Pool {
    /// A pool for `config`'s relay; no connection is opened yet.
    pub(super) fn new(config: &SmtpConfig) -> Result<Pool, SendError> {
        let tls = match config.security {
            SmtpSecurity::None => None,
            SmtpSecurity::StartTls | SmtpSecurity::Tls => {
                Some(TlsParameters::new(config.host.clone()).map_err(error::from_smtp)?)
            }
        };
        Ok(Pool {
            host: config.host.clone(),
            port: config.port,
            security: config.security,
            tls,
            credentials: config
                .credentials
                .as_ref()
                .map(|(user, password)| Credentials::new(user.clone(), password.clone())),
            hello: ClientId::default(),
            idle: Mutex::new(Vec::new()),
        })
    }

    /// Sends one message on a pooled connection (or a new one), then parks the connection
    /// again unless the send broke it.
    pub(super) async fn send(
        &self,
        envelope: &Envelope,
        email: &[u8],
    ) -> Result<Response, SendError> {
        let mut connection = self.checkout().await?;
        let result = connection.send(envelope, email).await;
        // lettre closes the connection on any failure; a connection that answered stays.
        if !connection.has_broken() {
            self.park(connection);
        }
        result.map_err(error::from_smtp)
    }

    /// An idle connection that still answers `NOOP` (as lettre's pool checks), or a new one.
    async fn checkout(&self) -> Result<AsyncSmtpConnection, SendError> {
        loop {
            let parked = self
                .idle
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .pop();
            let Some(Parked {
                mut connection,
                since,
            }) = parked
            else {
                return self.connect().await;
            };
            if since.elapsed() < IDLE_LIMIT && connection.test_connected().await {
                return Ok(connection);
            }
            connection.abort().await;
        }
    }

    fn park(&self, connection: AsyncSmtpConnection) {
        let mut idle = self.idle.lock().unwrap_or_else(PoisonError::into_inner);
        // Past the limit the connection is dropped: closing the socket without QUIT is
        // allowed, and this runs outside any async context that could await one.
        if idle.len() < MAX_IDLE {
            idle.push(Parked {
                connection,
                since: Instant::now(),
            });
        }
    }

    async fn connect(&self) -> Result<AsyncSmtpConnection, SendError> {
        let mut connection = match self.security {
            // TLS from the first byte: lettre must open the socket to wrap it, so Nagle stays
            // on for port 465 (see the crate README).
            SmtpSecurity::Tls => AsyncSmtpConnection::connect_tokio1(
                (self.host.as_str(), self.port),
                Some(CONNECT_TIMEOUT),
                &self.hello,
                self.tls.clone(),
                None,
            )
            .await
            .map_err(error::from_smtp)?,
            _ => {
                let stream = tokio::time::timeout(
                    CONNECT_TIMEOUT,
                    TcpStream::connect((self.host.as_str(), self.port)),
                )
                .await
                .map_err(|_| SendError::transient("SMTP: connection timed out"))?
                .map_err(|e| SendError::transient(format!("SMTP: connection: {e}")))?;
                // Commands and the message's closing line go out at once (see the module doc).
                stream
                    .set_nodelay(true)
                    .map_err(|e| SendError::transient(format!("SMTP: connection: {e}")))?;
                let mut connection =
                    AsyncSmtpConnection::connect_with_transport(Box::new(stream), &self.hello)
                        .await
                        .map_err(error::from_smtp)?;
                if let (SmtpSecurity::StartTls, Some(tls)) = (&self.security, &self.tls) {
                    // STARTTLS is required, as lettre's `starttls_relay` requires it: a relay
                    // that does not offer it is refused rather than sent to in clear.
                    connection
                        .starttls(tls.clone(), &self.hello)
                        .await
                        .map_err(error::from_smtp)?;
                }
                connection
            }
        };
        if let Some(credentials) = &self.credentials {
            connection
                .auth(DEFAULT_MECHANISMS, credentials)
                .await
                .map_err(error::from_smtp)?;
        }
        Ok(connection)
    }
}
