import { randomUUID } from "node:crypto";
import { and, asc, eq, gt, isNotNull, lte, notInArray } from "drizzle-orm";
import PDFDocument from "pdfkit";
import { auditEvent } from "../audit/schema";
import { call } from "../calls/schema";
import type { Database } from "../db/client";
import { provinces } from "../directory/model";
import { municipality, organisation } from "../directory/schema";
import type { Actor } from "../identity/actor";
import { membership } from "../identity/schema";
import type { FileStore } from "../platform/files/file-store";
import type { UseCaseResult } from "../platform/use-case";
import {
  answerEveryQuestion,
  type BuilderPartner,
  buildConsortium,
  completeBudget,
  completePlan,
  startDraft,
} from "./application-builders";
import { approveApplication } from "./approval/approve-application";
import { draftFingerprint } from "./approval/model";
import type { Answers } from "./model";
import { application } from "./schema";
import { readDossier } from "./submission/dossier";
import { submitApplication } from "./submission/submit-application";
import { withdrawApplication } from "./submission/withdraw-application";

// Demo applications, so the programme manager's list has something to filter: drafts of schools
// in every province, for the open call and for the closed cycle-1 call. Written once by the seed,
// as the system (audit "seed.application"), entered on the schools' behalf by the demo programme
// manager. Deterministic: the schools are the first by instellingsnummer in each province, and
// the schools of the demo accounts are left out: their own applications (below) are made by the
// demo people themselves, through the use cases.

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

/** Seeds the demo applications; the calls and the world must exist. Returns how many. */
export async function seedDemoApplications(
  db: Database,
  createdBy: string,
  now: Date,
): Promise<number> {
  const calls = await db
    .select({ id: call.id, formVersionId: call.formVersionId, closesAt: call.closesAt })
    .from(call)
    .where(and(eq(call.status, "published"), isNotNull(call.formVersionId)))
    .orderBy(asc(call.closesAt));
  const [closedCall, openCall] = calls;
  if (!closedCall?.formVersionId || !openCall?.formVersionId) return 0;
  const withAccounts = db.select({ id: membership.organisationId }).from(membership);

  const schools: Array<{ id: string }> = [];
  for (const province of provinces) {
    const inProvince = await db
      .select({ id: organisation.id })
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

  const rows = schools.map((school, i) => {
    // Two in three for the open call; the rest were drafts never submitted in cycle 1.
    const open = i % 3 !== 2;
    const target = open ? openCall : closedCall;
    const at = new Date(now.getTime() - (i + 1) * 3_600_000 * 7);
    return {
      id: randomUUID(),
      callId: target.id,
      formVersionId: target.formVersionId as string,
      leadOrganisationId: school.id,
      title: titles[i % titles.length] ?? `Demo-aanvraag ${i + 1}`,
      answers: answersFor(i, open),
      createdBy,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
  });
  if (rows.length === 0) return 0;
  await db.transaction(async (tx) => {
    await tx.insert(application).values(rows);
    await tx.insert(auditEvent).values(
      rows.map((r) => ({
        actorId: null,
        action: "seed.application",
        subjectType: "application",
        subjectId: r.id,
        after: {
          callId: r.callId,
          leadOrganisationId: r.leadOrganisationId,
          title: r.title,
          status: "draft",
          version: r.version,
        },
      })),
    );
  });
  return rows.length;
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
