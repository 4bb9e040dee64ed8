import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { parseEuroCents } from "../platform/money";
import { defineUseCase, fail, UseCaseFailure } from "../platform/use-case";
import { formDefinitionSchema, questionTypes } from "./form-definition";
import {
  applyFormEdit,
  editorMessage,
  type FormEdit,
  fieldOfProblem,
  findQuestion,
  questionFromFields,
} from "./form-editing";
import { isCallEditable } from "./model";
import { callsPolicy } from "./policy";
import { call } from "./schema";

// One change to a draft call's application form through the structured editor: a section or a
// question added, changed, moved or removed. The fields arrive as a form posts them (strings);
// the result is validated as a whole by formDefinitionSchema and its problems are put at the
// fields of the page that was posted. Same optimistic concurrency as the call form (call.version).

/** A posted text field: absent means blank; long enough for any label, short enough to refuse a flood. */
const text = (max: number) =>
  z.preprocess((v) => v ?? "", z.string({ error: "error.form.notText" }).max(max, "error.tooLong"));
const id = z
  .string({ error: "error.formEditor.unknownItem" })
  .max(40, "error.formEditor.unknownItem");
const direction = z.enum(["up", "down"], { error: "error.invalidChoice" });

const sectionFields = { title: text(300), intro: text(2000) };
const questionFields = {
  label: text(300),
  help: text(2000),
  required: text(10),
  limitUnit: text(10),
  limitMax: text(40),
  min: text(40),
  max: text(40),
  unit: text(40),
  maxAmount: text(40),
  options: text(20_000),
  multiple: text(10),
  maxFiles: text(40),
  maxSizeMb: text(40),
};

export const formEditOperation = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("addSection"), ...sectionFields }),
    z.object({ kind: z.literal("updateSection"), sectionId: id, ...sectionFields }),
    z.object({ kind: z.literal("removeSection"), sectionId: id }),
    z.object({ kind: z.literal("moveSection"), sectionId: id, direction }),
    z.object({
      kind: z.literal("addQuestion"),
      sectionId: id,
      type: z.enum(questionTypes, { error: "error.formEditor.chooseType" }),
      ...questionFields,
    }),
    z.object({
      kind: z.literal("updateQuestion"),
      questionId: id,
      /** The section to move it to; blank keeps it where it is. */
      sectionId: z.preprocess((v) => (v === "" ? undefined : v), id.optional()),
      ...questionFields,
    }),
    z.object({ kind: z.literal("removeQuestion"), questionId: id }),
    z.object({ kind: z.literal("moveQuestion"), questionId: id, direction }),
  ],
  { error: "error.formEditor.unknownOperation" },
);
export type FormEditOperation = z.output<typeof formEditOperation>;

export const editCallFormInput = z.object({
  callId: z.uuid("error.call.unknown"),
  version: z.coerce.number({ error: "error.required" }).int().positive("error.required"),
  operation: formEditOperation,
});

/** Field errors of the operation's fields, named as the input names them. */
const atOperation = (fieldErrors: Record<string, string[]>) =>
  Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [`operation.${k}`, v]));

const invalid = (fieldErrors: Record<string, string[]>, formErrors: string[]) =>
  new UseCaseFailure({ ok: false, reason: "invalid", fieldErrors, formErrors });

export const editCallForm = defineUseCase({
  name: "call.editForm",
  input: editCallFormInput,
  authorize: (actor) => callsPolicy.updateCall(actor),
  run: async (tx, input, { now }) => {
    const { callId, version, operation: op } = input;
    const [current] = await tx.select().from(call).where(eq(call.id, callId)).for("update");
    if (!current) throw fail.notFound();
    if (!isCallEditable(current.status)) throw fail.conflict("call.alreadyPublished");
    if (current.version !== version) throw fail.conflict("call.conflict");
    const form = current.formDraft;

    let edit: FormEdit;
    if (op.kind === "addQuestion" || op.kind === "updateQuestion") {
      const place = op.kind === "updateQuestion" ? findQuestion(form, op.questionId) : null;
      const previous = place ? form.sections[place.section]?.questions[place.question] : undefined;
      if (op.kind === "updateQuestion" && !previous) throw fail.notFound();
      // A question keeps its type: the edit page shows exactly the fields of that type.
      const type = op.kind === "addQuestion" ? op.type : (previous?.type ?? "text");
      const built = questionFromFields(type, op, parseEuroCents, previous);
      if (!built.ok) throw invalid(atOperation(built.fieldErrors), []);
      edit =
        op.kind === "addQuestion"
          ? { kind: "addQuestion", sectionId: op.sectionId, question: built.question }
          : {
              kind: "updateQuestion",
              questionId: op.questionId,
              question: built.question,
              toSectionId: op.sectionId,
            };
    } else if (op.kind === "addSection" || op.kind === "updateSection") {
      const fields = { title: op.title.trim(), intro: op.intro.trim() || undefined };
      edit =
        op.kind === "addSection"
          ? { kind: "addSection", ...fields }
          : { kind: "updateSection", sectionId: op.sectionId, ...fields };
    } else edit = op;

    const applied = applyFormEdit(form, edit);
    if (!applied.ok) throw fail.notFound();
    const parsed = formDefinitionSchema.safeParse(applied.form);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      const formErrors: string[] = [];
      for (const issue of parsed.error.issues) {
        const message = editorMessage[issue.message] ?? issue.message;
        const field = fieldOfProblem(applied.form, issue.path, applied.id);
        if (field === null) formErrors.push(message);
        else
          fieldErrors[`operation.${field}`] = [
            ...(fieldErrors[`operation.${field}`] ?? []),
            message,
          ];
      }
      throw invalid(fieldErrors, formErrors);
    }

    const [updated] = await tx
      .update(call)
      .set({ formDraft: parsed.data, version: version + 1, updatedAt: now })
      .where(and(eq(call.id, callId), eq(call.version, version), eq(call.status, "draft")))
      .returning();
    if (!updated) throw fail.conflict("call.conflict");
    return {
      value: { id: callId, version: updated.version, itemId: applied.id },
      audit: {
        subjectType: "call",
        subjectId: callId,
        before: { formDraft: form, version },
        after: { formDraft: updated.formDraft, version: updated.version },
      },
    };
  },
});
