import type { Database } from "../../src/db/client";
import type { Actor } from "../../src/identity/actor";
import {
  completeMaterial,
  type MaterialFields,
  publishMaterial,
  withdrawVersion,
} from "../../src/library/material-builders";

// Building library materials for tests the way people do, through the use cases: an author
// writes a complete material for their organisation and submits it, a moderator (a programme
// manager or pedagogical counsellor, never the author) publishes it, at a moment of the test's
// choosing; withdrawing it leaves a tombstone. The builders live in src/library/material-builders.ts,
// shared with the demo commons' seed.

export { completeMaterial, type MaterialFields };

/** Creates, submits and publishes a material; `at` is the moment of publication. */
export async function publishTestMaterial(
  db: Database,
  people: { author: Actor; moderator: Actor },
  options: { organisationId: string; at: Date; fields?: MaterialFields },
): Promise<{ materialId: string; versionId: string }> {
  return publishMaterial(db, people, options);
}

/** Withdraws a published version at `at`, with a reason. */
export async function withdrawTestVersion(
  db: Database,
  moderator: Actor,
  versionId: string,
  at: Date,
): Promise<void> {
  await withdrawVersion(db, moderator, versionId, at);
}
