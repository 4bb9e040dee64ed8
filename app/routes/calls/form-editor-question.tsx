import { href, Link } from "react-router";
import { findQuestion } from "../../../src/calls/form-editing";
import { AppForm, type FormFeedback, SubmitButton } from "../../components/form";
import { PageHeader } from "../../components/page";
import { notFound } from "../../lib/actor.server";
import { useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import type { Route } from "./+types/form-editor-question";
import { loadFormEditor, postFormEdit } from "./form-editor.server";
import {
  EditorBreadcrumbs,
  editorUrl,
  QuestionFields,
  questionFieldLabels,
  questionValues,
} from "./form-editor-parts";

// One question with exactly the fields of its type (the type itself does not change: remove the
// question and add another to ask something else). Its id stays; it can move to another section.

export const meta: Route.MetaFunction = ({ matches }) =>
  pageTitle(matches, "formEditor.editQuestionTitle");

export async function loader({ request, params }: Route.LoaderArgs) {
  const { call, form, constraints } = await loadFormEditor(request, params.callId, true);
  const place = findQuestion(form, params.questionId);
  const section = place ? form.sections[place.section] : undefined;
  const question = place ? section?.questions[place.question] : undefined;
  if (!section || !question) notFound();
  return {
    call,
    constraints,
    question: { id: question.id, type: question.type, label: question.label },
    values: questionValues(question, section.id),
    sections: form.sections.map((s) => ({ id: s.id, title: s.title })),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  return postFormEdit(
    request,
    params.callId,
    (v) => ({ ...v, kind: "updateQuestion", questionId: params.questionId }),
    "formEditor.questionSaved",
  );
}

export default function EditQuestion({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { call, question, sections } = loaderData;
  const posted = (actionData as { feedback?: FormFeedback } | undefined)?.feedback;
  const values = posted?.values ?? loaderData.values;
  const base = editorUrl(call.id);
  return (
    <>
      <EditorBreadcrumbs call={call} current={t("formEditor.editQuestionTitle")} />
      <PageHeader title={t("formEditor.editQuestionTitle")} />
      <p>{t("formEditor.typeIs", { type: t(`formEditor.type.${question.type}`) })}</p>
      <AppForm
        feedback={posted ? { ...posted, values } : { values }}
        labels={questionFieldLabels(t)}
        constraints={loaderData.constraints}
      >
        <input type="hidden" name="version" value={String(call.version)} />
        <QuestionFields type={question.type} values={values} sections={sections} />
        <div className="button-row">
          <SubmitButton>{t("formEditor.save")}</SubmitButton>
          <Link
            to={`${href("/beheer/oproepen/:callId/formulier/verwijderen", { callId: call.id })}?vraag=${question.id}`}
            aria-label={`${t("formEditor.remove")}: ${question.label}`}
          >
            {t("formEditor.remove")}
          </Link>
          <Link to={base}>{t("common.cancel")}</Link>
        </div>
      </AppForm>
    </>
  );
}
