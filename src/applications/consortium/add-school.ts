import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { organisation } from "../../directory/schema";
import { defineUseCase, fail } from "../../platform/use-case";
import { lockEditableDraft, mayEditApplication, touchApplication } from "../editable-draft";
import { applicationSchool } from "./schema";

export const addConsortiumSchoolInput = z.object({
  applicationId: z.uuid("application.error.unknown"),
  organisationId: z.uuid("consortium.error.chooseSchool"),
});

/**
 * Adds a co-applicant school from the directory to a draft's consortium, with no sites or
 * programmes yet (the coordinator chooses them next). Not the lead school, not twice.
 */
export const addConsortiumSchool = defineUseCase({
  name: "application.consortium.addSchool",
  input: addConsortiumSchoolInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  run: async (tx, input, { now }) => {
    const draft = await lockEditableDraft(tx, input.applicationId, now);
    const [school] = await tx
      .select({ id: organisation.id, kind: organisation.kind, name: organisation.name })
      .from(organisation)
      .where(eq(organisation.id, input.organisationId));
    if (school?.kind !== "school")
      throw fail.field("organisationId", "consortium.error.chooseSchool");
    if (school.id === draft.application.leadOrganisationId)
      throw fail.field("organisationId", "consortium.error.leadSchoolAlready");
    const [existing] = await tx
      .select({ id: applicationSchool.id })
      .from(applicationSchool)
      .where(
        and(
          eq(applicationSchool.applicationId, input.applicationId),
          eq(applicationSchool.organisationId, school.id),
        ),
      );
    if (existing) throw fail.field("organisationId", "consortium.error.schoolAlready");
    await tx.insert(applicationSchool).values({
      applicationId: input.applicationId,
      organisationId: school.id,
      isLead: false,
      createdAt: now,
      updatedAt: now,
    });
    await touchApplication(tx, input.applicationId, now);
    return {
      value: { organisationId: school.id },
      audit: {
        subjectType: "application",
        subjectId: input.applicationId,
        before: null,
        after: { school: school.name },
      },
    };
  },
});
