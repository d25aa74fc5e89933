-- Submissions stored but not delivered until their payment succeeds. The payment's order id
-- is the submission's reference. Times are Unix seconds.
CREATE TABLE civic_forms_awaiting_payment (
    reference TEXT PRIMARY KEY,
    held_at BIGINT NOT NULL
);
