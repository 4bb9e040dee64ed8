import { Link } from "react-router";
import { AppForm, type FormFeedback, SubmitButton } from "../../components/form";
import { PageHeader } from "../../components/page";
import { useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import type { Route } from "./+types/form-editor-section-new";
import { loadFormEditor, postFormEdit } from "./form-editor.server";
import {
  EditorBreadcrumbs,
  editorUrl,
  SectionFields,
  sectionFieldLabels,
} from "./form-editor-parts";

// A new section at the end of the application form; its id comes from the title.

export const meta: Route.MetaFunction = ({ matches }) =>
  pageTitle(matches, "formEditor.newSectionTitle");

export async function loader({ request, params }: Route.LoaderArgs) {
  const { call, constraints } = await loadFormEditor(request, params.callId, true);
  return { call, constraints };
}

export async function action({ request, params }: Route.ActionArgs) {
  return postFormEdit(
    request,
    params.callId,
    (v) => ({ kind: "addSection", title: v.title, intro: v.intro }),
    "formEditor.sectionAdded",
  );
}

export default function NewSection({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { call } = loaderData;
  const feedback = (actionData as { feedback?: FormFeedback } | undefined)?.feedback;
  return (
    <>
      <EditorBreadcrumbs call={call} current={t("formEditor.newSectionTitle")} />
      <PageHeader title={t("formEditor.newSectionTitle")} />
      <AppForm
        feedback={feedback}
        labels={sectionFieldLabels(t)}
        constraints={loaderData.constraints}
      >
        <input type="hidden" name="version" value={String(call.version)} />
        <SectionFields />
        <div className="button-row">
          <SubmitButton>{t("formEditor.save")}</SubmitButton>
          <Link to={editorUrl(call.id)}>{t("common.cancel")}</Link>
        </div>
      </AppForm>
    </>
  );
}
