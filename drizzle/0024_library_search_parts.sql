-- The search of ADR 0026: compound parts in the search document, then public versions with
-- the front page's facet counts kept by triggers (written by hand around drizzle-kit's columns).
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
--> statement-breakpoint
CREATE TABLE "library_facet_count" (
	"facet" text NOT NULL,
	"value" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "library_facet_count_facet_value_pk" PRIMARY KEY("facet","value")
);
--> statement-breakpoint
ALTER TABLE "material_version" ADD COLUMN "is_public" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "material_version_public_newest" ON "material_version" USING btree ("published_at" DESC NULLS LAST,"material_id") WHERE is_public;--> statement-breakpoint
-- Public versions (ADR 0026): a version is public when it is its material's current version,
-- published, and the material is not withdrawn. material_version.is_public says so, so the search
-- reads one table; library_facet_count holds per facet value how many public versions hold it
-- (and ('total', '') how many there are): the counts of the commons' front page. Both are kept by
-- statement triggers with transition tables, so a bulk change costs one statement, not one per row.
CREATE OR REPLACE FUNCTION library_facet_count_add(versions uuid[], delta integer) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  -- Nothing to do is done without a statement: an UPDATE of no rows would still fire the
  -- statement trigger on material_version, which calls this again.
  IF cardinality(versions) = 0 THEN
    RETURN;
  END IF;
  UPDATE material_version SET is_public = (delta > 0)
    WHERE id = ANY(versions) AND is_public IS DISTINCT FROM (delta > 0);
  INSERT INTO library_facet_count (facet, value, n)
  SELECT f.facet, f.value, delta * count(*)::int FROM material_version v
  CROSS JOIN LATERAL (
    SELECT 'total', '' UNION ALL
    SELECT 'domain', unnest(v.study_domains) UNION ALL
    SELECT 'finality', unnest(v.finalities) UNION ALL
    SELECT 'grade', unnest(v.grades) UNION ALL
    SELECT 'programme', unnest(v.programme_codes) UNION ALL
    SELECT 'transitionArea', unnest(v.transition_areas) UNION ALL
    SELECT 'resourceType', unnest(v.resource_types) UNION ALL
    SELECT 'licence', v.licence::text UNION ALL
    SELECT 'maturity', v.maturity::text UNION ALL
    SELECT 'language', v.language::text
  ) f(facet, value)
  WHERE v.id = ANY(versions) AND f.value IS NOT NULL
  GROUP BY f.facet, f.value
  -- One order for every writer: two publications at once lock the counters in the same order
  -- and wait for each other instead of deadlocking.
  ORDER BY f.facet, f.value
  ON CONFLICT (facet, value) DO UPDATE SET n = library_facet_count.n + excluded.n;
END;
$$;
--> statement-breakpoint
-- A material's change: its public version before (from the old rows) and after (new rows),
-- with the versions' states as they are (this statement changed no version).
CREATE OR REPLACE FUNCTION library_facet_count_material() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  before_ids uuid[] := '{}';
  after_ids uuid[];
BEGIN
  IF TG_OP = 'UPDATE' THEN
    SELECT coalesce(array_agg(v.id), '{}') INTO before_ids FROM old_rows o
      JOIN material_version v ON v.id = o.current_version_id
      WHERE o.withdrawn_at IS NULL AND v.state = 'published';
  END IF;
  SELECT coalesce(array_agg(v.id), '{}') INTO after_ids FROM new_rows n
    JOIN material_version v ON v.id = n.current_version_id
    WHERE n.withdrawn_at IS NULL AND v.state = 'published';
  PERFORM library_facet_count_add(ARRAY(SELECT unnest(before_ids) EXCEPT ALL SELECT unnest(after_ids)), -1);
  PERFORM library_facet_count_add(ARRAY(SELECT unnest(after_ids) EXCEPT ALL SELECT unnest(before_ids)), 1);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A version's change of state: public before and after, with the materials as they are.
CREATE OR REPLACE FUNCTION library_facet_count_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM library_facet_count_add(ARRAY(
    SELECT o.id FROM old_rows o JOIN new_rows n ON n.id = o.id
      JOIN material m ON m.current_version_id = o.id AND m.withdrawn_at IS NULL
      WHERE o.state = 'published' AND n.state <> 'published'), -1);
  PERFORM library_facet_count_add(ARRAY(
    SELECT n.id FROM old_rows o JOIN new_rows n ON n.id = o.id
      JOIN material m ON m.current_version_id = n.id AND m.withdrawn_at IS NULL
      WHERE o.state <> 'published' AND n.state = 'published'), 1);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER library_facet_count_material_update AFTER UPDATE ON material
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION library_facet_count_material();
--> statement-breakpoint
CREATE TRIGGER library_facet_count_material_insert AFTER INSERT ON material
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION library_facet_count_material();
--> statement-breakpoint
CREATE TRIGGER library_facet_count_version_update AFTER UPDATE ON material_version
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION library_facet_count_version();
--> statement-breakpoint
-- is_public is derived like the search columns: setting it on a published version is not a
-- change of its content.
CREATE OR REPLACE FUNCTION material_version_content_is_fixed() RETURNS trigger AS $$
DECLARE
  moderation_fields text[] := ARRAY['state', 'submitted_at', 'published_at', 'published_by',
    'withdrawn_at', 'withdrawal_reason', 'updated_at', 'search_vector', 'search_words',
    'search_parts', 'is_public'];
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
--> statement-breakpoint
-- The versions already public when this migration runs.
SELECT library_facet_count_add(ARRAY(
  SELECT v.id FROM material m JOIN material_version v ON v.id = m.current_version_id
  WHERE m.withdrawn_at IS NULL AND v.state = 'published'), 1);
