import { data, href, redirect } from "react-router";
import { signInInput } from "../../../src/identity/sign-in-input";
import { safeReturnPath } from "../../../src/platform/return-path";
import { zodFieldErrors } from "../../../src/platform/use-case";
import { AppForm, CsrfField, SubmitButton, TextField } from "../../components/form";
import { formConstraints } from "../../components/form-constraints.server";
import { FlashNotice, PageHeader } from "../../components/page";
import { getActor } from "../../lib/actor.server";
import { callAuthEndpoint, forwardCookies, refusedFeedback } from "../../lib/auth-request.server";
import { feedback, formValues } from "../../lib/form-data.server";
import { useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/sign-in";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "auth.signInTitle");

export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const back = safeReturnPath(url.searchParams.get("terug"));
  if (await getActor(request)) throw redirect(back);
  const { config } = await services();
  return {
    back,
    oidc: config.oidc ? config.oidc.displayName : null,
    required: url.searchParams.has("terug"),
    constraints: formConstraints(signInInput),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData();
  const values = formValues(form);
  const parsed = signInInput.safeParse(values);
  if (!parsed.success) return data(feedback(values, zodFieldErrors(parsed.error)), 400);
  const response = await callAuthEndpoint(request, "/sign-in/email", {
    email: parsed.data.email,
    password: parsed.data.password,
    rememberMe: false,
  });
  if (response.status === 429)
    return data(await refusedFeedback(request, values, response, "auth.accountLocked"), 429);
  if (!response.ok) return data(feedback(values, { formErrors: ["auth.invalidCredentials"] }), 401);
  return redirect(safeReturnPath(values.back), { headers: forwardCookies(response) });
}

export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <PageHeader
        title={t("auth.signInTitle")}
        lead={loaderData.required ? t("auth.signInRequired") : t("auth.signInLead")}
      />
      <FlashNotice />
      <AppForm
        constraints={loaderData.constraints}
        feedback={actionData}
        labels={{ email: t("auth.email"), password: t("auth.password") }}
      >
        <input type="hidden" name="back" value={loaderData.back} />
        <TextField name="email" autoComplete="username" width="medium" />
        <TextField name="password" type="password" autoComplete="current-password" width="medium" />
        <div className="button-row">
          <SubmitButton>{t("auth.submit")}</SubmitButton>
          <a href={href("/wachtwoord-vergeten")}>{t("auth.forgotLink")}</a>
        </div>
      </AppForm>
      {loaderData.oidc && (
        <>
          <p>{t("auth.or")}</p>
          <form method="post" action={href("/aanmelden/oidc")}>
            <CsrfField />
            <button type="submit" className="button button--secondary">
              {t("auth.oidcButton", { provider: loaderData.oidc })}
            </button>
          </form>
        </>
      )}
    </>
  );
}
