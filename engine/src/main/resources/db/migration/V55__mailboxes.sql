-- Mailboxes Salesflow reads over IMAP, per tenant: where replies to sent emails arrive and where mail to a lead
-- capture address lands. The cursor (uid_validity, last_uid) says how far a mailbox was read; a lease (leased_by,
-- leased_until) gives a mailbox to one reader at a time, whichever replica it runs on.

CREATE TABLE mailboxes (
    tenant_id        uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    id               uuid NOT NULL,
    name             text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 80),
    host             text NOT NULL CHECK (length(host) BETWEEN 1 AND 253),
    port             integer NOT NULL CHECK (port BETWEEN 1 AND 65535),
    ssl              boolean NOT NULL,
    username         text NOT NULL CHECK (length(username) BETWEEN 1 AND 254),
    password_sealed  bytea NOT NULL,
    folder           text NOT NULL DEFAULT 'INBOX' CHECK (length(folder) BETWEEN 1 AND 200),
    purpose          text NOT NULL CHECK (purpose IN ('replies', 'capture')),
    created_by       uuid NOT NULL,
    enabled          boolean NOT NULL DEFAULT true,
    uid_validity     bigint NOT NULL DEFAULT 0,
    last_uid         bigint NOT NULL DEFAULT 0,
    next_read_at     timestamptz NOT NULL DEFAULT now(),
    leased_by        text,
    leased_until     timestamptz,
    last_read_at     timestamptz,
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    version          bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX mailboxes_name ON mailboxes (tenant_id, lower(name));
-- The readers' question, per tenant: which enabled mailboxes are due.
CREATE INDEX mailboxes_due ON mailboxes (tenant_id, next_read_at) WHERE enabled;
SELECT app_enable_tenant_rls('mailboxes');

-- Every message read, once: (mailbox, uid_validity, uid) is what makes a repeated read harmless.
CREATE TABLE inbound_mails (
    tenant_id           uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    id                  uuid NOT NULL,
    mailbox_id          uuid NOT NULL,
    uid_validity        bigint NOT NULL,
    uid                 bigint NOT NULL,
    kind                text NOT NULL CHECK (kind IN ('REPLY', 'BOUNCE', 'AUTO_REPLY', 'NEW', 'UNREADABLE')),
    status              text NOT NULL CHECK (status IN ('RECEIVED', 'THREADED', 'LEAD_CREATED', 'MATCHED', 'IGNORED', 'QUARANTINED')),
    message_id          text,
    thread_ids          text[] NOT NULL DEFAULT '{}',
    reply_tokens        text[] NOT NULL DEFAULT '{}',
    from_address        text,
    from_name           text,
    recipients          text[] NOT NULL DEFAULT '{}',
    subject             text,
    body_text           text,
    sent_at             timestamptz,
    bounced_recipients  text[] NOT NULL DEFAULT '{}',
    bounce_status       text,
    record_type         text,
    record_id           uuid,
    note                text,
    raw                 bytea,
    received_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, mailbox_id, uid_validity, uid),
    FOREIGN KEY (tenant_id, mailbox_id) REFERENCES mailboxes (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX inbound_mails_mailbox ON inbound_mails (tenant_id, mailbox_id, received_at DESC, id);
CREATE INDEX inbound_mails_record ON inbound_mails (tenant_id, record_type, record_id) WHERE record_id IS NOT NULL;
SELECT app_enable_tenant_rls('inbound_mails');

-- A sender is looked up by address among contacts when captured mail arrives. Contacts keep their address in lower
-- case, so the plain column serves: under row-level security an index on lower(email) is no index condition
-- (lower() is not leak-proof).
CREATE INDEX contacts_email_exact ON contacts (tenant_id, email) WHERE email IS NOT NULL;
