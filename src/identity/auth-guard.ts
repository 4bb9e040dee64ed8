import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, getIP, isAPIError } from "better-auth/api";
import { and, eq, like } from "drizzle-orm";
import type { Database, DbExecutor } from "../db/client";
import { countAttempt, giveBackAttempt, pruneAttempts, type ThrottleRule } from "./auth-throttle";
import { verification } from "./schema";

// The limits on guessing (ADR 0022), as a better-auth plugin so that they hold for every way in:
// the platform's own forms and a script posting to /api/auth alike.
//
// - sign-in: failures per account (the e-mail address, whether or not it has an account, so the
//   answer does not tell which addresses exist) and failures per client address;
// - asking for a reset mail: requests per account and per address (each request sends a mail);
// - using a reset link: attempts per account (the link's owner) and per address.
//
// Successful attempts are given back, so only failures (and reset mails) add up.

export interface AuthGuardLimits {
  /** Failed sign-ins per account per window. */
  accountFailures: number;
  /** Failed sign-ins (and reset requests and attempts) per client address per window. */
  addressFailures: number;
  /** Reset mails asked for, and reset links used, per account per window. */
  resetPerAccount: number;
  windowMs: number;
}

/** The 429 a refused attempt gets: when to try again, for people (Retry-After) and forms. */
export class AttemptRefused extends APIError {
  constructor(code: "ACCOUNT_LOCKED" | "ADDRESS_THROTTLED", retryAt: Date, now: Date) {
    const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
    super(
      "TOO_MANY_REQUESTS",
      {
        code,
        message:
          code === "ACCOUNT_LOCKED"
            ? "Too many failed attempts for this account. Try again later."
            : "Too many failed attempts from this address. Try again later.",
        retryAt: retryAt.toISOString(),
      },
      { "Retry-After": String(seconds) },
    );
  }
}

const guardedPaths = ["/sign-in/email", "/request-password-reset", "/reset-password"] as const;
type GuardedPath = (typeof guardedPaths)[number];
const isGuarded = (path: string | undefined): path is GuardedPath =>
  guardedPaths.includes(path as GuardedPath);

/** An e-mail address as better-auth looks it up, bounded so it stays a sensible key. */
function accountKeyOf(body: unknown): string | null {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === "string" && email.trim()
    ? email.trim().toLowerCase().slice(0, 320)
    : null;
}

/** The counter of an account's failed sign-ins; the password page counts a wrong current one. */
export const signInAccountKey = (email: string) =>
  `sign-in/email:account:${email.trim().toLowerCase().slice(0, 320)}`;

export function authGuard(db: Database, limits: AuthGuardLimits): BetterAuthPlugin {
  // The keys each request counted, to give back when it succeeds.
  const counted = new WeakMap<object, string[]>();

  async function rulesFor(
    path: GuardedPath,
    body: unknown,
    address: string,
  ): Promise<Array<ThrottleRule & { scope: "account" | "address" }>> {
    const byAddress = {
      key: `${path.slice(1)}:address:${address}`,
      limit: limits.addressFailures,
      scope: "address" as const,
    };
    if (path === "/reset-password") {
      const token = (body as { token?: unknown } | undefined)?.token;
      const [owner] =
        typeof token === "string" && token.length <= 512
          ? await db
              .select({ userId: verification.value })
              .from(verification)
              .where(eq(verification.identifier, `reset-password:${token}`))
          : [];
      return owner
        ? [
            {
              key: `reset-password:account:${owner.userId}`,
              limit: limits.resetPerAccount,
              scope: "account",
            },
            byAddress,
          ]
        : [byAddress];
    }
    const account = accountKeyOf(body);
    if (!account) return [byAddress];
    const byAccount =
      path === "/sign-in/email"
        ? { key: signInAccountKey(account), limit: limits.accountFailures }
        : { key: `request-password-reset:account:${account}`, limit: limits.resetPerAccount };
    return [{ ...byAccount, scope: "account" }, byAddress];
  }

  return {
    id: "innovet-auth-guard",
    hooks: {
      before: [
        {
          matcher: (ctx) => isGuarded(ctx.path),
          handler: createAuthMiddleware(async (ctx) => {
            if (!isGuarded(ctx.path)) return;
            const now = new Date();
            const address =
              ((ctx.request ?? ctx.headers)
                ? getIP(ctx.request ?? (ctx.headers as Headers), ctx.context.options)
                : null) ?? "unknown";
            const rules = await rulesFor(ctx.path, ctx.body, address);
            const verdict = await countAttempt(db, rules, limits.windowMs, now);
            if (verdict.refused && verdict.retryAt) {
              const scope = rules.find((r) => r.key === verdict.refused?.key)?.scope;
              throw new AttemptRefused(
                scope === "account" ? "ACCOUNT_LOCKED" : "ADDRESS_THROTTLED",
                verdict.retryAt,
                now,
              );
            }
            if (ctx.path !== "/request-password-reset" && ctx.body && typeof ctx.body === "object")
              counted.set(
                ctx.body,
                rules.map((r) => r.key),
              );
          }),
        },
      ],
      after: [
        {
          matcher: (ctx) => ctx.path === "/sign-in/email" || ctx.path === "/reset-password",
          handler: createAuthMiddleware(async (ctx) => {
            const keys =
              ctx.body && typeof ctx.body === "object" ? counted.get(ctx.body) : undefined;
            if (!keys || isAPIError(ctx.context.returned)) return;
            const now = new Date();
            await giveBackAttempt(db, keys, limits.windowMs, now);
            // Counters whose window ended a day ago limit nothing; a success sweeps them away.
            await pruneAttempts(db, new Date(now.getTime() - limits.windowMs - 86_400_000));
          }),
        },
      ],
    },
  };
}

/** Every reset link of a person that is still outstanding: a new password makes them void. */
export async function voidResetLinks(db: DbExecutor, userId: string) {
  return db
    .delete(verification)
    .where(and(eq(verification.value, userId), like(verification.identifier, "reset-password:%")))
    .returning({ id: verification.id });
}
