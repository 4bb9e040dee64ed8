import { sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { actorByEmail, setUpDemoWorld } from "../../test/support/database";
import { publishTestMaterial, withdrawTestVersion } from "../../test/support/library";
import type { Actor } from "../identity/actor";
import { createMaterial } from "./create-material";
import { createMaterialVersion } from "./create-material-version";
import {
  defaultRanking,
  type LibrarySearch,
  librarySearchParams,
  materialTsQuery,
  parseLibrarySearch,
  queryConcepts,
  searchMaterials,
  snippetSegments,
} from "./search-materials";

// The commons' search on a real database (PGlite, or PostgreSQL with DATABASE_URL): Dutch
// stemming, the compensations for its gaps (prefix, compounds, typos), facets counted with the
// other filters, only public current versions, sorting, pages, safe snippets, hostile URLs.

const demo = setUpDemoWorld();
let people: { author: Actor; moderator: Actor };
let schoolId: string;
const ids: Record<string, string> = {};

const search = (query: string | undefined, more: Partial<LibrarySearch> = {}) =>
  searchMaterials(demo.handle.db, {
    query,
    filters: {},
    sort: query ? "relevance" : "newest",
    page: 1,
    ...more,
  });
const titles = (result: Awaited<ReturnType<typeof search>>) => result.hits.map((h) => h.title);

beforeAll(async () => {
  people = {
    author: await actorByEmail(demo.handle, "leraar@demo.innovet.test"),
    moderator: await actorByEmail(demo.handle, "begeleider@demo.innovet.test"),
  };
  schoolId = people.author.memberships[0]?.organisationId ?? "";
  const publish = async (key: string, day: number, fields: Record<string, unknown>) => {
    const { materialId, versionId } = await publishTestMaterial(demo.handle.db, people, {
      organisationId: schoolId,
      at: new Date(Date.UTC(2026, 2, day, 9)),
      fields,
    });
    ids[key] = materialId;
    ids[`${key}Version`] = versionId;
  };
  await publish("leraren", 1, {
    title: "Coaching van leraren in de praktijkles",
    description: "Hoe een leraar een collega begeleidt tijdens de praktijkles, met kijkwijzers.",
    keywords: "coaching, begeleiding",
    studyDomains: ["6"],
    finalities: ["DU"],
  });
  await publish("lassen", 2, {
    title: "Veilig lassen in de werkplaats",
    description: "Leerlingen lassen MIG/MAG en TIG <script>alert(1)</script> & leren de risico's.",
    keywords: "las, metaal, veiligheid",
    studyDomains: ["2"],
    finalities: ["A"],
  });
  await publish("robot", 3, {
    title: "Een las robot programmeren",
    description: "Van teach-pendant tot eerste naad: een robot die last.",
    keywords: "robotica, automatisering",
    studyDomains: ["2"],
    finalities: ["DU"],
    licence: "CC-BY-4.0",
  });
  await publish("zorg", 4, {
    title: "Tilliften in de ouderenzorg",
    description: "Ergonomisch werken met een tillift bij zorgvragers in een woonzorgcentrum.",
    keywords: "zorg, ergonomie, tilliften",
    studyDomains: ["6"],
    finalities: ["A"],
  });
  await publish("withdrawn", 5, {
    title: "Lassen zonder bescherming (ingetrokken)",
    description: "Een oude reeks over lassen.",
  });
  await withdrawTestVersion(
    demo.handle.db,
    people.moderator,
    ids.withdrawnVersion ?? "",
    new Date(Date.UTC(2026, 2, 6)),
  );
  // A draft is nobody's search result but its author's own list.
  const draft = await createMaterial(
    { db: demo.handle.db, actor: people.author, now: () => new Date() },
    { title: "Lassen in concept", licence: "CC-BY-4.0", organisationId: schoolId },
  );
  if (!draft.ok) throw new Error(JSON.stringify(draft));
});

describe("searching the commons", () => {
  it("finds Dutch words by their stem: leraar finds leraren, lassen finds las", async () => {
    expect(titles(await search("leraar"))).toContain("Coaching van leraren in de praktijkles");
    const lassen = titles(await search("lassen"));
    expect(lassen[0]).toBe("Veilig lassen in de werkplaats");
    expect(titles(await search("las"))).toContain("Veilig lassen in de werkplaats");
    expect(titles(await search("leraren"))).toContain("Coaching van leraren in de praktijkles");
  });

  it("finds a compound written apart, a prefix and a typo", async () => {
    expect(titles(await search("lasrobot"))).toContain("Een las robot programmeren");
    expect(titles(await search("tilli"))).toContain("Tilliften in de ouderenzorg");
    expect(titles(await search("ouderenzrog"))).toContain("Tilliften in de ouderenzorg");
  });

  it("shows only public current versions: no draft, nothing withdrawn", async () => {
    const all = titles(await search("lassen"));
    expect(all).not.toContain("Lassen zonder bescherming (ingetrokken)");
    expect(all).not.toContain("Lassen in concept");
  });

  it("counts each facet with the other facets' filters applied", async () => {
    const result = await search(undefined, { filters: { domain: ["2"] } });
    expect(result.total).toBe(2);
    // Domain counts ignore the domain filter itself: ticking another adds to the results.
    expect(result.facets.domain).toEqual([
      { value: "2", count: 2 },
      { value: "6", count: 2 },
    ]);
    expect(result.facets.finality).toEqual([
      { value: "A", count: 1 },
      { value: "DU", count: 1 },
    ]);
    const both = await search(undefined, { filters: { domain: ["2"], finality: ["DU"] } });
    expect(titles(both)).toEqual(["Een las robot programmeren"]);
    expect(both.facets.licence).toEqual([{ value: "CC-BY-4.0", count: 1 }]);
  });

  it("sorts by date and pages through the results", async () => {
    const newest = await search(undefined);
    expect(titles(newest)).toEqual([
      "Tilliften in de ouderenzorg",
      "Een las robot programmeren",
      "Veilig lassen in de werkplaats",
      "Coaching van leraren in de praktijkles",
    ]);
    const second = await searchMaterials(
      demo.handle.db,
      { filters: {}, sort: "newest", page: 2 },
      { pageSize: 3 },
    );
    expect(titles(second)).toEqual(["Coaching van leraren in de praktijkles"]);
    expect(second.pages).toBe(2);
    // Past the end: the last page.
    const beyond = await searchMaterials(
      demo.handle.db,
      { filters: {}, sort: "newest", page: 99 },
      { pageSize: 3 },
    );
    expect(beyond.page).toBe(2);
  });

  it("marks the matched words in snippets as text segments, markup never passed on", async () => {
    const [hit] = (await search("lassen risico")).hits;
    expect(hit?.snippet.some((s) => s.mark && /^lassen$/i.test(s.text))).toBe(true);
    const text = hit?.snippet.map((s) => s.text).join("") ?? "";
    // The parser drops tags from a headline; what is left is text that the page escapes.
    expect(text).toContain("alert(1)");
    expect(text).toContain("&");
    expect(text).not.toContain("<script>");
    expect(snippetSegments("a \u0002b\u0003 c")).toEqual([
      { text: "a ", mark: false },
      { text: "b", mark: true },
      { text: " c", mark: false },
    ]);
  });

  it("answers hostile search terms with what their clean words find, touching nothing", async () => {
    const ids = (result: Awaited<ReturnType<typeof search>>) => result.hits.map((h) => h.id);
    const before = await search(undefined);
    // Each hostile term holds real words among operators, quotes, controls; it must find exactly
    // what those words alone find (and that is something, so an empty answer cannot pass).
    for (const [hostile, clean] of [
      ["'; lassen --", "lassen"],
      ["lassen'); drop table material; --", "lassen drop table material"],
      ["!!& | :* () lassen", "lassen"],
      ["lassen & !robot:*", "lassen robot"],
      ["\u0000lassen\u0001", "lassen"],
      ["<script>alert(1)</script> lassen", "script alert 1 script lassen"],
      ['coaching\\ "leraren"', "coaching leraren"],
    ] as const) {
      const expected = await search(clean);
      const got = await search(hostile);
      expect({ hostile, ids: ids(got), total: got.total }).toEqual({
        hostile,
        ids: ids(expected),
        total: expected.total,
      });
    }
    expect((await search("lassen")).total).toBeGreaterThan(0);
    expect((await search("coaching leraren")).total).toBeGreaterThan(0);
    // Control characters are not text anyone typed: only those is no query, the whole list.
    const controls = await search("\u0000\u0001\u001f");
    expect({ ids: ids(controls), total: controls.total }).toEqual({
      ids: ids(before),
      total: before.total,
    });
    // Only operators and quotes: no word to find, so no query either (like controls), the whole
    // list as an answer, never an error.
    for (const q of ["!!& | :* ()", "'; --", "\\:*"]) {
      const result = await search(q);
      expect({ q, ids: ids(result), total: result.total }).toEqual({
        q,
        ids: ids(before),
        total: before.total,
      });
    }
    // A huge word is bounded work and finds nothing (no material holds it).
    const huge = await search("a".repeat(5000));
    expect({ total: huge.total, hits: huge.hits.length, page: huge.page }).toEqual({
      total: 0,
      hits: 0,
      page: 1,
    });
    // The table is as it was: the injection was text.
    expect((await search(undefined)).total).toBe(before.total);
    expect(
      materialTsQuery("lassen & !robot:*", {
        prefix: false,
        decompound: false,
        trigram: false,
        synonyms: false,
        anyWord: false,
      }),
    ).toBe("lassen & robot");
  });
});

describe("the search in the URL", () => {
  it("reads known parameters, ignores and reports garbage", () => {
    const parsed = parseLibrarySearch(
      new URLSearchParams(
        "q=lassen&domein=2&domein=99&finaliteit=A&sorteer=raar&pagina=-3&licentie=CC0-1.0",
      ),
    );
    expect(parsed.search).toEqual({
      query: "lassen",
      filters: { domain: ["2"], finality: ["A"], licence: ["CC0-1.0"] },
      sort: "relevance",
      page: 1,
    });
    expect(parsed.ignored).toEqual(["domein", "sorteer", "pagina"]);
  });

  it("writes what it reads", () => {
    const params = new URLSearchParams("q=zorg&domein=6&type=video&sorteer=nieuwste&pagina=2");
    expect(librarySearchParams(parseLibrarySearch(params).search).toString()).toBe(
      params.toString(),
    );
  });
});

describe("finding what teachers mean (ADR 0026)", () => {
  beforeAll(async () => {
    const publish = async (key: string, day: number, fields: Record<string, unknown>) => {
      const { materialId } = await publishTestMaterial(demo.handle.db, people, {
        organisationId: schoolId,
        at: new Date(Date.UTC(2026, 3, day, 9)),
        fields,
      });
      ids[key] = materialId;
    };
    await publish("motor", 1, {
      title: "Werking van de verbrandingsmotor",
      description: "Het viertaktprincipe met animaties en meetopdrachten aan een demonstratieblok.",
      keywords: "viertakt, diesel",
    });
    await publish("kraan", 2, {
      title: "Veiligheid op de werf",
      description: "Wat doet de machinist van de kraan, wat de werfleider? Een casus met debat.",
      keywords: "werfveiligheid",
    });
    await publish("transfer", 3, {
      title: "Transfers van bed naar rolstoel",
      description:
        "Een zorgvrager veilig verplaatsen van bed naar rolstoel, met en zonder hulpmiddel.",
      keywords: "transfer, rolstoel",
    });
    await publish("rolstoel", 4, {
      title: "Rolstoelvaardigheden",
      description: "Drempels nemen en een rolstoel duwen op een helling: een parcours.",
      keywords: "parcours",
    });
    await publish("gsm", 5, {
      title: "Mediawijsheid: de gsm in de klas",
      description: "Afspraken over het gebruik van de gsm tijdens de les en een klasdebat.",
      keywords: "mediawijsheid",
    });
  });

  it("ranks by how much of the query a material covers; all words first, none left empty", async () => {
    const found = titles(await search("rolstoel transfer oefenen"));
    expect(found[0]).toBe("Transfers van bed naar rolstoel");
    expect(found).toContain("Rolstoelvaardigheden");
  });

  it("finds a word inside a compound of the material, and a compound against its parts", async () => {
    expect(titles(await search("motor"))).toContain("Werking van de verbrandingsmotor");
    expect(titles(await search("kraanmachinist"))[0]).toBe("Veiligheid op de werf");
  });

  it("expands synonyms and the English terms teachers use, phrases included", async () => {
    expect(titles(await search("smartphone"))).toEqual(["Mediawijsheid: de gsm in de klas"]);
    expect(queryConcepts("programmeerbare sturing", defaultRanking)).toHaveLength(1);
    expect(queryConcepts("plc", defaultRanking)[0]?.tsquery).toContain(
      "(programmeerbare & sturing)",
    );
  });

  it("answers any text a visitor can put in the URL, never an exception", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 300 }), fc.string(), async (q, d) => {
        const parsed = parseLibrarySearch(new URLSearchParams({ q, domein: d, taal: d }));
        await searchMaterials(demo.handle.db, parsed.search);
      }),
      { numRuns: 40 },
    );
  });

  it("answers a 10,000-character query, a NUL and unknown facet values without failing", async () => {
    const parsed = parseLibrarySearch(
      new URLSearchParams({ q: `motor\u0000${"x".repeat(10_000)}`, domein: "99" }),
    );
    expect(parsed.queryTruncated).toBe(true);
    expect(parsed.ignored).toEqual(["domein"]);
    const result = await searchMaterials(demo.handle.db, parsed.search);
    expect(result.hits.map((h) => h.title)).toContain("Werking van de verbrandingsmotor");
  });
});

describe("finding what nothing matched at first (ADR 0026, second round)", () => {
  beforeAll(async () => {
    const publish = async (key: string, day: number, fields: Record<string, unknown>) => {
      const { materialId } = await publishTestMaterial(demo.handle.db, people, {
        organisationId: schoolId,
        at: new Date(Date.UTC(2026, 4, day, 9)),
        fields,
      });
      ids[key] = materialId;
    };
    await publish("ladder", 1, {
      title: "Veilig werken met ladders",
      description: "Een ladder kiezen, correct plaatsen en beklimmen, met een controlelijst.",
      keywords: "valgevaar",
    });
    await publish("phishing", 2, {
      title: "Wachtwoorden en phishing herkennen",
      description: "Sterke wachtwoorden en verdachte mails voor leerlingen.",
    });
    await publish("gelaat", 3, {
      title: "Gelaatsreiniging in het schoonheidsinstituut",
      description: "Huidtypes herkennen en een masker aanbrengen.",
    });
    await publish("filters", 4, {
      title: "Olie verversen",
      description: "Motorolie aftappen en de filters wisselen bij een onderhoudsbeurt.",
    });
  });

  it("falls back to a compound's parts when the whole finds nothing, by prefix and synonyms", async () => {
    // `ladderkeuring`: no material says `keuring`, the ladder material is still the answer.
    expect(titles(await search("ladderkeuring"))[0]).toBe("Veilig werken met ladders");
    // A part by its synonym: `gezicht` is `gelaat` (a word of the dictionary, split anyway).
    expect(titles(await search("gezichtsreiniging"))[0]).toBe(
      "Gelaatsreiniging in het schoonheidsinstituut",
    );
    expect(titles(await search("filterwissel"))[0]).toBe("Olie verversen");
    const [concept] = queryConcepts("ladderkeuring", defaultRanking);
    expect(concept?.partQueries).toEqual(["ladder | ladder:*", "keuring | keuring:*"]);
  });

  it("forgives a typo under pg_trgm's default threshold when the word matches nothing", async () => {
    const result = await search("phising");
    expect(titles(result)[0]).toBe("Wachtwoorden en phishing herkennen");
    expect(result.nearest).toBe(false);
  });

  it("expands the Flemish and Netherlands words of the wider list", async () => {
    expect(titles(await search("gelaatsreiniging"))).toContain(
      "Gelaatsreiniging in het schoonheidsinstituut",
    );
    expect(queryConcepts("paswoord", defaultRanking)[0]?.tsquery).toContain("wachtwoord");
    expect(queryConcepts("ontsmetten", defaultRanking)[0]?.tsquery).toContain("desinfecteren");
  });

  it("answers a query nothing matches with the nearest titles, and says so", async () => {
    const result = await search("lad wrk");
    expect(result.nearest).toBe(true);
    expect(titles(result)[0]).toBe("Veilig werken met ladders");
    // A match by words is never called nearest; nonsense that resembles no title stays empty.
    expect((await search("ladders")).nearest).toBe(false);
    expect((await search("qqqqqqqqqqqq")).total).toBe(0);
  });
});

describe("the search vector in its row (migration 0026)", () => {
  it("is stored MAIN, so a later migration that makes the column again must keep it so", async () => {
    // A column made again (as migration 0024 did) gets the type's default, EXTENDED: out of
    // line once its row passes 2 kB, which made a search for common words read the TOAST
    // index for every match.
    const { rows } = await demo.handle.db.execute<{ storage: string }>(
      sql`select attstorage as storage from pg_attribute
          where attrelid = 'material_version'::regclass and attname = 'search_vector'`,
    );
    expect(rows).toEqual([{ storage: "m" }]);
  });
});

describe("the front page's kept counts (migration 0022)", () => {
  it("keeps a new draft version of a published material out of the search", async () => {
    const before = await search("verbrandingsmotor");
    const draft = await createMaterialVersion(
      { db: demo.handle.db, actor: people.author, now: () => new Date() },
      { materialId: ids.motor ?? "" },
    );
    if (!draft.ok) throw new Error(JSON.stringify(draft));
    const after = await search("verbrandingsmotor");
    expect(after.total).toBe(before.total);
    expect((await search(undefined)).total).toBe(
      (await search(undefined, { filters: { language: ["nl", "en", "fr", "de"] } })).total,
    );
  });

  it("equal the counts of the live statement after publishing, withdrawing and drafts", async () => {
    const front = await search(undefined);
    // Every language ticked: the same materials, counted by the live statement.
    const live = await search(undefined, { filters: { language: ["nl", "en", "fr", "de"] } });
    expect(front.total).toBe(live.total);
    for (const name of ["domain", "finality", "grade", "licence", "maturity"] as const) {
      expect(front.facets[name]).toEqual(live.facets[name]);
    }
  });
});
