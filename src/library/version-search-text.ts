import { eq, isNull, sql } from "drizzle-orm";
import type { DbExecutor, Transaction } from "../db/client";
import { compoundParts } from "./compound-words";
import { materialFile, materialVersion } from "./schema";

// The text inside a version's files, as the search reads it (weight C, ADR 0018): the extracted
// text of every file, joined, kept on the version so that its search vector is one generated
// column. Refreshed whenever a file is added or removed, which happens only while the version is
// with its makers; a new version copies it with the file rows.

/** The longest file text a version carries into the search, whatever its files hold. */
export const maxVersionSearchText = 1_000_000;

export async function refreshVersionSearchText(tx: Transaction, versionId: string) {
  await tx
    .update(materialVersion)
    .set({
      searchText: sql`coalesce((
        select left(string_agg(${materialFile.extractedText}, E'\n' order by ${materialFile.name}), ${maxVersionSearchText})
        from ${materialFile} where ${materialFile.versionId} = ${versionId}), '')`,
    })
    .where(eq(materialVersion.id, versionId));
  await refreshVersionSearchParts(tx, versionId);
}

/**
 * Splits the compounds of a version's text into search_parts (ADR 0026): after every write of
 * its title, keywords, description or search text, in the same transaction.
 */
export async function refreshVersionSearchParts(tx: DbExecutor, versionId: string) {
  const [row] = await tx
    .select({
      title: materialVersion.title,
      keywords: materialVersion.keywords,
      description: materialVersion.description,
      searchText: materialVersion.searchText,
    })
    .from(materialVersion)
    .where(eq(materialVersion.id, versionId));
  if (!row) return;
  await tx
    .update(materialVersion)
    .set({ searchParts: versionSearchParts(row) })
    .where(eq(materialVersion.id, versionId));
}

export function versionSearchParts(v: {
  title: string;
  keywords: string[];
  description: string;
  searchText: string;
}): string {
  return compoundParts(`${v.title} ${v.keywords.join(" ")} ${v.description} ${v.searchText}`);
}

/**
 * Fills search_parts where it is missing (versions written before the column existed), in
 * batches; run at start-up after the migrations. Safe to run in several processes at once:
 * each writes the same derived value.
 */
export async function fillSearchParts(db: DbExecutor, batch = 500) {
  for (;;) {
    const rows = await db
      .select({
        id: materialVersion.id,
        title: materialVersion.title,
        keywords: materialVersion.keywords,
        description: materialVersion.description,
        searchText: materialVersion.searchText,
      })
      .from(materialVersion)
      .where(isNull(materialVersion.searchParts))
      .limit(batch);
    for (const row of rows) {
      await db
        .update(materialVersion)
        .set({ searchParts: versionSearchParts(row) })
        .where(eq(materialVersion.id, row.id));
    }
    if (rows.length < batch) return;
  }
}
