import { beforeAll, describe, expect, it } from "vitest";
import { actorByEmail, setUpDemoWorld } from "../../test/support/database";
import { completeMaterial, publishTestMaterial } from "../../test/support/library";
import type { Actor } from "../identity/actor";
import { createMaterial } from "./create-material";
import { getMaterialPage } from "./read-material";
import { relateMaterial } from "./relate-material";
import { unrelateMaterial } from "./unrelate-material";

// Relations between materials on a real database: a maker relates their material to a published
// one and takes it back; the same relation twice, a relation to itself or to a draft are refused
// at the field or as a conflict; someone else's school learns nothing.

const demo = setUpDemoWorld();
let teacher: Actor;
let counsellor: Actor;
let otherCoordinator: Actor;
let own: string;
let published: string;
let draftOfOther: string;

beforeAll(async () => {
  teacher = await actorByEmail(demo.handle, "leraar@demo.innovet.test");
  counsellor = await actorByEmail(demo.handle, "begeleider@demo.innovet.test");
  otherCoordinator = await actorByEmail(demo.handle, "coordinator2@demo.innovet.test");
  const organisationId = teacher.memberships[0]?.organisationId ?? "";
  const at = new Date("2027-01-10T10:00:00Z");
  own = (
    await publishTestMaterial(
      demo.handle.db,
      { author: teacher, moderator: counsellor },
      {
        organisationId,
        at,
        fields: { title: "Lassen deel 2" },
      },
    )
  ).materialId;
  published = (
    await publishTestMaterial(
      demo.handle.db,
      { author: teacher, moderator: counsellor },
      {
        organisationId,
        at,
        fields: { title: "Lassen deel 1" },
      },
    )
  ).materialId;
  const draft = await createMaterial(
    { db: demo.handle.db, actor: teacher },
    { ...completeMaterial, organisationId, title: "Nog een concept" },
  );
  if (!draft.ok) throw new Error(JSON.stringify(draft));
  draftOfOther = draft.value.materialId;
});

const ctx = (actor: Actor) => ({ db: demo.handle.db, actor });

describe("relations between materials", () => {
  it("are added by a maker, shown on the page, refused twice, and taken back", async () => {
    const input = { materialId: own, kind: "isPartOf", toMaterialId: published };
    expect((await relateMaterial(ctx(teacher), input)).ok).toBe(true);
    const page = await getMaterialPage(demo.handle.db, own, null);
    expect(page?.relations).toEqual([
      { kind: "isPartOf", materialId: published, title: "Lassen deel 1" },
    ]);
    expect(await relateMaterial(ctx(teacher), input)).toEqual({
      ok: false,
      reason: "conflict",
      message: "library.error.relationExists",
    });
    expect((await unrelateMaterial(ctx(teacher), input)).ok).toBe(true);
    expect(await unrelateMaterial(ctx(teacher), input)).toMatchObject({
      ok: false,
      message: "library.error.relationGone",
    });
  });

  it.each([
    ["itself", () => own, "library.error.relationToItself"],
    ["a draft", () => draftOfOther, "library.error.relationTargetRequired"],
  ])("cannot point to %s", async (_what, target, message) => {
    const result = await relateMaterial(ctx(teacher), {
      materialId: own,
      kind: "references",
      toMaterialId: target(),
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { toMaterialId: [message] } });
  });

  it("are not for another school, nor for a moderator who did not make it", async () => {
    const input = { materialId: draftOfOther, kind: "isBasedOn", toMaterialId: published };
    expect(await relateMaterial(ctx(otherCoordinator), input)).toEqual({
      ok: false,
      reason: "notFound",
    });
    expect(await relateMaterial(ctx(counsellor), input)).toEqual({
      ok: false,
      reason: "forbidden",
    });
  });
});
