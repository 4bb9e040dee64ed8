import { TransactionRollbackError } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { actorByEmail, setUpDemoWorld } from "../../test/support/database";
import type { Database } from "../db/client";
import type { Actor } from "../identity/actor";
import type { UseCaseResult } from "../platform/use-case";
import { createMaterialVersion } from "./create-material-version";
import { draftMaterial, moveVersion, publishMaterial, withdrawVersion } from "./material-builders";
import type { VersionState } from "./model";
import { moveMaterialVersion } from "./move-material-version";
import type { VersionActions } from "./policy";
import { getMaterialPage } from "./read-material";

// One rule for the page and the use cases: for a version in every state and for its maker, a
// moderator and someone of another school, what the material page offers (`versionActions`) is
// exactly what the use cases accept. Each attempt runs in a transaction that is rolled back, so
// every person tries every change on the same version.

const demo = setUpDemoWorld();
const people: Record<"maker" | "moderator" | "otherSchool", Actor> = {} as never;
const versions = new Map<VersionState, { materialId: string; versionId: string }>();
const moment = new Date("2027-02-01T10:00:00Z");

beforeAll(async () => {
  people.maker = await actorByEmail(demo.handle, "leraar@demo.innovet.test");
  people.moderator = await actorByEmail(demo.handle, "begeleider@demo.innovet.test");
  people.otherSchool = await actorByEmail(demo.handle, "coordinator2@demo.innovet.test");
  const db = demo.handle.db;
  const organisationId = people.maker.memberships[0]?.organisationId ?? "";
  const draft = (title: string) =>
    draftMaterial(db, people.maker, { organisationId, at: moment, fields: { title } });
  versions.set("draft", await draft("Versie als concept"));
  const submitted = await draft("Versie ingediend");
  await moveVersion(db, people.maker, submitted.versionId, "submit", moment);
  versions.set("submitted", submitted);
  const inReview = await draft("Versie in beoordeling");
  await moveVersion(db, people.maker, inReview.versionId, "submit", moment);
  await moveVersion(db, people.moderator, inReview.versionId, "startReview", moment);
  versions.set("inReview", inReview);
  const sentBack = await draft("Versie teruggestuurd");
  await moveVersion(db, people.maker, sentBack.versionId, "submit", moment);
  await moveVersion(
    db,
    people.moderator,
    sentBack.versionId,
    "requestChanges",
    moment,
    "Aanvullen.",
  );
  versions.set("changesRequested", sentBack);
  const pub = { author: people.maker, moderator: people.moderator };
  const published = await publishMaterial(db, pub, {
    organisationId,
    at: moment,
    fields: { title: "Versie gepubliceerd" },
  });
  versions.set("published", published);
  const withdrawn = await publishMaterial(db, pub, {
    organisationId,
    at: moment,
    fields: { title: "Versie ingetrokken" },
  });
  await withdrawVersion(db, people.moderator, withdrawn.versionId, moment);
  versions.set("withdrawn", withdrawn);
});

/** Whether a use case accepts the change; the transaction is rolled back either way. */
async function accepts(
  attempt: (db: Database) => Promise<UseCaseResult<unknown>>,
): Promise<boolean> {
  let accepted = false;
  await demo.handle.db
    .transaction(async (tx) => {
      accepted = (await attempt(tx as unknown as Database)).ok;
      tx.rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof TransactionRollbackError)) throw error;
    });
  return accepted;
}

const checks: Array<
  [
    keyof VersionActions,
    string,
    (
      db: Database,
      actor: Actor,
      v: { materialId: string; versionId: string },
    ) => Promise<UseCaseResult<unknown>>,
  ]
> = [
  [
    "submit",
    "submit",
    (db, actor, v) =>
      moveMaterialVersion({ db, actor }, { versionId: v.versionId, move: "submit" }),
  ],
  [
    "moderate",
    "publish",
    (db, actor, v) =>
      moveMaterialVersion({ db, actor }, { versionId: v.versionId, move: "publish" }),
  ],
  [
    "moderate",
    "send back",
    (db, actor, v) =>
      moveMaterialVersion(
        { db, actor },
        { versionId: v.versionId, move: "requestChanges", note: "Graag aanvullen." },
      ),
  ],
  [
    "withdraw",
    "withdraw",
    (db, actor, v) =>
      moveMaterialVersion(
        { db, actor },
        { versionId: v.versionId, move: "withdraw", note: "Verouderd." },
      ),
  ],
  [
    "startVersion",
    "start a new version",
    (db, actor, v) => createMaterialVersion({ db, actor }, { materialId: v.materialId }),
  ],
];

const states: VersionState[] = [
  "draft",
  "submitted",
  "inReview",
  "changesRequested",
  "published",
  "withdrawn",
];

describe("what the material page offers is what the use cases accept", () => {
  for (const state of states)
    for (const who of ["maker", "moderator", "otherSchool"] as const)
      it(`a version that is ${state}, for the ${who}`, async () => {
        const v = versions.get(state);
        if (!v) throw new Error(`no ${state} version`);
        const actor = people[who];
        const page = await getMaterialPage(demo.handle.db, v.materialId, actor);
        const offered = page?.actions;
        for (const [action, label, attempt] of checks) {
          const accepted = await accepts((db) => attempt(db, actor, v));
          expect({ label, accepted }).toEqual({ label, accepted: offered?.[action] ?? false });
        }
      });

  it("offers each change to someone in at least one state (the table is not all refusals)", async () => {
    const seen = new Set<string>();
    for (const state of states)
      for (const who of ["maker", "moderator"] as const) {
        const v = versions.get(state);
        const page = v && (await getMaterialPage(demo.handle.db, v.materialId, people[who]));
        for (const [action, value] of Object.entries(page?.actions ?? {}))
          if (value) seen.add(action);
      }
    expect([...seen].sort()).toEqual(
      ["edit", "moderate", "relate", "reportUse", "startVersion", "submit", "withdraw"].sort(),
    );
  });
});
