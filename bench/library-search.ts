// Library-search benchmark (ADR 0018, `npm run bench:library`): generates materials from the
// relevance corpus' vocabulary straight into the tables (multi-row INSERTs of 1,000,
// the search columns and GIN indexes maintained as in production), then reports the indexing
// throughput, the size of the search indexes and p50/p95 latency of `searchMaterials` for a fixed
// mix of searches with facets. Sizes grow in steps on one database: 100,000 then 1,000,000.
// BENCH_LIBRARY_SIZES (PostgreSQL) and BENCH_LIBRARY_PGLITE_SIZES set the steps; PGlite stops
// at 100,000 unless told otherwise (1,000,000 works, in a 1.7 GB folder, but takes 20 minutes
// more to generate; the README has both).
import { loadavg } from "node:os";
import { sql } from "drizzle-orm";
import { type Database, openDatabase } from "../src/db/client";
import { organisation } from "../src/directory/schema";
import { user } from "../src/identity/schema";
import { material, materialVersion } from "../src/library/schema";
import {
  type LibrarySearch,
  libraryFacets,
  searchMaterials,
} from "../src/library/search-materials";
import { versionSearchParts } from "../src/library/version-search-text";
import { corpus } from "./library-relevance/corpus";
import {
  median,
  percentile,
  postgresAdminUrl,
  preparePglite,
  preparePostgres,
  printTable,
} from "./support";

const sizes = (value: string | undefined, fallback: string) =>
  (value ?? fallback)
    .split(",")
    .map(Number)
    .filter((n) => Number.isSafeInteger(n) && n > 0)
    .sort((a, b) => a - b);
const postgresSizes = sizes(process.env.BENCH_LIBRARY_SIZES, "100000,1000000");
const pgliteSizes = sizes(process.env.BENCH_LIBRARY_PGLITE_SIZES, "100000");
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
// BENCH_LIBRARY_KEEP=1 keeps the PostgreSQL database for the next run, which then only measures.
const keep = process.env.BENCH_LIBRARY_KEEP === "1";
/** Rows per INSERT: 1,000 rows of 17 columns stay well under PostgreSQL's 65,535 parameters. */
const batch = 1_000;

const words = [
  ...new Set(
    corpus.flatMap(
      (m) => `${m.title} ${m.description}`.toLowerCase().match(/[\p{L}][\p{L}-]{2,}/gu) ?? [],
    ),
  ),
];
const keywords = [...new Set(corpus.flatMap((m) => m.keywords))];

/** The mix: words, compounds, a typo, phrases, facets alone and with words, later pages. */
const mix: Array<{ label: string; search: Partial<LibrarySearch> }> = [
  { label: "newest, no words", search: {} },
  { label: "newest, page 50", search: { page: 50 } },
  { label: "q=lassen", search: { query: "lassen" } },
  { label: "q=lasrobot", search: { query: "lasrobot" } },
  { label: "q=heftruk (typo)", search: { query: "heftruk" } },
  { label: "q=veilig werken", search: { query: "veilig werken" } },
  { label: "q=elektrische installaties", search: { query: "elektrische installaties" } },
  { label: "q=warmtep (prefix)", search: { query: "warmtep" } },
  { label: "domain 6", search: { filters: { domain: ["6"] } } },
  {
    label: "q=zorg + domain + licence",
    search: { query: "zorg", filters: { domain: ["6"], licence: ["CC-BY-4.0"] } },
  },
  {
    label: "q=koken + grade 2 + type",
    search: { query: "koken", filters: { grade: ["2"], resourceType: ["lessonPlan", "project"] } },
  },
  { label: "q=lassen, page 5", search: { query: "lassen", page: 5 } },
];

/** A small seeded random generator: the same materials on every run and database. */
function randomFrom(seed: number) {
  let state = seed >>> 0 || 1;
  return (n: number) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % n;
  };
}
const pick = <T>(random: (n: number) => number, values: readonly T[]) =>
  values[random(values.length)] as T;
const phrase = (random: (n: number) => number, n: number) =>
  Array.from({ length: n }, () => pick(random, words)).join(" ");

/**
 * Adds materials numbered from..to (exclusive), nine in ten published, the rest drafts. The text
 * is made here and sent as multi-row inserts, so the time is the database's: storing the rows,
 * computing the search columns and maintaining both GIN indexes.
 */
async function generate(db: Database, from: number, to: number, author: string, school: string) {
  const random = randomFrom(from + 1);
  for (let start = from; start < to; start += batch) {
    const numbers = Array.from(
      { length: Math.min(to, start + batch) - start },
      (_, i) => start + i,
    );
    const ids = numbers.map((g) => ({ g, material: uuidOf("m", g), version: uuidOf("v", g) }));
    await db
      .insert(material)
      .values(ids.map((r) => ({ id: r.material, createdBy: author, organisationId: school })));
    await db.insert(materialVersion).values(
      ids.map(({ g, material: materialId, version }) => {
        const title = phrase(random, 4 + (g % 3));
        const description = phrase(random, 25 + (g % 20));
        const keywordList = [
          pick(random, keywords),
          pick(random, keywords),
          pick(random, keywords),
        ];
        return {
          id: version,
          materialId,
          number: 1,
          state: g % 10 === 0 ? ("draft" as const) : ("published" as const),
          title,
          description,
          keywords: keywordList,
          // As the use cases do: the compound parts split in the application (ADR 0026).
          searchParts: versionSearchParts({
            title,
            keywords: keywordList,
            description,
            searchText: "",
          }),
          licence: pick(random, ["CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0", "CC0-1.0"]),
          language: g % 25 === 0 ? "en" : "nl",
          studyDomains: [String(1 + (g % 8))],
          finalities: [pick(random, ["A", "DU", "DO"])],
          grades: [pick(random, ["1", "2", "3", "7"])],
          transitionAreas: [String(1 + (g % 7))],
          resourceTypes: [
            pick(random, ["lessonPlan", "courseModule", "worksheet", "video", "project"]),
          ],
          maturity: pick(random, ["prototype", "testedInClass", "replicated"] as const),
          createdBy: author,
          publishedAt: new Date(Date.UTC(2026, 0, 1) - g * 60_000),
        };
      }),
    );
    await db.execute(sql`
      update material m set current_version_id = v.id from material_version v
      where v.material_id = m.id and v.state = 'published'
        and m.id in (${sql.join(
          ids.map((r) => sql`${r.material}`),
          sql`, `,
        )})`);
  }
}

/** A uuid derived from the material's number, so reruns make the same rows. */
function uuidOf(kind: "m" | "v", g: number): string {
  const hex = `${kind === "m" ? "a" : "b"}${g.toString(16)}`.padStart(32, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
}

async function indexSizes(db: Database) {
  const { rows } = await db.execute<{ name: string; bytes: string }>(sql`
    select c.relname as name, pg_relation_size(c.oid)::text as bytes from pg_class c
    where c.relname in ('material_version_search_gin', 'material_version_words_trgm', 'material_version')`);
  const mb = (name: string) =>
    (Number(rows.find((r) => r.name === name)?.bytes ?? 0) / 1_048_576).toFixed(0);
  return {
    "vector GIN (MB)": mb("material_version_search_gin"),
    "trigram GIN (MB)": mb("material_version_words_trgm"),
    "table (MB)": mb("material_version"),
  };
}

/**
 * The yardstick, in the same process and interleaved with the product: plain `dutch` full text
 * on the stored, indexed tsvector (any word), ts_rank, the facet filters in the WHERE, the page
 * and its total count in one statement; without words the newest published versions and count.
 */
async function plainStoredFts(db: Database, search: LibrarySearch) {
  const filters = Object.entries(search.filters).map(([name, values]) => {
    const { column, array } = libraryFacets[name as keyof typeof libraryFacets];
    const list = sql`array[${sql.join(
      (values ?? []).map((v) => sql`${v}`),
      sql`, `,
    )}]::text[]`;
    return array
      ? sql`${sql.raw(`v.${column}`)} && ${list}`
      : sql`${sql.raw(`v.${column}`)}::text = any(${list})`;
  });
  const words = search.query ? search.query.split(/\s+/).join(" or ") : null;
  const match = words ? sql`v.search_vector @@ websearch_to_tsquery('dutch', ${words})` : sql`true`;
  const where = sql.join([sql`v.state = 'published'`, match, ...filters], sql` and `);
  const order = words
    ? sql`ts_rank(v.search_vector, websearch_to_tsquery('dutch', ${words})) desc`
    : sql`v.published_at desc`;
  const { rows } = await db.execute<{ total: number }>(sql`
    with page as (select v.id, v.title from material_version v where ${where} order by ${order}
      limit 20 offset ${(search.page - 1) * 20})
    select (select count(*) from material_version v where ${where})::int as total,
      (select json_agg(page) from page) as hits`);
  return Number(rows[0]?.total ?? 0);
}

async function measure(db: Database) {
  const full = (q: (typeof mix)[number]): LibrarySearch => ({
    filters: {},
    sort: q.search.query ? "relevance" : "newest",
    page: 1,
    ...q.search,
  });
  const counts = new Map<string, { product: number; plain: number }>();
  for (const q of mix) {
    // Warm-up, and the check that a fast search is not a broken one that finds nothing.
    const product = (await searchMaterials(db, full(q))).total;
    const plain = await plainStoredFts(db, full(q));
    counts.set(q.label, { product, plain });
    if (product === 0) throw new Error(`"${q.label}" found nothing: a broken search is not fast`);
  }
  const times = { product: [] as number[], plain: [] as number[] };
  const per = new Map<string, number[]>();
  const perPlain = new Map<string, number[]>();
  for (let round = 0; round < rounds; round++) {
    for (const q of mix) {
      // Interleaved: each search, then its yardstick, so a busy moment hits both.
      let started = performance.now();
      await searchMaterials(db, full(q));
      const ms = performance.now() - started;
      times.product.push(ms);
      per.set(q.label, [...(per.get(q.label) ?? []), ms]);
      started = performance.now();
      await plainStoredFts(db, full(q));
      const plainMs = performance.now() - started;
      times.plain.push(plainMs);
      perPlain.set(q.label, [...(perPlain.get(q.label) ?? []), plainMs]);
    }
  }
  times.product.sort((a, b) => a - b);
  times.plain.sort((a, b) => a - b);
  const slowest = [...per.entries()]
    .map(
      ([label, ms]) =>
        [
          label,
          percentile(
            [...ms].sort((a, b) => a - b),
            50,
          ),
        ] as const,
    )
    .sort((a, b) => b[1] - a[1])[0];
  for (const [label, ms] of per) {
    const c = counts.get(label);
    console.log(
      `  ${label.padEnd(30)} p50 ${percentile(
        [...ms].sort((a, b) => a - b),
        50,
      )
        .toFixed(0)
        .padStart(
          5,
        )} ms (plain ${median(perPlain.get(label) ?? []).toFixed(0)} ms)  results ${c?.product} (plain ${c?.plain})`,
    );
  }
  return {
    "p50 (ms)": percentile(times.product, 50).toFixed(1),
    "p95 (ms)": percentile(times.product, 95).toFixed(1),
    "plain p50": percentile(times.plain, 50).toFixed(1),
    "plain p95": percentile(times.plain, 95).toFixed(1),
    "p95 ratio": (percentile(times.product, 95) / percentile(times.plain, 95)).toFixed(2),
    "slowest (p50)": slowest ? `${slowest[0]} ${slowest[1].toFixed(0)} ms` : "-",
    "load 1/5 min": loadavg()
      .slice(0, 2)
      .map((l) => l.toFixed(1))
      .join(" / "),
  };
}

async function runOn(label: string, env: Record<string, string>, steps: number[]) {
  const handle = await openDatabase(
    env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { pgliteDir: env.PGLITE_DIR },
  );
  const rows: Array<Record<string, string | number>> = [];
  try {
    const [author] = await handle.db.select({ id: user.id }).from(user).limit(1);
    const [school] = await handle.db.select({ id: organisation.id }).from(organisation).limit(1);
    if (!author || !school) throw new Error("the demo world is missing");
    // Materials generated by an earlier run on a kept database (their ids begin with zeros).
    let have = Number(
      (
        await handle.db.execute<{ n: string }>(
          sql`select count(*) as n from material where id::text like '00000000-%'`,
        )
      ).rows[0]?.n ?? 0,
    );
    for (const size of steps) {
      const started = performance.now();
      if (size > have) await generate(handle.db, have, size, author.id, school.id);
      const seconds = (performance.now() - started) / 1000;
      const added = Math.max(0, size - have);
      have = size;
      // As autovacuum would in time: the is_public trigger writes every generated version twice.
      if (added > 0) {
        await handle.db.execute(sql`vacuum (full, analyze) material_version`);
        await handle.db.execute(sql`vacuum analyze material`);
      }
      rows.push({
        database: label,
        materials: size.toLocaleString("en"),
        "indexed/s": Math.round(added / seconds).toLocaleString("en"),
        ...(await indexSizes(handle.db)),
        ...(await measure(handle.db)),
      });
      // Each step as it ends: a long run that is stopped still leaves its figures.
      console.log(JSON.stringify(rows.at(-1)));
    }
  } finally {
    await handle.close();
  }
  return rows;
}

const rows: Array<Record<string, string | number>> = [];
if (pgliteSizes.length) {
  const pglite = await preparePglite("data/bench/library-pglite");
  rows.push(...(await runOn("PGlite", pglite.env, pgliteSizes)));
  await pglite.dispose();
}
const postgres = postgresSizes.length
  ? await preparePostgres("innovet_bench_library", { keep })
  : null;
if (postgres) {
  rows.push(...(await runOn("PostgreSQL", postgres.env, postgresSizes)));
  await postgres.dispose();
}
console.log(
  `\nLibrary search: ${mix.length} searches x ${rounds} rounds per size, nine in ten materials published (node ${process.version}; PostgreSQL at ${postgresAdminUrl})\n`,
);
printTable(rows);
