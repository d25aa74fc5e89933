//! A rate limit in front of any transport: Notify allows 3,000 messages a minute per key.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::{Outgoing, Receipt, SendError, Transport};

/// Sends through `inner` no faster than `per_minute` messages a minute (a token bucket that
/// allows a burst of up to a minute's worth), waiting rather than failing when the limit is
/// reached, so the receiver never answers "429 too many requests".
#[derive(Debug)]
pub struct RateLimited<T> {
    inner: T,
    per_minute: u32,
    bucket: Mutex<(f64, Instant)>,
}

impl<T> RateLimited<T> {
    /// `inner`, limited to `per_minute` messages a minute (at least one).
    pub fn new(inner: T, per_minute: u32) -> RateLimited<T> {
        let per_minute = per_minute.max(1);
        RateLimited {
            inner,
            per_minute,
            bucket: Mutex::new((f64::from(per_minute), Instant::now())),
        }
    }

    /// The wait before a message may go, taking its place if it may go now.
    fn reserve(&self) -> Duration {
        let rate_per_second = f64::from(self.per_minute) / 60.0;
        let capacity = f64::from(self.per_minute);
        let mut bucket = self
            .bucket
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let (tokens, last) = *bucket;
        let now = Instant::now();
        let tokens =
            (tokens + now.duration_since(last).as_secs_f64() * rate_per_second).min(capacity);
        if tokens >= 1.0 {
            *bucket = (tokens - 1.0, now);
            Duration::ZERO
        } else {
            *bucket = (tokens, now);
            Duration::from_secs_f64((1.0 - tokens) / rate_per_second)
        }
    }
}

#[async_trait::async_trait]
impl<T: Transport> Transport for RateLimited<T> {
    async fn send(&self, message: &Outgoing) -> Result<Receipt, SendError> {
        loop {
            let wait = self.reserve();
            if wait.is_zero() {
                break;
            }
            tokio::time::sleep(wait).await;
        }
        self.inner.send(message).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_minutes_burst_then_waits() {
        let limited = RateLimited::new((), 120);
        for _ in 0..120 {
            assert_eq!(limited.reserve(), Duration::ZERO);
        }
        let wait = limited.reserve();
        assert!(
            wait > Duration::from_millis(400) && wait <= Duration::from_millis(500),
            "{wait:?}"
        );
    }
}
