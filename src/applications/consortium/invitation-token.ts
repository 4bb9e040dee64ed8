import { createHash, randomBytes } from "node:crypto";
import { href } from "react-router";

// The token of an invitation link is its only credential (the partner has no account): 32 random
// bytes, base64url. Only its SHA-256 is stored, so a copy of the database opens no invitation.

export function newInvitationToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The stored form of a token (hex SHA-256); null for anything that cannot be a token. */
export function invitationTokenHash(token: string): string | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The public page of an invitation. */
export function invitationPath(token: string): string {
  return href("/uitnodiging/:token", { token });
}
