-- The service's own record of each payment attempt, saved before the provider is called.
-- At most one unfinished attempt per order: a double click, a retry or a crash cannot start
-- a second payment for the same order.
CREATE TABLE IF NOT EXISTS civic_pay_payment_records (
    return_token TEXT PRIMARY KEY,
    order_id TEXT NOT NULL,
    payment_id TEXT UNIQUE,
    finished BIGINT NOT NULL,
    succeeded BIGINT NOT NULL,
    created_unix BIGINT NOT NULL,
    record TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS civic_pay_one_unfinished_payment_per_order
    ON civic_pay_payment_records (order_id) WHERE finished = 0;
CREATE INDEX IF NOT EXISTS civic_pay_payment_records_by_order
    ON civic_pay_payment_records (order_id);
