-- Activities (calls, emails, meetings, tasks, notes, deadlines) and notes, each linked to any of an account,
-- a contact, a lead and a deal. Links become empty when the linked record is purged; the services require
-- live, readable records when a link is set.

CREATE TABLE activities (
    tenant_id         uuid NOT NULL REFERENCES tenants (id),
    id                uuid NOT NULL,
    type              text NOT NULL CHECK (type IN ('call', 'email', 'meeting', 'task', 'note', 'deadline')),
    subject           text NOT NULL CHECK (length(trim(subject)) BETWEEN 1 AND 200),
    description       text CHECK (length(description) <= 20000),
    due_at            timestamptz,
    start_at          timestamptz,
    end_at            timestamptz,
    duration_minutes  integer CHECK (duration_minutes >= 0),
    -- pending and overdue are open; overdue means pending past its due time (set by the scheduled job).
    status            text NOT NULL DEFAULT 'pending'
                      CHECK (status IN ('pending', 'overdue', 'completed', 'cancelled')),
    completed_at      timestamptz,
    outcome           text CHECK (length(outcome) <= 2000),
    priority          text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    priority_rank     smallint GENERATED ALWAYS AS (
                          CASE priority WHEN 'low' THEN 1 WHEN 'normal' THEN 2 WHEN 'high' THEN 3 ELSE 4 END) STORED,
    account_id        uuid,
    contact_id        uuid,
    lead_id           uuid,
    deal_id           uuid,
    owner_id          uuid NOT NULL,
    team_id           uuid,
    tags              text[] NOT NULL DEFAULT '{}',
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    deleted_at        timestamptz,
    version           bigint NOT NULL DEFAULT 0,
    -- Where the activity sits in a timeline: when it was done, else when it starts or is due, else created.
    occurred_at       timestamptz GENERATED ALWAYS AS (coalesce(completed_at, start_at, due_at, created_at)) STORED,
    PRIMARY KEY (tenant_id, id),
    CHECK ((status = 'completed') = (completed_at IS NOT NULL)),
    CHECK (end_at IS NULL OR start_at IS NULL OR end_at >= start_at),
    FOREIGN KEY (tenant_id, owner_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, team_id) REFERENCES teams (tenant_id, id) ON DELETE SET NULL (team_id),
    FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id) ON DELETE SET NULL (account_id),
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id) ON DELETE SET NULL (contact_id),
    FOREIGN KEY (tenant_id, lead_id) REFERENCES leads (tenant_id, id) ON DELETE SET NULL (lead_id),
    FOREIGN KEY (tenant_id, deal_id) REFERENCES deals (tenant_id, id) ON DELETE SET NULL (deal_id)
);
CREATE INDEX activities_owner ON activities (tenant_id, owner_id) WHERE deleted_at IS NULL;
CREATE INDEX activities_account ON activities (tenant_id, account_id, occurred_at DESC) WHERE account_id IS NOT NULL;
CREATE INDEX activities_contact ON activities (tenant_id, contact_id, occurred_at DESC) WHERE contact_id IS NOT NULL;
CREATE INDEX activities_lead ON activities (tenant_id, lead_id, occurred_at DESC) WHERE lead_id IS NOT NULL;
CREATE INDEX activities_deal ON activities (tenant_id, deal_id, occurred_at DESC) WHERE deal_id IS NOT NULL;
CREATE INDEX activities_pending_due ON activities (tenant_id, due_at) WHERE status = 'pending' AND deleted_at IS NULL;
CREATE INDEX activities_tags ON activities USING gin (tags);
SELECT app_enable_tenant_rls('activities');

-- Notes: markdown text about a record, with the users it mentions (@[Name](user:<id>) or @email).
CREATE TABLE notes (
    tenant_id         uuid NOT NULL REFERENCES tenants (id),
    id                uuid NOT NULL,
    body              text NOT NULL CHECK (length(trim(body)) BETWEEN 1 AND 20000),
    pinned            boolean NOT NULL DEFAULT false,
    mentions          uuid[] NOT NULL DEFAULT '{}',
    account_id        uuid,
    contact_id        uuid,
    lead_id           uuid,
    deal_id           uuid,
    owner_id          uuid NOT NULL,
    team_id           uuid,
    tags              text[] NOT NULL DEFAULT '{}',
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    deleted_at        timestamptz,
    version           bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, owner_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, team_id) REFERENCES teams (tenant_id, id) ON DELETE SET NULL (team_id),
    FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id) ON DELETE SET NULL (account_id),
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id) ON DELETE SET NULL (contact_id),
    FOREIGN KEY (tenant_id, lead_id) REFERENCES leads (tenant_id, id) ON DELETE SET NULL (lead_id),
    FOREIGN KEY (tenant_id, deal_id) REFERENCES deals (tenant_id, id) ON DELETE SET NULL (deal_id)
);
CREATE INDEX notes_owner ON notes (tenant_id, owner_id) WHERE deleted_at IS NULL;
CREATE INDEX notes_account ON notes (tenant_id, account_id, created_at DESC) WHERE account_id IS NOT NULL;
CREATE INDEX notes_contact ON notes (tenant_id, contact_id, created_at DESC) WHERE contact_id IS NOT NULL;
CREATE INDEX notes_lead ON notes (tenant_id, lead_id, created_at DESC) WHERE lead_id IS NOT NULL;
CREATE INDEX notes_deal ON notes (tenant_id, deal_id, created_at DESC) WHERE deal_id IS NOT NULL;
CREATE INDEX notes_mentions ON notes USING gin (mentions);
CREATE INDEX notes_tags ON notes USING gin (tags);
SELECT app_enable_tenant_rls('notes');

-- The timeline groups a record's field changes by the change that made them.
CREATE INDEX record_history_timeline ON record_history (tenant_id, record_type, record_id, changed_at DESC);
