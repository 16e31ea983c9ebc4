-- SMS and WhatsApp messages sent to and received from leads and contacts (textmessage module). An outbound
-- message is written with its outbox row in one transaction; Twilio's MessageSid arrives when Twilio took it,
-- and status callbacks move the status forward only (see textmessage.TextStatus).
CREATE TABLE text_messages (
    tenant_id          uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    id                 uuid NOT NULL,
    direction          text NOT NULL CHECK (direction IN ('outbound', 'inbound')),
    channel            text NOT NULL CHECK (channel IN ('sms', 'whatsapp')),
    status             text NOT NULL CHECK (status IN ('queued', 'sent', 'delivered', 'read', 'failed', 'undelivered',
                                                       'opted_out', 'received')),
    message_sid        text CHECK (message_sid ~ '^[A-Z]{2}[0-9a-f]{32}$'),
    to_number          text NOT NULL CHECK (length(to_number) BETWEEN 2 AND 60),
    from_number        text CHECK (length(from_number) BETWEEN 2 AND 60),
    body               text CHECK (length(body) <= 1600),
    content_sid        text CHECK (content_sid ~ '^HX[0-9a-f]{32}$'),
    content_variables  jsonb CHECK (content_variables IS NULL OR jsonb_typeof(content_variables) = 'object'),
    record_type        text CHECK (record_type IN ('lead', 'contact')),
    record_id          uuid,
    sent_by            uuid,
    error_code         integer,
    error_message      text CHECK (length(error_message) <= 1000),
    created_at         timestamptz NOT NULL DEFAULT now(),
    status_changed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    CHECK ((record_type IS NULL) = (record_id IS NULL)),
    CHECK (direction = 'inbound' OR record_id IS NOT NULL),
    CHECK (body IS NOT NULL OR content_sid IS NOT NULL)
);
-- Callbacks find a message by Twilio's id; an inbound message delivered twice is stored once.
CREATE UNIQUE INDEX text_messages_sid ON text_messages (tenant_id, message_sid) WHERE message_sid IS NOT NULL;
-- A record's messages, newest first (the list and the timeline), and merges moving them.
CREATE INDEX text_messages_record ON text_messages (tenant_id, record_type, record_id, created_at DESC, id DESC);
SELECT app_enable_tenant_rls('text_messages');
