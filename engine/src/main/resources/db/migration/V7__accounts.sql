-- Field history of every CRM record, and the first record type: accounts.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- One row per changed field: what it was, what it became, who changed it and in which request.
CREATE TABLE record_history (
    tenant_id    uuid NOT NULL REFERENCES tenants (id),
    id           bigint GENERATED ALWAYS AS IDENTITY,
    record_type  text NOT NULL,
    record_id    uuid NOT NULL,
    field        text NOT NULL,
    before_value jsonb,
    after_value  jsonb,
    actor_type   text NOT NULL,
    actor_id     uuid,
    changed_at   timestamptz NOT NULL DEFAULT now(),
    request_id   text,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX record_history_record ON record_history (tenant_id, record_type, record_id, id);
SELECT app_enable_tenant_rls('record_history');
REVOKE UPDATE, DELETE, TRUNCATE ON record_history FROM ${app_role};

CREATE TABLE accounts (
    tenant_id         uuid NOT NULL REFERENCES tenants (id),
    id                uuid NOT NULL,
    name              text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    domain            text CHECK (domain = lower(domain)),
    website           text,
    industry          text,
    size              text CHECK (size IN ('1-10', '11-50', '51-200', '201-500', '501-1000', '1001-5000', '5001+')),
    billing_address   jsonb,
    shipping_address  jsonb,
    owner_id          uuid NOT NULL,
    team_id           uuid,
    territory         text,
    parent_id         uuid,
    tags              text[] NOT NULL DEFAULT '{}',
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    deleted_at        timestamptz,
    version           bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, owner_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, team_id) REFERENCES teams (tenant_id, id) ON DELETE SET NULL (team_id),
    FOREIGN KEY (tenant_id, parent_id) REFERENCES accounts (tenant_id, id) ON DELETE SET NULL (parent_id)
);
CREATE INDEX accounts_owner ON accounts (tenant_id, owner_id) WHERE deleted_at IS NULL;
CREATE INDEX accounts_name ON accounts (tenant_id, lower(name), id);
CREATE INDEX accounts_parent ON accounts (tenant_id, parent_id);
CREATE INDEX accounts_domain ON accounts (tenant_id, domain);
CREATE INDEX accounts_tags ON accounts USING gin (tags);
SELECT app_enable_tenant_rls('accounts');
