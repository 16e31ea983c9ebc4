-- A record's duplicate keys and search postings are found by the record first. Before, these indexes began with
-- (tenant_id, record_type), as the primary keys do, so for a lookup by key or word the planner had two indexes that
-- looked equally cheap whenever it expected a row or none: for tables not yet analysed, or a workspace newer than
-- the statistics (a new customer's first import). It took the smaller one, which matched the workspace and filtered
-- the rest: each new lead's duplicate search read all the workspace's keys and postings, so an import slowed as it
-- went (26 rows/s after 2,500 leads, until autovacuum's statistics changed the plan). Now only the primary key
-- serves a lookup by key or word, and a lookup by record matches more columns of this index than of the key.
DROP INDEX duplicate_keys_record;
CREATE INDEX duplicate_keys_record ON duplicate_keys (record_id, record_type, tenant_id);
DROP INDEX search_postings_record;
CREATE INDEX search_postings_record ON search_postings (record_id, record_type, tenant_id);
