-- The colleague lookup reads active users whose lower-case name lies in [prefix, prefix + U+10FFFF). Under
-- row-level security only a clause with leak-proof parts may become an index condition, and lower() is not
-- leak-proof, so on the expression index the range stayed a filter and a lookup read every name sorting before the
-- prefix (50,000 rows for "ma" among 200,000 users). A stored column compared with the leak-proof text operators
-- is an index condition: the lookup reads the page it returns and no more.
ALTER TABLE users ADD COLUMN name_key text COLLATE "C" GENERATED ALWAYS AS (lower(display_name)) STORED;
DROP INDEX users_active_name_prefix;
CREATE INDEX users_active_name_key ON users (tenant_id, name_key, id) WHERE status = 'ACTIVE';
