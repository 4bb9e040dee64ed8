import { beforeAll, describe, expect, it } from "vitest";
import { roles } from "../identity/roles";
import { generateDemoCommons } from "../library/demo-commons";
import {
  type DemoWorld,
  demoAccounts,
  demoEmailDomain,
  demoReferenceDate,
  demoRefs,
  demoSchoolCount,
  demoSiteCountsByProvince,
  generateDemoWorld,
  legacyDemoSiteNis,
  mulberry32,
} from "./demo-world";
import { isValidEnterpriseNumber } from "./enterprise-number";
import {
  finalities,
  partnerKinds,
  rtcRegions,
  studyDomains,
  transitionAreas,
  umbrellaOrganisations,
} from "./model";
import { postalCodesOf } from "./postal-codes";
import {
  findMunicipality,
  findStudyProgramme,
  isValidOn,
  resolveMunicipality,
} from "./reference-data";

let world: DemoWorld;
beforeAll(() => {
  world = generateDemoWorld();
});

const countBy = <T>(rows: readonly T[], key: (row: T) => string) => {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[key(row)] = (counts[key(row)] ?? 0) + 1;
  return counts;
};
const schools = () => world.organisations.filter((o) => o.kind === "school");

describe("determinism", () => {
  it("produces the same world on every run", () => {
    expect(generateDemoWorld()).toEqual(world);
  });

  it("depends on the seed only", () => {
    const other = generateDemoWorld(42);
    expect(other.sites).toHaveLength(world.sites.length);
    expect(other.sites).not.toEqual(world.sites);
  });

  it("uses a PRNG whose sequence is fixed", () => {
    // Pinned so that nobody "improves" the generator and silently changes every demo.
    const next = mulberry32(1);
    expect([next(), next(), next()].map((n) => n.toFixed(6))).toEqual([
      "0.627074",
      "0.002736",
      "0.527447",
    ]);
  });
});

describe("schools and sites", () => {
  it("has the real number of sites per province, counted after the 2025 mergers", () => {
    const byProvince = countBy(
      world.sites,
      (s) => resolveMunicipality(s.municipalityNis, demoReferenceDate)?.provinceCode ?? "none",
    );
    expect(byProvince).toEqual({ ...demoSiteCountsByProvince });
    expect(world.sites).toHaveLength(2151);
    expect(schools()).toHaveLength(demoSchoolCount);
  });

  it("keeps a few sites on pre-2025 municipality codes, each resolving to its successor", () => {
    const outdated = world.sites.filter((s) => {
      const m = findMunicipality(s.municipalityNis);
      return !m || !isValidOn(m, demoReferenceDate);
    });
    expect(outdated.map((s) => s.municipalityNis).sort()).toEqual([...legacyDemoSiteNis].sort());
    for (const site of outdated) {
      const then = findMunicipality(site.municipalityNis);
      expect(resolveMunicipality(site.municipalityNis, demoReferenceDate)?.nis).toBe(
        then?.successorNis,
      );
    }
    // Zwijndrecht was in Antwerpen and counts for Oost-Vlaanderen now.
    const zwijndrecht = world.sites.find((s) => s.municipalityNis === "11056");
    expect(
      resolveMunicipality(zwijndrecht?.municipalityNis ?? "", demoReferenceDate)?.provinceCode,
    ).toBe("OVL");
  });

  it("gives every school a unique 5- or 6-digit instellingsnummer and sites numbered 1..n", () => {
    const numbers = schools().map((s) => s.institutionNumber ?? "");
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const n of numbers) expect(n).toMatch(/^\d{5,6}$/);

    const siteNumbers = new Map<string, number[]>();
    for (const site of world.sites) {
      siteNumbers.set(site.organisationRef, [
        ...(siteNumbers.get(site.organisationRef) ?? []),
        site.siteNumber,
      ]);
    }
    expect(siteNumbers.size).toBe(schools().length);
    for (const school of schools()) {
      const ns = siteNumbers.get(school.ref) ?? [];
      expect(ns).toEqual(ns.map((_, i) => i + 1));
    }
  });

  it("has a realistic network mix", () => {
    const share = countBy(schools(), (s) => s.umbrella ?? "none");
    const n = schools().length;
    const pct = (k: string) => ((share[k] ?? 0) / n) * 100;
    expect(pct("KOV")).toBeGreaterThan(52);
    expect(pct("KOV")).toBeLessThan(66);
    expect(pct("GO")).toBeGreaterThan(20);
    expect(pct("GO")).toBeLessThan(31);
    expect(pct("OVSG") + pct("POV")).toBeGreaterThan(9);
    expect(pct("OVSG") + pct("POV")).toBeLessThan(18);
    expect(pct("OKO")).toBeGreaterThan(0.5);
    expect(pct("OKO")).toBeLessThan(4);
    expect(share.none).toBeUndefined();
  });

  it("places sites near their municipality and favours populous ones", () => {
    for (const site of world.sites) {
      const m = findMunicipality(site.municipalityNis);
      if (!m) throw new Error(`unknown municipality ${site.municipalityNis}`);
      const km = Math.hypot(
        (site.latitude - m.latitude) * 111.2,
        (site.longitude - m.longitude) * 111.2 * Math.cos((m.latitude * Math.PI) / 180),
      );
      expect(km).toBeLessThan(15);
    }
    const perMunicipality = countBy(world.sites, (s) => s.municipalityNis);
    expect(perMunicipality["11002"]).toBeGreaterThan(60); // Antwerpen
    expect(perMunicipality["44021"]).toBeGreaterThan(40); // Gent
  });

  it("offers catalogue programmes, mostly labour-market oriented, some first graad", () => {
    const forms: string[] = [];
    for (const site of world.sites) {
      expect(site.programmes.length).toBeGreaterThan(0);
      const keys = site.programmes.map((p) => `${p.code}|${p.stage}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const p of site.programmes) {
        const programme = findStudyProgramme(p.code, p.stage);
        expect(programme).toBeDefined();
        forms.push(programme?.educationForms[0] ?? "");
      }
    }
    const byForm = countBy(forms, (f) => f);
    const labourMarket = ["tso", "bso", "7de", "buso"].reduce((n, f) => n + (byForm[f] ?? 0), 0);
    expect(labourMarket / forms.length).toBeGreaterThan(0.6);
    expect(byForm.gso).toBeGreaterThan(500);
    expect(byForm.buso).toBeGreaterThan(200);
    expect(byForm.aso ?? 0).toBeLessThan(labourMarket / 3);
  });
});

describe("names", () => {
  it("marks every organisation as fictitious", () => {
    for (const o of world.organisations) expect(o.name).toMatch(/demo/i);
    for (const s of world.sites) expect(s.name).toMatch(/demo/i);
  });

  it("gives schools unique names and everything a unique ref", () => {
    const names = schools().map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    const refs = world.organisations.map((o) => o.ref);
    expect(new Set(refs).size).toBe(refs.length);
  });
});

describe("partners", () => {
  it("has every partner kind, the RTCs one per region and one Department", () => {
    const kinds = countBy(world.organisations, (o) => o.kind);
    for (const kind of partnerKinds) expect(kinds[kind]).toBeGreaterThan(0);
    expect(kinds).toMatchObject({
      company: 150,
      sectorOrganisation: 20,
      rtc: 5,
      higherEducation: 10,
      adultEducation: 15,
      guidanceService: 5,
      employmentService: 1,
      knowledgeCentre: 8,
      department: 1,
    });
    const rtcs = world.organisations.filter((o) => o.kind === "rtc");
    expect(rtcs.map((o) => o.rtcRegion).sort()).toEqual([...rtcRegions].sort());
    expect(rtcs.map((o) => o.name)).toContain("RTC Antwerpen (demo)");
    const guidance = world.organisations.filter((o) => o.kind === "guidanceService");
    expect(guidance.map((o) => o.umbrella).sort()).toEqual([...umbrellaOrganisations].sort());
  });

  it("gives partners unique, valid KBO numbers in the unissued 089x range", () => {
    const partners = world.organisations.filter(
      (o) => o.kind !== "school" && o.kind !== "department",
    );
    const numbers = partners.map((o) => o.enterpriseNumber ?? "");
    expect(new Set(numbers).size).toBe(partners.length);
    for (const n of numbers) {
      expect(n).toMatch(/^089\d{7}$/);
      expect(isValidEnterpriseNumber(n)).toBe(true);
    }
    for (const school of schools()) expect(school.enterpriseNumber).toBeNull();
  });

  it("locates every organisation in a known municipality", () => {
    for (const o of world.organisations) {
      expect(findMunicipality(o.municipalityNis ?? "")).toBeDefined();
    }
  });

  it("gives every organisation and site a real postal code of its municipality", () => {
    const places = [...world.organisations, ...world.sites];
    for (const p of places) {
      const codes = postalCodesOf(p.municipalityNis ?? "").map((c) => c.postalCode);
      expect(codes, `${p.name} (${p.municipalityNis})`).toContain(p.postalCode);
    }
    // A site on Borsbeek's old code has Borsbeek's postal code, not Antwerpen's 2000.
    const borsbeek = world.sites.find((s) => s.municipalityNis === "11007");
    expect(borsbeek?.postalCode).toBe("2150");
  });
});

describe("demo accounts", () => {
  it("has one account for every role, on the demo domain", () => {
    expect(new Set(demoAccounts.map((a) => a.role))).toEqual(new Set(roles));
    const emails = demoAccounts.map((a) => a.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const email of emails) expect(email.endsWith(`@${demoEmailDomain}`)).toBe(true);
    expect(emails).toContain("programmabeheerder@demo.innovet.test");
    expect(emails).toContain("coordinator@demo.innovet.test");
    expect(emails).toContain("coordinator2@demo.innovet.test");
    expect(emails).toContain("admin@demo.innovet.test");
  });

  it("puts the two school coordinators in two different schools", () => {
    const coordinators = demoAccounts.filter((a) => a.role === "schoolCoordinator");
    expect(coordinators).toHaveLength(2);
    const [first, second] = coordinators.map((c) =>
      world.organisations.find((o) => o.ref === c.organisationRef),
    );
    expect(first?.kind).toBe("school");
    expect(second?.kind).toBe("school");
    expect(first?.ref).not.toBe(second?.ref);
    expect(first?.ref).toBe(demoRefs.school);
  });

  it("references existing organisations by their ref and name", () => {
    const byRef = new Map(world.organisations.map((o) => [o.ref, o]));
    for (const account of demoAccounts) {
      expect(byRef.get(account.organisationRef)?.name).toBe(account.organisationName);
    }
    expect(world.people.map((p) => p.email)).toEqual(demoAccounts.map((a) => a.email));
    for (const m of world.memberships) expect(byRef.has(m.organisationRef)).toBe(true);
    expect(byRef.get(demoRefs.guidanceService)?.kind).toBe("guidanceService");
    expect(byRef.get(demoRefs.company)?.kind).toBe("company");
    expect(byRef.get(demoRefs.department)?.kind).toBe("department");
  });
});

// The demo world's commons as data (src/library/demo-commons.ts); written through the use cases
// by setup, and checked on a database in src/library/demo-commons.test.ts.
describe("the demo commons", () => {
  const commons = generateDemoCommons();

  it("is the same on every run and depends on its seed", () => {
    expect(generateDemoCommons()).toEqual(commons);
    expect(generateDemoCommons(7).materials.map((m) => m.fields.title)).not.toEqual(
      commons.materials.map((m) => m.fields.title),
    );
  });

  it("has 150 materials with distinct titles, the first five as the demo had them", () => {
    const titles = commons.materials.map((m) => m.fields.title);
    expect(titles).toHaveLength(150);
    expect(new Set(titles).size).toBe(150);
    expect(titles.slice(0, 5)).toEqual([
      "Veilig lassen met een lasrobot",
      "Tilliften en ergonomie in de ouderenzorg",
      "Zonnepanelen plaatsen en keuren",
      "Duurzaam koken met seizoensgroenten",
      "Heftruckbesturing in het magazijn",
    ]);
  });

  it("covers every study domain, finaliteit and transition area", () => {
    const all = (field: "studyDomains" | "finalities" | "transitionAreas") =>
      new Set(commons.materials.flatMap((m) => (m.fields[field] ?? []) as string[]));
    expect(all("studyDomains")).toEqual(new Set(studyDomains));
    expect(all("finalities")).toEqual(new Set(finalities));
    expect(all("transitionAreas")).toEqual(new Set(transitionAreas));
  });

  it("has files in four formats, later versions, withdrawals and every waiting state", () => {
    expect(new Set(commons.materials.flatMap((m) => m.files.map((f) => f.kind)))).toEqual(
      new Set(["pdf", "docx", "odt", "pptx"]),
    );
    const lifecycles = countBy(commons.materials, (m) =>
      "state" in m.lifecycle ? `${m.lifecycle.kind}:${m.lifecycle.state}` : m.lifecycle.kind,
    );
    expect(lifecycles).toEqual({
      published: 111,
      "nextVersion:published": 12,
      "nextVersion:withdrawn": 2,
      "nextVersion:submitted": 2,
      "nextVersion:inReview": 2,
      "nextVersion:changesRequested": 1,
      "nextVersion:draft": 2,
      "waiting:submitted": 4,
      "waiting:inReview": 3,
      "waiting:changesRequested": 3,
      "waiting:draft": 3,
      withdrawn: 5,
    });
    expect(commons.relations.length).toBeGreaterThanOrEqual(15);
    expect(commons.replications).toHaveLength(22);
  });
});
