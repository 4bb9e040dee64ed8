import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  buildReferenceData,
  centroidOf,
  decodeArcs,
  defaultSharedDataDir,
  stitchRing,
} from "../../scripts/reference/build-reference-data";
import { finalities, provinces as provinceCodes, stages, studyDomains } from "./model";
import { postalCodes } from "./postal-codes";
import {
  findMunicipality,
  findStudyProgramme,
  municipalities,
  municipalitiesValidOn,
  provinces,
  resolveMunicipality,
  studyProgrammes,
} from "./reference-data";

const countBy = <T>(rows: readonly T[], key: (row: T) => string) => {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[key(row)] = (counts[key(row)] ?? 0) + 1;
  return counts;
};

// The source data lives beside the repository (../shared/data) in the workplace, not in a clone
// elsewhere: without it there is nothing to compare with. CI must have it, so there a missing
// folder fails the test; elsewhere the test is skipped with a note that says why.
describe("shipped files", () => {
  it("are exactly what the build script makes of ../shared/data", (ctx) => {
    if (!existsSync(defaultSharedDataDir)) {
      const why = `the source data ${defaultSharedDataDir} is missing, so the shipped reference files cannot be compared with it`;
      if (process.env.CI) throw new Error(`${why} (CI must provide it)`);
      return ctx.skip(`skipped: ${why}`);
    }
    // Fails when someone edits a JSON file by hand or changes the script without regenerating.
    const built = buildReferenceData();
    expect(municipalities).toEqual(built.municipalities);
    expect(provinces).toEqual(built.provinces);
    expect(studyProgrammes).toEqual(built.studyProgrammes);
    expect(postalCodes).toEqual(built.postalCodes);
  });
});

describe("municipalities", () => {
  it("has one row per NIS code", () => {
    expect(new Set(municipalities.map((m) => m.nis)).size).toBe(municipalities.length);
  });

  it("holds 300 Flemish + 19 Brussels municipalities before the 2025 mergers", () => {
    const before = municipalitiesValidOn("2024-12-31");
    expect(before).toHaveLength(319);
    expect(countBy(before, (m) => (m.provinceCode === "BRU" ? "BRU" : "FL"))).toEqual({
      FL: 300,
      BRU: 19,
    });
    expect(countBy(before, (m) => m.provinceCode)).toEqual({
      ANT: 69,
      VBR: 65,
      WVL: 64,
      OVL: 60,
      LIM: 42,
      BRU: 19,
    });
  });

  it("holds exactly 285 Flemish + 19 Brussels municipalities from 1 January 2025", () => {
    const after = municipalitiesValidOn("2025-01-01");
    expect(countBy(after, (m) => (m.provinceCode === "BRU" ? "BRU" : "FL"))).toEqual({
      FL: 285,
      BRU: 19,
    });
    expect(municipalitiesValidOn("2030-06-30")).toEqual(after);
  });

  it("gives every ended municipality a successor that exists from 2025", () => {
    const ended = municipalities.filter((m) => m.validTo !== null);
    expect(ended).toHaveLength(27);
    for (const m of ended) {
      expect(m.validTo).toBe("2024-12-31");
      const successor = findMunicipality(m.successorNis ?? "");
      expect(successor?.validTo).toBeNull();
      expect(successor && successor.validFrom <= "2025-01-01").toBe(true);
    }
  });

  it("adds the merged municipalities with summed population, in the province of their new code", () => {
    const pajottegem = findMunicipality("23106");
    expect(pajottegem).toMatchObject({ nameNl: "Pajottegem", provinceCode: "VBR" });
    expect(pajottegem?.validFrom).toBe("2025-01-01");
    const members = ["23023", "23024", "23032"].map((nis) => findMunicipality(nis));
    expect(pajottegem?.population).toBe(members.reduce((s, m) => s + (m?.population ?? 0), 0));

    expect(findMunicipality("11056")).toMatchObject({ provinceCode: "ANT", successorNis: "46030" });
    expect(findMunicipality("46030")).toMatchObject({
      nameNl: "Beveren-Kruibeke-Zwijndrecht",
      provinceCode: "OVL",
      arrondissementNis: "46000",
    });

    const antwerpen = findMunicipality("11002");
    expect(antwerpen).toMatchObject({ validFrom: "1900-01-01", validTo: null });
    expect(antwerpen?.population).toBe(529247 + 10949); // Antwerpen + Borsbeek (1 Jan 2020)
  });

  it("places every centroid inside Flanders/Brussels, and each new one between its members", () => {
    for (const m of municipalities) {
      expect(m.latitude).toBeGreaterThan(50.67);
      expect(m.latitude).toBeLessThan(51.51);
      expect(m.longitude).toBeGreaterThan(2.54);
      expect(m.longitude).toBeLessThan(5.92);
    }
    const melle = findMunicipality("44040");
    const merelbeke = findMunicipality("44043");
    const merged = findMunicipality("44088");
    if (!melle || !merelbeke || !merged) throw new Error("missing Merelbeke-Melle");
    expect(merged.latitude).toBeGreaterThanOrEqual(Math.min(melle.latitude, merelbeke.latitude));
    expect(merged.latitude).toBeLessThanOrEqual(Math.max(melle.latitude, merelbeke.latitude));
  });

  it("names Brussels municipalities in French too, and only those", () => {
    expect(findMunicipality("21009")).toMatchObject({ nameNl: "Elsene", nameFr: "Ixelles" });
    expect(municipalities.filter((m) => m.nameFr !== null)).toHaveLength(19);
  });

  it("uses the six province codes of the model", () => {
    expect(provinces.map((p) => p.code).sort()).toEqual([...provinceCodes].sort());
    expect(provinces.find((p) => p.code === "BRU")).toMatchObject({
      nis: "04000",
      nuts: "BE10",
      rtcRegion: "VBR",
    });
  });
});

describe("resolveMunicipality", () => {
  it("follows a merger after 1 January 2025 and not before", () => {
    expect(resolveMunicipality("11007", "2025-06-01")?.nis).toBe("11002");
    expect(resolveMunicipality("11007", "2024-06-01")?.nameNl).toBe("Borsbeek");
    expect(resolveMunicipality("44040", "2025-01-01")?.nameNl).toBe("Merelbeke-Melle");
    expect(resolveMunicipality("44040", "2024-12-31")?.nameNl).toBe("Melle");
    expect(resolveMunicipality("11056", "2025-03-01")).toMatchObject({
      nis: "46030",
      provinceCode: "OVL",
    });
  });

  it("returns ordinary municipalities on any date", () => {
    expect(resolveMunicipality("44021", "2001-09-01")?.nameNl).toBe("Gent");
    expect(resolveMunicipality("44021", "2030-09-01")?.nameNl).toBe("Gent");
    expect(resolveMunicipality("11002", "2025-06-01")?.nameNl).toBe("Antwerpen");
  });

  it("returns nothing for unknown codes and for a municipality that did not exist yet", () => {
    expect(resolveMunicipality("99999", "2025-01-01")).toBeUndefined();
    expect(resolveMunicipality("52011", "2025-01-01")).toBeUndefined(); // Charleroi, not served
    expect(resolveMunicipality("23106", "2024-06-01")).toBeUndefined();
    expect(resolveMunicipality("23106", "2025-06-01")?.nameNl).toBe("Pajottegem");
  });

  it("reads a Date as the calendar day in Belgium", () => {
    // 23:30 UTC on 31 December 2024 is already 1 January 2025 in Brussels.
    expect(resolveMunicipality("11007", new Date("2024-12-31T23:30:00Z"))?.nis).toBe("11002");
    expect(resolveMunicipality("11007", new Date("2024-12-31T22:30:00Z"))?.nis).toBe("11007");
  });
});

describe("study programmes", () => {
  it("keeps all 577 catalogue entries with a unique (code, stage) key", () => {
    expect(studyProgrammes).toHaveLength(577);
    const keys = new Set(studyProgrammes.map((p) => `${p.code}|${p.stage}`));
    expect(keys.size).toBe(577);
    expect(new Set(studyProgrammes.map((p) => p.code)).size).toBe(538);
  });

  it("uses the model's enumerations", () => {
    for (const p of studyProgrammes) {
      expect(stages).toContain(p.stage);
      if (p.finality !== null) expect(finalities).toContain(p.finality);
      if (p.domain !== null) expect(studyDomains).toContain(p.domain);
      expect(p.domain === null || p.domainOther === null).toBe(true);
      expect(p.educationForms.length).toBeGreaterThan(0);
    }
  });

  it("matches the counts measured in the catalogue's README", () => {
    expect(countBy(studyProgrammes, (p) => String(p.finality))).toEqual({
      A: 218,
      null: 212,
      DU: 88,
      DO: 59,
    });
    expect(countBy(studyProgrammes, (p) => String(p.domain ?? `other:${p.domainOther}`))).toEqual({
      "1": 9,
      "2": 235,
      "3": 41,
      "4": 50,
      "5": 41,
      "6": 52,
      "7": 11,
      "8": 57,
      "other:9": 31,
      "other:10": 40,
      "other:null": 10,
    });
    expect(countBy(studyProgrammes, (p) => p.stage)).toEqual({
      "1": 46,
      "2": 117,
      "3": 339,
      none: 71,
      hbo: 2,
      other: 1,
      okan: 1,
    });
  });

  it("finds a programme that exists in two stages by its key", () => {
    expect(findStudyProgramme("1271", "2")?.name).toBe("Bedrijfswetenschappen");
    expect(findStudyProgramme("1271", "3")?.name).toBe("Bedrijfswetenschappen");
    expect(findStudyProgramme("1432", "3")).toMatchObject({
      name: "Afwerking bouw",
      finality: "A",
      domain: "2",
      educationForms: ["bso"],
    });
    const ov3 = studyProgrammes.find((p) => p.code.startsWith("OV3-"));
    expect(ov3).toMatchObject({ stage: "none", educationForms: ["buso"] });
  });
});

describe("TopoJSON decoding", () => {
  // A 4x4 square with a 2x2 hole in its lower-left quarter, quantised with scale 0.5.
  const topology = {
    transform: { scale: [0.5, 0.5] as [number, number], translate: [10, 50] as [number, number] },
    arcs: [
      // outer ring split in two arcs, delta-encoded: (0,0) (8,0) (8,8), then (8,8) (0,8) (0,0)
      [
        [0, 0],
        [8, 0],
        [0, 8],
      ],
      [
        [8, 8],
        [-8, 0],
        [0, -8],
      ],
      // hole (0,0)-(4,4) in quantised units: (0,0) (0,4) (4,4) (4,0) (0,0)
      [
        [0, 0],
        [0, 4],
        [4, 0],
        [0, -4],
        [-4, 0],
      ],
    ] as [number, number][][],
    objects: {},
  };

  it("decodes delta-encoded arcs through the transform and stitches reversed arcs", () => {
    const arcs = decodeArcs(topology);
    expect(arcs[0]).toEqual([
      [10, 50],
      [14, 50],
      [14, 54],
    ]);
    expect(stitchRing([0, 1], arcs)).toEqual([
      [10, 50],
      [14, 50],
      [14, 54],
      [10, 54],
      [10, 50],
    ]);
    expect(stitchRing([~0], arcs)).toEqual([
      [14, 54],
      [14, 50],
      [10, 50],
    ]);
  });

  it("computes the area-weighted centroid, holes subtracted", () => {
    const arcs = decodeArcs(topology);
    const outer = stitchRing([0, 1], arcs);
    expect(centroidOf([[outer]])).toEqual({ longitude: 12, latitude: 52 });
    // Square area 16 centred (12,52) minus hole area 4 centred (11,51): (16*12 - 4*11) / 12.
    const withHole = centroidOf([[outer, stitchRing([2], arcs)]]);
    expect(withHole.longitude).toBeCloseTo(37 / 3);
    expect(withHole.latitude).toBeCloseTo(157 / 3);
  });

  it("falls back to the bounding-box centre for a degenerate shape", () => {
    expect(
      centroidOf([
        [
          [
            [0, 0],
            [2, 2],
            [0, 0],
          ],
        ],
      ]),
    ).toEqual({ longitude: 1, latitude: 1 });
  });
});
