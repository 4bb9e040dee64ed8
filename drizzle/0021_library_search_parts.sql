-- Compound parts in the search document (ADR 0026). The parts are split in the application with
-- the Dutch dictionary (PostgreSQL cannot read it), stored in search_parts and indexed with
-- weight D, so `motor` finds `verbrandingsmotor`. Null means not computed yet: rows older than
-- this column are filled at start-up (fillSearchParts).
ALTER TABLE "material_version" ADD COLUMN "search_parts" text;--> statement-breakpoint
CREATE OR REPLACE FUNCTION library_search_vector(title text, keywords text[], description text, search_text text, search_parts text)
  RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN
  setweight(to_tsvector('dutch'::regconfig, library_fold(coalesce(title, ''))), 'A')
  || setweight(to_tsvector('dutch'::regconfig, library_fold(coalesce(array_to_string(keywords, ' '), ''))), 'A')
  || setweight(to_tsvector('dutch'::regconfig, library_fold(coalesce(description, ''))), 'B')
  || setweight(to_tsvector('dutch'::regconfig, library_fold(coalesce(search_text, ''))), 'C')
  || setweight(to_tsvector('dutch'::regconfig, coalesce(search_parts, '')), 'D');
--> statement-breakpoint
ALTER TABLE "material_version" DROP COLUMN "search_vector";--> statement-breakpoint
ALTER TABLE "material_version" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (library_search_vector(title, keywords, description, search_text, search_parts)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "material_version_search_gin" ON "material_version" USING gin ("search_vector");--> statement-breakpoint
DROP FUNCTION library_search_vector(text, text[], text, text);--> statement-breakpoint
-- search_parts is derived from the content like the other search columns: filling it on a
-- published version (the start-up fill) is not a change of its content.
CREATE OR REPLACE FUNCTION material_version_content_is_fixed() RETURNS trigger AS $$
DECLARE
  moderation_fields text[] := ARRAY['state', 'submitted_at', 'published_at', 'published_by',
    'withdrawn_at', 'withdrawal_reason', 'updated_at', 'search_vector', 'search_words',
    'search_parts'];
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
