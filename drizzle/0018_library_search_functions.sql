-- The library's search (ADR 0016) indexes generated columns of material_version. A generated
-- column may only call immutable functions, and array_to_string is merely stable, so the
-- expressions live in these immutable SQL functions (they only join and fold text).

-- Lower case without accents, for trigram matching and compound splitting: a teacher types
-- "creme" or "reele" as often as "crème" or "reële". Written with translate rather than the
-- unaccent extension so that PGlite and PostgreSQL need nothing beyond pg_trgm.
CREATE OR REPLACE FUNCTION library_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN
  translate(lower(value), 'áàâäãåéèêëíìîïóòôöõúùûüýÿçñ', 'aaaaaaeeeeiiiiooooouuuuyycn');
--> statement-breakpoint
-- The weighted document: title and keywords A, description B, and the text of the version's
-- files (search_text, filled once files are uploaded) C. Folded first so that the Dutch stemmer
-- sees the same letters the query does.
CREATE OR REPLACE FUNCTION library_search_vector(title text, keywords text[], description text, search_text text)
  RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN
  setweight(to_tsvector('dutch'::regconfig, library_fold(coalesce(title, ''))), 'A')
  || setweight(to_tsvector('dutch'::regconfig, library_fold(coalesce(array_to_string(keywords, ' '), ''))), 'A')
  || setweight(to_tsvector('dutch'::regconfig, library_fold(coalesce(description, ''))), 'B')
  || setweight(to_tsvector('dutch'::regconfig, library_fold(coalesce(search_text, ''))), 'C');
--> statement-breakpoint
-- The short words a typo is forgiven in (trigram word similarity): title and keywords only.
CREATE OR REPLACE FUNCTION library_search_words(title text, keywords text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN
  library_fold(coalesce(title, '') || ' ' || coalesce(array_to_string(keywords, ' '), ''));
--> statement-breakpoint
-- The search columns are derived from the content (in a BEFORE trigger a stored generated column
-- of NEW is not computed yet), so the fixed-content check leaves them out.
CREATE OR REPLACE FUNCTION material_version_content_is_fixed() RETURNS trigger AS $$
DECLARE
  moderation_fields text[] := ARRAY['state', 'submitted_at', 'published_at', 'published_by',
    'withdrawn_at', 'withdrawal_reason', 'updated_at', 'search_vector', 'search_words'];
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'material versions are never deleted';
  END IF;
  IF OLD.state NOT IN ('draft', 'changesRequested')
     AND (to_jsonb(NEW) - moderation_fields) IS DISTINCT FROM (to_jsonb(OLD) - moderation_fields) THEN
    RAISE EXCEPTION 'the content of a submitted or published material version is fixed';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
