import { type MiddlewareFunction, redirect } from "react-router";
import { bodyRefusedHeader, pagePathOf, uploadTooLargeParam } from "./body-limits.server";

/**
 * An upload the HTTP edge threw away as too large (server/http-edge.ts) arrives here without its
 * body: back to its page, which says why in Dutch. Nothing is kept and nothing changes. React
 * Router answers the redirect in the form a page with JavaScript expects as well as with a 303
 * for a plain form, which the edge could not do itself.
 */
export const refusedUploadMiddleware: MiddlewareFunction<Response> = async ({ request }, next) => {
  if (request.headers.get(bodyRefusedHeader) !== "too-large") return next();
  // Middleware sees the address as posted, `.data` and `_routes` included: back to the page itself.
  const url = new URL(request.url);
  url.searchParams.delete("_routes");
  url.searchParams.set(uploadTooLargeParam, "1");
  throw redirect(pagePathOf(url.pathname) + url.search, 303);
};
