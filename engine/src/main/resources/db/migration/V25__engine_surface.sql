-- The engine surface belongs to the installation's platform operator, who is configured outside every workspace
-- (salesflow.platform.operator.*). No workspace role runs the platform any more: 'platform:admin' becomes
-- 'workspace:owner', what sets a super admin apart from an org admin (only a super admin can change a super
-- admin), and 'process:operate' is the workspace's right to operate its own processes through /api/v1.

INSERT INTO permissions (code, description, scoped) VALUES
    ('workspace:owner', 'Own the workspace: the super admin role alone holds it, so only super admins change super admins', false);
UPDATE system_role_permissions SET permission_code = 'workspace:owner' WHERE permission_code = 'platform:admin';
DO $$
DECLARE
    t uuid;
BEGIN
    -- role_permissions is under forced row-level security, for the owner too: one tenant at a time.
    FOR t IN SELECT id FROM tenants LOOP
        PERFORM set_config('app.tenant_id', t::text, true);
        UPDATE role_permissions SET permission_code = 'workspace:owner' WHERE permission_code = 'platform:admin';
    END LOOP;
    PERFORM set_config('app.tenant_id', '', true);
END
$$;
DELETE FROM permissions WHERE code = 'platform:admin';
UPDATE permissions SET description = 'Operate the workspace''s running processes (retry, cancel, move) through Salesflow'
 WHERE code = 'process:operate';
UPDATE system_roles SET description = 'Owns the workspace; every permission' WHERE code = 'super_admin';

-- Engine objects stay in their tenant: the engine's tenant check lets objects without a tenant through to
-- everyone, so none may exist. New rows only (NOT VALID): older installations keep what they have.
ALTER TABLE act_re_deployment ADD CONSTRAINT act_re_deployment_tenant CHECK (tenant_id_ IS NOT NULL) NOT VALID;
ALTER TABLE act_re_procdef ADD CONSTRAINT act_re_procdef_tenant CHECK (tenant_id_ IS NOT NULL) NOT VALID;
ALTER TABLE act_re_decision_def ADD CONSTRAINT act_re_decision_def_tenant CHECK (tenant_id_ IS NOT NULL) NOT VALID;
ALTER TABLE act_re_decision_req_def
    ADD CONSTRAINT act_re_decision_req_def_tenant CHECK (tenant_id_ IS NOT NULL) NOT VALID;
ALTER TABLE act_re_case_def ADD CONSTRAINT act_re_case_def_tenant CHECK (tenant_id_ IS NOT NULL) NOT VALID;
ALTER TABLE act_re_camformdef ADD CONSTRAINT act_re_camformdef_tenant CHECK (tenant_id_ IS NOT NULL) NOT VALID;
ALTER TABLE act_ru_execution ADD CONSTRAINT act_ru_execution_tenant CHECK (tenant_id_ IS NOT NULL) NOT VALID;
ALTER TABLE act_ru_case_execution
    ADD CONSTRAINT act_ru_case_execution_tenant CHECK (tenant_id_ IS NOT NULL) NOT VALID;
ALTER TABLE act_ru_task ADD CONSTRAINT act_ru_task_tenant CHECK (tenant_id_ IS NOT NULL) NOT VALID;
ALTER TABLE act_ru_ext_task ADD CONSTRAINT act_ru_ext_task_tenant CHECK (tenant_id_ IS NOT NULL) NOT VALID;

-- A filter (a stored task query) has no tenant column: its query names exactly one tenant instead, and holds no
-- expression (keys ending in "Expression" are evaluated by the engine when the filter runs).
CREATE FUNCTION app_engine_filter_is_safe(query text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
AS $$
    SELECT query !~ 'Expressions?"\s*:'
       AND CASE WHEN jsonb_typeof(query::jsonb -> 'tenantIds') = 'array'
                THEN jsonb_array_length(query::jsonb -> 'tenantIds') = 1
                ELSE false END
       AND coalesce((query::jsonb ->> 'withoutTenantId')::boolean, false) = false
$$;
ALTER TABLE act_ru_filter ADD CONSTRAINT act_ru_filter_one_tenant_no_expression
    CHECK (app_engine_filter_is_safe(query_)) NOT VALID;
