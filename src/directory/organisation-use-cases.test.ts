import { and, count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setUpDemoWorld } from "../../test/support/database";
import { auditEvent } from "../audit/schema";
import type { Actor } from "../identity/actor";
import { createOrganisation } from "./create-organisation";
import { organisation } from "./schema";
import { updateOrganisation } from "./update-organisation";

const demo = setUpDemoWorld();

const ctx = (actor: Actor | null) => ({ db: demo.handle.db, actor });

async function counts() {
  const [organisations] = await demo.handle.db.select({ n: count() }).from(organisation);
  const [events] = await demo.handle.db.select({ n: count() }).from(auditEvent);
  return { organisations: organisations?.n, events: events?.n };
}

async function byEnterpriseNumber(number: string) {
  const [row] = await demo.handle.db
    .select()
    .from(organisation)
    .where(eq(organisation.enterpriseNumber, number));
  if (!row) throw new Error(`no organisation ${number}`);
  return row;
}

async function auditOf(subjectId: string, action: string) {
  return demo.handle.db
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.subjectId, subjectId), eq(auditEvent.action, action)));
}

const school = {
  name: "Testschool Sint-Jozef Brugge",
  kind: "school",
  institutionNumber: "123456",
  umbrella: "KOV",
  street: "Kerkstraat 1",
  postalCode: "8000",
  municipalityNis: "31005",
  website: "https://www.sint-jozef.example.be",
  email: "info@sint-jozef.example.be",
  phone: "050 12 34 56",
  description: "",
};

const company = {
  name: "Testbedrijf Elektro bv",
  kind: "company",
  enterpriseNumber: "0123.456.749",
  municipalityNis: "44021",
};

describe("createOrganisation", () => {
  it("adds a school, version 1, with an audit event in the same change", async () => {
    const result = await createOrganisation(ctx(demo.admin), school);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [row] = await demo.handle.db
      .select()
      .from(organisation)
      .where(eq(organisation.id, result.value.id));
    expect(row).toMatchObject({
      name: school.name,
      kind: "school",
      institutionNumber: "123456",
      umbrella: "KOV",
      postalCode: "8000",
      municipalityNis: "31005",
      description: null,
      enterpriseNumber: null,
      version: 1,
    });
    const [event] = await auditOf(result.value.id, "organisation.create");
    expect(event).toMatchObject({
      actorId: demo.admin.userId,
      subjectType: "organisation",
      before: null,
    });
    expect(event?.after).toMatchObject({
      name: school.name,
      institutionNumber: "123456",
      version: 1,
    });
  });

  it.each([
    ["with dots", "0123.456.749"],
    ["without dots", "0987654394"],
    ["with a BE prefix and spaces", "BE 0456 789 034"],
  ])("adds a company, enterprise number %s stored as 10 digits", async (_, typed) => {
    const digits = typed.replace(/\D/g, "");
    const result = await createOrganisation(ctx(demo.admin), {
      ...company,
      name: `Testbedrijf ${digits}`,
      enterpriseNumber: typed,
    });
    expect(result).toMatchObject({ ok: true });
    const row = await byEnterpriseNumber(digits);
    expect(row).toMatchObject({ kind: "company", institutionNumber: null, umbrella: null });
  });

  const long = (n: number) => "x".repeat(n);
  it.each<[string, Record<string, string | undefined>, string, string]>([
    ["name missing", { name: "" }, "name", "error.required"],
    ["name blank", { name: "   " }, "name", "error.required"],
    ["name too long", { name: long(201) }, "name", "error.tooLong"],
    ["kind missing", { kind: undefined }, "kind", "error.required"],
    ["kind unknown", { kind: "bank" }, "kind", "error.invalidChoice"],
    [
      "school without number",
      { institutionNumber: "" },
      "institutionNumber",
      "error.institutionNumberRequired",
    ],
    [
      "institution number with a letter",
      { institutionNumber: "12345a" },
      "institutionNumber",
      "error.invalidInstitutionNumber",
    ],
    [
      "institution number of 7 digits",
      { institutionNumber: "1234567" },
      "institutionNumber",
      "error.invalidInstitutionNumber",
    ],
    ["school without umbrella", { umbrella: "" }, "umbrella", "error.umbrellaRequired"],
    ["umbrella unknown", { umbrella: "XYZ" }, "umbrella", "error.invalidChoice"],
    [
      "company without number",
      { kind: "company", institutionNumber: "", enterpriseNumber: "" },
      "enterpriseNumber",
      "error.enterpriseNumberRequired",
    ],
    [
      "enterprise number checksum",
      { enterpriseNumber: "0123.456.748" },
      "enterpriseNumber",
      "error.invalidEnterpriseNumber",
    ],
    [
      "enterprise number first digit",
      { enterpriseNumber: "2123.456.749" },
      "enterpriseNumber",
      "error.invalidEnterpriseNumber",
    ],
    [
      "enterprise number letters",
      { enterpriseNumber: "abc" },
      "enterpriseNumber",
      "error.invalidEnterpriseNumber",
    ],
    ["postal code of 3 digits", { postalCode: "900" }, "postalCode", "error.invalidPostalCode"],
    ["postal code with letters", { postalCode: "B900" }, "postalCode", "error.invalidPostalCode"],
    [
      "postal code of another municipality (Antwerpen's 2000 in Gent)",
      { postalCode: "2000", municipalityNis: "44021" },
      "postalCode",
      "error.postalCodeNotInMunicipality",
    ],
    ["municipality missing", { municipalityNis: "" }, "municipalityNis", "error.required"],
    [
      "municipality unknown",
      { municipalityNis: "99999" },
      "municipalityNis",
      "error.unknownMunicipality",
    ],
    [
      "municipality merged in 2025",
      { municipalityNis: "11007" },
      "municipalityNis",
      "error.municipalityNotCurrent",
    ],
    ["website over http", { website: "http://www.school.be" }, "website", "error.invalidUrl"],
    ["website without scheme", { website: "www.school.be" }, "website", "error.invalidUrl"],
    ["website javascript:", { website: "javascript:alert(1)" }, "website", "error.invalidUrl"],
    ["email", { email: "info-at-school" }, "email", "error.invalidEmail"],
    ["phone with letters", { phone: "call me" }, "phone", "error.invalidPhone"],
    ["phone too short", { phone: "123" }, "phone", "error.invalidPhone"],
    ["description too long", { description: long(2001) }, "description", "error.tooLong"],
  ])("refuses %s: %o -> %s %s", async (_, change, field, key) => {
    const before = await counts();
    const input = { ...school, enterpriseNumber: "", institutionNumber: "654321", ...change };
    const result = await createOrganisation(ctx(demo.admin), input);
    expect(result.ok).toBe(false);
    if (result.ok || result.reason !== "invalid")
      throw new Error(`expected invalid, got ${JSON.stringify(result)}`);
    expect(result.fieldErrors[field]?.[0]).toBe(key);
    expect(await counts()).toEqual(before);
  });

  it("reports all field errors at once", async () => {
    const result = await createOrganisation(ctx(demo.admin), { kind: "school", postalCode: "1" });
    expect(result.ok).toBe(false);
    if (result.ok || result.reason !== "invalid") return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(
      ["institutionNumber", "municipalityNis", "name", "postalCode", "umbrella"].sort(),
    );
  });

  it.each<[string, Record<string, string>, Record<string, string[]>]>([
    [
      "a taken instellingsnummer",
      { institutionNumber: "900001" },
      { institutionNumber: ["error.institutionNumberTaken"] },
    ],
    [
      "a taken ondernemingsnummer (typed with dots)",
      { enterpriseNumber: "0890.000.140" },
      { enterpriseNumber: ["error.enterpriseNumberTaken"] },
    ],
    [
      "both",
      { institutionNumber: "900001", enterpriseNumber: "0890000140" },
      {
        institutionNumber: ["error.institutionNumberTaken"],
        enterpriseNumber: ["error.enterpriseNumberTaken"],
      },
    ],
  ])("refuses %s as a field error", async (_, change, fieldErrors) => {
    const before = await counts();
    const result = await createOrganisation(ctx(demo.admin), {
      ...school,
      institutionNumber: "222222",
      ...change,
    });
    expect(result).toEqual({ ok: false, reason: "invalid", fieldErrors, formErrors: [] });
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["the public", () => null],
    ["a school coordinator", () => demo.coordinator],
  ])("refuses %s (forbidden) and writes nothing", async (_, actor) => {
    const before = await counts();
    const result = await createOrganisation(ctx(actor()), {
      ...school,
      institutionNumber: "333333",
    });
    expect(result).toEqual({ ok: false, reason: "forbidden" });
    expect(await counts()).toEqual(before);
  });
});

describe("updateOrganisation", () => {
  it("saves a change, increments the version and audits before and after", async () => {
    const current = await byEnterpriseNumber("0890000140");
    const result = await updateOrganisation(ctx(demo.admin), {
      id: current.id,
      version: String(current.version),
      name: "Demo Bouwbedrijf Van Kerckhove en Zonen bv",
      kind: "company",
      enterpriseNumber: "0890.000.140",
      municipalityNis: "44021",
      street: current.street ?? "",
      website: "https://www.vankerckhove.example.be",
    });
    expect(result).toEqual({ ok: true, value: { id: current.id, version: current.version + 1 } });
    const after = await byEnterpriseNumber("0890000140");
    expect(after).toMatchObject({
      name: "Demo Bouwbedrijf Van Kerckhove en Zonen bv",
      website: "https://www.vankerckhove.example.be",
      version: current.version + 1,
    });
    const [event] = await auditOf(current.id, "organisation.update");
    expect(event?.actorId).toBe(demo.admin.userId);
    expect(event?.before).toMatchObject({
      name: current.name,
      version: current.version,
      website: null,
    });
    expect(event?.after).toMatchObject({
      name: "Demo Bouwbedrijf Van Kerckhove en Zonen bv",
      version: current.version + 1,
    });
    expect(event?.after).not.toHaveProperty("searchText");
  });

  it("refuses a stale version with a conflict and writes nothing", async () => {
    const current = await byEnterpriseNumber("0890000140");
    const before = await counts();
    const result = await updateOrganisation(ctx(demo.admin), {
      id: current.id,
      version: String(current.version - 1),
      name: "Overwritten by a stale form",
      kind: "company",
      enterpriseNumber: "0890000140",
      municipalityNis: "44021",
    });
    expect(result).toEqual({ ok: false, reason: "conflict", message: "organisation.conflict" });
    expect(await byEnterpriseNumber("0890000140")).toEqual(current);
    expect(await counts()).toEqual(before);
  });

  it("refuses a school coordinator, even for their own school, and writes nothing", async () => {
    const own = demo.coordinator.memberships[0]?.organisationId as string;
    const [current] = await demo.handle.db
      .select()
      .from(organisation)
      .where(eq(organisation.id, own));
    const before = await counts();
    const result = await updateOrganisation(ctx(demo.coordinator), {
      id: own,
      version: String(current?.version),
      name: "Renamed by the coordinator",
      kind: "school",
      institutionNumber: current?.institutionNumber ?? "",
      umbrella: current?.umbrella ?? "",
      municipalityNis: "44021",
    });
    expect(result).toEqual({ ok: false, reason: "forbidden" });
    expect(await counts()).toEqual(before);
  });

  it("answers notFound for an unknown organisation", async () => {
    const result = await updateOrganisation(ctx(demo.admin), {
      ...company,
      id: "00000000-0000-4000-8000-000000000000",
      version: "1",
    });
    expect(result).toEqual({ ok: false, reason: "notFound" });
  });

  it("refuses another organisation's number but keeps its own", async () => {
    const target = await byEnterpriseNumber("0123456749");
    const base = {
      id: target.id,
      version: String(target.version),
      name: target.name,
      kind: "company",
      municipalityNis: "44021",
    };
    const taken = await updateOrganisation(ctx(demo.admin), {
      ...base,
      enterpriseNumber: "0890000140",
    });
    expect(taken).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: { enterpriseNumber: ["error.enterpriseNumberTaken"] },
    });
    const own = await updateOrganisation(ctx(demo.admin), {
      ...base,
      enterpriseNumber: "0123456749",
    });
    expect(own).toMatchObject({ ok: true });
  });

  it("does not turn a school with sites into another kind", async () => {
    const [demoSchool] = await demo.handle.db
      .select()
      .from(organisation)
      .where(eq(organisation.institutionNumber, "900001"));
    if (!demoSchool) throw new Error("no demo school");
    const result = await updateOrganisation(ctx(demo.admin), {
      ...company,
      enterpriseNumber: "0202.239.951",
      id: demoSchool.id,
      version: String(demoSchool.version),
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { kind: ["error.kindHasSites"] } });
  });

  it("rolls the change back when its audit event cannot be written (one transaction)", async () => {
    const current = await byEnterpriseNumber("0890000140");
    await demo.handle.db.execute(sql`
      create function test_refuse_audit() returns trigger language plpgsql as $$
      begin raise exception 'audit refused for the test'; end $$`);
    await demo.handle.db.execute(sql`
      create trigger test_refuse_audit before insert on audit_event
      for each row execute function test_refuse_audit()`);
    try {
      await expect(
        updateOrganisation(ctx(demo.admin), {
          id: current.id,
          version: String(current.version),
          name: "Never saved",
          kind: "company",
          enterpriseNumber: "0890000140",
          municipalityNis: "44021",
        }),
      ).rejects.toThrow();
    } finally {
      await demo.handle.db.execute(sql`drop trigger test_refuse_audit on audit_event`);
      await demo.handle.db.execute(sql`drop function test_refuse_audit()`);
    }
    expect(await byEnterpriseNumber("0890000140")).toEqual(current);
  });
});
