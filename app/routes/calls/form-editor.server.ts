import { redirect } from "react-router";
import { editCallForm, formEditOperation } from "../../../src/calls/edit-call-form";
import { isCallEditable } from "../../../src/calls/model";
import { callsPolicy } from "../../../src/calls/policy";
import { getCall } from "../../../src/calls/read-calls";
import type { MessageKey } from "../../../src/i18n/translate";
import { formConstraints } from "../../components/form-constraints.server";
import { forbidden, notFound, requireActor } from "../../lib/actor.server";
import { answer } from "../../lib/answer.server";
import { formValues } from "../../lib/form-data.server";
import { services } from "../../lib/services.server";
import { editorUrl } from "./form-editor-parts";

// The server side shared by the form editor's pages: who may open them, and one posted change
// run through the editCallForm use case, answered with a redirect to the outline or the page again.

/**
 * The call and its form for a programme manager. `draftOnly` pages (the ones that change the
 * form) send a published call back to its read-only outline.
 */
/**
 * The editor's fields' limits, from the operation's schema (ADR 0031). Which of a question's
 * fields must be filled depends on its type and is decided where the fields become a question
 * (questionFromFields, formDefinitionSchema), so those fields say \`required\` themselves.
 */
const editorConstraints = formConstraints(formEditOperation);

export async function loadFormEditor(request: Request, callId: string, draftOnly: boolean) {
  const actor = await requireActor(request);
  if (!callsPolicy.updateCall(actor)) forbidden();
  const { database } = await services();
  const view = await getCall(database.db, callId, actor, new Date());
  if (!view) notFound();
  if (draftOnly && !isCallEditable(view.call.status)) throw redirect(editorUrl(callId));
  const c = view.call;
  return {
    actor,
    db: database.db,
    call: { id: c.id, title: c.title, status: c.status, version: c.version },
    form: view.form,
    constraints: editorConstraints,
  };
}

/**
 * Runs one operation posted from an editor page. Success goes to the outline (at the item
 * concerned) with a confirmation; a refusal shows the page again with the problems at the
 * fields, whose names are the operation's (the use case names them "operation.<field>").
 */
export async function postFormEdit(
  request: Request,
  callId: string,
  operation: (values: Record<string, string>) => Record<string, unknown>,
  done: MessageKey,
) {
  const { actor, db } = await loadFormEditor(request, callId, false);
  const values = formValues(await request.formData());
  const result = await editCallForm(
    { db, actor },
    { callId, version: values.version, operation: operation(values) },
  );
  return answer(result, {
    success: ({ itemId }) => ({ redirect: `${editorUrl(callId)}#item-${itemId}`, flash: done }),
    values,
    errors: ({ fieldErrors, formErrors }) => ({
      formErrors,
      fieldErrors: Object.fromEntries(
        Object.entries(fieldErrors).map(([key, messages]) => [
          key.replace(/^operation\./, ""),
          messages,
        ]),
      ),
    }),
  });
}
