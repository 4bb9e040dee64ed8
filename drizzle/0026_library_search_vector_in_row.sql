-- The search vector stays in its row (ADR 0026, "The vector in the row"). A search for common
-- words reads the vector of every match up to three times (two concepts and the rank); stored
-- out of line (TOAST, PostgreSQL's default for a tsvector once a row passes 2 kB) each read was
-- a lookup in the TOAST index and its pages: 252,545 buffers for the 39,400 matches of
-- "veilig werken" at 100,000 materials, against 25,000 in the row. MAIN keeps a value in the
-- row unless the row cannot fit a page at all (a version with a long file text still goes out
-- of line); the other long columns (description, file text) go out of line first.
ALTER TABLE "material_version" ALTER COLUMN "search_vector" SET STORAGE MAIN;--> statement-breakpoint
-- The rows written before this take the new storage when they are written again: now. The
-- search columns are derived, so writing search_parts as it is changes no content (the
-- content-fixed trigger allows it) and no count (is_public stays as it is).
UPDATE "material_version" SET "search_parts" = "search_parts";
