-- Deal approval (issue 13), the deal's side: the figures the approval table decides on, stages that need an
-- approval before a deal moves on, and each deal's approval requests with every approver's decision.

-- Only an open stage can hold a deal back until it is approved.
ALTER TABLE pipeline_stages
    ADD COLUMN requires_approval boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT pipeline_stages_approval_open CHECK (NOT (requires_approval AND closed));

-- The request that governs a deal from its approval stage on (approval_id, approval_status) is one of the deal's
-- rows in deal_approvals; the reference is checked at commit, because the deal and its first request are written
-- in one transaction. A region is a short code such as EMEA, NA, APAC or US-WEST.
ALTER TABLE deals
    ADD COLUMN discount_percent numeric(5, 2) NOT NULL DEFAULT 0
        CONSTRAINT deals_discount_percent CHECK (discount_percent BETWEEN 0 AND 100),
    ADD COLUMN margin_percent numeric(5, 2)
        CONSTRAINT deals_margin_percent CHECK (margin_percent BETWEEN -100 AND 100),
    ADD COLUMN region text CONSTRAINT deals_region CHECK (region ~ '^[A-Z0-9][A-Z0-9_-]{0,63}$'),
    ADD COLUMN approval_id uuid,
    ADD COLUMN approval_status text
        CONSTRAINT deals_approval_status CHECK (approval_status IN ('PENDING', 'APPROVED', 'REJECTED')),
    ADD CONSTRAINT deals_approval_both CHECK ((approval_id IS NULL) = (approval_status IS NULL));

-- One row per time a deal asked for an approval: the stage it is for, where the deal came from, the figures it
-- was asked for, and how it ended. Stage and pipeline ids are history: they stay when a stage is removed later.
CREATE TABLE deal_approvals (
    tenant_id             uuid NOT NULL REFERENCES tenants (id),
    id                    uuid NOT NULL,
    deal_id               uuid NOT NULL,
    pipeline_id           uuid NOT NULL,
    stage_id              uuid NOT NULL,
    previous_stage_id     uuid,
    status                text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    amount                numeric(18, 2) NOT NULL CHECK (amount >= 0),
    currency              char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    discount_percent      numeric(5, 2) NOT NULL CHECK (discount_percent BETWEEN 0 AND 100),
    margin_percent        numeric(5, 2) CHECK (margin_percent BETWEEN -100 AND 100),
    region                text CHECK (region ~ '^[A-Z0-9][A-Z0-9_-]{0,63}$'),
    requested_at          timestamptz NOT NULL,
    decided_at            timestamptz,
    decided_by            uuid,
    rule                  text CHECK (length(rule) BETWEEN 1 AND 200),
    reason                text CHECK (length(reason) BETWEEN 1 AND 2000),
    returned_to_stage_id  uuid,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    version               bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, deal_id) REFERENCES deals (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, decided_by) REFERENCES users (tenant_id, id),
    CHECK ((status = 'PENDING') = (decided_at IS NULL)),
    CHECK (status NOT IN ('REJECTED', 'WITHDRAWN') OR reason IS NOT NULL),
    CHECK (status = 'REJECTED' OR (decided_by IS NULL AND returned_to_stage_id IS NULL)),
    -- A deal waits for one approval at a time; a replacement is written before the old one is withdrawn.
    CONSTRAINT deal_approvals_one_pending EXCLUDE USING btree (tenant_id WITH =, deal_id WITH =)
        WHERE (status = 'PENDING') DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX deal_approvals_deal ON deal_approvals (tenant_id, deal_id, requested_at);
SELECT app_enable_tenant_rls('deal_approvals');

ALTER TABLE deals
    ADD CONSTRAINT deals_approval FOREIGN KEY (tenant_id, approval_id) REFERENCES deal_approvals (tenant_id, id)
        DEFERRABLE INITIALLY DEFERRED;

-- Each approver's decision at a level of an approval; an approver decides once per level.
CREATE TABLE deal_approval_decisions (
    tenant_id    uuid NOT NULL REFERENCES tenants (id),
    id           uuid NOT NULL,
    approval_id  uuid NOT NULL,
    approver_id  uuid NOT NULL,
    decision     text NOT NULL CHECK (decision IN ('APPROVE', 'REJECT')),
    reason       text CHECK (length(reason) BETWEEN 1 AND 2000),
    level        int NOT NULL CHECK (level BETWEEN 1 AND 20),
    rule         text CHECK (length(rule) BETWEEN 1 AND 200),
    decided_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, approval_id) REFERENCES deal_approvals (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, approver_id) REFERENCES users (tenant_id, id),
    CONSTRAINT deal_approval_decisions_once UNIQUE (tenant_id, approval_id, approver_id, level),
    CHECK (decision = 'APPROVE' OR reason IS NOT NULL)
);
SELECT app_enable_tenant_rls('deal_approval_decisions');

-- Tenants provisioned from now on get this from the application (deal.DealDefaultsProvisioner): the default
-- "Sales" pipeline's "Negotiation" stage, where discounts are given, needs an approval. Existing tenants get the
-- same here, if they still have that stage open; deals already in it are not held back (they asked for nothing).
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT id FROM tenants LOOP
        PERFORM set_config('app.tenant_id', t.id::text, true);
        UPDATE pipeline_stages s SET requires_approval = true
        FROM pipelines p
        WHERE p.tenant_id = s.tenant_id AND p.id = s.pipeline_id AND p.name = 'Sales'
          AND s.name = 'Negotiation' AND NOT s.closed;
    END LOOP;
    PERFORM set_config('app.tenant_id', '', true);
END
$$;
