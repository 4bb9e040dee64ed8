import type { Database } from "../db/client";
import type { Mailer, OutgoingMail } from "../platform/mailer";
import type { NotificationKind } from "./model";
import { sentNotification } from "./schema";

/**
 * Sends a notification e-mail at most once per (key, recipient), even when called again after a
 * crash (a retried job). In one transaction: the row in sent_notification is inserted first, then
 * the mail is handed to the mailer, then the transaction commits. If the row already exists the
 * mail was sent before and nothing happens; a concurrent second caller waits on the unique index
 * until the first commits. If sending fails the transaction rolls back, so a retry sends again.
 * Only a crash in the instant between the SMTP server's acceptance and the commit can repeat a
 * mail (ADR 0011). Returns whether the mail was sent now.
 */
export async function sendNotificationOnce(
  db: Database,
  mailer: Mailer,
  notification: {
    key: string;
    kind: NotificationKind;
    recipient: { userId: string; email: string };
    mail: Omit<OutgoingMail, "to">;
  },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(sentNotification)
      .values({
        notificationKey: notification.key,
        recipientUserId: notification.recipient.userId,
        kind: notification.kind,
        email: notification.recipient.email,
        subject: notification.mail.subject,
      })
      .onConflictDoNothing({
        target: [sentNotification.notificationKey, sentNotification.recipientUserId],
      })
      .returning({ id: sentNotification.id });
    if (inserted.length === 0) return false;
    await mailer.send({ ...notification.mail, to: notification.recipient.email });
    return true;
  });
}
