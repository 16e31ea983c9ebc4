-- Lead scoring: each tenant's scoring rule sets (numbered versions, at most one active), what leads did
-- (engagements), every change of a lead's score with the rules behind it, the explanation of the current
-- score, and the background jobs that rescore all leads when a rule set is activated.

-- A rule set is rules held as data (definition: a JSON array of rules) or DRL an admin uploaded. Drafts
-- change (revision is their ETag); activation freezes a version, and the one it replaces is retired but
-- stays for rollback. created_by/activated_by are null when Salesflow itself acted (the default set).
CREATE TABLE scoring_rule_sets (
    tenant_id       uuid NOT NULL REFERENCES tenants (id),
    id              uuid NOT NULL,
    version         integer NOT NULL CHECK (version > 0),
    name            text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),
    kind            text NOT NULL CHECK (kind IN ('data', 'drl')),
    definition      jsonb CHECK (jsonb_typeof(definition) = 'array'),
    drl             text,
    hot_threshold   integer NOT NULL,
    warm_threshold  integer NOT NULL,
    status          text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'retired')),
    revision        bigint NOT NULL DEFAULT 0,
    created_by      uuid,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    activated_by    uuid,
    activated_at    timestamptz,
    retired_at      timestamptz,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, version),
    CHECK (0 <= warm_threshold AND warm_threshold <= hot_threshold AND hot_threshold <= 100),
    CHECK ((kind = 'data' AND definition IS NOT NULL AND drl IS NULL)
        OR (kind = 'drl' AND drl IS NOT NULL AND definition IS NULL)),
    FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, activated_by) REFERENCES users (tenant_id, id)
);
CREATE UNIQUE INDEX scoring_rule_sets_one_active ON scoring_rule_sets (tenant_id) WHERE status = 'active';
SELECT app_enable_tenant_rls('scoring_rule_sets');

-- What a lead did (or what happened to a message sent to it), as the scoring rules see it. An engagement
-- with a reference (the source's own id: a message id, a form submission) is kept once per lead and type.
CREATE TABLE lead_engagements (
    tenant_id    uuid NOT NULL REFERENCES tenants (id),
    id           uuid NOT NULL,
    lead_id      uuid NOT NULL,
    type         text NOT NULL CHECK (type IN ('email_opened', 'email_clicked', 'email_replied', 'email_bounced',
                                               'unsubscribed', 'form_submitted', 'meeting_booked',
                                               'activity_completed', 'webinar_attended', 'page_visited')),
    occurred_at  timestamptz NOT NULL,
    detail       text CHECK (length(detail) <= 200),
    source       text NOT NULL CHECK (source ~ '^[a-z][a-z0-9_]{0,39}$'),
    reference    text CHECK (length(reference) BETWEEN 1 AND 200),
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, lead_id) REFERENCES leads (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX lead_engagements_lead ON lead_engagements (tenant_id, lead_id, occurred_at DESC);
CREATE UNIQUE INDEX lead_engagements_reference ON lead_engagements (tenant_id, lead_id, type, reference)
    WHERE reference IS NOT NULL;
SELECT app_enable_tenant_rls('lead_engagements');

-- Every change of a lead's score or band, and its first score. reason: created, engagement:<type>,
-- status_changed:<status>, rule_set_activated:<version> or manual. explanation: the rules that fired with
-- their points and the raw total before clamping to 0..100.
CREATE TABLE lead_score_history (
    tenant_id         uuid NOT NULL REFERENCES tenants (id),
    id                bigint GENERATED ALWAYS AS IDENTITY,
    lead_id           uuid NOT NULL,
    previous_score    integer CHECK (previous_score BETWEEN 0 AND 100),
    new_score         integer NOT NULL CHECK (new_score BETWEEN 0 AND 100),
    change            integer NOT NULL,
    previous_band     text CHECK (previous_band IN ('hot', 'warm', 'cold')),
    new_band          text NOT NULL CHECK (new_band IN ('hot', 'warm', 'cold')),
    reason            text NOT NULL
                      CHECK (reason ~ '^(created|manual|engagement:[a-z_]+|status_changed:[a-z_]+|rule_set_activated:[0-9]+)$'),
    rule_set_version  integer NOT NULL,
    explanation       jsonb NOT NULL,
    at                timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, lead_id) REFERENCES leads (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, rule_set_version) REFERENCES scoring_rule_sets (tenant_id, version)
);
CREATE INDEX lead_score_history_lead ON lead_score_history (tenant_id, lead_id, id DESC);
SELECT app_enable_tenant_rls('lead_score_history');

-- Why a lead has its current score (leads.score and score_band hold the figures themselves). Rewritten at
-- every scoring, while history keeps only changes: a rescoring under a new version that gives the same
-- score still leaves the new version's explanation here.
CREATE TABLE lead_score_explanations (
    tenant_id         uuid NOT NULL REFERENCES tenants (id),
    lead_id           uuid NOT NULL,
    rule_set_version  integer NOT NULL,
    explanation       jsonb NOT NULL,
    scored_at         timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, lead_id),
    FOREIGN KEY (tenant_id, lead_id) REFERENCES leads (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, rule_set_version) REFERENCES scoring_rule_sets (tenant_id, version)
);
SELECT app_enable_tenant_rls('lead_score_explanations');

-- Rescoring every lead of a tenant after an activation, in chunks in lead id order; last_lead_id is where a
-- job resumes after a restart. A job whose rule set was replaced before it finished is cancelled (the newer
-- activation's job rescores everything).
CREATE TABLE rescoring_jobs (
    tenant_id         uuid NOT NULL REFERENCES tenants (id),
    id                uuid NOT NULL,
    rule_set_id       uuid NOT NULL,
    rule_set_version  integer NOT NULL,
    status            text NOT NULL DEFAULT 'queued'
                      CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
    total             integer CHECK (total >= 0),
    processed         integer NOT NULL DEFAULT 0 CHECK (processed >= 0),
    changed           integer NOT NULL DEFAULT 0 CHECK (changed >= 0),
    last_lead_id      uuid,
    error             text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    started_at        timestamptz,
    finished_at       timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, rule_set_id) REFERENCES scoring_rule_sets (tenant_id, id)
);
CREATE INDEX rescoring_jobs_recent ON rescoring_jobs (tenant_id, created_at DESC, id);
CREATE INDEX rescoring_jobs_unfinished ON rescoring_jobs (tenant_id) WHERE status IN ('queued', 'running');
SELECT app_enable_tenant_rls('rescoring_jobs');
