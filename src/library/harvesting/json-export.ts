import { href } from "react-router";
import type { DbExecutor } from "../../db/client";
import { type Licence, licenceUrl } from "../model";
import { readKind } from "../related-materials";
import type { PageUrlOf } from "./metadata";
import { type HarvestItem, listItems } from "./records";

// All published metadata of the library as one JSON document, for those who would rather load a
// file than speak OAI-PMH. Written in keyset batches over the same items and order as the
// harvest, as of the moment the export started, so it streams in constant memory and is one
// consistent cut. A withdrawn material is only its id and when it was withdrawn (its content is
// no longer public). Relations follow the public rule of related-materials.ts, as in the harvest.

export const exportBatchSize = 500;

export function exportEntry(item: HarvestItem, pageUrlOf: PageUrlOf): Record<string, unknown> {
  if (item.deleted)
    return { id: item.id, withdrawn: true, withdrawnAt: item.datestamp.toISOString() };
  const v = item.version;
  return {
    id: item.id,
    url: pageUrlOf(item.id),
    modifiedAt: item.datestamp.toISOString(),
    version: v.number,
    publishedAt: v.publishedAt?.toISOString() ?? null,
    title: v.title,
    description: v.description,
    keywords: v.keywords,
    language: v.language,
    licence: v.licence,
    licenceUrl: licenceUrl[v.licence as Licence],
    authors: v.authors,
    publisher: item.organisationName,
    projectId: item.applicationId,
    links: v.links,
    studyDomains: v.studyDomains,
    finalities: v.finalities,
    educationForms: v.educationForms,
    grades: v.grades,
    programmeCodes: v.programmeCodes,
    qualificationLevels: v.qualificationLevels,
    transitionAreas: v.transitionAreas,
    changeLevels: v.changeLevels,
    resourceTypes: v.resourceTypes,
    audiences: v.audiences,
    accessibilityFeatures: v.accessibilityFeatures,
    timeRequiredMinutes: v.timeRequiredMinutes,
    maturity: v.maturity,
    // Both ways, the inverse kind (hasPart, isBasisFor, isReferencedBy) for one pointing here.
    relations: item.relations.map((r) => ({
      kind: readKind(r),
      id: r.materialId,
      url: pageUrlOf(r.materialId),
      title: r.title,
    })),
  };
}

/** The export's text in pieces: `{"generatedAt": …, "materials": [ … ]}`. */
export async function* exportLibraryJson(
  db: DbExecutor,
  options: { baseUrl: string; now?: Date; batchSize?: number },
): AsyncGenerator<string> {
  const asOf = options.now ?? new Date();
  const batchSize = options.batchSize ?? exportBatchSize;
  yield `{"generatedAt":${JSON.stringify(asOf.toISOString())},"materials":[`;
  let after: { at: Date; id: string } | undefined;
  let first = true;
  for (;;) {
    const items = await listItems(db, { asOf, after }, batchSize);
    for (const item of items) {
      const entry = exportEntry(
        item,
        (id) => `${options.baseUrl}${href("/bibliotheek/:materialId", { materialId: id })}`,
      );
      yield `${first ? "" : ","}\n${JSON.stringify(entry)}`;
      first = false;
    }
    const last = items.at(-1);
    if (!last || items.length < batchSize) break;
    after = { at: last.datestamp, id: last.id };
  }
  yield "\n]}\n";
}
