CREATE TABLE "parked_form" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"path" text NOT NULL,
	"values" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "parked_form_token_hash_path_index" ON "parked_form" USING btree ("token_hash","path");--> statement-breakpoint
CREATE INDEX "parked_form_expires_at_index" ON "parked_form" USING btree ("expires_at");