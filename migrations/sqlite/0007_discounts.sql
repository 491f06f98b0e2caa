-- Discounts (issue 16, SPEC §10): coupons, the promotion codes that redeem them, the discount
-- a session asks for and the one a contract holds.
-- Keep in lockstep with migrations/postgres/0007_discounts.sql.
CREATE TABLE coupons (
    id BLOB PRIMARY KEY NOT NULL,
    organisation_id BLOB NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    -- JSON: {"type": "percent_off", "percent": ..} | {"type": "amount_off", "amount": .., "currency": ..}
    value TEXT NOT NULL,
    -- JSON: {"duration": "once" | "forever"} | {"duration": "repeating", "periods": n}
    duration TEXT NOT NULL,
    max_redemptions INTEGER,
    redeem_by TEXT,
    -- JSON list of product ids; NULL: every product.
    applies_to TEXT,
    times_redeemed INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL,
    metadata TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX coupons_org_created ON coupons (organisation_id, created_at, id);

CREATE TABLE promotion_codes (
    id BLOB PRIMARY KEY NOT NULL,
    organisation_id BLOB NOT NULL REFERENCES organisations(id),
    coupon_id BLOB NOT NULL REFERENCES coupons(id),
    code TEXT NOT NULL,
    -- The code as it is matched (upper case): unique among the organisation's active codes.
    code_key TEXT NOT NULL,
    active INTEGER NOT NULL,
    max_redemptions INTEGER,
    expires_at TEXT,
    -- JSON: first_time_transaction, minimum_amount, minimum_amount_currency.
    restrictions TEXT NOT NULL,
    times_redeemed INTEGER NOT NULL DEFAULT 0,
    metadata TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX promotion_codes_org_created ON promotion_codes (organisation_id, created_at, id);
CREATE UNIQUE INDEX promotion_codes_active_code ON promotion_codes (organisation_id, code_key) WHERE active = 1;

-- JSON {coupon_id, promotion_code_id}: what the session redeems; NULL: nothing.
ALTER TABLE checkouts ADD COLUMN discount TEXT;
ALTER TABLE checkouts ADD COLUMN allow_promotion_codes INTEGER NOT NULL DEFAULT 0;
-- JSON AppliedDiscount: the discount the contract holds and the days it covers; NULL: none.
ALTER TABLE contracts ADD COLUMN discount TEXT;
