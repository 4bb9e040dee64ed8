import { uploadAttachment } from "../../src/applications/attachments/upload-attachment";
import { addDisseminationItem } from "../../src/applications/plan/add-dissemination-item";
import { addPlanAction } from "../../src/applications/plan/add-plan-action";
import { addPlanTeacher } from "../../src/applications/plan/add-plan-teacher";
import { saveAnswers } from "../../src/applications/save-answers";
import { startApplication } from "../../src/applications/start-application";
import { createCall } from "../../src/calls/create-call";
import type { FormDefinition } from "../../src/calls/form-definition";
import { cycleOneForm } from "../../src/calls/form-definition";
import { publishCall } from "../../src/calls/publish-call";
import type { Database } from "../../src/db/client";
import type { Actor } from "../../src/identity/actor";
import type { UseCaseResult } from "../../src/platform/use-case";
import { testAttachmentLimits, testFileStore, tinyPdf } from "./files";

// Building applications for tests the way people do, through the use cases: a call published by
// the programme manager with a timeline of the test's choosing, a draft started by a coordinator,
// and a draft completed so that the eligibility check finds nothing.

export const testBaseUrl = "http://localhost:3000";

/** Publishes a call whose timeline is given in Brussels local time ("2027-03-01T09:00"). */
export async function publishTestCall(
  db: Database,
  manager: Actor,
  options: { opensAt: string; closesAt: string; form?: FormDefinition; now: Date; title?: string },
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
  });
  if (!created.ok) throw new Error(`test call refused: ${JSON.stringify(created)}`);
  const published = await publishCall(ctx, { id: created.value.id, version: 1 });
  if (!published.ok) throw new Error(`test call not published: ${JSON.stringify(published)}`);
  return created.value.id;
}

/** A draft of the coordinator's first school for the call, started at `now`. */
export async function startTestDraft(
  db: Database,
  coordinator: Actor,
  callId: string,
  now: Date,
  title = "Testaanvraag",
): Promise<string> {
  const started = await startApplication(
    { db, actor: coordinator, now: () => now },
    {
      callId,
      organisationId: coordinator.memberships[0]?.organisationId,
      title,
      baseUrl: testBaseUrl,
    },
  );
  if (!started.ok) throw new Error(`draft not started: ${JSON.stringify(started)}`);
  return started.value.id;
}

/**
 * Answers every question of the cycle-one form and completes the plan and the attachments, so
 * the draft can be submitted.
 */
export async function completeTestDraft(
  db: Database,
  coordinator: Actor,
  applicationId: string,
  now: Date,
): Promise<void> {
  let version = 1;
  for (const section of cycleOneForm.sections) {
    const answers = Object.fromEntries(
      section.questions.map((q) => [q.id, `Ons antwoord op “${q.label}”: één, twee, drie.`]),
    );
    const saved = await saveAnswers(
      { db, actor: coordinator, now: () => now },
      { applicationId, sectionId: section.id, version, answers },
    );
    if (!saved.ok) throw new Error(`answers not saved: ${JSON.stringify(saved)}`);
    version = saved.value.version;
  }
  await completeTestPlan(db, coordinator, applicationId, now);
}

/** A plan with one action, one teacher with professionalisation and one shared material. */
export async function completeTestPlan(
  db: Database,
  coordinator: Actor,
  applicationId: string,
  now: Date,
): Promise<void> {
  const ctx = { db, actor: coordinator, now: () => now };
  const check = (what: string, result: UseCaseResult<unknown>) => {
    if (!result.ok) throw new Error(`${what} refused: ${JSON.stringify(result)}`);
  };
  check(
    "plan action",
    await addPlanAction(ctx, {
      applicationId,
      title: "Lessenreeks ontwerpen",
      description: "Leraren en bedrijf ontwerpen samen een lessenreeks.",
      startsOn: "2027-09-01",
      endsOn: "2028-06-30",
      milestones: [{ title: "Eerste versie", date: "2028-01-31" }],
    }),
  );
  check(
    "plan teacher",
    await addPlanTeacher(ctx, {
      applicationId,
      name: "An Peeters",
      role: "Leraar elektromechanica",
      learningGoal: "Werken met cobots.",
      learningMethod: "workplaceLearning",
      learningWith: "Een partnerbedrijf",
      plannedHours: "40",
    }),
  );
  check(
    "dissemination item",
    await addDisseminationItem(ctx, {
      applicationId,
      title: "Lessenreeks cobots",
      resourceType: "lessonSeries",
      programmeCodes: ["1540"],
      licence: "CC-BY-4.0",
      releaseOn: "2028-09-01",
    }),
  );
  check(
    "letter of commitment",
    await uploadAttachment(testFileStore(), testAttachmentLimits)(ctx, {
      applicationId,
      kind: "commitmentLetter",
      description: "Engagementsverklaring van het partnerbedrijf",
      file: new File([tinyPdf()], "engagementsverklaring.pdf"),
    }),
  );
}
