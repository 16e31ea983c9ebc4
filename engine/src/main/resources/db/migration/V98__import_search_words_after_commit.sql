-- An import chunk runs for a second or more in one transaction. When it added its new words to the workspace's
-- dictionary (search_words) there, every other record with one of those words (a rep's lead, a web form's) waited
-- on the dictionary's key until the chunk committed. A transaction that sets app.defer_search_words (imports do)
-- leaves its words in search_words_pending instead, without a key to wait on; the importer moves them into the
-- dictionary after each commit. Only prefix and typo expansion of a word new to the workspace waits for that; a
-- record's postings, which exact search reads, are written with the record as before.
CREATE TABLE search_words_pending (
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    word      text NOT NULL
);
CREATE INDEX search_words_pending_tenant ON search_words_pending (tenant_id);
SELECT app_enable_tenant_rls('search_words_pending');
REVOKE UPDATE, TRUNCATE ON search_words_pending FROM ${app_role};

CREATE FUNCTION app_search_words_deferred() RETURNS boolean
    LANGUAGE sql STABLE
AS $$ SELECT coalesce(current_setting('app.defer_search_words', true), '') = 'on' $$;

-- Words the dictionary has already are not noted again: reading the dictionary never waits.
CREATE OR REPLACE FUNCTION app_index_inserted_records() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO search_postings (tenant_id, term, record_type, record_id)
    SELECT n.tenant_id, t.term, TG_ARGV[0], n.id
    FROM new_rows n CROSS JOIN LATERAL unnest(app_search_terms(n.search_text)) AS t (term)
    ON CONFLICT DO NOTHING;
    WITH words AS (
        SELECT DISTINCT n.tenant_id, w.word
        FROM new_rows n CROSS JOIN LATERAL unnest(app_search_words(n.search_text)) AS w (word)
        WHERE length(w.word) <= 100
    ), deferred AS (
        INSERT INTO search_words_pending (tenant_id, word)
        SELECT w.tenant_id, w.word FROM words w
        WHERE app_search_words_deferred()
          AND NOT EXISTS (SELECT FROM search_words s WHERE s.tenant_id = w.tenant_id AND s.word = w.word)
    )
    INSERT INTO search_words (tenant_id, word)
    SELECT w.tenant_id, w.word FROM words w
    WHERE NOT app_search_words_deferred()
    ORDER BY 1, 2
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION app_index_updated_records() RETURNS trigger
    LANGUAGE plpgsql
    SET plan_cache_mode = force_custom_plan
AS $$
BEGIN
    IF NOT EXISTS (
        SELECT FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id
        WHERE o.search_text IS DISTINCT FROM n.search_text
    ) THEN
        RETURN NULL;
    END IF;
    DELETE FROM search_postings p
    USING (
        SELECT n.tenant_id, n.id, app_search_terms(n.search_text) AS terms
        FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id
        WHERE o.search_text IS DISTINCT FROM n.search_text
        OFFSET 0
    ) AS c
    WHERE p.tenant_id = c.tenant_id AND p.record_type = TG_ARGV[0] AND p.record_id = c.id
      AND NOT (p.term = ANY (c.terms));
    INSERT INTO search_postings (tenant_id, term, record_type, record_id)
    SELECT n.tenant_id, t.term, TG_ARGV[0], n.id
    FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id
         CROSS JOIN LATERAL unnest(app_search_terms(n.search_text)) AS t (term)
    WHERE o.search_text IS DISTINCT FROM n.search_text
    ON CONFLICT DO NOTHING;
    WITH words AS (
        SELECT DISTINCT n.tenant_id, w.word
        FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id
             CROSS JOIN LATERAL unnest(app_search_words(n.search_text)) AS w (word)
        WHERE o.search_text IS DISTINCT FROM n.search_text AND length(w.word) <= 100
    ), deferred AS (
        INSERT INTO search_words_pending (tenant_id, word)
        SELECT w.tenant_id, w.word FROM words w
        WHERE app_search_words_deferred()
          AND NOT EXISTS (SELECT FROM search_words s WHERE s.tenant_id = w.tenant_id AND s.word = w.word)
    )
    INSERT INTO search_words (tenant_id, word)
    SELECT w.tenant_id, w.word FROM words w
    WHERE NOT app_search_words_deferred()
    ORDER BY 1, 2
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
