import type { z } from "zod";
import type { Database } from "../db/client";
import type { Actor } from "../identity/actor";
import type { FileStore } from "../platform/files/file-store";
import type { UseCaseResult } from "../platform/use-case";
import { addMaterialFile } from "./add-material-file";
import { createMaterial, type createMaterialInput } from "./create-material";
import { createMaterialVersion } from "./create-material-version";
import type { MaterialFileLimits } from "./material-files";
import type { ModerationMove } from "./model";
import { moderateReplication } from "./moderate-replication";
import { moveMaterialVersion } from "./move-material-version";
import { relateMaterial } from "./relate-material";
import { reportReplication } from "./report-replication";
import { updateMaterialVersion, type updateMaterialVersionInput } from "./update-material-version";

// Building library materials the way people do, through the use cases, at moments of the
// caller's choosing: shared by the tests (test/support/library.ts) and the demo commons' seed
// (demo-materials.ts), so that both make materials in one way. A refused step throws with the
// use case's answer: a builder's input is the caller's own, and a refusal is a bug there.

export type MaterialFields = Partial<Omit<z.input<typeof createMaterialInput>, "organisationId">>;
export type VersionFields = Omit<
  z.input<typeof updateMaterialVersionInput>,
  "versionId" | "revision"
>;

/** A material that passes the checks at submission; override what the caller is about. */
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
} satisfies MaterialFields;

function ok<T>(step: string, result: UseCaseResult<T>): T {
  if (!result.ok) throw new Error(`${step} refused: ${JSON.stringify(result)}`);
  return result.value;
}

const at = (db: Database, actor: Actor, moment: Date) => ({ db, actor, now: () => moment });

/** Writes a draft material (complete unless the fields say otherwise) for an organisation. */
export async function draftMaterial(
  db: Database,
  author: Actor,
  options: { organisationId: string; at: Date; fields?: MaterialFields },
): Promise<{ materialId: string; versionId: string }> {
  return ok(
    "material",
    await createMaterial(at(db, author, options.at), {
      ...completeMaterial,
      ...options.fields,
      organisationId: options.organisationId,
    }),
  );
}

/** One moderation move (a note where the move needs one). */
export async function moveVersion(
  db: Database,
  actor: Actor,
  versionId: string,
  move: ModerationMove,
  moment: Date,
  note?: string,
): Promise<void> {
  ok(`move ${move}`, await moveMaterialVersion(at(db, actor, moment), { versionId, move, note }));
}

/** Creates, submits and publishes a material; `at` is the moment of publication. */
export async function publishMaterial(
  db: Database,
  people: { author: Actor; moderator: Actor },
  options: { organisationId: string; at: Date; fields?: MaterialFields },
): Promise<{ materialId: string; versionId: string }> {
  const created = await draftMaterial(db, people.author, options);
  await moveVersion(db, people.author, created.versionId, "submit", options.at);
  await moveVersion(db, people.moderator, created.versionId, "publish", options.at);
  return created;
}

/** Withdraws a published version at `at`, with a reason. */
export async function withdrawVersion(
  db: Database,
  moderator: Actor,
  versionId: string,
  moment: Date,
  reason = "Vervangen door een nieuwere reeks.",
): Promise<void> {
  await moveVersion(db, moderator, versionId, "withdraw", moment, reason);
}

/** Adds a file to a version that is with its makers. */
export async function addFile(
  db: Database,
  author: Actor,
  files: { store: FileStore; limits: MaterialFileLimits },
  versionId: string,
  file: File,
  moment: Date,
): Promise<void> {
  ok(
    "file",
    await addMaterialFile(files.store, files.limits)(at(db, author, moment), { versionId, file }),
  );
}

/** Starts the next version as a draft (metadata and files copied) and saves its fields. */
export async function draftNextVersion(
  db: Database,
  author: Actor,
  materialId: string,
  fields: VersionFields,
  moment: Date,
): Promise<{ versionId: string }> {
  const { versionId } = ok(
    "new version",
    await createMaterialVersion(at(db, author, moment), { materialId }),
  );
  ok(
    "version fields",
    await updateMaterialVersion(at(db, author, moment), { ...fields, versionId, revision: 1 }),
  );
  return { versionId };
}

/** Relates one material to another, as its makers do. */
export async function relate(
  db: Database,
  author: Actor,
  relation: {
    materialId: string;
    kind: "isPartOf" | "isBasedOn" | "references";
    toMaterialId: string;
  },
  moment: Date,
): Promise<void> {
  ok("relation", await relateMaterial(at(db, author, moment), relation));
}

/** A school's report that it used a material, and optionally a moderator's decision on it. */
export async function reportUse(
  db: Database,
  people: { reporter: Actor; moderator: Actor },
  report: {
    materialId: string;
    organisationId: string;
    pupils: number;
    teachers: number;
    experience: string;
    adaptations?: string;
  },
  moment: Date,
  decision?: { decision: "publish" | "reject"; note?: string },
): Promise<{ reportId: string }> {
  const { reportId } = ok(
    "replication",
    await reportReplication(at(db, people.reporter, moment), report),
  );
  if (decision)
    ok(
      "replication decision",
      await moderateReplication(at(db, people.moderator, moment), { reportId, ...decision }),
    );
  return { reportId };
}
