import { randomUUID } from "node:crypto";
import type { Database } from "../../src/db/client";
import type { createAuth } from "../../src/identity/auth";
import { account, user } from "../../src/identity/schema";

// People who can sign in, and reaching better-auth's HTTP handler the way the pages and any script do (ADR 0022), for the
// identity tests: a JSON POST from the site's own origin, from a client address of the test's
// choosing (the limits on guessing count per address), with a session cookie where one is given.

type AuthHandler = Pick<ReturnType<typeof createAuth>, "handler">;

/** POSTs `body` as JSON to `/api/auth<path>` of the auth set up for `baseUrl`. */
export function postToAuth(
  auth: AuthHandler,
  baseUrl: string,
  path: string,
  body: unknown,
  address: string,
  cookie?: string,
) {
  return auth.handler(
    new Request(`${baseUrl}/api/auth${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: baseUrl,
        "x-forwarded-for": address,
        ...(cookie ? { cookie } : {}),
      },
      body: JSON.stringify(body),
    }),
  );
}

/**
 * Puts people who sign in with an e-mail address and a password (a verified user, a credential
 * account) straight into the tables: the test's own people, so that its counters and sessions
 * are its own. `passwordHash` is better-auth's hash, made once and shared where there are many.
 */
export async function insertPeopleWithPassword(
  db: Database,
  people: readonly { id: string; email: string; name: string }[],
  passwordHash: string,
) {
  await db.insert(user).values(people.map((p) => ({ ...p, emailVerified: true })));
  await db.insert(account).values(
    people.map((p) => ({
      id: randomUUID(),
      accountId: p.id,
      providerId: "credential",
      userId: p.id,
      password: passwordHash,
    })),
  );
}
