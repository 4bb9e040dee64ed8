import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

// A resumption token carries the whole query and where the next page starts, so the repository
// keeps no state between requests: the list's arguments, the moment the harvest started (records
// changed later are left to the next incremental harvest, so a list neither shifts nor grows while
// it is followed), the keyset position (datestamp, id) after the last record sent, and the cursor.
// It is signed with an HMAC under the server secret: a tampered or made-up token is refused as
// badResumptionToken rather than running a query nobody asked for.

export const tokenState = z.object({
  verb: z.enum(["ListIdentifiers", "ListRecords"]),
  metadataPrefix: z.string(),
  set: z.string().optional(),
  from: z.string().optional(),
  until: z.string().optional(),
  /** The harvest's first response time (milliseconds since the epoch). */
  asOf: z.number().int(),
  /** The last record sent: its datestamp (milliseconds) and material id. */
  after: z.object({ at: z.number().int(), id: z.uuid() }),
  cursor: z.number().int().min(0),
  completeListSize: z.number().int().min(0),
});
export type TokenState = z.infer<typeof tokenState>;

function mac(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(`oai-pmh:${payload}`).digest("base64url");
}

export function encodeToken(state: TokenState, secret: string): string {
  const payload = Buffer.from(JSON.stringify(state)).toString("base64url");
  return `${payload}.${mac(payload, secret)}`;
}

/** The state of a token this repository issued, or null for anything else. */
export function decodeToken(token: string, secret: string): TokenState | null {
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match?.[1] || !match[2]) return null;
  const expected = Buffer.from(mac(match[1], secret));
  const given = Buffer.from(match[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const parsed = tokenState.safeParse(JSON.parse(Buffer.from(match[1], "base64url").toString()));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
