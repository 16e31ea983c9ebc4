-- One row per message a sequence step sent (or tried to): which variant, and what became of it. The figures of a
-- sequence are counts over its rows, read through the (sequence, step, variant) index.
CREATE TABLE sequence_sends (
    tenant_id        uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    id               uuid NOT NULL,
    sequence_id      uuid NOT NULL,
    enrolment_id     uuid NOT NULL,
    position         integer NOT NULL,
    variant          text NOT NULL,
    channel          text NOT NULL CHECK (channel IN ('email', 'sms', 'whatsapp')),
    status           text NOT NULL CHECK (status IN ('queued', 'suppressed', 'no-address', 'opted-out')),
    email_id         uuid,
    text_message_id  uuid,
    sent_at          timestamptz NOT NULL DEFAULT now(),
    failed_at        timestamptz,
    opened_at        timestamptz,
    clicked_at       timestamptz,
    replied_at       timestamptz,
    bounced_at       timestamptz,
    unsubscribed_at  timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, enrolment_id) REFERENCES sequence_enrolments (tenant_id, id),
    UNIQUE (tenant_id, enrolment_id, position)
);
CREATE INDEX sequence_sends_figures ON sequence_sends (tenant_id, sequence_id, position, variant);
CREATE UNIQUE INDEX sequence_sends_email ON sequence_sends (tenant_id, email_id) WHERE email_id IS NOT NULL;
SELECT app_enable_tenant_rls('sequence_sends');
