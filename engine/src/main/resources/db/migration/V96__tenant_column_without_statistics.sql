-- The planner estimates a workspace's rows from the statistics of tenant_id, and those know only the workspaces
-- there were when they were taken. A new workspace (a new customer; its first import) came out at one row, so
-- every index beginning with tenant_id looked as cheap as the primary key: an UPDATE of one lead by id, or the
-- lookup of a duplicate candidate, walked all the workspace's 4,000 leads through another index (8,002 index
-- entries and rows for one score change in DuplicateLookupWorkTest, in CI, where the tables hold every other
-- test's workspaces). Every query runs in exactly one workspace (row-level security), so the spread of rows over
-- workspaces says nothing a plan needs. Without statistics for the column, the planner takes a workspace for a
-- fixed share of the table (1/200), the same for old and new ones, and a key with more of its columns matched is
-- always the cheaper path.
DO $$
DECLARE
    t regclass;
BEGIN
    FOR t IN
        SELECT c.oid::regclass
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
          AND a.attname = 'tenant_id' AND NOT a.attisdropped
    LOOP
        EXECUTE format('ALTER TABLE %s ALTER COLUMN tenant_id SET STATISTICS 0', t);
    END LOOP;
END
$$;

-- Tables made later get the same when row-level security is enabled on them.
CREATE OR REPLACE FUNCTION app_enable_tenant_rls(tbl regclass) RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
    EXECUTE format('CREATE POLICY tenant_isolation ON %s USING (tenant_id = app_current_tenant()) '
                   'WITH CHECK (tenant_id = app_current_tenant())', tbl);
    EXECUTE format('ALTER TABLE %s ALTER COLUMN tenant_id SET STATISTICS 0', tbl);
END
$$;
