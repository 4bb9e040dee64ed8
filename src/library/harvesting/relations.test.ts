import { beforeAll, describe, expect, it } from "vitest";
import { actorByEmail, setUpDemoWorld } from "../../../test/support/database";
import {
  completeMaterial,
  publishTestMaterial,
  withdrawTestVersion,
} from "../../../test/support/library";
import {
  oaiBaseUrl,
  oaiClient,
  oaiIdentifiers,
  oaiIdOf,
  pageUrlOf,
} from "../../../test/support/oai";
import type { Actor } from "../../identity/actor";
import { createMaterialVersion } from "../create-material-version";
import { moveMaterialVersion } from "../move-material-version";
import { getMaterialPage } from "../read-material";
import { relateMaterial } from "../relate-material";
import { unrelateMaterial } from "../unrelate-material";
import { updateMaterialVersion } from "../update-material-version";
import { exportLibraryJson } from "./json-export";

// Relations between materials in the harvest, on a real database through the use cases: a lesson
// is part of a series, based on one material and refers to two others. Its Dublin Core names them
// by their identifiers, its LOM by kind; the other materials' LOM records show the inverse kind.
// A relation to a withdrawn material is no longer shown anywhere public; adding, taking back and
// a related material's withdrawal move the records' datestamps. Responses are validated with
// xmllint against the schemas (test/support/oai.ts).

const demo = setUpDemoWorld();
const oai = oaiClient(demo);
let author: Actor;
let moderator: Actor;
const m = {} as Record<"series" | "lesson" | "base" | "cited" | "gone", string>;
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  author = await actorByEmail(demo.handle, "coordinator@demo.innovet.test");
  moderator = await actorByEmail(demo.handle, "begeleider@demo.innovet.test");
  const organisationId = author.memberships[0]?.organisationId ?? "";
  const titles = {
    series: "Lassen: de reeks",
    lesson: "Lassen: les 1",
    base: "Lassen met een oude bril",
    cited: "Veilig lassen",
    gone: "Lassen zonder bril",
  };
  let day = 10;
  for (const [role, title] of Object.entries(titles) as Array<[keyof typeof m, string]>)
    m[role] = (
      await publishTestMaterial(
        demo.handle.db,
        { author, moderator },
        { organisationId, at: at(`2026-01-${day++}T09:00:00Z`), fields: { title } },
      )
    ).materialId;
  const relatedAt = {
    db: demo.handle.db,
    actor: author,
    now: () => at("2026-02-01T10:00:00.400Z"),
  };
  for (const [kind, to] of [
    ["isPartOf", m.series],
    ["isBasedOn", m.base],
    ["references", m.cited],
    ["references", m.gone],
  ] as const) {
    const related = await relateMaterial(relatedAt, {
      materialId: m.lesson,
      kind,
      toMaterialId: to,
    });
    if (!related.ok) throw new Error(JSON.stringify(related));
  }
});

const record = (materialId: string, prefix: "oai_dc" | "lom") =>
  oai(`verb=GetRecord&identifier=${oaiIdOf(materialId)}&metadataPrefix=${prefix}`);

/** LOM's relation element as the record writes it. */
const lomRelation = (kind: string, materialId: string, title: string) =>
  `<relation><kind><source>LOMv1.0</source><value>${kind}</value></kind><resource><identifier><catalog>URI</catalog><entry>${pageUrlOf(materialId)}</entry></identifier><description><string language="nl">${title}</string></description></resource></relation>`;

const datestampOf = (xml: string) => /<datestamp>([^<]*)<\/datestamp>/.exec(xml)?.[1];

async function exported(): Promise<Array<Record<string, unknown>>> {
  const pieces: string[] = [];
  for await (const piece of exportLibraryJson(demo.handle.db, { baseUrl: oaiBaseUrl }))
    pieces.push(piece);
  return (JSON.parse(pieces.join("")) as { materials: Array<Record<string, unknown>> }).materials;
}

describe("relations in the harvest", () => {
  it("are the related materials' identifiers in Dublin Core, links kept", async () => {
    const xml = await record(m.lesson, "oai_dc");
    for (const id of [m.series, m.base, m.cited, m.gone])
      expect(xml).toContain(`<dc:relation>${pageUrlOf(id)}</dc:relation>`);
    expect(xml).toContain("<dc:relation>https://example.org/ar-lassen</dc:relation>");
    // The identifier a related material has in its own record.
    expect(await record(m.series, "oai_dc")).toContain(
      `<dc:identifier>${pageUrlOf(m.series)}</dc:identifier>`,
    );
    expect(await record(m.series, "oai_dc")).toContain(
      `<dc:relation>${pageUrlOf(m.lesson)}</dc:relation>`,
    );
  });

  it("are LOM relations with their LOMv1.0 kind, after rights and before classification", async () => {
    const xml = await record(m.lesson, "lom");
    expect(xml).toContain(lomRelation("ispartof", m.series, "Lassen: de reeks"));
    expect(xml).toContain(lomRelation("isbasedon", m.base, "Lassen met een oude bril"));
    expect(xml).toContain(lomRelation("references", m.cited, "Veilig lassen"));
    expect(xml).toContain(lomRelation("references", m.gone, "Lassen zonder bril"));
    expect(xml.indexOf("</rights><relation>")).toBeGreaterThan(0);
    expect(xml.indexOf("</relation><classification>")).toBeGreaterThan(0);
  });

  it("show the inverse kind on the related material's LOM record", async () => {
    expect(await record(m.series, "lom")).toContain(
      lomRelation("haspart", m.lesson, "Lassen: les 1"),
    );
    expect(await record(m.base, "lom")).toContain(
      lomRelation("isbasisfor", m.lesson, "Lassen: les 1"),
    );
    expect(await record(m.cited, "lom")).toContain(
      lomRelation("isreferencedby", m.lesson, "Lassen: les 1"),
    );
  });

  it("date the records of both ends at the moment they were related, in whole seconds", async () => {
    for (const id of [m.lesson, m.series, m.base, m.cited, m.gone])
      expect(datestampOf(await record(id, "oai_dc"))).toBe("2026-02-01T10:00:00Z");
  });

  it("are in the JSON export, both ways", async () => {
    const entries = await exported();
    const lesson = entries.find((e) => e.id === m.lesson);
    expect(lesson?.relations).toContainEqual({
      kind: "isPartOf",
      id: m.series,
      url: pageUrlOf(m.series),
      title: "Lassen: de reeks",
    });
    expect(entries.find((e) => e.id === m.series)?.relations).toEqual([
      { kind: "hasPart", id: m.lesson, url: pageUrlOf(m.lesson), title: "Lassen: les 1" },
    ]);
  });
});

describe("a relation to a withdrawn material", () => {
  it("is shown nowhere public, but kept for the makers; the record is dated at the withdrawal", async () => {
    const goneVersion = (await getMaterialPage(demo.handle.db, m.gone, null))?.version.id ?? "";
    await withdrawTestVersion(demo.handle.db, moderator, goneVersion, at("2026-03-01T09:00:00Z"));

    const dc = await record(m.lesson, "oai_dc");
    expect(dc).not.toContain(pageUrlOf(m.gone));
    expect(dc).toContain(`<dc:relation>${pageUrlOf(m.cited)}</dc:relation>`);
    expect(datestampOf(dc)).toBe("2026-03-01T09:00:00Z");
    const lom = await record(m.lesson, "lom");
    expect(lom).not.toContain(pageUrlOf(m.gone));
    expect(lom).toContain(lomRelation("references", m.cited, "Veilig lassen"));
    // The withdrawn material itself is a deleted record, dated at its withdrawal.
    const deleted = await record(m.gone, "lom");
    expect(deleted).toContain('status="deleted"');
    expect(deleted).not.toContain("<relation>");

    const page = await getMaterialPage(demo.handle.db, m.lesson, null);
    expect(page?.relations.map((r) => r.materialId)).not.toContain(m.gone);
    expect(page?.ownRelations).toEqual([]);
    const makers = await getMaterialPage(demo.handle.db, m.lesson, author);
    expect(makers?.ownRelations.filter((r) => r.hidden)).toEqual([
      { kind: "references", materialId: m.gone, title: "Lassen zonder bril", hidden: true },
    ]);
    const lesson = (await exported()).find((e) => e.id === m.lesson);
    expect(JSON.stringify(lesson?.relations)).not.toContain(m.gone);
  });
});

describe("taking a relation back", () => {
  it("removes it from both records and moves both datestamps", async () => {
    const input = { materialId: m.lesson, kind: "isPartOf", toMaterialId: m.series } as const;
    const taken = await unrelateMaterial(
      { db: demo.handle.db, actor: author, now: () => at("2026-04-01T12:00:00.700Z") },
      input,
    );
    expect(taken.ok).toBe(true);
    const lesson = await record(m.lesson, "lom");
    expect(lesson).not.toContain("<value>ispartof</value>");
    expect(lesson).toContain("<value>isbasedon</value>");
    expect(datestampOf(lesson)).toBe("2026-04-01T12:00:00Z");
    const series = await record(m.series, "lom");
    expect(series).not.toContain("<relation>");
    expect(await record(m.series, "oai_dc")).not.toContain(pageUrlOf(m.lesson));

    // A harvester that came just before the change gets both records again, and only those.
    const since = await oai("verb=ListIdentifiers&metadataPrefix=lom&from=2026-04-01T11:59:59Z");
    expect(new Set(oaiIdentifiers(since))).toEqual(new Set([m.lesson, m.series].map(oaiIdOf)));
    const after = await oai("verb=ListIdentifiers&metadataPrefix=lom&from=2026-04-01T12:00:01Z");
    expect(after).toContain('<error code="noRecordsMatch">');
  });
});

describe("a related material's new version", () => {
  it("renames it in the relation, and the record is dated at its publication", async () => {
    const ctx = (actor: Actor, iso: string) => ({ db: demo.handle.db, actor, now: () => at(iso) });
    const next = await createMaterialVersion(ctx(author, "2026-05-01T08:00:00Z"), {
      materialId: m.cited,
    });
    if (!next.ok) throw new Error(JSON.stringify(next));
    const { versionId } = next.value;
    const saved = await updateMaterialVersion(ctx(author, "2026-05-01T08:30:00Z"), {
      ...completeMaterial,
      versionId,
      revision: 1,
      title: "Veilig lassen, tweede druk",
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    for (const [actor, move, iso] of [
      [author, "submit", "2026-05-02T08:00:00Z"],
      [moderator, "publish", "2026-05-03T08:00:00Z"],
    ] as const)
      expect((await moveMaterialVersion(ctx(actor, iso), { versionId, move })).ok).toBe(true);
    const lesson = await record(m.lesson, "lom");
    expect(lesson).toContain(lomRelation("references", m.cited, "Veilig lassen, tweede druk"));
    expect(datestampOf(lesson)).toBe("2026-05-03T08:00:00Z");
  });
});
