import { and, eq, sql } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  completeTestDraft,
  marchTestCall,
  publishTestCall,
  startTestDraft,
} from "../../../test/support/applications";
import { actorByEmail, openTestDatabase } from "../../../test/support/database";
import { xmllintMissing, xmlProblems } from "../../../test/support/xmllint";
import { auditEvent } from "../../audit/schema";
import { listPublishedCalls } from "../../calls/read-calls";
import type { DatabaseHandle } from "../../db/client";
import { isMessageKey } from "../../i18n/translate";
import type { Actor } from "../../identity/actor";
import { application } from "../schema";
import { exportApplications } from "./export-applications";
import { listCallApplications } from "./list-call-applications";

// The programme manager's list of a call's applications and its downloads, on the demo world
// (which seeds drafts of schools in every province): filters, facet counts, sort, pages, and the
// CSV and XLSX files read back as a spreadsheet program would, formula injection included.

let handle: DatabaseHandle;
let manager: Actor;
let admin: Actor;
let coordinator: Actor;
let openCallId: string;

beforeAll(async () => {
  handle = await openTestDatabase("demo");
  manager = await actorByEmail(handle, "programmabeheerder@demo.innovet.test");
  admin = await actorByEmail(handle, "admin@demo.innovet.test");
  coordinator = await actorByEmail(handle, "coordinator@demo.innovet.test");
  const open = (await listPublishedCalls(handle.db, new Date())).open[0];
  if (!open) throw new Error("the demo needs an open call");
  openCallId = open.id;
});
afterAll(async () => {
  await handle?.close();
});

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

describe("the list of a call's applications", () => {
  it("lists the seeded drafts of schools in several provinces with their counts", async () => {
    const list = await listCallApplications(handle.db, { callId: openCallId, filter: {} });
    expect(list.callTotal).toBeGreaterThanOrEqual(6);
    expect(list.total).toBe(list.callTotal);
    expect(list.rows).toHaveLength(list.total);
    expect(list.counts.status).toEqual({ draft: list.total });
    // Every application has exactly one province and one network, so the counts add up.
    expect(sum(list.counts.provincie)).toBe(list.total);
    expect(Object.keys(list.counts.provincie).length).toBeGreaterThanOrEqual(4);
    expect(sum(list.counts.net)).toBe(list.total);
    for (const row of list.rows) {
      expect(row.province).not.toBeNull();
      expect(row.network).not.toBeNull();
    }
  });

  it("filters by province, and counts the other facets within that province only", async () => {
    const all = await listCallApplications(handle.db, { callId: openCallId, filter: {} });
    const [province, expected] = Object.entries(all.counts.provincie)[0] ?? ["", 0];
    const list = await listCallApplications(handle.db, {
      callId: openCallId,
      filter: { provincie: province },
    });
    expect(list.total).toBe(expected);
    expect(list.rows.every((r) => r.province === province)).toBe(true);
    expect(sum(list.counts.net)).toBe(expected);
    expect(list.counts.status.draft).toBe(expected);
    // The province facet itself still counts every province (filters do not hide alternatives).
    expect(list.counts.provincie).toEqual(all.counts.provincie);
  });

  it("filters by study domain and finality of the lead school's programmes", async () => {
    const all = await listCallApplications(handle.db, { callId: openCallId, filter: {} });
    const [domain, count] = Object.entries(all.counts.studiedomein)[0] ?? ["", 0];
    expect(count).toBeGreaterThan(0);
    const byDomain = await listCallApplications(handle.db, {
      callId: openCallId,
      filter: { studiedomein: domain },
    });
    expect(byDomain.total).toBe(count);
    const { rows } = await handle.db.execute(sql`
      select distinct a.id from application a
      join site s on s.organisation_id = a.lead_organisation_id
      join site_programme spp on spp.site_id = s.id
      join study_programme sp on sp.code = spp.programme_code and sp.stage = spp.programme_stage
      where a.call_id = ${openCallId} and sp.domain = ${domain}`);
    expect(byDomain.rows.map((r) => r.id).sort()).toEqual(
      (rows as Array<{ id: string }>).map((r) => r.id).sort(),
    );

    const [finality, finalityCount] = Object.entries(byDomain.counts.finaliteit)[0] ?? ["", 0];
    const both = await listCallApplications(handle.db, {
      callId: openCallId,
      filter: { studiedomein: domain, finaliteit: finality },
    });
    expect(both.total).toBe(finalityCount);
    expect(both.total).toBeLessThanOrEqual(byDomain.total);
  });

  it("filters by the kinds of the consortium's partners and by the eligibility check", async () => {
    const during = new Date("2027-03-10T10:00:00Z");
    const callId = await publishTestCall(handle.db, manager, {
      ...marchTestCall,
      title: "Oproep om te filteren op partners",
    });
    const complete = await startTestDraft(handle.db, coordinator, callId, during, "Volledig");
    await completeTestDraft(handle.db, coordinator, complete, during);
    const empty = await startTestDraft(handle.db, coordinator, callId, during, "Leeg");
    const all = await listCallApplications(handle.db, { callId, filter: {} });
    expect(all.counts.voorwaarden).toEqual({ met: 1, notMet: 1 });
    expect(all.counts.partnertype).toEqual({ company: 1, rtc: 1 });
    const met = await listCallApplications(handle.db, { callId, filter: { voorwaarden: "met" } });
    expect(met.rows.map((r) => r.id)).toEqual([complete]);
    const notMet = await listCallApplications(handle.db, {
      callId,
      filter: { voorwaarden: "notMet" },
    });
    expect(notMet.rows.map((r) => r.id)).toEqual([empty]);
    const withRtc = await listCallApplications(handle.db, {
      callId,
      filter: { partnertype: "rtc" },
    });
    expect(withRtc.rows.map((r) => r.id)).toEqual([complete]);
  });

  it("finds nothing for a status no application has, with zero counts elsewhere", async () => {
    const list = await listCallApplications(handle.db, {
      callId: openCallId,
      filter: { status: "submitted" },
    });
    expect(list.total).toBe(0);
    expect(list.rows).toEqual([]);
    expect(list.counts.provincie).toEqual({});
    expect(list.counts.status.draft).toBeGreaterThan(0);
  });

  it("sorts by title and by school, and pages", async () => {
    const byTitle = await listCallApplications(handle.db, {
      callId: openCallId,
      filter: {},
      sort: "titel",
    });
    const titles = byTitle.rows.map((r) => r.title.toLowerCase());
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const bySchool = await listCallApplications(handle.db, {
      callId: openCallId,
      filter: {},
      sort: "school",
    });
    const schools = bySchool.rows.map((r) => r.leadOrganisationName.toLowerCase());
    expect(schools).toEqual([...schools].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    const first = await listCallApplications(handle.db, {
      callId: openCallId,
      filter: {},
      sort: "titel",
      pageSize: 3,
    });
    const second = await listCallApplications(handle.db, {
      callId: openCallId,
      filter: {},
      sort: "titel",
      pageSize: 3,
      page: 2,
    });
    expect(first.pages).toBe(Math.ceil(byTitle.total / 3));
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(
      byTitle.rows.slice(0, 6).map((r) => r.id),
    );
  });
});

/** RFC 4180 with `;`: quoted fields may hold `;`, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ";") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  return rows;
}

describe("downloads", () => {
  let trickyId: string;
  const trickyTitle = '=HYPERLINK("http://kwaadaardig.example","klik")';
  const dutchText =
    'Één leerling per klas; "coöperatief" leren in de café-keuken.\nTweede regel – ‘déjà vu’.';

  beforeAll(async () => {
    const [row] = await handle.db
      .select({ id: application.id, answers: application.answers })
      .from(application)
      .where(eq(application.callId, openCallId))
      .orderBy(application.title)
      .limit(1);
    if (!row) throw new Error("no demo application");
    trickyId = row.id;
    await handle.db
      .update(application)
      .set({
        title: trickyTitle,
        answers: {
          ...row.answers,
          beschrijving: dutchText,
          "plan-van-aanpak": "-2+3 @alle <partners> & co",
          transitiegebied: ["energietransitie"],
        },
      })
      .where(eq(application.id, trickyId));
  });

  const ctx = (actor: Actor) => ({ db: handle.db, actor });

  it("exports the list as CSV for Flemish Excel: BOM, semicolons, quotes, no formulas", async () => {
    const result = await exportApplications(ctx(manager), {
      callId: openCallId,
      kind: "list",
      format: "csv",
      filter: {},
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const file = result.value;
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    expect(file.filename).toMatch(
      /^aanvragen-innovet-projectoproep-\d{4}-\d{4}-\d{4}-\d\d-\d\d\.csv$/,
    );
    const text = file.body as string;
    expect(text.startsWith("\uFEFF")).toBe(true);
    const rows = parseCsv(text.slice(1));
    const [header, ...data] = rows;
    expect(header?.slice(0, 3)).toEqual(["Kenmerk", "Titel", "Hoofdaanvrager"]);
    expect(data).toHaveLength(file.rows);
    const tricky = data.find((r) => r[0] === trickyId);
    expect(tricky?.[1]).toBe(`'${trickyTitle}`);
    expect(tricky?.[7]).toBe("Concept");
    // Every text is quoted, so a ; in a school's name never shifts the columns.
    expect(text).toContain(`"'=HYPERLINK(""http://kwaadaardig.example"",""klik"")"`);
  });

  it("exports every answer as CSV: one column per question, choice labels, texts in full", async () => {
    const result = await exportApplications(ctx(manager), {
      callId: openCallId,
      kind: "answers",
      format: "csv",
      filter: {},
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const rows = parseCsv((result.value.body as string).slice(1));
    const [header, ...data] = rows;
    expect(header).toContain("Beschrijving van het voorstel");
    expect(header).toContain("Belangrijkste transitiegebied");
    const column = (label: string) => header?.indexOf(label) ?? -1;
    const tricky = data.find((r) => r[0] === trickyId);
    expect(tricky?.[column("Beschrijving van het voorstel")]).toBe(dutchText);
    expect(tricky?.[column("Plan van aanpak")]).toBe("'-2+3 @alle <partners> & co");
    expect(tricky?.[column("Belangrijkste transitiegebied")]).toBe("Energietransitie");
    expect(result.value.filename).toMatch(/^antwoorden-/);
  });

  it("exports the answers as XLSX: a valid workbook with inline strings, never formulas", async (test) => {
    const result = await exportApplications(ctx(admin), {
      callId: openCallId,
      kind: "answers",
      format: "xlsx",
      filter: {},
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.value.contentType).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(result.value.filename).toMatch(/\.xlsx$/);
    const files = unzipSync(result.value.body as Uint8Array);
    expect(Object.keys(files).sort()).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
    ]);
    const sheet = strFromU8(files["xl/worksheets/sheet1.xml"] as Uint8Array);
    expect(sheet).not.toContain("<f>");
    expect(sheet).toContain(
      '<t xml:space="preserve">=HYPERLINK(&quot;http://kwaadaardig.example&quot;,&quot;klik&quot;)</t>',
    );
    expect(sheet).toContain("-2+3 @alle &lt;partners&gt; &amp; co");
    expect(sheet).toContain(
      "Één leerling per klas; &quot;coöperatief&quot; leren in de café-keuken.\nTweede regel – ‘déjà vu’.",
    );
    expect(sheet).toContain('<t xml:space="preserve">Energietransitie</t>');
    expect(strFromU8(files["xl/workbook.xml"] as Uint8Array)).toContain('<sheet name="Antwoorden"');
    // One row per application plus the header, cell references in order.
    const rowCount = sheet.match(/<row /g)?.length ?? 0;
    expect(rowCount).toBe(result.value.rows + 1);
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr">');
    // Every part parses (libxml2), with the hostile answers in it.
    const missing = xmllintMissing();
    if (missing) return test.skip(missing);
    for (const [name, part] of Object.entries(files))
      expect({ name, problems: xmlProblems(part) }).toEqual({ name, problems: null });
  });

  it("exports the filtered list as XLSX with only the matching rows", async () => {
    const all = await listCallApplications(handle.db, { callId: openCallId, filter: {} });
    const [province, count] = Object.entries(all.counts.provincie)[0] ?? ["", 0];
    const result = await exportApplications(ctx(manager), {
      callId: openCallId,
      kind: "list",
      format: "xlsx",
      filter: { provincie: province },
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.value.rows).toBe(count);
    const sheet = strFromU8(
      unzipSync(result.value.body as Uint8Array)["xl/worksheets/sheet1.xml"] as Uint8Array,
    );
    expect(sheet.match(/<row /g)?.length).toBe(count + 1);
  });

  it("records who exported which call with which filters in the audit log", async () => {
    const before = await handle.db
      .select()
      .from(auditEvent)
      .where(
        and(eq(auditEvent.action, "application.export"), eq(auditEvent.subjectId, openCallId)),
      );
    await exportApplications(ctx(manager), {
      callId: openCallId,
      kind: "list",
      format: "csv",
      filter: { provincie: "ANT", net: "community" },
      sort: "titel",
    });
    const after = await handle.db
      .select()
      .from(auditEvent)
      .where(
        and(eq(auditEvent.action, "application.export"), eq(auditEvent.subjectId, openCallId)),
      );
    expect(after).toHaveLength(before.length + 1);
    const latest = after.find((e) => !before.some((b) => b.id === e.id));
    expect(latest).toMatchObject({
      actorId: manager.userId,
      subjectType: "call",
      after: {
        exportKind: "list",
        format: "csv",
        filters: { provincie: "ANT", net: "community" },
        sort: "titel",
      },
    });
  });

  it("refuses school coordinators, unknown calls and tampered filters", async () => {
    expect(
      await exportApplications(ctx(coordinator), {
        callId: openCallId,
        kind: "list",
        format: "csv",
      }),
    ).toEqual({ ok: false, reason: "forbidden" });
    expect(
      await exportApplications(ctx(manager), {
        callId: "00000000-0000-4000-8000-000000000000",
        kind: "list",
        format: "csv",
      }),
    ).toEqual({ ok: false, reason: "notFound" });
    const tampered = await exportApplications(ctx(manager), {
      callId: openCallId,
      kind: "list",
      format: "csv",
      filter: { provincie: "'; drop table application; --" },
    });
    expect(tampered).toMatchObject({ ok: false, reason: "invalid" });
  });
});

describe("the audit history of applications", () => {
  it("has a label for the subject type, the actions and every field it records", async () => {
    const events = await handle.db
      .select({ action: auditEvent.action, before: auditEvent.before, after: auditEvent.after })
      .from(auditEvent)
      .where(eq(auditEvent.subjectType, "application"));
    expect(events.length).toBeGreaterThan(0);
    expect(isMessageKey("audit.subjectType.application")).toBe(true);
    // The fields of every use case on applications, and of the export (recorded under the call).
    const fields = new Set([
      "callId",
      "formVersionId",
      "leadOrganisationId",
      "title",
      "status",
      "version",
      "section",
      "answers",
      "exportKind",
      "format",
      "filters",
      "sort",
      "rows",
      "closesAt",
      "reason",
    ]);
    for (const e of events)
      for (const state of [e.before, e.after])
        for (const field of Object.keys((state as object | null) ?? {})) fields.add(field);
    expect([...fields].filter((f) => !isMessageKey(`audit.field.${f}`))).toEqual([]);
    for (const action of [
      ...new Set(events.map((e) => e.action)),
      "application.start",
      "application.saveAnswers",
      "application.export",
      "call.changeDeadline",
    ])
      expect(isMessageKey(`audit.action.${action}`), action).toBe(true);
  });
});
