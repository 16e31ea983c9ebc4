-- Payment plans (payment module): a deal's milestones, each invoiced once through the invoice port and paid in one
-- or more payments; the payment-milestones process moves a milestone from planned to invoiced, partially paid and
-- paid (or written off by finance). The plan is fully paid when every milestone is.
CREATE TABLE payment_plans (
    tenant_id      uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    deal_id        uuid NOT NULL,
    currency       char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    started_at     timestamptz,
    fully_paid_at  timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    version        bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, deal_id),
    FOREIGN KEY (tenant_id, deal_id) REFERENCES deals (tenant_id, id) ON DELETE CASCADE
);
SELECT app_enable_tenant_rls('payment_plans');

CREATE TABLE payment_milestones (
    tenant_id      uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    id             uuid NOT NULL,
    deal_id        uuid NOT NULL,
    position       integer NOT NULL CHECK (position BETWEEN 1 AND 50),
    name           text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 120),
    amount         numeric(18, 2) NOT NULL CHECK (amount > 0),
    currency       char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    trigger        text NOT NULL CHECK (trigger IN ('on_date', 'on_deal_won', 'by_hand')),
    invoice_on     date,
    net_days       integer NOT NULL DEFAULT 14 CHECK (net_days BETWEEN 0 AND 365),
    status         text NOT NULL DEFAULT 'planned'
                   CHECK (status IN ('planned', 'invoiced', 'partially_paid', 'paid', 'written_off')),
    paid_amount    numeric(18, 2) NOT NULL DEFAULT 0 CHECK (paid_amount >= 0 AND paid_amount <= amount),
    invoice_id     uuid,
    due_on         date,
    reminders_sent integer NOT NULL DEFAULT 0,
    escalated_at   timestamptz,
    paid_at        timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, deal_id) REFERENCES payment_plans (tenant_id, deal_id) ON DELETE CASCADE,
    CHECK (trigger <> 'on_date' OR invoice_on IS NOT NULL),
    CHECK (status = 'planned' OR (invoice_id IS NOT NULL AND due_on IS NOT NULL))
);
-- A plan's milestones in order.
CREATE UNIQUE INDEX payment_milestones_deal ON payment_milestones (tenant_id, deal_id, position);
-- Finance figures and the overdue list: by status, currency and due date, amounts carried in the index.
CREATE INDEX payment_milestones_status ON payment_milestones (tenant_id, status, due_on, id)
    INCLUDE (currency, amount, paid_amount, deal_id);
SELECT app_enable_tenant_rls('payment_milestones');

-- Every payment received for a milestone, once per reference (a provider's payment id).
CREATE TABLE payments (
    tenant_id     uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    id            uuid NOT NULL,
    milestone_id  uuid NOT NULL,
    amount        numeric(18, 2) NOT NULL CHECK (amount > 0),
    currency      char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    reference     text CHECK (length(reference) BETWEEN 1 AND 200),
    received_at   timestamptz NOT NULL DEFAULT now(),
    recorded_by   uuid,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, milestone_id) REFERENCES payment_milestones (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX payments_milestone ON payments (tenant_id, milestone_id, received_at);
CREATE UNIQUE INDEX payments_reference ON payments (tenant_id, milestone_id, reference) WHERE reference IS NOT NULL;
SELECT app_enable_tenant_rls('payments');

-- How a tenant's milestones are chased: the email templates (created on first use, editable as any template) and
-- the working days between reminders after the due date, before finance gets a task.
CREATE TABLE payment_settings (
    tenant_id             uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    invoice_template_id   uuid,
    reminder_template_id  uuid,
    reminder_days         integer[] NOT NULL DEFAULT '{3,7}'
                          CHECK (cardinality(reminder_days) BETWEEN 0 AND 10 AND 0 < ALL (reminder_days)),
    version               bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id)
);
SELECT app_enable_tenant_rls('payment_settings');
