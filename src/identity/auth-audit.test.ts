import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postToAuth } from "../../test/support/auth";
import { actorByEmail, openTestDatabase } from "../../test/support/database";
import { auditEvent } from "../audit/schema";
import type { DatabaseHandle } from "../db/client";
import { loadConfig } from "../platform/config";
import { runDueJobs } from "../platform/jobs/run-due-jobs";
import { createMailer, type Mailer } from "../platform/mailer";
import { demoPassword } from "../seed/demo-password";
import { createAuth } from "./auth";
import { passwordResetMailHandler, passwordResetMailJob } from "./password-reset-mail";

// Sign-in and password reset through better-auth's HTTP handler leave their trace in the audit
// log, and the reset link arrives by (captured) e-mail and works once. The limits on guessing are
// tested in auth-guard.test.ts.

const baseUrl = "http://localhost:3000";

describe("identity events in the audit log", () => {
  let handle: DatabaseHandle;
  let mailer: Mailer;
  let auth: ReturnType<typeof createAuth>;
  const post = (path: string, body: unknown, address: string) =>
    postToAuth(auth, baseUrl, path, body, address);
  const eventsOf = async (userId: string, action: string) =>
    handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.subjectId, userId), eq(auditEvent.action, action)));

  beforeAll(async () => {
    handle = await openTestDatabase("demo");
    mailer = createMailer({
      captureDir: mkdtempSync(join(tmpdir(), "innovet-mail-")),
      from: "t@x",
    });
    auth = createAuth({ db: handle.db, config: loadConfig({ BASE_URL: baseUrl }) });
  });
  afterAll(async () => handle?.close());

  it("records a sign-in with the address it came from", async () => {
    const person = await actorByEmail(handle, "leraar@demo.innovet.test");
    const response = await post(
      "/sign-in/email",
      { email: "leraar@demo.innovet.test", password: demoPassword },
      "10.9.9.1",
    );
    expect(response.status).toBe(200);
    const [event] = await eventsOf(person.userId, "session.create");
    expect(event?.actorId).toBe(person.userId);
    expect(event?.after).toMatchObject({ ipAddress: "10.9.9.1" });
  });

  it("sends a reset link that sets a new password once, and records the change", async () => {
    const person = await actorByEmail(handle, "beleid@demo.innovet.test");
    await post(
      "/request-password-reset",
      { email: "beleid@demo.innovet.test", redirectTo: "/wachtwoord-herstellen" },
      "10.9.9.4",
    );
    // The mail is a job (ADR 0022): it goes out when the worker runs it.
    await runDueJobs(handle.db, { [passwordResetMailJob]: passwordResetMailHandler({ mailer }) });
    const [mail] = await mailer.captured();
    expect(mail?.to).toBe("beleid@demo.innovet.test");
    const link = /https?:\/\/\S+/.exec(mail?.text ?? "")?.[0] ?? "";
    const token = new URL(link).pathname.split("/").pop() ?? "";
    expect(token.length).toBeGreaterThan(10);

    const reset = await post(
      "/reset-password",
      { token, newPassword: "een-nieuw-wachtwoord-1" },
      "10.9.9.4",
    );
    expect(reset.status).toBe(200);
    expect(await eventsOf(person.userId, "account.passwordChanged")).toHaveLength(1);
    const again = await post(
      "/reset-password",
      { token, newPassword: "nog-een-wachtwoord-2" },
      "10.9.9.4",
    );
    expect(again.ok).toBe(false);
    const signIn = await post(
      "/sign-in/email",
      { email: "beleid@demo.innovet.test", password: "een-nieuw-wachtwoord-1" },
      "10.9.9.5",
    );
    expect(signIn.status).toBe(200);
  });
});
