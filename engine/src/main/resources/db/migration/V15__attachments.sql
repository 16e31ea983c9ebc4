-- Files attached to CRM records of any type. The metadata names its record by type and id (no foreign key:
-- records of every type carry attachments); the content lives behind a storage interface, by default in
-- attachment_contents. Attachments of a deleted record stay until the record is purged.
CREATE TABLE attachments (
    tenant_id     uuid NOT NULL REFERENCES tenants (id),
    id            uuid NOT NULL,
    record_type   text NOT NULL,
    record_id     uuid NOT NULL,
    filename      text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
    content_type  text NOT NULL,
    size_bytes    bigint NOT NULL CHECK (size_bytes > 0),
    sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    uploaded_by   uuid NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, uploaded_by) REFERENCES users (tenant_id, id)
);
CREATE INDEX attachments_record ON attachments (tenant_id, record_type, record_id, created_at DESC, id DESC);
SELECT app_enable_tenant_rls('attachments');

-- The bytes of each attachment when PostgreSQL is the store. Stored out of line and uncompressed: most
-- attachments (PDF, images, Office files) are compressed already.
CREATE TABLE attachment_contents (
    tenant_id  uuid NOT NULL REFERENCES tenants (id),
    id         uuid NOT NULL,
    content    bytea NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, id) REFERENCES attachments (tenant_id, id) ON DELETE CASCADE
);
ALTER TABLE attachment_contents ALTER COLUMN content SET STORAGE EXTERNAL;
SELECT app_enable_tenant_rls('attachment_contents');
