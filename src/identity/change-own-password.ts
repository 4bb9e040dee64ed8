import { hashPassword, verifyPassword } from "better-auth/crypto";
import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { defineUseCase, fail } from "../platform/use-case";
import { voidResetLinks } from "./auth-guard";
import { identityPolicy } from "./policy";
import { account, session } from "./schema";

// A signed-in person chooses a new password (ADR 0022), instead of better-auth's change-password
// endpoint (switched off): the current password is checked, and in one transaction with the new
// hash every other session of the person ends and every outstanding reset link becomes void, so
// whoever had the old password or an old link is out. The session in use stays. Audited without
// the hash. Failed attempts are counted by the page, per account, like failed sign-ins.

export const changeOwnPasswordInput = z.object({
  userId: z.string({ error: "error.required" }).min(1, "error.required").max(100),
  /** The session the change is made in: it stays signed in. */
  keepSessionId: z.string({ error: "error.required" }).min(1, "error.required").max(200),
  currentPassword: z
    .string({ error: "error.required" })
    .min(1, "error.required")
    .max(128, "error.tooLong"),
  newPassword: z
    .string({ error: "error.required" })
    .min(10, "error.passwordTooShort")
    .max(128, "error.tooLong"),
});

export const changeOwnPassword = defineUseCase({
  name: "account.passwordChanged",
  input: changeOwnPasswordInput,
  authorize: (actor, input) => identityPolicy.changeOwnPassword(actor, { userId: input.userId }),
  async run(tx, input, { now }) {
    const [credential] = await tx
      .select({ id: account.id, password: account.password })
      .from(account)
      .where(and(eq(account.userId, input.userId), eq(account.providerId, "credential")))
      .for("update");
    if (!credential?.password) throw fail.field("currentPassword", "myPassword.noPassword");
    if (!(await verifyPassword({ hash: credential.password, password: input.currentPassword })))
      throw fail.field("currentPassword", "myPassword.wrongCurrent");
    if (input.newPassword === input.currentPassword)
      throw fail.field("newPassword", "myPassword.sameAsCurrent");

    await tx
      .update(account)
      .set({ password: await hashPassword(input.newPassword), updatedAt: now })
      .where(eq(account.id, credential.id));
    const ended = await tx
      .delete(session)
      .where(and(eq(session.userId, input.userId), ne(session.id, input.keepSessionId)))
      .returning({ id: session.id });
    const voided = await voidResetLinks(tx, input.userId);
    return {
      value: { sessionsEnded: ended.length },
      audit: {
        subjectType: "person",
        subjectId: input.userId,
        after: { otherSessionsEnded: ended.length, otherResetLinksVoided: voided.length },
      },
    };
  },
});
