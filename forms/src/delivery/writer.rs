//! Group commit for [`Deliveries`](super::Deliveries): the writes of submissions made at the
//! same time (each submission with its pending deliveries, then the deliveries' outcomes) are
//! committed together, one wait on the disk for all of them, as a database does with its own
//! log. Each caller is answered only once its writes are committed, so nothing is acknowledged
//! before it is durable.
//!
//! Why: SQLite has one writer and each fully durable commit waits on the disk (a few
//! milliseconds on a shared disk), so one commit per submission caps a service at a few
//! hundred submissions a second whatever the CPU; grouped, the cap is the CPU's.

use std::sync::{Arc, OnceLock};

use sqlx::AnyPool;
use tokio::sync::{mpsc, oneshot};

use super::DeliveryError;
use super::store::database;

/// The most writes in one transaction: enough to cover a burst, small enough that a
/// transaction never holds SQLite's one writer for long.
const MOST: usize = 256;

/// One caller's writes, made by [`Write::apply`] within a transaction.
#[async_trait::async_trait]
pub(super) trait Write: Send + Sync + 'static {
    /// Makes the writes on `connection` (inside the group's transaction).
    async fn apply(&self, connection: &mut sqlx::AnyConnection) -> Result<(), DeliveryError>;
}

struct Job {
    write: Box<dyn Write>,
    done: oneshot::Sender<Result<(), DeliveryError>>,
}

/// Commits the writes given to it from every copy of one `Deliveries` in shared
/// transactions, from a task started on first use.
#[derive(Clone, Default)]
pub(super) struct Writer {
    jobs: Arc<OnceLock<mpsc::Sender<Job>>>,
}

impl Writer {
    /// Commits `write` with whatever other writes are waiting, and returns once it is
    /// committed. When the group's task is gone (its runtime ended), commits it alone.
    pub(super) async fn commit(
        &self,
        pool: &AnyPool,
        write: Box<dyn Write>,
    ) -> Result<(), DeliveryError> {
        let jobs = self.jobs.get_or_init(|| {
            let (sender, receiver) = mpsc::channel(4 * MOST);
            tokio::spawn(commit_groups(pool.clone(), receiver));
            sender
        });
        let (done, answer) = oneshot::channel();
        match jobs.send(Job { write, done }).await {
            Ok(()) => match answer.await {
                Ok(result) => result,
                // The task ended with the write in hand: whether it was committed is not
                // known, and every write here may be made twice, so it is made again.
                Err(_) => Err(DeliveryError::retryable(
                    "the submissions writer stopped; try again",
                )),
            },
            Err(mpsc::error::SendError(job)) => commit_alone(pool, job.write.as_ref()).await,
        }
    }
}

async fn commit_alone(pool: &AnyPool, write: &dyn Write) -> Result<(), DeliveryError> {
    let mut transaction = pool.begin().await.map_err(database)?;
    write.apply(&mut transaction).await?;
    transaction.commit().await.map_err(database)
}

async fn commit_group(pool: &AnyPool, jobs: &[Job]) -> Result<(), DeliveryError> {
    let mut transaction = pool.begin().await.map_err(database)?;
    for job in jobs {
        job.write.apply(&mut transaction).await?;
    }
    transaction.commit().await.map_err(database)
}

async fn commit_groups(pool: AnyPool, mut receiver: mpsc::Receiver<Job>) {
    let mut jobs = Vec::with_capacity(MOST);
    while receiver.recv_many(&mut jobs, MOST).await > 0 {
        if jobs.len() > 1 && commit_group(&pool, &jobs).await.is_ok() {
            for job in jobs.drain(..) {
                let _ = job.done.send(Ok(()));
            }
        }
        // Alone, or after the group failed: one bad write must not fail the others.
        for job in jobs.drain(..) {
            let result = commit_alone(&pool, job.write.as_ref()).await;
            let _ = job.done.send(result);
        }
    }
}
