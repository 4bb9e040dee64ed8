import { href, Link } from "react-router";
import { type QuestionType, questionTypes } from "../../../src/calls/question-types";
import { AppForm, type FormFeedback, fieldId, SubmitButton } from "../../components/form";
import { PageHeader } from "../../components/page";
import { notFound } from "../../lib/actor.server";
import { useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import type { Route } from "./+types/form-editor-question-new";
import { loadFormEditor, postFormEdit } from "./form-editor.server";
import {
  EditorBreadcrumbs,
  editorUrl,
  newQuestionValues,
  QuestionFields,
  questionFieldLabels,
} from "./form-editor-parts";

// A new question at the end of a section, in two steps that work without JavaScript: first the
// kind of question (a GET form, so the choice is in the URL: ?soort=text), then exactly the
// fields of that kind. Its id comes from the label.

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  pageTitle(matches, "formEditor.newQuestionTitle", { section: loaderData?.section.title ?? "" });

const isType = (value: string | null | undefined): value is QuestionType =>
  (questionTypes as readonly (string | null | undefined)[]).includes(value);

export async function loader({ request, params }: Route.LoaderArgs) {
  const { call, form, constraints } = await loadFormEditor(request, params.callId, true);
  const section = form.sections.find((s) => s.id === params.sectionId);
  if (!section) notFound();
  const query = new URL(request.url).searchParams;
  const chosen = query.get("soort");
  return {
    call,
    constraints,
    section: { id: section.id, title: section.title },
    type: isType(chosen) ? chosen : null,
    // "Verder" without a choice (the step field is there, the kind is not) asks again, in Dutch.
    typeMissing: query.has("stap") && !isType(chosen),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  return postFormEdit(
    request,
    params.callId,
    (v) => ({ ...v, kind: "addQuestion", sectionId: params.sectionId }),
    "formEditor.questionAdded",
  );
}

function TypeChooser(props: { missing: boolean }) {
  const t = useT();
  const feedback: FormFeedback | undefined = props.missing
    ? { fieldErrors: { soort: ["error.formEditor.chooseType"] } }
    : undefined;
  const id = fieldId("soort");
  return (
    <AppForm method="get" feedback={feedback} labels={{ soort: t("formEditor.chooseType") }}>
      <input type="hidden" name="stap" value="soort" />
      <fieldset
        id={id}
        className={`field choices${props.missing ? " field--error" : ""}`}
        aria-describedby={props.missing ? `${id}-fout` : undefined}
      >
        <legend>{t("formEditor.chooseType")}</legend>
        {props.missing && (
          <p className="field__error" id={`${id}-fout`}>
            {t("error.formEditor.chooseType")}
          </p>
        )}
        {questionTypes.map((type) => (
          <div key={type} className="choice">
            <input
              type="radio"
              name="soort"
              value={type}
              id={`soort-${type}`}
              aria-describedby={`soort-${type}-hint`}
            />
            <label htmlFor={`soort-${type}`}>{t(`formEditor.type.${type}`)}</label>
            <p className="field__hint" id={`soort-${type}-hint`}>
              {t(`formEditor.typeHint.${type}`)}
            </p>
          </div>
        ))}
      </fieldset>
      <SubmitButton>{t("formEditor.next")}</SubmitButton>
    </AppForm>
  );
}

export default function NewQuestion({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { call, section } = loaderData;
  const posted = (actionData as { feedback?: FormFeedback } | undefined)?.feedback;
  // After a refused save the URL may have lost its ?soort=; the posted type still says which.
  const type = loaderData.type ?? (isType(posted?.values?.type) ? posted.values.type : null);
  const title = t("formEditor.newQuestionTitle", { section: section.title });
  const values = posted?.values ?? newQuestionValues;
  return (
    <>
      <EditorBreadcrumbs call={call} current={title} />
      <PageHeader title={title} />
      {type === null ? (
        <TypeChooser missing={loaderData.typeMissing} />
      ) : (
        <>
          <p>
            {t("formEditor.typeIs", { type: t(`formEditor.type.${type}`) })}{" "}
            <Link
              to={href("/beheer/oproepen/:callId/formulier/secties/:sectionId/nieuwe-vraag", {
                callId: call.id,
                sectionId: section.id,
              })}
            >
              {t("formEditor.otherType")}
            </Link>
          </p>
          <AppForm
            feedback={posted ? { ...posted, values } : { values }}
            labels={questionFieldLabels(t)}
            constraints={loaderData.constraints}
          >
            <input type="hidden" name="version" value={String(call.version)} />
            <input type="hidden" name="type" value={type} />
            <QuestionFields type={type} values={values} />
            <div className="button-row">
              <SubmitButton>{t("formEditor.save")}</SubmitButton>
              <Link to={editorUrl(call.id)}>{t("common.cancel")}</Link>
            </div>
          </AppForm>
        </>
      )}
    </>
  );
}
