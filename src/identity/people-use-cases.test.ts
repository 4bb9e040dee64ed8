import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorByEmail, openTestDatabase } from "../../test/support/database";
import { auditEvent } from "../audit/schema";
import type { DatabaseHandle } from "../db/client";
import { demoAccounts, demoRefs } from "../directory/demo-world";
import { organisation } from "../directory/schema";
import { loadConfig } from "../platform/config";
import type { UseCaseResult } from "../platform/use-case";
import { demoPassword } from "../seed/demo-password";
import type { Actor } from "./actor";
import { type Auth, createAuth } from "./auth";
import { createPerson } from "./create-person";
import { grantMembership } from "./grant-membership";
import { loadActor } from "./load-actor";
import { revokeMembership } from "./revoke-membership";
import type { Role } from "./roles";
import { account, membership, session, user } from "./schema";
import { setPersonActive } from "./set-person-active";

// The people administration use cases on a copy of the demo world: what they write, what they
// refuse, and that the audit event is written in the very same transaction as the change.

const emailOf = (role: Role) => {
  const found = demoAccounts.find((a) => a.role === role);
  if (!found) throw new Error(`no demo account for ${role}`);
  return found.email;
};

let handle: DatabaseHandle;
let auth: Auth;
let mailDir: string;
let admin: Actor;
let coordinator: Actor;
let schoolId: string;
let company: { id: string; name: string; enterpriseNumber: string };

beforeAll(async () => {
  handle = await openTestDatabase("demo");
  mailDir = mkdtempSync(join(tmpdir(), "innovet-people-mail-"));
  const config = loadConfig({ NODE_ENV: "test", MAIL_CAPTURE_DIR: mailDir });
  auth = createAuth({ db: handle.db, config });
  admin = await actorByEmail(handle, emailOf("platformAdmin"));
  coordinator = await actorByEmail(handle, emailOf("schoolCoordinator"));
  const [school] = await handle.db
    .select({ id: organisation.id })
    .from(organisation)
    .where(eq(organisation.institutionNumber, demoRefs.school.replace("school-", "")));
  if (!school) throw new Error("demo school missing");
  schoolId = school.id;
  const partnerAccount = demoAccounts.find((a) => a.role === "partnerContact");
  const [row] = await handle.db
    .select({
      id: organisation.id,
      name: organisation.name,
      enterpriseNumber: organisation.enterpriseNumber,
    })
    .from(organisation)
    .where(eq(organisation.name, partnerAccount?.organisationName ?? ""));
  if (!row?.enterpriseNumber) throw new Error("demo company missing");
  company = { ...row, enterpriseNumber: row.enterpriseNumber };
});

afterAll(async () => {
  await handle?.close();
  if (mailDir) rmSync(mailDir, { recursive: true, force: true });
});

const ctx = (actor: Actor | null) => ({ db: handle.db, actor });

/** Row counts of everything these use cases write, to prove a refusal wrote nothing. */
async function footprint() {
  const [[events], [people], [accounts], [memberships], [sessions]] = await Promise.all([
    handle.db.select({ n: count() }).from(auditEvent),
    handle.db.select({ n: count() }).from(user),
    handle.db.select({ n: count() }).from(account),
    handle.db.select({ n: count() }).from(membership),
    handle.db.select({ n: count() }).from(session),
  ]);
  return {
    events: events?.n,
    people: people?.n,
    accounts: accounts?.n,
    memberships: memberships?.n,
    sessions: sessions?.n,
  };
}

async function latestEvent(subjectId: string) {
  const events = await handle.db
    .select()
    .from(auditEvent)
    .where(eq(auditEvent.subjectId, subjectId))
    .orderBy(asc(auditEvent.id));
  const last = events.at(-1);
  if (!last) throw new Error(`no audit event for ${subjectId}`);
  return last;
}

/** The id of the transaction that last wrote a row (PostgreSQL's xmin), to compare two rows. */
async function writtenBy(table: "user" | "membership" | "audit_event", id: string | number) {
  const result = await handle.db.execute<{ x: string }>(
    sql`SELECT xmin::text AS x FROM ${sql.identifier(table)} WHERE id = ${id}`,
  );
  const xmin = result.rows[0]?.x;
  if (!xmin) throw new Error(`no ${table} row ${id}`);
  return xmin;
}

function expectInvalid(result: UseCaseResult<unknown>, field: string, key: string) {
  expect(result).toMatchObject({ ok: false, reason: "invalid" });
  if (result.ok || result.reason !== "invalid") return;
  expect(result.fieldErrors[field]).toContain(key);
}

async function signIn(email: string, password: string) {
  return auth.api.signInEmail({ body: { email, password } });
}

const newPerson = {
  name: "Nora Nieuwkomer",
  email: "Nora.Nieuwkomer@School.Example",
  password: "een-goed-startwachtwoord",
  locale: "en",
};

describe("createPerson", () => {
  let userId: string;

  it("creates the person with a credential account and audits it without the password", async () => {
    const result = await createPerson(ctx(admin), newPerson);
    if (!result.ok) throw new Error(JSON.stringify(result));
    userId = result.value.userId;

    const [person] = await handle.db.select().from(user).where(eq(user.id, userId));
    expect(person).toMatchObject({
      name: "Nora Nieuwkomer",
      email: "nora.nieuwkomer@school.example",
      locale: "en",
      active: true,
    });
    const [credential] = await handle.db.select().from(account).where(eq(account.userId, userId));
    expect(credential).toMatchObject({ providerId: "credential", accountId: userId });
    expect(credential?.password).toBeTruthy();
    expect(credential?.password).not.toContain(newPerson.password);

    const event = await latestEvent(userId);
    expect(event).toMatchObject({
      action: "person.create",
      actorId: admin.userId,
      subjectType: "person",
      before: null,
      after: { id: userId, email: "nora.nieuwkomer@school.example", name: "Nora Nieuwkomer" },
    });
    const logged = JSON.stringify(event);
    expect(logged).not.toContain(newPerson.password);
    expect(logged).not.toContain(credential?.password ?? "no hash");
    expect(logged).not.toMatch(/password/i);
    expect(await writtenBy("audit_event", event.id)).toBe(await writtenBy("user", userId));
  });

  it("lets the new person sign in through better-auth with the starting password", async () => {
    const signedIn = await signIn("nora.nieuwkomer@school.example", newPerson.password);
    expect(signedIn.token).toBeTruthy();
    expect(signedIn.user.id).toBe(userId);
    await expect(
      signIn("nora.nieuwkomer@school.example", "een-ander-wachtwoord"),
    ).rejects.toThrow();
  });

  it("refuses an e-mail address that is taken, whatever its case", async () => {
    const before = await footprint();
    const result = await createPerson(ctx(admin), {
      ...newPerson,
      email: emailOf("teacher").toUpperCase(),
    });
    expectInvalid(result, "email", "error.emailTaken");
    expect(await footprint()).toEqual(before);
  });

  it.each([
    { change: { name: "  " }, field: "name", key: "error.required" },
    { change: { name: "x".repeat(201) }, field: "name", key: "error.tooLong" },
    { change: { email: undefined }, field: "email", key: "error.required" },
    { change: { email: "" }, field: "email", key: "error.required" },
    { change: { email: "geen-adres" }, field: "email", key: "error.invalidEmail" },
    { change: { password: "kort" }, field: "password", key: "error.passwordTooShort" },
    { change: { password: undefined }, field: "password", key: "error.required" },
    { change: { password: "x".repeat(129) }, field: "password", key: "error.tooLong" },
    { change: { locale: "fr" }, field: "locale", key: "error.invalidChoice" },
  ])("maps $field $key", async ({ change, field, key }) => {
    const before = await footprint();
    const result = await createPerson(ctx(admin), {
      ...newPerson,
      email: "iemand.anders@school.example",
      ...change,
    });
    expectInvalid(result, field, key);
    expect(await footprint()).toEqual(before);
  });

  it.each([
    ["a school coordinator", () => coordinator],
    ["the public", () => null],
  ])("is forbidden to %s and writes nothing", async (_who, actor) => {
    const before = await footprint();
    const result = await createPerson(ctx(actor()), {
      ...newPerson,
      email: "verboden@school.example",
    });
    expect(result).toEqual({ ok: false, reason: "forbidden" });
    expect(await footprint()).toEqual(before);
  });
});

describe("grantMembership and revokeMembership", () => {
  let personId: string;
  beforeAll(async () => {
    const result = await createPerson(ctx(admin), {
      name: "Rolf Rollenman",
      email: "rolf@school.example",
      password: "nog-een-startwachtwoord",
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    personId = result.value.userId;
  });

  const rolesOf = (userId: string) =>
    handle.db
      .select({ organisationId: membership.organisationId, role: membership.role })
      .from(membership)
      .where(eq(membership.userId, userId));

  it("grants a role in a school found by its instellingsnummer, audited under the person", async () => {
    const result = await grantMembership(ctx(admin), {
      userId: personId,
      organisation: " 900001 ",
      role: "teacher",
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(await rolesOf(personId)).toEqual([{ organisationId: schoolId, role: "teacher" }]);
    const event = await latestEvent(personId);
    expect(event).toMatchObject({
      action: "membership.grant",
      actorId: admin.userId,
      subjectType: "person",
      before: null,
      after: { membershipId: result.value.membershipId, organisationId: schoolId, role: "teacher" },
    });
    expect(await writtenBy("audit_event", event.id)).toBe(
      await writtenBy("membership", result.value.membershipId),
    );
  });

  it("finds a company by its ondernemingsnummer in the usual notation", async () => {
    const n = company.enterpriseNumber;
    const dotted = `BE ${n.slice(0, 4)}.${n.slice(4, 7)}.${n.slice(7)}`;
    const result = await grantMembership(ctx(admin), {
      userId: personId,
      organisation: dotted,
      role: "partnerContact",
    });
    expect(result.ok).toBe(true);
    expect(await rolesOf(personId)).toContainEqual({
      organisationId: company.id,
      role: "partnerContact",
    });
  });

  it("finds an organisation by its exact name, in any case", async () => {
    const result = await grantMembership(ctx(admin), {
      userId: personId,
      organisation: company.name.toUpperCase(),
      role: "reviewer",
    });
    expect(result.ok).toBe(true);
    expect(await rolesOf(personId)).toContainEqual({
      organisationId: company.id,
      role: "reviewer",
    });
  });

  it("grants a role in the organisation picked from the search, by its id", async () => {
    const result = await grantMembership(ctx(admin), {
      userId: personId,
      organisation: company.id,
      role: "guidanceCounsellor",
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(await rolesOf(personId)).toContainEqual({
      organisationId: company.id,
      role: "guidanceCounsellor",
    });
    const unknown = await grantMembership(ctx(admin), {
      userId: personId,
      organisation: "00000000-0000-4000-8000-000000000000",
      role: "guidanceCounsellor",
    });
    expectInvalid(unknown, "organisation", "error.unknownOrganisation");
  });

  it("refuses a duplicate membership and writes nothing", async () => {
    const before = await footprint();
    const result = await grantMembership(ctx(admin), {
      userId: personId,
      organisation: "900001",
      role: "teacher",
    });
    expectInvalid(result, "role", "error.membershipExists");
    expect(await footprint()).toEqual(before);
  });

  it("asks for a number when a name belongs to several organisations", async () => {
    await handle.db.insert(organisation).values([
      { kind: "company", name: "Tweelingbedrijf" },
      { kind: "company", name: "tweelingbedrijf" },
    ]);
    const result = await grantMembership(ctx(admin), {
      userId: personId,
      organisation: "Tweelingbedrijf",
      role: "partnerContact",
    });
    expectInvalid(result, "organisation", "error.ambiguousOrganisation");
  });

  it.each([
    {
      organisation: "Bestaat Niet bv",
      role: "teacher",
      field: "organisation",
      key: "error.unknownOrganisation",
    },
    {
      organisation: "999999",
      role: "teacher",
      field: "organisation",
      key: "error.unknownOrganisation",
    },
    { organisation: "", role: "teacher", field: "organisation", key: "error.required" },
    { organisation: undefined, role: "teacher", field: "organisation", key: "error.required" },
    { organisation: "900001", role: "koning", field: "role", key: "error.invalidChoice" },
    { organisation: "900001", role: undefined, field: "role", key: "error.invalidChoice" },
  ])("maps $field $key ($organisation, $role)", async ({ organisation: o, role, field, key }) => {
    const before = await footprint();
    const result = await grantMembership(ctx(admin), { userId: personId, organisation: o, role });
    expectInvalid(result, field, key);
    expect(await footprint()).toEqual(before);
  });

  it("answers notFound for an unknown person", async () => {
    const result = await grantMembership(ctx(admin), {
      userId: "bestaat-niet",
      organisation: "900001",
      role: "teacher",
    });
    expect(result).toEqual({ ok: false, reason: "notFound" });
  });

  it("is forbidden to anyone but an administrator, and writes nothing", async () => {
    const before = await footprint();
    for (const actor of [coordinator, null]) {
      const result = await grantMembership(ctx(actor), {
        userId: personId,
        organisation: "900002",
        role: "schoolCoordinator",
      });
      expect(result).toEqual({ ok: false, reason: "forbidden" });
    }
    expect(await footprint()).toEqual(before);
  });

  it("revokes a membership, keeping what it was in the audit log", async () => {
    const [held] = await handle.db
      .select({ id: membership.id })
      .from(membership)
      .where(and(eq(membership.userId, personId), eq(membership.role, "reviewer")));
    if (!held) throw new Error("reviewer role missing");
    const result = await revokeMembership(ctx(admin), { userId: personId, membershipId: held.id });
    expect(result).toEqual({ ok: true, value: { membershipId: held.id } });
    expect(await rolesOf(personId)).not.toContainEqual({
      organisationId: company.id,
      role: "reviewer",
    });
    expect(await latestEvent(personId)).toMatchObject({
      action: "membership.revoke",
      actorId: admin.userId,
      before: { membershipId: held.id, organisationId: company.id, role: "reviewer" },
      after: null,
    });
  });

  it("answers notFound for a membership that is gone or belongs to someone else", async () => {
    const [other] = await handle.db
      .select({ id: membership.id })
      .from(membership)
      .where(eq(membership.userId, coordinator.userId));
    if (!other) throw new Error("coordinator has no membership");
    const before = await footprint();
    for (const membershipId of [other.id, "00000000-0000-4000-8000-000000000000"]) {
      const result = await revokeMembership(ctx(admin), { userId: personId, membershipId });
      expect(result).toEqual({ ok: false, reason: "notFound" });
    }
    expect(await footprint()).toEqual(before);
  });

  it("maps a malformed membership id to its field", async () => {
    const result = await revokeMembership(ctx(admin), { userId: personId, membershipId: "x" });
    expectInvalid(result, "membershipId", "error.required");
  });

  it("refuses to revoke the platform's last administrator role", async () => {
    const [row] = await handle.db
      .select({ id: membership.id })
      .from(membership)
      .where(and(eq(membership.userId, admin.userId), eq(membership.role, "platformAdmin")));
    if (!row) throw new Error("demo admin has no admin role");
    const before = await footprint();
    const result = await revokeMembership(ctx(admin), {
      userId: admin.userId,
      membershipId: row.id,
    });
    expect(result).toEqual({ ok: false, reason: "conflict", message: "error.lastAdmin" });
    expect(await footprint()).toEqual(before);
  });

  it("is forbidden to anyone but an administrator, and writes nothing", async () => {
    const [held] = await handle.db
      .select({ id: membership.id })
      .from(membership)
      .where(eq(membership.userId, personId));
    if (!held) throw new Error("no membership left");
    const before = await footprint();
    const result = await revokeMembership(ctx(coordinator), {
      userId: personId,
      membershipId: held.id,
    });
    expect(result).toEqual({ ok: false, reason: "forbidden" });
    expect(await footprint()).toEqual(before);
  });
});

describe("setPersonActive", () => {
  let teacherId: string;
  beforeAll(async () => {
    teacherId = (await actorByEmail(handle, emailOf("teacher"))).userId;
  });

  const sessionsOf = async (userId: string) =>
    (await handle.db.select({ n: count() }).from(session).where(eq(session.userId, userId)))[0]?.n;

  it("deactivates a person and ends all their sessions at once", async () => {
    await signIn(emailOf("teacher"), demoPassword);
    await signIn(emailOf("teacher"), demoPassword);
    expect(await sessionsOf(teacherId)).toBe(2);

    const result = await setPersonActive(ctx(admin), { userId: teacherId, active: false });
    expect(result).toEqual({ ok: true, value: { changed: true, sessionsEnded: 2 } });
    expect(await sessionsOf(teacherId)).toBe(0);
    expect(await loadActor(handle.db, teacherId)).toBeNull();

    const event = await latestEvent(teacherId);
    expect(event).toMatchObject({
      action: "person.deactivate",
      actorId: admin.userId,
      subjectType: "person",
      before: { active: true },
      after: { active: false, sessionsEnded: 2 },
    });
    expect(await writtenBy("audit_event", event.id)).toBe(await writtenBy("user", teacherId));
  });

  it("keeps a deactivated person from signing in again", async () => {
    await expect(signIn(emailOf("teacher"), demoPassword)).rejects.toThrow();
    expect(await sessionsOf(teacherId)).toBe(0);
  });

  it("reactivates the person", async () => {
    const result = await setPersonActive(ctx(admin), { userId: teacherId, active: true });
    expect(result).toEqual({ ok: true, value: { changed: true, sessionsEnded: 0 } });
    expect(await loadActor(handle.db, teacherId)).toMatchObject({ userId: teacherId });
    expect(await latestEvent(teacherId)).toMatchObject({
      action: "person.activate",
      before: { active: false },
      after: { active: true },
    });
    const signedIn = await signIn(emailOf("teacher"), demoPassword);
    expect(signedIn.user.id).toBe(teacherId);
  });

  it("does not let an administrator deactivate themselves", async () => {
    const before = await footprint();
    const result = await setPersonActive(ctx(admin), { userId: admin.userId, active: false });
    expect(result).toEqual({ ok: false, reason: "forbidden" });
    expect(await footprint()).toEqual(before);
    expect(await loadActor(handle.db, admin.userId)).not.toBeNull();
  });

  it.each([
    ["a school coordinator", () => coordinator],
    ["the public", () => null],
  ])("is forbidden to %s and writes nothing", async (_who, actor) => {
    const before = await footprint();
    const result = await setPersonActive(ctx(actor()), { userId: teacherId, active: false });
    expect(result).toEqual({ ok: false, reason: "forbidden" });
    expect(await footprint()).toEqual(before);
  });

  it("answers notFound for an unknown person", async () => {
    const result = await setPersonActive(ctx(admin), { userId: "bestaat-niet", active: false });
    expect(result).toEqual({ ok: false, reason: "notFound" });
  });

  it.each([
    { input: { userId: "x", active: "ja" }, field: "active", key: "error.invalidChoice" },
    { input: { userId: "x" }, field: "active", key: "error.invalidChoice" },
    { input: { active: true }, field: "userId", key: "error.required" },
  ])("maps $field $key", async ({ input, field, key }) => {
    expectInvalid(await setPersonActive(ctx(admin), input), field, key);
  });
});
