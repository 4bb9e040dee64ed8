import { href, Link } from "react-router";
import { moveMaterialVersion } from "../../../src/library/move-material-version";
import { versionProblems } from "../../../src/library/problems";
import { getMaterialPage } from "../../../src/library/read-material";
import { AppForm, SubmitButton, TextAreaField } from "../../components/form";
import { Breadcrumbs, PageHeader } from "../../components/page";
import { forbidden, notFound, requireActor } from "../../lib/actor.server";
import { answer } from "../../lib/answer.server";
import { formValues } from "../../lib/form-data.server";
import { useT } from "../../lib/i18n";
import { plainTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/material-moderate";

// A moderator's page for one version in moderation: take it in review, send it back with notes
// for the makers, or publish it. Never the moderator's own material (four eyes, in the policy).

export const meta: Route.MetaFunction = ({ loaderData }) =>
  loaderData ? plainTitle(loaderData.title) : [];

export async function loader({ request, params }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  const { database } = await services();
  const page = await getMaterialPage(database.db, params.materialId, actor, Number(params.number));
  if (!page) notFound();
  if (!page.canModerate) forbidden();
  const v = page.version;
  return {
    title: v.title,
    materialId: page.id,
    number: v.number,
    versionId: v.id,
    state: v.state,
    organisationName: page.organisationName,
    problems: versionProblems(v, page.files.length).map((p) => p.key),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const actor = await requireActor(request);
  const values = formValues(await request.formData());
  const { database } = await services();
  const result = await moveMaterialVersion(
    { db: database.db, actor },
    { versionId: values.versionId, move: values.intent, note: values.note },
  );
  return answer(result, {
    success: ({ state }) => ({
      redirect: href("/beheer/moderatie"),
      flash: `library.moved.${state}`,
    }),
    values,
  });
}

export default function MaterialModerate({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const l = loaderData;
  const page = `${href("/bibliotheek/:materialId", { materialId: l.materialId })}?versie=${l.number}`;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/beheer/moderatie"), label: t("library.queueTitle") },
          { to: page, label: l.title },
          { label: t("library.moderate") },
        ]}
      />
      <PageHeader
        title={t("library.moderateTitle", { title: l.title })}
        lead={t("library.moderateLead", {
          number: l.number,
          organisation: l.organisationName ?? "",
          state: t(`library.state.${l.state}`),
        })}
      />
      <p>
        <Link to={page}>{t("library.readVersion")}</Link>
      </p>
      {l.problems.length > 0 && (
        <div className="notice notice--warning">
          <p>{t("library.moderateProblems")}</p>
          <ul>
            {l.problems.map((key) => (
              <li key={key}>{t(key as "library.problem.title")}</li>
            ))}
          </ul>
        </div>
      )}
      <AppForm feedback={actionData?.feedback} labels={{ note: t("library.moderationNote") }}>
        <input type="hidden" name="versionId" value={l.versionId} />
        <TextAreaField
          name="note"
          label={t("library.moderationNote")}
          hint={t("library.moderationNoteHint")}
          rows={5}
        />
        <div className="button-row">
          <SubmitButton name="intent" value="publish">
            {t("library.publishVersion")}
          </SubmitButton>
          <SubmitButton name="intent" value="requestChanges" secondary>
            {t("library.requestChanges")}
          </SubmitButton>
          {l.state === "submitted" && (
            <SubmitButton name="intent" value="startReview" secondary>
              {t("library.startReview")}
            </SubmitButton>
          )}
        </div>
      </AppForm>
    </>
  );
}
