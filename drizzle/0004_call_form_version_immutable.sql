-- A published application form is frozen: refuse UPDATE and DELETE on call_form_version, and a
-- published call can never point to another form version.
CREATE OR REPLACE FUNCTION call_form_version_is_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'call_form_version is immutable';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER call_form_version_no_update_or_delete
  BEFORE UPDATE OR DELETE ON call_form_version
  FOR EACH ROW EXECUTE FUNCTION call_form_version_is_immutable();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION call_published_form_is_fixed() RETURNS trigger AS $$
BEGIN
  IF OLD.status = 'published' AND (NEW.status <> 'published'
      OR NEW.form_version_id IS DISTINCT FROM OLD.form_version_id) THEN
    RAISE EXCEPTION 'a published call keeps its form version';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER call_published_form_fixed
  BEFORE UPDATE ON call
  FOR EACH ROW EXECUTE FUNCTION call_published_form_is_fixed();
