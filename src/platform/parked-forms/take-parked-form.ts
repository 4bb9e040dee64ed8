import { and, eq, gt } from "drizzle-orm";
import { z } from "zod";
import { defineUseCase } from "../use-case";
import { hashParkingToken } from "./park-form";
import { type ParkedValues, parkedForm } from "./schema";

export const takeParkedFormInput = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{32,64}$/),
  path: z.string().regex(/^\/[A-Za-z0-9/_-]{1,300}$/),
});

/**
 * Hands a parked form back to its page, once: the copy is deleted as it is read. Only a
 * signed-in person takes it (the page itself then checks that this person may edit what the
 * form is about). Not audited, like parking.
 */
export const takeParkedForm = defineUseCase<typeof takeParkedFormInput, ParkedValues | null>({
  name: "parkedForm.take",
  input: takeParkedFormInput,
  authorize: (actor) => actor !== null,
  run: async (tx, input, { now }) => {
    const [taken] = await tx
      .delete(parkedForm)
      .where(
        and(
          eq(parkedForm.tokenHash, hashParkingToken(input.token)),
          eq(parkedForm.path, input.path),
          gt(parkedForm.expiresAt, now),
        ),
      )
      .returning({ values: parkedForm.values });
    return { value: taken?.values ?? null, audit: null };
  },
});
