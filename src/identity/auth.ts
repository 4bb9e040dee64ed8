import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { genericOAuth } from "better-auth/plugins";
import { eq } from "drizzle-orm";
import { recordAuditEvent } from "../audit/record-event";
import type { Database } from "../db/client";
import * as schema from "../db/schema";
import type { Mailer } from "../notifications/mailer";
import type { Config } from "../platform/config";
import { passwordResetMail } from "./password-reset-mail";

// Sessions and passwords are better-auth's (docs/decisions/0004): sessions live in the database,
// so any number of app processes can serve the same users. Sign-in is rate-limited per IP address
// with counters in the database as well.

export const oidcProviderId = "vlaanderen";

export function createAuth(options: { db: Database; config: Config; mailer: Mailer }) {
  const { db, config, mailer } = options;
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
      revokeSessionsOnPasswordReset: true,
      // A new password is a state change: recorded, without the hash.
      onPasswordReset: async ({ user }) => {
        await recordAuditEvent(db, user.id, {
          action: "account.passwordChanged",
          subjectType: "person",
          subjectId: user.id,
        });
      },
      sendResetPassword: async ({ user, url }) => {
        const locale = (user as { locale?: string }).locale === "en" ? "en" : "nl";
        await mailer.send({ to: user.email, ...passwordResetMail(locale, user.name, url) });
      },
    },
    account: {
      // The government identity provider vouches for the e-mail address: a person created by an
      // administrator signs in with it without a separate linking step.
      accountLinking: { enabled: true, trustedProviders: [oidcProviderId] },
    },
    session: {
      expiresIn: 60 * 60 * 12,
      updateAge: 60 * 60,
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      modelName: "rateLimit",
      window: 60,
      max: 200,
      customRules: {
        "/sign-in/email": { window: 60, max: config.SIGN_IN_RATE_LIMIT },
        "/request-password-reset": { window: 60, max: config.SIGN_IN_RATE_LIMIT },
      },
    },
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
    plugins: config.oidc
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
      : [],
  });
}

export type Auth = ReturnType<typeof createAuth>;
