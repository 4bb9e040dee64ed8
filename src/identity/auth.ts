import { randomUUID } from "node:crypto";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { genericOAuth } from "better-auth/plugins";
import { eq } from "drizzle-orm";
import { recordAuditEvent } from "../audit/record-event";
import type { Database } from "../db/client";
import * as schema from "../db/schema";
import type { Config } from "../platform/config";
import { scheduleJob } from "../platform/jobs/schedule-job";
import { authGuard, voidResetLinks } from "./auth-guard";
import { passwordResetMailJob } from "./password-reset-mail";
import { sessionLifetimeSeconds } from "./session-lifetime";

// Sessions and passwords are better-auth's (docs/decisions/0004): sessions live in the database,
// so any number of app processes can serve the same users. Failed sign-ins and reset attempts are
// limited per account and per address with counters in the database as well (ADR 0022).

export const oidcProviderId = "vlaanderen";

/**
 * better-auth's endpoints the platform does not use (ADR 0022). Most of them change data
 * (the name, the e-mail address, the password, sessions, linked accounts, the person itself)
 * outside the platform's audited use cases, so they are switched off: they answer 404. A person
 * changes their name on /mijn/gegevens (change-own-name.ts) and their password by a reset link.
 * Still open: sign-in (e-mail, and /sign-in/social with /callback/:id, which the OpenID Connect
 * provider uses), sign-out, get-session, the reset request, link and reset, ok and error.
 */
export const disabledAuthPaths = [
  "/sign-up/email",
  "/update-user",
  "/change-email",
  "/change-password",
  "/set-password",
  "/verify-password",
  "/delete-user",
  "/delete-user/callback",
  "/verify-email",
  "/send-verification-email",
  "/update-session",
  "/list-sessions",
  "/revoke-session",
  "/revoke-sessions",
  "/revoke-other-sessions",
  "/link-social",
  "/list-accounts",
  "/unlink-account",
  "/account-info",
  "/refresh-token",
  "/get-access-token",
];

export function createAuth(options: { db: Database; config: Config }) {
  const { db, config } = options;
  return betterAuth({
    appName: "InnoVET",
    baseURL: config.BASE_URL,
    basePath: "/api/auth",
    secret: config.AUTH_SECRET,
    trustedOrigins: [config.BASE_URL],
    telemetry: { enabled: false },
    database: drizzleAdapter(db, { provider: "pg", schema }),
    user: {
      additionalFields: {
        locale: { type: "string", required: false, defaultValue: "nl", input: false },
        active: { type: "boolean", required: false, defaultValue: true, input: false },
      },
    },
    emailAndPassword: {
      enabled: true,
      // Accounts are created by platform administrators and the seed, not by self-registration.
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      resetPasswordTokenExpiresIn: 60 * 60,
      // Every session ends with a reset (nobody is signed in while using a reset link).
      revokeSessionsOnPasswordReset: true,
      // A new password voids every other reset link of the person, so an older link (in a
      // mailbox someone else reads) cannot set a password after the newer one did; and it is a
      // state change: recorded, without the hash.
      onPasswordReset: async ({ user }) => {
        await db.transaction(async (tx) => {
          const voided = await voidResetLinks(tx, user.id);
          await recordAuditEvent(tx, user.id, {
            action: "account.passwordChanged",
            subjectType: "person",
            subjectId: user.id,
            after: { otherResetLinksVoided: voided.length },
          });
        });
      },
      // The mail goes out from the job queue, not inside the request: a request for an address
      // with an account then takes as long as one for an address without (ADR 0022).
      sendResetPassword: async ({ user, url }) => {
        await scheduleJob(db, {
          kind: passwordResetMailJob,
          key: `password-reset-mail:${randomUUID()}`,
          runAt: new Date(),
          payload: { userId: user.id, url },
          maxAttempts: 3,
        });
      },
    },
    account: {
      // The government identity provider vouches for the e-mail address: a person created by an
      // administrator signs in with it without a separate linking step.
      accountLinking: { enabled: true, trustedProviders: [oidcProviderId] },
    },
    session: {
      expiresIn: sessionLifetimeSeconds,
      updateAge: 60 * 60,
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      modelName: "rateLimit",
      window: 60,
      max: 200,
      // A flood guard per address only, successful requests included; guessing is limited by
      // the failure counters of authGuard below, per account and per address.
      customRules: {
        "/sign-in/email": { window: 60, max: config.SIGN_IN_RATE_LIMIT },
        "/request-password-reset": { window: 60, max: config.SIGN_IN_RATE_LIMIT },
        "/reset-password": { window: 60, max: config.SIGN_IN_RATE_LIMIT },
      },
    },
    disabledPaths: disabledAuthPaths,
    advanced: {
      useSecureCookies: config.secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: config.secureCookies },
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
    },
    databaseHooks: {
      session: {
        create: {
          // A deactivated person cannot start a session, whatever the sign-in method.
          before: async (session) => {
            const [row] = await db
              .select({ active: schema.user.active })
              .from(schema.user)
              .where(eq(schema.user.id, session.userId));
            if (row && !row.active) return false;
            return { data: session };
          },
          // Sign-ins are state changes too: the audit log shows who signed in, when and from
          // where (better-auth writes the session; the event follows it at once).
          after: async (session) => {
            await recordAuditEvent(db, session.userId, {
              action: "session.create",
              subjectType: "person",
              subjectId: session.userId,
              after: { ipAddress: session.ipAddress ?? null, expiresAt: session.expiresAt },
            });
          },
        },
      },
    },
    plugins: [
      authGuard(db, {
        accountFailures: config.SIGN_IN_ACCOUNT_FAILURES,
        addressFailures: config.SIGN_IN_ADDRESS_FAILURES,
        resetPerAccount: config.PASSWORD_RESET_ACCOUNT_LIMIT,
        windowMs: config.AUTH_FAILURE_WINDOW_MINUTES * 60_000,
      }),
      ...(config.oidc
        ? [
            genericOAuth({
              config: [
                {
                  providerId: oidcProviderId,
                  name: config.oidc.displayName,
                  discoveryUrl: config.oidc.discoveryUrl,
                  clientId: config.oidc.clientId,
                  clientSecret: config.oidc.clientSecret,
                  scopes: ["openid", "profile", "email"],
                  pkce: true,
                  // Only people an administrator created may sign in; the provider's e-mail
                  // address links them to their existing account (below).
                  disableSignUp: true,
                },
              ],
            }),
          ]
        : []),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
