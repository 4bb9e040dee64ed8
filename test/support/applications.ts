import { eq } from "drizzle-orm";
import {
  answerEveryQuestion,
  buildConsortium,
  completeBudget,
  completePlan,
  startDraft,
} from "../../src/applications/application-builders";
import { createCall } from "../../src/calls/create-call";
import type { FormDefinition } from "../../src/calls/form-definition";
import { cycleOneForm } from "../../src/calls/form-definition";
import { publishCall } from "../../src/calls/publish-call";
import type { Database } from "../../src/db/client";
import { organisation } from "../../src/directory/schema";
import type { Actor } from "../../src/identity/actor";
import { testAttachmentLimits, testFileStore, tinyPdf } from "./files";

// Building applications for tests the way people do, through the use cases: a call published by
// the programme manager with a timeline of the test's choosing, a draft started by a coordinator,
// and a draft completed so that the eligibility check finds nothing. The builders themselves live
// in src/applications/application-builders.ts, shared with the demo world's seed.

export const testBaseUrl = "http://localhost:3000";

/**
 * The timeline most application tests publish their call with: published on 1 February 2027,
 * open from 1 March until noon on 28 March 2027, the day summer time starts (so that deadline
 * checks cross the clock change).
 */
export const marchTestCall = {
  opensAt: "2027-03-01T09:00",
  closesAt: "2027-03-28T12:00",
  now: new Date("2027-02-01T10:00:00Z"),
};

/** Publishes a call whose timeline is given in Brussels local time ("2027-03-01T09:00"). */
export async function publishTestCall(
  db: Database,
  manager: Actor,
  options: {
    opensAt: string;
    closesAt: string;
    form?: FormDefinition;
    now: Date;
    title?: string;
    /** Whether the director approves before submission (ADR 0033); not asked by default. */
    directorApproval?: "required" | "notRequired";
  },
): Promise<string> {
  const ctx = { db, actor: manager, now: () => options.now };
  const created = await createCall(ctx, {
    title: options.title ?? "Testoproep indienen",
    summary: "Een oproep om indienen te testen.",
    body: "De volledige tekst van de testoproep.",
    schoolYears: "2027-2028, 2028-2029",
    maxDurationMonths: "24",
    themes: ["1"],
    changeLevels: ["didactic"],
    educationForms: ["bso", "tso"],
    finalities: ["A"],
    studyDomains: ["2"],
    minLabourMarketPartners: "1",
    minEducationPartners: "1",
    minCoFinancingPercent: "10",
    totalBudget: "1.000.000",
    maxPerProject: "50.000",
    envelopeDimension: "province",
    envelopes: { ANT: "200.000", LIM: "200.000", OVL: "200.000", VBR: "200.000", WVL: "200.000" },
    opensAt: options.opensAt,
    closesAt: options.closesAt,
    decisionAt: "2027-06-15T12:00",
    form: options.form ?? cycleOneForm,
    directorApproval: options.directorApproval ?? "notRequired",
  });
  if (!created.ok) throw new Error(`test call refused: ${JSON.stringify(created)}`);
  const published = await publishCall(ctx, { id: created.value.id, version: 1 });
  if (!published.ok) throw new Error(`test call not published: ${JSON.stringify(published)}`);
  return created.value.id;
}

/** A draft of the coordinator's first school for the call, started at `now`. */
export function startTestDraft(
  db: Database,
  coordinator: Actor,
  callId: string,
  now: Date,
  title = "Testaanvraag",
): Promise<string> {
  return startDraft(db, coordinator, { callId, now, title, baseUrl: testBaseUrl });
}

/**
 * Answers every question of the draft's form, builds a consortium that meets the test call
 * (the lead school with one programme, a company and an RTC that confirmed through their mailed
 * links), completes the plan with a letter of commitment and the budget, so the draft can be
 * submitted.
 */
export async function completeTestDraft(
  db: Database,
  coordinator: Actor,
  applicationId: string,
  now: Date,
): Promise<void> {
  await answerEveryQuestion(db, coordinator, applicationId, now);
  await completeTestConsortium(db, coordinator, applicationId, now);
  await completeTestPlan(db, coordinator, applicationId, now);
  await completeTestBudget(db, coordinator, applicationId, now);
}

/** A budget within the test call's rules: € 40.000 of costs, of which the partners' € 5.000. */
export function completeTestBudget(
  db: Database,
  coordinator: Actor,
  applicationId: string,
  now: Date,
): Promise<void> {
  return completeBudget(db, coordinator, applicationId, now);
}

/** A consortium without problems for a call asking one partner of each kind. */
export async function completeTestConsortium(
  db: Database,
  coordinator: Actor,
  applicationId: string,
  now: Date,
): Promise<void> {
  const partners = [];
  for (const kind of ["company", "rtc"] as const) {
    const [partner] = await db
      .select({ id: organisation.id })
      .from(organisation)
      .where(eq(organisation.kind, kind))
      .orderBy(organisation.name)
      .limit(1);
    if (!partner) throw new Error(`no ${kind} in the directory`);
    partners.push({
      organisationId: partner.id,
      contactName: "Contactpersoon",
      contactEmail: `${kind}-${applicationId}@partner.test`,
    });
  }
  await buildConsortium(db, coordinator, applicationId, {
    now,
    baseUrl: testBaseUrl,
    partners,
    confirm: true,
  });
}

/** A plan with one action, one teacher with professionalisation and one shared material. */
export function completeTestPlan(
  db: Database,
  coordinator: Actor,
  applicationId: string,
  now: Date,
): Promise<void> {
  return completePlan(db, coordinator, applicationId, {
    now,
    startYear: 2027,
    files: testFileStore(),
    attachmentLimits: testAttachmentLimits,
    letter: tinyPdf(),
  });
}
