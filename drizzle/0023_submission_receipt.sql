CREATE TABLE "submission_receipt" (
	"submission_id" uuid PRIMARY KEY NOT NULL,
	"file_key" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"locale" text NOT NULL,
	"rendered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "submission_receipt" ADD CONSTRAINT "submission_receipt_submission_id_application_submission_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."application_submission"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Hand-written: every submission made before this migration gets its receipt job, so its PDF is
-- rendered and stored like a new one's (ADR 0024).
INSERT INTO "scheduled_job" ("kind", "key", "payload", "run_at")
SELECT 'submissionReceipt', 'submission-receipt:' || "id", jsonb_build_object('submissionId', "id"), now()
FROM "application_submission"
ON CONFLICT ("key") DO NOTHING;

