-- Append-only audit log, written in the same transaction as the change it records. The app role may
-- add and read rows, never change or remove them; a trigger stops the owner too.
CREATE TABLE audit_log (
    tenant_id      uuid NOT NULL REFERENCES tenants (id),
    id             bigint GENERATED ALWAYS AS IDENTITY,
    occurred_at    timestamptz NOT NULL DEFAULT now(),
    actor_id       uuid,
    actor_type     text NOT NULL CHECK (actor_type IN ('USER', 'API_KEY', 'SYSTEM')),
    action         text NOT NULL,
    resource_type  text NOT NULL,
    resource_id    text NOT NULL,
    before_state   jsonb,
    after_state    jsonb,
    ip_address     text,
    user_agent     text,
    request_id     text,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX audit_log_resource ON audit_log (tenant_id, resource_type, resource_id, occurred_at);
CREATE INDEX audit_log_time ON audit_log (tenant_id, occurred_at);
SELECT app_enable_tenant_rls('audit_log');
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${app_role};

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
