import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { defineUseCase, fail } from "../../platform/use-case";
import { lockEditableDraft, mayEditApplication, touchApplication } from "../editable-draft";
import { programmeValue } from "./model";
import { applicationSchool } from "./schema";

export const removeConsortiumSchoolInput = z.object({
  applicationId: z.uuid("application.error.unknown"),
  organisationId: z.uuid("consortium.error.chooseSchool"),
});

/** Removes a co-applicant school from a draft's consortium. The lead school always stays. */
export const removeConsortiumSchool = defineUseCase({
  name: "application.consortium.removeSchool",
  input: removeConsortiumSchoolInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  run: async (tx, input, { now }) => {
    const draft = await lockEditableDraft(tx, input.applicationId, now);
    if (input.organisationId === draft.application.leadOrganisationId)
      throw fail.conflict("consortium.error.leadSchoolStays");
    const [removed] = await tx
      .delete(applicationSchool)
      .where(
        and(
          eq(applicationSchool.applicationId, input.applicationId),
          eq(applicationSchool.organisationId, input.organisationId),
        ),
      )
      .returning();
    if (!removed) throw fail.notFound();
    await touchApplication(tx, input.applicationId, now);
    return {
      value: { organisationId: input.organisationId },
      audit: {
        subjectType: "application",
        subjectId: input.applicationId,
        before: {
          school: removed.organisationId,
          sites: removed.siteIds,
          programmes: removed.programmes.map(programmeValue),
        },
        after: null,
      },
    };
  },
});
