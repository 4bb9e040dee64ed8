import { randomUUID } from "node:crypto";
import { and, asc, eq, gt, isNotNull, lte, notInArray } from "drizzle-orm";
import PDFDocument from "pdfkit";
import { call } from "../calls/schema";
import type { Database } from "../db/client";
import { provinces } from "../directory/model";
import { municipality, organisation } from "../directory/schema";
import type { Actor } from "../identity/actor";
import { createPerson } from "../identity/create-person";
import { grantMembership } from "../identity/grant-membership";
import { loadActor } from "../identity/load-actor";
import { membership } from "../identity/schema";
import type { FileStore } from "../platform/files/file-store";
import type { UseCaseResult } from "../platform/use-case";
import {
  answerEveryQuestion,
  type BuilderPartner,
  buildConsortium,
  completeBudget,
  completePlan,
  saveAnswersBySection,
  startDraft,
} from "./application-builders";
import { approveApplication } from "./approval/approve-application";
import { draftFingerprint } from "./approval/model";
import type { Answers } from "./model";
import { readDossier } from "./submission/dossier";
import { submitApplication } from "./submission/submit-application";
import { withdrawApplication } from "./submission/withdraw-application";

// Demo applications, so the programme manager's list has something to filter: drafts of schools
// in every province, for the open call and for the closed cycle-1 call. Each school gets a
// coordinator of its own (an account added by the demo administrator, with its role granted) who
// starts the draft and types its answers, so every step goes through the use cases and their
// audit, as in the tests. Deterministic: the schools are the first by instellingsnummer in each
// province, and the schools of the demo accounts are left out (their own applications are below).

const titles = [
  "Digitale tweeling in de lasklas",
  "Zorgrobots in het werkplekleren",
  "Circulair bouwen met hergebruikte materialen",
  "Slimme landbouw: sensoren in de serre",
  "De keuken van morgen: duurzaam koken",
  "Elektrische voertuigen in de garage-opleiding",
  "Samen leren met het RTC: industrie 4.0",
  "Duaal leren in de logistiek",
  "Energierenovatie als leerwerkplek",
  "Coderen voor de maakindustrie",
  "Zorg op afstand: telemonitoring",
  "Houtbewerking met CNC en AR-brillen",
];

/** The schools' coordinators: fictitious Flemish names, one per demo school. */
const coordinatorNames = [
  "Lotte Demuynck",
  "Wout Verhelst",
  "Sofie Claeys",
  "Pieter Van Damme",
  "Nele Goossens",
  "Jens Wouters",
  "Eline Maes",
  "Tom Peeters",
  "Hanne Jacobs",
  "Bart Mertens",
  "Lien Willems",
  "Koen Dierickx",
];

const transitionOptions = ["circulaire-economie", "industrie-4-0", "energietransitie", "andere"];

function answersFor(index: number, open: boolean): Answers {
  const answers: Answers = {
    beschrijving: `Onze school werkt al drie jaar met bedrijven uit de regio. Met dit voorstel (${index + 1}) zetten we een volgende stap: leerlingen oefenen op échte opdrachten, en leraren volgen mee.`,
  };
  if (index % 2 === 0)
    answers["plan-van-aanpak"] =
      "Fase 1: verkenning met de partners. Fase 2: lessen ontwerpen en testen. Fase 3: delen met andere scholen.";
  if (open)
    answers.transitiegebied = [transitionOptions[index % transitionOptions.length] ?? "andere"];
  return answers;
}

/**
 * Seeds the schools' drafts; the calls and the world must exist. The administrator adds each
 * school's coordinator (coordinatie.<instellingsnummer>@…, the demo password); the coordinator
 * starts the draft while its call is open (the cycle-1 drafts in 2019) and answers. Returns how
 * many drafts it made.
 */
export async function seedDemoApplications(
  db: Database,
  options: { admin: Actor; now: Date; baseUrl: string; emailDomain: string; password: string },
): Promise<number> {
  const { admin, now, baseUrl } = options;
  const calls = await db
    .select({ id: call.id, opensAt: call.opensAt, closesAt: call.closesAt })
    .from(call)
    .where(and(eq(call.status, "published"), isNotNull(call.formVersionId)))
    .orderBy(asc(call.closesAt));
  const [closedCall, openCall] = calls;
  if (!closedCall?.opensAt || !openCall) return 0;
  const withAccounts = db.select({ id: membership.organisationId }).from(membership);

  const schools: Array<{ id: string; institutionNumber: string | null }> = [];
  for (const province of provinces) {
    const inProvince = await db
      .select({ id: organisation.id, institutionNumber: organisation.institutionNumber })
      .from(organisation)
      .innerJoin(municipality, eq(municipality.nis, organisation.municipalityNis))
      .where(
        and(
          eq(organisation.kind, "school"),
          eq(municipality.provinceCode, province),
          isNotNull(organisation.umbrella),
          notInArray(organisation.id, withAccounts),
        ),
      )
      .orderBy(asc(organisation.institutionNumber))
      .limit(2);
    schools.push(...inProvince);
  }

  const check = (what: string, result: UseCaseResult<unknown>) => {
    if (!result.ok) throw new Error(`demo ${what} refused: ${JSON.stringify(result)}`);
  };
  const asAdmin = { db, actor: admin, now: () => now };
  for (const [i, school] of schools.entries()) {
    const created = await createPerson(asAdmin, {
      name: coordinatorNames[i % coordinatorNames.length] ?? `Coördinator ${i + 1}`,
      email: `coordinatie.${school.institutionNumber ?? i + 1}@${options.emailDomain}`,
      password: options.password,
    });
    check("coordinator", created);
    if (!created.ok) continue;
    check(
      "coordinator's role",
      await grantMembership(asAdmin, {
        userId: created.value.userId,
        organisation: school.id,
        role: "schoolCoordinator",
      }),
    );
    const coordinator = await loadActor(db, created.value.userId);
    if (!coordinator) throw new Error("demo coordinator not loaded");
    // Two in three for the open call; the rest were drafts never submitted in cycle 1, begun
    // while that call was open.
    const open = i % 3 !== 2;
    const begun = open
      ? new Date(now.getTime() - (i + 1) * 3_600_000 * 7)
      : new Date(closedCall.opensAt.getTime() + (i + 1) * 86_400_000 * 7);
    const id = await startDraft(db, coordinator, {
      callId: open ? openCall.id : closedCall.id,
      now: begun,
      title: titles[i % titles.length] ?? `Demo-aanvraag ${i + 1}`,
      baseUrl,
      organisationId: school.id,
    });
    await saveAnswersBySection(db, coordinator, id, answersFor(i, open), begun);
  }
  return schools.length;
}

/** The demo accounts whose dashboards the applications below fill (src/directory/demo-world.ts). */
export interface DemoHomeAccounts {
  coordinator: Actor;
  director: Actor;
  /** The showcase company, whose contact person (partner@) answers invitations. */
  partner: { organisationId: string; contactName: string; contactEmail: string };
  /** Two more partners from the directory, so the consortium meets the open call's minimums. */
  otherPartners: BuilderPartner[];
}

/** A one-page letter of commitment, made with pdfkit like any real one. */
function commitmentLetter(): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4", info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
    doc.fontSize(16).text("Engagementsverklaring");
    doc
      .fontSize(11)
      .text("Ons bedrijf engageert zich om met twee experten vier workshops te geven (demo).");
    doc.end();
  });
}

/**
 * The demo coordinator's applications on the open call, one in every state, built through the
 * use cases as the demo people would (shared with the tests: application-builders.ts):
 * a draft whose consortium still waits for the showcase company's answer (the partner's open
 * invitation), a complete draft waiting for the director's approval, one approved and
 * submitted, and one submitted and withdrawn. Returns how many it made.
 */
export async function seedDemoHomeApplications(
  db: Database,
  accounts: DemoHomeAccounts,
  options: { now: Date; baseUrl: string; files: FileStore },
): Promise<number> {
  const { coordinator, director, now, baseUrl } = {
    ...accounts,
    ...options,
  };
  const [openCall] = await db
    .select({ id: call.id, schoolYears: call.schoolYears, closesAt: call.closesAt })
    .from(call)
    .where(and(eq(call.status, "published"), lte(call.opensAt, now), gt(call.closesAt, now)))
    .orderBy(asc(call.closesAt))
    .limit(1);
  if (!openCall) return 0;
  const startYear = Number(openCall.schoolYears[0]?.slice(0, 4) ?? now.getUTCFullYear());
  const letter = await commitmentLetter();
  const partners = [accounts.partner, ...accounts.otherPartners];
  const complete = async (title: string) => {
    const id = await startDraft(db, coordinator, { callId: openCall.id, now, title, baseUrl });
    await answerEveryQuestion(db, coordinator, id, now);
    await buildConsortium(db, coordinator, id, { now, baseUrl, partners, confirm: true });
    await completePlan(db, coordinator, id, {
      now,
      startYear,
      files: options.files,
      attachmentLimits: demoAttachmentLimits,
      letter,
    });
    await completeBudget(db, coordinator, id, now);
    return id;
  };
  const check = (what: string, result: UseCaseResult<unknown>) => {
    if (!result.ok) throw new Error(`demo ${what} refused: ${JSON.stringify(result)}`);
  };
  const approve = async (id: string) => {
    const dossier = await readDossier(db, id);
    if (!dossier) throw new Error("demo application without a dossier");
    check(
      "approval",
      await approveApplication(
        { db, actor: director, now: () => now },
        { applicationId: id, fingerprint: draftFingerprint(dossier) },
      ),
    );
  };
  const submit = async (id: string) =>
    check(
      "submission",
      await submitApplication(
        { db, actor: coordinator, now: () => now },
        { applicationId: id, requestKey: randomUUID(), declaration: "on" },
      ),
    );

  // A draft just begun: its answers given, its consortium waiting for the company's answer.
  const draft = await startDraft(db, coordinator, {
    callId: openCall.id,
    now,
    title: "Cobots in de lasklas (concept)",
    baseUrl,
  });
  await answerEveryQuestion(db, coordinator, draft, now);
  await buildConsortium(db, coordinator, draft, {
    now,
    baseUrl,
    partners: [accounts.partner],
    confirm: false,
  });

  // Complete, and waiting for the director.
  await complete("Zorgtechnologie in de praktijkklas");

  const submitted = await complete("Duurzaam bouwen met het RTC");
  await approve(submitted);
  await submit(submitted);

  const withdrawn = await complete("Digitale werkplaats voor elektriciteit");
  await approve(withdrawn);
  await submit(withdrawn);
  check(
    "withdrawal",
    await withdrawApplication(
      { db, actor: coordinator, now: () => now },
      { applicationId: withdrawn, reason: "We dienen een herwerkte versie in na overleg." },
    ),
  );
  return 4;
}

/** Limits for the demo's own uploads (one small letter each); the server's come from its config. */
const demoAttachmentLimits = {
  maxBytes: 1024 * 1024,
  maxCount: 20,
  maxUncompressed: 1024 * 1024,
};
