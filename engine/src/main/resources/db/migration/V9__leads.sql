-- Leads: people and companies not yet qualified. Status moves new → contacted → qualified | unqualified →
-- converted (an unqualified lead may be qualified again); the service enforces the order. Score fields are
-- written by lead scoring, never by the API.
CREATE TABLE leads (
    tenant_id             uuid NOT NULL REFERENCES tenants (id),
    id                    uuid NOT NULL,
    first_name            text,
    last_name             text,
    company               text,
    title                 text,
    email                 text CHECK (email = lower(email)),
    phone                 text,
    website               text,
    industry              text,
    company_size          text CHECK (company_size IN ('1-10', '11-50', '51-200', '201-500', '501-1000', '1001-5000', '5001+')),
    country               text CHECK (country ~ '^[A-Z]{2}$'),
    language              text,
    product_interest      text,
    source                text NOT NULL,
    status                text NOT NULL DEFAULT 'new'
                          CHECK (status IN ('new', 'contacted', 'qualified', 'unqualified', 'converted')),
    status_changed_at     timestamptz NOT NULL DEFAULT now(),
    unqualified_reason    text,
    score                 integer CHECK (score BETWEEN 0 AND 100),
    score_band            text CHECK (score_band IN ('hot', 'warm', 'cold')),
    scored_at             timestamptz,
    converted_at          timestamptz,
    converted_contact_id  uuid,
    converted_account_id  uuid,
    converted_deal_id     uuid,
    owner_id              uuid NOT NULL,
    team_id               uuid,
    tags                  text[] NOT NULL DEFAULT '{}',
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    deleted_at            timestamptz,
    version               bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    CHECK (coalesce(trim(first_name), '') <> '' OR coalesce(trim(last_name), '') <> '' OR coalesce(trim(company), '') <> ''),
    FOREIGN KEY (tenant_id, owner_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, team_id) REFERENCES teams (tenant_id, id) ON DELETE SET NULL (team_id)
);
CREATE INDEX leads_owner ON leads (tenant_id, owner_id) WHERE deleted_at IS NULL;
CREATE INDEX leads_status ON leads (tenant_id, status, created_at) WHERE deleted_at IS NULL;
CREATE INDEX leads_email ON leads (tenant_id, email);
CREATE INDEX leads_tags ON leads USING gin (tags);
SELECT app_enable_tenant_rls('leads');
