-- Which process each tenant runs for a domain event (ops may switch to their own), and the timings of lead nurture.
-- A tenant without a row runs what Salesflow ships, with the default timings.

CREATE TABLE process_triggers (
    tenant_id    uuid NOT NULL REFERENCES tenants (id),
    event        text NOT NULL CHECK (event IN ('lead.created', 'deal.approval_requested')),
    process_key  text NOT NULL CHECK (process_key ~ '^[A-Za-z_][A-Za-z0-9_.-]{0,254}$'),
    enabled      boolean NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, event)
);
SELECT app_enable_tenant_rls('process_triggers');

-- Durations are ISO 8601; first_contact_sla is working time on the owner's business calendar, the spacing of
-- touches working days, the rest calendar time.
CREATE TABLE nurture_settings (
    tenant_id                    uuid PRIMARY KEY REFERENCES tenants (id),
    first_contact_sla            text NOT NULL,
    touch_count                  integer NOT NULL CHECK (touch_count BETWEEN 1 AND 12),
    touch_spacing_days           integer NOT NULL CHECK (touch_spacing_days BETWEEN 1 AND 30),
    cold_rescore_every           text NOT NULL,
    cold_requalify_after         text NOT NULL,
    unqualified_requalify_after  text NOT NULL,
    updated_at                   timestamptz NOT NULL DEFAULT now(),
    version                      bigint NOT NULL DEFAULT 0
);
SELECT app_enable_tenant_rls('nurture_settings');

-- Nurture scores a cold lead again now and then; its history says so.
ALTER TABLE lead_score_history DROP CONSTRAINT lead_score_history_reason_check;
ALTER TABLE lead_score_history ADD CONSTRAINT lead_score_history_reason_check
    CHECK (reason ~ '^(created|manual|merged|time_passed|nurture|engagement:[a-z_]+|status_changed:[a-z_]+|rule_set_activated:[0-9]+)$');

-- The deal approval table asks finance about thin margins and risky regions: finance approves deals.
INSERT INTO system_role_permissions (role_code, permission_code, scope) VALUES ('finance', 'deals:approve', 'ALL')
ON CONFLICT DO NOTHING;
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT id FROM tenants LOOP
        PERFORM set_config('app.tenant_id', t.id::text, true);
        INSERT INTO role_permissions (tenant_id, role_id, permission_code, scope)
        SELECT r.tenant_id, r.id, 'deals:approve', 'ALL' FROM roles r WHERE r.code = 'finance' AND r.system
        ON CONFLICT DO NOTHING;
    END LOOP;
    PERFORM set_config('app.tenant_id', '', true);
END
$$;
