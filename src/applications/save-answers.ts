import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { defineUseCase, fail, UseCaseFailure } from "../platform/use-case";
import { lockEditableDraft, mayEditApplication, touchApplication } from "./editable-draft";
import { type Answers, checkSectionAnswers, findSection, sectionLimitProblems } from "./model";
import { application } from "./schema";

const answerValue = z.union([z.string(), z.array(z.string()).max(100)]);

export const saveAnswersInput = z.object({
  applicationId: z.uuid("application.error.unknown"),
  sectionId: z.string().min(1, "application.error.unknownSection").max(40),
  version: z.coerce.number({ error: "error.required" }).int().positive("error.required"),
  /** Question id → what was typed or chosen; only the section's questions are read. */
  answers: z.record(z.string().max(40), answerValue),
});

/**
 * Saves the answers of one section of a draft, while the call is open by the server clock. Only
 * what cannot be stored is refused (see `checkSectionAnswers`); an answer over the call's limits
 * (words, a number's range, an amount's maximum) is saved as typed and returned as a problem at
 * its field, for the submission refuses it (ADR 0020). Required questions wait for submission
 * too. A save based on a stale version is refused as a conflict (optimistic concurrency), so two
 * coordinators never overwrite each other silently.
 */
export const saveAnswers = defineUseCase({
  name: "application.saveAnswers",
  input: saveAnswersInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  run: async (tx, input, { now }) => {
    const row = await lockEditableDraft(tx, input.applicationId, now);
    const current = row.application;
    const section = findSection(row.form, input.sectionId);
    if (!section) throw fail.notFound();
    if (current.version !== input.version) throw fail.conflict("application.error.conflict");
    const checked = checkSectionAnswers(section, input.answers);
    if (!checked.ok)
      throw new UseCaseFailure({
        ok: false,
        reason: "invalid",
        fieldErrors: checked.fieldErrors,
        formErrors: [],
      });
    const answers: Answers = { ...current.answers, ...checked.answers };
    for (const id of checked.cleared) delete answers[id];
    const [saved] = await tx
      .update(application)
      .set({ answers, version: current.version + 1, updatedAt: now })
      .where(and(eq(application.id, current.id), eq(application.version, input.version)))
      .returning();
    if (!saved) throw fail.conflict("application.error.conflict");
    await touchApplication(tx, saved.id, now);
    const ids = section.questions.map((q) => q.id);
    const pick = (all: Answers) =>
      Object.fromEntries(ids.filter((id) => all[id] !== undefined).map((id) => [id, all[id]]));
    return {
      value: {
        id: saved.id,
        version: saved.version,
        /** The section's answers over the call's limits, by field: saved, to fix before submission. */
        problems: sectionLimitProblems(section, saved.answers),
      },
      audit: {
        subjectType: "application",
        subjectId: saved.id,
        before: { section: section.id, version: current.version, answers: pick(current.answers) },
        after: { section: section.id, version: saved.version, answers: pick(saved.answers) },
      },
    };
  },
});
