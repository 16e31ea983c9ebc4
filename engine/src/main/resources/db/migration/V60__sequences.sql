-- Follow-up sequences (sequence module): a named, ordered list of steps run by the follow-up-sequence process for
-- each enrolled lead or contact. Steps are kept whole per sequence: saving a sequence replaces its steps and
-- variants and moves its version on (the ETag), in one transaction.
CREATE TABLE sequences (
    tenant_id            uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    id                   uuid NOT NULL,
    name                 text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 120),
    -- Whose working hours sends wait for, and who gets the rep tasks when the record has no owner.
    sender_id            uuid NOT NULL,
    -- The replies mailbox the sequence's emails are answered into; null: the workspace's default sender.
    mailbox_id           uuid,
    allow_concurrent     boolean NOT NULL DEFAULT false,
    stop_on_reply        boolean NOT NULL DEFAULT true,
    stop_on_bounce       boolean NOT NULL DEFAULT true,
    stop_on_unsubscribe  boolean NOT NULL DEFAULT true,
    stop_on_meeting      boolean NOT NULL DEFAULT true,
    archived             boolean NOT NULL DEFAULT false,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    version              bigint NOT NULL DEFAULT 1,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, sender_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, mailbox_id) REFERENCES mailboxes (tenant_id, id) ON DELETE SET NULL (mailbox_id)
);
CREATE UNIQUE INDEX sequences_name ON sequences (tenant_id, lower(name)) WHERE NOT archived;
-- The list page: by name, keyset-paged.
CREATE INDEX sequences_list ON sequences (tenant_id, lower(name), id) WHERE NOT archived;
SELECT app_enable_tenant_rls('sequences');

-- One step: what it does (kind) and how long, in business time, the process then waits for an answer.
CREATE TABLE sequence_steps (
    tenant_id    uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    sequence_id  uuid NOT NULL,
    position     integer NOT NULL CHECK (position BETWEEN 1 AND 30),
    kind         text NOT NULL CHECK (kind IN ('email', 'sms', 'whatsapp', 'task', 'wait')),
    wait         text NOT NULL CHECK (wait ~ '^P'),
    task_name    text CHECK (length(btrim(task_name)) BETWEEN 1 AND 200),
    PRIMARY KEY (tenant_id, sequence_id, position),
    FOREIGN KEY (tenant_id, sequence_id) REFERENCES sequences (tenant_id, id) ON DELETE CASCADE,
    CHECK ((kind = 'task') = (task_name IS NOT NULL))
);
SELECT app_enable_tenant_rls('sequence_steps');

-- A/B variants of a sending step: each enrolment gets one, chosen by weight and kept.
CREATE TABLE sequence_variants (
    tenant_id             uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    sequence_id           uuid NOT NULL,
    position              integer NOT NULL,
    label                 text NOT NULL CHECK (label ~ '^[A-Z]$'),
    weight                integer NOT NULL CHECK (weight BETWEEN 1 AND 100),
    email_template_id     uuid,
    sms_body              text CHECK (length(sms_body) BETWEEN 1 AND 1600),
    whatsapp_content_sid  text CHECK (whatsapp_content_sid ~ '^HX[0-9a-f]{32}$'),
    PRIMARY KEY (tenant_id, sequence_id, position, label),
    FOREIGN KEY (tenant_id, sequence_id, position) REFERENCES sequence_steps (tenant_id, sequence_id, position)
        ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, email_template_id) REFERENCES email_templates (tenant_id, id),
    CHECK (num_nonnulls(email_template_id, sms_body, whatsapp_content_sid) = 1)
);
CREATE INDEX sequence_variants_template ON sequence_variants (tenant_id, email_template_id)
    WHERE email_template_id IS NOT NULL;
SELECT app_enable_tenant_rls('sequence_variants');
