import { data, href } from "react-router";
import { resetPasswordInput } from "../../../src/identity/sign-in-input";
import { zodFieldErrors } from "../../../src/platform/use-case";
import { AppForm, SubmitButton, TextField } from "../../components/form";
import { formConstraints } from "../../components/form-constraints.server";
import { PageHeader } from "../../components/page";
import { callAuthEndpoint, refusedFeedback } from "../../lib/auth-request.server";
import { redirectWithFlash } from "../../lib/flash.server";
import { feedback, formValues } from "../../lib/form-data.server";
import { useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import type { Route } from "./+types/reset-password";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "auth.resetTitle");

export function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  return {
    token: url.searchParams.get("token") ?? "",
    invalid: url.searchParams.has("error"),
    constraints: formConstraints(resetPasswordInput),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const values = formValues(await request.formData());
  const parsed = resetPasswordInput.safeParse(values);
  if (!parsed.success) return data(feedback(values, zodFieldErrors(parsed.error)), 400);
  const response = await callAuthEndpoint(request, "/reset-password", {
    newPassword: parsed.data.password,
    token: parsed.data.token,
  });
  if (response.status === 429)
    return data(await refusedFeedback(request, values, response, "auth.resetAttemptsLimited"), 429);
  if (!response.ok) return data(feedback(values, { formErrors: ["auth.resetInvalid"] }), 400);
  return redirectWithFlash(href("/aanmelden"), "auth.resetDone");
}

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  if (loaderData.invalid || !loaderData.token) {
    return (
      <>
        <PageHeader title={t("auth.resetTitle")} lead={t("auth.resetInvalid")} />
        <p>
          <a href={href("/wachtwoord-vergeten")}>{t("auth.forgotLink")}</a>
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeader title={t("auth.resetTitle")} />
      <AppForm
        constraints={loaderData.constraints}
        feedback={actionData}
        labels={{ password: t("auth.newPassword") }}
      >
        <input type="hidden" name="token" value={loaderData.token} />
        <TextField
          name="password"
          type="password"
          hint={t("auth.newPasswordHint")}
          autoComplete="new-password"
          width="medium"
        />
        <SubmitButton>{t("auth.resetSubmit")}</SubmitButton>
      </AppForm>
    </>
  );
}
