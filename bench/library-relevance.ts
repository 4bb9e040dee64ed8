// Relevance of the library search (ADR 0018, `npm run bench:relevance`): loads the fixed corpus
// of Dutch vocational learning materials into a fresh in-memory PGlite database, runs every
// judged query through plain `dutch` full text (websearch_to_tsquery with ts_rank over title,
// keywords and description) and through the chosen ranking with each compensation switched on
// in turn, and prints nDCG@10 and recall@20 per variant, overall and per kind of query.
import { sql } from "drizzle-orm";
import { type Database, openDatabase } from "../src/db/client";
import { organisation } from "../src/directory/schema";
import { user } from "../src/identity/schema";
import { type LibraryRanking, searchMaterials } from "../src/library/search-materials";
import { setupDatabase } from "../src/seed/setup-database";
import { corpus } from "./library-relevance/corpus";
import { type JudgedQuery, queries } from "./library-relevance/queries";
import { printTable } from "./support";

/** Inserts the corpus as published current versions; returns material id → corpus key. */
async function loadCorpus(db: Database): Promise<Map<string, string>> {
  const [author] = await db.select({ id: user.id }).from(user).limit(1);
  const [school] = await db.select({ id: organisation.id }).from(organisation).limit(1);
  if (!author || !school) throw new Error("the demo world is missing");
  const keyOf = new Map<string, string>();
  for (const [i, m] of corpus.entries()) {
    const published = new Date(Date.UTC(2026, 0, 1 + i));
    // Three statements: a data-modifying CTE's rows are not visible to the same statement.
    const made = await db.execute<{ id: string }>(sql`
      insert into material (created_by, organisation_id) values (${author.id}, ${school.id})
      returning id`);
    const id = made.rows[0]?.id ?? "";
    const version = await db.execute<{ id: string }>(sql`
      insert into material_version (material_id, number, state, title, description, keywords,
        licence, study_domains, finalities, created_by, published_at)
      values (${id}, 1, 'published', ${m.title}, ${m.description}, array[${sql.join(
        m.keywords.map((k) => sql`${k}`),
        sql`, `,
      )}]::text[], 'CC-BY-4.0', array[${m.domain}]::text[], array[${m.finality}]::text[],
        ${author.id}, ${published.toISOString()}::timestamptz)
      returning id`);
    await db.execute(
      sql`update material set current_version_id = ${version.rows[0]?.id} where id = ${id}`,
    );
    if (id) keyOf.set(id, m.key);
  }
  return keyOf;
}

/** The baseline: plain `dutch` full text, as the manual shows it. */
async function plainDutch(db: Database, query: string): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`
    select m.id from material m join material_version v on v.id = m.current_version_id,
      to_tsvector('dutch', v.title || ' ' || array_to_string(v.keywords, ' ') || ' ' || v.description) d,
      websearch_to_tsquery('dutch', ${query}) q
    where d @@ q order by ts_rank(d, q) desc, m.id limit 20`);
  return rows.rows.map((r) => r.id);
}

function ndcgAt10(ranked: string[], judged: JudgedQuery["judged"]): number {
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

function recallAt20(ranked: string[], judged: JudgedQuery["judged"]): number {
  const relevant = Object.keys(judged);
  const found = new Set(ranked.slice(0, 20));
  return relevant.length === 0 ? 1 : relevant.filter((k) => found.has(k)).length / relevant.length;
}

const off: LibraryRanking = { prefix: false, decompound: false, trigram: false };
const variants: Array<{ label: string; ranking: LibraryRanking | null }> = [
  { label: "plain dutch (websearch_to_tsquery, ts_rank)", ranking: null },
  { label: "weighted + folded, no compensation", ranking: off },
  { label: "+ last-word prefix", ranking: { ...off, prefix: true } },
  { label: "+ compound splits", ranking: { ...off, decompound: true } },
  { label: "+ trigram typos", ranking: { ...off, trigram: true } },
  { label: "all three (chosen)", ranking: { prefix: true, decompound: true, trigram: true } },
];

const handle = await openDatabase({ pgliteDir: "memory://" });
try {
  await setupDatabase(handle, { demo: true });
  const keyOf = await loadCorpus(handle.db);
  console.log(`Corpus: ${corpus.length} materials; ${queries.length} judged queries.\n`);
  const kinds = [...new Set(queries.map((q) => q.kind))];
  const table: Array<Record<string, string | number>> = [];
  for (const variant of variants) {
    const perQuery: Array<{ kind: string; ndcg: number; recall: number }> = [];
    for (const q of queries) {
      const ids = variant.ranking
        ? (
            await searchMaterials(
              handle.db,
              { query: q.query, filters: {}, sort: "relevance", page: 1 },
              { ranking: variant.ranking, pageSize: 20 },
            )
          ).hits.map((h) => h.id)
        : await plainDutch(handle.db, q.query);
      const ranked = ids.map((id) => keyOf.get(id) ?? id);
      perQuery.push({
        kind: q.kind,
        ndcg: ndcgAt10(ranked, q.judged),
        recall: recallAt20(ranked, q.judged),
      });
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const row: Record<string, string | number> = {
      variant: variant.label,
      "nDCG@10": mean(perQuery.map((p) => p.ndcg)).toFixed(3),
      "recall@20": mean(perQuery.map((p) => p.recall)).toFixed(3),
    };
    for (const kind of kinds)
      row[`nDCG ${kind}`] = mean(
        perQuery.filter((p) => p.kind === kind).map((p) => p.ndcg),
      ).toFixed(2);
    table.push(row);
  }
  printTable(table);
  console.log(
    `\nQueries per kind: ${kinds.map((k) => `${k} ${queries.filter((q) => q.kind === k).length}`).join(", ")}.`,
  );
} finally {
  await handle.close();
}
