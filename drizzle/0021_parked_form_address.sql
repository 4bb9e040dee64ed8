ALTER TABLE "parked_form" ADD COLUMN "address_hash" text;--> statement-breakpoint
CREATE INDEX "parked_form_address_hash_index" ON "parked_form" USING btree ("address_hash");