-- A submission is a record of what was submitted: refuse UPDATE and DELETE on
-- application_submission, so no code path (or hurried hand) can change a snapshot afterwards.
CREATE OR REPLACE FUNCTION application_submission_is_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'application_submission is immutable';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER application_submission_no_update_or_delete
  BEFORE UPDATE OR DELETE ON application_submission
  FOR EACH ROW EXECUTE FUNCTION application_submission_is_immutable();
