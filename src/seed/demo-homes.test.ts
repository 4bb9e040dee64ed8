import { eq, inArray, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorByEmail, openTestDatabase } from "../../test/support/database";
import { testFileStore } from "../../test/support/files";
import { readPartnerHome } from "../applications/consortium/read-partner-home";
import { readCallCounts } from "../applications/manage/read-call-counts";
import { readSchoolHome } from "../applications/read-school-home";
import { application } from "../applications/schema";
import { auditEvent } from "../audit/schema";
import type { DatabaseHandle } from "../db/client";
import { membership, user } from "../identity/schema";
import { setupDatabase } from "./setup-database";

// The demo world gives every role's dashboard something real (issue 13, item 7): set up as
// `npm run setup` does it (with a file store), then read through the dashboards' own queries.

let handle: DatabaseHandle;
const now = new Date();

beforeAll(async () => {
  handle = await openTestDatabase("reference");
  await setupDatabase(handle, { demo: true, files: testFileStore(), baseUrl: "http://localhost" });
}, 600_000);
afterAll(async () => {
  await handle?.close();
});

const at = (name: string) => `${name}@demo.innovet.test`;

describe("the demo world's dashboards", () => {
  it("give the coordinator an application in every state on the open call", async () => {
    const coordinator = await actorByEmail(handle, at("coordinator"));
    const home = await readSchoolHome(handle.db, coordinator, "schoolCoordinator", now);
    const open = home.filter((a) => a.phase === "open");
    expect(open.map((a) => a.status).sort()).toEqual(["draft", "draft", "submitted", "withdrawn"]);
    const [begun, complete] = [
      open.find((a) => a.title.includes("concept")),
      open.find((a) => a.title === "Zorgtechnologie in de praktijkklas"),
    ];
    // The begun draft still misses steps; the complete one misses nothing and waits.
    expect(begun?.missing.map((m) => (m.kind === "step" ? m.id : "section"))).toEqual(
      expect.arrayContaining(["consortium", "plan", "budget", "attachments"]),
    );
    expect(complete?.missing).toEqual([]);
    expect(complete?.approval).toBe("waiting");
    expect(open.find((a) => a.status === "submitted")?.approval).toBe("approved");
  });

  it("give the director the complete draft to read and approve", async () => {
    const director = await actorByEmail(handle, at("directeur"));
    const home = await readSchoolHome(handle.db, director, "schoolDirector", now);
    expect(home.filter((a) => a.waitsForApproval).map((a) => a.title)).toEqual([
      "Zorgtechnologie in de praktijkklas",
    ]);
  });

  it("give the partner an open invitation and the consortia they confirmed", async () => {
    const partner = await actorByEmail(handle, at("partner"));
    const home = await readPartnerHome(handle.db, partner, now);
    expect(home.openInvitations.map((c) => c.applicationTitle)).toEqual([
      "Cobots in de lasklas (concept)",
    ]);
    expect(home.consortia.filter((c) => c.status === "confirmed")).toHaveLength(3);
  });

  it("give the programme manager counts per state on the open call", async () => {
    const calls = await readCallCounts(handle.db, now);
    const open = calls.find((c) => c.phase === "open");
    expect(open?.counts.submitted).toBe(1);
    expect(open?.counts.withdrawn).toBe(1);
    expect(open?.completeDrafts).toBeGreaterThanOrEqual(1);
    // Other roles' dashboards see nothing of it.
    const teacher = await actorByEmail(handle, at("leraar"));
    expect(await readSchoolHome(handle.db, teacher, "schoolCoordinator", now)).toEqual([]);
    expect((await readPartnerHome(handle.db, teacher, now)).consortia).toEqual([]);
  });

  it("were made through the use cases, each change in the audit log by its person", async () => {
    const coordinator = await actorByEmail(handle, at("coordinator"));
    const director = await actorByEmail(handle, at("directeur"));
    const own = await handle.db
      .select({ id: application.id })
      .from(application)
      .where(eq(application.createdBy, coordinator.userId));
    expect(own).toHaveLength(4);
    const events = await handle.db
      .select({ action: auditEvent.action, actorId: auditEvent.actorId })
      .from(auditEvent)
      .where(
        inArray(
          auditEvent.subjectId,
          own.map((a) => a.id),
        ),
      );
    const actions = new Set(events.map((e) => e.action));
    for (const action of [
      "application.start",
      "application.saveAnswers",
      "application.consortium.invitePartner",
      "application.approve",
      "application.submit",
      "application.withdraw",
    ])
      expect(actions).toContain(action);
    expect(events.find((e) => e.action === "application.approve")?.actorId).toBe(director.userId);
    expect(events.some((e) => e.action.startsWith("seed."))).toBe(false);
  });

  it("give the manager's list the schools' drafts, each begun and answered by its coordinator", async () => {
    const drafts = await handle.db
      .select({
        id: application.id,
        createdBy: application.createdBy,
        createdAt: application.createdAt,
        leadOrganisationId: application.leadOrganisationId,
        email: user.email,
        role: membership.role,
        memberOf: membership.organisationId,
      })
      .from(application)
      .innerJoin(user, eq(user.id, application.createdBy))
      .innerJoin(membership, eq(membership.userId, user.id))
      .where(like(user.email, "coordinatie.%"));
    // Two schools per province, each with a coordinator of its own, of that school.
    expect(drafts).toHaveLength(12);
    expect(new Set(drafts.map((d) => d.createdBy)).size).toBe(12);
    for (const d of drafts)
      expect(d).toMatchObject({ role: "schoolCoordinator", memberOf: d.leadOrganisationId });
    // The cycle-1 drafts were begun while that call was open.
    expect(drafts.filter((d) => d.createdAt.getUTCFullYear() < 2020)).toHaveLength(4);
    const events = await handle.db
      .select({
        action: auditEvent.action,
        actorId: auditEvent.actorId,
        subjectId: auditEvent.subjectId,
      })
      .from(auditEvent)
      .where(
        inArray(
          auditEvent.subjectId,
          drafts.map((d) => d.id),
        ),
      );
    for (const d of drafts) {
      const own = events.filter((e) => e.subjectId === d.id);
      expect(own.map((e) => e.action)).toEqual(
        expect.arrayContaining(["application.start", "application.saveAnswers"]),
      );
      expect(own.every((e) => e.actorId === d.createdBy)).toBe(true);
    }
    const admin = await actorByEmail(handle, at("admin"));
    const grants = await handle.db
      .select({ action: auditEvent.action, actorId: auditEvent.actorId })
      .from(auditEvent)
      .where(
        inArray(
          auditEvent.subjectId,
          drafts.map((d) => d.createdBy),
        ),
      );
    expect(grants.filter((g) => g.action === "person.create")).toHaveLength(12);
    expect(grants.every((g) => g.actorId === admin.userId)).toBe(true);
    expect(grants.some((g) => g.action.startsWith("seed."))).toBe(false);
  });
});
