import { Link } from "react-router";
import { AppForm, type FormFeedback, SubmitButton } from "../../components/form";
import { PageHeader } from "../../components/page";
import { notFound } from "../../lib/actor.server";
import { useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import type { Route } from "./+types/form-editor-section";
import { loadFormEditor, postFormEdit } from "./form-editor.server";
import {
  EditorBreadcrumbs,
  editorUrl,
  SectionFields,
  sectionFieldLabels,
} from "./form-editor-parts";

// A section's title and introduction; its id stays what it was.

export const meta: Route.MetaFunction = ({ matches }) =>
  pageTitle(matches, "formEditor.editSectionTitle");

export async function loader({ request, params }: Route.LoaderArgs) {
  const { call, form, constraints } = await loadFormEditor(request, params.callId, true);
  const section = form.sections.find((s) => s.id === params.sectionId);
  if (!section) notFound();
  return { call, constraints, values: { title: section.title, intro: section.intro ?? "" } };
}

export async function action({ request, params }: Route.ActionArgs) {
  return postFormEdit(
    request,
    params.callId,
    (v) => ({ kind: "updateSection", sectionId: params.sectionId, title: v.title, intro: v.intro }),
    "formEditor.sectionSaved",
  );
}

export default function EditSection({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { call, values } = loaderData;
  const feedback = (actionData as { feedback?: FormFeedback } | undefined)?.feedback;
  return (
    <>
      <EditorBreadcrumbs call={call} current={t("formEditor.editSectionTitle")} />
      <PageHeader title={t("formEditor.editSectionTitle")} />
      <AppForm
        feedback={feedback}
        labels={sectionFieldLabels(t)}
        constraints={loaderData.constraints}
      >
        <input type="hidden" name="version" value={String(call.version)} />
        <SectionFields values={values} />
        <div className="button-row">
          <SubmitButton>{t("formEditor.save")}</SubmitButton>
          <Link to={editorUrl(call.id)}>{t("common.cancel")}</Link>
        </div>
      </AppForm>
    </>
  );
}
