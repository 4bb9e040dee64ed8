// Directory-search benchmark (issue 2, item 9): latency of `searchDirectory` at full demo scale
// (1,395 organisations, 2,151 sites, ~21,000 offered programmes) for a fixed mix of searches as
// people type them, on PGlite and on the PostgreSQL server in one run. Every timed search is
// checked: each search of the mix finds something, every timed call finds what the first call
// found (total and page), and both engines find the same; a wrong answer ends the run.
import { openDatabase } from "../src/db/client";
import { generateDemoWorld } from "../src/directory/demo-world";
import { formatEnterpriseNumber } from "../src/directory/enterprise-number";
import { type DirectoryFilters, searchDirectory } from "../src/directory/search-directory";
import {
  check,
  percentile,
  postgresAdminUrl,
  preparePglite,
  preparePostgres,
  printTable,
} from "./support";

const rounds = Number(process.env.BENCH_ROUNDS ?? 20);
const showcaseKbo = formatEnterpriseNumber(
  generateDemoWorld().organisations.find((o) => o.ref === "company-showcase")?.enterpriseNumber ??
    "",
);

/** The mix: free text, numbers, single filters and combinations, first and later pages. */
const mix: Array<{ label: string; filters: DirectoryFilters; page?: number }> = [
  { label: "no filter, page 1", filters: {} },
  { label: "no filter, page 40", filters: {}, page: 40 },
  { label: "q=technisch", filters: { query: "technisch" } },
  { label: "q=sint (prefix of many)", filters: { query: "sint" } },
  { label: "q=typo 'atheneom'", filters: { query: "atheneom" } },
  { label: "q=instellingsnummer", filters: { query: "900001" } },
  // The showcase company's whole number (a partial one finds nothing, by design: it used to be
  // timed here, fast and empty, until the answers were checked).
  { label: "q=KBO with dots", filters: { query: showcaseKbo } },
  { label: "province", filters: { province: "OVL" } },
  { label: "municipality (merged, Gent)", filters: { municipality: "44021" } },
  { label: "old municipality code", filters: { municipality: "44040" } },
  { label: "network GO", filters: { umbrella: "GO" } },
  { label: "domain STEM", filters: { domain: "2" } },
  { label: "finality A + province", filters: { finality: "A", province: "ANT" } },
  {
    label: "domain + finality + network",
    filters: { domain: "8", finality: "A", umbrella: "KOV" },
  },
  { label: "all partners", filters: { kind: "partner" } },
  { label: "q + province + domain", filters: { query: "instituut", province: "WVL", domain: "2" } },
];

/** What a search found: the total, the page's size and its rows in order. */
interface Answer {
  total: number;
  rows: number;
  ids: string;
}
const answerOf = (result: Awaited<ReturnType<typeof searchDirectory>>): Answer => ({
  total: result.total,
  rows: result.rows.length,
  ids: result.rows.map((r) => r.id).join(","),
});

async function run(label: string, env: Record<string, string>) {
  const handle = await openDatabase(
    env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { pgliteDir: env.PGLITE_DIR },
  );
  // Warm up: plans and caches, as on a server that has been running. The warm-up's answers are
  // what every timed call must give again.
  const answers = new Map<string, Answer>();
  for (const q of mix) {
    const answer = answerOf(await searchDirectory(handle.db, q.filters, q.page ?? 1));
    check(answer.total > 0 && answer.rows > 0, `${label}, ${q.label}: found nothing`);
    answers.set(q.label, answer);
  }
  const all: number[] = [];
  const perQuery = new Map<string, number[]>();
  for (let round = 0; round < rounds; round++) {
    for (const q of mix) {
      const started = performance.now();
      const result = await searchDirectory(handle.db, q.filters, q.page ?? 1);
      const ms = performance.now() - started;
      const got = answerOf(result);
      const want = answers.get(q.label) as Answer;
      check(
        got.total === want.total && got.ids === want.ids,
        `${label}, ${q.label}, round ${round + 1}: ${got.total} found, want ${want.total} (or other rows)`,
      );
      all.push(ms);
      perQuery.set(q.label, [...(perQuery.get(q.label) ?? []), ms]);
    }
  }
  await handle.close();
  all.sort((a, b) => a - b);
  const slowest = [...perQuery.entries()]
    .map(
      ([q, times]) =>
        [
          q,
          percentile(
            [...times].sort((a, b) => a - b),
            50,
          ),
        ] as const,
    )
    .sort((a, b) => b[1] - a[1])[0];
  return {
    answers,
    database: label,
    searches: all.length,
    "p50 (ms)": all.length ? percentile(all, 50).toFixed(1) : "-",
    "p95 (ms)": percentile(all, 95).toFixed(1),
    "p99 (ms)": percentile(all, 99).toFixed(1),
    "slowest query (p50)": slowest ? `${slowest[0]} ${slowest[1].toFixed(1)} ms` : "-",
  };
}

const pglite = await preparePglite("data/bench/directory-pglite");
const postgres = await preparePostgres("innovet_bench_directory");
const { answers: pgliteAnswers, ...pgliteRow } = await run("PGlite", pglite.env);
const rows: Array<Record<string, string | number>> = [pgliteRow];
await pglite.dispose();
if (postgres) {
  const { answers, ...row } = await run("PostgreSQL", postgres.env);
  rows.push(row);
  await postgres.dispose();
  // One demo world, one query: both engines find as many (row order may differ on ties).
  for (const q of mix)
    check(
      answers.get(q.label)?.total === pgliteAnswers.get(q.label)?.total,
      `${q.label}: PostgreSQL found ${answers.get(q.label)?.total}, PGlite ${pgliteAnswers.get(q.label)?.total}`,
    );
}
console.log(
  `\nDirectory search at full demo scale: ${mix.length} searches x ${rounds} rounds (node ${process.version}; PostgreSQL at ${postgresAdminUrl})\n`,
);
printTable(rows);
