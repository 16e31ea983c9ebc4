-- Global search matches each query word against the words of a record, exactly, by prefix or within a
-- small edit distance (fuzzystrmatch), so "Jhon Smiht" finds "John Smith"; pg_trgm similarity ranks.
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

-- The words of a text as search compares them: lower case, split at anything but letters, digits, @ and dots.
CREATE FUNCTION app_search_words(document text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT array_remove(regexp_split_to_array(lower(coalesce(document, '')), '[^[:alnum:]@.]+'), '') $$;
