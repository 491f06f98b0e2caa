-- hosted-checkout schema (PostgreSQL). Keep in lockstep with migrations/sqlite/0001_initial.sql:
-- same tables, same columns. Ids are UUIDs (UUID here), money is exact decimal TEXT,
-- nested structures (plan items, pricing snapshots, estimates) are JSON TEXT.

CREATE TABLE organisations (
    id UUID PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE api_keys (
    id UUID PRIMARY KEY NOT NULL,
    organisation_id UUID NOT NULL REFERENCES organisations(id),
    key_hash TEXT NOT NULL UNIQUE,
    key_prefix TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE business_entities (
    id UUID PRIMARY KEY NOT NULL,
    organisation_id UUID NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    email TEXT,
    logo_url TEXT,
    brand_color TEXT,
    tax_rate TEXT NOT NULL,
    address TEXT,
    is_default BOOLEAN NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX business_entities_org_created ON business_entities (organisation_id, created_at, id);

CREATE TABLE customers (
    id UUID PRIMARY KEY NOT NULL,
    organisation_id UUID NOT NULL REFERENCES organisations(id),
    business_entity_id UUID NOT NULL REFERENCES business_entities(id),
    customer_name TEXT NOT NULL,
    email TEXT,
    phone_number TEXT,
    external_id TEXT,
    company_name TEXT,
    tax_id TEXT,
    address TEXT,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX customers_org_created ON customers (organisation_id, created_at, id);

CREATE TABLE products (
    id UUID PRIMARY KEY NOT NULL,
    organisation_id UUID NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    sku TEXT,
    description TEXT,
    unit_label TEXT,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX products_org_created ON products (organisation_id, created_at, id);

CREATE TABLE plans (
    id UUID PRIMARY KEY NOT NULL,
    organisation_id UUID NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    description TEXT,
    currency TEXT NOT NULL,
    billing_period TEXT NOT NULL,
    trial_period_days BIGINT NOT NULL,
    business_entity_id UUID REFERENCES business_entities(id),
    status TEXT NOT NULL,
    items TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX plans_org_created ON plans (organisation_id, created_at, id);

CREATE TABLE contracts (
    id UUID PRIMARY KEY NOT NULL,
    organisation_id UUID NOT NULL REFERENCES organisations(id),
    customer_id UUID NOT NULL REFERENCES customers(id),
    plan_id UUID NOT NULL REFERENCES plans(id),
    currency TEXT NOT NULL,
    status TEXT NOT NULL,
    start_date DATE NOT NULL,
    end_date DATE,
    billing_anchor_date DATE NOT NULL,
    items TEXT NOT NULL,
    checkout_id UUID,
    version BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX contracts_org_created ON contracts (organisation_id, created_at, id);

CREATE TABLE contract_versions (
    id UUID PRIMARY KEY NOT NULL,
    contract_id UUID NOT NULL REFERENCES contracts(id),
    organisation_id UUID NOT NULL REFERENCES organisations(id),
    version BIGINT NOT NULL,
    effective_date DATE NOT NULL,
    plan_id UUID NOT NULL REFERENCES plans(id),
    billing_anchor_date DATE NOT NULL,
    items TEXT NOT NULL,
    change_summary TEXT NOT NULL,
    checkout_id UUID,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (contract_id, version)
);

CREATE TABLE checkouts (
    id UUID PRIMARY KEY NOT NULL,
    organisation_id UUID NOT NULL REFERENCES organisations(id),
    checkout_status TEXT NOT NULL,
    checkout_type TEXT NOT NULL,
    plan_id UUID REFERENCES plans(id),
    contract_id UUID REFERENCES contracts(id),
    start_date DATE NOT NULL,
    end_date DATE,
    customer_id UUID REFERENCES customers(id),
    business_entity_id UUID NOT NULL REFERENCES business_entities(id),
    guest_checkout BOOLEAN NOT NULL,
    customer_data TEXT NOT NULL,
    estimates TEXT NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    success_url TEXT,
    cancel_url TEXT,
    product_overrides TEXT NOT NULL,
    plan_options TEXT NOT NULL,
    proration_behavior TEXT NOT NULL,
    metadata TEXT NOT NULL,
    preview BOOLEAN NOT NULL,
    cancel_reason TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    completed_at TIMESTAMPTZ
);
CREATE INDEX checkouts_org_created ON checkouts (organisation_id, created_at, id);
CREATE INDEX checkouts_open_expiry ON checkouts (checkout_status, expires_at);

CREATE TABLE idempotency_keys (
    organisation_id UUID NOT NULL REFERENCES organisations(id),
    idempotency_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    response_status BIGINT,
    response_body TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (organisation_id, idempotency_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
