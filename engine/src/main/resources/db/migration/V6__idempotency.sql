-- Idempotency-Key records: a POST with a key runs once per tenant and caller; a repeat gets the
-- stored response. Rows expire after the retention period (salesflow.api.idempotency-retention).
CREATE TABLE idempotency_keys (
    tenant_id         uuid NOT NULL REFERENCES tenants (id),
    caller            text NOT NULL,
    idempotency_key   text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
    request_method    text NOT NULL,
    request_path      text NOT NULL,
    request_hash      text NOT NULL,
    status            text NOT NULL CHECK (status IN ('IN_PROGRESS', 'COMPLETED')),
    response_status   integer,
    response_headers  jsonb,
    response_body     bytea,
    created_at        timestamptz NOT NULL DEFAULT now(),
    completed_at      timestamptz,
    expires_at        timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, caller, idempotency_key)
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (tenant_id, expires_at);
SELECT app_enable_tenant_rls('idempotency_keys');
