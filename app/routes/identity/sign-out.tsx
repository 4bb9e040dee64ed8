import { href, redirect } from "react-router";
import { AppForm, SubmitButton } from "../../components/form";
import { PageHeader } from "../../components/page";
import { callAuthEndpoint, forwardCookies } from "../../lib/auth-request.server";
import { redirectWithFlash } from "../../lib/flash.server";
import { useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import type { Route } from "./+types/sign-out";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "auth.signOutTitle");

export async function action({ request }: Route.ActionArgs) {
  const response = await callAuthEndpoint(request, "/sign-out", {});
  const flash = await redirectWithFlash(href("/aanmelden"), "auth.signedOut");
  const headers = new Headers(flash.headers);
  forwardCookies(response, headers);
  return redirect(href("/aanmelden"), { headers });
}

/** Without JavaScript a GET shows a confirmation form (sign-out must be a POST). */
export default function SignOut() {
  const t = useT();
  return (
    <>
      <PageHeader title={t("auth.signOutTitle")} lead={t("auth.signOutConfirm")} />
      <AppForm>
        <SubmitButton>{t("nav.signOut")}</SubmitButton>
      </AppForm>
    </>
  );
}
