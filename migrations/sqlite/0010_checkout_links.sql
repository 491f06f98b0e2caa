-- Checkout links (issue 18, SPEC §13): reusable links that make a guest session per visit,
-- and the link each session came from.
-- Keep in lockstep with migrations/postgres/0010_checkout_links.sql.
CREATE TABLE checkout_links (
    id BLOB PRIMARY KEY NOT NULL,
    organisation_id BLOB NOT NULL REFERENCES organisations(id),
    -- The link's public part (/l/{slug}): 16 random bytes, unpadded base64url.
    slug TEXT NOT NULL UNIQUE,
    active INTEGER NOT NULL,
    plan_id BLOB NOT NULL REFERENCES plans(id),
    -- JSON lists, as on checkouts.
    plan_options TEXT NOT NULL,
    product_overrides TEXT NOT NULL,
    allow_promotion_codes INTEGER NOT NULL,
    business_entity_id BLOB NOT NULL REFERENCES business_entities(id),
    success_url TEXT,
    cancel_url TEXT,
    locale TEXT NOT NULL,
    metadata TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX checkout_links_org_created ON checkout_links (organisation_id, created_at, id);

ALTER TABLE checkouts ADD COLUMN checkout_link_id BLOB REFERENCES checkout_links(id);
-- A link's sessions and conversion (the console); most sessions have no link.
CREATE INDEX checkouts_link ON checkouts (checkout_link_id, created_at, id) WHERE checkout_link_id IS NOT NULL;
-- A link's counts (sessions, completed) read from the index alone, however many it opened.
CREATE INDEX checkouts_link_outcome ON checkouts (checkout_link_id, organisation_id, checkout_status) WHERE checkout_link_id IS NOT NULL;
