import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { actorByEmail, setUpDemoWorld } from "../../../test/support/database";
import { completeMaterial } from "../../../test/support/library";
import { oaiClient, oaiIdentifiers, oaiIdOf } from "../../../test/support/oai";
import type { Actor } from "../../identity/actor";
import { createMaterial } from "../create-material";
import { moveMaterialVersion } from "../move-material-version";
import { announceHarvestChange, harvestHorizon, harvestSafetyMarginMs } from "./horizon";

// A publication whose transaction spans a harvest must reach a harvester that takes the
// harvest's responseDate as its next `from`: its datestamp is its transaction's moment, which is
// earlier than that responseDate unless the harvest answers as of the open transactions
// (horizon.ts, ADR 0027). On PostgreSQL with real concurrent connections; on PGlite, which has
// one connection, the announcement is checked from inside the open transaction.

const demo = setUpDemoWorld();
const oai = oaiClient(demo);
let author: Actor;
let moderator: Actor;
let organisationId: string;

const responseDateOf = (xml: string) => /<responseDate>([^<]+)</.exec(xml)?.[1] ?? "";

beforeAll(async () => {
  author = await actorByEmail(demo.handle, "coordinator@demo.innovet.test");
  moderator = await actorByEmail(demo.handle, "begeleider@demo.innovet.test");
  organisationId = author.memberships[0]?.organisationId ?? "";
});

/** A material written and submitted, waiting for a moderator. */
async function submittedMaterial(
  title: string,
): Promise<{ materialId: string; versionId: string }> {
  const created = await createMaterial(
    { db: demo.handle.db, actor: author },
    { ...completeMaterial, title, organisationId },
  );
  if (!created.ok) throw new Error(JSON.stringify(created));
  const submitted = await moveMaterialVersion(
    { db: demo.handle.db, actor: author },
    { versionId: created.value.versionId, move: "submit" },
  );
  if (!submitted.ok) throw new Error(JSON.stringify(submitted));
  return created.value;
}

describe("the harvest horizon", () => {
  it("stays a safety margin behind the clock, in whole seconds, when nothing is open", async () => {
    const now = new Date("2026-12-01T10:00:00.700Z");
    expect(await harvestHorizon(demo.handle.db, now)).toEqual(
      new Date(Math.floor((now.getTime() - harvestSafetyMarginMs) / 1000) * 1000),
    );
  });

  it("goes back to the moment an open transaction announced", async () => {
    const announced = new Date("2026-11-30T08:15:42.300Z");
    const inside = await demo.handle.db.transaction(async (tx) => {
      await announceHarvestChange(tx, announced);
      return harvestHorizon(tx, new Date("2026-12-01T10:00:00Z"));
    });
    expect(inside).toEqual(new Date("2026-11-30T08:15:42Z"));
    // Committed, the announcement is gone.
    expect(await harvestHorizon(demo.handle.db, new Date("2026-12-01T10:00:00Z"))).toEqual(
      new Date("2026-12-01T09:59:55Z"),
    );
  });

  it.skipIf(!process.env.DATABASE_URL)(
    "lets a harvester that uses from=<responseDate> receive a publication that spanned the harvest",
    async () => {
      const { materialId, versionId } = await submittedMaterial("Lassen over de oogst heen");
      // The publication's transaction began a minute ago, longer than the safety margin, and
      // is still open while the harvest runs: a second connection holds the version's row, so
      // the publication waits inside its transaction, its announcement made.
      const began = new Date(Date.now() - 60_000);
      const blocker = await demo.handle.pool.connect();
      let publication: ReturnType<typeof moveMaterialVersion> | undefined;
      try {
        await blocker.query("begin");
        await blocker.query("select 1 from material_version where id = $1 for update", [versionId]);
        publication = moveMaterialVersion(
          { db: demo.handle.db, actor: moderator, now: () => began },
          { versionId, move: "publish" },
        );
        // Until the publication waits for the row (it has announced itself by then).
        for (let i = 0; i < 200; i++) {
          const waiting = await demo.handle.db.execute(
            sql`select count(*)::int as n from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock'`,
          );
          if ((waiting.rows[0] as { n: number }).n > 0) break;
          await new Promise((r) => setTimeout(r, 25));
        }
        const during = await oai("verb=ListIdentifiers&metadataPrefix=oai_dc");
        expect(oaiIdentifiers(during)).not.toContain(oaiIdOf(materialId));
        const responseDate = responseDateOf(during);
        expect(new Date(responseDate).getTime()).toBeLessThanOrEqual(began.getTime());
        await blocker.query("commit");
        expect((await publication).ok).toBe(true);
        const next = await oai(
          `verb=ListIdentifiers&metadataPrefix=oai_dc&from=${responseDate}`,
          100,
          { now: new Date(Date.now() + harvestSafetyMarginMs + 1000) },
        );
        expect(oaiIdentifiers(next)).toContain(oaiIdOf(materialId));
      } finally {
        await blocker.query("rollback").catch(() => undefined);
        blocker.release();
        await publication?.catch(() => undefined);
      }
    },
  );
});
