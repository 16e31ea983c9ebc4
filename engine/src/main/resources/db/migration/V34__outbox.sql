-- The transactional outbox: a row per message to leave Salesflow (email, text message, webhook call), written in the
-- transaction of the change that causes it. The relay (outbox.OutboxRelay) claims due rows by moving next_attempt_at
-- a lease ahead, delivers them through their channel and records the outcome; the message key is the id the
-- message carries on every attempt.

CREATE TABLE outbox_messages (
    tenant_id        uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    id               uuid NOT NULL,
    channel          text NOT NULL CHECK (length(channel) BETWEEN 1 AND 40),
    subject_id       uuid NOT NULL,
    message_key      text NOT NULL CHECK (length(message_key) BETWEEN 1 AND 400),
    status           text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED')),
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    delivered_at     timestamptz,
    PRIMARY KEY (tenant_id, id)
);
-- The relay's question, per tenant: which pending rows are due, oldest first. Delivered rows leave the index.
CREATE INDEX outbox_messages_due ON outbox_messages (tenant_id, next_attempt_at) WHERE status = 'PENDING';
-- A channel's record and its outbox rows (a delivery log, a redeliver action).
CREATE INDEX outbox_messages_subject ON outbox_messages (tenant_id, subject_id);
SELECT app_enable_tenant_rls('outbox_messages');
