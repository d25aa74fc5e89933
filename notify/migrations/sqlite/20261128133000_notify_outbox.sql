-- civic-notify's durable outbox: every message is written here before any send is tried.
CREATE TABLE IF NOT EXISTS civic_notify_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    -- Unique per message and stable across retries; passed on as Message-ID / reference.
    idempotency_key TEXT NOT NULL UNIQUE,
    -- The message as JSON. Holds personal data: emptied after the retention period.
    payload TEXT NOT NULL,
    -- queued, sending, sent or failed.
    status TEXT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    -- Unix milliseconds: not sent before this; for retries, the backoff.
    send_after BIGINT NOT NULL,
    -- Unix milliseconds a worker's claim lasts; a claim that lapses (a crashed worker) is
    -- taken again.
    claimed_until BIGINT,
    last_error TEXT,
    provider_reference TEXT,
    created_at BIGINT NOT NULL,
    finished_at BIGINT,
    purged BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS civic_notify_outbox_due ON civic_notify_outbox (status, send_after);
