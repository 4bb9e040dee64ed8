import { eq } from "drizzle-orm";
import { uploadAttachment } from "../../src/applications/attachments/upload-attachment";
import { addBudgetLine } from "../../src/applications/budget/add-budget-line";
import { addConsortiumPartner } from "../../src/applications/consortium/add-partner";
import {
  partnerInvitationHandler,
  partnerInvitationJob,
} from "../../src/applications/consortium/invitation-mail";
import { invitePartner } from "../../src/applications/consortium/invite-partner";
import { programmeValue } from "../../src/applications/consortium/model";
import { respondToInvitation } from "../../src/applications/consortium/respond-to-invitation";
import { saveConsortiumSchool } from "../../src/applications/consortium/save-school";
import { addDisseminationItem } from "../../src/applications/plan/add-dissemination-item";
import { addPlanAction } from "../../src/applications/plan/add-plan-action";
import { addPlanTeacher } from "../../src/applications/plan/add-plan-teacher";
import { saveAnswers } from "../../src/applications/save-answers";
import { application } from "../../src/applications/schema";
import { startApplication } from "../../src/applications/start-application";
import { createCall } from "../../src/calls/create-call";
import type { FormDefinition } from "../../src/calls/form-definition";
import { cycleOneForm } from "../../src/calls/form-definition";
import { publishCall } from "../../src/calls/publish-call";
import type { Database } from "../../src/db/client";
import { organisation, site, siteProgramme } from "../../src/directory/schema";
import type { Actor } from "../../src/identity/actor";
import { runDueJobs } from "../../src/platform/jobs/run-due-jobs";
import type { Mailer, OutgoingMail } from "../../src/platform/mailer";
import type { UseCaseResult } from "../../src/platform/use-case";
import { testAttachmentLimits, testFileStore, tinyPdf } from "./files";

// Building applications for tests the way people do, through the use cases: a call published by
// the programme manager with a timeline of the test's choosing, a draft started by a coordinator,
// and a draft completed so that the eligibility check finds nothing.

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
 * Answers every question of the cycle-one form, builds a consortium that meets the test call
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
  await completeTestConsortium(db, coordinator, applicationId, now);
  await completeTestPlan(db, coordinator, applicationId, now);
  await completeTestBudget(db, coordinator, applicationId, now);
}

/** A budget within the test call's rules: € 40.000 of costs, of which the partners' € 5.000. */
export async function completeTestBudget(
  db: Database,
  coordinator: Actor,
  applicationId: string,
  now: Date,
): Promise<void> {
  const added = await addBudgetLine(
    { db, actor: coordinator, now: () => now },
    { applicationId, category: "materials", description: "Lasrobot en sensoren", amount: "40.000" },
  );
  if (!added.ok) throw new Error(`budget line not added: ${JSON.stringify(added)}`);
}

/**
 * The invitation mails of test consortia, kept in memory by recipient: a capture folder would
 * be read whole for every partner, which a surge of a hundred drafts notices.
 */
const invitationMails = new Map<string, OutgoingMail>();
const testMailer: Mailer = {
  send: async (mail) => {
    invitationMails.set(mail.to, mail);
  },
  captured: async () => [],
};

/** A consortium without problems for a call asking one partner of each kind. */
export async function completeTestConsortium(
  db: Database,
  coordinator: Actor,
  applicationId: string,
  now: Date,
): Promise<void> {
  const ctx = { db, actor: coordinator, now: () => now };
  const [draft] = await db
    .select({ leadOrganisationId: application.leadOrganisationId })
    .from(application)
    .where(eq(application.id, applicationId));
  const [offered] = await db
    .select({
      siteId: site.id,
      code: siteProgramme.programmeCode,
      stage: siteProgramme.programmeStage,
    })
    .from(site)
    .innerJoin(siteProgramme, eq(siteProgramme.siteId, site.id))
    .where(eq(site.organisationId, draft?.leadOrganisationId ?? ""))
    .limit(1);
  if (!draft || !offered) throw new Error("the lead school offers no programme");
  const school = await saveConsortiumSchool(ctx, {
    applicationId,
    organisationId: draft.leadOrganisationId,
    siteIds: [offered.siteId],
    programmes: [programmeValue(offered)],
  });
  if (!school.ok) throw new Error(`school not saved: ${JSON.stringify(school)}`);
  const partners: Array<{ partnerId: string; contactEmail: string }> = [];
  for (const kind of ["company", "rtc"] as const) {
    const [partner] = await db
      .select({ id: organisation.id })
      .from(organisation)
      .where(eq(organisation.kind, kind))
      .orderBy(organisation.name)
      .limit(1);
    const contactEmail = `${kind}-${applicationId}@partner.test`;
    const added = await addConsortiumPartner(ctx, {
      applicationId,
      source: "directory",
      organisationId: partner?.id,
      roles: ["expertise"],
      commitment: "Twee experten geven vier workshops.",
      inKind: "2.500",
      cash: "",
      contactName: "Contactpersoon",
      contactEmail,
    });
    if (!added.ok) throw new Error(`partner not added: ${JSON.stringify(added)}`);
    const invited = await invitePartner(ctx, { applicationId, partnerId: added.value.partnerId });
    if (!invited.ok) throw new Error(`partner not invited: ${JSON.stringify(invited)}`);
    partners.push({ partnerId: added.value.partnerId, contactEmail });
  }
  const handler = partnerInvitationHandler({ mailer: testMailer, baseUrl: testBaseUrl });
  await runDueJobs(db, { [partnerInvitationJob]: handler }, { now });
  for (const { contactEmail } of partners) {
    const mail = invitationMails.get(contactEmail);
    const token = /\/uitnodiging\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? "")?.[1];
    const answered = await respondToInvitation(
      { db, actor: null, now: () => now },
      { token, response: "confirm", respondentName: "Contactpersoon" },
    );
    if (!answered.ok) throw new Error(`partner did not confirm: ${JSON.stringify(answered)}`);
  }
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
