ALTER TABLE "application" ADD COLUMN "approved_fingerprint" text;--> statement-breakpoint
ALTER TABLE "application" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "application" ADD COLUMN "approved_by" text;--> statement-breakpoint
ALTER TABLE "call" ADD COLUMN "director_approval_required" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "application" ADD CONSTRAINT "application_approved_by_user_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;