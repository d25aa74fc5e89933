-- Unfinished answers, one row per resident's session. Written for both SQLite and PostgreSQL.
-- `answers` is JSON; times are Unix seconds, so expiry is one indexed comparison.
CREATE TABLE civic_forms_sessions (
    id TEXT PRIMARY KEY,
    form_id TEXT NOT NULL,
    answers TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE INDEX civic_forms_sessions_expires_at ON civic_forms_sessions (expires_at);
