-- Webhook messages already processed, so a redelivered message is handled once.
CREATE TABLE IF NOT EXISTS civic_pay_webhook_messages (
    message_id TEXT PRIMARY KEY,
    received_unix BIGINT NOT NULL
);
