import { href, redirect } from "react-router";
import { oidcProviderId } from "../../../src/identity/auth";
import { notFound } from "../../lib/actor.server";
import { callAuthEndpoint, forwardCookies } from "../../lib/auth-request.server";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/sign-in-oidc";

/** Starts sign-in at the configured OpenID Connect provider (only when OIDC_* is configured). */
export async function action({ request }: Route.ActionArgs) {
  const { config } = await services();
  if (!config.oidc) notFound();
  // better-auth's generic OAuth plugin registers the provider as a social provider.
  const response = await callAuthEndpoint(request, "/sign-in/social", {
    provider: oidcProviderId,
    callbackURL: "/mijn",
    errorCallbackURL: "/aanmelden",
  });
  const body = (await response.json()) as { url?: string };
  if (!response.ok || !body.url) throw new Response("OIDC unavailable", { status: 502 });
  return redirect(body.url, { headers: forwardCookies(response) });
}

export function loader() {
  return redirect(href("/aanmelden"));
}
