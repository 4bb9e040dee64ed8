// The judged queries of the relevance test set (ADR 0018): what a teacher types, with graded
// judgments over the corpus (2 = what they are looking for, 1 = useful too; unjudged = not
// relevant). The kind says which gap of plain stemming a query probes.

export interface JudgedQuery {
  query: string;
  kind: "plain" | "plural" | "compound" | "diminutive" | "typo" | "prefix" | "accent" | "phrase";
  judged: Record<string, 1 | 2>;
}

export const queries: JudgedQuery[] = [
  // Plain words and inflections the stemmer should handle
  {
    query: "lassen",
    kind: "plain",
    judged: {
      "las-mig": 2,
      "las-tig": 2,
      "las-veilig": 2,
      "las-ar": 2,
      "las-robot": 1,
      "las-keuring": 1,
      "las-las": 1,
      "did-vr": 1,
    },
  },
  {
    query: "las",
    kind: "plural",
    judged: {
      "las-mig": 2,
      "las-tig": 2,
      "las-veilig": 1,
      "las-ar": 2,
      "las-las": 2,
      "las-keuring": 1,
      "las-robot": 1,
    },
  },
  { query: "leraar", kind: "plural", judged: { "did-coach": 2, "did-duaal": 1 } },
  { query: "leraren coachen", kind: "plural", judged: { "did-coach": 2 } },
  { query: "zonnepaneel", kind: "plural", judged: { "elek-zon": 2, "elek-batterij": 1 } },
  {
    query: "laadpaal elektrische wagen",
    kind: "plain",
    judged: { "elek-laadpaal": 2, "auto-ev": 1 },
  },
  { query: "heftruck", kind: "plain", judged: { "log-heftruck": 2 } },
  {
    query: "magazijn",
    kind: "plain",
    judged: { "log-wms": 2, "log-orderpick": 2, "log-heftruck": 1 },
  },
  { query: "dementie", kind: "plain", judged: { "zorg-dementie": 2 } },
  { query: "brood bakken", kind: "plain", judged: { "voed-brood": 2, "voed-patisserie": 1 } },
  { query: "boekhouding", kind: "plain", judged: { "eco-boekhouding": 2 } },
  { query: "remschijven", kind: "plural", judged: { "auto-remmen": 2 } },
  { query: "fruitboom snoeien", kind: "plural", judged: { "tuin-snoei": 2 } },
  { query: "kapper kleuren", kind: "plural", judged: { "kap-kleuren": 2, "kap-knippen": 1 } },
  {
    query: "veiligheid",
    kind: "plain",
    judged: {
      "las-veilig": 2,
      "bouw-veilig": 2,
      "hout-veilig": 2,
      "log-heftruck": 1,
      "elek-arei": 1,
    },
  },
  { query: "stage portfolio", kind: "plain", judged: { "did-stage": 2 } },
  { query: "allergenen menukaart", kind: "plain", judged: { "voed-allergenen": 2 } },
  {
    query: "programmeren",
    kind: "plain",
    judged: {
      "ict-python": 2,
      "ict-robot": 2,
      "elek-plc": 2,
      "las-robot": 2,
      "metaal-cnc": 1,
      "elek-domotica": 1,
    },
  },
  { query: "isoleren dak", kind: "plural", judged: { "bouw-isolatie": 2, "bouw-dak": 1 } },
  { query: "circulair bouwen", kind: "plain", judged: { "bouw-circulair": 2 } },
  // Compounds: the word written together or apart, or only a part typed
  { query: "lasrobot", kind: "compound", judged: { "las-robot": 2 } },
  { query: "las robot", kind: "compound", judged: { "las-robot": 2 } },
  { query: "robot", kind: "compound", judged: { "ict-robot": 2, "las-robot": 2, "tuin-melk": 1 } },
  { query: "tillift", kind: "plain", judged: { "zorg-tillift": 2 } },
  { query: "til lift", kind: "compound", judged: { "zorg-tillift": 2 } },
  { query: "woonzorgcentrum", kind: "compound", judged: { "zorg-dementie": 2, "zorg-tillift": 1 } },
  { query: "energie opslag", kind: "compound", judged: { "elek-batterij": 2 } },
  { query: "melkrobot", kind: "compound", judged: { "tuin-melk": 2 } },
  { query: "hout bewerking", kind: "compound", judged: { "hout-cnc": 2, "hout-veilig": 2 } },
  {
    query: "voedselveiligheid",
    kind: "compound",
    judged: { "voed-haccp": 2, "voed-allergenen": 1 },
  },
  { query: "lasnaden keuren", kind: "compound", judged: { "las-keuring": 2, "las-mig": 1 } },
  // Diminutives
  { query: "taartje", kind: "diminutive", judged: { "voed-patisserie": 2 } },
  {
    query: "robotjes programmeren",
    kind: "diminutive",
    judged: { "ict-robot": 2, "las-robot": 1 },
  },
  { query: "spelletjes kinderen", kind: "diminutive", judged: { "zorg-kind": 2 } },
  {
    query: "werkblaadjes",
    kind: "diminutive",
    judged: {
      "bouw-tegel": 1,
      "voed-haccp": 1,
      "elek-schakel": 1,
      "zorg-hygiene": 1,
      "hout-afwerking": 1,
      "auto-banden": 1,
      "log-transport": 1,
      "schoon-nagel": 1,
    },
  },
  // Typos
  { query: "heftruk", kind: "typo", judged: { "log-heftruck": 2 } },
  { query: "dementei", kind: "typo", judged: { "zorg-dementie": 2 } },
  { query: "zonnepanneel", kind: "typo", judged: { "elek-zon": 2 } },
  { query: "boekhoudnig", kind: "typo", judged: { "eco-boekhouding": 2 } },
  { query: "carroserie", kind: "typo", judged: { "auto-carrosserie": 2 } },
  { query: "domotika", kind: "typo", judged: { "elek-domotica": 2 } },
  // Prefixes (typing not finished) and accents
  { query: "patis", kind: "prefix", judged: { "voed-patisserie": 2 } },
  { query: "warmtep", kind: "prefix", judged: { "elek-warmtepomp": 2 } },
  {
    query: "hygiene",
    kind: "accent",
    judged: { "zorg-hygiene": 2, "voed-haccp": 1, "kap-baard": 1, "schoon-nagel": 1 },
  },
  { query: "artificiele intelligentie", kind: "accent", judged: { "ict-ai": 2 } },
  { query: "efficient verzamelen", kind: "accent", judged: { "log-orderpick": 2 } },
  // Phrases as people type them
  { query: "hoe werkt een warmtepomp", kind: "phrase", judged: { "elek-warmtepomp": 2 } },
  { query: "veilig werken op hoogte", kind: "phrase", judged: { "bouw-veilig": 2 } },
  { query: "virtual reality lassen", kind: "phrase", judged: { "did-vr": 2, "las-ar": 2 } },
];
