-- The console overview's figures (sessions by day created and outcome, SPEC §13) kept as
-- counts, so that the overview reads at most a few hundred rows however many sessions are
-- stored: counting the last 30 days of checkouts took over 5 s with a million sessions.
-- Writers only append to checkout_outcome_changes (no row that concurrent creates and
-- confirms would queue on); the sweeper folds the changes into checkout_outcome_counts, and
-- the overview reads both in one statement.
-- Keep in lockstep with migrations/sqlite/0012_checkout_outcome_counts.sql.
CREATE TABLE checkout_outcome_counts (
    organisation_id UUID NOT NULL,
    day DATE NOT NULL,
    checkout_status TEXT NOT NULL,
    sessions BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, day, checkout_status)
);

CREATE TABLE checkout_outcome_changes (
    id BIGSERIAL PRIMARY KEY,
    organisation_id UUID NOT NULL,
    day DATE NOT NULL,
    checkout_status TEXT NOT NULL,
    sessions BIGINT NOT NULL
);
CREATE INDEX checkout_outcome_changes_org ON checkout_outcome_changes (organisation_id, day);

-- Previews are never counted; a session's organisation, creation time and preview flag
-- never change; sessions are never deleted. One change row per INSERT statement and
-- outcome (a group commit of 64 sessions appends one).
CREATE FUNCTION checkout_outcomes_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO checkout_outcome_changes (organisation_id, day, checkout_status, sessions)
    SELECT organisation_id, (created_at AT TIME ZONE 'UTC')::date, checkout_status, COUNT(*)
    FROM inserted WHERE NOT preview GROUP BY 1, 2, 3;
    RETURN NULL;
END $$;

CREATE TRIGGER checkouts_outcome_insert AFTER INSERT ON checkouts
REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT
EXECUTE FUNCTION checkout_outcomes_inserted();

CREATE FUNCTION checkout_outcome_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO checkout_outcome_changes (organisation_id, day, checkout_status, sessions)
    VALUES
        (OLD.organisation_id, (OLD.created_at AT TIME ZONE 'UTC')::date, OLD.checkout_status, -1),
        (NEW.organisation_id, (NEW.created_at AT TIME ZONE 'UTC')::date, NEW.checkout_status, 1);
    RETURN NULL;
END $$;

-- Only a change of outcome calls the function (edits and re-quotes do not).
CREATE TRIGGER checkouts_outcome_update AFTER UPDATE OF checkout_status ON checkouts
FOR EACH ROW WHEN (NOT NEW.preview AND NEW.checkout_status IS DISTINCT FROM OLD.checkout_status)
EXECUTE FUNCTION checkout_outcome_moved();

INSERT INTO checkout_outcome_counts (organisation_id, day, checkout_status, sessions)
SELECT organisation_id, (created_at AT TIME ZONE 'UTC')::date, checkout_status, COUNT(*)
FROM checkouts WHERE NOT preview GROUP BY 1, 2, 3;
