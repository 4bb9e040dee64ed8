// The synonyms of the commons' search (ADR 0026): words that name the same thing in the
// vocabulary of Flemish vocational education: a Flemish and a Netherlands Dutch word
// (`kinesist`/`fysiotherapeut`), the English term teachers use (`truck`, `smartphone`), an
// abbreviation and what it stands for (`PLC`/`programmeerbare sturing`). Applied as query
// expansion: each group is searched as one alternative of the query word or phrase
// (`(gsm | smartphone)`); PGlite has no thesaurus dictionary, so the index is not touched.
//
// Maintenance: a group is added when teachers' queries or materials show the gap, and only for
// words that mean the same thing in a classroom (not related terms: `lassen` is not `solderen`).
// Ambiguous short forms stay out (`cv`: centrale verwarming or curriculum vitae). Each group
// says where its equivalence comes from:
//   vdab  VDAB competentiekaarten and beroepenfiches (Flemish job titles and their synonyms)
//   ond   Onderwijsdoelen (onderwijsdoelen.be) and the study programmes of secondary education
//   vrt   VRT-taalnet / Van Dale's nl-BE and nl-NL labels (Flemish and Netherlands words)
//   en    English term in use in the trade, as in the programme's own curriculum texts
// A term is written as a teacher would type it; several words are a phrase (all must match).

export interface SynonymGroup {
  terms: readonly string[];
  source: "vdab" | "ond" | "vrt" | "en";
}

export const synonymGroups: readonly SynonymGroup[] = [
  // Vehicles, transport and logistics
  { terms: ["vrachtwagen", "truck", "camion", "vrachtauto"], source: "vrt" },
  { terms: ["vrachtwagenchauffeur", "truckchauffeur", "vrachtwagenbestuurder"], source: "vdab" },
  { terms: ["heftruck", "vorkheftruck", "vorklift", "clark"], source: "vdab" },
  { terms: ["auto", "wagen", "personenwagen"], source: "vrt" },
  { terms: ["garagist", "automonteur", "automecanicien", "mecanicien"], source: "vdab" },
  { terms: ["autoband", "pneu"], source: "vrt" },
  { terms: ["bromfiets", "brommer"], source: "vrt" },
  { terms: ["fiets", "velo", "rijwiel"], source: "vrt" },
  { terms: ["magazijn", "opslagplaats", "warehouse"], source: "en" },
  { terms: ["magazijnier", "magazijnmedewerker", "orderpicker"], source: "vdab" },
  { terms: ["elektrische wagen", "elektrische auto", "ev"], source: "en" },
  { terms: ["laadpaal", "laadstation"], source: "vrt" },
  { terms: ["accu", "batterij"], source: "vrt" },
  // Industry, electricity, construction
  {
    terms: ["plc", "programmeerbare sturing", "programmeerbare logische controller"],
    source: "ond",
  },
  { terms: ["cnc", "computergestuurd"], source: "ond" },
  { terms: ["frezen", "freesmachine", "freesbank"], source: "ond" },
  { terms: ["draaibank", "draaimachine"], source: "ond" },
  {
    terms: ["3d-printen", "3d-printer", "additive manufacturing", "additieve productie"],
    source: "en",
  },
  { terms: ["kraanmachinist", "kraanman", "kraanbestuurder"], source: "vdab" },
  { terms: ["elektricien", "elektrotechnicus", "installateur elektriciteit"], source: "vdab" },
  { terms: ["stopcontact", "contactdoos"], source: "vrt" },
  { terms: ["zekering", "smeltveiligheid"], source: "vrt" },
  { terms: ["zonnepaneel", "pv-paneel", "fotovoltaisch", "solar panel"], source: "en" },
  { terms: ["domotica", "huisautomatisering", "smart home"], source: "en" },
  { terms: ["airco", "airconditioning", "klimaatregeling"], source: "vrt" },
  { terms: ["loodgieter", "sanitair installateur"], source: "vdab" },
  { terms: ["gyproc", "gipsplaat", "gipskarton"], source: "vrt" },
  { terms: ["chape", "dekvloer"], source: "vrt" },
  { terms: ["dakwerker", "dakdekker"], source: "vdab" },
  { terms: ["schrijnwerker", "timmerman", "meubelmaker"], source: "vdab" },
  { terms: ["vloerder", "tegelzetter"], source: "vdab" },
  { terms: ["pbm", "persoonlijke beschermingsmiddelen"], source: "ond" },
  { terms: ["veiligheidsbril", "beschermbril"], source: "vrt" },
  { terms: ["lasser", "lastechnicus"], source: "vdab" },
  // ICT and office
  { terms: ["gsm", "smartphone", "mobiele telefoon", "mobieltje"], source: "vrt" },
  { terms: ["laptop", "notebook", "draagbare computer"], source: "en" },
  { terms: ["computer", "pc"], source: "en" },
  { terms: ["app", "applicatie"], source: "en" },
  { terms: ["programmeren", "coderen", "coding"], source: "en" },
  { terms: ["website", "webpagina", "webstek"], source: "vrt" },
  { terms: ["rekenblad", "spreadsheet", "excel"], source: "vrt" },
  { terms: ["digibord", "smartboard", "interactief bord"], source: "vrt" },
  { terms: ["wifi", "draadloos netwerk"], source: "en" },
  { terms: ["cyberveiligheid", "cybersecurity", "informatiebeveiliging"], source: "en" },
  { terms: ["boekhouden", "boekhouding", "accounting"], source: "en" },
  { terms: ["verkoop", "sales", "retail"], source: "en" },
  { terms: ["kassa", "kassasysteem", "afrekenen"], source: "vrt" },
  { terms: ["onthaal", "receptie", "front office"], source: "vrt" },
  { terms: ["bureau", "kantoor"], source: "vrt" },
  { terms: ["sollicitatie", "solliciteren", "jobinterview"], source: "vdab" },
  { terms: ["job", "baan"], source: "vrt" },
  // Care, welfare, beauty
  { terms: ["kinesist", "kinesitherapeut", "fysiotherapeut"], source: "vrt" },
  { terms: ["verpleegkundige", "verpleger", "verpleegster"], source: "vdab" },
  { terms: ["zorgkundige", "verzorgende", "verzorger"], source: "vdab" },
  { terms: ["woonzorgcentrum", "rusthuis", "verzorgingstehuis", "bejaardentehuis"], source: "vrt" },
  { terms: ["oudere", "bejaarde", "senior"], source: "vrt" },
  { terms: ["kinderopvang", "kinderdagverblijf", "creche", "kribbe"], source: "vrt" },
  { terms: ["kleuter", "peuter"], source: "vrt" },
  { terms: ["ehbo", "eerste hulp", "reanimatie"], source: "ond" },
  { terms: ["tillift", "patientenlift"], source: "vrt" },
  { terms: ["transfer", "verplaatsing"], source: "ond" },
  { terms: ["dementie", "alzheimer"], source: "ond" },
  { terms: ["ambulancier", "ambulancebroeder", "ambulanceverpleegkundige"], source: "vrt" },
  { terms: ["huisarts", "dokter", "geneesheer"], source: "vrt" },
  { terms: ["kapper", "haarstylist", "haarzorg"], source: "vdab" },
  { terms: ["schoonheidsspecialist", "esthetisch verzorger", "schoonheidszorg"], source: "vdab" },
  { terms: ["poetsen", "schoonmaken", "reinigen"], source: "vrt" },
  { terms: ["schoonmaak", "poets", "reiniging"], source: "vrt" },
  // Food, hospitality, agriculture
  { terms: ["horeca", "hospitality", "hotelschool"], source: "en" },
  { terms: ["kok", "chef", "chef-kok"], source: "vdab" },
  { terms: ["kelner", "ober", "zaalmedewerker"], source: "vdab" },
  { terms: ["beenhouwer", "slager"], source: "vrt" },
  { terms: ["patissier", "banketbakker"], source: "vrt" },
  { terms: ["frituur", "friteuse", "frietketel"], source: "vrt" },
  { terms: ["koelkast", "frigo", "ijskast"], source: "vrt" },
  { terms: ["diepvries", "vriezer"], source: "vrt" },
  { terms: ["microgolfoven", "magnetron"], source: "vrt" },
  { terms: ["confituur", "jam"], source: "vrt" },
  { terms: ["hesp", "ham"], source: "vrt" },
  { terms: ["haccp", "voedselveiligheid"], source: "ond" },
  { terms: ["serre", "kas", "broeikas"], source: "vrt" },
  { terms: ["tractor", "trekker"], source: "vrt" },
  { terms: ["hovenier", "tuinaannemer", "groenvoorziener"], source: "vdab" },
  { terms: ["tuinaanleg", "groenaanleg", "groenvoorziening"], source: "vdab" },
  { terms: ["bloemist", "florist", "bloembinder"], source: "vdab" },
  // School itself
  { terms: ["leerkracht", "leraar", "docent", "onderwijzer"], source: "vrt" },
  { terms: ["leerling", "scholier"], source: "vrt" },
  { terms: ["stage", "werkplekleren", "duaal leren"], source: "ond" },
  { terms: ["toets", "examen"], source: "ond" },
  { terms: ["werkblad", "werkfiche", "opdrachtblad"], source: "vrt" },
];
