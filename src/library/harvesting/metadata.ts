import { studyProgrammes } from "../../directory/reference-data";
import { translate } from "../../i18n/translate";
import { type Licence, licenceUrl, type MaterialAuthor, type ResourceType } from "../model";
import { type PublicRelation, readKind } from "../related-materials";
import type { HarvestItem } from "./records";
import { el, type XmlElement } from "./xml";

// A material's public record in the two formats the repository disseminates: simple Dublin Core
// (oai_dc, required by OAI-PMH) and IEEE LOM (the learning-object standard most educational
// repositories harvest). Pure: the protocol passes how a material's page address is made, which
// is its identifier in both formats (dc:identifier, LOM's general identifier with catalog URI)
// and so also how a related material is named.

/** A material's page address: its persistent identifier in the records. */
export type PageUrlOf = (materialId: string) => string;

/** Where the records' LOM schema lives: the official binding's loose composite (ADR 0027). */
export const lomSchema = "http://ltsc.ieee.org/xsd/lomv1.0/lomLoose.xsd";

export const metadataFormats = [
  {
    metadataPrefix: "oai_dc",
    schema: "http://www.openarchives.org/OAI/2.0/oai_dc.xsd",
    metadataNamespace: "http://www.openarchives.org/OAI/2.0/oai_dc/",
  },
  // The IEEE LTSC binding's loose composite: the strict one (lom.xsd, the namespace's default)
  // allows LOMv1.0 vocabulary values only, and the library has resource types LOM has no word
  // for (lesson plan, course module, video, project). Validated against the official files.
  {
    metadataPrefix: "lom",
    schema: lomSchema,
    metadataNamespace: "http://ltsc.ieee.org/xsd/LOM",
  },
] as const;
export type MetadataPrefix = (typeof metadataFormats)[number]["metadataPrefix"];

export function isMetadataPrefix(value: string): value is MetadataPrefix {
  return metadataFormats.some((f) => f.metadataPrefix === value);
}

const allRightsReserved = "Alle rechten voorbehouden";

function domainName(code: string): string {
  return translate("nl", `domain.${code}`);
}

const programmeNames = new Map(studyProgrammes.map((p) => [p.code, p.name]));

/**
 * LOM's own learningResourceType values where one fits; the others keep the library's word with
 * the library as their source (LOM's loose binding allows another vocabulary).
 */
const lomResourceType: Partial<Record<ResourceType, string>> = {
  worksheet: "exercise",
  presentation: "slide",
  assessment: "exam",
  simulation: "simulation",
  manual: "narrative text",
};

/**
 * LOM's 7.1 kind (LOMv1.0 vocabulary, all lower case) of a relation as the record's material
 * reads it: the stored kind, or its inverse when the relation points to this material.
 */
export function lomRelationKind(relation: Pick<PublicRelation, "kind" | "inverse">): string {
  return readKind(relation).toLowerCase();
}

export function oaiDc(item: HarvestItem, pageUrlOf: PageUrlOf): XmlElement {
  const v = item.version;
  const pageUrl = pageUrlOf(item.id);
  const dc = (name: string, text: string) => el(`dc:${name}`, null, text);
  const licence = licenceUrl[v.licence as Licence];
  return el(
    "oai_dc:dc",
    {
      "xmlns:oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
      "xmlns:dc": "http://purl.org/dc/elements/1.1/",
      "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
      "xsi:schemaLocation":
        "http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd",
    },
    dc("title", v.title),
    v.authors.map((a) => dc("creator", a.name)),
    v.keywords.map((k) => dc("subject", k)),
    v.studyDomains.map((d) => dc("subject", domainName(d))),
    v.description ? dc("description", v.description) : null,
    item.organisationName ? dc("publisher", item.organisationName) : null,
    v.publishedAt ? dc("date", v.publishedAt.toISOString().slice(0, 10)) : null,
    dc("type", "InteractiveResource"),
    v.resourceTypes.map((t) => dc("type", t)),
    dc("format", "text/html"),
    dc("identifier", pageUrl),
    dc("language", v.language),
    v.links.map((l) => dc("relation", l.url)),
    // Simple DC has no kind of relation: the related material's identifier, either way.
    item.relations.map((r) => dc("relation", pageUrlOf(r.materialId))),
    dc("rights", licence ?? allRightsReserved),
  );
}

/** vCard 3.0 text values escape backslash, comma, semicolon and line breaks. */
function vcardText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/[,;]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, "\\n");
}

export function vcard(author: MaterialAuthor): string {
  const lines = [
    "BEGIN:VCARD",
    "VERSION:3.0",
    `N:${vcardText(author.name)};;;;`,
    `FN:${vcardText(author.name)}`,
    author.organisation ? `ORG:${vcardText(author.organisation)}` : null,
    "END:VCARD",
  ];
  return lines.filter((l) => l !== null).join("\n");
}

/**
 * LOM's DateTime: the binding allows a time zone only after fractional seconds
 * (2026-11-29T19:33:26.000Z), never after whole ones (…:26Z), so the milliseconds stay.
 */
export function lomDateTime(date: Date): string {
  return date.toISOString();
}

/** An ISO 8601 duration for LOM's typicalLearningTime, e.g. 150 minutes → PT2H30M. */
export function isoDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `PT${hours > 0 ? `${hours}H` : ""}${rest > 0 || hours === 0 ? `${rest}M` : ""}`;
}

export function lom(item: HarvestItem, pageUrlOf: PageUrlOf): XmlElement {
  const v = item.version;
  const pageUrl = pageUrlOf(item.id);
  const lang = v.language;
  const langString = (name: string, text: string) =>
    el(name, null, el("string", { language: lang }, text));
  const vocabulary = (name: string, value: string, source = "LOMv1.0") =>
    el(name, null, el("source", null, source), el("value", null, value));
  const licence = licenceUrl[v.licence as Licence];
  const taxonPath = (id: string, entry: string) =>
    el(
      "taxonPath",
      null,
      el("source", null, el("string", { language: "nl" }, "InnoVET")),
      el(
        "taxon",
        null,
        el("id", null, id),
        el("entry", null, el("string", { language: "nl" }, entry)),
      ),
    );
  const classified = [
    ...v.studyDomains.map((d) => taxonPath(`domein:${d}`, domainName(d))),
    ...v.programmeCodes.map((c) => taxonPath(`studierichting:${c}`, programmeNames.get(c) ?? c)),
  ];
  return el(
    "lom",
    {
      xmlns: "http://ltsc.ieee.org/xsd/LOM",
      "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
      "xsi:schemaLocation": `http://ltsc.ieee.org/xsd/LOM ${lomSchema}`,
    },
    el(
      "general",
      null,
      el("identifier", null, el("catalog", null, "URI"), el("entry", null, pageUrl)),
      langString("title", v.title),
      el("language", null, lang),
      v.description ? langString("description", v.description) : null,
      v.keywords.map((k) => langString("keyword", k)),
    ),
    el(
      "lifeCycle",
      null,
      el("version", null, el("string", { language: lang }, String(v.number))),
      v.authors.map((a) =>
        el("contribute", null, vocabulary("role", "author"), el("entity", null, vcard(a))),
      ),
      item.organisationName
        ? el(
            "contribute",
            null,
            vocabulary("role", "publisher"),
            el(
              "entity",
              null,
              vcard({ name: item.organisationName, organisation: item.organisationName }),
            ),
            v.publishedAt
              ? el("date", null, el("dateTime", null, lomDateTime(v.publishedAt)))
              : null,
          )
        : null,
    ),
    // The record's own description: which LOM it follows and its language (the catalogue's).
    el("metaMetadata", null, el("metadataSchema", null, "LOMv1.0"), el("language", null, "nl")),
    el("technical", null, el("format", null, "text/html"), el("location", null, pageUrl)),
    el(
      "educational",
      null,
      v.resourceTypes.map((t) => {
        const standard = lomResourceType[t as ResourceType];
        return standard
          ? vocabulary("learningResourceType", standard)
          : vocabulary("learningResourceType", t, "InnoVET");
      }),
      v.audiences.map((a) =>
        vocabulary("intendedEndUserRole", a === "pupils" ? "learner" : "teacher"),
      ),
      // Grades are those of secondary (and vocational) education: LOM's "school" context.
      v.grades.length > 0 ? vocabulary("context", "school") : null,
      v.timeRequiredMinutes
        ? el("typicalLearningTime", null, el("duration", null, isoDuration(v.timeRequiredMinutes)))
        : null,
      el("language", null, lang),
    ),
    el(
      "rights",
      null,
      vocabulary("cost", "no"),
      vocabulary("copyrightAndOtherRestrictions", "yes"),
      el("description", null, el("string", { language: "nl" }, licence ?? allRightsReserved)),
    ),
    // 7 Relation: one per relation, either way (the inverse kind for one pointing here); the
    // related material by the same identifier its own record has, and its title.
    item.relations.map((r) =>
      el(
        "relation",
        null,
        vocabulary("kind", lomRelationKind(r)),
        el(
          "resource",
          null,
          el(
            "identifier",
            null,
            el("catalog", null, "URI"),
            el("entry", null, pageUrlOf(r.materialId)),
          ),
          el("description", null, el("string", { language: r.language }, r.title)),
        ),
      ),
    ),
    classified.length > 0
      ? el("classification", null, vocabulary("purpose", "discipline"), classified)
      : null,
  );
}

export function metadataOf(
  prefix: MetadataPrefix,
  item: HarvestItem,
  pageUrlOf: PageUrlOf,
): XmlElement {
  return prefix === "oai_dc" ? oaiDc(item, pageUrlOf) : lom(item, pageUrlOf);
}
