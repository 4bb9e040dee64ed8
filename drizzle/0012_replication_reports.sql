CREATE TYPE "public"."replication_report_state" AS ENUM('submitted', 'published', 'rejected');--> statement-breakpoint
CREATE TABLE "replication_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"material_id" uuid NOT NULL,
	"version_id" uuid,
	"organisation_id" uuid NOT NULL,
	"programme_code" text,
	"pupils" integer NOT NULL,
	"teachers" integer NOT NULL,
	"adaptations" text DEFAULT '' NOT NULL,
	"experience" text NOT NULL,
	"evidence_url" text,
	"state" "replication_report_state" DEFAULT 'submitted' NOT NULL,
	"moderation_note" text DEFAULT '' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"moderated_by" text,
	"moderated_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "replication_report" ADD CONSTRAINT "replication_report_material_id_material_id_fk" FOREIGN KEY ("material_id") REFERENCES "public"."material"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replication_report" ADD CONSTRAINT "replication_report_version_id_material_version_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."material_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replication_report" ADD CONSTRAINT "replication_report_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replication_report" ADD CONSTRAINT "replication_report_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replication_report" ADD CONSTRAINT "replication_report_moderated_by_user_id_fk" FOREIGN KEY ("moderated_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "replication_report_material_id_state_index" ON "replication_report" USING btree ("material_id","state");