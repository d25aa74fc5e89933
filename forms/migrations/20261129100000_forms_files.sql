-- Uploaded files' content, out of the session's answers (which hold each file's id, name,
-- kind, size and SHA-256). A file belongs to `session_id` until the form is sent, then to the
-- submission `reference`. `content` is base64 text: one column type that SQLite and
-- PostgreSQL both read and write alike through sqlx's Any driver. Times are Unix seconds.
CREATE TABLE civic_forms_files (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL,
    reference TEXT,
    content TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE INDEX civic_forms_files_session ON civic_forms_files (session_id);
CREATE INDEX civic_forms_files_reference ON civic_forms_files (reference);
