import { data, href } from "react-router";
import { forgotPasswordInput } from "../../../src/identity/sign-in-input";
import { zodFieldErrors } from "../../../src/platform/use-case";
import { AppForm, SubmitButton, TextField } from "../../components/form";
import { formConstraints } from "../../components/form-constraints.server";
import { PageHeader } from "../../components/page";
import { callAuthEndpoint, refusedFeedback } from "../../lib/auth-request.server";
import { feedback, formValues } from "../../lib/form-data.server";
import { useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import type { Route } from "./+types/forgot-password";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "auth.forgotTitle");

export function loader() {
  return { constraints: formConstraints(forgotPasswordInput) };
}

export async function action({ request }: Route.ActionArgs) {
  const values = formValues(await request.formData());
  const parsed = forgotPasswordInput.safeParse(values);
  if (!parsed.success)
    return data({ sent: false, ...feedback(values, zodFieldErrors(parsed.error)) }, 400);
  const response = await callAuthEndpoint(request, "/request-password-reset", {
    email: parsed.data.email,
    redirectTo: href("/wachtwoord-herstellen"),
  });
  if (response.status === 429) {
    const refused = await refusedFeedback(request, values, response, "auth.resetLimited");
    return data({ sent: false, ...refused }, 429);
  }
  // The same answer whether or not the address has an account: no account enumeration.
  return { sent: true };
}

export default function ForgotPassword({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <PageHeader title={t("auth.forgotTitle")} lead={t("auth.forgotLead")} />
      {actionData?.sent ? (
        <div className="notice notice--success" role="status">
          {t("auth.forgotSent")}
        </div>
      ) : (
        <AppForm
          constraints={loaderData.constraints}
          feedback={actionData && "values" in actionData ? actionData : undefined}
          labels={{ email: t("auth.email") }}
        >
          <TextField name="email" autoComplete="email" width="medium" />
          <SubmitButton>{t("auth.forgotSubmit")}</SubmitButton>
        </AppForm>
      )}
    </>
  );
}
