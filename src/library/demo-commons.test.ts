import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { actorByEmail, setUpDemoWorld } from "../../test/support/database";
import { testFileStore } from "../../test/support/files";
import { oaiClient } from "../../test/support/oai";
import { studyDomains, transitionAreas } from "../directory/model";
import { generateDemoCommons } from "./demo-commons";
import { seedDemoMaterials } from "./demo-materials";
import { listModerationQueue } from "./read-material";
import { replicationQueue } from "./read-replications";
import { searchMaterials } from "./search-materials";

// The demo commons as the demo shows it: generated the same way every time, then written through
// the use cases into a copy of the demo world, with real files whose text the search reads, and
// harvested as records valid against the official schemas.

const demo = setUpDemoWorld();
const store = testFileStore();
const commons = generateDemoCommons();
let seedMs = 0;
let seedCpuMs = 0;

const rows = async <T>(query: ReturnType<typeof sql>) =>
  (await demo.handle.db.execute(query)).rows as T[];

beforeAll(async () => {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const written = await seedDemoMaterials(demo.handle.db, {
    store,
    limits: { maxBytes: 10 * 1024 * 1024, maxCount: 5, maxUncompressed: 100 * 1024 * 1024 },
  });
  seedMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  seedCpuMs = (used.user + used.system) / 1000;
  expect(written).toBe(150);
}, 240_000);

describe("the demo commons, seeded through the use cases", () => {
  it("takes a few seconds to write (reported, not asserted)", () => {
    console.info(
      `demo commons: 150 materials with files seeded in ${Math.round(seedMs)} ms (${Math.round(seedCpuMs)} ms of CPU)`,
    );
    expect(seedMs).toBeGreaterThan(0);
  });

  it("covers every study domain, finaliteit and transition area with public materials", async () => {
    const distinct = async (column: string) =>
      (
        await rows<{ value: string }>(sql`
          select distinct unnest(${sql.raw(`v.${column}`)}) as value from material m
          join material_version v on v.id = m.current_version_id
          where m.withdrawn_at is null order by 1`)
      ).map((r) => r.value);
    const covered = {
      domains: await distinct("study_domains"),
      finalities: await distinct("finalities"),
      areas: await distinct("transition_areas"),
    };
    expect(covered.domains).toEqual([...studyDomains]);
    expect(covered.finalities.sort()).toEqual(["A", "DO", "DU"]);
    expect(covered.areas).toEqual([...transitionAreas]);
  });

  it("holds public, withdrawn and never-published materials, several with later versions", async () => {
    const [counts] = await rows<Record<string, number>>(sql`
      select count(*)::int as materials,
        count(*) filter (where current_version_id is not null and withdrawn_at is null)::int as public,
        count(*) filter (where withdrawn_at is not null)::int as withdrawn,
        count(*) filter (where current_version_id is null)::int as unpublished,
        (select count(*)::int from (select material_id from material_version
          group by material_id having count(*) > 1) twice) as versioned
      from material`);
    expect(counts).toEqual({
      materials: 150,
      public: 132,
      withdrawn: 5,
      unpublished: 13,
      versioned: 21,
    });
    // A withdrawn second version made the first current again.
    const [older] = await rows<{ n: number }>(sql`
      select count(*)::int as n from material m
      join material_version current on current.id = m.current_version_id
      join material_version newer on newer.material_id = m.id and newer.number > current.number
      where newer.state = 'withdrawn' and m.withdrawn_at is null`);
    expect(older?.n).toBe(2);
  });

  it("has versions waiting in every moderation state, and the moderator finds a queue", async () => {
    const states = await rows<{ state: string; n: number }>(sql`
      select state, count(*)::int as n from material_version group by state order by state`);
    const byState = Object.fromEntries(states.map((s) => [s.state, s.n]));
    for (const state of ["draft", "submitted", "inReview", "changesRequested"])
      expect(byState[state], state).toBeGreaterThanOrEqual(3);
    const moderator = await actorByEmail(demo.handle, "begeleider@demo.innovet.test");
    const queue = await listModerationQueue(demo.handle.db, moderator);
    expect(queue.length).toBe((byState.submitted ?? 0) + (byState.inReview ?? 0));
    expect(queue.length).toBeGreaterThanOrEqual(10);
    const reports = await replicationQueue(demo.handle.db, moderator);
    expect(reports.length).toBeGreaterThanOrEqual(3);
  });

  it("relates materials and has replication reports, published and rejected", async () => {
    const [counts] = await rows<Record<string, number>>(sql`
      select (select count(*)::int from material_relation) as relations,
        count(*) filter (where state = 'published')::int as published,
        count(*) filter (where state = 'rejected')::int as rejected,
        count(*) filter (where state = 'submitted')::int as waiting
      from replication_report`);
    expect(counts?.relations).toBeGreaterThanOrEqual(15);
    expect(counts?.published).toBeGreaterThanOrEqual(10);
    expect(counts?.rejected).toBe(2);
    expect(counts?.waiting).toBeGreaterThanOrEqual(3);
  });

  it("has real files in four formats: PDFs with DejaVu embedded, office files whose text is read", async () => {
    const files = await rows<{ content_type: string; storage_key: string; extracted_text: string }>(
      sql`select content_type, storage_key, extracted_text from material_file`,
    );
    const kinds = new Set(files.map((f) => f.content_type));
    expect(kinds).toEqual(
      new Set([
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.oasis.opendocument.text",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
      ]),
    );
    const [without] = await rows<{ n: number }>(sql`
      select count(*)::int as n from material_version v
      where not exists (select 1 from material_file f where f.version_id = v.id)`);
    expect(without?.n).toBe(0);
    const pdf = files.find((f) => f.content_type === "application/pdf");
    const bytes = Buffer.from((await store.get(pdf?.storage_key ?? "")) ?? []).toString("latin1");
    expect(bytes.startsWith("%PDF-")).toBe(true);
    expect(bytes).toMatch(/\/FontFile2/);
    expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    for (const f of files.filter((f) => f.content_type !== "application/pdf"))
      expect(f.extracted_text.length, f.content_type).toBeGreaterThan(100);
  });

  it("is found by words that only its office files hold", async () => {
    const metadata = commons.materials
      .map((m) => `${m.fields.title} ${m.fields.description} ${m.fields.keywords}`)
      .join(" ")
      .toLowerCase();
    const inOfficeFiles = commons.materials.filter(
      (m) => m.fileOnly && m.files[0]?.kind !== "pdf" && m.lifecycle.kind === "published",
    );
    expect(inOfficeFiles.length).toBeGreaterThanOrEqual(10);
    let checked = 0;
    for (const m of inOfficeFiles) {
      const word = (m.fileOnly ?? "")
        .toLowerCase()
        .split(/[^\p{L}]+/u)
        .filter((w) => w.length >= 8 && !metadata.includes(w))
        .sort((a, b) => b.length - a.length)[0];
      if (!word) continue;
      const result = await searchMaterials(demo.handle.db, {
        query: word,
        filters: {},
        sort: "relevance",
        page: 1,
      });
      expect(
        result.hits.map((h) => h.title),
        word,
      ).toContain(m.fields.title);
      checked += 1;
    }
    expect(checked).toBeGreaterThanOrEqual(5);
  });

  it("is harvested as records valid against the official schemas", async () => {
    const oai = oaiClient(demo);
    const xml = await oai("verb=ListRecords&metadataPrefix=lom", 200);
    expect((xml.match(/<record>/g) ?? []).length).toBe(137);
    await oai("verb=ListRecords&metadataPrefix=oai_dc", 200);
  });
});
