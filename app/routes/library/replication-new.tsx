import { href, Link } from "react-router";
import { organisationsByIds } from "../../../src/directory/organisations-of";
import { studyProgrammes } from "../../../src/directory/reference-data";
import { libraryPolicy } from "../../../src/library/policy";
import { getMaterialPage } from "../../../src/library/read-material";
import { reportReplication } from "../../../src/library/report-replication";
import { organisationsWhere } from "../../../src/platform/policy";
import {
  AppForm,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "../../components/form";
import { formConstraints } from "../../components/form-constraints.server";
import { Breadcrumbs, PageHeader } from "../../components/page";
import { forbidden, notFound, requireActor } from "../../lib/actor.server";
import { answer } from "../../lib/answer.server";
import { formValues } from "../../lib/form-data.server";
import { useT } from "../../lib/i18n";
import { plainTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/replication-new";

// A school tells that it used a material: in which study programme, with how many pupils and
// teachers (numbers, never names), what it adapted and how it went. A moderator publishes it.

export const meta: Route.MetaFunction = ({ loaderData }) =>
  loaderData ? plainTitle(loaderData.pageTitle) : [];

async function load(request: Request, materialId: string) {
  const actor = await requireActor(request);
  const { database } = await services();
  const page = await getMaterialPage(database.db, materialId, actor);
  if (!page || page.tombstone) notFound();
  const ids = organisationsWhere(actor, libraryPolicy.reportReplication);
  const schools = (await organisationsByIds(database.db, ids)).filter((o) => o.kind === "school");
  if (schools.length === 0) forbidden();
  return { actor, db: database.db, page, schools };
}

const programmeChoices = [
  ...new Map(studyProgrammes.filter((p) => p.domain).map((p) => [p.code, p] as const)).values(),
].sort((a, b) => a.name.localeCompare(b.name, "nl-BE"));

export async function loader({ request, params }: Route.LoaderArgs) {
  const { page, schools } = await load(request, params.materialId);
  const url = new URL(request.url);
  return {
    constraints: formConstraints(reportReplication.spec.input),
    pageTitle: page.version.title,
    materialId: page.id,
    versionNumber: url.searchParams.get("versie") ?? String(page.version.number),
    schools: schools.map((s) => ({ value: s.id, label: s.name })),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { actor, db } = await load(request, params.materialId);
  const values = formValues(await request.formData());
  const result = await reportReplication(
    { db, actor },
    { ...values, materialId: params.materialId },
  );
  return answer(result, {
    success: () => ({
      redirect: href("/bibliotheek/:materialId", params),
      flash: "library.reportSent",
    }),
    values,
  });
}

export default function ReplicationNew({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const l = loaderData;
  const back = href("/bibliotheek/:materialId", { materialId: l.materialId });
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/bibliotheek"), label: t("library.title") },
          { to: back, label: l.pageTitle },
          { label: t("library.reportReplication") },
        ]}
      />
      <PageHeader title={t("library.reportReplication")} lead={t("library.reportLead")} />
      <AppForm
        constraints={loaderData.constraints}
        feedback={actionData?.feedback}
        labels={{
          organisationId: t("library.report.school"),
          programmeCode: t("library.report.programme"),
          pupils: t("library.report.pupils"),
          teachers: t("library.report.teachers"),
          adaptations: t("library.report.adaptations"),
          experience: t("library.report.experience"),
          evidenceUrl: t("library.report.evidenceUrl"),
        }}
      >
        <input type="hidden" name="versionNumber" value={l.versionNumber} />
        <SelectField
          name="organisationId"
          defaultValue={l.schools.length === 1 ? l.schools[0]?.value : undefined}
          options={l.schools}
        />
        <SelectField
          name="programmeCode"
          options={programmeChoices.map((p) => ({ value: p.code, label: p.name }))}
        />
        <TextField name="pupils" width="short" inputMode="numeric" />
        <TextField name="teachers" width="short" inputMode="numeric" />
        <TextAreaField name="experience" rows={5} />
        <TextAreaField name="adaptations" rows={3} />
        <TextField name="evidenceUrl" hint={t("library.report.evidenceHint")} />
        <div className="button-row">
          <SubmitButton>{t("library.reportSend")}</SubmitButton>
          <Link to={back}>{t("common.cancel")}</Link>
        </div>
      </AppForm>
    </>
  );
}
