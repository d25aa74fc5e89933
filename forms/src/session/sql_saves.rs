//! Group commit of page saves for [`SqlSessionStore`](super::SqlSessionStore): the saves that
//! arrive while one is being written are written next, together, by one statement in one
//! transaction. Each caller is answered only once its save is committed.
//!
//! Why: every statement is a round trip to the connection's thread (sqlx runs each SQLite
//! connection on a thread of its own) and a turn at SQLite's one write lock. A busy form
//! saves on every POST; one statement per save made those hand-offs, not the work, most of
//! a POST's cost. Grouped, they are shared.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use sqlx::AnyPool;
use tokio::sync::{mpsc, oneshot};

use super::StoreError;
use super::sql::database;

/// The most saves in one statement: 6 values each stays far below SQLite's and PostgreSQL's
/// limits on bound values, and a group never holds the write lock for long.
const MOST: usize = 128;

/// One session's row, ready to write.
pub(super) struct SessionRow {
    pub(super) id: String,
    pub(super) form_id: String,
    pub(super) answers: String,
    pub(super) language: &'static str,
    pub(super) updated_at: i64,
    pub(super) expires_at: i64,
}

struct Job {
    row: SessionRow,
    done: oneshot::Sender<Result<(), StoreError>>,
}

/// Writes the saves given to it from every copy of one store, in groups, from a task
/// started on first use.
#[derive(Debug, Clone, Default)]
pub(super) struct SaveGroups {
    jobs: Arc<OnceLock<mpsc::Sender<Job>>>,
}

impl SaveGroups {
    /// Writes `row` with whatever other saves are waiting, and returns once it is committed.
    /// When the group's task is gone (its runtime ended), writes it alone.
    pub(super) async fn save(&self, pool: &AnyPool, row: SessionRow) -> Result<(), StoreError> {
        let jobs = self.jobs.get_or_init(|| {
            let (sender, receiver) = mpsc::channel(4 * MOST);
            tokio::spawn(write_groups(pool.clone(), receiver));
            sender
        });
        let (done, answer) = oneshot::channel();
        match jobs.send(Job { row, done }).await {
            Ok(()) => answer.await.unwrap_or_else(|_| {
                // The task ended with the save in hand: whether it was written is not known.
                Err(StoreError::new(
                    "the session writer stopped; try again",
                    true,
                ))
            }),
            Err(mpsc::error::SendError(job)) => upsert(pool, &[&job.row]).await,
        }
    }
}

async fn write_groups(pool: AnyPool, mut receiver: mpsc::Receiver<Job>) {
    let mut jobs = Vec::with_capacity(MOST);
    while receiver.recv_many(&mut jobs, MOST).await > 0 {
        if jobs.len() > 1 && upsert(&pool, &latest(&jobs)).await.is_ok() {
            for job in jobs.drain(..) {
                let _ = job.done.send(Ok(()));
            }
        }
        // Alone, or after the group failed: one bad save must not fail the others.
        for job in jobs.drain(..) {
            let result = upsert(&pool, &[&job.row]).await;
            let _ = job.done.send(result);
        }
    }
}

/// Each session's last save in `jobs` (in the order they came), so that a resident's two
/// quick saves leave the second, as they would one after the other; and PostgreSQL refuses
/// a statement that changes one row twice.
fn latest(jobs: &[Job]) -> Vec<&SessionRow> {
    let mut rows: Vec<&SessionRow> = Vec::with_capacity(jobs.len());
    let mut at: HashMap<&str, usize> = HashMap::with_capacity(jobs.len());
    for job in jobs {
        match at.get(job.row.id.as_str()) {
            Some(&index) => rows[index] = &job.row,
            None => {
                at.insert(&job.row.id, rows.len());
                rows.push(&job.row);
            }
        }
    }
    rows
}

/// Inserts or replaces `rows` in one statement.
async fn upsert(pool: &AnyPool, rows: &[&SessionRow]) -> Result<(), StoreError> {
    let mut sql = String::from(
        "INSERT INTO civic_forms_sessions (id, form_id, answers, language, updated_at, expires_at) VALUES ",
    );
    for index in 0..rows.len() {
        let first = index * 6 + 1;
        if index > 0 {
            sql.push(',');
        }
        sql.push('(');
        for column in 0..6 {
            if column > 0 {
                sql.push(',');
            }
            sql.push('$');
            sql.push_str(&(first + column).to_string());
        }
        sql.push(')');
    }
    sql.push_str(
        " ON CONFLICT (id) DO UPDATE SET form_id = excluded.form_id, answers = excluded.answers, \
         language = excluded.language, updated_at = excluded.updated_at, expires_at = excluded.expires_at",
    );
    // One row's statement is kept prepared; a group's differs with its size and is not, so
    // it never pushes the store's other statements out of the connection's cache.
    let mut query = sqlx::query(&sql).persistent(rows.len() == 1);
    for row in rows {
        query = query
            .bind(row.id.as_str())
            .bind(row.form_id.as_str())
            .bind(row.answers.as_str())
            .bind(row.language)
            .bind(row.updated_at)
            .bind(row.expires_at);
    }
    query.execute(pool).await.map_err(database)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(id: &str, answers: &str) -> Job {
        Job {
            row: SessionRow {
                id: id.to_owned(),
                form_id: "f".to_owned(),
                answers: answers.to_owned(),
                language: "en",
                updated_at: 0,
                expires_at: 1,
            },
            done: oneshot::channel().0,
        }
    }

    #[test]
    fn a_group_keeps_each_sessions_last_save_in_order() {
        let jobs = [job("a", "1"), job("b", "1"), job("a", "2"), job("c", "1")];
        let rows: Vec<_> = latest(&jobs)
            .iter()
            .map(|row| (row.id.as_str(), row.answers.as_str()))
            .collect();
        assert_eq!(rows, [("a", "2"), ("b", "1"), ("c", "1")]);
    }
}
