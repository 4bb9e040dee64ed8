import { randomUUID } from "node:crypto";
import { and, asc, eq, isNotNull, notInArray } from "drizzle-orm";
import { auditEvent } from "../audit/schema";
import { call } from "../calls/schema";
import type { Database } from "../db/client";
import { provinces } from "../directory/model";
import { municipality, organisation } from "../directory/schema";
import { membership } from "../identity/schema";
import type { Answers } from "./model";
import { application } from "./schema";

// Demo applications, so the programme manager's list has something to filter: drafts of schools
// in every province, for the open call and for the closed cycle-1 call. Written once by the seed,
// as the system (audit "seed.application"), entered on the schools' behalf by the demo programme
// manager. Deterministic: the schools are the first by instellingsnummer in each province, and
// the schools of the demo accounts are left out so their own lists stay empty.

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
