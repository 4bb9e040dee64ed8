// Start-up benchmark (issue 2, item 9): the time from `node server.ts` to the first page served
// (GET / answered 200, database opened and migrations checked on the way), and the server's
// resident memory after that first page and after 200 directory pages. PGlite and the PostgreSQL
// server are compared in one run. Needs a build: `npm run build && npm run bench:startup`.
// Every answer is checked (bench/support.ts `check`): the first page must be a 200 page, each
// directory page a 200 page listing a full page of organisations; a wrong answer ends the run.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { directoryPageSize } from "../src/directory/search-directory";
import {
  check,
  checkedText,
  median,
  type PreparedDatabase,
  preparePglite,
  preparePostgres,
  printTable,
} from "./support";

const runs = Number(process.env.BENCH_RUNS ?? 5);
const port = 3190;
const base = `http://127.0.0.1:${port}`;

if (!existsSync("build/server/index.js")) {
  console.error("No build found: run `npm run build` first.");
  process.exit(1);
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kib / 1024);
}

/** Waits for the server to listen, then checks that its first answer is the page, not an error. */
async function firstPage(path: string, deadline: number): Promise<void> {
  while (performance.now() < deadline) {
    let response: Response;
    try {
      response = await fetch(base + path);
    } catch {
      // not listening yet
      await new Promise((r) => setTimeout(r, 10));
      continue;
    }
    const page = await checkedText(response, 200, `GET ${path} after start-up`);
    check(page.includes("</html>"), `GET ${path} after start-up: not a whole page`);
    return;
  }
  throw new Error(`no answer on ${path}`);
}

/** Links to organisation pages in a directory page: its rows. */
const organisationLinks = (page: string) =>
  page.match(/href="\/gids\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"/g)
    ?.length ?? 0;

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

async function measure(database: PreparedDatabase) {
  const startups: number[] = [];
  const firstPageRss: number[] = [];
  const loadedRss: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const child = spawn(process.execPath, ["server.ts"], {
      env: {
        ...process.env,
        ...database.env,
        PORT: String(port),
        NODE_ENV: "production",
        AUTH_SECRET: "benchmark-secret-benchmark-secret-0123456789",
      },
      stdio: "ignore",
    });
    // A wrong answer ends the run; the server goes with it.
    try {
      await firstPage("/", started + 60_000);
      startups.push(performance.now() - started);
      firstPageRss.push(rssMiB(child.pid as number));
      for (let i = 0; i < 200; i++) {
        const path = `/gids?pagina=${(i % 20) + 1}`;
        const page = await checkedText(await fetch(base + path), 200, `GET ${path}`);
        // The demo world fills 56 pages: each of the first 20 is a full one.
        const rows = organisationLinks(page);
        check(
          rows === directoryPageSize,
          `GET ${path}: ${rows} organisations, want ${directoryPageSize}`,
        );
      }
      loadedRss.push(rssMiB(child.pid as number));
    } finally {
      await stop(child);
    }
  }
  return {
    database: database.label,
    runs,
    "start to first page, median (ms)": Math.round(median(startups)),
    "min (ms)": Math.round(Math.min(...startups)),
    "max (ms)": Math.round(Math.max(...startups)),
    "RSS after first page (MiB)": median(firstPageRss),
    "RSS after 200 directory pages (MiB)": median(loadedRss),
  };
}

const variants = [
  await preparePglite("data/bench/startup-pglite"),
  await preparePostgres("innovet_bench_startup"),
].filter((v): v is PreparedDatabase => v !== null);

const rows = [];
for (const variant of variants) {
  rows.push(await measure(variant));
  await variant.dispose();
}
console.log(
  `\nStart-up of the production server (node ${process.version}, demo world of 2,151 sites)\n`,
);
printTable(rows);
