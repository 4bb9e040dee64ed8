import { href, Link } from "react-router";
import { changeOwnName } from "../../../src/identity/change-own-name";
import { AppForm, SubmitButton, TextField } from "../../components/form";
import { formConstraints } from "../../components/form-constraints.server";
import { Breadcrumbs, FlashNotice, PageHeader } from "../../components/page";
import { requireActor } from "../../lib/actor.server";
import { answer } from "../../lib/answer.server";
import { formValues } from "../../lib/form-data.server";
import { useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/my-details";

// A person's own details: the name others see, changed through the audited use case (ADR 0022;
// better-auth's own update-user endpoint is switched off). The e-mail address is shown only: it
// is how a person signs in, so an administrator changes it. A plain form: works without
// JavaScript.

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "myDetails.title");

export async function loader({ request }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  return {
    name: actor.name,
    email: actor.email,
    constraints: formConstraints(changeOwnName.spec.input),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const actor = await requireActor(request);
  const values = formValues(await request.formData());
  const { database } = await services();
  const result = await changeOwnName(
    { db: database.db, actor },
    { userId: actor.userId, name: values.name },
  );
  return answer(result, {
    success: ({ changed }) => ({
      redirect: href("/mijn/gegevens"),
      flash: changed ? "myDetails.saved" : "myDetails.unchanged",
    }),
    values,
  });
}

export default function MyDetails({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/mijn"), label: t("dashboard.title") },
          { label: t("myDetails.title") },
        ]}
      />
      <PageHeader title={t("myDetails.title")} lead={t("myDetails.lead")} />
      <FlashNotice />
      <dl className="summary-list">
        <dt>{t("people.email")}</dt>
        <dd>{loaderData.email}</dd>
      </dl>
      {/* Keyed by the saved name: after saving, the field shows the name as stored (trimmed),
          also when the browser kept the form mounted through the redirect. */}
      <AppForm
        constraints={loaderData.constraints}
        key={loaderData.name}
        feedback={actionData?.feedback}
        labels={{ name: t("people.name") }}
      >
        <TextField
          name="name"
          hint={t("people.nameHint")}
          defaultValue={loaderData.name}
          autoComplete="name"
          width="medium"
        />
        <SubmitButton>{t("myDetails.save")}</SubmitButton>
      </AppForm>
      <section aria-labelledby="wachtwoord">
        <h2 id="wachtwoord">{t("myDetails.passwordTitle")}</h2>
        <p>
          <Link to={href("/mijn/wachtwoord")}>{t("myDetails.passwordLink")}</Link>
        </p>
      </section>
    </>
  );
}
