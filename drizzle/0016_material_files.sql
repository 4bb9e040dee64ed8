-- A version's files are part of its content (migration 0011 fixes the version's own row): once a
-- version left its authors, its files are neither added, changed nor removed. A new version gets
-- its own rows (createMaterialVersion copies them into the new draft).
CREATE OR REPLACE FUNCTION material_file_content_is_fixed() RETURNS trigger AS $$
DECLARE
  version_state text;
BEGIN
  SELECT state::text INTO version_state FROM material_version
    WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.version_id ELSE NEW.version_id END;
  IF version_state NOT IN ('draft', 'changesRequested') THEN
    RAISE EXCEPTION 'the files of a submitted or published material version are fixed';
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.version_id IS DISTINCT FROM NEW.version_id THEN
    RAISE EXCEPTION 'a material file stays with its version';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER material_file_content_fixed
  BEFORE INSERT OR UPDATE OR DELETE ON material_file
  FOR EACH ROW EXECUTE FUNCTION material_file_content_is_fixed();
