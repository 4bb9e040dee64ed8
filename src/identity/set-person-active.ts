import { eq } from "drizzle-orm";
import { z } from "zod";
import { defineUseCase, fail } from "../platform/use-case";
import { identityPolicy } from "./policy";
import { session, user } from "./schema";

// Deactivates or reactivates a person. Nothing is deleted except the person's sessions: a
// deactivated person is signed out everywhere at once (and auth.ts refuses new sessions).
// The policy forbids deactivating oneself.

export const setPersonActiveInput = z.object({
  userId: z.string({ error: "error.required" }).min(1, "error.required").max(100),
  active: z.boolean({ error: "error.invalidChoice" }),
});

export const setPersonActive = defineUseCase({
  name: "person.setActive",
  input: setPersonActiveInput,
  authorize: (actor, input) => identityPolicy.setPersonActive(actor, { userId: input.userId }),
  async run(tx, input, { now }) {
    const [person] = await tx
      .select({ id: user.id, active: user.active })
      .from(user)
      .where(eq(user.id, input.userId))
      .for("update");
    if (!person) throw fail.notFound();

    if (person.active !== input.active) {
      await tx
        .update(user)
        .set({ active: input.active, updatedAt: now })
        .where(eq(user.id, person.id));
    }
    const ended = input.active
      ? []
      : await tx.delete(session).where(eq(session.userId, person.id)).returning({ id: session.id });

    return {
      value: { changed: person.active !== input.active, sessionsEnded: ended.length },
      audit: {
        action: input.active ? "person.activate" : "person.deactivate",
        subjectType: "person",
        subjectId: person.id,
        before: { active: person.active },
        after: input.active ? { active: true } : { active: false, sessionsEnded: ended.length },
      },
    };
  },
});
