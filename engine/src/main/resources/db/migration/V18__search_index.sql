-- Search without reading every record. Each searchable table keeps its searchable text in a generated
-- column; triggers keep a posting list (which record has which word, and which English word stem) and a
-- per-tenant dictionary of words. A query word is first expanded to the dictionary words it matches
-- (exact, prefix, or within a small edit distance), then the postings give the records having them.
--
-- Why postings instead of GIN indexes on the tables: with row-level security PostgreSQL only uses an index
-- for conditions whose operators are leakproof. Array overlap and full-text match are not; text equality
-- and pattern comparisons are, so a B-tree over (tenant, word) serves a query under the tenant policy.

-- The searchable text of a record, lower case. Declared immutable (array_to_string is only stable because
-- of other element types' output functions; for text it never changes), so a generated column may use it.
CREATE FUNCTION app_search_text(VARIADIC parts text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT lower(array_to_string(parts, ' ')) $$;

-- The English stem of a word as PostgreSQL full-text search has it ("consultants", "consulting" → "consult"),
-- marked with a leading '~' so it never equals a word; NULL for words with digits, '@' or dots.
CREATE FUNCTION app_search_stem(word text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE WHEN word ~ '[0-9@.]' THEN NULL ELSE '~' || (ts_lexize('english_stem', word))[1] END $$;

-- What a record is found by: its words and their stems.
CREATE FUNCTION app_search_terms(document text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT coalesce(array_agg(DISTINCT t), '{}')
    FROM unnest(app_search_words(document)) w, LATERAL (VALUES (w), (app_search_stem(w))) AS terms (t)
    WHERE t IS NOT NULL AND length(t) <= 100
$$;

CREATE TABLE search_postings (
    tenant_id   uuid NOT NULL REFERENCES tenants (id),
    term        text NOT NULL,
    record_type text NOT NULL,
    record_id   uuid NOT NULL,
    PRIMARY KEY (tenant_id, record_type, term, record_id)
);
CREATE INDEX search_postings_record ON search_postings (tenant_id, record_type, record_id);
SELECT app_enable_tenant_rls('search_postings');

-- Every word ever indexed, per tenant. Words are never taken out: a stale word only expands a query to a
-- word no record has any more, which finds nothing.
CREATE TABLE search_words (
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    word      text NOT NULL,
    PRIMARY KEY (tenant_id, word)
);
-- Prefix matches ("smi" → "smith") use the pattern-ordered index; typo matches read the plain words.
CREATE INDEX search_words_prefix ON search_words (tenant_id, word text_pattern_ops);
SELECT app_enable_tenant_rls('search_words');
REVOKE UPDATE, TRUNCATE ON search_words FROM ${app_role};

-- Statement-level triggers over transition tables: one posting insert per statement, however many rows.
-- TG_ARGV[0] is the record type as the API names it.
CREATE FUNCTION app_index_inserted_records() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO search_postings (tenant_id, term, record_type, record_id)
    SELECT n.tenant_id, t.term, TG_ARGV[0], n.id
    FROM new_rows n CROSS JOIN LATERAL unnest(app_search_terms(n.search_text)) AS t (term)
    ON CONFLICT DO NOTHING;
    INSERT INTO search_words (tenant_id, word)
    SELECT DISTINCT n.tenant_id, w.word
    FROM new_rows n CROSS JOIN LATERAL unnest(app_search_words(n.search_text)) AS w (word)
    WHERE length(w.word) <= 100
    ORDER BY 1, 2
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

-- A changed record loses the terms it no longer has and gains its new ones; unchanged text costs a join only.
CREATE FUNCTION app_index_updated_records() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    DELETE FROM search_postings p
    USING new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id
    WHERE o.search_text IS DISTINCT FROM n.search_text
      AND p.tenant_id = n.tenant_id AND p.record_type = TG_ARGV[0] AND p.record_id = n.id
      AND NOT (p.term = ANY (app_search_terms(n.search_text)));
    INSERT INTO search_postings (tenant_id, term, record_type, record_id)
    SELECT n.tenant_id, t.term, TG_ARGV[0], n.id
    FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id
         CROSS JOIN LATERAL unnest(app_search_terms(n.search_text)) AS t (term)
    WHERE o.search_text IS DISTINCT FROM n.search_text
    ON CONFLICT DO NOTHING;
    INSERT INTO search_words (tenant_id, word)
    SELECT DISTINCT n.tenant_id, w.word
    FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id
         CROSS JOIN LATERAL unnest(app_search_words(n.search_text)) AS w (word)
    WHERE o.search_text IS DISTINCT FROM n.search_text AND length(w.word) <= 100
    ORDER BY 1, 2
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE FUNCTION app_index_deleted_records() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    DELETE FROM search_postings p USING old_rows o
    WHERE p.tenant_id = o.tenant_id AND p.record_type = TG_ARGV[0] AND p.record_id = o.id;
    RETURN NULL;
END
$$;

-- Makes a table with a search_text column searchable as record type `type`, indexing what it holds.
CREATE FUNCTION app_enable_search(tbl regclass, type text) RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    name text := tbl::text;
    t record;
BEGIN
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %s REFERENCING NEW TABLE AS new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION app_index_inserted_records(%L)', name || '_search_inserted', tbl, type);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %s REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION app_index_updated_records(%L)', name || '_search_updated', tbl, type);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %s REFERENCING OLD TABLE AS old_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION app_index_deleted_records(%L)', name || '_search_deleted', tbl, type);
    -- What exists already, tenant by tenant (row-level security applies to this role too).
    FOR t IN SELECT id FROM tenants LOOP
        PERFORM set_config('app.tenant_id', t.id::text, true);
        EXECUTE format('INSERT INTO search_postings (tenant_id, term, record_type, record_id) '
                       'SELECT r.tenant_id, x.term, %L, r.id FROM %s r '
                       'CROSS JOIN LATERAL unnest(app_search_terms(r.search_text)) AS x (term) ON CONFLICT DO NOTHING',
                       type, tbl);
        EXECUTE format('INSERT INTO search_words (tenant_id, word) SELECT DISTINCT r.tenant_id, w.word FROM %s r '
                       'CROSS JOIN LATERAL unnest(app_search_words(r.search_text)) AS w (word) '
                       'WHERE length(w.word) <= 100 ON CONFLICT DO NOTHING', tbl);
    END LOOP;
    PERFORM set_config('app.tenant_id', '', true);
END
$$;
REVOKE EXECUTE ON FUNCTION app_enable_search(regclass, text) FROM PUBLIC, ${app_role};

ALTER TABLE accounts ADD COLUMN search_text text
    GENERATED ALWAYS AS (app_search_text(name, domain, website, industry)) STORED;
ALTER TABLE contacts ADD COLUMN search_text text
    GENERATED ALWAYS AS (app_search_text(first_name, last_name, email, phone, title)) STORED;
ALTER TABLE leads ADD COLUMN search_text text
    GENERATED ALWAYS AS (app_search_text(first_name, last_name, company, email, phone)) STORED;
ALTER TABLE deals ADD COLUMN search_text text
    GENERATED ALWAYS AS (app_search_text(name)) STORED;

SELECT app_enable_search('accounts', 'account');
SELECT app_enable_search('contacts', 'contact');
SELECT app_enable_search('leads', 'lead');
SELECT app_enable_search('deals', 'deal');
