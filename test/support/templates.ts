// Names shared by the global setup (which builds the templates) and the test files (which copy
// them). A template is either a PGlite data-dir dump on disk or a PostgreSQL template database.
export type TemplateName = "reference" | "demo";

export const templateNames: readonly TemplateName[] = ["reference", "demo"];

export interface TemplateLocations {
  /** PGlite: the dump file per template. PostgreSQL: the template database per template. */
  byName: Record<TemplateName, string>;
  kind: "pglite" | "postgres";
}

declare module "vitest" {
  export interface ProvidedContext {
    templates: TemplateLocations;
  }
}
