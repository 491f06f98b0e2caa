-- SPEC §12: the language of a session's hosted pages, `auto` (the browser's Accept-Language)
-- or a supported BCP 47 tag. Existing sessions keep speaking the browser's language.
-- Keep in lockstep with migrations/postgres/0009_checkout_locale.sql.
ALTER TABLE checkouts ADD COLUMN locale TEXT NOT NULL DEFAULT 'auto';
