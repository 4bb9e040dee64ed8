import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { site, siteProgramme } from "../../directory/schema";
import { defineUseCase, fail } from "../../platform/use-case";
import { lockEditableDraft, mayEditApplication, touchApplication } from "../editable-draft";
import { parseProgrammeValue, programmeValue } from "./model";
import { applicationSchool } from "./schema";

/** One checkbox, several, or none: always a list. */
const checkboxes = (max: number, each: z.ZodType<string>) =>
  z.preprocess(
    (value) =>
      value === undefined || value === null || value === ""
        ? []
        : Array.isArray(value)
          ? value.filter((v) => v !== "")
          : [value],
    z.array(each).max(max, "consortium.error.tooManyChoices"),
  );

export const saveConsortiumSchoolInput = z.object({
  applicationId: z.uuid("application.error.unknown"),
  organisationId: z.uuid("consortium.error.chooseSchool"),
  siteIds: checkboxes(200, z.uuid("error.invalidChoice")),
  /** "stage:code" of each programme (see programmeValue). */
  programmes: checkboxes(
    1000,
    z.string().refine((v) => parseProgrammeValue(v) !== null, "error.invalidChoice"),
  ),
});

/**
 * Saves which sites and study programmes of a consortium school the project involves: the lead
 * school (its row is made on its first save) or a co-applicant school already added. Every site
 * must be the school's own and every programme offered at one of the chosen sites.
 */
export const saveConsortiumSchool = defineUseCase({
  name: "application.consortium.saveSchool",
  input: saveConsortiumSchoolInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  run: async (tx, input, { now }) => {
    const draft = await lockEditableDraft(tx, input.applicationId, now);
    const isLead = input.organisationId === draft.application.leadOrganisationId;
    const [current] = await tx
      .select()
      .from(applicationSchool)
      .where(
        and(
          eq(applicationSchool.applicationId, input.applicationId),
          eq(applicationSchool.organisationId, input.organisationId),
        ),
      );
    if (!current && !isLead) throw fail.notFound();
    const siteIds = [...new Set(input.siteIds)];
    const own =
      siteIds.length === 0
        ? []
        : await tx
            .select({ id: site.id })
            .from(site)
            .where(and(eq(site.organisationId, input.organisationId), inArray(site.id, siteIds)));
    if (own.length !== siteIds.length) throw fail.field("siteIds", "error.invalidChoice");
    const offered =
      siteIds.length === 0
        ? new Set<string>()
        : new Set(
            (
              await tx
                .select({ code: siteProgramme.programmeCode, stage: siteProgramme.programmeStage })
                .from(siteProgramme)
                .where(inArray(siteProgramme.siteId, siteIds))
            ).map(programmeValue),
          );
    const chosen = [...new Set(input.programmes)].sort();
    if (chosen.some((value) => !offered.has(value)))
      throw fail.field("programmes", "consortium.error.programmeNotAtChosenSite");
    const programmes = chosen.map((value) => parseProgrammeValue(value)).filter((p) => p !== null);
    const values = { siteIds: siteIds.sort(), programmes, updatedAt: now };
    if (current)
      await tx.update(applicationSchool).set(values).where(eq(applicationSchool.id, current.id));
    else
      await tx.insert(applicationSchool).values({
        applicationId: input.applicationId,
        organisationId: input.organisationId,
        isLead: true,
        createdAt: now,
        ...values,
      });
    await touchApplication(tx, input.applicationId, now);
    return {
      value: { organisationId: input.organisationId },
      audit: {
        subjectType: "application",
        subjectId: input.applicationId,
        before: current
          ? {
              school: input.organisationId,
              sites: current.siteIds,
              programmes: current.programmes.map(programmeValue),
            }
          : null,
        after: { school: input.organisationId, sites: values.siteIds, programmes: chosen },
      },
    };
  },
});
