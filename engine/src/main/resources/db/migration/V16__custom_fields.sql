-- Custom fields: each tenant defines its own fields on accounts, contacts, leads and deals; records keep
-- their values in one JSON object per row, keyed by the definition's key.

CREATE TABLE custom_field_definitions (
    tenant_id      uuid NOT NULL REFERENCES tenants (id),
    id             uuid NOT NULL,
    record_type    text NOT NULL CHECK (record_type IN ('account', 'contact', 'lead', 'deal')),
    field_key      text NOT NULL CHECK (field_key ~ '^[a-z][A-Za-z0-9_]{0,39}$'),
    label          text NOT NULL CHECK (length(trim(label)) BETWEEN 1 AND 100),
    type           text NOT NULL CHECK (type IN ('text', 'number', 'date', 'picklist', 'boolean', 'lookup')),
    options        text[] NOT NULL DEFAULT '{}',
    lookup_target  text CHECK (lookup_target IN ('account', 'contact', 'lead', 'deal', 'user')),
    required       boolean NOT NULL DEFAULT false,
    help_text      text CHECK (length(help_text) <= 500),
    position       int NOT NULL DEFAULT 0 CHECK (position >= 0),
    archived       boolean NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    version        bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    -- Keys are never reused, archived or not: stored values stay tied to the definition that wrote them.
    CONSTRAINT custom_field_definitions_key UNIQUE (tenant_id, record_type, field_key),
    CHECK ((type = 'picklist') = (cardinality(options) > 0)),
    CHECK ((type = 'lookup') = (lookup_target IS NOT NULL))
);
SELECT app_enable_tenant_rls('custom_field_definitions');

-- jsonb_path_ops: the list language's exact matches (number, date, boolean, lookup) are containment queries.
ALTER TABLE accounts ADD COLUMN custom_fields jsonb NOT NULL DEFAULT '{}'
    CHECK (jsonb_typeof(custom_fields) = 'object');
CREATE INDEX accounts_custom_fields ON accounts USING gin (custom_fields jsonb_path_ops);

ALTER TABLE contacts ADD COLUMN custom_fields jsonb NOT NULL DEFAULT '{}'
    CHECK (jsonb_typeof(custom_fields) = 'object');
CREATE INDEX contacts_custom_fields ON contacts USING gin (custom_fields jsonb_path_ops);

ALTER TABLE leads ADD COLUMN custom_fields jsonb NOT NULL DEFAULT '{}'
    CHECK (jsonb_typeof(custom_fields) = 'object');
CREATE INDEX leads_custom_fields ON leads USING gin (custom_fields jsonb_path_ops);

ALTER TABLE deals ADD COLUMN custom_fields jsonb NOT NULL DEFAULT '{}'
    CHECK (jsonb_typeof(custom_fields) = 'object');
CREATE INDEX deals_custom_fields ON deals USING gin (custom_fields jsonb_path_ops);
