import { Form, href, Link } from "react-router";
import { relationKinds } from "../../../src/library/model";
import { getMaterialPage } from "../../../src/library/read-material";
import { relateMaterial } from "../../../src/library/relate-material";
import { searchMaterials } from "../../../src/library/search-materials";
import { unrelateMaterial } from "../../../src/library/unrelate-material";
import { AppForm, SelectField, SubmitButton, TextField } from "../../components/form";
import { formConstraints } from "../../components/form-constraints.server";
import { Breadcrumbs, EmptyState, FlashNotice, PageHeader } from "../../components/page";
import { forbidden, notFound, requireActor } from "../../lib/actor.server";
import { answer } from "../../lib/answer.server";
import { formValues } from "../../lib/form-data.server";
import { useT } from "../../lib/i18n";
import { plainTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/material-relations";

// How a material relates to others in the commons (is part of, is based on, references), kept by
// its makers: the relations with a remove button each, and a search among published materials
// (a GET form, so it works without JavaScript) whose results can be related in one step.

export const meta: Route.MetaFunction = ({ loaderData }) =>
  loaderData ? plainTitle(loaderData.title) : [];

export async function loader({ request, params }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  const { database } = await services();
  const page = await getMaterialPage(database.db, params.materialId, actor);
  if (!page) notFound();
  if (!page.canEdit) forbidden();
  const query = (new URL(request.url).searchParams.get("zoek") ?? "").slice(0, 200).trim();
  const found = query
    ? await searchMaterials(
        database.db,
        { query, filters: {}, sort: "relevance", page: 1 },
        { pageSize: 10 },
      )
    : null;
  return {
    constraints: formConstraints(relateMaterial.spec.input),
    title: page.version.title,
    materialId: page.id,
    relations: page.ownRelations,
    query,
    results: (found?.hits ?? [])
      .filter((h) => h.id !== page.id)
      .map((h) => ({ id: h.id, title: h.title })),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const actor = await requireActor(request);
  const values = formValues(await request.formData());
  const { database } = await services();
  const input = {
    materialId: params.materialId,
    kind: values.kind,
    toMaterialId: values.toMaterialId,
  };
  const result =
    values.intent === "remove"
      ? await unrelateMaterial({ db: database.db, actor }, input)
      : await relateMaterial({ db: database.db, actor }, input);
  return answer(result, {
    success: () => ({
      redirect: href("/bibliotheek/:materialId/verwant", params),
      flash: values.intent === "remove" ? "library.relationRemoved" : "library.relationAdded",
    }),
    values,
  });
}

export default function MaterialRelations({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const l = loaderData;
  const page = href("/bibliotheek/:materialId", { materialId: l.materialId });
  const kinds = relationKinds.map((k) => ({ value: k, label: t(`library.relation.${k}`) }));
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/bibliotheek"), label: t("library.title") },
          { to: page, label: l.title },
          { label: t("library.relationsTitle") },
        ]}
      />
      <PageHeader title={t("library.relationsTitle")} lead={t("library.relationsLead")} />
      <FlashNotice />
      {l.relations.length === 0 ? (
        <EmptyState title={t("library.noRelations")} />
      ) : (
        <ul className="plain-list">
          {l.relations.map((r) => (
            <li key={`${r.kind}-${r.materialId}`}>
              {t(`library.relation.${r.kind}`)}:{" "}
              <Link to={href("/bibliotheek/:materialId", { materialId: r.materialId })}>
                {r.title}
              </Link>{" "}
              {r.hidden && <>({t("library.relationHidden")}) </>}
              <AppForm
                className="inline-form"
                aria-label={t("library.removeRelation", { title: r.title })}
              >
                <input type="hidden" name="kind" value={r.kind} />
                <input type="hidden" name="toMaterialId" value={r.materialId} />
                <SubmitButton name="intent" value="remove" secondary>
                  {t("library.removeRelationShort")}
                  <span className="visually-hidden"> {r.title}</span>
                </SubmitButton>
              </AppForm>
            </li>
          ))}
        </ul>
      )}
      <h2 id="zoeken">{t("library.relationSearchTitle")}</h2>
      <Form method="get" aria-labelledby="zoeken">
        <TextField name="zoek" label={t("library.relationSearch")} defaultValue={l.query} />
        <SubmitButton secondary>{t("library.search.submit")}</SubmitButton>
      </Form>
      {l.query && l.results.length === 0 && <p role="status">{t("library.noRelationResults")}</p>}
      {l.results.length > 0 && (
        <AppForm
          constraints={loaderData.constraints}
          feedback={actionData?.feedback}
          labels={{ kind: t("library.relationKind"), toMaterialId: t("library.relationTarget") }}
        >
          <SelectField name="kind" options={kinds} />
          <SelectField
            name="toMaterialId"
            options={l.results.map((r) => ({ value: r.id, label: r.title }))}
          />
          <SubmitButton name="intent" value="add">
            {t("library.addRelation")}
          </SubmitButton>
        </AppForm>
      )}
      <p>
        <Link to={page}>{t("library.backToMaterial")}</Link>
      </p>
    </>
  );
}
