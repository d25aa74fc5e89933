//! The collection slots: which dates have space left, holding one while a resident pays,
//! releasing it when they do not, confirming it when they do. Kept in the demo's database
//! (SQLite or PostgreSQL), so several instances share them.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use civic_forms::answers::AnswerValue;
use civic_forms::definition::{Choice, Text};
use civic_forms::delivery::Submission;
use civic_forms::http::{ChoiceError, ChoiceSource, HoldError, PaymentHooks};
use civic_forms::messages::MONTHS;
use sqlx::{AnyPool, Row};
use time::{Date, Month, OffsetDateTime, Weekday};

use super::DATE;
use crate::Clock;

/// How far ahead dates are offered, in days (from tomorrow).
const DAYS_AHEAD: i64 = 28;

/// How long a slot is held while the resident pays: as long as a GOV.UK Pay payment lasts,
/// so a hold never lapses while its payment could still succeed.
const HOLD: time::Duration = time::Duration::minutes(90);

/// The collection slots in the demo's database.
pub(crate) struct Slots {
    pool: AnyPool,
    clock: Clock,
}

/// A date as it is stored and offered: `2026-12-01`.
fn iso(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// The date an offered value names, if it names one.
pub(crate) fn parse_iso(value: &str) -> Option<Date> {
    let mut parts = value.splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()
}

/// A date as residents read it, in English and Welsh: "Tuesday 1 December 2026".
pub(crate) fn label(date: Date) -> Text {
    let (en_day, cy_day) = match date.weekday() {
        Weekday::Monday => ("Monday", "Dydd Llun"),
        Weekday::Tuesday => ("Tuesday", "Dydd Mawrth"),
        Weekday::Wednesday => ("Wednesday", "Dydd Mercher"),
        Weekday::Thursday => ("Thursday", "Dydd Iau"),
        Weekday::Friday => ("Friday", "Dydd Gwener"),
        Weekday::Saturday => ("Saturday", "Dydd Sadwrn"),
        Weekday::Sunday => ("Sunday", "Dydd Sul"),
    };
    let (en_month, cy_month) = MONTHS[usize::from(u8::from(date.month())) - 1];
    let (day, year) = (date.day(), date.year());
    Text::bilingual(
        format!("{en_day} {day} {en_month} {year}"),
        format!("{cy_day} {day} {cy_month} {year}"),
    )
}

impl Slots {
    /// The slots on `pool`, with the demo's bulky waste tables created or brought up to date.
    pub(crate) async fn open(pool: AnyPool, clock: Clock) -> Result<Slots, sqlx::Error> {
        let mut migrator = sqlx::migrate!("./migrations");
        // The other crates keep their own migrations in the same database.
        migrator.set_ignore_missing(true);
        migrator.run(&pool).await?;
        Ok(Slots { pool, clock })
    }

    /// The collection days of the week (ISO numbers, Monday 1) and their slots.
    async fn days(&self) -> Result<BTreeMap<u8, i64>, sqlx::Error> {
        let rows = sqlx::query("SELECT weekday, slots FROM demo_bulky_collection_days")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| {
                let weekday: i64 = row.try_get(0)?;
                Ok((u8::try_from(weekday).unwrap_or(0), row.try_get(1)?))
            })
            .collect()
    }

    /// The dates from tomorrow to four weeks ahead that the crews collect on and that have
    /// space left at `now`.
    pub(crate) async fn open_dates(&self, now: OffsetDateTime) -> Result<Vec<Date>, sqlx::Error> {
        let days = self.days().await?;
        let first = now.date() + time::Duration::days(1);
        let last = now.date() + time::Duration::days(DAYS_AHEAD);
        let rows = sqlx::query(
            "SELECT collection_date, COUNT(*) FROM demo_bulky_bookings \
             WHERE collection_date >= $1 AND collection_date <= $2 \
             AND (status = 'confirmed' OR (status = 'held' AND held_until > $3)) \
             GROUP BY collection_date",
        )
        .bind(iso(first))
        .bind(iso(last))
        .bind(now.unix_timestamp())
        .fetch_all(&self.pool)
        .await?;
        let mut taken = BTreeMap::new();
        for row in &rows {
            let date: String = row.try_get(0)?;
            let count: i64 = row.try_get(1)?;
            taken.insert(date, count);
        }
        let mut open = Vec::new();
        let mut date = first;
        loop {
            if let Some(slots) = days.get(&date.weekday().number_from_monday())
                && taken.get(&iso(date)).copied().unwrap_or(0) < *slots
            {
                open.push(date);
            }
            match date.next_day() {
                Some(next) if next <= last => date = next,
                _ => break,
            }
        }
        Ok(open)
    }

    /// Holds a slot on `date` for the booking `reference` until its payment could have
    /// lapsed; `false` when the date is full (or is not one offered). One resident at a time
    /// takes a weekday's slots: the first write locks its row.
    pub(crate) async fn hold(
        &self,
        reference: &str,
        date: Date,
        now: OffsetDateTime,
    ) -> Result<bool, sqlx::Error> {
        let first = now.date() + time::Duration::days(1);
        let last = now.date() + time::Duration::days(DAYS_AHEAD);
        if date < first || date > last {
            return Ok(false);
        }
        let weekday = i64::from(date.weekday().number_from_monday());
        let mut transaction = self.pool.begin().await?;
        let locked = sqlx::query(
            "UPDATE demo_bulky_collection_days SET claims = claims + 1 WHERE weekday = $1",
        )
        .bind(weekday)
        .execute(&mut *transaction)
        .await?;
        if locked.rows_affected() != 1 {
            return Ok(false);
        }
        let row = sqlx::query(
            "SELECT (SELECT slots FROM demo_bulky_collection_days WHERE weekday = $1), \
             (SELECT COUNT(*) FROM demo_bulky_bookings WHERE collection_date = $2 \
              AND reference <> $3 \
              AND (status = 'confirmed' OR (status = 'held' AND held_until > $4)))",
        )
        .bind(weekday)
        .bind(iso(date))
        .bind(reference)
        .bind(now.unix_timestamp())
        .fetch_one(&mut *transaction)
        .await?;
        let (slots, taken): (i64, i64) = (row.try_get(0)?, row.try_get(1)?);
        if taken >= slots {
            return Ok(false);
        }
        // A second try for the same booking ("Try paying again") holds afresh.
        sqlx::query(
            "INSERT INTO demo_bulky_bookings (reference, collection_date, status, held_until, updated_at) \
             VALUES ($1, $2, 'held', $3, $4) \
             ON CONFLICT (reference) DO UPDATE SET collection_date = excluded.collection_date, \
             status = 'held', held_until = excluded.held_until, updated_at = excluded.updated_at",
        )
        .bind(reference)
        .bind(iso(date))
        .bind((now + HOLD).unix_timestamp())
        .bind(now.unix_timestamp())
        .execute(&mut *transaction)
        .await?;
        transaction.commit().await?;
        Ok(true)
    }

    /// Releases the slot held for `reference` (its payment failed, was cancelled or
    /// expired); a booking already confirmed or released is left alone.
    pub(crate) async fn release(
        &self,
        reference: &str,
        now: OffsetDateTime,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "UPDATE demo_bulky_bookings SET status = 'released', updated_at = $2 \
             WHERE reference = $1 AND status = 'held'",
        )
        .bind(reference)
        .bind(now.unix_timestamp())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Confirms the booking `reference` once paid. `false` when its hold had already lapsed
    /// or been released: the resident has paid, so the booking stands, but the date may now
    /// hold one more collection than its slots.
    pub(crate) async fn confirm(
        &self,
        reference: &str,
        now: OffsetDateTime,
    ) -> Result<bool, sqlx::Error> {
        let row =
            sqlx::query("SELECT status, held_until FROM demo_bulky_bookings WHERE reference = $1")
                .bind(reference)
                .fetch_optional(&self.pool)
                .await?;
        let was_held = match &row {
            Some(row) => {
                let status: String = row.try_get(0)?;
                let until: i64 = row.try_get(1)?;
                status == "confirmed" || (status == "held" && until > now.unix_timestamp())
            }
            None => false,
        };
        sqlx::query(
            "UPDATE demo_bulky_bookings SET status = 'confirmed', updated_at = $2 \
             WHERE reference = $1",
        )
        .bind(reference)
        .bind(now.unix_timestamp())
        .execute(&self.pool)
        .await?;
        Ok(was_held)
    }

    /// Marks holds whose time has passed as released; returns how many. Dates are offered
    /// again as soon as a hold lapses whether or not this has run: it keeps the table honest
    /// for the staff who read it.
    pub(crate) async fn release_lapsed(&self, now: OffsetDateTime) -> Result<u64, sqlx::Error> {
        let released = sqlx::query(
            "UPDATE demo_bulky_bookings SET status = 'released', updated_at = $1 \
             WHERE status = 'held' AND held_until <= $1",
        )
        .bind(now.unix_timestamp())
        .execute(&self.pool)
        .await?;
        Ok(released.rows_affected())
    }

    /// Runs [`Slots::release_lapsed`] every minute.
    pub(crate) fn tidy_every_minute(self: &Arc<Self>) {
        let slots = Arc::clone(self);
        tokio::spawn(async move {
            let mut every = tokio::time::interval(Duration::from_secs(60));
            loop {
                every.tick().await;
                if let Err(error) = slots.release_lapsed((slots.clock)()).await {
                    tracing::warn!(%error, "lapsed bulky waste holds could not be released");
                }
            }
        });
    }
}

#[async_trait::async_trait]
impl ChoiceSource for Slots {
    async fn choices(&self, now: OffsetDateTime) -> Result<Vec<Choice>, ChoiceError> {
        let dates = self.open_dates(now).await.map_err(|e| {
            ChoiceError::retryable("the open collection dates could not be read").with_source(e)
        })?;
        Ok(dates
            .into_iter()
            .map(|date| Choice::new(iso(date), label(date)))
            .collect())
    }

    fn label(&self, value: &str) -> Option<Text> {
        parse_iso(value).map(label)
    }
}

#[async_trait::async_trait]
impl PaymentHooks for Slots {
    async fn started(&self, submission: &Submission, now: OffsetDateTime) -> Result<(), HoldError> {
        let gone = || HoldError::Gone {
            question: DATE.to_owned(),
        };
        let date = match submission.answers.values.get(DATE) {
            Some(AnswerValue::Choice(value)) => parse_iso(value).ok_or_else(gone)?,
            _ => return Err(gone()),
        };
        match self.hold(&submission.reference, date, now).await {
            Ok(true) => Ok(()),
            Ok(false) => Err(gone()),
            Err(error) => Err(HoldError::Failed(error.to_string())),
        }
    }

    async fn not_paid(&self, reference: &str, now: OffsetDateTime) -> Result<(), HoldError> {
        self.release(reference, now)
            .await
            .map_err(|error| HoldError::Failed(error.to_string()))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    #[test]
    fn dates_are_offered_and_read_back_as_iso() {
        let date = date!(2026 - 12 - 01);
        assert_eq!(iso(date), "2026-12-01");
        assert_eq!(parse_iso("2026-12-01"), Some(date));
        assert_eq!(parse_iso("2026-02-30"), None);
        assert_eq!(label(date).english(), "Tuesday 1 December 2026");
        assert_eq!(
            label(date).in_language(civic_forms::definition::Language::Cy),
            "Dydd Mawrth 1 Rhagfyr 2026"
        );
    }

    proptest! {
        #[test]
        fn any_text_is_a_date_or_nothing(text in ".*") {
            if let Some(date) = parse_iso(&text) {
                prop_assert_eq!(parse_iso(&iso(date)), Some(date));
            }
        }
    }
}
