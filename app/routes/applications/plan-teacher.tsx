import { href, Link } from "react-router";
import { readConsortium } from "../../../src/applications/consortium/read-consortium";
import { addPlanTeacher } from "../../../src/applications/plan/add-plan-teacher";
import { learningMethods } from "../../../src/applications/plan/model";
import { addTeacherInput } from "../../../src/applications/plan/plan-input";
import { planAnchors } from "../../../src/applications/plan/plan-problems";
import { readPlan } from "../../../src/applications/plan/read-plan";
import { updatePlanTeacher } from "../../../src/applications/plan/update-plan-teacher";
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
import { type Answered, answer } from "../../lib/answer.server";
import { formValues } from "../../lib/form-data.server";
import { useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/plan-teacher";
import { loadStepPage, text } from "./plan-routes.server";

// Adding or changing a teacher involved in the project and their professionalisation: what they
// learn, how, with whom, and for how many hours. /plan/leraren/nieuw adds, /plan/leraren/<id>
// changes. The school is one of the consortium's schools: the lead school or a co-applicant school.

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  pageTitle(matches, loaderData?.teacher ? "plan.changeTeacher" : "plan.addTeacher");

export async function loader({ request, params }: Route.LoaderArgs) {
  const { view, db } = await loadStepPage(request, params.applicationId);
  if (!view.canEdit) forbidden();
  const plan = await readPlan(db, view.id);
  if (!plan) notFound();
  const teacher = params.teacherId
    ? plan.teachers.find((x) => x.id === params.teacherId)
    : undefined;
  if (params.teacherId && !teacher) notFound();
  const consortium = await readConsortium(db, view.id);
  return {
    application: { id: view.id, title: view.title },
    leadSchoolId: view.leadOrganisationId,
    // The lead school first, then the co-applicant schools by name.
    schools: (consortium?.schools ?? []).map((s) => ({ value: s.organisationId, label: s.name })),
    teacher: teacher ?? null,
    constraints: formConstraints(addTeacherInput),
  };
}

const fields = [
  "name",
  "email",
  "role",
  "organisationId",
  "learningGoal",
  "learningMethod",
  "learningWith",
  "plannedHours",
] as const;

export async function action({ request, params }: Route.ActionArgs) {
  const actor = await requireActor(request);
  const form = await request.formData();
  const input = {
    applicationId: params.applicationId,
    ...Object.fromEntries(fields.map((f) => [f, text(form, f)])),
  };
  const { database } = await services();
  const ctx = { db: database.db, actor };
  const result = params.teacherId
    ? await updatePlanTeacher(ctx, { ...input, teacherId: params.teacherId })
    : await addPlanTeacher(ctx, input);
  return answer(result, {
    success: ({ id }) => ({
      redirect: `${href("/aanvragen/:applicationId/plan", params)}#${planAnchors.teacher(id)}`,
      flash: "plan.saved",
    }),
    values: formValues(form),
  });
}

export default function PlanTeacherPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { application: a, teacher, leadSchoolId, schools } = loaderData;
  const title = teacher ? t("plan.changeTeacher") : t("plan.addTeacher");
  const planHref = href("/aanvragen/:applicationId/plan", { applicationId: a.id });
  const labels: Record<(typeof fields)[number], string> = {
    name: t("plan.teacher.name"),
    email: t("plan.teacher.email"),
    role: t("plan.teacher.role"),
    organisationId: t("plan.teacher.school"),
    learningGoal: t("plan.teacher.learningGoal"),
    learningMethod: t("plan.teacher.learningMethod"),
    learningWith: t("plan.teacher.learningWith"),
    plannedHours: t("plan.teacher.plannedHours"),
  };
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/aanvragen"), label: t("application.listTitle") },
          { to: href("/aanvragen/:applicationId", { applicationId: a.id }), label: a.title },
          { to: planHref, label: t("plan.title") },
          { label: title },
        ]}
      />
      <PageHeader title={title} />
      <AppForm
        feedback={(actionData as Answered | undefined)?.feedback}
        labels={labels}
        constraints={loaderData.constraints}
      >
        <TextField name="name" autoComplete="off" defaultValue={teacher?.name} />
        <TextField name="email" autoComplete="off" defaultValue={teacher?.email} />
        <TextField name="role" hint={t("plan.teacher.roleHint")} defaultValue={teacher?.role} />
        <SelectField
          name="organisationId"
          options={schools}
          placeholder={t("plan.teacher.schoolNotGiven")}
          defaultValue={teacher ? (teacher.organisationId ?? "") : leadSchoolId}
        />
        <fieldset className="field">
          <legend>{t("plan.professionalisationTitle")}</legend>
          <p className="field__hint">{t("plan.professionalisationHint")}</p>
          <TextAreaField
            name="learningGoal"
            conditional
            rows={4}
            defaultValue={teacher?.learningGoal}
          />
          <SelectField
            name="learningMethod"
            conditional
            options={learningMethods.map((m) => ({
              value: m,
              label: t(`plan.learningMethod.${m}`),
            }))}
            defaultValue={teacher?.learningMethod}
          />
          <TextField
            name="learningWith"
            hint={t("plan.teacher.learningWithHint")}
            defaultValue={teacher?.learningWith}
          />
          <TextField
            name="plannedHours"
            conditional
            width="short"
            defaultValue={teacher?.plannedHours?.toString()}
          />
        </fieldset>
        <SubmitButton>{t("plan.saveTeacher")}</SubmitButton>
      </AppForm>
      <p>
        <Link to={planHref}>{t("plan.backToPlan")}</Link>
      </p>
    </>
  );
}
