import type { z } from "zod";
import type { Database } from "../../src/db/client";
import type { Actor } from "../../src/identity/actor";
import { createMaterial, type createMaterialInput } from "../../src/library/create-material";
import { moveMaterialVersion } from "../../src/library/move-material-version";

// Building library materials for tests the way people do, through the use cases: an author
// writes a complete material for their organisation and submits it, a moderator (a programme
// manager or pedagogical counsellor, never the author) publishes it, at a moment of the test's
// choosing; withdrawing it leaves a tombstone.

/** A material that passes the checks at submission; override what the test is about. */
export const completeMaterial = {
  title: "Lassen met augmented reality",
  description: "Een lessenreeks waarin leerlingen met een AR-bril leren lassen, veilig en zuinig.",
  keywords: "lassen, augmented reality, metaal",
  licence: "CC-BY-SA-4.0",
  authors: "An Peeters (VTI Gent)\nBram De Smet",
  links: "https://example.org/ar-lassen Handleiding",
  studyDomains: ["2"],
  finalities: ["A"],
  resourceTypes: ["courseModule"],
  audiences: ["pupils", "teachers"],
  maturity: "testedInClass",
  maturityEvidence: "Getest in twee klassen van het vijfde jaar.",
};

export type MaterialFields = Partial<Omit<z.input<typeof createMaterialInput>, "organisationId">>;

/** Creates, submits and publishes a material; `at` is the moment of publication. */
export async function publishTestMaterial(
  db: Database,
  people: { author: Actor; moderator: Actor },
  options: { organisationId: string; at: Date; fields?: MaterialFields },
): Promise<{ materialId: string; versionId: string }> {
  const ctx = (actor: Actor) => ({ db, actor, now: () => options.at });
  const created = await createMaterial(ctx(people.author), {
    ...completeMaterial,
    ...options.fields,
    organisationId: options.organisationId,
  });
  if (!created.ok) throw new Error(`test material refused: ${JSON.stringify(created)}`);
  const { versionId } = created.value;
  for (const [actor, move] of [
    [people.author, "submit"],
    [people.moderator, "publish"],
  ] as const) {
    const moved = await moveMaterialVersion(ctx(actor), { versionId, move });
    if (!moved.ok) throw new Error(`test material ${move}: ${JSON.stringify(moved)}`);
  }
  return created.value;
}

/** Withdraws a published version at `at`, with a reason. */
export async function withdrawTestVersion(
  db: Database,
  moderator: Actor,
  versionId: string,
  at: Date,
): Promise<void> {
  const moved = await moveMaterialVersion(
    { db, actor: moderator, now: () => at },
    { versionId, move: "withdraw", note: "Vervangen door een nieuwere reeks." },
  );
  if (!moved.ok) throw new Error(`test material withdraw: ${JSON.stringify(moved)}`);
}
