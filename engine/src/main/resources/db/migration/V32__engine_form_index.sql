-- The modeler lists a workspace's deployed forms by key and version (process.admin.FormDefinitionStore); the
-- engine's own schema has no index on the forms' tenant, so every listing would read every workspace's forms.
CREATE INDEX act_idx_camformdef_tenant_key ON act_re_camformdef (tenant_id_, key_, version_ DESC);
