import { beforeAll, describe, expect, it } from "vitest";
import { publishTestCall, startTestDraft } from "../../../test/support/applications";
import { actorByEmail, setUpDemoWorld } from "../../../test/support/database";
import { publishTestMaterial, withdrawTestVersion } from "../../../test/support/library";
import {
  oaiBaseUrl as baseUrl,
  oaiIdentifiers as identifiers,
  oaiIdOf as idOf,
  oaiClient,
} from "../../../test/support/oai";
import { studyProgrammes } from "../../directory/reference-data";
import type { Actor } from "../../identity/actor";
import { createMaterial } from "../create-material";
import { createMaterialVersion } from "../create-material-version";
import { moveMaterialVersion } from "../move-material-version";
import { harvestSafetyMarginMs } from "./horizon";
import { exportLibraryJson } from "./json-export";
import { parseDatestamp } from "./oai-pmh";

// The library as an OAI-PMH 2.0 repository on a real database, with materials written, submitted
// and published (and one withdrawn) through the use cases at moments of the test's choosing.
// Every response is validated with xmllint against the OAI-PMH schema and the schemas of the
// metadata formats (test/schemas/, test/support/oai.ts); without xmllint the tests fail.

const demo = setUpDemoWorld();
const oai = oaiClient(demo);

const errorCodes = (xml: string) => [...xml.matchAll(/<error code="(\w+)"/g)].map((m) => m[1]);
const tokenOf = (xml: string) => /<resumptionToken[^>]*>([^<]*)<\/resumptionToken>/.exec(xml)?.[1];
const tokenAttributes = (xml: string) => {
  const m = /<resumptionToken completeListSize="(\d+)" cursor="(\d+)"/.exec(xml);
  return m ? { completeListSize: Number(m[1]), cursor: Number(m[2]) } : null;
};

let author: Actor;
let moderator: Actor;
let organisationId: string;
let projectId: string;
/** The materials of the test, by role. */
const m = {} as Record<"welding" | "garden" | "withdrawn" | "draft", string>;
const paging: string[] = [];
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  author = await actorByEmail(demo.handle, "coordinator@demo.innovet.test");
  moderator = await actorByEmail(demo.handle, "begeleider@demo.innovet.test");
  organisationId = author.memberships[0]?.organisationId ?? "";
  // The producing project: an application of the author's school for a call.
  const manager = await actorByEmail(demo.handle, "programmabeheerder@demo.innovet.test");
  const callId = await publishTestCall(demo.handle.db, manager, {
    opensAt: "2025-09-01T09:00",
    closesAt: "2025-10-31T12:00",
    now: new Date("2025-08-01T10:00:00Z"),
    title: "Oproep voor materialen",
  });
  projectId = await startTestDraft(
    demo.handle.db,
    author,
    callId,
    new Date("2025-09-10T10:00:00Z"),
    "Lassen in de klas van morgen",
  );
  const people = { author, moderator };
  const publish = (iso: string, fields: Parameters<typeof publishTestMaterial>[2]["fields"] = {}) =>
    publishTestMaterial(demo.handle.db, people, { organisationId, at: at(iso), fields });

  m.welding = (
    await publish("2026-01-10T09:00:00.250Z", {
      applicationId: projectId,
      transitionAreas: ["3"],
      timeRequiredMinutes: "90",
      grades: ["2", "3"],
      programmeCodes: [studyProgrammes[0]?.code ?? ""],
      resourceTypes: ["worksheet", "courseModule"],
    })
  ).materialId;
  m.garden = (
    await publish("2026-02-15T12:30:00Z", {
      title: "Moestuin <op> school & daarbuiten",
      description: "Zaaien\u0001 en oogsten \u0008met de klas\uFFFE.",
      studyDomains: ["4"],
      licence: "all-rights-reserved",
      authors: "Chris Claes",
      // Every value has a LOMv1.0 equivalent: the record must pass LOM's strict composite.
      resourceTypes: ["worksheet", "presentation", "assessment", "simulation", "manual"],
    })
  ).materialId;
  const gone = await publish("2026-03-01T08:00:00Z", { title: "Een oude reeks" });
  await withdrawTestVersion(demo.handle.db, moderator, gone.versionId, at("2026-03-05T10:00:00Z"));
  m.withdrawn = gone.materialId;
  // Five more for paging; two share their moment of publication to the microsecond.
  for (const iso of [
    "2026-04-01T10:00:00Z",
    "2026-04-01T10:00:00Z",
    "2026-04-02T10:00:00Z",
    "2026-04-03T10:00:00Z",
    "2026-04-04T10:00:00Z",
  ])
    paging.push((await publish(iso, { title: `Reeks ${iso}`, studyDomains: ["5"] })).materialId);
  const draft = await createMaterial(
    { db: demo.handle.db, actor: author },
    { title: "Nog niet klaar", licence: "CC0-1.0", organisationId },
  );
  if (!draft.ok) throw new Error(JSON.stringify(draft));
  m.draft = draft.value.materialId;
});

describe("Identify, ListMetadataFormats and ListSets", () => {
  it("identifies the repository", async () => {
    const xml = await oai("verb=Identify");
    expect(xml).toContain(`<request verb="Identify">${baseUrl}/oai</request>`);
    expect(xml).toContain("<repositoryName>InnoVET-bibliotheek</repositoryName>");
    expect(xml).toContain(`<baseURL>${baseUrl}/oai</baseURL>`);
    expect(xml).toContain("<protocolVersion>2.0</protocolVersion>");
    expect(xml).toContain("<adminEmail>bibliotheek@innovet.example.be</adminEmail>");
    expect(xml).toContain("<earliestDatestamp>2026-01-10T09:00:00Z</earliestDatestamp>");
    expect(xml).toContain("<deletedRecord>persistent</deletedRecord>");
    expect(xml).toContain("<granularity>YYYY-MM-DDThh:mm:ssZ</granularity>");
    expect(xml).toMatch(/<responseDate>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/responseDate>/);
  });

  it("lists both formats, for the repository and for an item, deleted or not", async () => {
    for (const query of [
      "verb=ListMetadataFormats",
      `verb=ListMetadataFormats&identifier=${idOf(m.welding)}`,
      `verb=ListMetadataFormats&identifier=${idOf(m.withdrawn)}`,
    ]) {
      const xml = await oai(query);
      expect(xml).toContain("<metadataPrefix>oai_dc</metadataPrefix>");
      expect(xml).toContain("<schema>http://ltsc.ieee.org/xsd/lomv1.0/lomLoose.xsd</schema>");
      expect(xml).toContain("<metadataNamespace>http://ltsc.ieee.org/xsd/LOM</metadataNamespace>");
    }
  });

  it("knows no item that was never published, nor another repository's identifier", async () => {
    for (const identifier of [
      idOf(m.draft),
      idOf("00000000-0000-4000-8000-000000000000"),
      `oai:elders.example.org:material/${m.welding}`,
      "niets",
    ]) {
      const xml = await oai(
        `verb=ListMetadataFormats&identifier=${encodeURIComponent(identifier)}`,
      );
      expect(errorCodes(xml)).toEqual(["idDoesNotExist"]);
      // The request element echoes the valid arguments.
      expect(xml).toContain('<request verb="ListMetadataFormats" identifier=');
    }
  });

  it("lists the sets with Dutch names, the producing project among them", async () => {
    const xml = await oai("verb=ListSets");
    expect(xml).toContain("<setSpec>domein:2</setSpec><setName>Studiedomein STEM</setName>");
    expect(xml).toContain(
      "<setSpec>transitie:3</setSpec><setName>Transitiegebied Industrie 4.0</setName>",
    );
    expect(xml).toContain(
      `<setSpec>project:${projectId}</setSpec><setName>InnoVET-project Lassen in de klas van morgen</setName>`,
    );
    expect(errorCodes(await oai("verb=ListSets&resumptionToken=x"))).toEqual([
      "badResumptionToken",
    ]);
  });
});

describe("GetRecord", () => {
  it("gives a material in Dublin Core, escaped and without characters XML forbids", async () => {
    const xml = await oai(`verb=GetRecord&identifier=${idOf(m.garden)}&metadataPrefix=oai_dc`);
    expect(xml).toContain(`<identifier>${idOf(m.garden)}</identifier>`);
    expect(xml).toContain("<datestamp>2026-02-15T12:30:00Z</datestamp>");
    expect(xml).toContain("<setSpec>domein:4</setSpec>");
    expect(xml).toContain("<dc:title>Moestuin &lt;op&gt; school &amp; daarbuiten</dc:title>");
    expect(xml).toContain("<dc:description>Zaaien en oogsten met de klas.</dc:description>");
    expect(xml).toContain("<dc:creator>Chris Claes</dc:creator>");
    expect(xml).toContain("<dc:subject>Land- en tuinbouw</dc:subject>");
    expect(xml).toContain("<dc:subject>lassen</dc:subject>");
    expect(xml).toContain("<dc:rights>Alle rechten voorbehouden</dc:rights>");
    expect(xml).toContain(`<dc:identifier>${baseUrl}/bibliotheek/${m.garden}</dc:identifier>`);
    expect(xml).toContain("<dc:date>2026-02-15</dc:date>");
    expect(xml).toContain("<dc:language>nl</dc:language>");
    expect(xml).toContain("<dc:relation>https://example.org/ar-lassen</dc:relation>");
    expect(xml).toMatch(/<dc:publisher>[^<]+<\/dc:publisher>/);
  });

  it("gives a material in IEEE LOM", async () => {
    const xml = await oai(`verb=GetRecord&identifier=${idOf(m.welding)}&metadataPrefix=lom`);
    expect(xml).toContain('<lom xmlns="http://ltsc.ieee.org/xsd/LOM"');
    // The official binding's loose composite, which the response was validated against.
    expect(xml).toContain(
      'xsi:schemaLocation="http://ltsc.ieee.org/xsd/LOM http://ltsc.ieee.org/xsd/lomv1.0/lomLoose.xsd"',
    );
    // A time zone only after fractional seconds, as the binding's DateTime pattern says.
    expect(xml).toContain("<dateTime>2026-01-10T09:00:00.250Z</dateTime>");
    expect(xml).toContain(
      '<title><string language="nl">Lassen met augmented reality</string></title>',
    );
    expect(xml).toContain(
      "<entity>BEGIN:VCARD\nVERSION:3.0\nN:An Peeters;;;;\nFN:An Peeters\nORG:VTI Gent\nEND:VCARD</entity>",
    );
    expect(xml).toContain("<learningResourceType><source>LOMv1.0</source><value>exercise</value>");
    expect(xml).toContain(
      "<learningResourceType><source>InnoVET</source><value>courseModule</value>",
    );
    expect(xml).toContain("<intendedEndUserRole><source>LOMv1.0</source><value>learner</value>");
    expect(xml).toContain("<intendedEndUserRole><source>LOMv1.0</source><value>teacher</value>");
    expect(xml).toContain(
      "<typicalLearningTime><duration>PT1H30M</duration></typicalLearningTime>",
    );
    expect(xml).toContain("<context><source>LOMv1.0</source><value>school</value></context>");
    expect(xml).toContain("<metadataSchema>LOMv1.0</metadataSchema>");
    expect(xml).toContain(
      '<description><string language="nl">https://creativecommons.org/licenses/by-sa/4.0/</string></description>',
    );
    expect(xml).toContain('<taxon><id>domein:2</id><entry><string language="nl">STEM</string>');
    expect(xml).toContain(`<taxon><id>studierichting:${studyProgrammes[0]?.code}</id>`);
    expect(xml).toContain("<datestamp>2026-01-10T09:00:00Z</datestamp>");
    expect(xml).toContain(`<setSpec>project:${projectId}</setSpec>`);
    expect(xml).toContain("<setSpec>transitie:3</setSpec>");
    // courseModule has no LOMv1.0 word: the strict composite refuses the record, rightly.
    expect(() => oai.strictLom(xml)).toThrow(/invalid OAI-PMH response/);
  });

  it("writes LOMv1.0 values the strict composite accepts, where LOM has them", async () => {
    const xml = await oai(`verb=GetRecord&identifier=${idOf(m.garden)}&metadataPrefix=lom`);
    for (const value of ["exercise", "slide", "exam", "simulation", "narrative text"])
      expect(xml).toContain(
        `<learningResourceType><source>LOMv1.0</source><value>${value}</value>`,
      );
    expect(xml).not.toContain("<source>InnoVET</source>");
    oai.strictLom(xml);
  });

  it("gives a withdrawn material as a deleted record without metadata", async () => {
    for (const prefix of ["oai_dc", "lom"]) {
      const xml = await oai(
        `verb=GetRecord&identifier=${idOf(m.withdrawn)}&metadataPrefix=${prefix}`,
      );
      expect(xml).toContain('<header status="deleted">');
      expect(xml).toContain("<datestamp>2026-03-05T10:00:00Z</datestamp>");
      expect(xml).not.toContain("<metadata>");
      expect(xml).not.toContain("Een oude reeks");
    }
  });

  it("refuses an unknown format and an unknown item", async () => {
    const format = await oai(`verb=GetRecord&identifier=${idOf(m.welding)}&metadataPrefix=marc`);
    expect(errorCodes(format)).toEqual(["cannotDisseminateFormat"]);
    expect(format).toContain(`metadataPrefix="marc"`);
    const unknown = await oai(`verb=GetRecord&identifier=${idOf(m.draft)}&metadataPrefix=oai_dc`);
    expect(errorCodes(unknown)).toEqual(["idDoesNotExist"]);
  });
});

describe("selective harvesting", () => {
  it("lists every item once, the withdrawn one as deleted, in datestamp order", async () => {
    const xml = await oai("verb=ListIdentifiers&metadataPrefix=oai_dc");
    expect(identifiers(xml).slice(0, 3)).toEqual([m.welding, m.garden, m.withdrawn].map(idOf));
    expect(new Set(identifiers(xml))).toEqual(
      new Set([m.welding, m.garden, m.withdrawn, ...paging].map(idOf)),
    );
    expect(xml.match(/<header status="deleted">/g)).toHaveLength(1);
    // One page holds it all: no resumption token.
    expect(xml).not.toContain("resumptionToken");
  });

  it("selects by set, the deleted record included where it belonged", async () => {
    const domain = await oai("verb=ListIdentifiers&metadataPrefix=oai_dc&set=domein:2");
    expect(identifiers(domain)).toEqual([m.welding, m.withdrawn].map(idOf));
    const all = await oai("verb=ListIdentifiers&metadataPrefix=oai_dc&set=domein");
    expect(identifiers(all)).toHaveLength(3 + paging.length);
    const transition = await oai("verb=ListRecords&metadataPrefix=lom&set=transitie:3");
    expect(identifiers(transition)).toEqual([idOf(m.welding)]);
    const project = await oai(`verb=ListRecords&metadataPrefix=oai_dc&set=project:${projectId}`);
    expect(identifiers(project)).toEqual([idOf(m.welding)]);
    for (const set of ["domein:1", "domein:9", "project:niets", "iets"])
      expect(
        errorCodes(await oai(`verb=ListIdentifiers&metadataPrefix=oai_dc&set=${set}`)),
      ).toEqual(["noRecordsMatch"]);
  });

  it("selects by from and until, in days or seconds, bounds included", async () => {
    const ids = async (q: string) =>
      identifiers(await oai(`verb=ListIdentifiers&metadataPrefix=oai_dc&${q}`));
    expect(await ids("until=2026-02-15")).toEqual([m.welding, m.garden].map(idOf));
    expect(await ids("until=2026-02-15T12:29:59Z")).toEqual([idOf(m.welding)]);
    expect(await ids("from=2026-02-15T12:30:00Z&until=2026-02-15T12:30:00Z")).toEqual([
      idOf(m.garden),
    ]);
    // The withdrawal's moment counts, not the publication's.
    expect(await ids("from=2026-03-02&until=2026-03-31")).toEqual([idOf(m.withdrawn)]);
    // A datestamp with a fraction of a second is within its whole second.
    expect(await ids("from=2026-01-10T09:00:00Z&until=2026-01-10T09:00:00Z")).toEqual([
      idOf(m.welding),
    ]);
    expect(await ids("from=1990-01-01")).toHaveLength(3 + paging.length);
    expect(await ids("from=2026-04-02")).toEqual(paging.slice(2).map(idOf));
    expect(
      errorCodes(await oai("verb=ListRecords&metadataPrefix=oai_dc&until=2000-01-01")),
    ).toEqual(["noRecordsMatch"]);
  });

  it("refuses bad dates: mixed granularities, from after until, impossible days", async () => {
    for (const q of [
      "from=2026-01-01&until=2026-02-01T00:00:00Z",
      "from=2026-03-01&until=2026-02-01",
      "from=2026-02-30",
      "until=2026-02-01T25:00:00Z",
      "from=2026-02-01T10:00:00",
      "from=2026-02-01T10:00:00.000Z",
      "from=gisteren",
    ]) {
      const xml = await oai(`verb=ListIdentifiers&metadataPrefix=oai_dc&${q}`);
      expect(errorCodes(xml), q).toEqual(["badArgument"]);
      expect(xml).toContain(`<request>${baseUrl}/oai</request>`);
    }
  });

  it("parses datestamps in both granularities", () => {
    expect(parseDatestamp("2026-02-15", "until")?.at.toISOString()).toBe(
      "2026-02-15T23:59:59.000Z",
    );
    expect(parseDatestamp("2026-02-15", "from")?.at.toISOString()).toBe("2026-02-15T00:00:00.000Z");
    expect(parseDatestamp("2024-02-29T23:59:59Z", "from")?.granularity).toBe("second");
    expect(parseDatestamp("2025-02-29", "from")).toBeNull();
  });
});

describe("flow control", () => {
  async function harvest(verb: "ListIdentifiers" | "ListRecords", prefix: string) {
    const pages: string[] = [];
    let xml = await oai(`verb=${verb}&metadataPrefix=${prefix}`, 3);
    pages.push(xml);
    while (tokenOf(xml)) {
      xml = await oai(
        [
          ["verb", verb],
          ["resumptionToken", tokenOf(xml) ?? ""],
        ],
        3,
      );
      pages.push(xml);
    }
    return pages;
  }

  it("follows resumption tokens to the end and gets every record exactly once", async () => {
    for (const [verb, prefix] of [
      ["ListRecords", "lom"],
      ["ListRecords", "oai_dc"],
      ["ListIdentifiers", "oai_dc"],
    ] as const) {
      const pages = await harvest(verb, prefix);
      const total = 3 + paging.length;
      expect(pages).toHaveLength(Math.ceil(total / 3));
      const seen = pages.flatMap(identifiers);
      expect(seen).toHaveLength(total);
      expect(new Set(seen)).toEqual(
        new Set([m.welding, m.garden, m.withdrawn, ...paging].map(idOf)),
      );
      expect(pages.map(tokenAttributes)).toEqual(
        pages.map((_, i) => ({ completeListSize: total, cursor: i * 3 })),
      );
      // The last page closes the list with an empty token.
      expect(pages.at(-1)).toMatch(/<resumptionToken completeListSize="\d+" cursor="\d+"\/>/);
    }
  });

  it("keeps a list stable while records arrive; they come with the next harvest", async () => {
    const first = await oai("verb=ListIdentifiers&metadataPrefix=oai_dc", 3);
    const responseDate = /<responseDate>([^<]+)</.exec(first)?.[1] ?? "";
    await new Promise((r) => setTimeout(r, 20));
    const late = await publishTestMaterial(
      demo.handle.db,
      { author, moderator },
      { organisationId, at: new Date(), fields: { title: "Te laat voor deze oogst" } },
    );
    const seen = identifiers(first);
    let xml = first;
    while (tokenOf(xml)) {
      xml = await oai(
        [
          ["verb", "ListIdentifiers"],
          ["resumptionToken", tokenOf(xml) ?? ""],
        ],
        3,
      );
      seen.push(...identifiers(xml));
      expect(tokenAttributes(xml)?.completeListSize).toBe(3 + paging.length);
    }
    expect(seen).toHaveLength(3 + paging.length);
    expect(seen).not.toContain(idOf(late.materialId));
    // The response was as of the harvest horizon, a safety margin before the clock; a harvest
    // once that margin has passed gets the late record.
    expect(new Date(responseDate).getTime()).toBeLessThanOrEqual(
      Date.now() - harvestSafetyMarginMs,
    );
    const next = await oai(`verb=ListIdentifiers&metadataPrefix=oai_dc&from=${responseDate}`, 100, {
      now: new Date(Date.now() + harvestSafetyMarginMs + 1000),
    });
    expect(identifiers(next)).toContain(idOf(late.materialId));
    paging.push(late.materialId);
  });

  it("refuses a tampered, made-up or misused resumption token", async () => {
    const first = await oai("verb=ListRecords&metadataPrefix=oai_dc", 3);
    const token = tokenOf(first) ?? "";
    const [payload = "", signature = ""] = token.split(".");
    const state = JSON.parse(Buffer.from(payload, "base64url").toString());
    const forged = Buffer.from(JSON.stringify({ ...state, metadataPrefix: "lom" })).toString(
      "base64url",
    );
    const flipped = `${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`;
    for (const bad of [`${forged}.${signature}`, `${payload}.${flipped}`, "abc", `${token}x`, ""]) {
      const xml = await oai(
        [
          ["verb", "ListRecords"],
          ["resumptionToken", bad],
        ],
        3,
      );
      expect(errorCodes(xml), bad).toEqual(["badResumptionToken"]);
      expect(xml).toContain('<request verb="ListRecords" resumptionToken=');
    }
    // A token of ListRecords does not resume ListIdentifiers.
    const other = await oai(
      [
        ["verb", "ListIdentifiers"],
        ["resumptionToken", token],
      ],
      3,
    );
    expect(errorCodes(other)).toEqual(["badResumptionToken"]);
    // The token is exclusive.
    const mixed = await oai(
      [
        ["verb", "ListRecords"],
        ["resumptionToken", token],
        ["metadataPrefix", "oai_dc"],
      ],
      3,
    );
    expect(errorCodes(mixed)).toEqual(["badArgument"]);
  });
});

describe("errors", () => {
  it("badVerb: missing, unknown or repeated, with the bare request element", async () => {
    for (const query of ["", "verb=Bogus", "verb=identify", "verb=Identify&verb=Identify"]) {
      const xml = await oai(query);
      expect(errorCodes(xml), query).toEqual(["badVerb"]);
      expect(xml).toContain(`<request>${baseUrl}/oai</request>`);
    }
  });

  it("badArgument: illegal, missing or repeated arguments", async () => {
    for (const query of [
      "verb=Identify&metadataPrefix=oai_dc",
      "verb=ListIdentifiers",
      "verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=lom",
      "verb=GetRecord&metadataPrefix=oai_dc",
      `verb=GetRecord&identifier=${idOf(m.welding)}`,
      "verb=ListSets&set=domein",
      "verb=ListMetadataFormats&identifier=a&identifier=b",
      // Values outside the syntax the protocol gives them (which the schema types the request
      // element's attributes with): not echoed, so the response stays valid.
      "verb=ListRecords&metadataPrefix=oai_dc&set=domein 2",
      "verb=ListIdentifiers&metadataPrefix=oai_dc&set=domein:",
      "verb=ListRecords&metadataPrefix=",
      "verb=ListRecords&metadataPrefix=oai dc",
      `verb=GetRecord&identifier=&metadataPrefix=lom`,
      `verb=GetRecord&identifier=oai:x y&metadataPrefix=lom`,
      "verb=ListIdentifiers&metadataPrefix=lom&from=gisteren",
      "verb=ListIdentifiers&metadataPrefix=lom&until=2026-02-30",
      "verb=ListIdentifiers&metadataPrefix=lom&set=domein:2&set=domein:3",
      "verb=ListRecords&metadataPrefix=lom&bogus=1",
      "verb=ListRecords&metadataPrefix=lom&set=domein 2&from=2026",
    ]) {
      const xml = await oai(query);
      expect(errorCodes(xml).length, query).toBeGreaterThan(0);
      expect(new Set(errorCodes(xml)), query).toEqual(new Set(["badArgument"]));
      expect(xml).toContain(`<request>${baseUrl}/oai</request>`);
    }
  });

  it("cannotDisseminateFormat for a list in an unknown format", async () => {
    expect(errorCodes(await oai("verb=ListRecords&metadataPrefix=mods"))).toEqual([
      "cannotDisseminateFormat",
    ]);
  });
});

describe("the JSON export", () => {
  it("holds every published material's metadata and the withdrawn one as a tombstone", async () => {
    const pieces: string[] = [];
    for await (const piece of exportLibraryJson(demo.handle.db, { baseUrl, batchSize: 2 }))
      pieces.push(piece);
    const exported = JSON.parse(pieces.join("")) as {
      generatedAt: string;
      materials: Array<Record<string, unknown>>;
    };
    const ids = exported.materials.map((e) => e.id);
    expect(new Set(ids)).toEqual(new Set([m.welding, m.garden, m.withdrawn, ...paging]));
    expect(ids).toHaveLength(new Set(ids).size);
    expect(exported.materials.find((e) => e.id === m.withdrawn)).toEqual({
      id: m.withdrawn,
      withdrawn: true,
      withdrawnAt: "2026-03-05T10:00:00.000Z",
    });
    expect(exported.materials.find((e) => e.id === m.welding)).toMatchObject({
      url: `${baseUrl}/bibliotheek/${m.welding}`,
      title: "Lassen met augmented reality",
      licenceUrl: "https://creativecommons.org/licenses/by-sa/4.0/",
      projectId,
      studyDomains: ["2"],
      timeRequiredMinutes: 90,
      authors: [{ name: "An Peeters", organisation: "VTI Gent" }, { name: "Bram De Smet" }],
    });
    expect(JSON.stringify(exported)).not.toContain("Nog niet klaar");
  });
});

describe("datestamps follow the public record", () => {
  it("a withdrawn newer version makes the older one current again, dated at the withdrawal", async () => {
    const first = await publishTestMaterial(
      demo.handle.db,
      { author, moderator },
      {
        organisationId,
        at: at("2026-05-01T08:00:00Z"),
        fields: { title: "Versie één", studyDomains: ["6"] },
      },
    );
    const ctx = (actor: Actor, iso: string) => ({
      db: demo.handle.db,
      actor,
      now: () => at(iso),
    });
    const next = await createMaterialVersion(ctx(author, "2026-05-08T08:00:00Z"), {
      materialId: first.materialId,
    });
    if (!next.ok) throw new Error(JSON.stringify(next));
    const versionId = next.value.versionId;
    expect(
      (
        await moveMaterialVersion(ctx(author, "2026-05-09T08:00:00Z"), {
          versionId,
          move: "submit",
        })
      ).ok,
    ).toBe(true);
    expect(
      (
        await moveMaterialVersion(ctx(moderator, "2026-05-10T08:00:00Z"), {
          versionId,
          move: "publish",
        })
      ).ok,
    ).toBe(true);
    const record = () =>
      oai(`verb=GetRecord&identifier=${idOf(first.materialId)}&metadataPrefix=lom`);
    expect(await record()).toContain("<datestamp>2026-05-10T08:00:00Z</datestamp>");
    expect(await record()).toContain('<version><string language="nl">2</string></version>');

    await withdrawTestVersion(demo.handle.db, moderator, versionId, at("2026-05-20T08:00:00Z"));
    const after = await record();
    expect(after).toContain("<datestamp>2026-05-20T08:00:00Z</datestamp>");
    expect(after).not.toContain('status="deleted"');
    expect(after).toContain('<version><string language="nl">1</string></version>');
    const listed = await oai("verb=ListRecords&metadataPrefix=oai_dc&set=domein:6");
    expect(identifiers(listed)).toEqual([idOf(first.materialId)]);
  });

  it("lists a deleted record in ListRecords as a header without metadata", async () => {
    const xml = await oai(
      "verb=ListRecords&metadataPrefix=oai_dc&from=2026-03-05&until=2026-03-05",
    );
    expect(xml).toContain(
      `<record><header status="deleted"><identifier>${idOf(m.withdrawn)}</identifier><datestamp>2026-03-05T10:00:00Z</datestamp><setSpec>domein:2</setSpec></header></record>`,
    );
  });
});
