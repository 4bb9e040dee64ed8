import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hashPassword } from "better-auth/crypto";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertPeopleWithPassword, postToAuth } from "../../test/support/auth";
import { openTestDatabase } from "../../test/support/database";
import type { DatabaseHandle } from "../db/client";
import { loadConfig } from "../platform/config";
import { runDueJobs } from "../platform/jobs/run-due-jobs";
import { scheduledJob } from "../platform/jobs/schema";
import { createMailer, type Mailer } from "../platform/mailer";
import { demoPassword } from "../seed/demo-password";
import { createAuth, disabledAuthPaths } from "./auth";
import { passwordResetMailHandler, passwordResetMailJob } from "./password-reset-mail";
import { session, user, verification } from "./schema";

// The limits on guessing and the reset links, through better-auth's HTTP handler as the pages
// and any script reach it (ADR 0022), on the real database. Every test acts from its own
// addresses and with its own people, so the counters of one test do not limit another.

const baseUrl = "http://localhost:3000";
const windowMinutes = 15;

describe("sign-in and password reset limits", () => {
  let handle: DatabaseHandle;
  let mailer: Mailer;
  let auth: ReturnType<typeof createAuth>;
  let passwordHash: string;

  const post = (path: string, body: unknown, address: string, cookie?: string) =>
    postToAuth(auth, baseUrl, path, body, address, cookie);
  const signIn = (email: string, password: string, address: string) =>
    post("/sign-in/email", { email, password }, address);
  const cookieOf = (response: Response) =>
    response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");

  /** People with the demo password, made for one test (one scrypt hash shared, as the seed does). */
  async function makePeople(prefix: string, count: number) {
    const people = Array.from({ length: count }, (_, i) => ({
      id: randomUUID(),
      email: `${prefix}-${i + 1}@school.test`,
      name: `${prefix} ${i + 1}`,
    }));
    await insertPeopleWithPassword(handle.db, people, passwordHash);
    return people;
  }

  const runMailJobs = () =>
    runDueJobs(handle.db, { [passwordResetMailJob]: passwordResetMailHandler({ mailer }) });

  /** The tokens of the reset mails to an address (the capture folder keeps no order). */
  async function tokensMailedTo(email: string): Promise<string[]> {
    return (await mailer.captured())
      .filter((m) => m.to === email)
      .map((m) => /https?:\/\/\S+/.exec(m.text)?.[0] ?? "")
      .map((link) => new URL(link).pathname.split("/").pop() ?? "");
  }

  beforeAll(async () => {
    handle = await openTestDatabase("demo");
    mailer = createMailer({
      captureDir: mkdtempSync(join(tmpdir(), "innovet-guard-mail-")),
      from: "t@x",
    });
    auth = createAuth({ db: handle.db, config: loadConfig({ BASE_URL: baseUrl }) });
    passwordHash = await hashPassword(demoPassword);
  });
  afterAll(async () => handle?.close());

  it("signs in 30 teachers of one school behind one address within a minute", async () => {
    const teachers = await makePeople("leraar-nat", 30);
    const statuses: number[] = [];
    for (const teacher of teachers)
      statuses.push((await signIn(teacher.email, demoPassword, "10.20.0.1")).status);
    expect(statuses).toEqual(teachers.map(() => 200));
    // scrypt takes its time on a busy test machine; the limits count requests, not seconds.
  }, 120_000);

  it("locks an account after 5 failures from 5 addresses, with when to try again, and not its neighbours", async () => {
    const [target, neighbour] = await makePeople("doelwit", 2);
    if (!target || !neighbour) throw new Error("no people");
    for (let i = 1; i <= 5; i++)
      expect((await signIn(target.email, `gok-nummer-${i}`, `10.21.0.${i}`)).status).toBe(401);

    // The right password from a sixth address does not get in either, until the window ends.
    const before = Date.now();
    const locked = await signIn(target.email, demoPassword, "10.21.0.6");
    expect(locked.status).toBe(429);
    const body = (await locked.json()) as { code: string; retryAt: string };
    expect(body.code).toBe("ACCOUNT_LOCKED");
    const retryAfter = Number(locked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(windowMinutes * 60 - 60);
    expect(retryAfter).toBeLessThanOrEqual(windowMinutes * 60);
    expect(new Date(body.retryAt).getTime()).toBeGreaterThan(before);
    // The account name is what is counted, in upper case too.
    expect((await signIn(target.email.toUpperCase(), demoPassword, "10.21.0.7")).status).toBe(429);
    // The same addresses still serve everyone else.
    expect((await signIn(neighbour.email, demoPassword, "10.21.0.1")).status).toBe(200);
  });

  it("lets no more than 5 failures through when guesses come at once, on two app processes", async () => {
    const [target] = await makePeople("tegelijk", 1);
    if (!target) throw new Error("no person");
    // A second better-auth instance on the same database stands for a second app process: the
    // counters are rows, so both count the same attempts.
    const second = createAuth({ db: handle.db, config: loadConfig({ BASE_URL: baseUrl }) });
    const guess = (i: number) =>
      postToAuth(
        i % 2 === 0 ? auth : second,
        baseUrl,
        "/sign-in/email",
        { email: target.email, password: `tegelijk-${i}` },
        `10.30.${i}.1`,
      );
    const statuses = (await Promise.all(Array.from({ length: 10 }, (_, i) => guess(i)))).map(
      (r) => r.status,
    );
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
  }, 120_000);

  it("counts an address that does not exist like one that does (no account enumeration)", async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 6; i++)
      statuses.push((await signIn("niemand@school.test", `gok-${i}`, `10.22.0.${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it("a success is not a failure: mistyping four times and then signing in leaves the account open", async () => {
    const [person] = await makePeople("tikfout", 1);
    if (!person) throw new Error("no person");
    for (let i = 1; i <= 4; i++)
      expect((await signIn(person.email, `tikfout-${i}`, "10.23.0.1")).status).toBe(401);
    expect((await signIn(person.email, demoPassword, "10.23.0.1")).status).toBe(200);
    expect((await signIn(person.email, demoPassword, "10.23.0.1")).status).toBe(200);
  });

  it("throttles an address after many failures across accounts; successes from it do not count", async () => {
    // The same rule with a small address limit (the default, 500, is sized for a school's NAT).
    const strict = createAuth({
      db: handle.db,
      config: loadConfig({ BASE_URL: baseUrl, SIGN_IN_ADDRESS_FAILURES: "8" }),
    });
    const strictSignIn = (email: string, password: string, address: string) =>
      postToAuth(strict, baseUrl, "/sign-in/email", { email, password }, address);
    const people = await makePeople("sproei", 12);
    // Twelve successes first: they are given back, so the address has spent nothing.
    for (const p of people)
      expect((await strictSignIn(p.email, demoPassword, "10.24.0.1")).status).toBe(200);
    // One wrong guess at each of eight accounts: no account reaches its own limit.
    for (const p of people.slice(0, 8))
      expect((await strictSignIn(p.email, "verkeerd-1", "10.24.0.1")).status).toBe(401);
    const throttled = await strictSignIn(people[10]?.email ?? "", demoPassword, "10.24.0.1");
    expect(throttled.status).toBe(429);
    expect(((await throttled.json()) as { code: string }).code).toBe("ADDRESS_THROTTLED");
    // The accounts themselves are not locked: from elsewhere they sign in.
    expect((await strictSignIn(people[10]?.email ?? "", demoPassword, "10.24.0.2")).status).toBe(
      200,
    );
  });

  it("does not send the reset mail inside the request: it is a job, for known addresses only", async () => {
    const [person] = await makePeople("vergeten", 1);
    if (!person) throw new Error("no person");
    const known = await post(
      "/request-password-reset",
      { email: person.email, redirectTo: "/wachtwoord-herstellen" },
      "10.25.0.1",
    );
    const unknown = await post(
      "/request-password-reset",
      { email: "onbekend-vergeten@school.test", redirectTo: "/wachtwoord-herstellen" },
      "10.25.0.1",
    );
    expect([known.status, unknown.status]).toEqual([200, 200]);
    expect(await known.json()).toEqual(await unknown.json());
    // The request has returned, and no mail has gone out: it waits in the queue.
    expect((await mailer.captured()).filter((m) => m.to === person.email)).toHaveLength(0);
    const jobs = await handle.db
      .select()
      .from(scheduledJob)
      .where(eq(scheduledJob.kind, passwordResetMailJob));
    expect(
      jobs.filter((j) => (j.payload as { userId?: string }).userId === person.id),
    ).toHaveLength(1);

    await runMailJobs();
    const mails = (await mailer.captured()).filter((m) => m.to === person.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain("wachtwoord");
    expect((await mailer.captured()).some((m) => m.to === "onbekend-vergeten@school.test")).toBe(
      false,
    );
  });

  it("a reset voids every other reset link of the account and ends its sessions", async () => {
    const [person] = await makePeople("twee-links", 1);
    if (!person) throw new Error("no person");
    const signedIn = await signIn(person.email, demoPassword, "10.26.0.9");
    expect(signedIn.status).toBe(200);
    const sessionCookie = cookieOf(signedIn);

    const ask = () =>
      post(
        "/request-password-reset",
        { email: person.email, redirectTo: "/wachtwoord-herstellen" },
        "10.26.0.1",
      );
    await ask();
    await runMailJobs();
    const [first = ""] = await tokensMailedTo(person.email);
    await ask();
    await runMailJobs();
    const second = (await tokensMailedTo(person.email)).find((t) => t !== first) ?? "";
    expect(second).not.toBe("");

    expect(
      (
        await post(
          "/reset-password",
          { token: second, newPassword: "tweede-link-1234" },
          "10.26.0.2",
        )
      ).status,
    ).toBe(200);
    // The older link, issued before the reset, no longer sets a password.
    const late = await post(
      "/reset-password",
      { token: first, newPassword: "eerste-link-5678" },
      "10.26.0.3",
    );
    expect(late.status).toBe(400);
    const links = await handle.db
      .select()
      .from(verification)
      .where(
        and(eq(verification.value, person.id), like(verification.identifier, "reset-password:%")),
      );
    expect(links).toHaveLength(0);
    expect((await signIn(person.email, "eerste-link-5678", "10.26.0.4")).status).toBe(401);
    expect((await signIn(person.email, "tweede-link-1234", "10.26.0.4")).status).toBe(200);
    // The session from before the reset is over.
    const old = await auth.handler(
      new Request(`${baseUrl}/api/auth/get-session`, { headers: { cookie: sessionCookie } }),
    );
    expect(await old.json()).toBeNull();
    expect(
      await handle.db.select().from(session).where(eq(session.userId, person.id)),
    ).toHaveLength(1);
  });

  it("limits reset mails per account, whether or not the address has an account", async () => {
    const [person] = await makePeople("mailbom", 1);
    if (!person) throw new Error("no person");
    for (const email of [person.email, "mailbom-onbekend@school.test"]) {
      const statuses: number[] = [];
      for (let i = 1; i <= 4; i++)
        statuses.push(
          (
            await post(
              "/request-password-reset",
              { email, redirectTo: "/wachtwoord-herstellen" },
              `10.27.${i}.1`,
            )
          ).status,
        );
      expect(statuses, email).toEqual([200, 200, 200, 429]);
    }
    await runMailJobs();
    expect((await mailer.captured()).filter((m) => m.to === person.email)).toHaveLength(3);
  });

  it("limits attempts with one account's reset link", async () => {
    const [person] = await makePeople("linkpogingen", 1);
    if (!person) throw new Error("no person");
    await post(
      "/request-password-reset",
      { email: person.email, redirectTo: "/wachtwoord-herstellen" },
      "10.28.0.1",
    );
    await runMailJobs();
    const [token = ""] = await tokensMailedTo(person.email);
    // Three tries that fail (a password better-auth refuses), each from another address.
    for (let i = 1; i <= 3; i++)
      expect(
        (await post("/reset-password", { token, newPassword: "kort" }, `10.28.${i}.2`)).status,
      ).toBe(400);
    const fourth = await post(
      "/reset-password",
      { token, newPassword: "een-goed-wachtwoord" },
      "10.28.4.2",
    );
    expect(fourth.status).toBe(429);
    expect(((await fourth.json()) as { code: string }).code).toBe("ACCOUNT_LOCKED");
  });

  it("refuses better-auth's endpoints that change data outside the audited use cases", async () => {
    const [person] = await makePeople("naamwissel", 1);
    if (!person) throw new Error("no person");
    const cookie = cookieOf(await signIn(person.email, demoPassword, "10.29.0.1"));
    const update = await post("/update-user", { name: "x".repeat(100_000) }, "10.29.0.1", cookie);
    expect(update.status).toBe(404);
    const impersonate = await post(
      "/update-user",
      { name: "Platformbeheerder" },
      "10.29.0.1",
      cookie,
    );
    expect(impersonate.status).toBe(404);
    const [row] = await handle.db.select().from(user).where(eq(user.id, person.id));
    expect(row?.name).toBe(person.name);
    for (const path of disabledAuthPaths)
      expect((await post(path, {}, "10.29.0.1", cookie)).status, path).toBe(404);
    // What the platform uses still answers.
    const current = await auth.handler(
      new Request(`${baseUrl}/api/auth/get-session`, { headers: { cookie } }),
    );
    expect(((await current.json()) as { user: { id: string } }).user.id).toBe(person.id);
  });
});
