import { eq } from "drizzle-orm";
import type { Question } from "../calls/form-definition";
import { callFormVersion } from "../calls/schema";
import type { Database } from "../db/client";
import { programmeOptions } from "../directory/programme-options";
import { site, siteProgramme } from "../directory/schema";
import type { Actor } from "../identity/actor";
import type { FileStore } from "../platform/files/file-store";
import { runDueJobs } from "../platform/jobs/run-due-jobs";
import type { Mailer, OutgoingMail } from "../platform/mailer";
import type { UseCaseResult } from "../platform/use-case";
import type { AttachmentLimits } from "./attachments/model";
import { uploadAttachment } from "./attachments/upload-attachment";
import { addBudgetLine } from "./budget/add-budget-line";
import { addConsortiumPartner } from "./consortium/add-partner";
import { partnerInvitationHandler, partnerInvitationJob } from "./consortium/invitation-mail";
import { invitePartner } from "./consortium/invite-partner";
import { programmeValue } from "./consortium/model";
import { respondToInvitation } from "./consortium/respond-to-invitation";
import { saveConsortiumSchool } from "./consortium/save-school";
import { type Answers, isAnswerable } from "./model";
import { addDisseminationItem } from "./plan/add-dissemination-item";
import { addPlanAction } from "./plan/add-plan-action";
import { addPlanTeacher } from "./plan/add-plan-teacher";
import { saveAnswers } from "./save-answers";
import { application } from "./schema";
import { startApplication } from "./start-application";

// Building applications the way people do, through the use cases (and so with their checks and
// their audit): shared by the tests (test/support/applications.ts) and the demo world's seed
// (demo-applications.ts), so that what the demo shows is what the tests prove.

function check(what: string, result: UseCaseResult<unknown>) {
  if (!result.ok) throw new Error(`${what} refused: ${JSON.stringify(result)}`);
}

/** A draft of the coordinator's school (their first, unless given) for the call, at `now`. */
export async function startDraft(
  db: Database,
  coordinator: Actor,
  options: { callId: string; now: Date; title: string; baseUrl: string; organisationId?: string },
): Promise<string> {
  const started = await startApplication(
    { db, actor: coordinator, now: () => options.now },
    {
      callId: options.callId,
      organisationId: options.organisationId ?? coordinator.memberships[0]?.organisationId,
      title: options.title,
      baseUrl: options.baseUrl,
    },
  );
  if (!started.ok) throw new Error(`draft not started: ${JSON.stringify(started)}`);
  return started.value.id;
}

/** An answer that meets a question of the form, as a person would type or pick it. */
function typedAnswer(question: Question): string | string[] | undefined {
  switch (question.type) {
    case "text":
      return `Ons antwoord op “${question.label}”: één, twee, drie.`;
    case "number":
      return String(question.min ?? 1);
    case "money":
      return String(Math.floor(Math.min(question.maxCents ?? 40_000_00, 40_000_00) / 100));
    case "choice":
      return question.options[0]?.value;
    case "studyProgrammes":
      return programmeOptions[0] ? [programmeOptions[0].value] : [];
    default:
      return undefined;
  }
}

/** Answers every question of the draft's frozen form, section by section. */
export async function answerEveryQuestion(
  db: Database,
  coordinator: Actor,
  applicationId: string,
  now: Date,
): Promise<void> {
  const [row] = await db
    .select({ form: callFormVersion.definition })
    .from(application)
    .innerJoin(callFormVersion, eq(callFormVersion.id, application.formVersionId))
    .where(eq(application.id, applicationId));
  if (!row) throw new Error("no such application");
  let version = 1;
  for (const section of row.form.sections) {
    const answers = Object.fromEntries(
      section.questions
        .filter(isAnswerable)
        .map((q) => [q.id, typedAnswer(q)] as const)
        .filter(([, answer]) => answer !== undefined),
    );
    if (Object.keys(answers).length === 0) continue;
    const saved = await saveAnswers(
      { db, actor: coordinator, now: () => now },
      { applicationId, sectionId: section.id, version, answers },
    );
    if (!saved.ok) throw new Error(`answers not saved: ${JSON.stringify(saved)}`);
    version = saved.value.version;
  }
}

/** Saves the given answers, each in its section of the draft's frozen form, as a person would. */
export async function saveAnswersBySection(
  db: Database,
  coordinator: Actor,
  applicationId: string,
  answers: Answers,
  now: Date,
): Promise<void> {
  const [row] = await db
    .select({ form: callFormVersion.definition, version: application.version })
    .from(application)
    .innerJoin(callFormVersion, eq(callFormVersion.id, application.formVersionId))
    .where(eq(application.id, applicationId));
  if (!row) throw new Error("no such application");
  let version = row.version;
  for (const section of row.form.sections) {
    const inSection = Object.fromEntries(
      section.questions.filter((q) => q.id in answers).map((q) => [q.id, answers[q.id]] as const),
    );
    if (Object.keys(inSection).length === 0) continue;
    const saved = await saveAnswers(
      { db, actor: coordinator, now: () => now },
      { applicationId, sectionId: section.id, version, answers: inSection },
    );
    check("answers", saved);
    if (saved.ok) version = saved.value.version;
  }
}

/** A budget of € 40.000 of costs, within the test and demo calls' maximum per project. */
export async function completeBudget(
  db: Database,
  coordinator: Actor,
  applicationId: string,
  now: Date,
): Promise<void> {
  check(
    "budget line",
    await addBudgetLine(
      { db, actor: coordinator, now: () => now },
      {
        applicationId,
        category: "materials",
        description: "Lasrobot en sensoren",
        amount: "40.000",
      },
    ),
  );
}

/**
 * The invitation mails of built consortia, kept in memory by recipient (the token is only ever
 * in the mail): a capture folder would be read whole for every partner, which a surge of a
 * hundred drafts notices. Shared by every build, since one run of the jobs sends all that is due.
 */
const mails = new Map<string, OutgoingMail>();
const mailer: Mailer = {
  send: async (mail) => {
    mails.set(mail.to, mail);
  },
  captured: async () => [],
};

export interface BuilderPartner {
  organisationId: string;
  contactName: string;
  contactEmail: string;
}

/**
 * The lead school with one programme it offers, and the partners added (each bringing € 2.500
 * in kind) and invited by mail. With `confirm`, every partner confirms through the link in its
 * mail; without, the invitations stay open.
 */
export async function buildConsortium(
  db: Database,
  coordinator: Actor,
  applicationId: string,
  options: { now: Date; baseUrl: string; partners: BuilderPartner[]; confirm: boolean },
): Promise<void> {
  const { now } = options;
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
  check(
    "consortium school",
    await saveConsortiumSchool(ctx, {
      applicationId,
      organisationId: draft.leadOrganisationId,
      siteIds: [offered.siteId],
      programmes: [programmeValue(offered)],
    }),
  );
  for (const partner of options.partners) {
    const added = await addConsortiumPartner(ctx, {
      applicationId,
      source: "directory",
      organisationId: partner.organisationId,
      roles: ["expertise"],
      commitment: "Twee experten geven vier workshops.",
      inKind: "2.500",
      cash: "",
      contactName: partner.contactName,
      contactEmail: partner.contactEmail,
    });
    if (!added.ok) throw new Error(`partner not added: ${JSON.stringify(added)}`);
    check(
      "invitation",
      await invitePartner(ctx, { applicationId, partnerId: added.value.partnerId }),
    );
  }
  await runDueJobs(
    db,
    { [partnerInvitationJob]: partnerInvitationHandler({ mailer, baseUrl: options.baseUrl }) },
    { now },
  );
  if (!options.confirm) return;
  for (const partner of options.partners) {
    const token = /\/uitnodiging\/([A-Za-z0-9_-]+)/.exec(
      mails.get(partner.contactEmail)?.text ?? "",
    )?.[1];
    check(
      "confirmation",
      await respondToInvitation(
        { db, actor: null, now: () => now },
        { token, response: "confirm", respondentName: partner.contactName },
      ),
    );
  }
}

/**
 * A plan with one action (in the first school year from `startYear`), one teacher with
 * professionalisation, one shared material, and a letter of commitment as attachment.
 */
export async function completePlan(
  db: Database,
  coordinator: Actor,
  applicationId: string,
  options: {
    now: Date;
    startYear: number;
    files: FileStore;
    attachmentLimits: AttachmentLimits;
    letter: Uint8Array<ArrayBuffer>;
  },
): Promise<void> {
  const ctx = { db, actor: coordinator, now: () => options.now };
  const year = options.startYear;
  check(
    "plan action",
    await addPlanAction(ctx, {
      applicationId,
      title: "Lessenreeks ontwerpen",
      description: "Leraren en bedrijf ontwerpen samen een lessenreeks.",
      startsOn: `${year}-09-01`,
      endsOn: `${year + 1}-06-30`,
      milestones: [{ title: "Eerste versie", date: `${year + 1}-01-31` }],
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
      releaseOn: `${year + 1}-09-01`,
    }),
  );
  check(
    "letter of commitment",
    await uploadAttachment(options.files, options.attachmentLimits)(ctx, {
      applicationId,
      kind: "commitmentLetter",
      description: "Engagementsverklaring van het partnerbedrijf",
      file: new File([options.letter], "engagementsverklaring.pdf"),
    }),
  );
}
