CREATE TYPE "public"."budget_category" AS ENUM('teacherRelease', 'materials', 'infrastructure', 'externalExpertise', 'dissemination', 'other');--> statement-breakpoint
CREATE TABLE "application_budget_line" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"category" "budget_category" NOT NULL,
	"description" text NOT NULL,
	"hours" numeric(8, 2),
	"hourly_cost_cents" integer,
	"amount_cents" bigint NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "application_budget_line" ADD CONSTRAINT "application_budget_line_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_budget_line_application_id_index" ON "application_budget_line" USING btree ("application_id");