import { beforeAll, describe, expect, it } from "vitest";
import { actorByEmail, setUpDemoWorld } from "../../test/support/database";
import {
  completeMaterial,
  publishTestMaterial,
  withdrawTestVersion,
} from "../../test/support/library";
import type { Actor } from "../identity/actor";
import { createMaterial } from "./create-material";
import { learningResourceJsonLd } from "./json-ld";
import { getMaterialPage } from "./read-material";
import { relateMaterial } from "./relate-material";
import { unrelateMaterial } from "./unrelate-material";

// Relations between materials on a real database: a maker relates their material to a published
// one and takes it back; the same relation twice, a relation to itself or to a draft are refused
// at the field or as a conflict; someone else's school learns nothing. The other material's page
// shows each relation as its inverse, and so does its JSON-LD where schema.org has a property.

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

describe("a material's page", () => {
  const pageUrl = (id: string) => `https://innovet.example/bibliotheek/${id}`;
  const jsonLdOf = async (id: string) => {
    const page = await getMaterialPage(demo.handle.db, id, null);
    if (!page) throw new Error("no page");
    return learningResourceJsonLd(page.version, {
      page: pageUrl(id),
      relations: page.relations.map((r) => ({ ...r, url: pageUrl(r.materialId) })),
    });
  };

  it("shows the relations of other materials to it as their inverse, in its JSON-LD too", async () => {
    const organisationId = teacher.memberships[0]?.organisationId ?? "";
    const people = { author: teacher, moderator: counsellor };
    const at = new Date("2027-01-11T10:00:00Z");
    const { materialId: part3, versionId: part3Version } = await publishTestMaterial(
      demo.handle.db,
      people,
      { organisationId, at, fields: { title: "Lassen deel 3" } },
    );
    for (const [from, kind] of [
      [own, "isPartOf"],
      [own, "isBasedOn"],
      [part3, "references"],
    ] as const) {
      const related = await relateMaterial(ctx(teacher), {
        materialId: from,
        kind,
        toMaterialId: published,
      });
      expect(related.ok).toBe(true);
    }
    expect((await getMaterialPage(demo.handle.db, published, null))?.relations).toEqual([
      { kind: "hasPart", materialId: own, title: "Lassen deel 2" },
      { kind: "isBasisFor", materialId: own, title: "Lassen deel 2" },
      { kind: "isReferencedBy", materialId: part3, title: "Lassen deel 3" },
    ]);
    expect((await getMaterialPage(demo.handle.db, own, null))?.relations).toEqual([
      { kind: "isPartOf", materialId: published, title: "Lassen deel 1" },
      { kind: "isBasedOn", materialId: published, title: "Lassen deel 1" },
    ]);

    // schema.org: isPartOf and hasPart, isBasedOn and citation; no inverse of the last two.
    const deel1 = {
      "@type": "LearningResource",
      "@id": pageUrl(published),
      url: pageUrl(published),
      name: "Lassen deel 1",
    };
    const deel2 = { ...deel1, "@id": pageUrl(own), url: pageUrl(own), name: "Lassen deel 2" };
    expect(await jsonLdOf(own)).toMatchObject({ isPartOf: [deel1], isBasedOn: [deel1] });
    expect(await jsonLdOf(part3)).toMatchObject({ citation: [deel1] });
    const target = await jsonLdOf(published);
    expect(target).toMatchObject({ hasPart: [deel2] });
    for (const absent of ["isPartOf", "isBasedOn", "citation"])
      expect(target).not.toHaveProperty(absent);
    expect(JSON.stringify(target)).not.toContain(part3);

    // A withdrawn material's relations are no longer shown on the other's page.
    await withdrawTestVersion(
      demo.handle.db,
      counsellor,
      part3Version,
      new Date("2027-02-01T10:00:00Z"),
    );
    expect(
      (await getMaterialPage(demo.handle.db, published, null))?.relations.map((r) => r.kind),
    ).toEqual(["hasPart", "isBasisFor"]);
    // Its tombstone relates to nothing publicly; its makers still see and manage the relation.
    expect((await getMaterialPage(demo.handle.db, part3, null))?.relations).toEqual([]);
    expect((await getMaterialPage(demo.handle.db, part3, teacher))?.ownRelations).toEqual([
      { kind: "references", materialId: published, title: "Lassen deel 1", hidden: false },
    ]);
    // The makers manage only the material's own relations, not those of others to it.
    expect((await getMaterialPage(demo.handle.db, published, teacher))?.ownRelations).toEqual([]);
    expect(
      (await getMaterialPage(demo.handle.db, own, teacher))?.ownRelations.map((r) => r.kind),
    ).toEqual(["isPartOf", "isBasedOn"]);
  });
});
