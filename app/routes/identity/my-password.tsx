import { data, href } from "react-router";
import { signInAccountKey } from "../../../src/identity/auth-guard";
import { countAttempt, giveBackAttempt } from "../../../src/identity/auth-throttle";
import { changeOwnPassword } from "../../../src/identity/change-own-password";
import { AppForm, SubmitButton, TextField } from "../../components/form";
import { formConstraints } from "../../components/form-constraints.server";
import { Breadcrumbs, PageHeader } from "../../components/page";
import { forbidden, requireActor } from "../../lib/actor.server";
import { type Answered, answer } from "../../lib/answer.server";
import { feedback, formValues } from "../../lib/form-data.server";
import { useT } from "../../lib/i18n";
import { getLocale } from "../../lib/locale.server";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/my-password";

// A signed-in person chooses a new password (ADR 0022): the current one is asked first, and a
// wrong current password counts as a failed sign-in attempt of the account (the same limit, so a
// stolen session cannot guess it either). Saving ends the person's other sessions and voids their
// reset links; this session stays. A plain form: works without JavaScript.

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "myPassword.title");

export async function loader({ request }: Route.LoaderArgs) {
  await requireActor(request);
  return { constraints: formConstraints(changeOwnPassword.spec.input) };
}

export async function action({ request }: Route.ActionArgs) {
  const actor = await requireActor(request);
  const values = formValues(await request.formData());
  const { auth, config, database } = await services();
  const current = await auth.api.getSession({ headers: request.headers });
  if (!current) forbidden();
  const attempt = {
    key: signInAccountKey(actor.email),
    limit: config.SIGN_IN_ACCOUNT_FAILURES,
  };
  const windowMs = config.AUTH_FAILURE_WINDOW_MINUTES * 60_000;
  const verdict = await countAttempt(database.db, [attempt], windowMs);
  if (verdict.retryAt) {
    const time = new Intl.DateTimeFormat(getLocale(request) === "en" ? "en-GB" : "nl-BE", {
      timeZone: "Europe/Brussels",
      timeStyle: "short",
    }).format(verdict.retryAt);
    return data<Answered>(
      {
        feedback: {
          ...feedback(values, { formErrors: ["auth.accountLocked"] }, passwordFields),
          formErrorParams: { "auth.accountLocked": { time } },
        },
      },
      429,
    );
  }
  const result = await changeOwnPassword(
    { db: database.db, actor },
    {
      userId: actor.userId,
      keepSessionId: current.session.id,
      currentPassword: values.currentPassword,
      newPassword: values.newPassword,
    },
  );
  // Only a wrong current password is a guess; a new password that is too short is not.
  const wrongCurrent =
    !result.ok &&
    result.reason === "invalid" &&
    result.fieldErrors.currentPassword?.[0] === "myPassword.wrongCurrent";
  if (!wrongCurrent) await giveBackAttempt(database.db, [attempt.key], windowMs);
  return answer(result, {
    success: () => ({ redirect: href("/mijn/gegevens"), flash: "myPassword.saved" }),
    values,
    omit: passwordFields,
  });
}

const passwordFields = ["currentPassword", "newPassword"];

export default function MyPassword({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const labels = {
    currentPassword: t("myPassword.current"),
    newPassword: t("auth.newPassword"),
  };
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/mijn"), label: t("dashboard.title") },
          { to: href("/mijn/gegevens"), label: t("myDetails.title") },
          { label: t("myPassword.title") },
        ]}
      />
      <PageHeader title={t("myPassword.title")} lead={t("myPassword.lead")} />
      <AppForm constraints={loaderData.constraints} feedback={actionData?.feedback} labels={labels}>
        <TextField
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          width="medium"
        />
        <TextField
          name="newPassword"
          type="password"
          hint={t("auth.newPasswordHint")}
          autoComplete="new-password"
          width="medium"
        />
        <SubmitButton>{t("myPassword.save")}</SubmitButton>
      </AppForm>
    </>
  );
}
