import { count, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvent } from "../../src/audit/record-event";
import { auditEvent } from "../../src/audit/schema";
import type { DatabaseHandle } from "../../src/db/client";
import { organisation, site } from "../../src/directory/schema";
import { openTestDatabase } from "./database";

// The test databases themselves: the demo template holds the whole demo world, copies are
// independent, and the audit log refuses to be rewritten even by a direct SQL statement.

describe("test databases", () => {
  let a: DatabaseHandle;
  let b: DatabaseHandle;
  beforeAll(async () => {
    [a, b] = await Promise.all([openTestDatabase("demo"), openTestDatabase("reference")]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it("copies the demo world at full scale", async () => {
    const [sites] = await a.db.select({ n: count() }).from(site);
    expect(sites?.n).toBe(2151);
  });

  it("gives the reference template no demo organisations", async () => {
    const [orgs] = await b.db.select({ n: count() }).from(organisation);
    expect(orgs?.n).toBe(0);
  });

  it("keeps the audit log append-only", async () => {
    await recordAuditEvent(a.db, null, {
      action: "test.event",
      subjectType: "test",
      subjectId: "1",
    });
    await expect(a.db.execute(sql`UPDATE audit_event SET action = 'rewritten'`)).rejects.toThrow();
    await expect(a.db.execute(sql`DELETE FROM audit_event`)).rejects.toThrow();
    const [events] = await a.db
      .select({ n: count() })
      .from(auditEvent)
      .where(sql`action = 'test.event'`);
    expect(events?.n).toBe(1);
  });
});
