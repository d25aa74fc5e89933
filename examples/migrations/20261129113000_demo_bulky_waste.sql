-- Bulky waste collections (the demo's own tables; SQLite and PostgreSQL alike). Dates are
-- ISO text (YYYY-MM-DD), which sorts as dates do; times are Unix seconds.

-- The days of the week the crews collect (ISO: 1 is Monday) and how many collections each
-- such date takes. A hold first bumps `claims` on its weekday's row: that write is the lock
-- that lets one resident at a time take the last slot (a row lock on PostgreSQL, the one
-- writer on SQLite).
CREATE TABLE demo_bulky_collection_days (
    weekday BIGINT PRIMARY KEY,
    slots BIGINT NOT NULL,
    claims BIGINT NOT NULL DEFAULT 0
);

INSERT INTO demo_bulky_collection_days (weekday, slots) VALUES (2, 3);
INSERT INTO demo_bulky_collection_days (weekday, slots) VALUES (5, 3);

-- One row per booking, by the submission's reference: `held` while the resident pays (until
-- `held_until`), `confirmed` once paid, `released` when the payment failed or the hold
-- lapsed. A date is full when its confirmed bookings and unexpired holds fill its slots.
CREATE TABLE demo_bulky_bookings (
    reference TEXT PRIMARY KEY,
    collection_date TEXT NOT NULL,
    status TEXT NOT NULL,
    held_until BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE INDEX demo_bulky_bookings_by_date ON demo_bulky_bookings (collection_date, status);
