-- The sandbox provider's payments, each stored whole as JSON with a version for optimistic
-- locking, so several instances on one PostgreSQL database act on one state.
CREATE TABLE IF NOT EXISTS civic_pay_sandbox_payments (
    payment_id TEXT PRIMARY KEY,
    idempotency_key TEXT UNIQUE,
    version BIGINT NOT NULL,
    record TEXT NOT NULL
);
