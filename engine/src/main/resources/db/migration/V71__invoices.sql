-- Invoices of the in-app invoice port (payment.InAppInvoices): numbered per tenant without gaps (a counter row
-- locked FOR UPDATE in the invoice's transaction), with lines and totals; rendered as PDF on request.
CREATE TABLE invoice_counters (
    tenant_id    uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    last_number  bigint NOT NULL DEFAULT 0 CHECK (last_number >= 0),
    PRIMARY KEY (tenant_id)
);
SELECT app_enable_tenant_rls('invoice_counters');

CREATE TABLE invoices (
    tenant_id       uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    id              uuid NOT NULL,
    number          bigint NOT NULL CHECK (number > 0),
    deal_id         uuid NOT NULL,
    milestone_id    uuid,
    customer_name   text NOT NULL CHECK (length(customer_name) BETWEEN 1 AND 300),
    customer_email  text CHECK (length(customer_email) <= 254),
    currency        char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    total           numeric(18, 2) NOT NULL CHECK (total > 0),
    paid_amount     numeric(18, 2) NOT NULL DEFAULT 0 CHECK (paid_amount >= 0 AND paid_amount <= total),
    status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'partially_paid', 'paid')),
    issued_on       date NOT NULL,
    due_on          date NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, deal_id) REFERENCES deals (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX invoices_number ON invoices (tenant_id, number);
CREATE INDEX invoices_deal ON invoices (tenant_id, deal_id, number);
CREATE UNIQUE INDEX invoices_milestone ON invoices (tenant_id, milestone_id) WHERE milestone_id IS NOT NULL;
SELECT app_enable_tenant_rls('invoices');

CREATE TABLE invoice_lines (
    tenant_id    uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    invoice_id   uuid NOT NULL,
    position     integer NOT NULL CHECK (position BETWEEN 1 AND 100),
    description  text NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
    quantity     numeric(12, 2) NOT NULL CHECK (quantity > 0),
    unit_price   numeric(18, 2) NOT NULL CHECK (unit_price >= 0),
    amount       numeric(18, 2) NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (tenant_id, invoice_id, position),
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id) ON DELETE CASCADE
);
SELECT app_enable_tenant_rls('invoice_lines');

-- Managers see the finance figures of their teams' deals, like the deals themselves.
INSERT INTO system_role_permissions (role_code, permission_code, scope) VALUES ('manager', 'invoices:read', 'TEAM')
ON CONFLICT DO NOTHING;
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT id FROM tenants LOOP
        PERFORM set_config('app.tenant_id', t.id::text, true);
        INSERT INTO role_permissions (tenant_id, role_id, permission_code, scope)
        SELECT r.tenant_id, r.id, 'invoices:read', 'TEAM' FROM roles r WHERE r.code = 'manager' AND r.system
        ON CONFLICT DO NOTHING;
    END LOOP;
    PERFORM set_config('app.tenant_id', '', true);
END
$$;
