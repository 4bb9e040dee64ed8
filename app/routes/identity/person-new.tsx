import { href } from "react-router";
import { locales } from "../../../src/i18n/message";
import { createPerson } from "../../../src/identity/create-person";
import { identityPolicy } from "../../../src/identity/policy";
import { AppForm, SelectField, SubmitButton, TextField } from "../../components/form";
import { formConstraints } from "../../components/form-constraints.server";
import { Breadcrumbs, PageHeader } from "../../components/page";
import { forbidden, requireActor } from "../../lib/actor.server";
import { answer } from "../../lib/answer.server";
import { formValues } from "../../lib/form-data.server";
import { useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/person-new";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "people.newTitle");

export async function loader({ request }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  if (!identityPolicy.createPerson(actor)) forbidden();
  return { constraints: formConstraints(createPerson.spec.input) };
}

export async function action({ request }: Route.ActionArgs) {
  const actor = await requireActor(request);
  if (!identityPolicy.createPerson(actor)) forbidden();
  const values = formValues(await request.formData());
  const { database } = await services();
  const result = await createPerson({ db: database.db, actor }, values);
  return answer(result, {
    success: ({ userId }) => ({
      redirect: href("/beheer/personen/:userId", { userId }),
      flash: "people.created",
    }),
    values,
  });
}

export default function PersonNew({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const labels = {
    name: t("people.name"),
    email: t("people.email"),
    password: t("people.password"),
    locale: t("people.locale"),
  };
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/beheer/personen"), label: t("people.title") },
          { label: t("people.newTitle") },
        ]}
      />
      <PageHeader title={t("people.newTitle")} />
      <AppForm constraints={loaderData.constraints} feedback={actionData?.feedback} labels={labels}>
        <TextField name="name" autoComplete="off" width="medium" />
        <TextField name="email" autoComplete="off" width="medium" />
        <TextField
          name="password"
          type="password"
          hint={t("people.passwordHint")}
          autoComplete="new-password"
          width="medium"
        />
        <SelectField
          name="locale"
          defaultValue="nl"
          options={locales.map((l) => ({ value: l, label: t(`people.locale.${l}`) }))}
        />
        <div className="button-row">
          <SubmitButton>{t("people.add")}</SubmitButton>
          <a href={href("/beheer/personen")}>{t("common.cancel")}</a>
        </div>
      </AppForm>
    </>
  );
}
