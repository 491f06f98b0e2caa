-- GET /checkouts filtered by customer, status or type, fast whatever the match count (issue 15,
-- SPEC §14: ≤ 20 ms p50 with 1,000,000 sessions). Each index is the filter's column between the
-- organisation and the list's order (created_at DESC, id DESC), so a filtered page is a seek and
-- at most limit + 1 index steps, even when nothing matches (a walk of checkouts_org_created
-- took 0.3–5 s then). Expired sessions not yet swept are found by checkouts_open_expiry.
-- Keep in lockstep with migrations/sqlite/0006_checkout_list_indexes.sql.
CREATE INDEX checkouts_org_customer ON checkouts (organisation_id, customer_id, created_at, id);
CREATE INDEX checkouts_org_status ON checkouts (organisation_id, checkout_status, created_at, id);
CREATE INDEX checkouts_org_type ON checkouts (organisation_id, checkout_type, created_at, id);
