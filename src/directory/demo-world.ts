// The demo world: a fictitious but realistically shaped InnoVET network (schools with their
// sites and study programmes, partners of every kind, and one demo person per role) so that the
// platform can be shown, tested and benchmarked without real personal or school data.
//
// It is deterministic: one fixed seed, a small PRNG of our own (so no library update can change
// the world), separate random streams per part (so adding partners does not move schools), and
// plain objects that reference each other by stable refs rather than database ids.
//
// Shape follows the real network: 2,151 sites in the real per-province proportions measured in
// the official data (domain.md §3.4), about 1,180 schools, weighted towards populous
// municipalities. A few sites deliberately keep a pre-2025 NIS code, so that merger resolution
// is exercised everywhere sites are shown, counted or mapped.

import type { Role } from "../identity/roles";
import { completeEnterpriseNumber } from "./enterprise-number";
import {
  type OrganisationKind,
  type Province,
  type RtcRegion,
  rtcRegions,
  type Stage,
  type UmbrellaOrganisation,
} from "./model";
import { mainPostalCode } from "./postal-codes";
import {
  findMunicipality,
  type Municipality,
  municipalitiesValidOn,
  resolveMunicipality,
  type StudyProgramme,
  studyProgrammes,
} from "./reference-data";

// ---------------------------------------------------------------------------------------------
// Output types

export interface DemoOrganisation {
  /** Stable reference used by sites and memberships, e.g. "school-900001", "rtc-ant". */
  ref: string;
  kind: OrganisationKind;
  name: string;
  /** instellingsnummer, schools only. */
  institutionNumber: string | null;
  /** KBO ondernemingsnummer, 10 digits, valid check digits; partners only. */
  enterpriseNumber: string | null;
  /** Schools and the umbrellas' guidance services. */
  umbrella: UmbrellaOrganisation | null;
  /** RTCs only: the region the centre serves. */
  rtcRegion: RtcRegion | null;
  street: string | null;
  /** The municipality's main postal code (BeST Address): a real one, not an invented one. */
  postalCode: string | null;
  municipalityNis: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  description: string | null;
}

export interface DemoSiteProgramme {
  code: string;
  stage: Stage;
}

export interface DemoSite {
  /** The school's ref. */
  organisationRef: string;
  /** vestigingsnummer: 1..n within the school. */
  siteNumber: number;
  name: string;
  street: string | null;
  postalCode: string | null;
  /** Usually a current municipality; a few sites keep a pre-2025 code on purpose. */
  municipalityNis: string;
  latitude: number;
  longitude: number;
  programmes: DemoSiteProgramme[];
}

export interface DemoPerson {
  email: string;
  name: string;
  locale: "nl" | "en";
}

export interface DemoMembership {
  personEmail: string;
  organisationRef: string;
  role: Role;
}

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  organisationRef: string;
  organisationName: string;
  /** What the account is for, in Dutch, for the README's table of demo accounts. */
  descriptionNl: string;
}

export interface DemoWorld {
  organisations: DemoOrganisation[];
  sites: DemoSite[];
  people: DemoPerson[];
  memberships: DemoMembership[];
}

// ---------------------------------------------------------------------------------------------
// Fixed facts of the demo world

export const demoWorldSeed = 0x1aa0_2025;

/** Sites per province, as measured in the official data (hoofdstructuur 311). */
export const demoSiteCountsByProvince: Readonly<Record<Province, number>> = {
  OVL: 569,
  ANT: 560,
  WVL: 461,
  LIM: 277,
  VBR: 204,
  BRU: 80,
};
const totalSites = Object.values(demoSiteCountsByProvince).reduce((a, b) => a + b, 0);
export const demoSchoolCount = 1180;

/** The day the demo world describes: after the 2025 mergers. */
export const demoReferenceDate = "2025-09-01";

/**
 * Sites that keep the NIS code of a municipality that merged on 1 January 2025, as imported
 * data often still does: Borsbeek, Melle, Zwijndrecht (which also changed province), Gooik,
 * Hoeselt, Ruiselede and the old code of Hasselt (71022, now 71072).
 */
export const legacyDemoSiteNis = ["11007", "44040", "11056", "23024", "73032", "37012", "71022"];

export const demoEmailDomain = "demo.innovet.test";

/** Refs of the organisations the demo accounts belong to. */
export const demoRefs = {
  department: "department",
  /** The school of coordinator@, directeur@ and leraar@. */
  school: "school-900001",
  /** Another school, of coordinator2@, so object-level rules can be tried. */
  otherSchool: "school-900002",
  company: "company-showcase",
  guidanceService: "guidance-kov",
  employmentService: "vdab",
} as const;

const showcaseSchools: ReadonlyArray<{
  ref: string;
  institutionNumber: string;
  name: string;
  umbrella: UmbrellaOrganisation;
  profile: ProfileName;
  siteNis: string[];
}> = [
  {
    ref: demoRefs.school,
    institutionNumber: "900001",
    name: "Demo Technisch Instituut Sint-Aldegondis Gent",
    umbrella: "KOV",
    profile: "technical",
    siteNis: ["44021", "44021", "44088"],
  },
  {
    ref: demoRefs.otherSchool,
    institutionNumber: "900002",
    name: "Demoschool GO! Technisch Atheneum Hasselt",
    umbrella: "GO",
    profile: "technical",
    siteNis: ["71072", "71016"],
  },
];

const showcaseCompany = {
  name: "Demo Bouwbedrijf Van Kerckhove bv",
  municipalityNis: "44021",
  /** 0890.000.1xx: the 089x range is far from the numbers the KBO has issued. */
  firstEight: "08900001",
};

const at = (email: string) => `${email}@${demoEmailDomain}`;

/** One demo account per role, plus a second school coordinator. Password: set by the seed. */
export const demoAccounts: readonly DemoAccount[] = [
  {
    email: at("programmabeheerder"),
    name: "Ann Proefmans",
    role: "programmeManager",
    organisationRef: demoRefs.department,
    organisationName: "Departement Onderwijs en Vorming (demo)",
    descriptionNl:
      "Programmabeheerder: beheert oproepen, volgt hun aanvragen op (aantallen per stand op /mijn) en modereert leermateriaal.",
  },
  {
    email: at("coordinator"),
    name: "Bram Van Demobeke",
    role: "schoolCoordinator",
    organisationRef: demoRefs.school,
    organisationName: "Demo Technisch Instituut Sint-Aldegondis Gent",
    descriptionNl:
      "Schoolcoördinator: schrijft en dient de aanvragen van de school in; heeft er op de open oproep één in elke stand (concept, volledig, ingediend, ingetrokken).",
  },
  {
    email: at("coordinator2"),
    name: "Jana Demotier",
    role: "schoolCoordinator",
    organisationRef: demoRefs.otherSchool,
    organisationName: "Demoschool GO! Technisch Atheneum Hasselt",
    descriptionNl:
      "Schoolcoördinator van een andere school: ziet de aanvragen van de eerste school niet.",
  },
  {
    email: at("directeur"),
    name: "Carla Voorbeeldt",
    role: "schoolDirector",
    organisationRef: demoRefs.school,
    organisationName: "Demo Technisch Instituut Sint-Aldegondis Gent",
    descriptionNl:
      "Directeur: leest de aanvragen van de school en keurt ze goed voor de indiening; één volledige aanvraag wacht op goedkeuring.",
  },
  {
    email: at("leraar"),
    name: "Dirk Oefenaere",
    role: "teacher",
    organisationRef: demoRefs.school,
    organisationName: "Demo Technisch Instituut Sint-Aldegondis Gent",
    descriptionNl:
      "Leraar: deelt leermateriaal en meldt gebruik ervan (een professionaliseringstraject bijhouden komt later).",
  },
  {
    email: at("partner"),
    name: "Els Testelinck",
    role: "partnerContact",
    organisationRef: demoRefs.company,
    organisationName: showcaseCompany.name,
    descriptionNl:
      "Contactpersoon van een partnerbedrijf: partner in drie consortia, en een uitnodiging wacht op antwoord.",
  },
  {
    email: at("begeleider"),
    name: "Filip Staalkaert",
    role: "guidanceCounsellor",
    organisationRef: demoRefs.guidanceService,
    organisationName: "Demo Pedagogische Begeleiding Katholiek Onderwijs",
    descriptionNl:
      "Pedagogisch begeleider: modereert leermateriaal (scholen begeleiden komt later).",
  },
  {
    email: at("beoordelaar"),
    name: "Greet Modelmans",
    role: "reviewer",
    organisationRef: demoRefs.department,
    organisationName: "Departement Onderwijs en Vorming (demo)",
    descriptionNl: "Beoordelaar (jury): het beoordelen van aanvragen komt in een volgende versie.",
  },
  {
    email: at("beleid"),
    name: "Hans Schetsaert",
    role: "policyViewer",
    organisationRef: demoRefs.department,
    organisationName: "Departement Onderwijs en Vorming (demo)",
    descriptionNl: "Beleidsmedewerker: cijfers over bereik en impact komen in een volgende versie.",
  },
  {
    email: at("admin"),
    name: "Ilse Probeerts",
    role: "platformAdmin",
    organisationRef: demoRefs.department,
    organisationName: "Departement Onderwijs en Vorming (demo)",
    descriptionNl:
      "Platformbeheerder: beheert organisaties, accounts en rollen, leest de auditlog.",
  },
];

// ---------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: 32-bit state, good enough spread for test data, identical on every platform. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, to derive one independent stream per part of the world from the single seed. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

class Random {
  private readonly next: () => number;
  constructor(seed: number, stream: string) {
    this.next = mulberry32((seed ^ hash32(stream)) >>> 0);
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }
  /** Standard normal deviate (Box-Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

/** Weighted choice with a precomputed cumulative table (binary search). */
class WeightedTable<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;
  constructor(
    readonly items: readonly T[],
    weight: (item: T) => number,
  ) {
    let sum = 0;
    for (const item of items) {
      sum += Math.max(0, weight(item));
      this.cumulative.push(sum);
    }
    this.total = sum;
    if (!(sum > 0)) throw new Error("weighted table without weight");
  }
  pick(random: Random): T {
    const target = random.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
  /** Up to n distinct items. */
  pickDistinct(random: Random, n: number): T[] {
    const chosen = new Set<T>();
    const wanted = Math.min(n, this.items.length);
    for (let attempt = 0; chosen.size < wanted && attempt < wanted * 40; attempt++) {
      chosen.add(this.pick(random));
    }
    return [...chosen];
  }
}

// ---------------------------------------------------------------------------------------------
// Names. Every organisation name contains "Demo" or "(demo)"; patrons and place names are
// invented, so no name is that of a real school or company.

const inventedPatrons = [
  "Sint-Aldegondis",
  "Sint-Bertramus",
  "Sint-Gudulinde",
  "Sint-Rombaldus",
  "Sint-Vilmaris",
  "Sint-Odelinde",
  "Sint-Hadewijna",
  "Sint-Ferdolinus",
  "Sint-Amalbert",
  "Sint-Baltrudis",
  "Sint-Carolinus",
  "Sint-Lievina",
  "Sint-Theobertus",
  "Sint-Marcolinde",
  "Sint-Ysbrandus",
  "Sint-Evermarinus",
  "Sint-Adelmarus",
  "Sint-Gerolinde",
  "Sint-Ludgarius",
  "Sint-Fredolina",
  "Sint-Osmundis",
  "Sint-Radulfina",
  "Sint-Walbertus",
  "Sint-Cunerada",
];

const inventedPlaces = [
  "De Zilverlinde",
  "De Kwartelhoek",
  "Het Brandelpad",
  "De Wilgenkam",
  "De Klaverkouter",
  "Het Ketelveld",
  "De Meidoornberg",
  "De Sparrenloop",
  "Het Vlasblok",
  "De Houtdreef",
  "De Molenkaai",
  "Het Smidsehof",
  "De Lindegaard",
  "Het Waterkot",
  "De Kouterwinde",
  "De Beukenmaat",
  "De Ijzerhoeve",
  "Het Leemveld",
];

const genericStreets = [
  "Schoolstraat",
  "Stationsstraat",
  "Kerkstraat",
  "Nieuwstraat",
  "Molenstraat",
  "Kouterstraat",
  "Industrielaan",
  "Ambachtenlaan",
  "Technologiepark",
  "Dorpsstraat",
  "Parklaan",
  "Ringlaan",
];

type ProfileName =
  | "technical"
  | "vocational"
  | "broad"
  | "middle"
  | "buso"
  | "care"
  | "hospitality"
  | "agriculture"
  | "arts";

const profileWeights: ReadonlyArray<[ProfileName, number]> = [
  ["technical", 28],
  ["vocational", 14],
  ["broad", 22],
  ["middle", 12],
  ["buso", 8],
  ["care", 7],
  ["hospitality", 4],
  ["agriculture", 3],
  ["arts", 2],
];

const umbrellaWeights: ReadonlyArray<[UmbrellaOrganisation, number]> = [
  ["KOV", 60],
  ["GO", 25],
  ["OVSG", 8],
  ["POV", 5],
  ["OKO", 2],
];

/** Name templates per umbrella and profile; {p} patron, {x} invented place, {g} municipality. */
const nameTemplates: Record<UmbrellaOrganisation, Record<ProfileName, string[]>> = {
  KOV: {
    technical: ["Demo Technisch Instituut {p} {g}", "Demo Vrij Technisch Instituut {p} {g}"],
    vocational: ["Demo Vrij Instituut voor Beroepsonderwijs {p} {g}", "Demo {p}instituut {g}"],
    broad: ["Demo {p}college {g}", "Demo Campus {p} {g}", "Demo {p}lyceum {g}"],
    middle: ["Demo {p} Middenschool {g}", "Demo Eerste Graad {p} {g}"],
    buso: ["Demo Buso {p} {g}", "Demo Buso {x} {g}"],
    care: ["Demo {p}instituut voor Zorg en Welzijn {g}"],
    hospitality: ["Demo Hotelschool {p} {g}"],
    agriculture: ["Demo Vrij Land- en Tuinbouwinstituut {p} {g}"],
    arts: ["Demo Kunsthumaniora {p} {g}"],
  },
  GO: {
    technical: ["Demoschool GO! Technisch Atheneum {g}", "Demoschool GO! Technicum {x} {g}"],
    vocational: ["Demoschool GO! Beroepsschool {g}", "Demoschool GO! campus {x} {g}"],
    broad: ["Demoschool GO! Atheneum {g}", "Demoschool GO! Atheneum {x} {g}"],
    middle: ["Demoschool GO! Middenschool {g}", "Demoschool GO! Middenschool {x} {g}"],
    buso: ["Demoschool GO! Busoschool {x} {g}"],
    care: ["Demoschool GO! Zorgcampus {x} {g}"],
    hospitality: ["Demoschool GO! Hotelschool {g}"],
    agriculture: ["Demoschool GO! Tuinbouwschool {x} {g}"],
    arts: ["Demoschool GO! Kunstcampus {x} {g}"],
  },
  OVSG: {
    technical: [
      "Demo Stedelijk Instituut voor Techniek {g}",
      "Demo Gemeentelijk Technisch Instituut {g}",
    ],
    vocational: ["Demo Stedelijke Beroepsschool {g}", "Demo Stedelijk Instituut {x} {g}"],
    broad: ["Demo Stedelijk Lyceum {g}", "Demo Stedelijk Lyceum {x} {g}"],
    middle: ["Demo Stedelijke Middenschool {g}"],
    buso: ["Demo Stedelijke Busoschool {x} {g}"],
    care: ["Demo Stedelijk Instituut voor Zorg {g}"],
    hospitality: ["Demo Stedelijke Hotelschool {g}"],
    agriculture: ["Demo Gemeentelijke Tuinbouwschool {g}"],
    arts: ["Demo Stedelijke Kunsthumaniora {g}"],
  },
  POV: {
    technical: ["Demo Provinciaal Technisch Instituut {g}", "Demo Provinciaal Instituut {x} {g}"],
    vocational: ["Demo Provinciaal Instituut voor Beroepsonderwijs {g}"],
    broad: ["Demo Provinciale Scholengroep {x} {g}"],
    middle: ["Demo Provinciale Middenschool {g}"],
    buso: ["Demo Provinciale Busoschool {x} {g}"],
    care: ["Demo Provinciaal Instituut voor Zorg {g}"],
    hospitality: ["Demo Provinciale Hotelschool {g}"],
    agriculture: ["Demo Provinciaal Landbouwinstituut {g}"],
    arts: ["Demo Provinciale Kunsthumaniora {g}"],
  },
  OKO: {
    technical: ["Demo Vrije Werkplaatsschool {x} {g}"],
    vocational: ["Demo Vrije Werkplaatsschool {x} {g}"],
    broad: ["Demo Steinerschool {x} {g}", "Demo Vrije Leerschool {x} {g}"],
    middle: ["Demo Vrije Middenschool {x} {g}"],
    buso: ["Demo Vrije Busoschool {x} {g}"],
    care: ["Demo Vrije Leerschool {x} {g}"],
    hospitality: ["Demo Vrije Leerschool {x} {g}"],
    agriculture: ["Demo Vrije Tuinbouwschool {x} {g}"],
    arts: ["Demo Steinerschool {x} {g}"],
  },
};

// ---------------------------------------------------------------------------------------------
// Study programmes per school profile

const has = (p: StudyProgramme, form: string) => (p.educationForms as string[]).includes(form);
/** Pedagogical or religious specials belong only in the schools that run them. */
const isSpecialProject = (p: StudyProgramme) => /steiner|freinet|yeshiva|topsport/i.test(p.name);

/**
 * How strongly a profile favours a programme (0 = never offered). Multiplied by the catalogue's
 * siteCount, so common programmes stay common. InnoVET targets labour-market oriented education,
 * so tso, bso, 7th years and buso dominate.
 */
const profileAffinity: Record<ProfileName, (p: StudyProgramme) => number> = {
  technical: (p) =>
    (has(p, "tso") ? 3 : has(p, "bso") ? 1.5 : has(p, "7de") ? 1 : p.stage === "1" ? 0.12 : 0) *
    (p.domain === "2" ? 3 : p.domain === null ? 1 : 0.4),
  vocational: (p) =>
    has(p, "bso") ? 3 : has(p, "7de") ? 2 : has(p, "tso") ? 0.5 : p.stage === "1" ? 0.1 : 0,
  broad: (p) =>
    has(p, "aso")
      ? 1
      : has(p, "tso")
        ? 1.5
        : has(p, "bso")
          ? 0.8
          : has(p, "kso")
            ? 0.2
            : p.stage === "1"
              ? 0.3
              : 0,
  middle: (p) => (p.stage === "1" ? 1 : 0),
  // OV3 programmes carry siteCount 0 in the catalogue (it counts mainstream sites only), so
  // buso schools weigh them by a fixed amount instead; see affinityWeight.
  buso: (p) => (has(p, "buso") ? 1 : has(p, "bso") ? 0.3 : 0),
  care: (p) =>
    p.domain === "6" && !has(p, "aso") ? 3 : p.stage === "hbo" ? 4 : p.stage === "1" ? 0.1 : 0,
  hospitality: (p) => (p.domain === "8" ? 3 : p.stage === "1" ? 0.1 : 0),
  agriculture: (p) => (p.domain === "4" ? 3 : p.stage === "1" ? 0.1 : 0),
  arts: (p) => (has(p, "kso") ? 3 : p.domain === "3" ? 1 : p.stage === "1" ? 0.1 : 0),
};

const programmeCountRange: Record<ProfileName, [number, number]> = {
  technical: [8, 18],
  vocational: [6, 14],
  broad: [8, 20],
  middle: [3, 7],
  buso: [4, 10],
  care: [5, 12],
  hospitality: [4, 10],
  agriculture: [4, 9],
  arts: [4, 10],
};

function affinityWeight(profile: ProfileName, p: StudyProgramme): number {
  const affinity = profileAffinity[profile](p);
  if (affinity === 0 || isSpecialProject(p)) return 0;
  if (has(p, "buso")) return affinity * 25;
  return p.siteCount > 0 ? affinity * p.siteCount : 0;
}

// ---------------------------------------------------------------------------------------------
// Generation

const round5 = (n: number) => Math.round(n * 1e5) / 1e5;
/** Code-unit order: unlike localeCompare, the same on every machine and locale. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function jitteredPosition(
  random: Random,
  m: Municipality,
): { latitude: number; longitude: number } {
  // Bigger towns spread their schools wider around the centre.
  const radiusKm = Math.min(4, 0.6 + 1.6 * Math.sqrt(m.population / 100_000));
  const kmPerDegreeLat = 111.2;
  const kmPerDegreeLon = 111.2 * Math.cos((m.latitude * Math.PI) / 180);
  return {
    latitude: round5(m.latitude + (random.normal() * radiusKm) / 2 / kmPerDegreeLat),
    longitude: round5(m.longitude + (random.normal() * radiusKm) / 2 / kmPerDegreeLon),
  };
}

function distanceKm(a: Municipality, b: Municipality): number {
  const dLat = (a.latitude - b.latitude) * 111.2;
  const dLon = (a.longitude - b.longitude) * 111.2 * Math.cos((a.latitude * Math.PI) / 180);
  return Math.hypot(dLat, dLon);
}

function requireMunicipality(nis: string): Municipality {
  const m = findMunicipality(nis);
  if (!m) throw new Error(`demo world names unknown municipality ${nis}`);
  return m;
}

function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function blankOrganisation(
  ref: string,
  kind: OrganisationKind,
  name: string,
  municipalityNis: string | null,
): DemoOrganisation {
  return {
    ref,
    kind,
    name,
    institutionNumber: null,
    enterpriseNumber: null,
    umbrella: null,
    rtcRegion: null,
    street: null,
    postalCode: municipalityNis ? mainPostalCode(municipalityNis) : null,
    municipalityNis,
    website: null,
    email: `info.${ref}@${demoEmailDomain}`,
    phone: null,
    description: null,
  };
}

function street(random: Random): string {
  return `${random.pick(genericStreets)} ${random.int(1, 180)}`;
}

interface SchoolPlan {
  ref: string;
  institutionNumber: string;
  fixedName: string | null;
  umbrella: UmbrellaOrganisation;
  profile: ProfileName;
  /** NIS code of each site, site 1 first. */
  siteNis: string[];
}

/** Plans the schools of one province: who they are and where each of their sites is. */
function planProvinceSchools(
  random: Random,
  province: Province,
  nextInstitutionNumber: () => string,
): SchoolPlan[] {
  const current = municipalitiesValidOn(demoReferenceDate).filter(
    (m) => m.provinceCode === province,
  );
  const homeTable = new WeightedTable(current, (m) => m.population ** 0.9);
  const neighbours = new Map(
    current.map((m) => [
      m.nis,
      new WeightedTable(
        current
          .filter((n) => n.nis !== m.nis)
          .sort((a, b) => distanceKm(m, a) - distanceKm(m, b))
          .slice(0, 6),
        (n) => n.population,
      ),
    ]),
  );
  const provinceOn = (nis: string) => resolveMunicipality(nis, demoReferenceDate)?.provinceCode;

  const siteQuota = demoSiteCountsByProvince[province];
  const schoolQuota = Math.round((siteQuota * demoSchoolCount) / totalSites);
  const plans: SchoolPlan[] = [];

  for (const s of showcaseSchools) {
    if (provinceOn(s.siteNis[0] ?? "") !== province) continue;
    plans.push({ ...s, fixedName: s.name, siteNis: [...s.siteNis] });
  }
  const showcaseSites = plans.reduce((n, p) => n + p.siteNis.length, 0);
  const fixedCount = plans.length;

  const umbrellaTable = new WeightedTable(umbrellaWeights, ([, w]) => w);
  const profileTable = new WeightedTable(profileWeights, ([, w]) => w);
  const okoProfiles = new WeightedTable<[ProfileName, number]>(
    [
      ["broad", 60],
      ["middle", 40],
    ],
    ([, w]) => w,
  );
  const legacy = legacyDemoSiteNis.filter((nis) => provinceOn(nis) === province);
  for (let i = 0; plans.length < schoolQuota; i++) {
    let umbrella = umbrellaTable.pick(random)[0];
    // Brussels has no province, so no provincial schools; its city schools are OVSG's.
    if (province === "BRU" && umbrella === "POV") umbrella = "OVSG";
    const profile = (umbrella === "OKO" ? okoProfiles : profileTable).pick(random)[0];
    const home = legacy[i] ?? homeTable.pick(random).nis;
    plans.push({
      ref: "",
      institutionNumber: nextInstitutionNumber(),
      fixedName: null,
      umbrella,
      profile,
      siteNis: [home],
    });
  }

  // Extra sites go to schools in proportion to the sites they already have (a Pólya urn):
  // most schools keep one site, a few large ones get many, as in the real network.
  const urn: number[] = [];
  for (let index = fixedCount; index < plans.length; index++) urn.push(index);
  const extra = siteQuota - showcaseSites - (plans.length - fixedCount);
  for (let added = 0; added < extra; ) {
    const index = random.pick(urn);
    const plan = plans[index] as SchoolPlan;
    if (plan.siteNis.length >= 8) continue;
    const home = resolveMunicipality(plan.siteNis[0] as string, demoReferenceDate);
    if (!home) throw new Error(`no current municipality for ${plan.siteNis[0]}`);
    const nearby = neighbours.get(home.nis);
    plan.siteNis.push(random.chance(0.65) || !nearby ? home.nis : nearby.pick(random).nis);
    urn.push(index);
    added++;
  }
  for (const plan of plans) {
    if (!plan.ref) plan.ref = `school-${plan.institutionNumber}`;
  }
  return plans;
}

function schoolName(
  random: Random,
  plan: SchoolPlan,
  municipalityName: string,
  taken: Set<string>,
): string {
  if (plan.fixedName) return plan.fixedName;
  const templates = nameTemplates[plan.umbrella][plan.profile];
  for (let attempt = 0; attempt < 12; attempt++) {
    const name = random
      .pick(templates)
      .replace("{p}", random.pick(inventedPatrons))
      .replace("{x}", random.pick(inventedPlaces))
      .replace("{g}", municipalityName);
    if (!taken.has(name)) return name;
  }
  // A busy city can run out of combinations: number the rest.
  const base = random
    .pick(templates)
    .replace("{p}", random.pick(inventedPatrons))
    .replace("{x}", random.pick(inventedPlaces))
    .replace("{g}", municipalityName);
  for (let n = 2; ; n++) {
    const name = `${base} ${n}`;
    if (!taken.has(name)) return name;
  }
}

function generateSchools(seed: number): { organisations: DemoOrganisation[]; sites: DemoSite[] } {
  const planning = new Random(seed, "school-plans");
  const naming = new Random(seed, "school-names");
  const placing = new Random(seed, "site-positions");
  const offering = new Random(seed, "site-programmes");

  const usedNumbers = new Set(showcaseSchools.map((s) => s.institutionNumber));
  const numbers = new Random(seed, "institution-numbers");
  const nextInstitutionNumber = () => {
    for (;;) {
      // 6 digits in 900000-999999: far above the instellingsnummers in use.
      const n = String(numbers.int(900_100, 999_999));
      if (!usedNumbers.has(n)) {
        usedNumbers.add(n);
        return n;
      }
    }
  };

  const plans = (Object.keys(demoSiteCountsByProvince) as Province[]).flatMap((province) =>
    planProvinceSchools(planning, province, nextInstitutionNumber),
  );

  const programmeTables = new Map<ProfileName, WeightedTable<StudyProgramme>>();
  for (const [profile] of profileWeights) {
    const pool = studyProgrammes.filter((p) => affinityWeight(profile, p) > 0);
    programmeTables.set(profile, new WeightedTable(pool, (p) => affinityWeight(profile, p)));
  }

  const organisations: DemoOrganisation[] = [];
  const sites: DemoSite[] = [];
  // Reserved up front, so no generated school can take a demo account's school name.
  const takenNames = new Set<string>(showcaseSchools.map((s) => s.name));
  for (const plan of plans) {
    const home = requireMunicipality(plan.siteNis[0] as string);
    const name = schoolName(naming, plan, home.nameNl, takenNames);
    takenNames.add(name);
    organisations.push({
      ...blankOrganisation(plan.ref, "school", name, home.nis),
      institutionNumber: plan.institutionNumber,
      umbrella: plan.umbrella,
      street: street(naming),
      description: "Fictieve school in de demowereld van het InnoVET-platform.",
    });
    plan.siteNis.forEach((nis, i) => {
      const municipality = requireMunicipality(nis);
      // A second site is often a separate first-graad campus (middenschool).
      const profile: ProfileName =
        i > 0 && plan.profile !== "middle" && plan.profile !== "buso" && offering.chance(0.3)
          ? "middle"
          : plan.profile;
      const [min, max] = programmeCountRange[profile];
      const table = programmeTables.get(profile) as WeightedTable<StudyProgramme>;
      const programmes = table
        .pickDistinct(offering, offering.int(min, max))
        .map((p) => ({ code: p.code, stage: p.stage }))
        .sort((a, b) => compareText(a.stage, b.stage) || compareText(a.code, b.code));
      sites.push({
        organisationRef: plan.ref,
        siteNumber: i + 1,
        name: i === 0 ? name : `${name} – vestiging ${i + 1}`,
        street: street(placing),
        postalCode: mainPostalCode(nis),
        municipalityNis: nis,
        ...jitteredPosition(placing, municipality),
        programmes,
      });
    });
  }
  return { organisations, sites };
}

// ---------------------------------------------------------------------------------------------
// Partners

const companySectors: ReadonlyArray<[string, string]> = [
  ["Bouwbedrijf", "bv"],
  ["Aannemingen", "nv"],
  ["Elektrotechniek", "bv"],
  ["Installatietechniek", "bv"],
  ["Metaalconstructie", "nv"],
  ["Machinebouw", "nv"],
  ["Lasatelier", "bv"],
  ["Schrijnwerkerij", "bv"],
  ["Houtbewerking", "bv"],
  ["Garage", "bv"],
  ["Transport en Logistiek", "nv"],
  ["Voedingsbedrijf", "nv"],
  ["Bakkerij", "bv"],
  ["Slagerij", "bv"],
  ["Brasserie", "bv"],
  ["Hotel", "nv"],
  ["Zorgcentrum", "vzw"],
  ["Kinderopvang", "vzw"],
  ["Tuinaanleg", "bv"],
  ["Landbouwbedrijf", "bv"],
  ["Chemie", "nv"],
  ["Kunststoffen", "nv"],
  ["Textiel", "nv"],
  ["Drukkerij", "bv"],
  ["ICT-diensten", "bv"],
  ["Automatisering", "bv"],
  ["Koeltechniek", "bv"],
  ["Schilderwerken", "bv"],
  ["Dakwerken", "bv"],
  ["Energietechniek", "nv"],
];

const surnames = [
  "Van Kerckhove",
  "Peeters",
  "Janssens",
  "Maes",
  "Mertens",
  "Willems",
  "Claes",
  "Goossens",
  "Wouters",
  "De Smet",
  "Hermans",
  "Aerts",
  "Michiels",
  "Lambrechts",
  "Verhoeven",
  "De Clercq",
  "Vermeulen",
  "Vandenberghe",
  "Van Damme",
  "Coppens",
  "Verstraete",
  "Dewulf",
  "Segers",
  "Bogaerts",
];

const sectorOrganisationNames = [
  "Demo Sectorfonds Bouw",
  "Demo Sectororganisatie Metaal en Technologie",
  "Demo Sectorfonds Elektrotechniek",
  "Demo Sectorfonds Voeding",
  "Demo Sectorfonds Horeca",
  "Demo Sectororganisatie Zorg en Welzijn",
  "Demo Sectorfonds Hout en Meubel",
  "Demo Sectorfonds Logistiek",
  "Demo Sectororganisatie Chemie en Kunststoffen",
  "Demo Sectorfonds Textiel",
  "Demo Sectorfonds Autobedrijven",
  "Demo Sectorfonds Groene Sector",
  "Demo Sectororganisatie Grafische Industrie",
  "Demo Sectorfonds Installatietechniek",
  "Demo Sectorfonds Haarzorg en Schoonheid",
  "Demo Sectororganisatie ICT",
  "Demo Sectorfonds Schoonmaak",
  "Demo Sectorfonds Landbouw",
  "Demo Sectororganisatie Energie",
  "Demo Sectorfonds Bakkerij",
];

const rtcSeats: Record<RtcRegion, { name: string; nis: string; description: string }> = {
  ANT: {
    name: "RTC Antwerpen (demo)",
    nis: "11002",
    description: "Demo-RTC voor de provincie Antwerpen.",
  },
  LIM: {
    name: "RTC Limburg (demo)",
    nis: "71072",
    description: "Demo-RTC voor de provincie Limburg.",
  },
  OVL: {
    name: "RTC Oost-Vlaanderen (demo)",
    nis: "44021",
    description: "Demo-RTC voor de provincie Oost-Vlaanderen.",
  },
  VBR: {
    name: "RTC Vlaams-Brabant (demo)",
    nis: "24062",
    description: "Demo-RTC voor Vlaams-Brabant en het Brussels Hoofdstedelijk Gewest.",
  },
  WVL: {
    name: "RTC West-Vlaanderen (demo)",
    nis: "31005",
    description: "Demo-RTC voor de provincie West-Vlaanderen.",
  },
};

const higherEducation: ReadonlyArray<[string, string]> = [
  ["Demo Hogeschool Scheldepoort", "11002"],
  ["Demo Universiteit Lage Landen", "44021"],
  ["Demo Hogeschool Dijleland", "24062"],
  ["Demo Hogeschool Leiedal", "34022"],
  ["Demo Hogeschool Westhoek", "31005"],
  ["Demo Hogeschool Demerdal", "71072"],
  ["Demo Hogeschool Maasland", "71016"],
  ["Demo Hogeschool Kempenland", "13008"],
  ["Demo Hogeschool Zennevallei", "21004"],
  ["Demo Hogeschool Denderstreek", "41002"],
];

const knowledgeCentres: ReadonlyArray<[string, string]> = [
  ["Demo Kenniscentrum Digitale Didactiek", "21004"],
  ["Demo Kenniscentrum Duaal Leren", "44021"],
  ["Demo Onderzoekscentrum Beroepsonderwijs", "24062"],
  ["Demo Kenniscentrum Circulair Bouwen", "11002"],
  ["Demo Expertisecentrum Zorgtechnologie", "34022"],
  ["Demo Kenniscentrum Slimme Industrie", "71072"],
  ["Demo Kenniscentrum Voedingstechnologie", "31005"],
  ["Demo Onderzoeksgroep Lerarenprofessionalisering", "13008"],
];

const guidanceServices: ReadonlyArray<[UmbrellaOrganisation, string, string]> = [
  ["GO", "Demo Pedagogische Begeleidingsdienst GO!", "21004"],
  ["KOV", "Demo Pedagogische Begeleiding Katholiek Onderwijs", "21004"],
  ["OVSG", "Demo Pedagogische Begeleidingsdienst OVSG", "21004"],
  ["POV", "Demo Pedagogische Begeleidingsdienst POV", "21004"],
  ["OKO", "Demo Begeleidingsdienst Kleine Onderwijsverstrekkers", "44021"],
];

function generatePartners(seed: number): DemoOrganisation[] {
  const random = new Random(seed, "partners");
  const usedKbo = new Set<string>();
  /** KBO numbers 089x.xxx.xxx with valid check digits: valid, but far from issued numbers. */
  const nextEnterpriseNumber = () => {
    for (;;) {
      const number = completeEnterpriseNumber(`089${String(random.int(10_000, 99_999))}`);
      if (!usedKbo.has(number)) {
        usedKbo.add(number);
        return number;
      }
    }
  };
  const partner = (
    ref: string,
    kind: OrganisationKind,
    name: string,
    nis: string,
    description: string,
  ): DemoOrganisation => ({
    ...blankOrganisation(ref, kind, name, requireMunicipality(nis).nis),
    enterpriseNumber: nextEnterpriseNumber(),
    street: street(random),
    description,
  });

  const organisations: DemoOrganisation[] = [];
  const showcaseKbo = completeEnterpriseNumber(showcaseCompany.firstEight);
  usedKbo.add(showcaseKbo);
  organisations.push({
    ...blankOrganisation(
      demoRefs.company,
      "company",
      showcaseCompany.name,
      showcaseCompany.municipalityNis,
    ),
    enterpriseNumber: showcaseKbo,
    street: "Ambachtenlaan 12",
    description: "Fictief bouwbedrijf in de demowereld; partner van de demoschool in Gent.",
  });

  const everywhere = new WeightedTable(
    municipalitiesValidOn(demoReferenceDate),
    (m) => m.population,
  );
  const companyNames = new Set([showcaseCompany.name]);
  while (organisations.length < 150) {
    const [sector, form] = random.pick(companySectors);
    const name = `Demo ${sector} ${random.pick(surnames)} ${form}`;
    if (companyNames.has(name)) continue;
    companyNames.add(name);
    const kbo = nextEnterpriseNumber();
    organisations.push({
      ...blankOrganisation(`company-${kbo}`, "company", name, everywhere.pick(random).nis),
      enterpriseNumber: kbo,
      street: street(random),
      description: `Fictief bedrijf (${sector.toLowerCase()}) in de demowereld.`,
    });
  }

  const sectorSeats = ["21004", "21004", "21004", "11002", "44021", "24062"];
  for (const name of sectorOrganisationNames) {
    organisations.push(
      partner(
        `sector-${slug(name.replace(/^Demo /, ""))}`,
        "sectorOrganisation",
        name,
        random.pick(sectorSeats),
        "Fictieve sectororganisatie in de demowereld.",
      ),
    );
  }
  for (const region of rtcRegions) {
    const seat = rtcSeats[region];
    organisations.push({
      ...partner(`rtc-${region.toLowerCase()}`, "rtc", seat.name, seat.nis, seat.description),
      rtcRegion: region,
    });
  }
  for (const [name, nis] of higherEducation) {
    organisations.push(
      partner(
        `higher-education-${slug(name.replace(/^Demo /, ""))}`,
        "higherEducation",
        name,
        nis,
        "Fictieve hogeschool of universiteit in de demowereld.",
      ),
    );
  }
  // One CVO in each of the three largest municipalities of every province.
  const current = municipalitiesValidOn(demoReferenceDate);
  for (const province of ["ANT", "LIM", "OVL", "VBR", "WVL"] as const) {
    const largest = current
      .filter((m) => m.provinceCode === province)
      .sort((a, b) => b.population - a.population || a.nis.localeCompare(b.nis))
      .slice(0, 3);
    for (const m of largest) {
      const name = `Demo CVO ${random.pick(inventedPlaces)} ${m.nameNl}`;
      organisations.push(
        partner(
          `cvo-${m.nis}`,
          "adultEducation",
          name,
          m.nis,
          "Fictief centrum voor volwassenenonderwijs.",
        ),
      );
    }
  }
  for (const [umbrella, name, nis] of guidanceServices) {
    organisations.push({
      ...partner(
        `guidance-${umbrella.toLowerCase()}`,
        "guidanceService",
        name,
        nis,
        "Fictieve pedagogische begeleidingsdienst in de demowereld.",
      ),
      umbrella,
    });
  }
  organisations.push(
    partner(
      demoRefs.employmentService,
      "employmentService",
      "VDAB (demo)",
      "21004",
      "Demoversie van de Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding.",
    ),
  );
  for (const [name, nis] of knowledgeCentres) {
    organisations.push(
      partner(
        `knowledge-${slug(name.replace(/^Demo /, ""))}`,
        "knowledgeCentre",
        name,
        nis,
        "Fictief kennis- of onderzoekscentrum in de demowereld.",
      ),
    );
  }
  organisations.push({
    ...blankOrganisation(
      demoRefs.department,
      "department",
      "Departement Onderwijs en Vorming (demo)",
      "21004",
    ),
    street: "Demolaan 1",
    description: "Demoversie van het Departement Onderwijs en Vorming, dat InnoVET beheert.",
  });
  return organisations;
}

// ---------------------------------------------------------------------------------------------

/** The whole demo world. Same output on every run and every machine. */
export function generateDemoWorld(seed: number = demoWorldSeed): DemoWorld {
  const schools = generateSchools(seed);
  const partners = generatePartners(seed);
  const organisations = [...partners, ...schools.organisations];
  const refs = new Set(organisations.map((o) => o.ref));
  for (const account of demoAccounts) {
    if (!refs.has(account.organisationRef)) {
      throw new Error(`demo account ${account.email} names unknown ${account.organisationRef}`);
    }
  }
  return {
    organisations,
    sites: schools.sites,
    people: demoAccounts.map((a) => ({ email: a.email, name: a.name, locale: "nl" })),
    memberships: demoAccounts.map((a) => ({
      personEmail: a.email,
      organisationRef: a.organisationRef,
      role: a.role,
    })),
  };
}
