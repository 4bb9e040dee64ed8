import { eq } from "drizzle-orm";
import { z } from "zod";
import { defineUseCase, fail } from "../platform/use-case";
import { personName } from "./person-name";
import { identityPolicy } from "./policy";
import { user } from "./schema";

// A person changes the name others see next to their work (ADR 0022). It replaces better-auth's
// update-user endpoint, which took any name of any length unaudited: here the name is bounded
// and cleaned by the same rule as an administrator's (person-name.ts), and the old and new name
// are in the audit log, so a name that pretends to be someone else can be traced and undone.

export const changeOwnNameInput = z.object({
  userId: z.string({ error: "error.required" }).min(1, "error.required").max(100),
  name: personName,
});

export const changeOwnName = defineUseCase({
  name: "person.rename",
  input: changeOwnNameInput,
  authorize: (actor, input) => identityPolicy.changeOwnName(actor, { userId: input.userId }),
  async run(tx, input, { now }) {
    const [person] = await tx
      .select({ id: user.id, name: user.name })
      .from(user)
      .where(eq(user.id, input.userId))
      .for("update");
    if (!person) throw fail.notFound();
    if (person.name === input.name) return { value: { changed: false }, audit: null };
    await tx.update(user).set({ name: input.name, updatedAt: now }).where(eq(user.id, person.id));
    return {
      value: { changed: true },
      audit: {
        subjectType: "person",
        subjectId: person.id,
        before: { name: person.name },
        after: { name: input.name },
      },
    };
  },
});
