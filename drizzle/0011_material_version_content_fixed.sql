-- What a version said never changes once it left its authors: from submission on only the
-- moderation fields (state, times, who published, why withdrawn) may change, and versions are
-- never deleted. A new version is a new row.
CREATE OR REPLACE FUNCTION material_version_content_is_fixed() RETURNS trigger AS $$
DECLARE
  moderation_fields text[] := ARRAY['state', 'submitted_at', 'published_at', 'published_by',
    'withdrawn_at', 'withdrawal_reason', 'updated_at'];
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
CREATE TRIGGER material_version_content_fixed
  BEFORE UPDATE OR DELETE ON material_version
  FOR EACH ROW EXECUTE FUNCTION material_version_content_is_fixed();
