import { config } from "../../src/platform/config";

// The one table of request-body limits, per route. The HTTP edge (server/http-edge.ts) applies it
// before the app reads a byte: by Content-Length, and while streaming for bodies sent without one
// (chunked). Hostile input is also big input: 3 × 300 MB anonymous posts once took the server to
// 2.7 GB, because only uploads were size-checked and other forms were read whole for the CSRF token.

/** What happens to a body over its limit. */
export type TooLarge =
  /** 413 with a short Dutch page; the rest of the body is not read. */
  | "refuse"
  /**
   * An upload page's file was too large: the body is read to its end and thrown away (so that the
   * browser sees the answer, not a reset connection), then the app gets the post without its
   * body, marked with `bodyRefusedHeader`, and sends the browser back to the page with
   * `?te-groot=1`, which says why in Dutch (refusedUploadMiddleware). Beyond `maxDrainedBytes` the
   * connection is closed.
   */
  | "back-to-form";

export interface BodyLimit {
  maxBytes: number;
  tooLarge: TooLarge;
}

/** The query parameter that tells an upload page its last file was refused as too large. */
export const uploadTooLargeParam = "te-groot";

/** Beyond this, a too-large upload is not even drained: 413 and the connection is closed. */
export const maxDrainedBytes = 256 * 1024 * 1024;

const kib = 1024;
const mib = 1024 * kib;
/** Room for a multipart form's other fields (CSRF token, description…) next to its file. */
const multipartOverhead = 256 * kib;

/**
 * An ordinary form. The largest is a call's application form as JSON (at most 200,000 characters,
 * src/calls/form-definition.ts), which URL-encoded takes up to six bytes for an accented letter;
 * a section of an application with its longest texts is a few hundred kilobytes.
 */
export const ordinaryFormMaxBytes = 2 * mib;

interface Rule {
  /** Matched against the path only; the query never selects a limit. */
  path: RegExp;
  /** A rule for multipart bodies only (uploads); other bodies there get the ordinary limit. */
  multipartOnly?: true;
  limit: () => BodyLimit;
}

const rules: Rule[] = [
  // better-auth's JSON endpoints: an e-mail address, a password, a token.
  { path: /^\/api\/auth\//, limit: () => ({ maxBytes: 64 * kib, tooLarge: "refuse" }) },
  // OAI-PMH harvesters may POST their arguments as a form: a verb, a token, a few dates.
  { path: /^\/oai$/, limit: () => ({ maxBytes: 16 * kib, tooLarge: "refuse" }) },
  // An application's attachments (app/routes/applications/application-attachments.tsx).
  {
    path: /^\/aanvragen\/[^/]+\/bijlagen$/,
    multipartOnly: true,
    limit: () => ({
      maxBytes: config().ATTACHMENT_MAX_BYTES + multipartOverhead,
      tooLarge: "back-to-form",
    }),
  },
  // A learning material version's files (app/routes/library/material-files.tsx): slides, short videos.
  {
    path: /^\/bibliotheek\/[^/]+\/versies\/[^/]+\/bestanden$/,
    multipartOnly: true,
    limit: () => ({
      maxBytes: config().MATERIAL_FILE_MAX_BYTES + multipartOverhead,
      tooLarge: "back-to-form",
    }),
  },
];

/**
 * The header by which the edge tells the app that it threw a too-large upload away (the body it
 * passes on is then empty); the edge removes it from every request that comes in.
 */
export const bodyRefusedHeader = "x-innovet-body-refused";

/**
 * The page a request is for: with JavaScript, React Router posts a page's form to the page's
 * address plus `.data` (`/_.data` for `/`), as its own server does before matching routes.
 */
export function pagePathOf(requestPath: string): string {
  return requestPath.endsWith("/_.data")
    ? requestPath.slice(0, -"_.data".length)
    : requestPath.replace(/\.data$/, "");
}

/** The limit for a body posted to `path` with this Content-Type. */
export function bodyLimitFor(requestPath: string, contentType: string | undefined): BodyLimit {
  const path = pagePathOf(requestPath);
  const multipart = (contentType ?? "").toLowerCase().startsWith("multipart/form-data");
  for (const rule of rules) {
    if (rule.path.test(path) && (!rule.multipartOnly || multipart)) return rule.limit();
  }
  return { maxBytes: ordinaryFormMaxBytes, tooLarge: "refuse" };
}

/**
 * Whether `path` is an upload page, whose multipart body may be far larger than an ordinary form
 * and is therefore read once, by the CSRF check, and handed to the page (`readSubmittedForm`).
 */
export function isUploadPath(requestPath: string): boolean {
  const path = pagePathOf(requestPath);
  return rules.some((rule) => rule.multipartOnly && rule.path.test(path));
}
