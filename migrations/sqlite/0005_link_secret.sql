-- The hosted link's own secret (issue 15, SPEC §14): 128 random bits, base64url, that no other
-- link reveals. Sessions made before this column stay NULL and keep opening by id alone.
-- Keep in lockstep with migrations/postgres/0005_link_secret.sql.
ALTER TABLE checkouts ADD COLUMN link_secret TEXT;
