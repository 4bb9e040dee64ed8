// The directory's vocabulary: organisations, sites and the fixed enumerations of Flemish
// secondary education. Code names are English; the Dutch terms live in the message catalogues
// (app/i18n) and in the comments here. See ../shared/glossary.md.

/** Kinds of organisation in the InnoVET network. */
export const organisationKinds = [
  "school", // school (instelling), identified by its instellingsnummer
  "company", // bedrijf, identified by its KBO ondernemingsnummer
  "sectorOrganisation", // sectororganisatie / sectorfonds
  "rtc", // Regionaal Technologisch Centrum
  "higherEducation", // hogeschool / universiteit
  "adultEducation", // CVO, centrum voor volwassenenonderwijs
  "guidanceService", // pedagogische begeleidingsdienst
  "employmentService", // VDAB
  "knowledgeCentre", // kenniscentrum, onderzoekscentrum
  "department", // Departement Onderwijs en Vorming
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** Organisation kinds that count as partners (everything that is not a school or the Department). */
export const partnerKinds = organisationKinds.filter(
  (k) => k !== "school" && k !== "department",
) as Exclude<OrganisationKind, "school" | "department">[];

/** Onderwijsverstrekkers / koepels. The network (onderwijsnet) follows from the umbrella. */
export const umbrellaOrganisations = ["GO", "KOV", "OVSG", "POV", "OKO"] as const;
export type UmbrellaOrganisation = (typeof umbrellaOrganisations)[number];

/** Onderwijsnetten: gemeenschapsonderwijs, officieel gesubsidieerd, vrij gesubsidieerd. */
export const networks = ["community", "officialSubsidised", "freeSubsidised"] as const;
export type Network = (typeof networks)[number];

export const networkOfUmbrella: Record<UmbrellaOrganisation, Network> = {
  GO: "community",
  KOV: "freeSubsidised",
  OVSG: "officialSubsidised",
  POV: "officialSubsidised",
  OKO: "freeSubsidised",
};

/** The 8 studiedomeinen, by their official administratievegroep_domein code. */
export const studyDomains = ["1", "2", "3", "4", "5", "6", "7", "8"] as const;
export type StudyDomain = (typeof studyDomains)[number];

/** Finaliteiten: arbeidsmarkt (A), dubbele finaliteit (DU), doorstroom (DO). */
export const finalities = ["A", "DU", "DO"] as const;
export type Finality = (typeof finalities)[number];

/** Onderwijsvormen (incl. buso and dbso, which InnoVET explicitly includes). */
export const educationForms = ["aso", "tso", "kso", "bso", "buso", "dbso"] as const;
export type EducationForm = (typeof educationForms)[number];

/** Graden (stages) as keyed in the study programme catalogue. */
export const stages = ["1", "2", "3", "hbo", "okan", "other", "none"] as const;
export type Stage = (typeof stages)[number];

/** The graad as the Department's data names it (administratievegroep_graad); none for no graad. */
export const stageOfGraad: Readonly<Record<string, Stage>> = {
  "Eerste graad": "1",
  "Tweede graad": "2",
  "Derde graad": "3",
  "Hoger beroepsonderwijs": "hbo",
  "Onthaalklas anderstalige nieuwkomers": "okan",
  Andere: "other",
};

/** Provinces, plus the Brussels-Capital Region for Dutch-language schools in Brussels. */
export const provinces = ["ANT", "LIM", "OVL", "VBR", "WVL", "BRU"] as const;
export type Province = (typeof provinces)[number];

/** The 5 RTC regions; RTC Vlaams-Brabant also covers Brussels. */
export const rtcRegions = ["ANT", "LIM", "OVL", "VBR", "WVL"] as const;
export type RtcRegion = (typeof rtcRegions)[number];
export const rtcRegionOfProvince: Record<Province, RtcRegion> = {
  ANT: "ANT",
  LIM: "LIM",
  OVL: "OVL",
  VBR: "VBR",
  WVL: "WVL",
  BRU: "VBR",
};

/** The 7 transitiegebieden of Visie 2050. */
export const transitionAreas = ["1", "2", "3", "4", "5", "6", "7"] as const;
export type TransitionArea = (typeof transitionAreas)[number];

/** Niveaus van verandering: didactisch-pedagogisch, beroepstechnisch, ICT. */
export const changeLevels = ["didactic", "vocational", "ict"] as const;
export type ChangeLevel = (typeof changeLevels)[number];

/** VKS-niveaus 1-8 (Vlaamse kwalificatiestructuur). */
export const qualificationLevels = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export type QualificationLevel = (typeof qualificationLevels)[number];
