import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { openTestDatabase } from "../../test/support/database";
import { auditEvent } from "../audit/schema";
import type { DatabaseHandle } from "../db/client";
import { organisation } from "../directory/schema";
import type { Actor } from "../identity/actor";
import { defineUseCase, fail } from "./use-case";

// The use-case engine itself, on a real database: validation first, then the policy, then the
// change and its audit event in one transaction, all or nothing.

const admin: Actor = {
  userId: "admin-1",
  name: "Admin",
  email: "a@x",
  memberships: [{ organisationId: "o", role: "platformAdmin" }],
};

const addCompany = defineUseCase({
  name: "test.addCompany",
  input: z.object({ name: z.string().min(1, "error.required"), failAfterWrite: z.boolean() }),
  authorize: (actor) => actor?.memberships.some((m) => m.role === "platformAdmin") ?? false,
  run: async (tx, input) => {
    const [row] = await tx
      .insert(organisation)
      .values({ kind: "company", name: input.name })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    if (input.failAfterWrite) throw fail.conflict("application.error.conflict");
    return {
      value: row.id,
      audit: { subjectType: "organisation", subjectId: row.id, before: null, after: row },
    };
  },
});

describe("defineUseCase", () => {
  let handle: DatabaseHandle;
  const countOf = async (name: string) => {
    const [row] = await handle.db
      .select({ n: count() })
      .from(organisation)
      .where(eq(organisation.name, name));
    return row?.n ?? 0;
  };
  const auditCount = async () => {
    const [row] = await handle.db.select({ n: count() }).from(auditEvent);
    return row?.n ?? 0;
  };

  beforeAll(async () => {
    handle = await openTestDatabase("reference");
  });
  afterAll(async () => handle?.close());

  it("writes the change and its audit event together", async () => {
    const before = await auditCount();
    const result = await addCompany(
      { db: handle.db, actor: admin },
      { name: "Demo Een", failAfterWrite: false },
    );
    expect(result.ok).toBe(true);
    expect(await countOf("Demo Een")).toBe(1);
    expect(await auditCount()).toBe(before + 1);
    const [event] = await handle.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, "test.addCompany"));
    expect(event?.actorId).toBe("admin-1");
    expect(event?.after).toMatchObject({ name: "Demo Een" });
  });

  it("refuses invalid input with field errors as message keys, before anything else", async () => {
    const result = await addCompany(
      { db: handle.db, actor: null },
      { name: "", failAfterWrite: false },
    );
    expect(result).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: { name: ["error.required"] },
    });
  });

  it("refuses an actor the policy does not allow, and writes nothing", async () => {
    const before = await auditCount();
    const result = await addCompany(
      { db: handle.db, actor: null },
      { name: "Demo Twee", failAfterWrite: false },
    );
    expect(result).toEqual({ ok: false, reason: "forbidden" });
    expect(await countOf("Demo Twee")).toBe(0);
    expect(await auditCount()).toBe(before);
  });

  it("rolls back a half-done change when the use case fails after writing", async () => {
    const before = await auditCount();
    const result = await addCompany(
      { db: handle.db, actor: admin },
      { name: "Demo Drie", failAfterWrite: true },
    );
    expect(result).toEqual({
      ok: false,
      reason: "conflict",
      message: "application.error.conflict",
    });
    expect(await countOf("Demo Drie")).toBe(0);
    expect(await auditCount()).toBe(before);
  });

  it("refuses a null actor the policy let pass unless the use case is declared anonymous", async () => {
    const asked: Array<string> = [];
    const spec = {
      name: "test.whoActs",
      input: z.object({}),
      run: async (_tx: unknown, _input: unknown, { actor }: { actor: Actor | null }) => ({
        value: actor?.userId ?? "nobody",
        audit: null,
      }),
    };
    const signedIn = defineUseCase({
      ...spec,
      // A policy that forgets the public: the engine still refuses it.
      authorize: (actor) => {
        asked.push(actor?.userId ?? "nobody");
        return true;
      },
      // The type follows the declaration: not null here, without a check.
      run: async (_tx, _input, { actor }) => ({ value: actor.userId, audit: null }),
    });
    const open = defineUseCase({
      ...spec,
      anonymous: true,
      authorize: (actor) => {
        asked.push(actor?.userId ?? "nobody");
        return true;
      },
    });
    expect(await signedIn({ db: handle.db, actor: null }, {})).toEqual({
      ok: false,
      reason: "forbidden",
    });
    expect(asked).toEqual(["nobody"]);
    expect(await signedIn({ db: handle.db, actor: admin }, {})).toEqual({
      ok: true,
      value: "admin-1",
    });
    expect(await open({ db: handle.db, actor: null }, {})).toEqual({ ok: true, value: "nobody" });
    expect(asked).toEqual(["nobody", "admin-1", "nobody"]);
  });

  it("carries a conflict's message key and its placeholders' values", async () => {
    const conflicting = defineUseCase({
      name: "test.conflict",
      input: z.object({}),
      authorize: () => true,
      run: async () => {
        throw fail.conflict("application.error.conflict", { when: "nu" });
      },
    });
    expect(await conflicting({ db: handle.db, actor: admin }, {})).toEqual({
      ok: false,
      reason: "conflict",
      message: "application.error.conflict",
      params: { when: "nu" },
    });
  });
});
