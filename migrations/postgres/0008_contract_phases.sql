-- Contract phases (issue 16, SPEC §11): a contract's row holds the terms in force; a change
-- scheduled for later (at_period_end) is the JSON phase in `scheduled`, with the version of the
-- current terms (`after_version`). Keep in lockstep with migrations/sqlite/0008_contract_phases.sql.
ALTER TABLE contracts ADD COLUMN scheduled TEXT;

-- Wave 1 wrote a scheduled change into the row at once (its `items` were the latest terms).
-- A contract whose latest version starts after today becomes its previous version's terms
-- plus that latest version as the scheduled phase.
UPDATE contracts k SET
    scheduled = json_build_object(
        'version', v.version,
        'start_date', v.effective_date,
        'end_date', NULL,
        'plan_id', v.plan_id,
        'plan_name', COALESCE((SELECT p.name FROM plans p WHERE p.id = v.plan_id), ''),
        'items', v.items::json,
        'billing_anchor_date', v.billing_anchor_date,
        'discount', NULL,
        'checkout_id', v.checkout_id,
        'after_version', v.version - 1)::text,
    plan_id = b.plan_id,
    items = b.items,
    billing_anchor_date = b.billing_anchor_date
FROM contract_versions v, contract_versions b
WHERE k.scheduled IS NULL
  AND v.contract_id = k.id AND v.version = k.version AND v.effective_date > CURRENT_DATE
  AND b.contract_id = k.id AND b.version = k.version - 1;
