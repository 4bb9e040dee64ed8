import { and, eq } from "drizzle-orm";
import type { DbExecutor } from "../db/client";
import {
  allNotificationKinds,
  emailWanted,
  isAlwaysSent,
  isNotificationKind,
  type NotificationKind,
} from "./model";
import { notificationPreference } from "./schema";

export interface NotificationPreferenceView {
  kind: NotificationKind;
  email: boolean;
  alwaysSent: boolean;
}

/** A person's effective e-mail setting for every kind: their choice, or the kind's default. */
export async function readNotificationPreferences(
  db: DbExecutor,
  userId: string,
): Promise<NotificationPreferenceView[]> {
  const rows = await db
    .select({ kind: notificationPreference.kind, email: notificationPreference.email })
    .from(notificationPreference)
    .where(eq(notificationPreference.userId, userId));
  const stored = new Map(
    rows.filter((r) => isNotificationKind(r.kind)).map((r) => [r.kind, r.email]),
  );
  return allNotificationKinds.map((kind) => ({
    kind,
    email: emailWanted(kind, stored.get(kind)),
    alwaysSent: isAlwaysSent(kind),
  }));
}

/** Whether a person wants e-mail of this kind. Senders ask this before sending. */
export async function wantsNotification(
  db: DbExecutor,
  userId: string,
  kind: NotificationKind,
): Promise<boolean> {
  if (isAlwaysSent(kind)) return true;
  const [row] = await db
    .select({ email: notificationPreference.email })
    .from(notificationPreference)
    .where(and(eq(notificationPreference.userId, userId), eq(notificationPreference.kind, kind)));
  return emailWanted(kind, row?.email);
}
