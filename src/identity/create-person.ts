import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { locales } from "../i18n/translate";
import { defineUseCase, fail } from "../platform/use-case";
import { personName } from "./person-name";
import { identityPolicy } from "./policy";
import { account, user } from "./schema";

// A platform administrator adds a person with a starting password (accounts are not
// self-registered). The person gets a better-auth credential account and can sign in at once;
// roles are granted separately (grant-membership.ts).

export const createPersonInput = z.object({
  name: personName,
  email: z
    .string({ error: "error.required" })
    .trim()
    .min(1, "error.required")
    .max(254, "error.tooLong")
    // better-auth looks people up by the lower-cased address, so that is how it is stored.
    .toLowerCase()
    .pipe(z.email("error.invalidEmail")),
  password: z
    .string({ error: "error.required" })
    .min(10, "error.passwordTooShort")
    .max(128, "error.tooLong"),
  locale: z.enum(locales, { error: "error.invalidChoice" }).default("nl"),
});

export const createPerson = defineUseCase({
  name: "person.create",
  input: createPersonInput,
  authorize: (actor) => identityPolicy.createPerson(actor),
  async run(tx, input, { now }) {
    const [taken] = await tx
      .select({ id: user.id })
      .from(user)
      .where(eq(sql`lower(${user.email})`, input.email));
    if (taken) throw fail.field("email", "error.emailTaken");

    const id = randomUUID();
    const [created] = await tx
      .insert(user)
      .values({
        id,
        name: input.name,
        email: input.email,
        emailVerified: false,
        locale: input.locale,
        active: true,
        createdAt: now,
        updatedAt: now,
      })
      // A concurrent request that took the address first ends here, not in a 500.
      .onConflictDoNothing()
      .returning();
    if (!created) throw fail.field("email", "error.emailTaken");

    await tx.insert(account).values({
      id: randomUUID(),
      accountId: id,
      providerId: "credential",
      userId: id,
      password: await hashPassword(input.password),
      createdAt: now,
      updatedAt: now,
    });

    const after = {
      id: created.id,
      name: created.name,
      email: created.email,
      locale: created.locale,
      active: created.active,
      emailVerified: created.emailVerified,
    };
    // The password (and its hash) never enters the audit log.
    return {
      value: { userId: id },
      audit: { subjectType: "person", subjectId: id, before: null, after },
    };
  },
});
