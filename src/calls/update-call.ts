import { and, eq } from "drizzle-orm";
import { defineUseCase, fail } from "../platform/use-case";
import { callColumns, updateCallInput } from "./call-input";
import { isCallEditable } from "./model";
import { callsPolicy } from "./policy";
import { call } from "./schema";

/**
 * A programme manager changes a draft call. The form carries the version it was loaded at; if
 * someone saved in between, the change is refused. A published call no longer changes (its form
 * version is frozen; applications answer it).
 */
export const updateCall = defineUseCase({
  name: "call.update",
  input: updateCallInput,
  authorize: (actor) => callsPolicy.updateCall(actor),
  run: async (tx, input, { now }) => {
    const { id, version, form, ...fields } = input;
    const [current] = await tx.select().from(call).where(eq(call.id, id)).for("update");
    if (!current) throw fail.notFound();
    if (!isCallEditable(current.status)) throw fail.conflict("call.alreadyPublished");
    if (current.version !== version) throw fail.conflict("call.conflict");
    const [updated] = await tx
      .update(call)
      .set({
        ...callColumns({ ...fields, form }),
        formDraft: form ?? current.formDraft,
        version: version + 1,
        updatedAt: now,
      })
      .where(and(eq(call.id, id), eq(call.version, version), eq(call.status, "draft")))
      .returning();
    if (!updated) throw fail.conflict("call.conflict");
    return {
      value: { id, version: updated.version },
      audit: { subjectType: "call", subjectId: id, before: current, after: updated },
    };
  },
});
