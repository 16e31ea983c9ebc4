-- Most updates leave a record's search text alone (a score, an owner, a status): they no longer touch the
-- postings. The search terms of a changed record are worked out once, not once per posting it had. And the
-- trigger's statements are planned for the rows at hand each time, because a plan cached after a few runs does
-- not know the record type and may read the postings by their key's tenant prefix: every posting of the tenant.
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

ALTER FUNCTION app_index_deleted_records() SET plan_cache_mode = force_custom_plan;
