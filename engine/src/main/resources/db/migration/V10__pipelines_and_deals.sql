-- Sales pipelines with ordered stages, the tenant's won/lost reasons, and deals moving through them.

CREATE TABLE pipelines (
    tenant_id   uuid NOT NULL REFERENCES tenants (id),
    id          uuid NOT NULL,
    name        text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),
    is_default  boolean NOT NULL DEFAULT false,
    archived    boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    CHECK (NOT (is_default AND archived))
);
CREATE UNIQUE INDEX pipelines_name ON pipelines (tenant_id, lower(name));
CREATE UNIQUE INDEX pipelines_default ON pipelines (tenant_id) WHERE is_default;
SELECT app_enable_tenant_rls('pipelines');

-- Position and name are unique only at commit: replacing a pipeline's stages reorders and renames them
-- in one transaction, through states where two stages briefly share a position or a name. Names are
-- compared case-insensitively by the application; a deferred constraint cannot be on lower(name).
CREATE TABLE pipeline_stages (
    tenant_id    uuid NOT NULL REFERENCES tenants (id),
    id           uuid NOT NULL,
    pipeline_id  uuid NOT NULL,
    name         text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),
    position     int NOT NULL CHECK (position >= 0),
    probability  int NOT NULL CHECK (probability BETWEEN 0 AND 100),
    closed       boolean NOT NULL,
    won          boolean NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, pipeline_id) REFERENCES pipelines (tenant_id, id) ON DELETE CASCADE,
    CHECK (NOT won OR closed),
    CONSTRAINT pipeline_stages_position UNIQUE (tenant_id, pipeline_id, position) DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT pipeline_stages_name UNIQUE (tenant_id, pipeline_id, name) DEFERRABLE INITIALLY DEFERRED,
    -- What a deal's stage refers to: the stage together with its pipeline.
    CONSTRAINT pipeline_stages_of_pipeline UNIQUE (tenant_id, pipeline_id, id)
);
SELECT app_enable_tenant_rls('pipeline_stages');

CREATE TABLE deal_reasons (
    tenant_id   uuid NOT NULL REFERENCES tenants (id),
    id          uuid NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('WON', 'LOST')),
    label       text NOT NULL CHECK (length(trim(label)) BETWEEN 1 AND 100),
    active      boolean NOT NULL DEFAULT true,
    position    int NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX deal_reasons_label ON deal_reasons (tenant_id, kind, lower(label));
SELECT app_enable_tenant_rls('deal_reasons');

CREATE TABLE deals (
    tenant_id            uuid NOT NULL REFERENCES tenants (id),
    id                   uuid NOT NULL,
    name                 text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    account_id           uuid,
    pipeline_id          uuid NOT NULL,
    stage_id             uuid NOT NULL,
    amount               numeric(18, 2) NOT NULL CHECK (amount >= 0),
    currency             char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    status               text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'won', 'lost', 'abandoned')),
    expected_close_date  date,
    stage_entered_at     timestamptz NOT NULL,
    probability          int NOT NULL CHECK (probability BETWEEN 0 AND 100),
    weighted_amount      numeric(18, 2) GENERATED ALWAYS AS (round(amount * probability / 100.0, 2)) STORED,
    won_reason_id        uuid,
    lost_reason_id       uuid,
    closed_at            timestamptz,
    close_note           text CHECK (length(close_note) <= 2000),
    owner_id             uuid NOT NULL,
    team_id              uuid,
    tags                 text[] NOT NULL DEFAULT '{}',
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    deleted_at           timestamptz,
    version              bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, owner_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, team_id) REFERENCES teams (tenant_id, id) ON DELETE SET NULL (team_id),
    FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id) ON DELETE SET NULL (account_id),
    FOREIGN KEY (tenant_id, pipeline_id) REFERENCES pipelines (tenant_id, id),
    FOREIGN KEY (tenant_id, pipeline_id, stage_id) REFERENCES pipeline_stages (tenant_id, pipeline_id, id),
    FOREIGN KEY (tenant_id, won_reason_id) REFERENCES deal_reasons (tenant_id, id),
    FOREIGN KEY (tenant_id, lost_reason_id) REFERENCES deal_reasons (tenant_id, id),
    CHECK (status = 'won' OR won_reason_id IS NULL),
    CHECK (status IN ('lost', 'abandoned') OR lost_reason_id IS NULL),
    CHECK ((status = 'open') = (closed_at IS NULL))
);
CREATE INDEX deals_stage ON deals (tenant_id, pipeline_id, stage_id) WHERE deleted_at IS NULL;
CREATE INDEX deals_account ON deals (tenant_id, account_id);
CREATE INDEX deals_expected_close ON deals (tenant_id, expected_close_date);
CREATE INDEX deals_owner ON deals (tenant_id, owner_id) WHERE deleted_at IS NULL;
CREATE INDEX deals_tags ON deals USING gin (tags);
SELECT app_enable_tenant_rls('deals');

-- Tenants provisioned from now on get these from the application (deal.DealDefaultsProvisioner); tenants
-- that exist already get the same here. Row-level security is forced on the owner too, so each insert
-- runs with that tenant set.
DO $$
DECLARE
    t         record;
    pipeline  uuid;
BEGIN
    FOR t IN SELECT id FROM tenants LOOP
        PERFORM set_config('app.tenant_id', t.id::text, true);
        IF NOT EXISTS (SELECT 1 FROM pipelines) THEN
            pipeline := gen_random_uuid();
            INSERT INTO pipelines (tenant_id, id, name, is_default) VALUES (t.id, pipeline, 'Sales', true);
            INSERT INTO pipeline_stages (tenant_id, id, pipeline_id, name, position, probability, closed, won)
            SELECT t.id, gen_random_uuid(), pipeline, s.name, s.position, s.probability, s.closed, s.won
            FROM (VALUES ('Qualification', 0, 10, false, false),
                         ('Needs analysis', 1, 25, false, false),
                         ('Proposal', 2, 50, false, false),
                         ('Negotiation', 3, 75, false, false),
                         ('Closed won', 4, 100, true, true),
                         ('Closed lost', 5, 0, true, false)) AS s (name, position, probability, closed, won);
        END IF;
        IF NOT EXISTS (SELECT 1 FROM deal_reasons) THEN
            INSERT INTO deal_reasons (tenant_id, id, kind, label, position)
            SELECT t.id, gen_random_uuid(), r.kind, r.label, r.position
            FROM (VALUES ('WON', 'Price', 0), ('WON', 'Product fit', 1), ('WON', 'Relationship', 2),
                         ('LOST', 'Price', 0), ('LOST', 'Competitor', 1), ('LOST', 'No budget', 2),
                         ('LOST', 'No decision', 3), ('LOST', 'Timing', 4)) AS r (kind, label, position);
        END IF;
    END LOOP;
    PERFORM set_config('app.tenant_id', '', true);
END
$$;
