-- Duplicate detection: each tenant's settings, the keys records are pre-selected by, and the review queue of
-- candidate pairs found when records are created.

-- One row per tenant that changed the defaults (no row: the defaults of the application).
CREATE TABLE duplicate_settings (
    tenant_id                uuid PRIMARY KEY REFERENCES tenants (id),
    person_name_threshold    numeric(4, 3) NOT NULL CHECK (person_name_threshold BETWEEN 0 AND 1),
    company_name_threshold   numeric(4, 3) NOT NULL CHECK (company_name_threshold BETWEEN 0 AND 1),
    candidate_threshold      numeric(4, 3) NOT NULL CHECK (candidate_threshold BETWEEN 0 AND 1),
    match_email              boolean NOT NULL,
    match_phone              boolean NOT NULL,
    match_domain             boolean NOT NULL,
    match_name               boolean NOT NULL,
    gmail_dots               boolean NOT NULL,
    plus_tags                boolean NOT NULL,
    default_region           text CHECK (default_region ~ '^[A-Z]{2}$'),
    updated_at               timestamptz NOT NULL DEFAULT now(),
    version                  bigint NOT NULL
);
SELECT app_enable_tenant_rls('duplicate_settings');

-- Exact keys a duplicate shares with its original: an email (lower case, without +tag, Gmail without dots: the
-- widest normalisation, the tenant's settings decide later), the last 8 digits of a phone number (written
-- nationally or internationally, the number ends the same), a company domain (of a website or an email; free-mail
-- domains are skipped when looking up, not when storing). Under row-level security only leakproof operators use an
-- index, and equality on a text column is one: hence a table of keys rather than expression indexes.
CREATE TABLE duplicate_keys (
    tenant_id    uuid NOT NULL REFERENCES tenants (id),
    record_type  text NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('email', 'phone', 'domain')),
    key          text NOT NULL,
    record_id    uuid NOT NULL,
    PRIMARY KEY (tenant_id, record_type, kind, key, record_id)
);
CREATE INDEX duplicate_keys_record ON duplicate_keys (tenant_id, record_type, record_id);
SELECT app_enable_tenant_rls('duplicate_keys');

-- As rules' Emails.normalise(email, gmailDots = true, plusTags = true).
CREATE FUNCTION app_duplicate_email_key(raw text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
DECLARE
    s      text := lower(btrim(raw));
    local  text;
    domain text;
BEGIN
    IF s IS NULL OR s !~ '^[^@[:space:]]+@[^@[:space:]]+$' THEN
        RETURN NULL;
    END IF;
    local := split_part(s, '@', 1);
    domain := split_part(s, '@', 2);
    IF position('+' IN local) > 1 THEN
        local := substr(local, 1, position('+' IN local) - 1);
    END IF;
    IF domain IN ('gmail.com', 'googlemail.com') THEN
        local := replace(local, '.', '');
        domain := 'gmail.com';
    END IF;
    RETURN CASE WHEN local = '' THEN NULL ELSE local || '@' || domain END;
END
$$;

CREATE FUNCTION app_duplicate_phone_key(raw text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE WHEN length(d) >= 6 THEN right(d, 8) END FROM regexp_replace(raw, '[^0-9]', '', 'g') AS d
$$;

-- As rules' CompanyDomains.fromWebsite: https://www.Acme.io:443/about -> acme.io.
CREATE FUNCTION app_duplicate_website_domain(raw text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE WHEN h ~ '^[[:alnum:].-]+\.[[:alnum:].-]+$' THEN h END
    FROM regexp_replace(
             regexp_replace(
                 regexp_replace(
                     regexp_replace(lower(btrim(raw)), '^[a-z][a-z0-9+.-]*://', ''),
                     '[/?#].*$', ''),
                 '^.*@|:.*$|\.$', '', 'g'),
             '^www\.', '') AS h
$$;

-- The keys of a record given as JSON (its row): emails and phones, single or listed, and website or domain.
CREATE FUNCTION app_duplicate_keys(r jsonb) RETURNS TABLE (kind text, key text)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    WITH emails AS (
        SELECT r ->> 'email' AS e
        UNION SELECT jsonb_array_elements_text(CASE WHEN jsonb_typeof(r -> 'emails') = 'array' THEN r -> 'emails' ELSE '[]' END)
    ), phones AS (
        SELECT r ->> 'phone' AS p
        UNION SELECT jsonb_array_elements_text(CASE WHEN jsonb_typeof(r -> 'phones') = 'array' THEN r -> 'phones' ELSE '[]' END)
    )
    SELECT DISTINCT k.kind, k.key FROM (
        SELECT 'email', app_duplicate_email_key(e) FROM emails
        UNION ALL SELECT 'domain', nullif(split_part(lower(app_duplicate_email_key(e)), '@', 2), '') FROM emails
        UNION ALL SELECT 'phone', app_duplicate_phone_key(p) FROM phones
        UNION ALL SELECT 'domain', app_duplicate_website_domain(r ->> 'website')
        UNION ALL SELECT 'domain', app_duplicate_website_domain(r ->> 'domain')
    ) AS k (kind, key)
    WHERE k.key IS NOT NULL AND length(k.key) <= 254
$$;

-- TG_ARGV[0] is the record type as the API names it.
CREATE FUNCTION app_duplicate_keys_changed() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM duplicate_keys WHERE tenant_id = OLD.tenant_id AND record_type = TG_ARGV[0] AND record_id = OLD.id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO duplicate_keys (tenant_id, record_type, kind, key, record_id)
        SELECT NEW.tenant_id, TG_ARGV[0], k.kind, k.key, NEW.id FROM app_duplicate_keys(to_jsonb(NEW)) k
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER leads_duplicate_keys AFTER INSERT OR DELETE OR UPDATE OF email, phone, website ON leads
    FOR EACH ROW EXECUTE FUNCTION app_duplicate_keys_changed('lead');
CREATE TRIGGER contacts_duplicate_keys AFTER INSERT OR DELETE OR UPDATE OF email, emails, phone, phones ON contacts
    FOR EACH ROW EXECUTE FUNCTION app_duplicate_keys_changed('contact');
CREATE TRIGGER accounts_duplicate_keys AFTER INSERT OR DELETE OR UPDATE OF domain, website ON accounts
    FOR EACH ROW EXECUTE FUNCTION app_duplicate_keys_changed('account');

-- The keys of what exists already, tenant by tenant (row-level security applies to the owner too).
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT id FROM tenants LOOP
        PERFORM set_config('app.tenant_id', t.id::text, true);
        INSERT INTO duplicate_keys (tenant_id, record_type, kind, key, record_id)
        SELECT r.tenant_id, 'lead', k.kind, k.key, r.id FROM leads r, app_duplicate_keys(to_jsonb(r)) k
        UNION SELECT r.tenant_id, 'contact', k.kind, k.key, r.id FROM contacts r, app_duplicate_keys(to_jsonb(r)) k
        UNION SELECT r.tenant_id, 'account', k.kind, k.key, r.id FROM accounts r, app_duplicate_keys(to_jsonb(r)) k
        ON CONFLICT DO NOTHING;
    END LOOP;
    PERFORM set_config('app.tenant_id', '', true);
END
$$;

-- Candidate pairs found when a record was created (record_id: the record whose look found the pair; two records
-- created close together may find each other, and the pair is stored once), for review. Dismissed pairs are not duplicates: neither list shows them again.
CREATE TABLE duplicate_candidates (
    tenant_id     uuid NOT NULL REFERENCES tenants (id),
    id            uuid NOT NULL,
    record_type   text NOT NULL CHECK (record_type IN ('lead', 'contact', 'account')),
    record_id     uuid NOT NULL,
    candidate_id  uuid NOT NULL,
    similarity    numeric(4, 3) NOT NULL CHECK (similarity BETWEEN 0 AND 1),
    reasons       jsonb NOT NULL CHECK (jsonb_typeof(reasons) = 'array'),
    found_at      timestamptz NOT NULL DEFAULT now(),
    dismissed_at  timestamptz,
    dismissed_by  uuid,
    PRIMARY KEY (tenant_id, id),
    CHECK (record_id <> candidate_id),
    CHECK ((dismissed_at IS NULL) = (dismissed_by IS NULL)),
    FOREIGN KEY (tenant_id, dismissed_by) REFERENCES users (tenant_id, id)
);
CREATE UNIQUE INDEX duplicate_candidates_pair
    ON duplicate_candidates (tenant_id, record_type, least(record_id, candidate_id), greatest(record_id, candidate_id));
CREATE INDEX duplicate_candidates_queue
    ON duplicate_candidates (tenant_id, record_type, similarity DESC, id) WHERE dismissed_at IS NULL;
CREATE INDEX duplicate_candidates_record ON duplicate_candidates (tenant_id, record_type, record_id);
CREATE INDEX duplicate_candidates_candidate ON duplicate_candidates (tenant_id, record_type, candidate_id);
SELECT app_enable_tenant_rls('duplicate_candidates');
