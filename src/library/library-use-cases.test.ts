import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { actorByEmail, setUpDemoWorld } from "../../test/support/database";
import { auditEvent } from "../audit/schema";
import type { Actor } from "../identity/actor";
import { createMaterial } from "./create-material";
import { createMaterialVersion } from "./create-material-version";
import { completeMaterial } from "./material-builders";
import { shownMaturity } from "./model";
import { moderateReplication } from "./moderate-replication";
import { moveMaterialVersion } from "./move-material-version";
import { getMaterialPage, listModerationQueue } from "./read-material";
import { publishedReplications, replicationQueue } from "./read-replications";
import { reportReplication } from "./report-replication";
import { material, materialVersion } from "./schema";
import { updateMaterialVersion } from "./update-material-version";

// The commons on a real database: a teacher publishes a material for their school, a moderator
// sends it back with notes, the teacher revises, the moderator publishes; versions never change
// afterwards; withdrawal leaves a tombstone; object-level rules and optimistic concurrency.

const demo = setUpDemoWorld();
let teacher: Actor;
let counsellor: Actor;
let manager: Actor;
let otherCoordinator: Actor;
let schoolId: string;

beforeAll(async () => {
  teacher = await actorByEmail(demo.handle, "leraar@demo.innovet.test");
  counsellor = await actorByEmail(demo.handle, "begeleider@demo.innovet.test");
  manager = await actorByEmail(demo.handle, "programmabeheerder@demo.innovet.test");
  otherCoordinator = await actorByEmail(demo.handle, "coordinator2@demo.innovet.test");
  schoolId = teacher.memberships[0]?.organisationId ?? "";
});

const ctx = (actor: Actor | null) => ({ db: demo.handle.db, actor });

// The builders' material that passes the checks at submission.
const complete = completeMaterial;

async function createAndPublish(title = complete.title) {
  const created = await createMaterial(ctx(teacher), {
    ...complete,
    title,
    organisationId: schoolId,
  });
  if (!created.ok) throw new Error(JSON.stringify(created));
  const { materialId, versionId } = created.value;
  for (const [actor, move] of [
    [teacher, "submit"],
    [counsellor, "startReview"],
    [counsellor, "publish"],
  ] as const) {
    const moved = await moveMaterialVersion(ctx(actor), { versionId, move });
    if (!moved.ok) throw new Error(`${move}: ${JSON.stringify(moved)}`);
  }
  return { materialId, versionId };
}

describe("publishing through moderation", () => {
  it("a teacher's draft is private, goes back with notes, is revised and published", async () => {
    const created = await createMaterial(ctx(teacher), {
      ...complete,
      description: "Te kort.",
      organisationId: schoolId,
    });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const { materialId, versionId } = created.value;
    expect(await getMaterialPage(demo.handle.db, materialId, null)).toBeNull();
    expect(await getMaterialPage(demo.handle.db, materialId, otherCoordinator)).toBeNull();

    // Incomplete: refused at submission.
    expect(await moveMaterialVersion(ctx(teacher), { versionId, move: "submit" })).toEqual({
      ok: false,
      reason: "conflict",
      message: "library.error.incomplete",
    });
    const saved = await updateMaterialVersion(ctx(teacher), {
      ...complete,
      versionId,
      revision: 1,
    });
    expect(saved).toMatchObject({ ok: true, value: { revision: 2 } });
    expect((await moveMaterialVersion(ctx(teacher), { versionId, move: "submit" })).ok).toBe(true);

    const queue = await listModerationQueue(demo.handle.db, counsellor);
    expect(queue.map((q) => q.versionId)).toContain(versionId);
    expect(
      await moveMaterialVersion(ctx(counsellor), { versionId, move: "requestChanges" }),
    ).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: { note: ["library.error.noteRequired"] },
    });
    expect(
      (
        await moveMaterialVersion(ctx(counsellor), {
          versionId,
          move: "requestChanges",
          note: "Voeg de veiligheidsinstructies toe.",
        })
      ).ok,
    ).toBe(true);
    const back = await getMaterialPage(demo.handle.db, materialId, teacher);
    expect(back?.version.state).toBe("changesRequested");
    expect(back?.moderation.at(-1)?.note).toBe("Voeg de veiligheidsinstructies toe.");

    expect(
      (
        await updateMaterialVersion(ctx(teacher), {
          ...complete,
          description: `${complete.description} Met veiligheidsinstructies.`,
          versionId,
          revision: 2,
        })
      ).ok,
    ).toBe(true);
    expect((await moveMaterialVersion(ctx(teacher), { versionId, move: "submit" })).ok).toBe(true);
    expect((await moveMaterialVersion(ctx(counsellor), { versionId, move: "publish" })).ok).toBe(
      true,
    );
    const page = await getMaterialPage(demo.handle.db, materialId, null);
    expect(page?.version.state).toBe("published");
    expect(page?.version.authors).toEqual([
      { name: "An Peeters", organisation: "VTI Gent" },
      { name: "Bram De Smet" },
    ]);
    const events = await demo.handle.db
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .where(eq(auditEvent.subjectId, materialId))
      .orderBy(auditEvent.id);
    expect(events.map((e) => e.action)).toEqual([
      "material.create",
      "material.updateVersion",
      "material.submit",
      "material.requestChanges",
      "material.updateVersion",
      "material.submit",
      "material.publish",
    ]);
  });

  it.each([
    ["the teacher cannot publish their own", "teacher", "publish", "forbidden"],
    ["a moderator never moderates their own material", "self-moderator", "publish", "forbidden"],
    ["another school's coordinator does not even see the draft", "other", "submit", "notFound"],
  ] as const)("%s", async (_label, who, move, reason) => {
    const author = who === "self-moderator" ? counsellor : teacher;
    const organisationId = author.memberships[0]?.organisationId ?? "";
    const created = await createMaterial(ctx(author), { ...complete, organisationId });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const versionId = created.value.versionId;
    if (move === "publish")
      expect((await moveMaterialVersion(ctx(author), { versionId, move: "submit" })).ok).toBe(true);
    const actor = who === "other" ? otherCoordinator : author;
    expect(await moveMaterialVersion(ctx(actor), { versionId, move })).toEqual({
      ok: false,
      reason,
    });
  });

  it("refuses a stale revision instead of overwriting", async () => {
    const created = await createMaterial(ctx(teacher), { ...complete, organisationId: schoolId });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const { versionId } = created.value;
    expect(
      (await updateMaterialVersion(ctx(teacher), { ...complete, versionId, revision: 1 })).ok,
    ).toBe(true);
    expect(
      await updateMaterialVersion(ctx(teacher), {
        ...complete,
        title: "Oud",
        versionId,
        revision: 1,
      }),
    ).toEqual({ ok: false, reason: "conflict", message: "library.error.conflict" });
  });
});

describe("versions", () => {
  it("a new version never changes what the published one said; links can pin a version", async () => {
    const { materialId, versionId } = await createAndPublish("Zonnepanelen plaatsen");
    expect(
      await updateMaterialVersion(ctx(teacher), { ...complete, versionId, revision: 1 }),
    ).toEqual({ ok: false, reason: "conflict", message: "library.error.notEditable" });
    await expect(
      demo.handle.db.execute(
        sql`update material_version set title = 'Overschreven' where id = ${versionId}`,
      ),
    ).rejects.toThrow();
    await expect(
      demo.handle.db.execute(sql`delete from material_version where id = ${versionId}`),
    ).rejects.toThrow();

    const next = await createMaterialVersion(ctx(teacher), { materialId });
    if (!next.ok) throw new Error(JSON.stringify(next));
    expect(next.value.number).toBe(2);
    expect(await createMaterialVersion(ctx(teacher), { materialId })).toEqual({
      ok: false,
      reason: "conflict",
      message: "library.error.versionOpen",
    });
    await updateMaterialVersion(ctx(teacher), {
      ...complete,
      title: "Zonnepanelen plaatsen en onderhouden",
      changeNote: "Onderhoud toegevoegd.",
      versionId: next.value.versionId,
      revision: 1,
    });
    // The public still sees version 1 until version 2 is published.
    expect((await getMaterialPage(demo.handle.db, materialId, null))?.version.number).toBe(1);
    await moveMaterialVersion(ctx(teacher), { versionId: next.value.versionId, move: "submit" });
    await moveMaterialVersion(ctx(counsellor), {
      versionId: next.value.versionId,
      move: "publish",
    });
    const current = await getMaterialPage(demo.handle.db, materialId, null);
    expect(current?.version.title).toBe("Zonnepanelen plaatsen en onderhouden");
    const pinned = await getMaterialPage(demo.handle.db, materialId, null, 1);
    expect(pinned?.version.title).toBe("Zonnepanelen plaatsen");
    expect(current?.versions.map((v) => v.number)).toEqual([2, 1]);
  });

  it("withdrawing the only published version leaves a tombstone with the reason", async () => {
    const { materialId, versionId } = await createAndPublish("Een verouderde module");
    expect(await moveMaterialVersion(ctx(manager), { versionId, move: "withdraw" })).toMatchObject({
      ok: false,
      reason: "invalid",
    });
    expect(
      (
        await moveMaterialVersion(ctx(manager), {
          versionId,
          move: "withdraw",
          note: "Bevat verouderde veiligheidsnormen.",
        })
      ).ok,
    ).toBe(true);
    const page = await getMaterialPage(demo.handle.db, materialId, null);
    expect(page?.tombstone).toBe(true);
    expect(page?.version.withdrawalReason).toBe("Bevat verouderde veiligheidsnormen.");
    expect(page?.files).toEqual([]);
    const [row] = await demo.handle.db.select().from(material).where(eq(material.id, materialId));
    expect(row?.withdrawalReason).toBe("Bevat verouderde veiligheidsnormen.");
    const published = await demo.handle.db
      .select()
      .from(materialVersion)
      .where(
        and(eq(materialVersion.materialId, materialId), eq(materialVersion.state, "published")),
      );
    expect(published).toEqual([]);
  });
});

describe("replication reports", () => {
  it("another school reports its use; once published, the material shows as replicated", async () => {
    const { materialId } = await createAndPublish("Pneumatica met een digitale tweeling");
    const otherSchool = otherCoordinator.memberships[0]?.organisationId ?? "";
    const report = {
      materialId,
      versionNumber: "1",
      organisationId: otherSchool,
      pupils: "18",
      teachers: "2",
      adaptations: "We gebruikten onze eigen compressor.",
      experience: "De leerlingen waren erg gemotiveerd.",
      evidenceUrl: "https://example.org/verslag",
    };
    expect(
      await reportReplication(ctx(otherCoordinator), { ...report, organisationId: schoolId }),
    ).toEqual({
      ok: false,
      reason: "forbidden",
    });
    expect(
      await reportReplication(ctx(otherCoordinator), { ...report, pupils: "-3" }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { pupils: ["library.error.invalidCount"] },
    });
    const reported = await reportReplication(ctx(otherCoordinator), report);
    if (!reported.ok) throw new Error(JSON.stringify(reported));
    expect(await publishedReplications(demo.handle.db, materialId)).toEqual([]);
    const queue = await replicationQueue(demo.handle.db, counsellor);
    expect(queue.map((r) => r.id)).toContain(reported.value.reportId);
    expect(await replicationQueue(demo.handle.db, teacher)).toEqual([]);

    expect(
      await moderateReplication(ctx(teacher), {
        reportId: reported.value.reportId,
        decision: "publish",
      }),
    ).toEqual({ ok: false, reason: "forbidden" });
    expect(
      (
        await moderateReplication(ctx(counsellor), {
          reportId: reported.value.reportId,
          decision: "publish",
        })
      ).ok,
    ).toBe(true);
    const shown = await publishedReplications(demo.handle.db, materialId);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ pupils: 18, teachers: 2, versionNumber: 1 });
    expect(shownMaturity("testedInClass", shown.length)).toBe("replicated");
  });

  it.each([
    ["prototype", 0, "prototype"],
    ["testedInClass", 0, "testedInClass"],
    ["prototype", 1, "replicated"],
    ["replicated", 0, "replicated"],
  ] as const)("declared %s with %i published reports shows as %s", (declared, reports, shown) => {
    expect(shownMaturity(declared, reports)).toBe(shown);
  });
});
