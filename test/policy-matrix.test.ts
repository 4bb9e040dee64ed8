import { describe, expect, it } from "vitest";
import { applicationsPolicy } from "../src/applications/policy";
import { auditPolicy } from "../src/audit/policy";
import { callsPolicy } from "../src/calls/policy";
import { directoryPolicy } from "../src/directory/policy";
import type { Actor } from "../src/identity/actor";
import { identityPolicy } from "../src/identity/policy";
import { type Role, roles } from "../src/identity/roles";
import { libraryPolicy } from "../src/library/policy";
import { notificationsPolicy } from "../src/notifications/policy";
import { jobsPolicy } from "../src/platform/jobs/policy";
import type { Rule } from "../src/platform/policy";

// The whole permission matrix, written out by hand: every role (and the public) against every
// rule of every area policy. The expectations are a literal table, never recomputed from the
// rules, so changing a rule means changing this table on purpose. A new rule or a new role
// without a row or column here makes the coverage tests at the bottom fail.

const policies = {
  directory: directoryPolicy,
  identity: identityPolicy,
  audit: auditPolicy,
  calls: callsPolicy,
  notifications: notificationsPolicy,
  applications: applicationsPolicy,
  library: libraryPolicy,
  jobs: jobsPolicy,
} as const;

const OWN_ORGANISATION = "org-own";
const OTHER_ORGANISATION = "org-other";

/** A synthetic person holding one role in OWN_ORGANISATION. */
function actorWith(role: Role): Actor {
  return {
    userId: `user-${role}`,
    name: role,
    email: `${role}@test.invalid`,
    memberships: [{ organisationId: OWN_ORGANISATION, role }],
  };
}

/** What a rule is asked about, relative to the actor asking. */
const subjects = {
  none: () => undefined,
  ownOrganisation: () => ({ organisationId: OWN_ORGANISATION }),
  otherOrganisation: () => ({ organisationId: OTHER_ORGANISATION }),
  self: (actor: Actor | null) => ({ userId: actor?.userId ?? "nobody" }),
  otherPerson: () => ({ userId: "user-someone-else" }),
  ownMaterial: (actor: Actor | null) => ({
    organisationId: OWN_ORGANISATION,
    userId: actor?.userId ?? "nobody",
  }),
  colleagueMaterial: () => ({ organisationId: OWN_ORGANISATION, userId: "user-colleague" }),
  otherMaterial: () => ({ organisationId: OTHER_ORGANISATION, userId: "user-someone-else" }),
  applicationHistory: () => ({ subjectType: "application" }),
  callHistory: () => ({ subjectType: "call" }),
  personHistory: () => ({ subjectType: "person" }),
} satisfies Record<string, (actor: Actor | null) => unknown>;
type SubjectName = keyof typeof subjects;

/** The columns of the matrix, in order: the public, then every role. */
const columns = [
  null,
  "programmeManager",
  "schoolCoordinator",
  "schoolDirector",
  "teacher",
  "partnerContact",
  "guidanceCounsellor",
  "reviewer",
  "policyViewer",
  "platformAdmin",
] as const satisfies ReadonlyArray<Role | null>;

// Columns: pb public, PM programmeManager, SC schoolCoordinator, SD schoolDirector, TE teacher,
// PC partnerContact, GC guidanceCounsellor, RV reviewer, PV policyViewer, PA platformAdmin.
// Every synthetic actor holds its one role in OWN_ORGANISATION.
const Y = true;
const _ = false;
type Row = [rule: string, subject: SubjectName, expected: boolean[]];

// biome-ignore format: the matrix is aligned by hand so it reads as a table
const matrix: Row[] = [
  //                                                           pb PM SC SD TE PC GC RV PV PA
  ["directory.searchDirectory",          "none",              [Y, Y, Y, Y, Y, Y, Y, Y, Y, Y]],
  ["directory.viewOrganisation",         "none",              [Y, Y, Y, Y, Y, Y, Y, Y, Y, Y]],
  ["directory.viewOrganisationMembers",  "ownOrganisation",   [_, Y, Y, Y, Y, Y, Y, Y, Y, Y]],
  ["directory.viewOrganisationMembers",  "otherOrganisation", [_, Y, _, _, _, _, _, _, _, Y]],
  ["directory.createOrganisation",       "none",              [_, _, _, _, _, _, _, _, _, Y]],
  ["directory.updateOrganisation",       "ownOrganisation",   [_, _, _, _, _, _, _, _, _, Y]],
  ["directory.updateOrganisation",       "otherOrganisation", [_, _, _, _, _, _, _, _, _, Y]],
  ["directory.importSchoolRegister",     "none",              [_, _, _, _, _, _, _, _, _, Y]],
  ["identity.listPeople",                "none",              [_, _, _, _, _, _, _, _, _, Y]],
  ["identity.viewPerson",                "self",              [_, Y, Y, Y, Y, Y, Y, Y, Y, Y]],
  ["identity.viewPerson",                "otherPerson",       [_, _, _, _, _, _, _, _, _, Y]],
  ["identity.createPerson",              "none",              [_, _, _, _, _, _, _, _, _, Y]],
  ["identity.grantMembership",           "none",              [_, _, _, _, _, _, _, _, _, Y]],
  ["identity.revokeMembership",          "none",              [_, _, _, _, _, _, _, _, _, Y]],
  ["identity.changeOwnName",             "self",              [_, Y, Y, Y, Y, Y, Y, Y, Y, Y]],
  ["identity.changeOwnName",             "otherPerson",       [_, _, _, _, _, _, _, _, _, _]],
  ["identity.changeOwnPassword",         "self",              [_, Y, Y, Y, Y, Y, Y, Y, Y, Y]],
  ["identity.changeOwnPassword",         "otherPerson",       [_, _, _, _, _, _, _, _, _, _]],
  ["identity.setPersonActive",           "self",              [_, _, _, _, _, _, _, _, _, _]],
  ["identity.setPersonActive",           "otherPerson",       [_, _, _, _, _, _, _, _, _, Y]],
  ["audit.readAuditLog",                 "none",              [_, _, _, _, _, _, _, _, _, Y]],
  ["audit.readSubjectHistory",           "applicationHistory", [_, Y, _, _, _, _, _, _, _, Y]],
  ["audit.readSubjectHistory",           "callHistory",       [_, Y, _, _, _, _, _, _, _, Y]],
  ["audit.readSubjectHistory",           "personHistory",     [_, _, _, _, _, _, _, _, _, Y]],
  ["calls.viewPublishedCall",            "none",              [Y, Y, Y, Y, Y, Y, Y, Y, Y, Y]],
  ["calls.viewDraftCall",                "none",              [_, Y, _, _, _, _, _, _, _, Y]],
  ["calls.createCall",                   "none",              [_, Y, _, _, _, _, _, _, _, _]],
  ["calls.updateCall",                   "none",              [_, Y, _, _, _, _, _, _, _, _]],
  ["calls.publishCall",                  "none",              [_, Y, _, _, _, _, _, _, _, _]],
  ["calls.changeDeadline",               "none",              [_, Y, _, _, _, _, _, _, _, _]],
  ["notifications.manageNotificationPreferences", "self",        [_, Y, Y, Y, Y, Y, Y, Y, Y, Y]],
  ["notifications.manageNotificationPreferences", "otherPerson", [_, _, _, _, _, _, _, _, _, _]],
  ["notifications.readDevInbox",         "none",              [_, _, _, _, _, _, _, _, _, Y]],
  ["applications.startApplication",      "ownOrganisation",   [_, _, Y, _, _, _, _, _, _, _]],
  ["applications.startApplication",      "otherOrganisation", [_, _, _, _, _, _, _, _, _, _]],
  ["applications.viewApplication",       "ownOrganisation",   [_, Y, Y, Y, _, _, _, _, _, Y]],
  ["applications.viewApplication",       "otherOrganisation", [_, Y, _, _, _, _, _, _, _, Y]],
  ["applications.editApplication",       "ownOrganisation",   [_, _, Y, _, _, _, _, _, _, _]],
  ["applications.editApplication",       "otherOrganisation", [_, _, _, _, _, _, _, _, _, _]],
  ["applications.approveApplication",    "ownOrganisation",   [_, _, _, Y, _, _, _, _, _, _]],
  ["applications.approveApplication",    "otherOrganisation", [_, _, _, _, _, _, _, _, _, _]],
  ["library.readPublishedMaterials",     "none",              [Y, Y, Y, Y, Y, Y, Y, Y, Y, Y]],
  ["library.createMaterial",             "ownOrganisation",   [_, _, Y, Y, Y, Y, Y, _, _, _]],
  ["library.createMaterial",             "otherOrganisation", [_, _, _, _, _, _, _, _, _, _]],
  ["library.editMaterial",               "ownMaterial",       [_, Y, Y, Y, Y, Y, Y, Y, Y, Y]],
  ["library.editMaterial",               "colleagueMaterial", [_, _, Y, _, _, _, _, _, _, _]],
  ["library.editMaterial",               "otherMaterial",     [_, _, _, _, _, _, _, _, _, _]],
  ["library.moderateMaterial",           "ownMaterial",       [_, _, _, _, _, _, _, _, _, _]],
  ["library.moderateMaterial",           "colleagueMaterial", [_, Y, _, _, _, _, Y, _, _, _]],
  ["library.moderateMaterial",           "otherMaterial",     [_, Y, _, _, _, _, Y, _, _, _]],
  ["library.reportReplication",          "ownOrganisation",   [_, _, Y, Y, Y, _, _, _, _, _]],
  ["library.reportReplication",          "otherOrganisation", [_, _, _, _, _, _, _, _, _, _]],
  ["library.moderateReplication",        "none",              [_, Y, _, _, _, _, Y, _, _, _]],
  ["library.viewUnpublishedMaterial",    "ownMaterial",       [_, Y, Y, Y, Y, Y, Y, Y, Y, Y]],
  ["library.viewUnpublishedMaterial",    "colleagueMaterial", [_, Y, Y, _, _, _, Y, _, _, Y]],
  ["library.viewUnpublishedMaterial",    "otherMaterial",     [_, Y, _, _, _, _, Y, _, _, Y]],
  ["applications.listCallApplications",  "none",              [_, Y, _, _, _, _, _, _, _, Y]],
  ["applications.exportApplications",    "none",              [_, Y, _, _, _, _, _, _, _, Y]],
  ["jobs.viewJobs",                      "none",              [_, _, _, _, _, _, _, _, _, Y]],
  ["jobs.retryJob",                      "none",              [_, _, _, _, _, _, _, _, _, Y]],
];

function ruleOf(name: string): Rule<unknown> {
  const [area, rule] = name.split(".") as [keyof typeof policies, string];
  const table = policies[area] as Record<string, Rule<never>> | undefined;
  const found = table?.[rule];
  if (!found) throw new Error(`No rule ${name}`);
  return found as Rule<unknown>;
}

function allRuleNames(): string[] {
  return Object.entries(policies).flatMap(([area, table]) =>
    Object.keys(table).map((rule) => `${area}.${rule}`),
  );
}

const cases = matrix.flatMap(([rule, subject, expected]) =>
  columns.map((role, i) => ({
    rule,
    subject,
    who: role ?? "public",
    role,
    expected: expected[i],
  })),
);

describe("permission matrix", () => {
  it.each(cases)("$rule ($subject) for $who: $expected", ({ rule, subject, role, expected }) => {
    const actor = role ? actorWith(role) : null;
    expect(ruleOf(rule)(actor, subjects[subject](actor))).toBe(expected);
  });
});

describe("object-level cases", () => {
  const schoolA = "school-a";
  const schoolB = "school-b";
  const coordinatorA: Actor = {
    userId: "coordinator-a",
    name: "Coordinator A",
    email: "a@test.invalid",
    memberships: [{ organisationId: schoolA, role: "schoolCoordinator" }],
  };
  const teacher = actorWith("teacher");
  const admin = actorWith("platformAdmin");

  it("a school coordinator sees the members of their own school", () => {
    expect(directoryPolicy.viewOrganisationMembers(coordinatorA, { organisationId: schoolA })).toBe(
      true,
    );
  });

  it("a school coordinator does not see the members of another school", () => {
    expect(directoryPolicy.viewOrganisationMembers(coordinatorA, { organisationId: schoolB })).toBe(
      false,
    );
  });

  it("a coordinator of two schools sees both, and still not a third", () => {
    const both: Actor = {
      ...coordinatorA,
      memberships: [...coordinatorA.memberships, { organisationId: schoolB, role: "teacher" }],
    };
    expect(directoryPolicy.viewOrganisationMembers(both, { organisationId: schoolB })).toBe(true);
    expect(directoryPolicy.viewOrganisationMembers(both, { organisationId: "school-c" })).toBe(
      false,
    );
  });

  it("a person views their own person record but not another's", () => {
    expect(identityPolicy.viewPerson(teacher, { userId: teacher.userId })).toBe(true);
    expect(identityPolicy.viewPerson(teacher, { userId: admin.userId })).toBe(false);
  });

  it("the public views no person record", () => {
    expect(identityPolicy.viewPerson(null, { userId: teacher.userId })).toBe(false);
  });

  it("an admin cannot deactivate themselves, but can deactivate someone else", () => {
    expect(identityPolicy.setPersonActive(admin, { userId: admin.userId })).toBe(false);
    expect(identityPolicy.setPersonActive(admin, { userId: teacher.userId })).toBe(true);
  });

  it("a person without any membership is treated like the public for role-based rules", () => {
    const nobody: Actor = { userId: "u", name: "U", email: "u@test.invalid", memberships: [] };
    expect(identityPolicy.listPeople(nobody)).toBe(false);
    expect(directoryPolicy.viewOrganisationMembers(nobody, { organisationId: schoolA })).toBe(
      false,
    );
    expect(identityPolicy.viewPerson(nobody, { userId: "u" })).toBe(true);
    // Their own name is theirs to change, with or without a role.
    expect(identityPolicy.changeOwnName(nobody, { userId: "u" })).toBe(true);
  });
});

describe("the matrix covers everything", () => {
  it("has one column per role, in the order of `roles`, after the public", () => {
    expect(columns.slice(1)).toEqual([...roles]);
    expect(columns[0]).toBeNull();
  });

  it("has a full row for every line", () => {
    for (const [rule, subject, expected] of matrix) {
      expect(expected, `${rule} (${subject})`).toHaveLength(columns.length);
    }
  });

  it("lists every rule of every policy", () => {
    const listed = new Set(matrix.map(([rule]) => rule));
    const missing = allRuleNames().filter((name) => !listed.has(name));
    expect(missing, "rules without a row in the permission matrix").toEqual([]);
  });

  it("lists no rule that does not exist", () => {
    const known = new Set(allRuleNames());
    expect(matrix.map(([rule]) => rule).filter((rule) => !known.has(rule))).toEqual([]);
  });

  it("tests every object-level rule on at least two different subjects", () => {
    const objectLevel = allRuleNames().filter((name) => ruleOf(name).length >= 2);
    for (const name of objectLevel) {
      const subjectsTried = new Set(matrix.filter(([rule]) => rule === name).map(([, s]) => s));
      expect(subjectsTried.size, `${name} is an object-level rule`).toBeGreaterThanOrEqual(2);
    }
  });

  it("has no duplicate rows", () => {
    const keys = matrix.map(([rule, subject]) => `${rule} ${subject}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
