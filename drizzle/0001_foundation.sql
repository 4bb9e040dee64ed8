CREATE TYPE "public"."organisation_kind" AS ENUM('school', 'company', 'sectorOrganisation', 'rtc', 'higherEducation', 'adultEducation', 'guidanceService', 'employmentService', 'knowledgeCentre', 'department');--> statement-breakpoint
CREATE TYPE "public"."umbrella_organisation" AS ENUM('GO', 'KOV', 'OVSG', 'POV', 'OKO');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('programmeManager', 'schoolCoordinator', 'schoolDirector', 'teacher', 'partnerContact', 'guidanceCounsellor', 'reviewer', 'policyViewer', 'platformAdmin');--> statement-breakpoint
CREATE TABLE "audit_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" text,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "municipality" (
	"nis" text PRIMARY KEY NOT NULL,
	"name_nl" text NOT NULL,
	"name_fr" text,
	"province_code" text NOT NULL,
	"arrondissement_nis" text,
	"population" integer NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"successor_nis" text
);
--> statement-breakpoint
CREATE TABLE "organisation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "organisation_kind" NOT NULL,
	"name" text NOT NULL,
	"institution_number" text,
	"enterprise_number" text,
	"umbrella" "umbrella_organisation",
	"rtc_region" text,
	"street" text,
	"postal_code" text,
	"municipality_nis" text,
	"website" text,
	"email" text,
	"phone" text,
	"description" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(institution_number, '') || ' ' || coalesce(enterprise_number, ''))) STORED,
	CONSTRAINT "organisation_institutionNumber_unique" UNIQUE("institution_number"),
	CONSTRAINT "organisation_enterpriseNumber_unique" UNIQUE("enterprise_number"),
	CONSTRAINT "school_has_institution_number" CHECK ("organisation"."kind" <> 'school' OR "organisation"."institution_number" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "province" (
	"code" text PRIMARY KEY NOT NULL,
	"nis" text NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL,
	"nuts" text NOT NULL,
	"rtc_region" text NOT NULL,
	CONSTRAINT "province_nis_unique" UNIQUE("nis")
);
--> statement-breakpoint
CREATE TABLE "site" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"site_number" integer NOT NULL,
	"name" text NOT NULL,
	"street" text,
	"postal_code" text,
	"municipality_nis" text NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_programme" (
	"site_id" uuid NOT NULL,
	"programme_code" text NOT NULL,
	"programme_stage" text NOT NULL,
	CONSTRAINT "site_programme_site_id_programme_code_programme_stage_pk" PRIMARY KEY("site_id","programme_code","programme_stage")
);
--> statement-breakpoint
CREATE TABLE "study_programme" (
	"code" text NOT NULL,
	"stage" text NOT NULL,
	"name" text NOT NULL,
	"finality" text,
	"domain" text,
	"education_forms" text[] NOT NULL,
	"dual" boolean DEFAULT false NOT NULL,
	"seventh_year" boolean DEFAULT false NOT NULL,
	CONSTRAINT "study_programme_code_stage_pk" PRIMARY KEY("code","stage")
);
--> statement-breakpoint
CREATE TABLE "account" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"user_id" text NOT NULL,
	"access_token" text,
	"refresh_token" text,
	"id_token" text,
	"access_token_expires_at" timestamp with time zone,
	"refresh_token_expires_at" timestamp with time zone,
	"scope" text,
	"password" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "membership" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" "role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limit" (
	"id" text PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"count" integer NOT NULL,
	"last_request" bigint NOT NULL,
	CONSTRAINT "rate_limit_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"user_id" text NOT NULL,
	CONSTRAINT "session_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "user" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_verified" boolean DEFAULT false NOT NULL,
	"image" text,
	"locale" text DEFAULT 'nl' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "verification" (
	"id" text PRIMARY KEY NOT NULL,
	"identifier" text NOT NULL,
	"value" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "municipality" ADD CONSTRAINT "municipality_province_code_province_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."province"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_municipality_nis_municipality_nis_fk" FOREIGN KEY ("municipality_nis") REFERENCES "public"."municipality"("nis") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site" ADD CONSTRAINT "site_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site" ADD CONSTRAINT "site_municipality_nis_municipality_nis_fk" FOREIGN KEY ("municipality_nis") REFERENCES "public"."municipality"("nis") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_programme" ADD CONSTRAINT "site_programme_site_id_site_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."site"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account" ADD CONSTRAINT "account_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_event_subject_type_subject_id_index" ON "audit_event" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "audit_event_at_index" ON "audit_event" USING btree ("at");--> statement-breakpoint
CREATE INDEX "municipality_province_code_index" ON "municipality" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "organisation_kind_index" ON "organisation" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "organisation_municipality_nis_index" ON "organisation" USING btree ("municipality_nis");--> statement-breakpoint
CREATE INDEX "organisation_search_gin" ON "organisation" USING gin ("search_text");--> statement-breakpoint
CREATE INDEX "organisation_name_trgm" ON "organisation" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "site_organisation_id_site_number_index" ON "site" USING btree ("organisation_id","site_number");--> statement-breakpoint
CREATE INDEX "site_municipality_nis_index" ON "site" USING btree ("municipality_nis");--> statement-breakpoint
CREATE INDEX "site_programme_programme_code_programme_stage_index" ON "site_programme" USING btree ("programme_code","programme_stage");--> statement-breakpoint
CREATE INDEX "study_programme_domain_index" ON "study_programme" USING btree ("domain");--> statement-breakpoint
CREATE INDEX "study_programme_finality_index" ON "study_programme" USING btree ("finality");--> statement-breakpoint
CREATE INDEX "account_user_id_index" ON "account" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "membership_user_id_organisation_id_role_index" ON "membership" USING btree ("user_id","organisation_id","role");--> statement-breakpoint
CREATE INDEX "membership_organisation_id_index" ON "membership" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "session_user_id_index" ON "session" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "verification_identifier_index" ON "verification" USING btree ("identifier");