-- Several API keys per organisation, each named, with its last use and its revocation
-- (issue 15). Keep in lockstep with migrations/postgres/0004_api_key_lifecycle.sql.
ALTER TABLE api_keys ADD COLUMN name TEXT;
ALTER TABLE api_keys ADD COLUMN last_used_at TEXT;
ALTER TABLE api_keys ADD COLUMN revoked_at TEXT;
CREATE INDEX api_keys_org ON api_keys (organisation_id, created_at, id);
