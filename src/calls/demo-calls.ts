import type { Database } from "../db/client";
import type { Actor } from "../identity/actor";
import { brusselsDayAt, fromBrusselsInput } from "../platform/time";
import { createCall } from "./create-call";
import { cycleOneForm, type FormDefinition } from "./form-definition";
import { publishCall } from "./publish-call";

// The demo's calls, written through the use cases by the demo programme manager, so they pass
// the same publication rules as any call: a closed call modelled on InnoVET cycle 1 (2018-2019,
// EUR 50,000 per province, the four questions with their page limits, research/domain.md §1.2)
// and an open call whose dates are relative to the day of seeding, so the demo always has one.

const flemishProvinces = ["ANT", "LIM", "OVL", "VBR", "WVL"];

function at(text: string): Date {
  const instant = fromBrusselsInput(text);
  if (!instant) throw new Error(`Bad demo date ${text}`);
  return instant;
}

const openCallForm: FormDefinition = {
  sections: [
    ...cycleOneForm.sections,
    {
      id: "consortium",
      title: "Consortium en begroting",
      questions: [
        {
          id: "studierichtingen",
          type: "studyProgrammes",
          label: "Betrokken studierichtingen",
          help: "Welke studierichtingen en vestigingsplaatsen werken mee?",
          required: true,
        },
        {
          id: "partners",
          type: "partners",
          label: "Partners en hun engagement",
          required: true,
        },
        {
          id: "transitiegebied",
          type: "choice",
          label: "Belangrijkste transitiegebied",
          required: true,
          multiple: false,
          options: [
            { value: "circulaire-economie", label: "Circulaire economie" },
            { value: "industrie-4-0", label: "Industrie 4.0" },
            { value: "energietransitie", label: "Energietransitie" },
            { value: "andere", label: "Een ander transitiegebied" },
          ],
        },
        { id: "begroting", type: "budgetTable", label: "Begroting", required: true },
        {
          id: "gevraagd-bedrag",
          type: "money",
          label: "Gevraagde subsidie",
          required: true,
          maxCents: 60_000_00,
        },
        {
          id: "engagementsverklaringen",
          type: "attachments",
          label: "Engagementsverklaringen van de partners",
          required: false,
          maxFiles: 10,
          maxSizeMb: 10,
        },
      ],
    },
  ],
};

export function demoCalls(now: Date) {
  const opens = brusselsDayAt(now, -30, 9);
  const closes = brusselsDayAt(now, 90, 17);
  const decision = brusselsDayAt(now, 150, 12);
  const year = Number(closes.toISOString().slice(0, 4));
  const schoolYear = (from: number) => `${from}-${from + 1}`;
  return [
    {
      title: "InnoVET cyclus 1: projectoproep 2018-2019",
      summary:
        "Scholen met arbeidsmarktgericht onderwijs dienen samen met onderwijs-, kennis- en arbeidsmarktpartners een innovatief traject in voor schooljaar 2019-2020.",
      body: "Het Departement Onderwijs en Vorming lanceert een projectoproep voor innovatieve trajecten in het arbeidsmarktgericht secundair onderwijs. Elk voorstel steunt op een partnerschap met onderwijs- en kennispartners én arbeidsmarktpartners, lokaal en bovenlokaal.\n\nDe voorstellen kaderen in de zeven transitiegebieden van Visie 2050. Per provincie is er een maximumbedrag van 50.000 euro; de beoordelingscommissie rangschikt de geselecteerde voorstellen.\n\nHet voorstel beantwoordt vier vragen, elk met een paginalimiet.",
      schoolYears: "2018-2019",
      maxDurationMonths: 12,
      themes: ["1", "2", "3", "4", "5", "6", "7"],
      changeLevels: ["didactic", "vocational", "ict"],
      educationForms: ["tso", "bso", "buso", "dbso"],
      finalities: ["A", "DU"],
      studyDomains: ["1", "2", "3", "4", "5", "6", "7", "8"],
      minLabourMarketPartners: 1,
      minEducationPartners: 1,
      totalBudget: "250.000",
      maxPerProject: "50.000",
      minCoFinancingPercent: 0,
      envelopeDimension: "province",
      envelopes: Object.fromEntries(flemishProvinces.map((p) => [p, "50.000"])),
      opensAt: at("2018-10-01T09:00"),
      closesAt: at("2019-03-29T17:00"),
      decisionAt: at("2019-06-14T12:00"),
      form: cycleOneForm,
    },
    {
      title: `InnoVET projectoproep ${schoolYear(year)}`,
      summary:
        "Meerjarige innovatietrajecten in tso, bso, buso en dbso, samen met bedrijven, sectoren, RTC's en hogescholen, met digitaal lesmateriaal voor alle Vlaamse leraren.",
      body: "Deze oproep ondersteunt consortia van scholen en partners die samen vernieuwen in het arbeidsmarktgericht onderwijs. Trajecten mogen twee schooljaren lopen en leveren gedocumenteerd, getest en bij voorkeur repliceerbaar lesmateriaal op dat na afloop ter beschikking staat van alle Vlaamse leraren.\n\nDe enveloppen per RTC-regio zorgen voor een spreiding over Vlaanderen. Elk consortium brengt minstens tien procent cofinanciering in, in geld of in natura.",
      schoolYears: `${schoolYear(year)}, ${schoolYear(year + 1)}`,
      maxDurationMonths: 24,
      themes: ["1", "3", "7"],
      changeLevels: ["didactic", "vocational"],
      educationForms: ["tso", "bso", "buso", "dbso"],
      finalities: ["A", "DU"],
      studyDomains: ["2", "4", "5", "6", "8"],
      minLabourMarketPartners: 2,
      minEducationPartners: 1,
      totalBudget: "1.500.000",
      maxPerProject: "60.000",
      minCoFinancingPercent: 10,
      // The director of the lead school approves before the coordinator submits (ADR 0033).
      directorApproval: "required",
      envelopeDimension: "rtcRegion",
      envelopes: { ANT: "350.000", LIM: "250.000", OVL: "325.000", VBR: "250.000", WVL: "325.000" },
      opensAt: opens,
      closesAt: closes,
      decisionAt: decision,
      form: openCallForm,
    },
  ];
}

/** Creates and publishes the demo calls as the programme manager. */
export async function seedDemoCalls(db: Database, manager: Actor, now: Date): Promise<number> {
  let published = 0;
  for (const input of demoCalls(now)) {
    const created = await createCall({ db, actor: manager, now: () => now }, input);
    if (!created.ok) throw new Error(`Demo call refused: ${JSON.stringify(created)}`);
    const result = await publishCall(
      { db, actor: manager, now: () => now },
      { id: created.value.id, version: 1 },
    );
    if (!result.ok) throw new Error(`Demo call not publishable: ${JSON.stringify(result)}`);
    published++;
  }
  return published;
}
