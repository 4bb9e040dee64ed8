/**
 * How long a session lasts without use: better-auth's `expiresIn` (src/identity/auth.ts), and the
 * figure the privacy statement gives (app/routes/platform/privacy.tsx). A session in use is
 * extended at most once an hour (`updateAge`).
 */
export const sessionLifetimeSeconds = 60 * 60 * 12;
