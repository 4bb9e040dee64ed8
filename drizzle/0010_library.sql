CREATE TYPE "public"."material_maturity" AS ENUM('prototype', 'testedInClass', 'replicated');--> statement-breakpoint
CREATE TYPE "public"."material_relation_kind" AS ENUM('isPartOf', 'isBasedOn', 'references');--> statement-breakpoint
CREATE TYPE "public"."material_version_state" AS ENUM('draft', 'submitted', 'inReview', 'changesRequested', 'published', 'withdrawn');--> statement-breakpoint
CREATE TABLE "material" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_by" text NOT NULL,
	"organisation_id" uuid,
	"application_id" uuid,
	"current_version_id" uuid,
	"withdrawn_at" timestamp with time zone,
	"withdrawal_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "material_file" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"extracted_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "material_relation" (
	"from_material_id" uuid NOT NULL,
	"kind" "material_relation_kind" NOT NULL,
	"to_material_id" uuid NOT NULL,
	CONSTRAINT "material_relation_from_material_id_kind_to_material_id_pk" PRIMARY KEY("from_material_id","kind","to_material_id")
);
--> statement-breakpoint
CREATE TABLE "material_usage_day" (
	"material_id" uuid NOT NULL,
	"day" date NOT NULL,
	"views" bigint DEFAULT 0 NOT NULL,
	"downloads" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "material_usage_day_material_id_day_pk" PRIMARY KEY("material_id","day")
);
--> statement-breakpoint
CREATE TABLE "material_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"material_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"state" "material_version_state" DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"keywords" text[] DEFAULT '{}' NOT NULL,
	"language" text DEFAULT 'nl' NOT NULL,
	"licence" text NOT NULL,
	"authors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"study_domains" text[] DEFAULT '{}' NOT NULL,
	"finalities" text[] DEFAULT '{}' NOT NULL,
	"education_forms" text[] DEFAULT '{}' NOT NULL,
	"grades" text[] DEFAULT '{}' NOT NULL,
	"programme_codes" text[] DEFAULT '{}' NOT NULL,
	"qualification_levels" integer[] DEFAULT '{}' NOT NULL,
	"transition_areas" text[] DEFAULT '{}' NOT NULL,
	"change_levels" text[] DEFAULT '{}' NOT NULL,
	"resource_types" text[] DEFAULT '{}' NOT NULL,
	"audiences" text[] DEFAULT '{}' NOT NULL,
	"accessibility_features" text[] DEFAULT '{}' NOT NULL,
	"time_required_minutes" integer,
	"maturity" "material_maturity" DEFAULT 'prototype' NOT NULL,
	"maturity_evidence" text DEFAULT '' NOT NULL,
	"change_note" text DEFAULT '' NOT NULL,
	"withdrawal_reason" text,
	"created_by" text NOT NULL,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"published_by" text,
	"withdrawn_at" timestamp with time zone,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "material_moderation_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"from_state" "material_version_state" NOT NULL,
	"to_state" "material_version_state" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"actor_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "material" ADD CONSTRAINT "material_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material" ADD CONSTRAINT "material_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material" ADD CONSTRAINT "material_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material" ADD CONSTRAINT "material_current_version_id_material_version_id_fk" FOREIGN KEY ("current_version_id") REFERENCES "public"."material_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_file" ADD CONSTRAINT "material_file_version_id_material_version_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."material_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_relation" ADD CONSTRAINT "material_relation_from_material_id_material_id_fk" FOREIGN KEY ("from_material_id") REFERENCES "public"."material"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_relation" ADD CONSTRAINT "material_relation_to_material_id_material_id_fk" FOREIGN KEY ("to_material_id") REFERENCES "public"."material"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_usage_day" ADD CONSTRAINT "material_usage_day_material_id_material_id_fk" FOREIGN KEY ("material_id") REFERENCES "public"."material"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_version" ADD CONSTRAINT "material_version_material_id_material_id_fk" FOREIGN KEY ("material_id") REFERENCES "public"."material"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_version" ADD CONSTRAINT "material_version_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_version" ADD CONSTRAINT "material_version_published_by_user_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_moderation_event" ADD CONSTRAINT "material_moderation_event_version_id_material_version_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."material_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_moderation_event" ADD CONSTRAINT "material_moderation_event_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "material_organisation_id_index" ON "material" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "material_application_id_index" ON "material" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "material_file_version_id_index" ON "material_file" USING btree ("version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "material_version_material_id_number_index" ON "material_version" USING btree ("material_id","number");--> statement-breakpoint
CREATE INDEX "material_version_state_index" ON "material_version" USING btree ("state");--> statement-breakpoint
CREATE INDEX "material_version_published_at_index" ON "material_version" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "material_moderation_event_version_id_index" ON "material_moderation_event" USING btree ("version_id");