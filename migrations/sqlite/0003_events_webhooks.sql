-- Events, webhook endpoints, deliveries and their attempts (SPEC §8), and the organisation's
-- redirect secret (SPEC §9). Keep in lockstep with migrations/postgres/0003_events_webhooks.sql.

-- The outbox: written in the same transaction as the change it reports. payload is the
-- event's whole JSON body, exactly as delivered and as GET /events/{id} shows it.
CREATE TABLE events (
    id BLOB PRIMARY KEY NOT NULL,
    organisation_id BLOB NOT NULL REFERENCES organisations(id),
    event_type TEXT NOT NULL,
    object_id BLOB NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX events_org_created ON events (organisation_id, created_at, id);
CREATE INDEX events_org_object ON events (organisation_id, object_id);
CREATE INDEX events_created ON events (created_at);

-- event_filter is enabled_events as ',type,type,' (or '*'), so that the deliveries of an event
-- are chosen by one INSERT ... SELECT inside the event's transaction.
CREATE TABLE webhook_endpoints (
    id BLOB PRIMARY KEY NOT NULL,
    organisation_id BLOB NOT NULL REFERENCES organisations(id),
    url TEXT NOT NULL,
    description TEXT,
    enabled_events TEXT NOT NULL,
    event_filter TEXT NOT NULL,
    status TEXT NOT NULL,
    disabled_reason TEXT,
    secret TEXT NOT NULL,
    previous_secret TEXT,
    previous_secret_expires_at TEXT,
    failing_since TEXT,
    -- After a failed attempt, the endpoint's other deliveries wait until then: a receiver
    -- that is down gets a few probes a second, not the whole backlog at once.
    paused_until TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX webhook_endpoints_org ON webhook_endpoints (organisation_id, created_at, id);

-- One row per (event, endpoint) sent, and one more per resend. A worker claims a due row by
-- writing its lease (token and expiry); the attempt's result is recorded only under that token.
CREATE TABLE webhook_deliveries (
    id BLOB PRIMARY KEY NOT NULL,
    organisation_id BLOB NOT NULL REFERENCES organisations(id),
    event_id BLOB NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    endpoint_id BLOB NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    attempt_count INTEGER NOT NULL,
    next_attempt_at TEXT,
    lease_token BLOB,
    lease_expires_at TEXT,
    last_status_code INTEGER,
    last_error TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_event ON webhook_deliveries (event_id);
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id);

CREATE TABLE webhook_attempts (
    id BLOB PRIMARY KEY NOT NULL,
    delivery_id BLOB NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
    attempt_number INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    duration_ms INTEGER NOT NULL,
    status_code INTEGER,
    error TEXT,
    next_attempt_at TEXT
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, attempt_number);

-- Existing organisations get a random secret of the same form as new ones (rsec_ + 64 hex).
ALTER TABLE organisations ADD COLUMN redirect_secret TEXT NOT NULL DEFAULT '';
UPDATE organisations SET redirect_secret = 'rsec_' || lower(hex(randomblob(32)));
