CREATE TYPE "public"."partner_status" AS ENUM('notInvited', 'invited', 'confirmed', 'declined');--> statement-breakpoint
CREATE TABLE "application_partner" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"organisation_id" uuid,
	"proposed_name" text,
	"proposed_kind" "organisation_kind",
	"proposed_enterprise_number" text,
	"roles" jsonb NOT NULL,
	"commitment" text NOT NULL,
	"in_kind_cents" bigint DEFAULT 0 NOT NULL,
	"cash_cents" bigint DEFAULT 0 NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"status" "partner_status" DEFAULT 'notInvited' NOT NULL,
	"needs_reconfirmation" boolean DEFAULT false NOT NULL,
	"invitation_sequence" integer DEFAULT 0 NOT NULL,
	"invited_at" timestamp with time zone,
	"invited_by" text,
	"invitation_token_hash" text,
	"invitation_mailed_at" timestamp with time zone,
	"invitation_expires_at" timestamp with time zone,
	"responded_by_name" text,
	"responded_at" timestamp with time zone,
	"decline_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_partner_known_or_proposed" CHECK (("application_partner"."organisation_id" is not null) <> ("application_partner"."proposed_name" is not null))
);
--> statement-breakpoint
CREATE TABLE "application_school" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"is_lead" boolean DEFAULT false NOT NULL,
	"site_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"programmes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "application_partner" ADD CONSTRAINT "application_partner_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_partner" ADD CONSTRAINT "application_partner_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_partner" ADD CONSTRAINT "application_partner_invited_by_user_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_school" ADD CONSTRAINT "application_school_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_school" ADD CONSTRAINT "application_school_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_partner_application_id_index" ON "application_partner" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "application_partner_invitation_token_hash_index" ON "application_partner" USING btree ("invitation_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "application_partner_organisation_once" ON "application_partner" USING btree ("application_id","organisation_id") WHERE "application_partner"."organisation_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "application_partner_proposed_once" ON "application_partner" USING btree ("application_id","proposed_enterprise_number") WHERE "application_partner"."proposed_enterprise_number" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "application_school_application_id_organisation_id_index" ON "application_school" USING btree ("application_id","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "application_school_one_lead" ON "application_school" USING btree ("application_id") WHERE "application_school"."is_lead";