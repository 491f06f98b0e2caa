-- Merchant console users (issue 18, SPEC §13). Passwords are Argon2id PHC strings.
-- Keep in lockstep with migrations/sqlite/0011_console_users.sql.
CREATE TABLE console_users (
    id UUID PRIMARY KEY NOT NULL,
    organisation_id UUID NOT NULL REFERENCES organisations(id),
    email TEXT NOT NULL,
    -- The address as it is matched (lower case): one user per address.
    email_key TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    -- A one-time password (from `user create`) must be changed at the first sign-in.
    password_temporary BOOLEAN NOT NULL,
    -- Bumped on every password change: console sessions signed in before it end.
    credentials_version BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX console_users_org ON console_users (organisation_id);
