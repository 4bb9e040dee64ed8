import { sql } from "drizzle-orm";
import { z } from "zod";
import { defineUseCase } from "../platform/use-case";
import { type SwitchableKind, switchableKinds } from "./model";
import { readNotificationPreferences } from "./notification-preferences";
import { notificationsPolicy } from "./policy";
import { notificationPreference } from "./schema";

// A person chooses which notifications they receive by e-mail. Every switchable kind is given
// (a form of checkboxes sends only the ticked ones; the route turns that into true/false); kinds
// that are always sent are not part of the input and cannot be switched off.

export const setNotificationPreferencesInput = z.object({
  userId: z.string({ error: "error.required" }).min(1, "error.required").max(100),
  email: z.record(z.enum(switchableKinds), z.boolean({ error: "error.invalidChoice" }), {
    error: "error.invalidChoice",
  }),
});

export const setNotificationPreferences = defineUseCase({
  name: "notificationPreferences.set",
  input: setNotificationPreferencesInput,
  authorize: (actor, input) =>
    notificationsPolicy.manageNotificationPreferences(actor, { userId: input.userId }),
  async run(tx, input, { now }) {
    const current = await readNotificationPreferences(tx, input.userId);
    const before: Partial<Record<SwitchableKind, boolean>> = {};
    const after: Partial<Record<SwitchableKind, boolean>> = {};
    for (const kind of switchableKinds) {
      const was = current.find((p) => p.kind === kind)?.email;
      if (was !== input.email[kind]) {
        before[kind] = was;
        after[kind] = input.email[kind];
      }
    }
    const changed = Object.keys(after) as SwitchableKind[];
    if (changed.length === 0) return { value: { changed: [] }, audit: null };
    await tx
      .insert(notificationPreference)
      .values(
        changed.map((kind) => ({
          userId: input.userId,
          kind,
          email: input.email[kind],
          updatedAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: [notificationPreference.userId, notificationPreference.kind],
        set: { email: sql`excluded.email`, updatedAt: now },
      });
    return {
      value: { changed },
      audit: { subjectType: "person", subjectId: input.userId, before, after },
    };
  },
});
