-- The expiry sweep's index holds open sessions only. As (checkout_status, expires_at) it
-- looked selective to SQLite's planner without statistics, which then used it to answer
-- "open sessions of one organisation, newest first" (scan every open session, then sort:
-- 4.9 s with a million of them) and to find the rows the sweep updates (a scan of every open
-- session: 1.2 s holding the write lock, every minute). Keep in lockstep with
-- migrations/postgres/0002_open_expiry_partial.sql.
DROP INDEX checkouts_open_expiry;
CREATE INDEX checkouts_open_expiry ON checkouts (expires_at) WHERE checkout_status = 'open';
