import type { Actor } from "../identity/actor";

// Permissions are declared as data, one policy table per area (src/<area>/policy.ts). A rule
// takes the actor (null for the public) and, for object-level rules, the object it is about.
// Use cases authorise through these rules, loaders use the same rules to decide what to show,
// and test/policy-matrix.test.ts proves every role against every rule.

export type Rule<Subject = void> = (actor: Actor | null, subject: Subject) => boolean;

export type PolicyTable = Record<string, Rule<never>>;

/** Declares an area's policy table, keeping each rule's own subject type. */
export function definePolicy<T extends Record<string, Rule<never>>>(rules: T): T {
  return rules;
}

/**
 * The organisations (of the actor's memberships, each once, in membership order) for which an
 * organisation-level rule holds: the schools a person may publish for, report use for, start an
 * application for. Loaders offer these; the use case checks the one chosen by the same rule.
 */
export function organisationsWhere(
  actor: Actor | null,
  rule: Rule<{ organisationId: string }>,
): string[] {
  const ids = new Set<string>();
  for (const m of actor?.memberships ?? [])
    if (rule(actor, { organisationId: m.organisationId })) ids.add(m.organisationId);
  return [...ids];
}
