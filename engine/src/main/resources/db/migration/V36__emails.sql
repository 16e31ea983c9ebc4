-- Emails in both directions. An outgoing email is written with its outbox row (channel 'email', message key =
-- message_id) in the transaction of the send; its Message-ID is made once, when it is queued, and is what every
-- delivery carries. Incoming mail threads to it by in_reply_to/references, or by its reply token
-- (reply+<token>@<reply domain>). An email belongs to at most one CRM record, whose timeline shows it.
CREATE TABLE emails (
    tenant_id         uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    id                uuid NOT NULL,
    direction         text NOT NULL CHECK (direction IN ('outbound', 'inbound')),
    status            text NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'suppressed', 'bounced', 'received')),
    message_id        text NOT NULL CHECK (length(message_id) BETWEEN 3 AND 998),
    in_reply_to       text CHECK (length(in_reply_to) <= 998),
    references_ids    text[] NOT NULL DEFAULT '{}',
    reply_token       text CHECK (reply_token ~ '^[a-z0-9]{16,64}$'),
    from_address      text NOT NULL CHECK (length(from_address) BETWEEN 3 AND 254),
    from_name         text CHECK (length(from_name) <= 200),
    to_addresses      text[] NOT NULL CHECK (cardinality(to_addresses) BETWEEN 1 AND 50),
    cc_addresses      text[] NOT NULL DEFAULT '{}' CHECK (cardinality(cc_addresses) <= 50),
    subject           text NOT NULL CHECK (length(subject) <= 998),
    body_text         text,
    body_html         text,
    record_type       text CHECK (record_type IN ('lead', 'contact', 'deal', 'account')),
    record_id         uuid,
    template_id       uuid,
    template_version  integer,
    created_at        timestamptz NOT NULL DEFAULT now(),
    sent_at           timestamptz,
    attempts          integer NOT NULL DEFAULT 0,
    last_error        text,
    created_by        uuid,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, message_id),
    CHECK ((record_type IS NULL) = (record_id IS NULL)),
    CHECK (body_text IS NOT NULL OR body_html IS NOT NULL)
);
-- Reply tokens are random: unique across the installation, so a reply finds its email before knowing the tenant.
CREATE UNIQUE INDEX emails_reply_token ON emails (reply_token) WHERE reply_token IS NOT NULL;
-- A record's emails, newest first (the timeline and GET /api/v1/emails?recordType=&recordId=).
CREATE INDEX emails_record ON emails (tenant_id, record_type, record_id, created_at DESC, id);
-- The send rate: emails sent in the last minute.
CREATE INDEX emails_sent ON emails (tenant_id, sent_at) WHERE direction = 'outbound' AND sent_at IS NOT NULL;
SELECT app_enable_tenant_rls('emails');

-- Addresses no email is sent to: unsubscribed (one-click List-Unsubscribe), bounced, or added by an admin.
CREATE TABLE email_suppressions (
    tenant_id    uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    address      text NOT NULL CHECK (address = lower(address) AND length(address) BETWEEN 3 AND 254),
    reason       text NOT NULL CHECK (reason IN ('unsubscribed', 'bounced', 'complained', 'manual')),
    email_id     uuid,
    note         text CHECK (length(note) <= 500),
    created_at   timestamptz NOT NULL DEFAULT now(),
    created_by   uuid,
    PRIMARY KEY (tenant_id, address)
);
SELECT app_enable_tenant_rls('email_suppressions');
