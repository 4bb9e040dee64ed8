import { mulberry32 } from "../directory/demo-world";
import type { Finality } from "../directory/model";
import { type DemoTopic, demoTopics } from "./demo-commons-topics";
import type { DemoFileKind, DocumentText } from "./demo-files";
import type { MaterialFields } from "./material-builders";
import type { Licence, Maturity, ResourceType, VersionState } from "./model";

// The demo commons as data: about 150 learning materials across every study domain, finaliteit
// and transition area, each with one or two real files, several with later versions, relations,
// replication reports, some withdrawn, and versions waiting in every moderation state, so that a
// visitor has something to search and the demo moderator a queue. Pure and deterministic (a
// fixed seed and fixed dates); demo-materials.ts writes it through the use cases.

export const demoCommonsSeed = 0x00c0_4401;
/** The first demo publication; the rest follow over a little more than a school year. */
export const demoCommonsStart = Date.UTC(2025, 8, 1, 8, 0, 0);
const day = 86_400_000;

/** Who writes a material: two teachers' accounts of the first school, one of the second. */
export type DemoAuthor = "coordinator" | "leraar" | "coordinator2";

export interface DemoFile {
  kind: DemoFileKind;
  name: string;
  text: DocumentText;
}

/** What becomes of a material after it is written. */
export type DemoLifecycle =
  | { kind: "published" }
  /** A second version, published, or waiting in a state; or published and then withdrawn. */
  | { kind: "nextVersion"; state: VersionState }
  /** Never published: the first version waits in a state. */
  | { kind: "waiting"; state: Exclude<VersionState, "published" | "withdrawn"> }
  /** Published, then the whole material withdrawn. */
  | { kind: "withdrawn" };

export interface DemoMaterial {
  key: string;
  author: DemoAuthor;
  /** The form's fields except authors, which get the school's name when seeded. */
  fields: MaterialFields;
  authorNames: string[];
  files: DemoFile[];
  /** When the first version is written; it is submitted a day later and published two after. */
  writtenAt: Date;
  lifecycle: DemoLifecycle;
  /** For a next version: its title and what changed. */
  next?: { title: string; changeNote: string; at: Date };
  /** Whether a search word lives only in the files (the topic's passage). */
  fileOnly?: string;
}

export interface DemoRelation {
  from: string;
  kind: "isPartOf" | "isBasedOn" | "references";
  to: string;
}

export interface DemoReplication {
  material: string;
  /** The reporting school: the other school than the material's. */
  reporter: "coordinator" | "coordinator2";
  pupils: number;
  teachers: number;
  experience: string;
  decision: "publish" | "reject" | null;
}

export interface DemoCommons {
  materials: DemoMaterial[];
  relations: DemoRelation[];
  replications: DemoReplication[];
}

/** The five materials the demo had first; kept as they were (the journeys search for them). */
const firstMaterials: Array<MaterialFields & { inFile: string }> = [
  {
    title: "Veilig lassen met een lasrobot",
    description:
      "Een lessenreeks voor de derde graad: leerlingen programmeren een lasrobot, controleren de lasnaden en werken veilig in de lascel.",
    keywords: "lassen, lasrobot, robotica, veiligheid",
    studyDomains: ["2"],
    finalities: ["A"],
    grades: ["3"],
    transitionAreas: ["3"],
    resourceTypes: ["courseModule"],
    inFile: "Het lichtscherm rond de lascel stopt de robotarm zodra iemand de cel binnenstapt.",
  },
  {
    title: "Tilliften en ergonomie in de ouderenzorg",
    description:
      "Werkbladen en video's over het veilig verplaatsen van zorgvragers met een tillift, getest in een woonzorgcentrum.",
    keywords: "zorg, tillift, ergonomie, verzorgende",
    studyDomains: ["6"],
    finalities: ["A"],
    grades: ["3", "7"],
    transitionAreas: ["5"],
    resourceTypes: ["worksheet", "video"],
    inFile: "Controleer voor elke transfer of de tilband de juiste maat heeft voor de bewoner.",
  },
  {
    title: "Zonnepanelen plaatsen en keuren",
    description:
      "Een project waarin leerlingen elektriciteit een pv-installatie ontwerpen, plaatsen en laten keuren volgens het AREI.",
    keywords: "elektriciteit, zonnepanelen, AREI, energie",
    studyDomains: ["2"],
    finalities: ["A", "DU"],
    grades: ["2", "3"],
    transitionAreas: ["7"],
    resourceTypes: ["project"],
    inFile: "Meet de isolatieweerstand van de strings voor je de omvormer aansluit.",
  },
  {
    title: "Duurzaam koken met seizoensgroenten",
    description:
      "Lesvoorbereidingen voor de keuken: menu's met groenten van het seizoen, minder voedselverlies en een eerlijke kostprijs.",
    keywords: "voeding, koken, duurzaamheid, voedselverlies",
    studyDomains: ["8"],
    finalities: ["A"],
    grades: ["2"],
    transitionAreas: ["1"],
    resourceTypes: ["lessonPlan"],
    inFile: "Van de schillen en stelen maak je een bouillon voor de soep van morgen.",
  },
  {
    title: "Heftruckbesturing in het magazijn",
    description:
      "Een simulatie en evaluatie voor logistiek: veilig rijden met een heftruck, laden en lossen, het magazijnbeheer.",
    keywords: "logistiek, heftruck, magazijn",
    studyDomains: ["5"],
    finalities: ["A"],
    grades: ["3"],
    transitionAreas: ["6"],
    resourceTypes: ["simulation", "assessment"],
    inFile: "Rij met de vorken laag en kantel de mast achterover zodra de pallet erop staat.",
  },
];

/** The kinds of material made from a topic besides the topic's own course. */
const variants = [
  {
    key: "werkbundel",
    title: (s: string) => `Werkbundel: ${lowerFirst(s)}`,
    intro: "Een werkbundel met oefeningen van oplopende moeilijkheid en een verbetersleutel.",
    types: ["worksheet"],
    relation: "isPartOf",
  },
  {
    key: "evaluatie",
    title: (s: string) => `Evaluatie en rubric: ${lowerFirst(s)}`,
    intro:
      "Een evaluatie met een rubric voor de praktijkproef en een zelfevaluatie voor de leerling.",
    types: ["assessment"],
    relation: "references",
  },
  {
    key: "filmpjes",
    title: (s: string) => `Instructiefilmpjes: ${lowerFirst(s)}`,
    intro: "Korte instructiefilmpjes met ondertitels, om thuis of in de werkplaats te herbekijken.",
    types: ["video"],
    relation: "isPartOf",
  },
  {
    key: "praktijk",
    title: (s: string) => `${s} in de praktijk`,
    intro: "Een praktijkopdracht in samenwerking met een bedrijf uit de regio, met een stageluik.",
    types: ["project"],
    relation: "isBasedOn",
  },
  {
    key: "presentatie",
    title: (s: string) => `Presentatie: ${lowerFirst(s)}`,
    intro: "Een presentatie om de theorie klassikaal op te bouwen, met vragen tussendoor.",
    types: ["presentation"],
    relation: "references",
  },
  {
    key: "duaal",
    title: (s: string) => `${s} voor duaal leren`,
    intro:
      "Een leertraject voor duaal leren: wat de leerling op school leert en wat op de werkplek.",
    types: ["courseModule"],
    relation: "isBasedOn",
  },
] as const;

/** Names of languages keep their capital in Dutch. */
const properWords = /^(Frans|Engels|Engelse|Nederlands|Python)\b/;

/** A subject after a prefix: "Werkbundel: patisserie – taarten en mousses". */
function lowerFirst(text: string): string {
  const inner = text.replace(": ", " – ");
  // "MIG/MAG-lassen" and "PLC-programmeren" keep their capitals, and so do languages.
  const [first = "", second = ""] = inner;
  if (properWords.test(inner) || second !== second.toLowerCase()) return inner;
  return first.toLowerCase() + inner.slice(1);
}

export function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
}

const people = [
  "An Peeters",
  "Bram De Smet",
  "Chris Claes",
  "Dirk Oefenaere",
  "Els Janssens",
  "Fien Maes",
  "Geert Jacobs",
  "Hanne Willems",
  "Ine Mertens",
  "Jonas Wouters",
  "Karen Goossens",
  "Lotte Dubois",
  "Mehmet Yilmaz",
  "Nora El Amrani",
  "Pieter Vermeulen",
  "Sofie Van Damme",
  "Tom Lambrechts",
  "Wim Desmet",
  "Yasmina Bakkali",
  "Zeger Hermans",
];

const gradeWords: Record<string, string> = {
  "1": "de eerste graad",
  "2": "de tweede graad",
  "3": "de derde graad",
  "7": "het zevende jaar (Se-n-Se)",
};

const evidence = [
  "Getest in twee klassen; de leerlingen gaven het een gemiddelde van 4 op 5.",
  "Een schooljaar lang gebruikt in de werkplaats, met de feedback van de stagementoren verwerkt.",
  "Uitgeprobeerd tijdens een projectweek met drie klassen en twee leraren.",
  "Gebruikt in het duaal traject; de mentoren op de werkplek vulden de rubric mee in.",
];

const experiences = [
  "Onze leerlingen werkten zelfstandiger dan verwacht; we voegden een extra oefening toe.",
  "Werkte goed in een klas met veel anderstalige leerlingen dankzij de pictogrammen.",
  "We gebruikten het in een halve dag in plaats van twee lesuren: dat gaf meer rust.",
  "De leerlingen maakten minder fouten bij de praktijkproef dan vorig jaar.",
  "Samen met het bedrijf uit de buurt gegeven; de mentoren waren enthousiast.",
  "Het materiaal was te moeilijk voor de tweede graad; in de derde graad werkte het goed.",
];

/** The appendix some materials have besides their main file. */
const appendixText: DocumentText = {
  title: "Bijlage: materiaallijst en planning",
  paragraphs: [
    "Materiaallijst, een planning per lesweek en de contactgegevens van het partnerbedrijf.",
    "Kopieer de werkbladen dubbelzijdig; de oplossingen staan achteraan.",
  ],
};

/** Plain lesson text around a topic, for the files (never the word the topic's passage has). */
function fileText(
  title: string,
  topic: DemoTopic,
  intro: string,
  withPassage: boolean,
): DocumentText {
  const grades = topic.grades.map((g) => gradeWords[g]).join(" en ");
  return {
    title,
    paragraphs: [
      `${intro} ${topic.about}`,
      `Doelgroep: leerlingen van ${grades}. Lesduur en opbouw staan per les beschreven.`,
      ...(withPassage ? [topic.inFile] : []),
      "Werkwijze: de leraar toont de opdracht, de leerlingen werken in duo's en bespreken hun resultaat met de klas.",
      "Evaluatie: de leerling vult na elke les het observatieformulier in; de leraar geeft feedback op de procesdoelen.",
    ],
  };
}

/** The demo commons for a seed: the same seed, the same commons. */
export function generateDemoCommons(seed: number = demoCommonsSeed): DemoCommons {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const weighted = <T>(pairs: Array<[T, number]>): T => {
    let r = random() * pairs.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, weight] of pairs) {
      r -= weight;
      if (r < 0) return value;
    }
    return pairs[0]?.[0] as T;
  };
  const shuffled = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  };

  const licence = (): Licence =>
    weighted<Licence>([
      ["CC-BY-SA-4.0", 40],
      ["CC-BY-4.0", 30],
      ["CC-BY-NC-SA-4.0", 15],
      ["CC0-1.0", 10],
      ["all-rights-reserved", 5],
    ]);
  const maturity = (): Maturity =>
    weighted<Maturity>([
      ["prototype", 25],
      ["testedInClass", 55],
      ["replicated", 20],
    ]);
  const educationForms = (finalities: readonly Finality[]) => {
    const forms = new Set<string>();
    if (finalities.includes("A")) forms.add(random() < 0.5 ? "bso" : "tso").add("dbso");
    if (finalities.includes("DU")) forms.add("tso");
    if (finalities.includes("DO")) forms.add("aso").add("tso");
    if (random() < 0.08) forms.add("buso");
    return [...forms].sort();
  };
  const fileKind = (types: readonly ResourceType[]): DemoFileKind =>
    types.includes("presentation")
      ? "pptx"
      : weighted<DemoFileKind>([
          // PDFs take the longest to make (pdfkit subsets the font for each): a quarter.
          ["pdf", 25],
          ["docx", 40],
          ["odt", 20],
          ["pptx", 15],
        ]);
  const fileName = (title: string, kind: DemoFileKind) => `${slug(title)}.${kind}`;

  // Every topic gives its course and one variant; 19 give a second variant: 5 + 63 × 2 + 19 = 150.
  const extra = new Set(shuffled(demoTopics.map((_, i) => i)).slice(0, 19));
  interface Draft {
    key: string;
    topic: DemoTopic | null;
    fields: MaterialFields;
    intro: string;
    base: string | null;
    relation: DemoRelation["kind"] | null;
    inFile: string | null;
  }
  const drafts: Draft[] = firstMaterials.map(({ inFile, ...fields }, i) => ({
    key: `eerste-${i + 1}`,
    topic: null,
    fields,
    intro: "Lesmateriaal uit de eerste reeks van de bibliotheek.",
    base: null,
    relation: null,
    inFile,
  }));
  for (const [i, topic] of demoTopics.entries()) {
    const common = {
      keywords: topic.keywords.join(", "),
      studyDomains: [topic.domain],
      finalities: topic.finalities,
      grades: topic.grades,
      transitionAreas: topic.transitionAreas,
    };
    const baseKey = `${slug(topic.subject)}`;
    drafts.push({
      key: baseKey,
      topic,
      fields: {
        ...common,
        title: topic.subject,
        description: `${topic.about} Voor ${topic.grades.map((g) => gradeWords[g]).join(" en ")}.`,
        resourceTypes: topic.resourceTypes,
      },
      intro: "Een lessenreeks met lesfiches, theorie en opdrachten.",
      base: null,
      relation: null,
      inFile: topic.inFile,
    });
    for (const variant of shuffled(variants).slice(0, extra.has(i) ? 2 : 1)) {
      const title = variant.title(topic.subject);
      drafts.push({
        key: `${baseKey}-${variant.key}`,
        topic,
        fields: {
          ...common,
          title,
          description: `${variant.intro} ${topic.about}`,
          resourceTypes: [...variant.types],
        },
        intro: variant.intro,
        base: baseKey,
        relation: variant.relation,
        inFile: null,
      });
    }
  }

  // Lifecycles: most are published; the others are handed out over a shuffled order.
  const plan: DemoLifecycle[] = [
    ...Array.from({ length: 12 }, () => ({ kind: "nextVersion", state: "published" }) as const),
    ...(
      [
        "submitted",
        "submitted",
        "inReview",
        "inReview",
        "changesRequested",
        "draft",
        "draft",
      ] as const
    ).map((state) => ({ kind: "nextVersion", state }) as const),
    { kind: "nextVersion", state: "withdrawn" },
    { kind: "nextVersion", state: "withdrawn" },
    ...(
      [
        "submitted",
        "submitted",
        "submitted",
        "submitted",
        "inReview",
        "inReview",
        "inReview",
        "changesRequested",
        "changesRequested",
        "changesRequested",
        "draft",
        "draft",
        "draft",
      ] as const
    ).map((state) => ({ kind: "waiting", state }) as const),
    ...Array.from({ length: 5 }, () => ({ kind: "withdrawn" }) as const),
  ];
  // The first five stay published as they were; the lifecycles go to the others.
  const order = shuffled(drafts.slice(firstMaterials.length).map((d) => d.key));
  const lifecycleOf = new Map<string, DemoLifecycle>(
    plan.map((lifecycle, i) => [order[i] as string, lifecycle]),
  );

  const materials: DemoMaterial[] = drafts.map((draft, i) => {
    const author: DemoAuthor = weighted<DemoAuthor>([
      ["coordinator", 40],
      ["leraar", 25],
      ["coordinator2", 35],
    ]);
    const declared = maturity();
    const types = (draft.fields.resourceTypes ?? []) as ResourceType[];
    const kind = fileKind(types);
    const files: DemoFile[] = [
      {
        kind,
        name: fileName(String(draft.fields.title), kind),
        text: draft.topic
          ? fileText(String(draft.fields.title), draft.topic, draft.intro, draft.inFile !== null)
          : {
              title: String(draft.fields.title),
              paragraphs: [String(draft.fields.description), draft.inFile ?? ""],
            },
      },
    ];
    if (random() < 0.2 && draft.topic) {
      const second = kind === "pdf" ? "docx" : "pdf";
      files.push({
        kind: second,
        name: `${slug(String(draft.fields.title))}-bijlage.${second}`,
        // The same appendix for every material: made once, stored under each material.
        text: appendixText,
      });
    }
    const lifecycle = lifecycleOf.get(draft.key) ?? { kind: "published" };
    const writtenAt = new Date(
      demoCommonsStart + i * 2.4 * day + Math.floor(random() * 8) * 3_600_000,
    );
    const video = types.includes("video");
    return {
      key: draft.key,
      author,
      fields: {
        ...draft.fields,
        licence: licence(),
        links: `https://voorbeeld.be/leermateriaal/${slug(String(draft.fields.title))} Meer uitleg`,
        educationForms: educationForms((draft.fields.finalities ?? []) as Finality[]),
        audiences:
          types.includes("lessonPlan") && random() < 0.5 ? ["teachers"] : ["pupils", "teachers"],
        accessibilityFeatures: video
          ? ["captions", "transcript"]
          : random() < 0.5
            ? ["alternativeText", "structuralNavigation"]
            : [],
        timeRequiredMinutes: String(pick([50, 100, 150, 200, 300, 400])),
        maturity: declared,
        maturityEvidence: declared === "prototype" ? "" : pick(evidence),
      },
      authorNames: shuffled(people).slice(0, random() < 0.6 ? 1 : 2),
      files,
      writtenAt,
      lifecycle,
      next:
        lifecycle.kind === "nextVersion"
          ? {
              title: `${draft.fields.title} (herwerkt)`,
              changeNote:
                "Herwerkt na de feedback van de leerlingen: duidelijkere stappen en een extra oefening.",
              at: new Date(writtenAt.getTime() + (40 + Math.floor(random() * 30)) * day),
            }
          : undefined,
      fileOnly: draft.inFile ?? undefined,
    };
  });

  // Relations: a variant to its topic's course, when both stay public, for every other topic.
  const publicKeys = new Set(
    materials
      .filter(
        (m) =>
          m.lifecycle.kind === "published" ||
          (m.lifecycle.kind === "nextVersion" && m.lifecycle.state !== "withdrawn"),
      )
      .map((m) => m.key),
  );
  const relations: DemoRelation[] = [];
  for (const draft of drafts)
    if (draft.base && draft.relation && publicKeys.has(draft.key) && publicKeys.has(draft.base))
      if (random() < 0.45)
        relations.push({ from: draft.key, kind: draft.relation, to: draft.base });

  // Replication reports by the other school: most published, two rejected, some waiting.
  const reportable = shuffled(materials.filter((m) => publicKeys.has(m.key))).slice(0, 22);
  const replications: DemoReplication[] = reportable.map((m, i) => ({
    material: m.key,
    reporter: m.author === "coordinator2" ? "coordinator" : "coordinator2",
    pupils: 8 + Math.floor(random() * 40),
    teachers: 1 + Math.floor(random() * 3),
    experience: pick(experiences),
    decision: i < 15 ? "publish" : i < 17 ? "reject" : null,
  }));
  return { materials, relations, replications };
}
