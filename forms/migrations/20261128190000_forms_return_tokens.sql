-- "Save and return" links. Only a SHA-256 hash of each token is kept, so a copy of the
-- database cannot be used to open a resident's answers. Times are Unix seconds.
CREATE TABLE civic_forms_return_tokens (
    token_hash TEXT PRIMARY KEY,
    session_id TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE INDEX civic_forms_return_tokens_expires_at ON civic_forms_return_tokens (expires_at);
