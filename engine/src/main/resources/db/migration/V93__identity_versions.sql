-- A workspace's identity version: raised in the same transaction as every change to its users, roles or teams
-- (whatever publishes IdentityChanged). Each request reads it with its session or API key, and a node serves a
-- caller it built earlier only while the version is the one it was built at, so a change applies at once on every
-- node. A change made with SQL outside the application must raise it too.
CREATE TABLE identity_versions (
    tenant_id  uuid PRIMARY KEY REFERENCES tenants (id),
    version    bigint NOT NULL DEFAULT 0
);
SELECT app_enable_tenant_rls('identity_versions');
