CREATE TYPE "public"."call_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TABLE "call" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" "call_status" DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"school_years" text[] DEFAULT '{}' NOT NULL,
	"max_duration_months" integer,
	"themes" text[] DEFAULT '{}' NOT NULL,
	"change_levels" text[] DEFAULT '{}' NOT NULL,
	"education_forms" text[] DEFAULT '{}' NOT NULL,
	"finalities" text[] DEFAULT '{}' NOT NULL,
	"study_domains" text[] DEFAULT '{}' NOT NULL,
	"min_labour_market_partners" integer DEFAULT 1 NOT NULL,
	"min_education_partners" integer DEFAULT 1 NOT NULL,
	"total_budget_cents" bigint,
	"max_per_project_cents" bigint,
	"min_co_financing_percent" integer,
	"envelope_dimension" text,
	"envelopes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"opens_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"decision_at" timestamp with time zone,
	"form_draft" jsonb NOT NULL,
	"form_version_id" uuid,
	"published_at" timestamp with time zone,
	"published_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_form_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"definition" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "call" ADD CONSTRAINT "call_form_version_id_call_form_version_id_fk" FOREIGN KEY ("form_version_id") REFERENCES "public"."call_form_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call" ADD CONSTRAINT "call_published_by_user_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_form_version" ADD CONSTRAINT "call_form_version_call_id_call_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."call"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_status_index" ON "call" USING btree ("status");--> statement-breakpoint
CREATE INDEX "call_closes_at_index" ON "call" USING btree ("closes_at");--> statement-breakpoint
CREATE UNIQUE INDEX "call_form_version_call_id_content_hash_index" ON "call_form_version" USING btree ("call_id","content_hash");