import { definePolicy } from "../platform/policy";

/** Notification preferences are personal: everyone signed in manages their own, nobody else's. */
export const notificationsPolicy = definePolicy({
  manageNotificationPreferences: (actor, subject: { userId: string }) =>
    !!actor && actor.userId === subject.userId,
});
