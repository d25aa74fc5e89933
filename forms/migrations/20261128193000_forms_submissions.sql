-- Finished forms, stored before any handler runs so a failed delivery can be retried, and
-- each handler's delivery of each submission. Times are Unix seconds.
CREATE TABLE civic_forms_submissions (
    reference TEXT PRIMARY KEY,
    form_id TEXT NOT NULL,
    submission TEXT NOT NULL,
    submitted_at BIGINT NOT NULL
);

CREATE INDEX civic_forms_submissions_form ON civic_forms_submissions (form_id, submitted_at);

CREATE TABLE civic_forms_deliveries (
    reference TEXT NOT NULL,
    handler TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts BIGINT NOT NULL,
    next_attempt_at BIGINT,
    last_error TEXT,
    PRIMARY KEY (reference, handler)
);

CREATE INDEX civic_forms_deliveries_due ON civic_forms_deliveries (status, next_attempt_at);
