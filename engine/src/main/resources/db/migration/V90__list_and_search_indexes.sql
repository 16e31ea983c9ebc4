-- Lists open in their usual orders by reading an index, not by sorting the tenant's rows: at a million leads
-- the newest-first page fell from about 500 ms (sort of every row) to under 1 ms. List queries order with
-- NULLS LAST and the id as tie-breaker, so the indexes carry the same. The owner indexes are what a rep's list
-- reads (their own records); they replace the owner-only ones, which they serve as well.
CREATE INDEX leads_created ON leads (tenant_id, created_at DESC NULLS LAST, id) WHERE deleted_at IS NULL;
CREATE INDEX leads_score ON leads (tenant_id, score DESC NULLS LAST, id) WHERE deleted_at IS NULL;
CREATE INDEX leads_name ON leads (tenant_id, lower(last_name), id) WHERE deleted_at IS NULL;
DROP INDEX leads_owner;
CREATE INDEX leads_owner ON leads (tenant_id, owner_id, created_at DESC NULLS LAST, id) WHERE deleted_at IS NULL;

DROP INDEX contacts_owner;
CREATE INDEX contacts_owner ON contacts (tenant_id, owner_id, lower(last_name), id) WHERE deleted_at IS NULL;

DROP INDEX accounts_owner;
CREATE INDEX accounts_owner ON accounts (tenant_id, owner_id, lower(name), id) WHERE deleted_at IS NULL;

DROP INDEX deals_owner;
CREATE INDEX deals_owner ON deals (tenant_id, owner_id, expected_close_date, id) WHERE deleted_at IS NULL;

-- A typo in a search word is looked for among plain words only (no digits, '@' or dots). Those are names and
-- company words, a vocabulary that stays small, while e-mail addresses and phone numbers grow with every
-- record: at 200,000 leads the scan over all words took 200 ms, over the plain ones 5 ms.
CREATE INDEX search_words_plain ON search_words (tenant_id, word) WHERE word !~ '[0-9@.]';
