-- The console overview's figures (sessions by day created and outcome, SPEC §13) kept as
-- counts, so that the overview reads at most a few hundred rows however many sessions are
-- stored: counting the last 30 days of checkouts took over 5 s with a million sessions.
-- SQLite has one writer, so its triggers keep the counts themselves; PostgreSQL's triggers
-- append changes that the sweeper folds in (checkout_outcome_changes stays empty here).
-- Keep in lockstep with migrations/postgres/0012_checkout_outcome_counts.sql.
CREATE TABLE checkout_outcome_counts (
    organisation_id BLOB NOT NULL,
    day DATE NOT NULL,
    checkout_status TEXT NOT NULL,
    sessions INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, day, checkout_status)
);

CREATE TABLE checkout_outcome_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BLOB NOT NULL,
    day DATE NOT NULL,
    checkout_status TEXT NOT NULL,
    sessions INTEGER NOT NULL
);
CREATE INDEX checkout_outcome_changes_org ON checkout_outcome_changes (organisation_id, day);

-- Previews are never counted; a session's organisation, creation time and preview flag
-- never change; sessions are never deleted.
CREATE TRIGGER checkouts_outcome_insert AFTER INSERT ON checkouts WHEN NEW.preview = 0
BEGIN
    INSERT INTO checkout_outcome_counts (organisation_id, day, checkout_status, sessions)
    VALUES (NEW.organisation_id, substr(NEW.created_at, 1, 10), NEW.checkout_status, 1)
    ON CONFLICT (organisation_id, day, checkout_status) DO UPDATE SET sessions = sessions + 1;
END;

CREATE TRIGGER checkouts_outcome_update AFTER UPDATE OF checkout_status ON checkouts
WHEN NEW.preview = 0 AND NEW.checkout_status <> OLD.checkout_status
BEGIN
    UPDATE checkout_outcome_counts SET sessions = sessions - 1
    WHERE organisation_id = OLD.organisation_id AND day = substr(OLD.created_at, 1, 10)
        AND checkout_status = OLD.checkout_status;
    INSERT INTO checkout_outcome_counts (organisation_id, day, checkout_status, sessions)
    VALUES (NEW.organisation_id, substr(NEW.created_at, 1, 10), NEW.checkout_status, 1)
    ON CONFLICT (organisation_id, day, checkout_status) DO UPDATE SET sessions = sessions + 1;
END;

INSERT INTO checkout_outcome_counts (organisation_id, day, checkout_status, sessions)
SELECT organisation_id, substr(created_at, 1, 10), checkout_status, COUNT(*)
FROM checkouts WHERE preview = 0 GROUP BY 1, 2, 3;
