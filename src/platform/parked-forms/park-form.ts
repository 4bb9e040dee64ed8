import { createHash } from "node:crypto";
import { and, count, eq, lt, ne, or, sql } from "drizzle-orm";
import { z } from "zod";
import { defineUseCase, fail } from "../use-case";
import { parkingPageFor, parkingQuota } from "./parking-pages";
import { type ParkedValues, parkedForm } from "./schema";

/** How long a parked form waits for its author to sign in again. */
export const parkedFormLifetimeMs = 2 * 60 * 60 * 1000;

export function hashParkingToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * The client address, hashed: enough to count per address without keeping it as it is (a row
 * lives two hours at most; sessions keep the address itself).
 */
function hashAddress(address: string): string {
  return createHash("sha256").update(`parked:${address}`).digest("hex");
}

const token = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/);
const path = z.string().regex(/^\/[A-Za-z0-9/_-]{1,300}$/);

export const parkFormInput = z
  .object({
    /** The browser's random token (from its HttpOnly cookie), never stored as it is. */
    token,
    /** The page the form belongs to, e.g. "/aanvragen/…/sectie/voorstel". */
    path,
    values: z.record(
      z.string().max(100),
      z.union([z.string().max(300_000), z.array(z.string().max(300)).max(100)]),
    ),
    /** Where the post came from (the edge's X-Forwarded-For), for the per-address quota. */
    clientAddress: z.string().min(1).max(100),
  })
  .superRefine((input, ctx) => {
    // Only a page that parks its forms, and only what that form could hold.
    const page = parkingPageFor(input.path);
    if (!page) {
      ctx.addIssue({ code: "custom", path: ["path"], message: "parkedForm.unknownPage" });
      return;
    }
    const entries = Object.entries(input.values);
    let total = 0;
    let fits = entries.length <= page.maxFields;
    for (const [, value] of entries) {
      if (typeof value === "string") {
        fits &&= value.length <= page.maxValueLength;
        total += value.length;
      } else {
        fits &&= value.length <= page.maxChoices;
        for (const item of value) {
          fits &&= item.length <= page.maxChoiceLength;
          total += item.length;
        }
      }
    }
    if (!fits || total > page.maxTotalLength)
      ctx.addIssue({ code: "custom", path: ["values"], message: "parkedForm.tooLarge" });
  });

/**
 * Keeps what a signed-out browser posted for two hours (replacing an earlier copy for the same
 * page), and clears copies that expired. Anyone may park, within a quota per browser and per
 * client address (counted here, under a transaction lock per browser and per address, so that it
 * holds with several processes): the CSRF check already tied the post to this browser, and
 * nothing is written to the platform's data until the person signs in, finds the text back on
 * the page and saves it there. Not audited: no platform data changes here, and the text belongs
 * to a person nobody knows yet.
 */
export const parkForm = defineUseCase({
  name: "parkedForm.park",
  input: parkFormInput,
  // Parked before signing in: nobody is known yet.
  anonymous: true,
  authorize: () => true,
  run: async (tx, input, { now }) => {
    const tokenHash = hashParkingToken(input.token);
    const addressHash = hashAddress(input.clientAddress);
    // One at a time per browser and per address (always in this order), so that parallel posts
    // cannot each see room under the quota.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`parked:${tokenHash}`}, 0))`,
    );
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`parked:${addressHash}`}, 0))`,
    );
    await tx.delete(parkedForm).where(lt(parkedForm.expiresAt, now));
    // A new copy of a page already parked by this browser replaces it and so takes no more room.
    const others = or(ne(parkedForm.tokenHash, tokenHash), ne(parkedForm.path, input.path));
    const [byBrowser] = await tx
      .select({ n: count() })
      .from(parkedForm)
      .where(and(eq(parkedForm.tokenHash, tokenHash), others));
    const [byAddress] = await tx
      .select({ n: count() })
      .from(parkedForm)
      .where(and(eq(parkedForm.addressHash, addressHash), others));
    if (
      (byBrowser?.n ?? 0) >= parkingQuota.perBrowser ||
      (byAddress?.n ?? 0) >= parkingQuota.perAddress
    )
      throw fail.conflict("parkedForm.quotaExceeded");
    const row = {
      tokenHash,
      addressHash,
      path: input.path,
      values: input.values as ParkedValues,
      createdAt: now,
      expiresAt: new Date(now.getTime() + parkedFormLifetimeMs),
    };
    await tx
      .insert(parkedForm)
      .values(row)
      .onConflictDoUpdate({
        target: [parkedForm.tokenHash, parkedForm.path],
        set: {
          values: row.values,
          addressHash,
          createdAt: row.createdAt,
          expiresAt: row.expiresAt,
        },
      });
    return { value: { expiresAt: row.expiresAt }, audit: null };
  },
});
