import { defineUseCase } from "../platform/use-case";
import { callColumns, createCallInput } from "./call-input";
import { cycleOneForm } from "./form-definition";
import { callsPolicy } from "./policy";
import { call } from "./schema";

/** A programme manager starts a call as a draft; the form starts as the four cycle-1 questions. */
export const createCall = defineUseCase({
  name: "call.create",
  input: createCallInput,
  authorize: (actor) => callsPolicy.createCall(actor),
  run: async (tx, input, { now }) => {
    const [created] = await tx
      .insert(call)
      .values({
        ...callColumns(input),
        formDraft: input.form ?? cycleOneForm,
        status: "draft",
        version: 1,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!created) throw new Error("insert returned no row");
    return {
      value: { id: created.id },
      audit: { subjectType: "call", subjectId: created.id, before: null, after: created },
    };
  },
});
