import { href, Link } from "react-router";
import { isCallEditable } from "../../../src/calls/model";
import { AppForm, ErrorSummary, type FormFeedback } from "../../components/form";
import { FlashNotice, PageHeader } from "../../components/page";
import { useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import type { Route } from "./+types/form-editor";
import { loadFormEditor, postFormEdit } from "./form-editor.server";
import { EditorBreadcrumbs, useQuestionLine } from "./form-editor-parts";

// The structured editor's outline of a call's application form: every section with its
// questions, each with its own change, move and remove actions. Moving is a small POST form per
// item (it works without JavaScript); changing and removing open their own pages. Once the call
// is published the outline is read-only: the form is frozen.

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  pageTitle(matches, "formEditor.title", { title: loaderData?.call.title ?? "" });

export async function loader({ request, params }: Route.LoaderArgs) {
  const { call, form } = await loadFormEditor(request, params.callId, false);
  return { call, form, editable: isCallEditable(call.status) };
}

export async function action({ request, params }: Route.ActionArgs) {
  // Only the moves are posted here; the other operations have their own pages.
  return postFormEdit(
    request,
    params.callId,
    (v) =>
      v.kind === "moveSection"
        ? { kind: "moveSection", sectionId: v.sectionId, direction: v.direction }
        : { kind: "moveQuestion", questionId: v.questionId, direction: v.direction },
    "formEditor.moved",
  );
}

/**
 * Omhoog or Omlaag for one item. Its name starts with the visible word and adds the item, so a
 * screen reader's list of buttons says which "Omhoog" is which (WCAG 2.5.3, label in name).
 */
function MoveButton(props: {
  kind: "moveSection" | "moveQuestion";
  id: string;
  name: string;
  direction: "up" | "down";
  version: number;
}) {
  const t = useT();
  return (
    <AppForm className="inline-form">
      <input type="hidden" name="version" value={String(props.version)} />
      <input type="hidden" name="kind" value={props.kind} />
      <input
        type="hidden"
        name={props.kind === "moveSection" ? "sectionId" : "questionId"}
        value={props.id}
      />
      <button
        type="submit"
        name="direction"
        value={props.direction}
        className="button button--secondary"
        aria-label={`${t(props.direction === "up" ? "formEditor.up" : "formEditor.down")}: ${props.name}`}
      >
        {t(props.direction === "up" ? "formEditor.up" : "formEditor.down")}
      </button>
    </AppForm>
  );
}

function ItemActions(props: {
  kind: "moveSection" | "moveQuestion";
  id: string;
  name: string;
  index: number;
  count: number;
  version: number;
  changeUrl: string;
  removeUrl: string;
}) {
  const t = useT();
  return (
    <div className="button-row editor-actions">
      <Link to={props.changeUrl} aria-label={`${t("formEditor.change")}: ${props.name}`}>
        {t("formEditor.change")}
      </Link>
      {props.index > 0 && <MoveButton {...props} direction="up" />}
      {props.index < props.count - 1 && <MoveButton {...props} direction="down" />}
      <Link to={props.removeUrl} aria-label={`${t("formEditor.remove")}: ${props.name}`}>
        {t("formEditor.remove")}
      </Link>
    </div>
  );
}

export default function FormEditor({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const line = useQuestionLine();
  const { call, form, editable } = loaderData;
  const feedback = (actionData as { feedback?: FormFeedback } | undefined)?.feedback;
  return (
    <>
      <EditorBreadcrumbs call={call} />
      <PageHeader
        title={t("formEditor.title", { title: call.title })}
        lead={editable ? t("formEditor.lead") : undefined}
        actions={
          <Link to={href("/beheer/oproepen/:callId/voorbeeld", { callId: call.id })}>
            {t("formEditor.preview")}
          </Link>
        }
      />
      <FlashNotice />
      <ErrorSummary feedback={feedback} />
      {!editable && <p className="notice notice--info">{t("formEditor.publishedNotice")}</p>}
      {form.sections.length === 0 && <p>{t("formEditor.noSections")}</p>}
      {form.sections.map((section, s) => (
        <section
          key={section.id}
          id={`item-${section.id}`}
          aria-labelledby={`titel-${section.id}`}
          className="editor-section"
        >
          <h2 id={`titel-${section.id}`}>{section.title}</h2>
          {section.intro && <p>{section.intro}</p>}
          {editable && (
            <ItemActions
              kind="moveSection"
              id={section.id}
              name={section.title}
              index={s}
              count={form.sections.length}
              version={call.version}
              changeUrl={href("/beheer/oproepen/:callId/formulier/secties/:sectionId", {
                callId: call.id,
                sectionId: section.id,
              })}
              removeUrl={`${href("/beheer/oproepen/:callId/formulier/verwijderen", { callId: call.id })}?sectie=${section.id}`}
            />
          )}
          {section.questions.length === 0 ? (
            <p className="muted">{t("formEditor.noQuestions")}</p>
          ) : (
            <ol
              className="call-questions"
              aria-label={t("formEditor.questionsOf", { title: section.title })}
            >
              {section.questions.map((q, i) => (
                <li key={q.id} id={`item-${q.id}`}>
                  <p>
                    <strong>{q.label}</strong> <span className="muted">({line(q)})</span>
                  </p>
                  {editable && (
                    <ItemActions
                      kind="moveQuestion"
                      id={q.id}
                      name={q.label}
                      index={i}
                      count={section.questions.length}
                      version={call.version}
                      changeUrl={href("/beheer/oproepen/:callId/formulier/vragen/:questionId", {
                        callId: call.id,
                        questionId: q.id,
                      })}
                      removeUrl={`${href("/beheer/oproepen/:callId/formulier/verwijderen", { callId: call.id })}?vraag=${q.id}`}
                    />
                  )}
                </li>
              ))}
            </ol>
          )}
          {editable && (
            <p>
              <Link
                className="button button--secondary"
                to={href("/beheer/oproepen/:callId/formulier/secties/:sectionId/nieuwe-vraag", {
                  callId: call.id,
                  sectionId: section.id,
                })}
                aria-label={`${t("formEditor.addQuestion")}: ${section.title}`}
              >
                {t("formEditor.addQuestion")}
              </Link>
            </p>
          )}
        </section>
      ))}
      {editable && (
        <p>
          <Link
            className="button"
            to={href("/beheer/oproepen/:callId/formulier/nieuwe-sectie", { callId: call.id })}
          >
            {t("formEditor.addSection")}
          </Link>
        </p>
      )}
    </>
  );
}
