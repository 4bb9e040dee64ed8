import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertPeopleWithPassword, postToAuth } from "../../test/support/auth";
import { actorByEmail, openTestDatabase } from "../../test/support/database";
import { auditEvent } from "../audit/schema";
import type { DatabaseHandle } from "../db/client";
import { loadConfig } from "../platform/config";
import { demoPassword } from "../seed/demo-password";
import type { Actor } from "./actor";
import { createAuth } from "./auth";
import { changeOwnPassword } from "./change-own-password";
import { account, session, verification } from "./schema";

// A signed-in person changes their password (ADR 0022): the current one is checked, every other
// session ends, every outstanding reset link is void, this session stays; audited without the hash.

const baseUrl = "http://localhost:3000";

describe("changing one's own password", () => {
  let handle: DatabaseHandle;
  let auth: ReturnType<typeof createAuth>;
  let person: { id: string; email: string };
  let actor: Actor;

  const signIn = async (password: string, address: string) =>
    postToAuth(auth, baseUrl, "/sign-in/email", { email: person.email, password }, address);
  const sessionsOf = () =>
    handle.db.select({ id: session.id }).from(session).where(eq(session.userId, person.id));
  const resetLinksOf = () =>
    handle.db
      .select()
      .from(verification)
      .where(
        and(eq(verification.value, person.id), like(verification.identifier, "reset-password:%")),
      );

  beforeAll(async () => {
    handle = await openTestDatabase("demo");
    auth = createAuth({ db: handle.db, config: loadConfig({ BASE_URL: baseUrl }) });
    person = { id: randomUUID(), email: "wachtwoord.wissel@school.test" };
    await insertPeopleWithPassword(
      handle.db,
      [{ ...person, name: "Wanda Wissel" }],
      await hashPassword(demoPassword),
    );
    actor = await actorByEmail(handle, person.email);
  });
  afterAll(async () => handle?.close());

  it("refuses a wrong current password at its field and changes nothing", async () => {
    const [before] = await handle.db.select().from(account).where(eq(account.userId, person.id));
    const result = await changeOwnPassword(
      { db: handle.db, actor },
      {
        userId: person.id,
        keepSessionId: "x",
        currentPassword: "niet-het-wachtwoord",
        newPassword: "een-nieuw-wachtwoord",
      },
    );
    expect(result).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: { currentPassword: ["myPassword.wrongCurrent"] },
    });
    const [after] = await handle.db.select().from(account).where(eq(account.userId, person.id));
    expect(after?.password).toBe(before?.password);
  });

  it("refuses another person's account", async () => {
    const admin = await actorByEmail(handle, "admin@demo.innovet.test");
    expect(
      await changeOwnPassword(
        { db: handle.db, actor: admin },
        {
          userId: person.id,
          keepSessionId: "x",
          currentPassword: demoPassword,
          newPassword: "een-nieuw-wachtwoord",
        },
      ),
    ).toEqual({ ok: false, reason: "forbidden" });
  });

  it("ends the other sessions and voids the reset links, keeps this session, and is audited", async () => {
    const here = await signIn(demoPassword, "10.40.0.1");
    await signIn(demoPassword, "10.40.0.2");
    const [hereToken] = here.headers
      .getSetCookie()
      .map((c) => /session_token=([^;.]+)/.exec(c)?.[1])
      .filter(Boolean);
    const [kept] = await handle.db
      .select({ id: session.id })
      .from(session)
      .where(eq(session.token, hereToken ?? ""));
    if (!kept) throw new Error("no session");
    await postToAuth(
      auth,
      baseUrl,
      "/request-password-reset",
      { email: person.email, redirectTo: "/wachtwoord-herstellen" },
      "10.40.0.3",
    );
    expect(await sessionsOf()).toHaveLength(2);
    expect(await resetLinksOf()).toHaveLength(1);

    const result = await changeOwnPassword(
      { db: handle.db, actor },
      {
        userId: person.id,
        keepSessionId: kept.id,
        currentPassword: demoPassword,
        newPassword: "mijn-nieuwe-wachtwoord",
      },
    );
    expect(result).toEqual({ ok: true, value: { sessionsEnded: 1 } });
    expect(await sessionsOf()).toEqual([{ id: kept.id }]);
    expect(await resetLinksOf()).toHaveLength(0);
    expect((await signIn(demoPassword, "10.40.0.4")).status).toBe(401);
    expect((await signIn("mijn-nieuwe-wachtwoord", "10.40.0.4")).status).toBe(200);
    const [event] = await handle.db
      .select()
      .from(auditEvent)
      .where(
        and(eq(auditEvent.subjectId, person.id), eq(auditEvent.action, "account.passwordChanged")),
      );
    expect(event?.after).toEqual({ otherSessionsEnded: 1, otherResetLinksVoided: 1 });
    const [stored] = await handle.db.select().from(account).where(eq(account.userId, person.id));
    expect(stored?.password).toBeTruthy();
    expect(JSON.stringify(event)).not.toContain(stored?.password ?? "");
  }, 60_000);
});
