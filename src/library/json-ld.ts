import type { VersionRow } from "./locked-version";
import { type Licence, licenceUrl } from "./model";

// A version as schema.org `LearningResource` (with LRMI's educational properties), embedded in
// the material's page as JSON-LD so that search engines and harvesters read the same metadata
// the page shows. Pure: the page passes the addresses.

export function learningResourceJsonLd(
  version: VersionRow,
  urls: { page: string; organisation?: { name: string } | null; basedOn: string[] },
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
    isBasedOn: urls.basedOn.length > 0 ? urls.basedOn : undefined,
  };
}

/** JSON for a `<script type="application/ld+json">`: no "</script>" can end it early. */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026");
}
