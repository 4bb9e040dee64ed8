import { createHash } from "node:crypto";
import { lt } from "drizzle-orm";
import { z } from "zod";
import { defineUseCase } from "../use-case";
import { parkedForm } from "./schema";

/** How long a parked form waits for its author to sign in again. */
export const parkedFormLifetimeMs = 2 * 60 * 60 * 1000;

export function hashParkingToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

const value = z.union([z.string().max(300_000), z.array(z.string().max(10_000)).max(500)]);

export const parkFormInput = z.object({
  /** The browser's random token (from its HttpOnly cookie), never stored as it is. */
  token: z.string().regex(/^[A-Za-z0-9_-]{32,64}$/),
  /** The page the form belongs to, e.g. "/aanvragen/…/sectie/voorstel". */
  path: z.string().regex(/^\/[A-Za-z0-9/_-]{1,300}$/),
  values: z.record(z.string().max(100), value).refine((v) => Object.keys(v).length <= 200),
});

/**
 * Keeps what a signed-out browser posted for two hours (replacing an earlier copy for the same
 * page), and clears copies that expired. Anyone may park: the CSRF check already tied the post to
 * this browser, and nothing is written to the platform's data until the person signs in, finds
 * the text back on the page and saves it there. Not audited: no platform data changes here, and
 * the text belongs to a person nobody knows yet.
 */
export const parkForm = defineUseCase({
  name: "parkedForm.park",
  input: parkFormInput,
  authorize: () => true,
  run: async (tx, input, { now }) => {
    await tx.delete(parkedForm).where(lt(parkedForm.expiresAt, now));
    const row = {
      tokenHash: hashParkingToken(input.token),
      path: input.path,
      values: input.values,
      createdAt: now,
      expiresAt: new Date(now.getTime() + parkedFormLifetimeMs),
    };
    await tx
      .insert(parkedForm)
      .values(row)
      .onConflictDoUpdate({
        target: [parkedForm.tokenHash, parkedForm.path],
        set: { values: row.values, createdAt: row.createdAt, expiresAt: row.expiresAt },
      });
    return { value: { expiresAt: row.expiresAt }, audit: null };
  },
});
