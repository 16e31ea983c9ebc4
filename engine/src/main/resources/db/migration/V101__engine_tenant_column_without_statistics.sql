-- V96 for the engine's tables: their workspace column is tenant_id_ (the workspace's slug). Statistics taken before
-- a workspace existed put it at one row, so a correlation in a new workspace walked all the workspace's executions
-- through the tenant index instead of finding the one with the business key (a message's lookup read every
-- waiting instance of the workspace). Without statistics for the column a workspace is a fixed share of a table,
-- and a business key, a process instance or an execution id is always the cheaper path.
DO $$
DECLARE
    t regclass;
BEGIN
    FOR t IN
        SELECT c.oid::regclass
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
          AND a.attname = 'tenant_id_' AND NOT a.attisdropped
    LOOP
        EXECUTE format('ALTER TABLE %s ALTER COLUMN tenant_id_ SET STATISTICS 0', t);
    END LOOP;
END
$$;
