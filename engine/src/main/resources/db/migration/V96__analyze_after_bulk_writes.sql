-- Refreshes the planner's statistics of the tables a bulk import fills, on behalf of the runtime role (which owns
-- no table, so cannot ANALYZE). Statistics know only the workspaces there were when they were taken: for a
-- workspace that has arrived since, estimates come to one row, every index that starts with tenant_id looks as
-- cheap as the next, and the planner may walk all of the workspace's records to find a few. One new lead's
-- duplicate search read 8,032 index entries and rows at 4,000 leads, 32 after a refresh (DuplicateLookupWorkTest).
-- Autovacuum refreshes them only after a tenth of a table has changed: for a new customer in a large table, after
-- hundreds of thousands of rows. Only these tables, nothing the caller names.
CREATE FUNCTION app_analyze_records(record_type text) RETURNS void
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, public
AS $$
BEGIN
    CASE record_type
        WHEN 'leads' THEN ANALYZE public.leads;
        WHEN 'contacts' THEN ANALYZE public.contacts;
        WHEN 'accounts' THEN ANALYZE public.accounts;
        ELSE RAISE EXCEPTION 'no bulk-written record type %', record_type;
    END CASE;
    ANALYZE public.duplicate_keys;
    ANALYZE public.search_postings;
END
$$;
REVOKE EXECUTE ON FUNCTION app_analyze_records(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_analyze_records(text) TO ${app_role};
