-- Search by email (console checkouts list, GET /checkouts?customer_email=): the address a
-- guest entered, else the existing customer's, lower-cased by the database on both sides of
-- the comparison (SQLite's lower() folds ASCII only, PostgreSQL's every letter: each backend
-- agrees with itself). Kept by every write of a session's customer data; the partial index
-- makes a search a seek in the list's order, however many sessions are stored.
-- Keep in lockstep with migrations/sqlite/0013_checkout_customer_email.sql.
ALTER TABLE checkouts ADD COLUMN customer_email TEXT;

UPDATE checkouts SET customer_email = lower(COALESCE(
    NULLIF(customer_data::jsonb ->> 'email', ''),
    (SELECT c.email FROM customers c WHERE c.id = checkouts.customer_id)));

CREATE INDEX checkouts_org_email ON checkouts (organisation_id, customer_email, created_at, id)
    WHERE customer_email IS NOT NULL;
