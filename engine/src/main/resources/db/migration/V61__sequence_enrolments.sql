-- A lead or contact enrolled in a sequence, run by one follow-up-sequence process instance. While active, a record
-- is in at most one exclusive sequence per mailbox: the partial unique index decides, not a check before the insert.
CREATE TABLE sequence_enrolments (
    tenant_id            uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    id                   uuid NOT NULL,
    sequence_id          uuid NOT NULL,
    record_type          text NOT NULL CHECK (record_type IN ('lead', 'contact')),
    record_id            uuid NOT NULL,
    -- The sequence's mailbox at enrolment, the nil uuid for the default sender: part of the uniqueness.
    mailbox_key          uuid NOT NULL,
    exclusive            boolean NOT NULL,
    status               text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'stopped')),
    stop_reason          text CHECK (stop_reason IN ('replied', 'bounced', 'unsubscribed', 'meeting', 'cancelled')),
    current_step         integer NOT NULL DEFAULT 0,
    source               text NOT NULL CHECK (source IN ('manual', 'bulk', 'nurture')),
    enrolled_by          uuid,
    process_instance_id  text,
    enrolled_at          timestamptz NOT NULL DEFAULT now(),
    ended_at             timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, sequence_id) REFERENCES sequences (tenant_id, id),
    CHECK ((status = 'stopped') = (stop_reason IS NOT NULL))
);
CREATE UNIQUE INDEX sequence_enrolments_one_active
    ON sequence_enrolments (tenant_id, record_type, record_id, mailbox_key) WHERE status = 'active' AND exclusive;
-- And a record is in one sequence once at a time, concurrent sequence or not.
CREATE UNIQUE INDEX sequence_enrolments_once
    ON sequence_enrolments (tenant_id, sequence_id, record_type, record_id) WHERE status = 'active';
-- A sequence's enrolments, newest first (its page), and a record's active ones (events that stop them).
CREATE INDEX sequence_enrolments_sequence ON sequence_enrolments (tenant_id, sequence_id, enrolled_at DESC, id DESC);
CREATE INDEX sequence_enrolments_record ON sequence_enrolments (tenant_id, record_type, record_id)
    WHERE status = 'active';
SELECT app_enable_tenant_rls('sequence_enrolments');
