import type { VersionRow } from "./locked-version";
import { type Licence, licenceUrl } from "./model";
import type { ReadRelationKind } from "./related-materials";

// A version as schema.org `LearningResource` (with LRMI's educational properties), embedded in
// the material's page as JSON-LD so that search engines and harvesters read the same metadata
// the page shows. Pure: the page passes the addresses.

/** A related material as the page shows it (both ways), with the address of its page. */
export interface JsonLdRelation {
  kind: ReadRelationKind;
  url: string;
  title: string;
}

/**
 * The schema.org CreativeWork property for each kind of relation, read from this material.
 * schema.org has no inverse of isBasedOn (its page names none) nor of citation, so "is basis for"
 * and "is referenced by" are left out: the other material's own JSON-LD states them.
 */
const schemaOrgProperty = {
  isPartOf: "isPartOf",
  hasPart: "hasPart",
  isBasedOn: "isBasedOn",
  isBasisFor: null,
  references: "citation",
  isReferencedBy: null,
} as const satisfies Record<ReadRelationKind, string | null>;

function relationProperties(relations: readonly JsonLdRelation[]): Record<string, unknown> {
  const properties: Record<string, Array<Record<string, string>>> = {};
  for (const r of relations) {
    const property = schemaOrgProperty[r.kind];
    if (!property) continue;
    const value = { "@type": "LearningResource", "@id": r.url, url: r.url, name: r.title };
    properties[property] = [...(properties[property] ?? []), value];
  }
  return properties;
}

export function learningResourceJsonLd(
  version: VersionRow,
  urls: {
    page: string;
    organisation?: { name: string } | null;
    relations: readonly JsonLdRelation[];
  },
): Record<string, unknown> {
  const licence = licenceUrl[version.licence as Licence];
  return {
    "@context": "https://schema.org",
    "@type": "LearningResource",
    "@id": urls.page,
    url: urls.page,
    name: version.title,
    description: version.description,
    keywords: version.keywords.join(", ") || undefined,
    inLanguage: version.language,
    version: String(version.number),
    license: licence ?? undefined,
    conditionsOfAccess: licence ? undefined : "All rights reserved",
    isAccessibleForFree: true,
    author: version.authors.map((a) => ({
      "@type": "Person",
      name: a.name,
      ...(a.organisation ? { affiliation: { "@type": "Organization", name: a.organisation } } : {}),
    })),
    publisher: urls.organisation
      ? { "@type": "Organization", name: urls.organisation.name }
      : undefined,
    learningResourceType: version.resourceTypes,
    audience: version.audiences.map((a) => ({
      "@type": "EducationalAudience",
      educationalRole: a === "pupils" ? "student" : "teacher",
    })),
    educationalLevel: version.grades.map((g) => (g === "7" ? "7de jaar" : `graad ${g}`)),
    timeRequired: version.timeRequiredMinutes ? `PT${version.timeRequiredMinutes}M` : undefined,
    accessibilityFeature: version.accessibilityFeatures,
    datePublished: version.publishedAt?.toISOString(),
    dateModified: version.updatedAt.toISOString(),
    ...relationProperties(urls.relations),
  };
}

/** JSON for a `<script type="application/ld+json">`: no "</script>" can end it early. */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026");
}
