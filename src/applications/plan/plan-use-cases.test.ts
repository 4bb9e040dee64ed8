import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { marchTestCall, publishTestCall, startTestDraft } from "../../../test/support/applications";
import { actorByEmail, openTestDatabase } from "../../../test/support/database";
import { auditEvent } from "../../audit/schema";
import type { DatabaseHandle } from "../../db/client";
import type { Actor } from "../../identity/actor";
import { fromBrusselsInput } from "../../platform/time";
import { addConsortiumSchool } from "../consortium/add-school";
import { removeConsortiumSchool } from "../consortium/remove-school";
import { addDisseminationItem } from "./add-dissemination-item";
import { addPlanAction } from "./add-plan-action";
import { addPlanTeacher } from "./add-plan-teacher";
import { planPeriod } from "./model";
import { periodErrors } from "./plan-input";
import { planProblems } from "./plan-problems";
import { readPlan } from "./read-plan";
import { removeDisseminationItem } from "./remove-dissemination-item";
import { removePlanAction } from "./remove-plan-action";
import { removePlanTeacher } from "./remove-plan-teacher";
import { updateDisseminationItem } from "./update-dissemination-item";
import { updatePlanAction } from "./update-plan-action";
import { updatePlanTeacher } from "./update-plan-teacher";

// The plan's use cases on a real database: the call's period for actions and milestones, the
// consortium's schools for teachers, the catalogue for study programmes; object-level authorisation, the
// deadline by the server clock, items that are gone, and an audit entry for every change.

let handle: DatabaseHandle;
let coordinator: Actor;
let coordinator2: Actor;
let director: Actor;
let callId: string;
const duringCall = new Date("2027-03-10T10:00:00Z");
const afterDeadline = new Date((fromBrusselsInput("2027-03-28T12:00") as Date).getTime() + 1000);

beforeAll(async () => {
  handle = await openTestDatabase("demo");
  coordinator = await actorByEmail(handle, "coordinator@demo.innovet.test");
  coordinator2 = await actorByEmail(handle, "coordinator2@demo.innovet.test");
  director = await actorByEmail(handle, "directeur@demo.innovet.test");
  const manager = await actorByEmail(handle, "programmabeheerder@demo.innovet.test");
  // School years 2027-2028 and 2028-2029, 24 months: 1 September 2027 to 31 August 2029.
  callId = await publishTestCall(handle.db, manager, {
    ...marchTestCall,
    title: "Oproep voor het plan",
  });
});
afterAll(async () => {
  await handle?.close();
});

const ctx = (actor: Actor, now = duringCall) => ({ db: handle.db, actor, now: () => now });
const draft = () => startTestDraft(handle.db, coordinator, callId, duringCall, "Plan-aanvraag");

const action = (applicationId: string, change: Record<string, unknown> = {}) => ({
  applicationId,
  title: "Lessenreeks ontwerpen",
  description: "Leraren en bedrijf ontwerpen samen.",
  startsOn: "2027-09-01",
  endsOn: "2028-06-30",
  milestones: [{ title: "Eerste versie", date: "2028-01-31" }],
  ...change,
});
const teacher = (applicationId: string, change: Record<string, unknown> = {}) => ({
  applicationId,
  name: "An Peeters",
  email: "an.peeters@school.be",
  role: "Leraar elektromechanica",
  organisationId: coordinator.memberships[0]?.organisationId,
  learningGoal: "Werken met cobots.",
  learningMethod: "workplaceLearning",
  learningWith: "Een partnerbedrijf",
  plannedHours: "40",
  ...change,
});
const material = (applicationId: string, change: Record<string, unknown> = {}) => ({
  applicationId,
  title: "Lessenreeks cobots",
  resourceType: "lessonSeries",
  programmeCodes: ["1540", "1535"],
  licence: "CC-BY-SA-4.0",
  releaseOn: "2028-09-01",
  ...change,
});

function invalidFields(result: { ok: boolean; reason?: string; fieldErrors?: object }) {
  expect(result).toMatchObject({ ok: false, reason: "invalid" });
  return (result as { fieldErrors: Record<string, string[]> }).fieldErrors;
}

describe("actions and milestones", () => {
  it("adds, changes and removes an action, with an audit entry for each", async () => {
    const id = await draft();
    const added = await addPlanAction(ctx(coordinator), action(id));
    if (!added.ok) throw new Error(JSON.stringify(added));
    const changed = await updatePlanAction(
      ctx(coordinator),
      action(id, {
        actionId: added.value.id,
        title: "Lessenreeks ontwerpen en testen",
        milestones: [
          { title: "Test in de klas", date: "2028-05-15" },
          { title: "Eerste versie", date: "2028-01-31" },
        ],
      }),
    );
    expect(changed.ok).toBe(true);
    const plan = await readPlan(handle.db, id);
    expect(plan?.actions).toEqual([
      {
        id: added.value.id,
        title: "Lessenreeks ontwerpen en testen",
        description: "Leraren en bedrijf ontwerpen samen.",
        startsOn: "2027-09-01",
        endsOn: "2028-06-30",
        // In order of date, whatever the order typed.
        milestones: [
          { title: "Eerste versie", date: "2028-01-31" },
          { title: "Test in de klas", date: "2028-05-15" },
        ],
      },
    ]);
    expect(
      (await removePlanAction(ctx(coordinator), { applicationId: id, actionId: added.value.id }))
        .ok,
    ).toBe(true);
    expect((await readPlan(handle.db, id))?.actions).toEqual([]);
    const events = await handle.db
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .where(and(eq(auditEvent.subjectId, id), like(auditEvent.action, "application.plan.%")))
      .orderBy(auditEvent.id);
    expect(events.map((e) => e.action)).toEqual([
      "application.plan.addAction",
      "application.plan.updateAction",
      "application.plan.removeAction",
    ]);
  });

  it.each<[string, Record<string, unknown>, Record<string, string[]>]>([
    [
      "a start before 1 September of the first school year",
      { startsOn: "2027-08-31" },
      { startsOn: ["plan.error.startBeforePeriod"] },
    ],
    [
      "an end after the maximum duration",
      { endsOn: "2029-09-01", milestones: [] },
      { endsOn: ["plan.error.endAfterPeriod"] },
    ],
  ])(
    "keeps an action with %s in the draft: a problem at the field and for the submission",
    async (_name, change, problems) => {
      const id = await draft();
      const added = await addPlanAction(ctx(coordinator), action(id, change));
      if (!added.ok) throw new Error(JSON.stringify(added));
      const plan = await readPlan(handle.db, id);
      const saved = plan?.actions.find((a) => a.id === added.value.id);
      expect(saved).toMatchObject(change);
      if (!plan || !saved) throw new Error("not saved");
      expect(periodErrors(planPeriod(plan.callRules), saved)).toEqual(problems);
      expect(planProblems(plan, plan.callRules)).toContainEqual({
        key: "plan.problem.actionOutsidePeriod",
        params: { action: saved.title },
        fixAt: `plan#actie-${saved.id}`,
      });
      const changed = await updatePlanAction(
        ctx(coordinator),
        action(id, { ...change, actionId: added.value.id, title: "Nog altijd te lang" }),
      );
      expect(changed.ok).toBe(true);
    },
  );

  it.each<[string, Record<string, unknown>, Record<string, string[]>]>([
    [
      "an end before the start",
      { startsOn: "2028-01-01", endsOn: "2027-12-31", milestones: [] },
      { endsOn: ["plan.error.endBeforeStart"] },
    ],
    [
      "a milestone outside the action",
      { milestones: [{ title: "Later", date: "2028-07-01" }] },
      { "milestones.0.date": ["plan.error.milestoneOutsideAction"] },
    ],
    [
      "a milestone without a title",
      { milestones: [{ title: " ", date: "2028-01-01" }] },
      { "milestones.0.title": ["plan.error.milestoneTitleRequired"] },
    ],
    [
      "a date that does not exist",
      { startsOn: "2027-02-30" },
      { startsOn: ["plan.error.invalidDate"] },
    ],
    [
      "a date in Belgian notation",
      { endsOn: "30/06/2028" },
      { endsOn: ["plan.error.invalidDate"] },
    ],
    ["no title", { title: "" }, { title: ["error.required"] }],
  ])("refuses %s at the field", async (_name, change, errors) => {
    const id = await draft();
    const result = await addPlanAction(ctx(coordinator), action(id, change));
    expect(invalidFields(result)).toEqual(errors);
    expect((await readPlan(handle.db, id))?.actions).toEqual([]);
  });

  it("says clearly that an action removed meanwhile is gone", async () => {
    const id = await draft();
    const added = await addPlanAction(ctx(coordinator), action(id));
    if (!added.ok) throw new Error(JSON.stringify(added));
    const remove = { applicationId: id, actionId: added.value.id };
    expect((await removePlanAction(ctx(coordinator), remove)).ok).toBe(true);
    const gone = { ok: false, reason: "conflict", message: "plan.error.itemGone" };
    expect(await removePlanAction(ctx(coordinator), remove)).toEqual(gone);
    expect(
      await updatePlanAction(ctx(coordinator), action(id, { actionId: added.value.id })),
    ).toEqual(gone);
  });
});

describe("teachers and their professionalisation", () => {
  it("adds, changes and removes a teacher", async () => {
    const id = await draft();
    const added = await addPlanTeacher(ctx(coordinator), teacher(id));
    if (!added.ok) throw new Error(JSON.stringify(added));
    expect(added.value).toMatchObject({ learningMethod: "workplaceLearning", plannedHours: 40 });
    const changed = await updatePlanTeacher(
      ctx(coordinator),
      teacher(id, { teacherId: added.value.id, email: "", organisationId: "", plannedHours: "" }),
    );
    expect(changed).toMatchObject({
      ok: true,
      value: { email: null, organisationId: null, plannedHours: null },
    });
    expect(
      (await removePlanTeacher(ctx(coordinator), { applicationId: id, teacherId: added.value.id }))
        .ok,
    ).toBe(true);
    expect((await readPlan(handle.db, id))?.teachers).toEqual([]);
  });

  it("names teachers of every school of the consortium, and of no school outside it", async () => {
    const id = await draft();
    const coApplicant = coordinator2.memberships[0]?.organisationId as string;
    // Not in the consortium yet: refused.
    expect(
      invalidFields(
        await addPlanTeacher(ctx(coordinator), teacher(id, { organisationId: coApplicant })),
      ),
    ).toEqual({ organisationId: ["error.invalidChoice"] });
    const joined = await addConsortiumSchool(ctx(coordinator), {
      applicationId: id,
      organisationId: coApplicant,
    });
    expect(joined.ok).toBe(true);
    const added = await addPlanTeacher(
      ctx(coordinator),
      teacher(id, { name: "Ruth Claes", organisationId: coApplicant }),
    );
    if (!added.ok) throw new Error(JSON.stringify(added));
    expect(added.value.organisationId).toBe(coApplicant);
    // The lead school's teachers still can, and a change keeps to the consortium too.
    const lead = await addPlanTeacher(ctx(coordinator), teacher(id));
    expect(lead.ok).toBe(true);
    await removeConsortiumSchool(ctx(coordinator), {
      applicationId: id,
      organisationId: coApplicant,
    });
    expect(
      invalidFields(
        await updatePlanTeacher(
          ctx(coordinator),
          teacher(id, { teacherId: added.value.id, organisationId: coApplicant }),
        ),
      ),
    ).toEqual({ organisationId: ["error.invalidChoice"] });
  });

  it.each<[string, Record<string, unknown>, Record<string, string[]>]>([
    [
      "a school outside the consortium",
      { organisationId: "00000000-0000-4000-8000-000000000000" },
      { organisationId: ["error.invalidChoice"] },
    ],
    [
      "an unknown way of learning",
      { learningMethod: "osmose" },
      { learningMethod: ["error.invalidChoice"] },
    ],
    [
      "hours that are not a number",
      { plannedHours: "veel" },
      { plannedHours: ["plan.error.invalidHours"] },
    ],
    ["too many hours", { plannedHours: "5000" }, { plannedHours: ["plan.error.invalidHours"] }],
    ["an e-mail address that is none", { email: "an@" }, { email: ["error.invalidEmail"] }],
  ])("refuses %s", async (_name, change, errors) => {
    const id = await draft();
    expect(invalidFields(await addPlanTeacher(ctx(coordinator), teacher(id, change)))).toEqual(
      errors,
    );
  });
});

describe("dissemination", () => {
  it("adds, changes and removes a material; programmes are catalogue codes, sorted", async () => {
    const id = await draft();
    const added = await addDisseminationItem(ctx(coordinator), material(id));
    if (!added.ok) throw new Error(JSON.stringify(added));
    expect(added.value.programmeCodes).toEqual(["1535", "1540"]);
    const changed = await updateDisseminationItem(
      ctx(coordinator),
      material(id, { itemId: added.value.id, licence: "", programmeCodes: "1540" }),
    );
    expect(changed).toMatchObject({ ok: true, value: { licence: null, programmeCodes: ["1540"] } });
    expect(
      (
        await removeDisseminationItem(ctx(coordinator), {
          applicationId: id,
          itemId: added.value.id,
        })
      ).ok,
    ).toBe(true);
    expect(
      await removeDisseminationItem(ctx(coordinator), {
        applicationId: id,
        itemId: added.value.id,
      }),
    ).toEqual({ ok: false, reason: "conflict", message: "plan.error.itemGone" });
  });

  it.each<[string, Record<string, unknown>, Record<string, string[]>]>([
    [
      "an unknown programme code",
      { programmeCodes: ["99999"] },
      { programmeCodes: ["error.invalidChoice"] },
    ],
    [
      "a licence that is not open",
      { licence: "all-rights-reserved" },
      { licence: ["error.invalidChoice"] },
    ],
    ["no kind of material", { resourceType: "" }, { resourceType: ["error.required"] }],
  ])("refuses %s", async (_name, change, errors) => {
    const id = await draft();
    expect(
      invalidFields(await addDisseminationItem(ctx(coordinator), material(id, change))),
    ).toEqual(errors);
  });
});

describe("who and when", () => {
  it("another school's coordinator learns nothing; the director may not change it", async () => {
    const id = await draft();
    expect(await addPlanAction(ctx(coordinator2), action(id))).toEqual({
      ok: false,
      reason: "notFound",
    });
    expect(await addPlanTeacher(ctx(coordinator2), teacher(id))).toEqual({
      ok: false,
      reason: "notFound",
    });
    expect(await addDisseminationItem(ctx(director), material(id))).toEqual({
      ok: false,
      reason: "forbidden",
    });
    const plan = await readPlan(handle.db, id);
    expect([plan?.actions, plan?.teachers, plan?.dissemination]).toEqual([[], [], []]);
  });

  it("changes nothing after the call closes, by the server clock", async () => {
    const id = await draft();
    const added = await addPlanAction(ctx(coordinator), action(id));
    if (!added.ok) throw new Error(JSON.stringify(added));
    const closed = { ok: false, reason: "conflict", message: "application.error.callClosed" };
    expect(await addPlanAction(ctx(coordinator, afterDeadline), action(id))).toEqual(closed);
    expect(
      await updatePlanAction(
        ctx(coordinator, afterDeadline),
        action(id, { actionId: added.value.id, title: "Te laat" }),
      ),
    ).toEqual(closed);
    expect(
      await removePlanAction(ctx(coordinator, afterDeadline), {
        applicationId: id,
        actionId: added.value.id,
      }),
    ).toEqual(closed);
    expect(await addPlanTeacher(ctx(coordinator, afterDeadline), teacher(id))).toEqual(closed);
    expect(await addDisseminationItem(ctx(coordinator, afterDeadline), material(id))).toEqual(
      closed,
    );
    const plan = await readPlan(handle.db, id);
    expect(plan?.actions.map((a) => a.title)).toEqual(["Lessenreeks ontwerpen"]);
    expect(plan?.teachers).toEqual([]);
  });
});
