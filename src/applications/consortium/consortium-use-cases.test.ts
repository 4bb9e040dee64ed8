import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  completeTestConsortium,
  marchTestCall,
  publishTestCall,
  startTestDraft,
  testBaseUrl,
} from "../../../test/support/applications";
import { actorByEmail, openTestDatabase } from "../../../test/support/database";
import { auditEvent } from "../../audit/schema";
import type { DatabaseHandle } from "../../db/client";
import { completeEnterpriseNumber } from "../../directory/enterprise-number";
import { organisation, site, siteProgramme } from "../../directory/schema";
import type { Actor } from "../../identity/actor";
import { runDueJobs } from "../../platform/jobs/run-due-jobs";
import { scheduledJob } from "../../platform/jobs/schema";
import { createMailer, type Mailer } from "../../platform/mailer";
import { readDossier } from "../submission/dossier";
import { applicationProblems } from "../submission/eligibility";
import { addConsortiumPartner } from "./add-partner";
import { addConsortiumSchool } from "./add-school";
import {
  invitationJobKey,
  partnerInvitationHandler,
  partnerInvitationJob,
} from "./invitation-mail";
import { invitePartner } from "./invite-partner";
import { programmeValue } from "./model";
import { readConsortium } from "./read-consortium";
import { readInvitation } from "./read-invitation";
import { removeConsortiumPartner } from "./remove-partner";
import { removeConsortiumSchool } from "./remove-school";
import { respondToInvitation } from "./respond-to-invitation";
import { saveConsortiumSchool } from "./save-school";
import { applicationPartner } from "./schema";
import { updateConsortiumPartner } from "./update-partner";

// The consortium step on a real database: schools with their sites and programmes, partners from
// the directory or proposed, who may change it (and who learns nothing), the invitation link by
// mail, confirming and declining by token alone, re-invitation, and a confirmation that lapses
// when what was confirmed changes.

let handle: DatabaseHandle;
let coordinator: Actor;
let coordinator2: Actor;
let director: Actor;
let manager: Actor;
let callId: string;
let mailer: Mailer;
let leadSchool: { id: string; siteId: string; programme: string };
let otherSchool: { id: string; siteId: string; programme: string };
let company: { id: string; name: string };
let company2: { id: string; name: string };
let rtc: { id: string; name: string };
const duringCall = new Date("2027-03-10T10:00:00Z");
const afterDeadline = new Date("2027-03-29T10:00:00Z");

async function schoolWithSite(organisationId: string) {
  const [row] = await handle.db
    .select({
      siteId: site.id,
      code: siteProgramme.programmeCode,
      stage: siteProgramme.programmeStage,
    })
    .from(site)
    .innerJoin(siteProgramme, eq(siteProgramme.siteId, site.id))
    .where(eq(site.organisationId, organisationId))
    .limit(1);
  if (!row) throw new Error("demo school without programmes");
  return {
    id: organisationId,
    siteId: row.siteId,
    programme: programmeValue({ code: row.code, stage: row.stage }),
  };
}

async function someOrganisations(kind: "company" | "rtc", n: number) {
  return handle.db
    .select({ id: organisation.id, name: organisation.name })
    .from(organisation)
    .where(eq(organisation.kind, kind))
    .orderBy(organisation.name)
    .limit(n);
}

beforeAll(async () => {
  handle = await openTestDatabase("demo");
  coordinator = await actorByEmail(handle, "coordinator@demo.innovet.test");
  coordinator2 = await actorByEmail(handle, "coordinator2@demo.innovet.test");
  director = await actorByEmail(handle, "directeur@demo.innovet.test");
  manager = await actorByEmail(handle, "programmabeheerder@demo.innovet.test");
  callId = await publishTestCall(handle.db, manager, {
    ...marchTestCall,
    title: "Testoproep consortium",
  });
  mailer = createMailer({
    captureDir: mkdtempSync(join(tmpdir(), "innovet-consortium-mail-")),
    from: "test@innovet.test",
  });
  leadSchool = await schoolWithSite(coordinator.memberships[0]?.organisationId as string);
  otherSchool = await schoolWithSite(coordinator2.memberships[0]?.organisationId as string);
  [company, company2] = (await someOrganisations("company", 2)) as [typeof company, typeof company];
  [rtc] = (await someOrganisations("rtc", 1)) as [typeof rtc];
});
afterAll(async () => {
  await handle?.close();
});

const ctx = (actor: Actor | null, now = duringCall) => ({ db: handle.db, actor, now: () => now });
const draft = (title = "Testaanvraag consortium") =>
  startTestDraft(handle.db, coordinator, callId, duringCall, title);

const partnerForm = {
  roles: ["expertise", "coFinancing"],
  commitment: "Twee experten geven vier workshops over lassen met robots.",
  inKind: "12.500,50",
  cash: "5.000",
  contactName: "An Peeters",
  contactEmail: "an.peeters@bedrijf.test",
};

async function addDirectoryPartner(applicationId: string, organisationId = company.id) {
  const added = await addConsortiumPartner(ctx(coordinator), {
    applicationId,
    source: "directory",
    organisationId,
    ...partnerForm,
  });
  if (!added.ok) throw new Error(JSON.stringify(added));
  return added.value.partnerId;
}

/** Runs the due invitation jobs and returns the token of the newest mail to `to`. */
async function mailedToken(to = partnerForm.contactEmail, now = duringCall): Promise<string> {
  await runDueJobs(
    handle.db,
    { [partnerInvitationJob]: partnerInvitationHandler({ mailer, baseUrl: testBaseUrl }) },
    { now },
  );
  const mail = (await mailer.captured()).find((m) => m.to === to);
  const match = /\/uitnodiging\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? "");
  if (!match?.[1]) throw new Error("no invitation mail");
  return match[1];
}

async function invited(applicationId: string, partnerId: string) {
  const result = await invitePartner(ctx(coordinator), { applicationId, partnerId });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return mailedToken();
}

describe("schools", () => {
  it("saves the lead school's sites and programmes, making its row on the first save", async () => {
    const id = await draft();
    const before = await readConsortium(handle.db, id);
    expect(before?.schools).toEqual([
      expect.objectContaining({ organisationId: leadSchool.id, isLead: true, programmes: [] }),
    ]);
    const saved = await saveConsortiumSchool(ctx(coordinator), {
      applicationId: id,
      organisationId: leadSchool.id,
      siteIds: leadSchool.siteId,
      programmes: [leadSchool.programme],
    });
    expect(saved.ok).toBe(true);
    const after = await readConsortium(handle.db, id);
    expect(after?.schools[0]?.sites.map((s) => s.id)).toEqual([leadSchool.siteId]);
    expect(after?.schools[0]?.programmes.map(programmeValue)).toEqual([leadSchool.programme]);
    expect(after?.schools[0]?.programmes[0]?.name).not.toBe("");
  });

  it("adds a co-applicant school once, never the lead school or an organisation that is no school", async () => {
    const id = await draft();
    expect(
      (
        await addConsortiumSchool(ctx(coordinator), {
          applicationId: id,
          organisationId: otherSchool.id,
        })
      ).ok,
    ).toBe(true);
    const refusals = [
      [otherSchool.id, "consortium.error.schoolAlready"],
      [leadSchool.id, "consortium.error.leadSchoolAlready"],
      [company.id, "consortium.error.chooseSchool"],
    ] as const;
    for (const [organisationId, message] of refusals)
      expect(
        await addConsortiumSchool(ctx(coordinator), { applicationId: id, organisationId }),
      ).toEqual({
        ok: false,
        reason: "invalid",
        fieldErrors: { organisationId: [message] },
        formErrors: [],
      });
    const consortium = await readConsortium(handle.db, id);
    expect(consortium?.schools.map((s) => [s.organisationId, s.isLead])).toEqual([
      [leadSchool.id, true],
      [otherSchool.id, false],
    ]);
  });

  it("accepts only the school's own sites and programmes offered at a chosen site", async () => {
    const id = await draft();
    await addConsortiumSchool(ctx(coordinator), {
      applicationId: id,
      organisationId: otherSchool.id,
    });
    const save = (siteIds: string[], programmes: string[]) =>
      saveConsortiumSchool(ctx(coordinator), {
        applicationId: id,
        organisationId: otherSchool.id,
        siteIds,
        programmes,
      });
    const foreignSite = await save([leadSchool.siteId], []);
    expect(
      !foreignSite.ok && foreignSite.reason === "invalid" && foreignSite.fieldErrors.siteIds,
    ).toEqual(["error.invalidChoice"]);
    const noSite = await save([], [otherSchool.programme]);
    expect(!noSite.ok && noSite.reason === "invalid" && noSite.fieldErrors.programmes).toEqual([
      "consortium.error.programmeNotAtChosenSite",
    ]);
    const malformed = await save([otherSchool.siteId], ["no such programme"]);
    expect(malformed.ok).toBe(false);
    expect((await save([otherSchool.siteId], [otherSchool.programme])).ok).toBe(true);
  });

  it("removes a co-applicant school, but the lead school stays", async () => {
    const id = await draft();
    await addConsortiumSchool(ctx(coordinator), {
      applicationId: id,
      organisationId: otherSchool.id,
    });
    expect(
      (
        await removeConsortiumSchool(ctx(coordinator), {
          applicationId: id,
          organisationId: otherSchool.id,
        })
      ).ok,
    ).toBe(true);
    expect(
      await removeConsortiumSchool(ctx(coordinator), {
        applicationId: id,
        organisationId: leadSchool.id,
      }),
    ).toEqual({
      ok: false,
      reason: "conflict",
      message: "consortium.error.leadSchoolStays",
    });
    expect((await readConsortium(handle.db, id))?.schools).toHaveLength(1);
  });
});

describe("partners", () => {
  it("adds a directory partner with its roles, commitment and amounts in cents", async () => {
    const id = await draft();
    await addDirectoryPartner(id);
    const consortium = await readConsortium(handle.db, id);
    expect(consortium?.partners).toEqual([
      expect.objectContaining({
        organisationId: company.id,
        name: company.name,
        kind: "company",
        category: "labourMarket",
        roles: ["coFinancing", "expertise"],
        inKindCents: 1_250_050,
        cashCents: 500_000,
        status: "notInvited",
      }),
    ]);
    expect(consortium?.totals).toEqual({
      cashCents: 500_000,
      inKindCents: 1_250_050,
      coFinancingCents: 1_750_050,
    });
  });

  it("refuses the same organisation twice and a school as a partner", async () => {
    const id = await draft();
    await addDirectoryPartner(id);
    for (const [organisationId, message] of [
      [company.id, "consortium.error.partnerAlready"],
      [otherSchool.id, "consortium.error.schoolIsNoPartner"],
      [leadSchool.id, "consortium.error.schoolIsNoPartner"],
    ] as const) {
      const result = await addConsortiumPartner(ctx(coordinator), {
        applicationId: id,
        source: "directory",
        organisationId,
        ...partnerForm,
      });
      expect(
        !result.ok && result.reason === "invalid" && result.fieldErrors.organisationId,
      ).toEqual([message]);
    }
    expect((await readConsortium(handle.db, id))?.partners).toHaveLength(1);
  });

  it("adds a proposed organisation with a valid KBO number, once, and not one the directory knows", async () => {
    const id = await draft();
    const kbo = completeEnterpriseNumber("07654321");
    const propose = (extra: Record<string, unknown>) =>
      addConsortiumPartner(ctx(coordinator), {
        applicationId: id,
        source: "proposed",
        proposedName: "Robotlas bv",
        proposedKind: "company",
        proposedEnterpriseNumber: kbo,
        ...partnerForm,
        ...extra,
      });
    const table: Array<[Record<string, unknown>, string, string]> = [
      [
        { proposedEnterpriseNumber: "0123.456.789" },
        "proposedEnterpriseNumber",
        "error.invalidEnterpriseNumber",
      ],
      [
        { proposedEnterpriseNumber: "" },
        "proposedEnterpriseNumber",
        "consortium.error.enterpriseNumberRequired",
      ],
      [{ proposedKind: "school" }, "proposedKind", "error.invalidChoice"],
      [{ proposedName: " " }, "proposedName", "error.required"],
      [{ roles: [] }, "roles", "consortium.error.roleRequired"],
      [{ cash: "veel" }, "cash", "consortium.error.invalidAmount"],
      [{ contactEmail: "geen-adres" }, "contactEmail", "error.invalidEmail"],
      [{ commitment: "x".repeat(4001) }, "commitment", "error.tooLong"],
    ];
    for (const [change, field, message] of table) {
      const result = await propose(change);
      expect(!result.ok && result.reason === "invalid" && result.fieldErrors[field], field).toEqual(
        [message],
      );
    }
    expect(
      (
        await propose({
          proposedEnterpriseNumber: `BE ${kbo.slice(0, 4)}.${kbo.slice(4, 7)}.${kbo.slice(7)}`,
        })
      ).ok,
    ).toBe(true);
    const twice = await propose({});
    expect(
      !twice.ok && twice.reason === "invalid" && twice.fieldErrors.proposedEnterpriseNumber,
    ).toEqual(["consortium.error.partnerAlready"]);
    const [known] = await handle.db
      .select({ kbo: organisation.enterpriseNumber })
      .from(organisation)
      .where(eq(organisation.id, company.id));
    const inDirectory = await propose({ proposedEnterpriseNumber: known?.kbo });
    expect(
      !inDirectory.ok &&
        inDirectory.reason === "invalid" &&
        inDirectory.fieldErrors.proposedEnterpriseNumber,
    ).toEqual(["consortium.error.proposedInDirectory"]);
    const consortium = await readConsortium(handle.db, id);
    expect(consortium?.partners).toEqual([
      expect.objectContaining({
        organisationId: null,
        name: "Robotlas bv",
        proposedEnterpriseNumber: kbo,
        category: "labourMarket",
      }),
    ]);
  });

  it("removes a partner and cancels its unsent invitation", async () => {
    const id = await draft();
    const partnerId = await addDirectoryPartner(id);
    await invitePartner(ctx(coordinator), { applicationId: id, partnerId });
    expect(
      (await removeConsortiumPartner(ctx(coordinator), { applicationId: id, partnerId })).ok,
    ).toBe(true);
    const [job] = await handle.db
      .select({ status: scheduledJob.status })
      .from(scheduledJob)
      .where(eq(scheduledJob.key, invitationJobKey(partnerId, 1)));
    expect(job?.status).toBe("cancelled");
    expect((await readConsortium(handle.db, id))?.partners).toEqual([]);
  });
});

describe("who may change a consortium", () => {
  it.each([
    ["a coordinator of another school learns nothing", () => coordinator2, "notFound"],
    ["the public learns nothing", () => null, "notFound"],
    ["the director reads but may not change", () => director, "forbidden"],
    ["the programme manager reads but may not change", () => manager, "forbidden"],
  ])("%s", async (_label, who, reason) => {
    const id = await draft();
    const partnerId = await addDirectoryPartner(id);
    const actor = who();
    const attempts = [
      addConsortiumSchool(ctx(actor), { applicationId: id, organisationId: otherSchool.id }),
      saveConsortiumSchool(ctx(actor), {
        applicationId: id,
        organisationId: leadSchool.id,
        siteIds: [],
        programmes: [],
      }),
      removeConsortiumSchool(ctx(actor), { applicationId: id, organisationId: otherSchool.id }),
      addConsortiumPartner(ctx(actor), {
        applicationId: id,
        source: "directory",
        organisationId: rtc.id,
        ...partnerForm,
      }),
      updateConsortiumPartner(ctx(actor), { applicationId: id, partnerId, ...partnerForm }),
      removeConsortiumPartner(ctx(actor), { applicationId: id, partnerId }),
      invitePartner(ctx(actor), { applicationId: id, partnerId }),
    ];
    for (const result of await Promise.all(attempts)) expect(result).toEqual({ ok: false, reason });
    expect((await readConsortium(handle.db, id))?.partners).toHaveLength(1);
  });

  it("a partner of one application is not found through another", async () => {
    const mine = await draft();
    const other = await draft();
    const partnerId = await addDirectoryPartner(mine);
    expect(
      await removeConsortiumPartner(ctx(coordinator), { applicationId: other, partnerId }),
    ).toEqual({
      ok: false,
      reason: "notFound",
    });
  });

  it("nothing changes after the deadline", async () => {
    const id = await draft();
    const partnerId = await addDirectoryPartner(id);
    const late = ctx(coordinator, afterDeadline);
    const closed = { ok: false, reason: "conflict", message: "application.error.callClosed" };
    expect(
      await addConsortiumSchool(late, { applicationId: id, organisationId: otherSchool.id }),
    ).toEqual(closed);
    expect(
      await updateConsortiumPartner(late, { applicationId: id, partnerId, ...partnerForm }),
    ).toEqual(closed);
    expect(await invitePartner(late, { applicationId: id, partnerId })).toEqual(closed);
  });
});

describe("the invitation", () => {
  it("mails a link whose token alone lets the partner confirm; only the hash is stored", async () => {
    const id = await draft("Lassen met robots");
    const partnerId = await addDirectoryPartner(id);
    const token = await invited(id, partnerId);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await handle.db
      .select()
      .from(applicationPartner)
      .where(eq(applicationPartner.id, partnerId));
    expect(row?.invitationTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);
    const [job] = await handle.db
      .select({ payload: scheduledJob.payload })
      .from(scheduledJob)
      .where(eq(scheduledJob.key, invitationJobKey(partnerId, 1)));
    expect(JSON.stringify(job)).not.toContain(token);

    const page = await readInvitation(handle.db, token, duringCall);
    expect(page).toMatchObject({
      state: "valid",
      invitation: {
        applicationTitle: "Lassen met robots",
        partnerName: company.name,
        canRespond: true,
        roles: ["coFinancing", "expertise"],
      },
    });
    const answer = await respondToInvitation(ctx(null), {
      token,
      response: "confirm",
      respondentName: "An Peeters",
    });
    expect(answer).toEqual({ ok: true, value: { partnerId, status: "confirmed" } });
    const [partner] = (await readConsortium(handle.db, id))?.partners ?? [];
    expect(partner).toMatchObject({
      status: "confirmed",
      respondedBy: "An Peeters",
      respondedAt: duringCall.toISOString(),
    });
    const [audit] = await handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.subjectId, id), like(auditEvent.action, "%respondToInvitation")));
    expect(audit?.actorId).toBeNull();
    expect(await invitePartner(ctx(coordinator), { applicationId: id, partnerId })).toEqual({
      ok: false,
      reason: "conflict",
      message: "consortium.error.alreadyConfirmed",
    });
    expect(
      await respondToInvitation(ctx(null), {
        token,
        response: "decline",
        respondentName: "Iemand",
      }),
    ).toEqual({
      ok: false,
      reason: "conflict",
      message: "consortium.invitation.alreadyAnswered",
    });
  });

  it("records a decline with its reason", async () => {
    const id = await draft();
    const partnerId = await addDirectoryPartner(id);
    const token = await invited(id, partnerId);
    const answer = await respondToInvitation(ctx(null), {
      token,
      response: "decline",
      respondentName: "Bert Claes",
      reason: "Geen capaciteit dit schooljaar.",
    });
    expect(answer.ok).toBe(true);
    expect((await readConsortium(handle.db, id))?.partners[0]).toMatchObject({
      status: "declined",
      respondedBy: "Bert Claes",
      declineReason: "Geen capaciteit dit schooljaar.",
    });
  });

  it.each([
    ["an unknown token", "A".repeat(43)],
    ["a malformed token", "../../etc/passwd"],
    ["an empty token", ""],
  ])("refuses %s as not found", async (_label, token) => {
    expect(
      await respondToInvitation(ctx(null), { token, response: "confirm", respondentName: "X" }),
    ).toEqual({
      ok: false,
      reason: "notFound",
    });
    expect(await readInvitation(handle.db, token, duringCall)).toEqual({ state: "invalid" });
  });

  it("inviting again makes the earlier link useless and the new one works", async () => {
    const id = await draft();
    const partnerId = await addDirectoryPartner(id);
    const first = await invited(id, partnerId);
    const second = await invited(id, partnerId);
    expect(second).not.toBe(first);
    expect(await readInvitation(handle.db, first, duringCall)).toEqual({ state: "invalid" });
    expect(
      (
        await respondToInvitation(ctx(null), {
          token: first,
          response: "confirm",
          respondentName: "X",
        })
      ).ok,
    ).toBe(false);
    expect(
      (
        await respondToInvitation(ctx(null), {
          token: second,
          response: "confirm",
          respondentName: "X",
        })
      ).ok,
    ).toBe(true);
  });

  it("an unsent invitation superseded by a new one is never mailed", async () => {
    const id = await draft();
    const partnerId = await addDirectoryPartner(id, company2.id);
    await invitePartner(ctx(coordinator), { applicationId: id, partnerId });
    await invitePartner(ctx(coordinator), { applicationId: id, partnerId });
    const before = (await mailer.captured()).length;
    await mailedToken();
    expect((await mailer.captured()).length).toBe(before + 1);
  });

  it("a confirmation lapses when the commitment changes, not when only the contact does", async () => {
    const id = await draft();
    const partnerId = await addDirectoryPartner(id);
    const token = await invited(id, partnerId);
    await respondToInvitation(ctx(null), {
      token,
      response: "confirm",
      respondentName: "An Peeters",
    });
    const contactOnly = await updateConsortiumPartner(ctx(coordinator), {
      applicationId: id,
      partnerId,
      ...partnerForm,
      contactName: "Anneleen Peeters",
    });
    expect(contactOnly).toEqual({ ok: true, value: { partnerId, confirmationLapsed: false } });
    for (const change of [
      { cash: "5.000,01" },
      { roles: ["expertise"] },
      { commitment: "Iets anders." },
    ]) {
      const changed = await updateConsortiumPartner(ctx(coordinator), {
        applicationId: id,
        partnerId,
        ...partnerForm,
        ...change,
      });
      expect(changed).toEqual({ ok: true, value: { partnerId, confirmationLapsed: true } });
      expect((await readConsortium(handle.db, id))?.partners[0]).toMatchObject({
        status: "invited",
        needsReconfirmation: true,
      });
      const page = await readInvitation(handle.db, token, duringCall);
      expect(page).toMatchObject({
        state: "valid",
        invitation: { needsReconfirmation: true, canRespond: true },
      });
      expect(
        (await respondToInvitation(ctx(null), { token, response: "confirm", respondentName: "An" }))
          .ok,
      ).toBe(true);
    }
  });

  it("no answer is recorded after the deadline", async () => {
    const id = await draft();
    const partnerId = await addDirectoryPartner(id);
    const token = await invited(id, partnerId);
    expect(
      await respondToInvitation(ctx(null, afterDeadline), {
        token,
        response: "confirm",
        respondentName: "X",
      }),
    ).toEqual({
      ok: false,
      reason: "conflict",
      message: "application.error.callClosed",
    });
    expect(await readInvitation(handle.db, token, afterDeadline)).toEqual({ state: "expired" });
  });

  it("asks for a name and a choice", async () => {
    const id = await draft();
    const partnerId = await addDirectoryPartner(id);
    const token = await invited(id, partnerId);
    const result = await respondToInvitation(ctx(null), {
      token,
      response: "maybe",
      respondentName: " ",
    });
    expect(!result.ok && result.reason === "invalid" && result.fieldErrors).toEqual({
      response: ["consortium.error.chooseResponse"],
      respondentName: ["consortium.error.respondentNameRequired"],
    });
  });
});

describe("the eligibility check", () => {
  it("lists the consortium's problems in the dossier until partners confirmed and a programme is chosen", async () => {
    const id = await draft();
    const fixes = async () => {
      const dossier = await readDossier(handle.db, id);
      if (!dossier) throw new Error("no dossier");
      return applicationProblems(dossier)
        .map((p) => p.fixAt)
        .filter((at) => at.startsWith("consortium"));
    };
    expect(await fixes()).toEqual([
      `consortium#school-${leadSchool.id}`,
      "consortium#partners",
      "consortium#partners",
    ]);
    await completeTestConsortium(handle.db, coordinator, id, duringCall);
    expect(await fixes()).toEqual([]);
    const dossier = await readDossier(handle.db, id);
    expect(dossier?.consortium.partners.map((p) => [p.category, p.status]).sort()).toEqual([
      ["education", "confirmed"],
      ["labourMarket", "confirmed"],
    ]);
  });
});
