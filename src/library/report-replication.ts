import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { studyProgrammes } from "../directory/reference-data";
import { organisation } from "../directory/schema";
import { blankToUndefined } from "../platform/form-input";
import { defineUseCase, fail } from "../platform/use-case";
import { isPublic } from "./model";
import { libraryPolicy } from "./policy";
import { material, materialVersion, replicationReport } from "./schema";

const programmeCodes = new Set(studyProgrammes.map((p) => p.code));

/** A count that must be given: blank is refused, not read as 0 (the form marks it required). */
const count = (max: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "library.error.invalidCount" })
      .int("library.error.invalidCount")
      .min(0, "library.error.invalidCount")
      .max(max, "library.error.invalidCount"),
  );

export const reportReplicationInput = z.object({
  materialId: z.uuid("library.error.unknownMaterial"),
  versionNumber: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()),
  organisationId: z.uuid("library.error.schoolRequired"),
  programmeCode: z.preprocess(
    blankToUndefined,
    z
      .string()
      .max(20)
      .refine((c) => programmeCodes.has(c), "error.invalidChoice")
      .optional(),
  ),
  pupils: count(100_000),
  teachers: count(10_000),
  adaptations: z.preprocess((v) => v ?? "", z.string().trim().max(10_000, "error.tooLong")),
  experience: z
    .string({ error: "error.required" })
    .trim()
    .min(1, "error.required")
    .max(10_000, "error.tooLong"),
  evidenceUrl: z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^https?$/, error: "error.invalidUrl" })
      .max(2000, "error.tooLong")
      .optional(),
  ),
});

/**
 * A school reports that it used a published material. The report waits for a moderator before
 * it shows on the material's page. Counts are numbers of pupils and teachers, never names.
 */
export const reportReplication = defineUseCase({
  name: "material.reportReplication",
  input: reportReplicationInput,
  authorize: (actor, input) =>
    libraryPolicy.reportReplication(actor, { organisationId: input.organisationId }),
  run: async (tx, input, { actor, now }) => {
    const [school] = await tx
      .select({ kind: organisation.kind })
      .from(organisation)
      .where(eq(organisation.id, input.organisationId));
    if (school?.kind !== "school")
      throw fail.field("organisationId", "library.error.schoolRequired");
    const [target] = await tx.select().from(material).where(eq(material.id, input.materialId));
    if (!target?.currentVersionId || target.withdrawnAt) throw fail.notFound();
    let versionId: string | null = null;
    if (input.versionNumber !== undefined) {
      const [version] = await tx
        .select({ id: materialVersion.id, state: materialVersion.state })
        .from(materialVersion)
        .where(
          and(
            eq(materialVersion.materialId, target.id),
            eq(materialVersion.number, input.versionNumber),
          ),
        );
      if (!version || !isPublic(version.state))
        throw fail.field("versionNumber", "library.error.unknownVersion");
      versionId = version.id;
    }
    const [created] = await tx
      .insert(replicationReport)
      .values({
        materialId: target.id,
        versionId,
        organisationId: input.organisationId,
        programmeCode: input.programmeCode ?? null,
        pupils: input.pupils,
        teachers: input.teachers,
        adaptations: input.adaptations,
        experience: input.experience,
        evidenceUrl: input.evidenceUrl ?? null,
        createdBy: actor.userId,
        createdAt: now,
      })
      .returning({ id: replicationReport.id });
    if (!created) throw new Error("insert returned no row");
    const { materialId: _m, ...reported } = input;
    return {
      value: { reportId: created.id },
      audit: {
        subjectType: "material",
        subjectId: target.id,
        before: null,
        after: { replicationReport: created.id, ...reported },
      },
    };
  },
});
