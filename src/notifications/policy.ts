import { isPlatformAdmin } from "../identity/actor";
import { definePolicy } from "../platform/policy";

/**
 * Notification preferences are personal: everyone signed in manages their own, nobody else's.
 * The development inbox holds every captured mail, password-reset links included: only a
 * platform administrator reads it (and only outside production, which the page checks).
 */
export const notificationsPolicy = definePolicy({
  manageNotificationPreferences: (actor, subject: { userId: string }) =>
    !!actor && actor.userId === subject.userId,
  readDevInbox: (actor) => isPlatformAdmin(actor),
});
