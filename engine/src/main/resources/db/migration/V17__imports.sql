-- Imports of leads, contacts and accounts from CSV or XLSX files. A job keeps its file until it is done, so an
-- interrupted job resumes after the rows it had committed (processed_rows); the worker that holds the lease
-- (worker, lease_until) is the only one writing progress. Bad rows keep their raw cells for the failed-rows file.
-- request_hash is the SHA-256 of the upload (file and form fields), compared when an Idempotency-Key repeats.
CREATE TABLE import_jobs (
    tenant_id       uuid NOT NULL REFERENCES tenants (id),
    id              uuid NOT NULL,
    record_type     text NOT NULL CHECK (record_type IN ('leads', 'contacts', 'accounts')),
    format          text NOT NULL CHECK (format IN ('csv', 'xlsx')),
    filename        text NOT NULL,
    columns         jsonb NOT NULL,
    mapping         jsonb NOT NULL,
    dry_run         boolean NOT NULL,
    duplicates      text NOT NULL CHECK (duplicates IN ('create', 'skip', 'merge')),
    status          text NOT NULL DEFAULT 'queued'
                    CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
    failure         text,
    total_rows      integer,
    processed_rows  integer NOT NULL DEFAULT 0,
    imported        integer NOT NULL DEFAULT 0,
    merged          integer NOT NULL DEFAULT 0,
    skipped         integer NOT NULL DEFAULT 0,
    failed          integer NOT NULL DEFAULT 0,
    created_by      uuid NOT NULL,
    actor_type      text NOT NULL CHECK (actor_type IN ('USER', 'API_KEY')),
    actor_id        uuid NOT NULL,
    permissions     text[] NOT NULL,
    idempotency_key text,
    request_hash    text NOT NULL,
    worker          uuid,
    lease_until     timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    started_at      timestamptz,
    finished_at     timestamptz,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id)
);
CREATE INDEX import_jobs_created ON import_jobs (tenant_id, created_at DESC, id);
-- An upload repeated with the same Idempotency-Key by the same principal finds its first job.
CREATE UNIQUE INDEX import_jobs_idempotency ON import_jobs (tenant_id, actor_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX import_jobs_unfinished ON import_jobs (tenant_id, status) WHERE status IN ('queued', 'running');
SELECT app_enable_tenant_rls('import_jobs');

CREATE TABLE import_files (
    tenant_id  uuid NOT NULL REFERENCES tenants (id),
    job_id     uuid NOT NULL,
    content    bytea NOT NULL,
    PRIMARY KEY (tenant_id, job_id),
    FOREIGN KEY (tenant_id, job_id) REFERENCES import_jobs (tenant_id, id) ON DELETE CASCADE
);
SELECT app_enable_tenant_rls('import_files');

CREATE TABLE import_row_errors (
    tenant_id   uuid NOT NULL REFERENCES tenants (id),
    id          bigint GENERATED ALWAYS AS IDENTITY,
    job_id      uuid NOT NULL,
    row_number  integer NOT NULL,
    field       text,
    message     text NOT NULL,
    raw         jsonb NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, job_id) REFERENCES import_jobs (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX import_row_errors_job ON import_row_errors (tenant_id, job_id, id);
SELECT app_enable_tenant_rls('import_row_errors');
