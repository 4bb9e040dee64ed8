import { eq, sql } from "drizzle-orm";
import type { Transaction } from "../db/client";
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
}
