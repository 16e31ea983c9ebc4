-- Files sent with an outgoing email (a contract, an invoice): written with the email in the transaction of the send,
-- read by the relay for every delivery, so a redelivery carries the same files. The email's row lists their names
-- and sizes for the API without reading the content.
CREATE TABLE email_attachments (
    tenant_id     uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    email_id      uuid NOT NULL,
    position      integer NOT NULL CHECK (position BETWEEN 0 AND 19),
    filename      text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
    content_type  text NOT NULL CHECK (content_type ~ '^[a-z0-9.+-]+/[a-z0-9.+-]+$'),
    content       bytea NOT NULL,
    PRIMARY KEY (tenant_id, email_id, position),
    FOREIGN KEY (tenant_id, email_id) REFERENCES emails (tenant_id, id) ON DELETE CASCADE
);
SELECT app_enable_tenant_rls('email_attachments');

ALTER TABLE emails ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]'
    CHECK (jsonb_typeof(attachments) = 'array' AND jsonb_array_length(attachments) <= 20);
