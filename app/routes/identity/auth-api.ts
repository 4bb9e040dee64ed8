import { services } from "../../lib/services.server";
import type { Route } from "./+types/auth-api";

// better-auth's own endpoints (OIDC callbacks, session, password reset links).
export async function loader({ request }: Route.LoaderArgs) {
  return (await services()).auth.handler(request);
}

export async function action({ request }: Route.ActionArgs) {
  return (await services()).auth.handler(request);
}
