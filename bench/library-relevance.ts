// Relevance of the library search (ADR 0018, ADR 0026, `npm run bench:relevance`): loads a judged
// set of Dutch vocational learning materials into a fresh in-memory PGlite database (through the
// same search columns as production, compound parts included), runs every judged query through
// plain `dutch` full text accepting any word (websearch_to_tsquery with its words OR-ed, ts_rank
// over title, keywords and description) and through the product's search, and prints nDCG@10 and
// recall@20.
//
//   npm run bench:relevance                       both built-in sets, each variant, per kind
//   npm run bench:relevance -- --set FILE --json  one judged set (JSON, format in the README)
//
// Set 1 (bench/library-relevance/corpus.ts, queries.ts) is the set the search was first tuned
// on; set 2 (set-2.json) was written later from other sources (the study programmes of the
// reference data, other wording) to measure on what was not tuned on. Report both.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Database, openDatabase } from "../src/db/client";
import { studyDomains } from "../src/directory/model";
import { organisation } from "../src/directory/schema";
import { translate } from "../src/i18n/translate";
import { user } from "../src/identity/schema";
import {
  defaultRanking,
  type LibraryRanking,
  searchMaterials,
} from "../src/library/search-materials";
import { versionSearchParts } from "../src/library/version-search-text";
import { setupDatabase } from "../src/seed/setup-database";
import { corpus } from "./library-relevance/corpus";
import { queries as setOneQueries } from "./library-relevance/queries";
import { printTable } from "./support";

/** A judged set: the README's format. `kind` is optional, for the per-kind columns. */
const judgedSetSchema = z.object({
  materials: z
    .array(
      z.object({
        id: z.string().min(1),
        title: z.string().min(1),
        description: z.string(),
        keywords: z.array(z.string()).optional(),
        domain: z.string().optional(),
      }),
    )
    .min(1),
  queries: z
    .array(
      z.object({
        q: z.string().min(1),
        relevant: z.record(z.string(), z.number().min(0)),
        kind: z.string().optional(),
      }),
    )
    .min(1),
});
type JudgedSet = z.infer<typeof judgedSetSchema>;

const setOne: JudgedSet = {
  materials: corpus.map((m) => ({
    id: m.key,
    title: m.title,
    description: m.description,
    keywords: m.keywords,
    domain: m.domain,
  })),
  queries: setOneQueries.map((q) => ({ q: q.query, relevant: q.judged, kind: q.kind })),
};

function readSet(file: string): JudgedSet {
  const parsed = judgedSetSchema.safeParse(JSON.parse(readFileSync(resolve(file), "utf8")));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** A study domain given by code ("6") or by name ("Maatschappij en welzijn"). */
function domainCode(domain: string | undefined): string[] {
  if (!domain) return [];
  const wanted = domain.trim().toLowerCase();
  const code = studyDomains.find(
    (d) => d === wanted || translate("nl", `domain.${d}`).toLowerCase() === wanted,
  );
  if (!code) throw new Error(`unknown study domain "${domain}"`);
  return [code];
}

/** Inserts the set as published current versions; returns material id → the set's id. */
async function loadSet(db: Database, set: JudgedSet): Promise<Map<string, string>> {
  const [author] = await db.select({ id: user.id }).from(user).limit(1);
  const [school] = await db.select({ id: organisation.id }).from(organisation).limit(1);
  if (!author || !school) throw new Error("the demo world is missing");
  const keyOf = new Map<string, string>();
  for (const [i, m] of set.materials.entries()) {
    const published = new Date(Date.UTC(2026, 0, 1 + i));
    const keywords = m.keywords ?? [];
    // Three statements: a data-modifying CTE's rows are not visible to the same statement.
    const made = await db.execute<{ id: string }>(sql`
      insert into material (created_by, organisation_id) values (${author.id}, ${school.id})
      returning id`);
    const id = made.rows[0]?.id ?? "";
    const version = await db.execute<{ id: string }>(sql`
      insert into material_version (material_id, number, state, title, description, keywords,
        licence, study_domains, created_by, published_at, search_parts)
      values (${id}, 1, 'published', ${m.title}, ${m.description}, ${sql`array[${sql.join(
        keywords.map((k) => sql`${k}`),
        sql`, `,
      )}]::text[]`}, 'CC-BY-4.0', ${sql`array[${sql.join(
        domainCode(m.domain).map((d) => sql`${d}`),
        sql`, `,
      )}]::text[]`}, ${author.id}, ${published.toISOString()}::timestamptz,
        ${versionSearchParts({ ...m, keywords, searchText: "" })})
      returning id`);
    await db.execute(
      sql`update material set current_version_id = ${version.rows[0]?.id} where id = ${id}`,
    );
    if (id) keyOf.set(id, m.id);
  }
  return keyOf;
}

/** The baseline: plain `dutch` full text with any word accepted, as the manual shows it. */
async function plainDutch(db: Database, query: string): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`
    select m.id from material m join material_version v on v.id = m.current_version_id,
      to_tsvector('dutch', v.title || ' ' || array_to_string(v.keywords, ' ') || ' ' || v.description) d,
      websearch_to_tsquery('dutch', ${query.split(/\s+/).join(" or ")}) q
    where d @@ q order by ts_rank(d, q) desc, m.id limit 20`);
  return rows.rows.map((r) => r.id);
}

type Judged = Record<string, number>;

function ndcgAt10(ranked: string[], judged: Judged): number {
  const gain = (g: number) => 2 ** g - 1;
  const dcg = ranked
    .slice(0, 10)
    .reduce((sum, key, i) => sum + gain(judged[key] ?? 0) / Math.log2(i + 2), 0);
  const ideal = Object.values(judged)
    .sort((a, b) => b - a)
    .slice(0, 10)
    .reduce((sum, g, i) => sum + gain(g) / Math.log2(i + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

function recallAt20(ranked: string[], judged: Judged): number {
  const relevant = Object.keys(judged).filter((k) => (judged[k] ?? 0) > 0);
  const found = new Set(ranked.slice(0, 20));
  return relevant.length === 0 ? 1 : relevant.filter((k) => found.has(k)).length / relevant.length;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** Scores one set with one variant (null: plain dutch); per query the ranked ids and scores. */
async function score(
  db: Database,
  set: JudgedSet,
  keyOf: Map<string, string>,
  ranking: LibraryRanking | null,
) {
  const perQuery: Array<{
    q: string;
    kind: string;
    hits: number;
    ndcg10: number;
    recall20: number;
  }> = [];
  for (const q of set.queries) {
    const ids = ranking
      ? (
          await searchMaterials(
            db,
            { query: q.q, filters: {}, sort: "relevance", page: 1 },
            { ranking, pageSize: 20 },
          )
        ).hits.map((h) => h.id)
      : await plainDutch(db, q.q);
    const ranked = ids.map((id) => keyOf.get(id) ?? id);
    perQuery.push({
      q: q.q,
      kind: q.kind ?? "",
      hits: ranked.length,
      ndcg10: ndcgAt10(ranked, q.relevant),
      recall20: recallAt20(ranked, q.relevant),
    });
  }
  return {
    ndcg10: Number(mean(perQuery.map((p) => p.ndcg10)).toFixed(3)),
    recall20: Number(mean(perQuery.map((p) => p.recall20)).toFixed(3)),
    empty: perQuery.filter((p) => p.hits === 0).length,
    perQuery,
  };
}

async function withSet<T>(
  set: JudgedSet,
  run: (db: Database, keyOf: Map<string, string>) => Promise<T>,
) {
  const handle = await openDatabase({ pgliteDir: "memory://" });
  try {
    await setupDatabase(handle, { demo: true });
    return await run(handle.db, await loadSet(handle.db, set));
  } finally {
    await handle.close();
  }
}

const off: LibraryRanking = {
  prefix: false,
  decompound: false,
  trigram: false,
  synonyms: false,
  anyWord: false,
};
const variants: Array<{ label: string; ranking: LibraryRanking | null }> = [
  { label: "plain dutch, any word (websearch_to_tsquery or, ts_rank)", ranking: null },
  {
    label: "every word required (as ADR 0018), parts indexed",
    ranking: { ...defaultRanking, synonyms: false, anyWord: false },
  },
  { label: "- coverage rank (any word)", ranking: { ...defaultRanking, anyWord: false } },
  { label: "- synonyms", ranking: { ...defaultRanking, synonyms: false } },
  { label: "- query-side splits", ranking: { ...defaultRanking, decompound: false } },
  { label: "- trigram fallback", ranking: { ...defaultRanking, trigram: false } },
  { label: "- last-word prefix", ranking: { ...defaultRanking, prefix: false } },
  { label: "none of them (every word, stems only)", ranking: off },
  { label: "all (chosen)", ranking: defaultRanking },
];

const args = process.argv.slice(2);
const setFile = args.includes("--set") ? args[args.indexOf("--set") + 1] : undefined;
const asJson = args.includes("--json");

if (setFile) {
  const set = readSet(setFile);
  const result = await withSet(set, async (db, keyOf) => ({
    product: await score(db, set, keyOf, defaultRanking),
    plain: await score(db, set, keyOf, null),
  }));
  if (asJson) {
    console.log(
      JSON.stringify({
        product: { ndcg10: result.product.ndcg10, recall20: result.product.recall20 },
        plain: { ndcg10: result.plain.ndcg10, recall20: result.plain.recall20 },
        queries: result.product.perQuery.map((p) => ({
          q: p.q,
          hits: p.hits,
          ndcg10: Number(p.ndcg10.toFixed(3)),
        })),
      }),
    );
  } else {
    printTable(
      (["product", "plain"] as const).map((v) => ({
        variant: v,
        "nDCG@10": result[v].ndcg10.toFixed(3),
        "recall@20": result[v].recall20.toFixed(3),
        "empty queries": result[v].empty,
      })),
    );
    printTable(
      result.product.perQuery.map((p) => ({
        q: p.q,
        hits: p.hits,
        "nDCG@10": p.ndcg10.toFixed(2),
      })),
    );
  }
} else {
  const sets: Array<[string, JudgedSet]> = [
    ["set 1 (tuned on)", setOne],
    ["set 2 (other sources)", readSet("bench/library-relevance/set-2.json")],
  ];
  for (const [name, set] of sets) {
    const kinds = [...new Set(set.queries.map((q) => q.kind ?? ""))].filter(Boolean);
    const table = await withSet(set, async (db, keyOf) => {
      const rows: Array<Record<string, string | number>> = [];
      for (const variant of variants) {
        const s = await score(db, set, keyOf, variant.ranking);
        const row: Record<string, string | number> = {
          variant: variant.label,
          "nDCG@10": s.ndcg10.toFixed(3),
          "recall@20": s.recall20.toFixed(3),
          empty: s.empty,
        };
        for (const kind of kinds)
          row[kind] = mean(s.perQuery.filter((p) => p.kind === kind).map((p) => p.ndcg10)).toFixed(
            2,
          );
        rows.push(row);
      }
      return rows;
    });
    console.log(
      `\n${name}: ${set.materials.length} materials, ${set.queries.length} judged queries (${kinds
        .map((k) => `${k} ${set.queries.filter((q) => q.kind === k).length}`)
        .join(", ")})`,
    );
    printTable(table);
  }
}
