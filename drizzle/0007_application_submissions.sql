CREATE TABLE "application_submission" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"request_key" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"submitted_by" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"fingerprint" text NOT NULL,
	CONSTRAINT "application_submission_applicationId_sequence_unique" UNIQUE("application_id","sequence"),
	CONSTRAINT "application_submission_applicationId_requestKey_unique" UNIQUE("application_id","request_key")
);
--> statement-breakpoint
ALTER TABLE "application_submission" ADD CONSTRAINT "application_submission_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_submission" ADD CONSTRAINT "application_submission_submitted_by_user_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_submission_submitted_at_index" ON "application_submission" USING btree ("submitted_at");