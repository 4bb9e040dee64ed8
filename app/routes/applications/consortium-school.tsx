import { href, Link } from "react-router";
import { programmeValue } from "../../../src/applications/consortium/model";
import { schoolAnchor } from "../../../src/applications/consortium/problems";
import {
  readConsortium,
  readSchoolChoices,
} from "../../../src/applications/consortium/read-consortium";
import { removeConsortiumSchool } from "../../../src/applications/consortium/remove-school";
import { saveConsortiumSchool } from "../../../src/applications/consortium/save-school";
import { getApplication } from "../../../src/applications/read-applications";
import type { MessageKey } from "../../../src/i18n/translate";
import { AppForm, fieldId, SubmitButton } from "../../components/form";
import { Breadcrumbs, FlashNotice, PageHeader } from "../../components/page";
import { forbidden, notFound, requireActor } from "../../lib/actor.server";
import { answer } from "../../lib/answer.server";
import { useT } from "../../lib/i18n";
import { plainTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/consortium-school";

// A consortium school's involvement: which of its sites take part, and which study programmes of
// those sites. Each site is a checkbox followed by its programmes; a co-applicant school can be
// removed here too.

export const meta: Route.MetaFunction = ({ loaderData }) =>
  loaderData ? plainTitle(loaderData.school.name) : [];

export async function loader({ request, params }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  const { database } = await services();
  const view = await getApplication(database.db, params.applicationId, actor, new Date());
  if (!view) notFound();
  if (!view.mayChange) forbidden();
  const consortium = await readConsortium(database.db, view.id);
  const school = consortium?.schools.find((s) => s.organisationId === params.organisationId);
  if (!school) notFound();
  const choices = await readSchoolChoices(database.db, school.organisationId);
  if (!choices) notFound();
  return {
    application: { id: view.id, title: view.title, canEdit: view.canEdit },
    school: {
      organisationId: school.organisationId,
      name: school.name,
      isLead: school.isLead,
      siteIds: school.sites.map((s) => s.id),
      programmes: school.programmes.map(programmeValue),
    },
    sites: choices.sites,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const actor = await requireActor(request);
  const form = await request.formData();
  const { database } = await services();
  const ctx = { db: database.db, actor };
  const base = href("/aanvragen/:applicationId/consortium", params);
  const target = { applicationId: params.applicationId, organisationId: params.organisationId };
  const list = (name: string) => form.getAll(name).filter((v) => typeof v === "string");
  const result =
    form.get("intent") === "remove"
      ? await removeConsortiumSchool(ctx, target)
      : await saveConsortiumSchool(ctx, {
          ...target,
          siteIds: list("siteIds"),
          programmes: list("programmes"),
        });
  return answer(result, {
    success: () =>
      form.get("intent") === "remove"
        ? { redirect: base, flash: "consortium.schoolRemoved" }
        : {
            redirect: `${base}#${schoolAnchor(params.organisationId)}`,
            flash: "consortium.schoolSaved",
          },
    values: { siteIds: list("siteIds").join(","), programmes: list("programmes").join(",") },
  });
}

export default function ConsortiumSchool({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { application: a, school, sites } = loaderData;
  const feedback = actionData?.feedback;
  const base = href("/aanvragen/:applicationId/consortium", { applicationId: a.id });
  const chosenSites = new Set(
    feedback?.values ? feedback.values.siteIds?.split(",").filter(Boolean) : school.siteIds,
  );
  const chosenProgrammes = new Set(
    feedback?.values ? feedback.values.programmes?.split(",").filter(Boolean) : school.programmes,
  );
  const errorOf = (name: string) => {
    const key = feedback?.fieldErrors?.[name]?.[0];
    return key ? t(key as MessageKey) : null;
  };
  const title = t("consortium.schoolTitle", { school: school.name });
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/aanvragen"), label: t("application.listTitle") },
          { to: href("/aanvragen/:applicationId", { applicationId: a.id }), label: a.title },
          { to: base, label: t("consortium.title") },
          { label: school.name },
        ]}
      />
      <PageHeader title={title} lead={t("consortium.schoolLead")} />
      <FlashNotice />
      {!a.canEdit && <p className="notice notice--info">{t("application.readOnly")}</p>}
      <AppForm
        feedback={feedback}
        labels={{ siteIds: t("consortium.sites"), programmes: t("consortium.programmes") }}
      >
        {sites.length === 0 && <p>{t("consortium.noSites")}</p>}
        <div id={fieldId("siteIds")} className={errorOf("siteIds") ? "field--error" : undefined}>
          {errorOf("siteIds") && <p className="field__error">{errorOf("siteIds")}</p>}
          <div
            id={fieldId("programmes")}
            className={errorOf("programmes") ? "field--error" : undefined}
          >
            {errorOf("programmes") && <p className="field__error">{errorOf("programmes")}</p>}
            {sites.map((s) => (
              <div key={s.id} className="card consortium-entry">
                <label className="checkbox">
                  <input
                    type="checkbox"
                    name="siteIds"
                    value={s.id}
                    defaultChecked={chosenSites.has(s.id)}
                  />{" "}
                  <strong>
                    {t("consortium.siteInvolved", { number: s.siteNumber, name: s.name })}
                  </strong>
                </label>
                {s.programmes.length === 0 ? (
                  <p>{t("consortium.noProgrammes")}</p>
                ) : (
                  <fieldset className="field checkboxes">
                    <legend>
                      {t("consortium.programmesOfSite", { number: s.siteNumber, name: s.name })}
                    </legend>
                    {s.programmes.map((p) => {
                      const value = programmeValue(p);
                      return (
                        <label key={value} className="checkbox">
                          <input
                            type="checkbox"
                            name="programmes"
                            value={value}
                            defaultChecked={chosenProgrammes.has(value)}
                          />{" "}
                          {p.name} ({p.code})
                        </label>
                      );
                    })}
                  </fieldset>
                )}
              </div>
            ))}
          </div>
        </div>
        {a.canEdit && <SubmitButton>{t("consortium.saveSchool")}</SubmitButton>}
      </AppForm>
      {a.canEdit && !school.isLead && (
        <AppForm aria-label={t("consortium.removeSchool")}>
          <input type="hidden" name="intent" value="remove" />
          <SubmitButton secondary>{t("consortium.removeSchool")}</SubmitButton>
        </AppForm>
      )}
      <p>
        <Link to={base}>{t("consortium.backToConsortium")}</Link>
      </p>
    </>
  );
}
