-- Contract phases (issue 16, SPEC §11): a contract's row holds the terms in force; a change
-- scheduled for later (at_period_end) is the JSON phase in `scheduled`, with the version of the
-- current terms (`after_version`). Keep in lockstep with migrations/postgres/0008_contract_phases.sql.
ALTER TABLE contracts ADD COLUMN scheduled TEXT;

-- Wave 1 wrote a scheduled change into the row at once (its `items` were the latest terms).
-- A contract whose latest version starts after today becomes its previous version's terms
-- plus that latest version as the scheduled phase.
UPDATE contracts SET
    scheduled = (
        SELECT json_object(
            'version', v.version,
            'start_date', v.effective_date,
            'end_date', NULL,
            'plan_id', lower(hex(v.plan_id)),
            'plan_name', COALESCE((SELECT p.name FROM plans p WHERE p.id = v.plan_id), ''),
            'items', json(v.items),
            'billing_anchor_date', v.billing_anchor_date,
            'discount', NULL,
            'checkout_id', CASE WHEN v.checkout_id IS NULL THEN NULL ELSE lower(hex(v.checkout_id)) END,
            'after_version', v.version - 1)
        FROM contract_versions v WHERE v.contract_id = contracts.id AND v.version = contracts.version),
    plan_id = (SELECT b.plan_id FROM contract_versions b WHERE b.contract_id = contracts.id AND b.version = contracts.version - 1),
    items = (SELECT b.items FROM contract_versions b WHERE b.contract_id = contracts.id AND b.version = contracts.version - 1),
    billing_anchor_date = (SELECT b.billing_anchor_date FROM contract_versions b WHERE b.contract_id = contracts.id AND b.version = contracts.version - 1)
WHERE scheduled IS NULL
  AND EXISTS (SELECT 1 FROM contract_versions v WHERE v.contract_id = contracts.id AND v.version = contracts.version AND v.effective_date > date('now'))
  AND EXISTS (SELECT 1 FROM contract_versions b WHERE b.contract_id = contracts.id AND b.version = contracts.version - 1);
