-- Tenancy foundation. Every table holding tenant data calls app_enable_tenant_rls(), which turns on
-- row-level security, forces it on the owner too, and filters on the per-transaction tenant setting.

GRANT USAGE ON SCHEMA public TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO ${app_role};

-- The tenant of the current transaction, set with set_config('app.tenant_id', id, true).
-- A setting that was only ever set locally reads as '' after its transaction: NULLIF keeps that
-- (and "never set") as NULL, which matches no row.
CREATE FUNCTION app_current_tenant() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;

CREATE FUNCTION app_enable_tenant_rls(tbl regclass) RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
    EXECUTE format('CREATE POLICY tenant_isolation ON %s USING (tenant_id = app_current_tenant()) '
                   'WITH CHECK (tenant_id = app_current_tenant())', tbl);
END
$$;
REVOKE EXECUTE ON FUNCTION app_enable_tenant_rls(regclass) FROM PUBLIC, ${app_role};

-- The tenant registry itself. Login resolves a tenant by slug before any tenant is set, so the app
-- role may read it. Tenants are provisioned and suspended, never deleted by the application.
CREATE TABLE tenants (
    id          uuid PRIMARY KEY,
    slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z][a-z0-9-]{1,62}$'),
    name        text NOT NULL,
    status      text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    created_at  timestamptz NOT NULL DEFAULT now()
);
REVOKE DELETE, TRUNCATE ON tenants FROM ${app_role};
