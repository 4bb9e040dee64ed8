ALTER TABLE "material_version" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "material_version" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (library_search_vector(title, keywords, description, search_text)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "material_version" ADD COLUMN "search_words" text GENERATED ALWAYS AS (library_search_words(title, keywords)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "material_version_search_gin" ON "material_version" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "material_version_words_trgm" ON "material_version" USING gin ("search_words" gin_trgm_ops);