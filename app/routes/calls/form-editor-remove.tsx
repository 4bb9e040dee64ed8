import { Link } from "react-router";
import { findQuestion } from "../../../src/calls/form-editing";
import { AppForm, ErrorSummary, type FormFeedback, SubmitButton } from "../../components/form";
import { PageHeader } from "../../components/page";
import { notFound } from "../../lib/actor.server";
import { useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import type { Route } from "./+types/form-editor-remove";
import { loadFormEditor, postFormEdit } from "./form-editor.server";
import { EditorBreadcrumbs, editorUrl } from "./form-editor-parts";

// Removing a section (with its questions) or a question asks first, on its own page, so that it
// works without JavaScript: ?sectie=<id> or ?vraag=<id>, then a POST that removes it.

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  pageTitle(
    matches,
    loaderData?.item.kind === "removeSection"
      ? "formEditor.removeSectionTitle"
      : "formEditor.removeQuestionTitle",
  );

export async function loader({ request, params }: Route.LoaderArgs) {
  const { call, form } = await loadFormEditor(request, params.callId, true);
  const query = new URL(request.url).searchParams;
  const sectionId = query.get("sectie");
  const questionId = query.get("vraag");
  if (sectionId !== null) {
    const section = form.sections.find((s) => s.id === sectionId);
    if (!section) notFound();
    return {
      call,
      item: {
        kind: "removeSection" as const,
        id: section.id,
        name: section.title,
        count: section.questions.length,
      },
    };
  }
  const place = questionId === null ? null : findQuestion(form, questionId);
  const question = place ? form.sections[place.section]?.questions[place.question] : undefined;
  if (!question) notFound();
  return {
    call,
    item: { kind: "removeQuestion" as const, id: question.id, name: question.label, count: 0 },
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const query = new URL(request.url).searchParams;
  const sectionId = query.get("sectie");
  return postFormEdit(
    request,
    params.callId,
    () =>
      sectionId !== null
        ? { kind: "removeSection", sectionId }
        : { kind: "removeQuestion", questionId: query.get("vraag") },
    sectionId !== null ? "formEditor.sectionRemoved" : "formEditor.questionRemoved",
  );
}

export default function RemoveItem({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { call, item } = loaderData;
  const feedback = (actionData as { feedback?: FormFeedback } | undefined)?.feedback;
  const isSection = item.kind === "removeSection";
  const title = t(isSection ? "formEditor.removeSectionTitle" : "formEditor.removeQuestionTitle");
  return (
    <>
      <EditorBreadcrumbs call={call} current={title} />
      <PageHeader title={title} />
      <ErrorSummary feedback={feedback} />
      <p>
        {isSection
          ? t("formEditor.removeSectionText", { title: item.name, count: item.count })
          : t("formEditor.removeQuestionText", { label: item.name })}
      </p>
      <AppForm aria-label={title}>
        <input type="hidden" name="version" value={String(call.version)} />
        <div className="button-row">
          <SubmitButton>{t("formEditor.confirmRemove")}</SubmitButton>
          <Link to={editorUrl(call.id)}>{t("common.cancel")}</Link>
        </div>
      </AppForm>
    </>
  );
}
