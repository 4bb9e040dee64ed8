import type { Role } from "./roles";

/** Who is acting: a signed-in person with their memberships, or nobody (the public). */
export interface Actor {
  userId: string;
  name: string;
  email: string;
  memberships: ReadonlyArray<{ organisationId: string; role: Role }>;
}

export function hasRole(actor: Actor | null, ...wanted: Role[]): boolean {
  return !!actor?.memberships.some((m) => wanted.includes(m.role));
}

export function hasRoleIn(actor: Actor | null, organisationId: string, ...wanted: Role[]): boolean {
  return !!actor?.memberships.some(
    (m) => m.organisationId === organisationId && (wanted.length === 0 || wanted.includes(m.role)),
  );
}

export function isPlatformAdmin(actor: Actor | null): boolean {
  return hasRole(actor, "platformAdmin");
}
