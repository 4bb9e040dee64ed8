// Submission-surge benchmark (issue 3, item 8): N applications all submitted at once in the last
// second before a call's deadline, each submit clicked twice (the same request key), on PGlite
// and on the PostgreSQL server in one run. Prints throughput, p50/p95/p99 latency per request,
// errors, and checks every answer: each request (the second click included) must succeed and
// exactly one submission per application must be kept, or the run ends with the wrong answer.
import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { applicationSubmission } from "../src/applications/submission/schema";
import { submitApplication } from "../src/applications/submission/submit-application";
import { type DatabaseHandle, openDatabase } from "../src/db/client";
import { loadActor } from "../src/identity/load-actor";
import { user } from "../src/identity/schema";
import { fromBrusselsInput } from "../src/platform/time";
import { completeTestDraft, publishTestCall, startTestDraft } from "../test/support/applications";
import { check, percentile, preparePglite, preparePostgres, printTable } from "./support";

const sizes = (process.env.BENCH_SURGE ?? "100,400")
  .split(",")
  .map((n) => Number(n.trim()))
  .filter((n) => n > 0);

async function actor(handle: DatabaseHandle, email: string) {
  const [row] = await handle.db.select({ id: user.id }).from(user).where(eq(user.email, email));
  const loaded = row && (await loadActor(handle.db, row.id));
  if (!loaded) throw new Error(`no ${email}`);
  return loaded;
}

async function surge(label: string, env: Record<string, string>, n: number) {
  const handle = await openDatabase(
    env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { pgliteDir: env.PGLITE_DIR },
  );
  const manager = await actor(handle, "programmabeheerder@demo.innovet.test");
  const coordinator = await actor(handle, "coordinator@demo.innovet.test");
  const closesAt = `2027-03-28T12:${String(sizes.indexOf(n)).padStart(2, "0")}`;
  const deadline = fromBrusselsInput(closesAt) as Date;
  const during = new Date("2027-03-10T10:00:00Z");
  const callId = await publishTestCall(handle.db, manager, {
    opensAt: "2027-03-01T09:00",
    closesAt,
    now: new Date("2027-02-01T10:00:00Z"),
    title: `Surge ${n}`,
  });
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = await startTestDraft(handle.db, coordinator, callId, during, `Surge ${i}`);
    await completeTestDraft(handle.db, coordinator, id, during);
    ids.push(id);
  }
  const keys = ids.map(() => randomUUID());
  const lastSecond = new Date(deadline.getTime() - 500);
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  await Promise.all(
    [...ids, ...ids].map(async (applicationId, i) => {
      const t0 = performance.now();
      const result = await submitApplication(
        { db: handle.db, actor: coordinator, now: () => lastSecond },
        { applicationId, requestKey: keys[i % n], declaration: "on" },
      );
      latencies.push(performance.now() - t0);
      if (!result.ok) {
        errors++;
        firstError ??= `${applicationId}: ${JSON.stringify(result)}`;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const kept = await handle.db
    .select({ id: applicationSubmission.id, applicationId: applicationSubmission.applicationId })
    .from(applicationSubmission)
    .where(inArray(applicationSubmission.applicationId, ids));
  await handle.close();
  check(
    errors === 0,
    `${label}, N=${n}: ${errors} of ${2 * n} submits refused, first ${firstError}`,
  );
  check(
    kept.length === n && new Set(kept.map((k) => k.applicationId)).size === n,
    `${label}, N=${n}: ${kept.length} submissions kept, want one for each of ${n} applications`,
  );
  latencies.sort((a, b) => a - b);
  return {
    database: label,
    applications: n,
    requests: 2 * n,
    "requests/s": Math.round((2 * n) / seconds),
    "p50 ms": percentile(latencies, 50).toFixed(1),
    "p95 ms": percentile(latencies, 95).toFixed(1),
    "p99 ms": percentile(latencies, 99).toFixed(1),
    errors,
    "kept (want N)": kept.length,
  };
}

const rows: Array<Record<string, string | number>> = [];
const pglite = await preparePglite("data/bench-surge-pglite");
for (const n of sizes) rows.push(await surge(pglite.label, pglite.env, n));
await pglite.dispose();
const postgres = await preparePostgres("innovet_bench_surge");
if (postgres) {
  for (const n of sizes) rows.push(await surge(postgres.label, postgres.env, n));
  await postgres.dispose();
}
console.log(
  "\nSubmission surge: N applications, each submit clicked twice, 500 ms before the deadline\n",
);
printTable(rows);
