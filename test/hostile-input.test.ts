import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { approveApplication } from "../src/applications/approval/approve-application";
import { withdrawApproval } from "../src/applications/approval/withdraw-approval";
import { removeAttachment } from "../src/applications/attachments/remove-attachment";
import { uploadAttachment } from "../src/applications/attachments/upload-attachment";
import { addBudgetLine } from "../src/applications/budget/add-budget-line";
import { removeBudgetLine } from "../src/applications/budget/remove-budget-line";
import { updateBudgetLine } from "../src/applications/budget/update-budget-line";
import { addConsortiumPartner } from "../src/applications/consortium/add-partner";
import { addConsortiumSchool } from "../src/applications/consortium/add-school";
import { invitePartner } from "../src/applications/consortium/invite-partner";
import { removeConsortiumPartner } from "../src/applications/consortium/remove-partner";
import { removeConsortiumSchool } from "../src/applications/consortium/remove-school";
import { respondToInvitation } from "../src/applications/consortium/respond-to-invitation";
import { saveConsortiumSchool } from "../src/applications/consortium/save-school";
import { updateConsortiumPartner } from "../src/applications/consortium/update-partner";
import { addDisseminationItem } from "../src/applications/plan/add-dissemination-item";
import { addPlanAction } from "../src/applications/plan/add-plan-action";
import { addPlanTeacher } from "../src/applications/plan/add-plan-teacher";
import { removeDisseminationItem } from "../src/applications/plan/remove-dissemination-item";
import { removePlanAction } from "../src/applications/plan/remove-plan-action";
import { removePlanTeacher } from "../src/applications/plan/remove-plan-teacher";
import { updateDisseminationItem } from "../src/applications/plan/update-dissemination-item";
import { updatePlanAction } from "../src/applications/plan/update-plan-action";
import { updatePlanTeacher } from "../src/applications/plan/update-plan-teacher";
import { saveAnswers } from "../src/applications/save-answers";
import { startApplication } from "../src/applications/start-application";
import { reopenApplication } from "../src/applications/submission/reopen-application";
import { submitApplication } from "../src/applications/submission/submit-application";
import { withdrawApplication } from "../src/applications/submission/withdraw-application";
import { createCall } from "../src/calls/create-call";
import { editCallForm } from "../src/calls/edit-call-form";
import { listPublishedCalls } from "../src/calls/read-calls";
import { call } from "../src/calls/schema";
import { updateCall } from "../src/calls/update-call";
import { organisation } from "../src/directory/schema";
import { isMessageKey } from "../src/i18n/translate";
import type { Actor } from "../src/identity/actor";
import { addMaterialFile } from "../src/library/add-material-file";
import { createMaterial } from "../src/library/create-material";
import { relateMaterial } from "../src/library/relate-material";
import { removeMaterialFile } from "../src/library/remove-material-file";
import { unrelateMaterial } from "../src/library/unrelate-material";
import type { UseCase, UseCaseResult } from "../src/platform/use-case";
import { actorByEmail, setUpDemoWorld } from "./support/database";
import {
  testAttachmentLimits,
  testFileStore,
  testMaterialFileLimits,
  tinyPdf,
} from "./support/files";
import { completeMaterial } from "./support/library";

// Hostile input for every use case of calls and applications, consortium included (issue 3, item 7): start from a
// valid input, replace one field (or add one) with random or hostile values, and expect a clear
// answer through the real database: success, or a failure whose messages are catalogue keys.
// Never an exception (which a route would turn into a 500).

const demo = setUpDemoWorld();

const hostileStrings = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "tekst\u0000met nul",
  "'; drop table application; --",
  "<script>alert(1)</script>",
  '=HYPERLINK("http://evil")',
  "../../etc/passwd",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👩🏽‍🏫 \u202e",
  "\ud800",
  "NaN",
  "-1",
  "1e309",
  "0x10",
  "00000000-0000-0000-0000-000000000000",
  "a".repeat(250_000),
);
const hostileValue = fc.oneof(
  hostileStrings,
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.anything({ maxDepth: 3 }),
  fc.array(hostileStrings, { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), hostileStrings, { maxKeys: 4 }),
);

function expectClearAnswer(result: UseCaseResult<unknown>) {
  expect(typeof result.ok).toBe("boolean");
  if (result.ok) return;
  if (result.reason === "invalid") {
    const keys = [...result.formErrors, ...Object.values(result.fieldErrors).flat()];
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(isMessageKey(key), `not a catalogue key: ${key}`).toBe(true);
  }
  if (result.reason === "conflict") expect(isMessageKey(result.message)).toBe(true);
}

interface Case {
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: the table holds use cases of every input type
  useCase: UseCase<any, unknown, any>;
  actor: () => Actor | null;
  base: () => Record<string, unknown>;
}

let manager: Actor;
let openCallId = "";
let draftId = "";
let director: Actor;
let draftCallId = "";
/** A draft call of its own for the form editor, whose version moves with every accepted edit. */
let formCallId = "";
let otherSchoolId = "";
let companyIds: string[] = [];
let partnerId = "";
/** A draft version of a learning material, for its files. */
let materialVersionId = "";
let materialId = "";

const partnerFields = {
  roles: ["expertise"],
  commitment: "Workshops.",
  inKind: "1.000",
  cash: "",
  contactName: "An",
  contactEmail: "an@bedrijf.test",
};

beforeAll(async () => {
  manager = await actorByEmail(demo.handle, "programmabeheerder@demo.innovet.test");
  director = await actorByEmail(demo.handle, "directeur@demo.innovet.test");
  const calls = await listPublishedCalls(demo.handle.db, new Date());
  openCallId = calls.open[0]?.id ?? "";
  const started = await startApplication(
    { db: demo.handle.db, actor: demo.coordinator },
    {
      callId: openCallId,
      organisationId: demo.coordinator.memberships[0]?.organisationId,
      title: "Aanvraag onder vuur",
      baseUrl: "http://localhost:3000",
    },
  );
  if (!started.ok) throw new Error(JSON.stringify(started));
  draftId = started.value.id;
  const created = await createCall({ db: demo.handle.db, actor: manager }, { title: "Concept" });
  if (!created.ok) throw new Error(JSON.stringify(created));
  draftCallId = created.value.id;
  const forForm = await createCall({ db: demo.handle.db, actor: manager }, { title: "Formulier" });
  if (!forForm.ok) throw new Error(JSON.stringify(forForm));
  formCallId = forForm.value.id;
  const schools = await demo.handle.db
    .select({ id: organisation.id })
    .from(organisation)
    .where(eq(organisation.kind, "school"))
    .limit(2);
  otherSchoolId =
    schools.find((s) => s.id !== demo.coordinator.memberships[0]?.organisationId)?.id ?? "";
  companyIds = (
    await demo.handle.db
      .select({ id: organisation.id })
      .from(organisation)
      .where(eq(organisation.kind, "company"))
      .limit(2)
  ).map((c) => c.id);
  const partner = await addConsortiumPartner(
    { db: demo.handle.db, actor: demo.coordinator },
    {
      applicationId: draftId,
      source: "directory",
      organisationId: companyIds[1],
      ...partnerFields,
    },
  );
  if (!partner.ok) throw new Error(JSON.stringify(partner));
  partnerId = partner.value.partnerId;
  const material = await createMaterial(
    { db: demo.handle.db, actor: demo.coordinator },
    { ...completeMaterial, organisationId: demo.coordinator.memberships[0]?.organisationId },
  );
  if (!material.ok) throw new Error(JSON.stringify(material));
  materialVersionId = material.value.versionId;
  materialId = material.value.materialId;
});

const planAction = () => ({
  applicationId: draftId,
  title: "Actie",
  description: "Wat we doen.",
  startsOn: "2027-09-01",
  endsOn: "2028-06-30",
  milestones: [{ title: "Mijlpaal", date: "2028-01-15" }],
});
const planTeacher = () => ({
  applicationId: draftId,
  name: "An",
  email: "an@school.be",
  role: "Leraar",
  organisationId: "",
  learningGoal: "Cobots.",
  learningMethod: "training",
  learningWith: "Bedrijf",
  plannedHours: "20",
});
const disseminationItem = () => ({
  applicationId: draftId,
  title: "Lessenreeks",
  resourceType: "lessonSeries",
  programmeCodes: ["1540"],
  licence: "CC-BY-4.0",
  releaseOn: "2028-09-01",
});

const cases: Case[] = [
  {
    name: "start an application",
    useCase: startApplication,
    actor: () => demo.coordinator,
    base: () => ({
      callId: openCallId,
      organisationId: demo.coordinator.memberships[0]?.organisationId,
      title: "Een titel",
      baseUrl: "http://localhost:3000",
    }),
  },
  {
    name: "save a section's answers",
    useCase: saveAnswers,
    actor: () => demo.coordinator,
    base: () => ({
      applicationId: draftId,
      sectionId: "voorstel",
      version: "1",
      answers: { beschrijving: "Een beschrijving.", aanpak: "Een aanpak." },
    }),
  },
  {
    name: "add a budget line",
    useCase: addBudgetLine,
    actor: () => demo.coordinator,
    base: () => ({
      applicationId: draftId,
      category: "teacherRelease",
      description: "Vrijstelling",
      hours: "37,5",
      hourlyCost: "45",
      amount: "",
    }),
  },
  {
    name: "change a budget line",
    useCase: updateBudgetLine,
    actor: () => demo.coordinator,
    base: () => ({
      applicationId: draftId,
      lineId: randomUUID(),
      category: "materials",
      description: "Materiaal",
      amount: "1.250,00",
    }),
  },
  {
    name: "remove a budget line",
    useCase: removeBudgetLine,
    actor: () => demo.coordinator,
    base: () => ({ applicationId: draftId, lineId: randomUUID() }),
  },
  {
    name: "submit",
    useCase: submitApplication,
    actor: () => demo.coordinator,
    base: () => ({ applicationId: draftId, requestKey: randomUUID(), declaration: "on" }),
  },
  {
    name: "withdraw",
    useCase: withdrawApplication,
    actor: () => demo.coordinator,
    base: () => ({ applicationId: draftId, reason: "Een reden." }),
  },
  // The director's approval (ADR 0033).
  {
    name: "approve",
    useCase: approveApplication,
    actor: () => director,
    base: () => ({ applicationId: draftId, fingerprint: "a".repeat(64) }),
  },
  {
    name: "withdraw the approval",
    useCase: withdrawApproval,
    actor: () => director,
    base: () => ({ applicationId: draftId }),
  },
  {
    name: "reopen",
    useCase: reopenApplication,
    actor: () => demo.coordinator,
    base: () => ({ applicationId: draftId }),
  },
  // The plan and the attachments (an id that names no item is "gone", a clear conflict).
  {
    name: "add a plan action",
    useCase: addPlanAction,
    actor: () => demo.coordinator,
    base: () => planAction(),
  },
  {
    name: "update a plan action",
    useCase: updatePlanAction,
    actor: () => demo.coordinator,
    base: () => ({ ...planAction(), actionId: randomUUID() }),
  },
  {
    name: "remove a plan action",
    useCase: removePlanAction,
    actor: () => demo.coordinator,
    base: () => ({ applicationId: draftId, actionId: randomUUID() }),
  },
  {
    name: "add a plan teacher",
    useCase: addPlanTeacher,
    actor: () => demo.coordinator,
    base: () => planTeacher(),
  },
  {
    name: "update a plan teacher",
    useCase: updatePlanTeacher,
    actor: () => demo.coordinator,
    base: () => ({ ...planTeacher(), teacherId: randomUUID() }),
  },
  {
    name: "remove a plan teacher",
    useCase: removePlanTeacher,
    actor: () => demo.coordinator,
    base: () => ({ applicationId: draftId, teacherId: randomUUID() }),
  },
  {
    name: "add a dissemination item",
    useCase: addDisseminationItem,
    actor: () => demo.coordinator,
    base: () => disseminationItem(),
  },
  {
    name: "update a dissemination item",
    useCase: updateDisseminationItem,
    actor: () => demo.coordinator,
    base: () => ({ ...disseminationItem(), itemId: randomUUID() }),
  },
  {
    name: "remove a dissemination item",
    useCase: removeDisseminationItem,
    actor: () => demo.coordinator,
    base: () => ({ applicationId: draftId, itemId: randomUUID() }),
  },
  {
    name: "upload an attachment",
    useCase: uploadAttachment(testFileStore(), testAttachmentLimits),
    actor: () => demo.coordinator,
    base: () => ({
      applicationId: draftId,
      kind: "quote",
      description: "Offerte",
      file: new File([tinyPdf()], "offerte.pdf"),
    }),
  },
  {
    name: "remove an attachment",
    useCase: removeAttachment(testFileStore()),
    actor: () => demo.coordinator,
    base: () => ({ applicationId: draftId, attachmentId: randomUUID() }),
  },
  // A learning material's files (a file id that names no file is "gone").
  {
    name: "add a file to a material version",
    useCase: addMaterialFile(testFileStore(), testMaterialFileLimits),
    actor: () => demo.coordinator,
    base: () => ({ versionId: materialVersionId, file: new File([tinyPdf()], "les.pdf") }),
  },
  {
    name: "remove a file of a material version",
    useCase: removeMaterialFile(testFileStore()),
    actor: () => demo.coordinator,
    base: () => ({ versionId: materialVersionId, fileId: randomUUID() }),
  },
  {
    name: "relate a material to another",
    useCase: relateMaterial,
    actor: () => demo.coordinator,
    base: () => ({ materialId, kind: "references", toMaterialId: randomUUID() }),
  },
  {
    name: "take back a relation between materials",
    useCase: unrelateMaterial,
    actor: () => demo.coordinator,
    base: () => ({ materialId, kind: "references", toMaterialId: randomUUID() }),
  },
  {
    name: "add a consortium school",
    useCase: addConsortiumSchool,
    actor: () => demo.coordinator,
    base: () => ({ applicationId: draftId, organisationId: otherSchoolId }),
  },
  {
    name: "save a consortium school's sites and programmes",
    useCase: saveConsortiumSchool,
    actor: () => demo.coordinator,
    base: () => ({
      applicationId: draftId,
      organisationId: demo.coordinator.memberships[0]?.organisationId,
      siteIds: [],
      programmes: ["2:1234"],
    }),
  },
  {
    name: "remove a consortium school",
    useCase: removeConsortiumSchool,
    actor: () => demo.coordinator,
    base: () => ({ applicationId: draftId, organisationId: otherSchoolId }),
  },
  {
    name: "add a partner from the directory",
    useCase: addConsortiumPartner,
    actor: () => demo.coordinator,
    base: () => ({
      applicationId: draftId,
      source: "directory",
      organisationId: companyIds[0],
      ...partnerFields,
    }),
  },
  {
    name: "propose a new partner",
    useCase: addConsortiumPartner,
    actor: () => demo.coordinator,
    base: () => ({
      applicationId: draftId,
      source: "proposed",
      proposedName: "Nieuw bv",
      proposedKind: "company",
      proposedEnterpriseNumber: "0123.456.749",
      ...partnerFields,
    }),
  },
  {
    name: "change a partner",
    useCase: updateConsortiumPartner,
    actor: () => demo.coordinator,
    base: () => ({ applicationId: draftId, partnerId, ...partnerFields }),
  },
  {
    name: "invite a partner",
    useCase: invitePartner,
    actor: () => demo.coordinator,
    base: () => ({ applicationId: draftId, partnerId }),
  },
  {
    name: "answer an invitation",
    useCase: respondToInvitation,
    actor: () => null,
    base: () => ({ token: "A".repeat(43), response: "confirm", respondentName: "An" }),
  },
  {
    name: "remove a partner",
    useCase: removeConsortiumPartner,
    actor: () => demo.coordinator,
    base: () => ({ applicationId: draftId, partnerId }),
  },
  {
    name: "create a call",
    useCase: createCall,
    actor: () => manager,
    base: () => ({ title: "Oproep", summary: "Kort.", maxPerProject: "50.000" }),
  },
  {
    name: "update a call",
    useCase: updateCall,
    actor: () => manager,
    base: () => ({ id: draftCallId, version: "1", title: "Oproep", closesAt: "2027-04-29T17:00" }),
  },
  {
    name: "add a question to a call's form",
    useCase: editCallForm,
    actor: () => manager,
    base: () => ({
      callId: formCallId,
      version: "1",
      operation: {
        kind: "addQuestion",
        sectionId: "voorstel",
        type: "choice",
        label: "Een keuze",
        options: "Ja\nNee",
        required: "yes",
      },
    }),
  },
];

/** The operation's own fields, each replaced in turn (the form editor posts them as strings). */
const operationFields = [
  "kind",
  "sectionId",
  "questionId",
  "type",
  "label",
  "options",
  "limitMax",
  "min",
  "maxAmount",
  "direction",
];

describe("edit a call's form, field by field of the operation", () => {
  it("answers random and hostile operations clearly, never with an exception", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...operationFields), hostileValue, async (field, value) => {
        const base = cases.at(-1)?.base() as { operation: Record<string, unknown> };
        // The current version, so that the operation itself is judged rather than refused as stale.
        const [current] = await demo.handle.db
          .select({ version: call.version })
          .from(call)
          .where(eq(call.id, formCallId));
        const input = {
          ...base,
          version: String(current?.version),
          operation: { ...base.operation, [field]: value },
        };
        expectClearAnswer(await editCallForm({ db: demo.handle.db, actor: manager }, input));
      }),
      { numRuns: 80 },
    );
  });
});

describe.each(cases)("$name", ({ useCase, actor, base }) => {
  it("answers random and hostile input clearly, never with an exception", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...Object.keys(base())), fc.constantFrom("__proto__", "extra")),
        hostileValue,
        async (field, value) => {
          const input = { ...base(), [field]: value };
          const result = await useCase({ db: demo.handle.db, actor: actor() }, input);
          expectClearAnswer(result);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("answers a wholly random input clearly", async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything({ maxDepth: 3 }), async (input) => {
        expectClearAnswer(await useCase({ db: demo.handle.db, actor: actor() }, input));
      }),
      { numRuns: 40 },
    );
  });
});
