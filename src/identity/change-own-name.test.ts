import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorByEmail, openTestDatabase } from "../../test/support/database";
import { auditEvent } from "../audit/schema";
import type { DatabaseHandle } from "../db/client";
import type { Actor } from "./actor";
import { changeOwnName } from "./change-own-name";
import { createPerson } from "./create-person";
import { user } from "./schema";

// A person changes their own display name through the audited use case that replaces
// better-auth's update-user endpoint (ADR 0022): bounded, without hidden characters, trimmed,
// only their own, and with the old and new name in the audit log.

describe("changing one's own name", () => {
  let handle: DatabaseHandle;
  let teacher: Actor;
  let admin: Actor;
  const nameOf = async (userId: string) =>
    (await handle.db.select({ name: user.name }).from(user).where(eq(user.id, userId)))[0]?.name;
  const renames = (userId: string) =>
    handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.subjectId, userId), eq(auditEvent.action, "person.rename")));

  beforeAll(async () => {
    handle = await openTestDatabase("demo");
    teacher = await actorByEmail(handle, "leraar@demo.innovet.test");
    admin = await actorByEmail(handle, "admin@demo.innovet.test");
  });
  afterAll(async () => handle?.close());

  it("stores the trimmed name and records the old and the new one", async () => {
    const before = await nameOf(teacher.userId);
    const result = await changeOwnName(
      { db: handle.db, actor: teacher },
      { userId: teacher.userId, name: "  Lies Vermeulen  " },
    );
    expect(result).toEqual({ ok: true, value: { changed: true } });
    expect(await nameOf(teacher.userId)).toBe("Lies Vermeulen");
    const [event] = await renames(teacher.userId);
    expect(event?.actorId).toBe(teacher.userId);
    expect(event?.before).toEqual({ name: before });
    expect(event?.after).toEqual({ name: "Lies Vermeulen" });
  });

  it("records nothing when the name stays the same", async () => {
    const count = (await renames(teacher.userId)).length;
    const result = await changeOwnName(
      { db: handle.db, actor: teacher },
      { userId: teacher.userId, name: "Lies Vermeulen" },
    );
    expect(result).toEqual({ ok: true, value: { changed: false } });
    expect(await renames(teacher.userId)).toHaveLength(count);
  });

  it.each([
    ["a 100,000-character name", "x".repeat(100_000), "error.tooLong"],
    ["201 characters", "x".repeat(201), "error.tooLong"],
    ["only spaces", "   ", "error.required"],
    ["a right-to-left override", "An \u202Enimda", "people.nameControlCharacter"],
    ["a zero-width space", "Platform\u200Bbeheerder", "people.nameControlCharacter"],
    ["a line break", "An\nPeeters", "people.nameControlCharacter"],
    ["a NUL character", "An\u0000", "error.invisibleCharacter"],
  ])("refuses %s with a message at the field and changes nothing", async (_, name, key) => {
    const before = await nameOf(teacher.userId);
    const result = await changeOwnName(
      { db: handle.db, actor: teacher },
      { userId: teacher.userId, name },
    );
    expect(result).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { name: [key] } });
    expect(await nameOf(teacher.userId)).toBe(before);
  });

  it("accepts 200 characters, accents and apostrophes", async () => {
    for (const name of ["é".repeat(200), "Zoë D'Hondt-Çelik"]) {
      const result = await changeOwnName(
        { db: handle.db, actor: teacher },
        { userId: teacher.userId, name },
      );
      expect(result.ok, name).toBe(true);
      expect(await nameOf(teacher.userId)).toBe(name);
    }
  });

  it("changes only one's own name: not another person's, not as the public", async () => {
    const before = await nameOf(admin.userId);
    expect(
      await changeOwnName(
        { db: handle.db, actor: teacher },
        { userId: admin.userId, name: "Lies Vermeulen" },
      ),
    ).toEqual({ ok: false, reason: "forbidden" });
    expect(
      await changeOwnName({ db: handle.db, actor: null }, { userId: admin.userId, name: "X" }),
    ).toEqual({ ok: false, reason: "forbidden" });
    expect(await nameOf(admin.userId)).toBe(before);
  });

  it("holds an administrator to the same rule when adding a person", async () => {
    const result = await createPerson(
      { db: handle.db, actor: admin },
      {
        name: "Beheer\u202Eder",
        email: "verborgen.teken@school.example",
        password: "een-startwachtwoord",
      },
    );
    expect(result).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: { name: ["people.nameControlCharacter"] },
    });
  });
});
