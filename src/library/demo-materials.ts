import { count, eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { organisation } from "../directory/schema";
import type { Actor } from "../identity/actor";
import { loadActor } from "../identity/load-actor";
import { user } from "../identity/schema";
import type { FileStore } from "../platform/files/file-store";
import { materialTypes } from "../platform/files/sniff";
import {
  type DemoAuthor,
  type DemoCommons,
  type DemoMaterial,
  generateDemoCommons,
} from "./demo-commons";
import { documentFile } from "./demo-files";
import {
  addFile,
  draftMaterial,
  draftNextVersion,
  type MaterialFields,
  moveVersion,
  relate,
  reportUse,
  type VersionFields,
  withdrawVersion,
} from "./material-builders";
import type { MaterialFileLimits } from "./material-files";
import type { VersionState } from "./model";
import { material } from "./schema";

// The demo commons (demo-commons.ts) written through the use cases, like every other material:
// written by teachers of the two demo schools, with their files, moderated by the pedagogical
// counsellor, related, reported as used by the other school. Only `npm run setup` writes it (and
// so the journeys' server): the test templates leave the commons empty, because the harvesting
// and search tests count its records exactly; demo-commons.test.ts seeds a copy and checks it.

export interface DemoMaterialFiles {
  store: FileStore;
  limits: MaterialFileLimits;
}

const day = 86_400_000;
const later = (date: Date, days: number) => new Date(date.getTime() + days * day);

const accounts: Record<DemoAuthor | "moderator", string> = {
  coordinator: "coordinator@demo.innovet.test",
  leraar: "leraar@demo.innovet.test",
  coordinator2: "coordinator2@demo.innovet.test",
  moderator: "begeleider@demo.innovet.test",
};

type People = Record<DemoAuthor | "moderator", Actor> & { schoolName: Map<string, string> };

async function loadPeople(db: Database): Promise<People | null> {
  const people = {} as People;
  for (const [role, email] of Object.entries(accounts)) {
    const [row] = await db.select({ id: user.id }).from(user).where(eq(user.email, email));
    const actor = row ? await loadActor(db, row.id) : null;
    if (!actor) return null;
    people[role as DemoAuthor | "moderator"] = actor;
  }
  people.schoolName = new Map();
  for (const role of ["coordinator", "coordinator2"] as const) {
    const id = schoolOf(people[role]);
    const [row] = await db
      .select({ name: organisation.name })
      .from(organisation)
      .where(eq(organisation.id, id));
    people.schoolName.set(id, row?.name ?? "");
  }
  return people;
}

function schoolOf(actor: Actor): string {
  const id = actor.memberships[0]?.organisationId;
  if (!id) throw new Error("a demo author without a school");
  return id;
}

/** Moves a submitted version on to where it waits, or publishes it. */
async function moderateTo(
  db: Database,
  people: People,
  versionId: string,
  state: VersionState,
  at: Date,
): Promise<void> {
  if (state === "inReview") await moveVersion(db, people.moderator, versionId, "startReview", at);
  if (state === "changesRequested")
    await moveVersion(
      db,
      people.moderator,
      versionId,
      "requestChanges",
      at,
      "Voeg per les de leerdoelen toe en kijk de spelling van de werkbladen na.",
    );
  if (state === "published" || state === "withdrawn")
    await moveVersion(db, people.moderator, versionId, "publish", at);
}

async function seedMaterial(
  db: Database,
  people: People,
  files: DemoMaterialFiles,
  demo: DemoMaterial,
  bytesOf: (file: DemoMaterial["files"][number]) => Promise<Uint8Array>,
): Promise<{ materialId: string; publishedAt: Date | null }> {
  const author = people[demo.author];
  const school = schoolOf(author);
  const schoolName = people.schoolName.get(school) ?? "";
  const fields: MaterialFields = {
    ...demo.fields,
    authors: demo.authorNames.map((name) => `${name} (${schoolName})`).join("\n"),
  };
  const written = demo.writtenAt;
  const { materialId, versionId } = await draftMaterial(db, author, {
    organisationId: school,
    at: written,
    fields,
  });
  for (const file of demo.files) {
    const bytes = await bytesOf(file);
    const type = materialTypes[file.kind];
    await addFile(
      db,
      author,
      files,
      versionId,
      new File([new Uint8Array(bytes)], file.name, { type }),
      written,
    );
  }
  const { lifecycle } = demo;
  if (lifecycle.kind === "waiting" && lifecycle.state === "draft")
    return { materialId, publishedAt: null };
  await moveVersion(db, author, versionId, "submit", later(written, 1));
  const moderated = later(written, 2);
  await moderateTo(
    db,
    people,
    versionId,
    lifecycle.kind === "waiting" ? lifecycle.state : "published",
    moderated,
  );
  if (lifecycle.kind === "waiting") return { materialId, publishedAt: null };
  if (lifecycle.kind === "withdrawn") {
    await withdrawVersion(
      db,
      people.moderator,
      versionId,
      later(moderated, 30),
      "Op vraag van de makers: het materiaal volgt de oude leerplannen.",
    );
    return { materialId, publishedAt: null };
  }
  if (lifecycle.kind === "nextVersion" && demo.next) {
    const next = demo.next;
    const { versionId: nextId } = await draftNextVersion(
      db,
      author,
      materialId,
      { ...fields, title: next.title, changeNote: next.changeNote } as VersionFields,
      next.at,
    );
    if (lifecycle.state !== "draft") {
      await moveVersion(db, author, nextId, "submit", later(next.at, 1));
      await moderateTo(db, people, nextId, lifecycle.state, later(next.at, 2));
    }
    if (lifecycle.state === "withdrawn")
      await withdrawVersion(
        db,
        people.moderator,
        nextId,
        later(next.at, 12),
        "Een fout in de nieuwe werkbladen; de vorige versie geldt weer.",
      );
  }
  return { materialId, publishedAt: moderated };
}

/**
 * Seeds the demo commons once; the demo world must exist. Returns how many materials were
 * written (0 when the library already has materials or a demo person is missing).
 */
export async function seedDemoMaterials(
  db: Database,
  files: DemoMaterialFiles,
  commons: DemoCommons = generateDemoCommons(),
): Promise<number> {
  const [existing] = await db.select({ n: count() }).from(material);
  if ((existing?.n ?? 0) > 0) return 0;
  const people = await loadPeople(db);
  if (!people) return 0;
  // Two files with the same text are the same bytes: made once (PDFs take the longest).
  const made = new Map<string, Promise<Uint8Array>>();
  const bytesOf = (file: DemoMaterial["files"][number]) => {
    const key = `${file.kind}\u0000${JSON.stringify(file.text)}`;
    let bytes = made.get(key);
    if (!bytes) {
      bytes = documentFile(file.kind, file.text);
      made.set(key, bytes);
    }
    return bytes;
  };
  const seeded = new Map<string, { materialId: string; publishedAt: Date | null }>();
  const authorOf = new Map<string, Actor>();
  for (const demo of commons.materials) {
    seeded.set(demo.key, await seedMaterial(db, people, files, demo, bytesOf));
    authorOf.set(demo.key, people[demo.author]);
  }
  for (const relation of commons.relations) {
    const from = seeded.get(relation.from);
    const to = seeded.get(relation.to);
    const author = authorOf.get(relation.from);
    if (!from?.publishedAt || !to?.publishedAt || !author) continue;
    const at = new Date(Math.max(from.publishedAt.getTime(), to.publishedAt.getTime()) + 3_600_000);
    await relate(
      db,
      author,
      { materialId: from.materialId, kind: relation.kind, toMaterialId: to.materialId },
      at,
    );
  }
  for (const report of commons.replications) {
    const target = seeded.get(report.material);
    if (!target?.publishedAt) continue;
    const reporter = people[report.reporter];
    await reportUse(
      db,
      { reporter, moderator: people.moderator },
      {
        materialId: target.materialId,
        organisationId: schoolOf(reporter),
        pupils: report.pupils,
        teachers: report.teachers,
        experience: report.experience,
      },
      later(target.publishedAt, 20),
      report.decision === null
        ? undefined
        : report.decision === "publish"
          ? { decision: "publish" }
          : { decision: "reject", note: "Het verslag beschrijft een ander materiaal." },
    );
  }
  return commons.materials.length;
}
