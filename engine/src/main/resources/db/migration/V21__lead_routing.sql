-- Lead routing: versioned rule sets that pick a team, each team member's share and caps, out-of-office
-- periods, the distributor's per-rep state (locked while a lead is distributed) and every assignment with
-- its explanation. Leads gain the territory fields routing rules test.

ALTER TABLE leads
    ADD COLUMN region       text,
    ADD COLUMN postal_code  text;

-- One row per version; at most one active per tenant. data is the RoutingRuleSet JSON of the rules module.
CREATE TABLE routing_rule_sets (
    tenant_id     uuid NOT NULL REFERENCES tenants (id),
    id            uuid NOT NULL,
    number        integer NOT NULL CHECK (number > 0),
    data          jsonb NOT NULL,
    status        text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'retired')),
    created_by    uuid,
    activated_by  uuid,
    activated_at  timestamptz,
    retired_at    timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    version       bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, number),
    CHECK (status = 'draft' OR activated_at IS NOT NULL)
);
CREATE UNIQUE INDEX routing_rule_sets_one_active ON routing_rule_sets (tenant_id) WHERE status = 'active';
SELECT app_enable_tenant_rls('routing_rule_sets');

-- A team member's share of the team's leads; members without a row take part with weight 1 and no caps.
CREATE TABLE routing_members (
    tenant_id   uuid NOT NULL REFERENCES tenants (id),
    team_id     uuid NOT NULL,
    user_id     uuid NOT NULL,
    weight      integer NOT NULL DEFAULT 1 CHECK (weight BETWEEN 0 AND 100),
    daily_cap   integer CHECK (daily_cap >= 0),
    open_cap    integer CHECK (open_cap >= 0),
    active      boolean NOT NULL DEFAULT true,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, team_id, user_id),
    FOREIGN KEY (tenant_id, team_id) REFERENCES teams (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
SELECT app_enable_tenant_rls('routing_members');

-- Out of office from starts_at (included) until ends_at (excluded).
CREATE TABLE user_absences (
    tenant_id   uuid NOT NULL REFERENCES tenants (id),
    id          uuid NOT NULL,
    user_id     uuid NOT NULL,
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    reason      text,
    created_by  uuid,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    CHECK (ends_at > starts_at),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX user_absences_user ON user_absences (tenant_id, user_id, ends_at);
SELECT app_enable_tenant_rls('user_absences');

-- The distributor's memory per team and rep (the rules module's RepState). Rows are locked FOR UPDATE while a
-- lead is distributed in the team, so assignments in one team run one after another and caps hold.
CREATE TABLE rep_distribution_state (
    tenant_id         uuid NOT NULL REFERENCES tenants (id),
    team_id           uuid NOT NULL,
    user_id           uuid NOT NULL,
    day               date,
    assigned_on_day   integer NOT NULL DEFAULT 0,
    open_load         integer NOT NULL DEFAULT 0,
    credit            bigint NOT NULL DEFAULT 0,
    last_assigned_at  timestamptz,
    total_assigned    bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, team_id, user_id),
    FOREIGN KEY (tenant_id, team_id) REFERENCES teams (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
SELECT app_enable_tenant_rls('rep_distribution_state');

-- Every routing decision and manual reassignment of a lead, with its explanation. Append-only.
CREATE TABLE lead_assignments (
    tenant_id          uuid NOT NULL REFERENCES tenants (id),
    id                 bigint GENERATED ALWAYS AS IDENTITY,
    lead_id            uuid NOT NULL,
    kind               text NOT NULL CHECK (kind IN ('automatic', 'manual', 'unassigned')),
    owner_id           uuid NOT NULL,
    previous_owner_id  uuid,
    team_id            uuid,
    rule_name          text,
    rule_set_number    integer,
    candidates         jsonb NOT NULL DEFAULT '[]',
    reason             text NOT NULL,
    assigned_by        uuid,
    why                text,
    at                 timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    CHECK (kind <> 'manual' OR (assigned_by IS NOT NULL AND coalesce(trim(why), '') <> '')),
    FOREIGN KEY (tenant_id, lead_id) REFERENCES leads (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX lead_assignments_lead ON lead_assignments (tenant_id, lead_id, id);
CREATE INDEX lead_assignments_unassigned ON lead_assignments (tenant_id, id) WHERE kind = 'unassigned';
SELECT app_enable_tenant_rls('lead_assignments');
