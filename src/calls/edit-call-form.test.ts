import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorByEmail, openTestDatabase } from "../../test/support/database";
import { auditEvent } from "../audit/schema";
import type { DatabaseHandle } from "../db/client";
import type { Actor } from "../identity/actor";
import { createCall } from "./create-call";
import { editCallForm } from "./edit-call-form";
import type { FormDefinition } from "./form-definition";
import { listPublishedCalls } from "./read-calls";
import { call } from "./schema";

let handle: DatabaseHandle;
let manager: Actor;
let admin: Actor;
let coordinator: Actor;

beforeAll(async () => {
  handle = await openTestDatabase("demo");
  manager = await actorByEmail(handle, "programmabeheerder@demo.innovet.test");
  admin = await actorByEmail(handle, "admin@demo.innovet.test");
  coordinator = await actorByEmail(handle, "coordinator@demo.innovet.test");
});
afterAll(async () => {
  await handle?.close();
});

const ctx = (actor: Actor | null) => ({ db: handle.db, actor });

async function rowOf(id: string) {
  const [row] = await handle.db.select().from(call).where(eq(call.id, id));
  if (!row) throw new Error(`no call ${id}`);
  return row;
}

/** A fresh draft call (it starts with the cycle-1 form: section "voorstel", four questions). */
async function draft(): Promise<string> {
  const created = await createCall(ctx(manager), { title: "Oproep voor de formuliereditor" });
  if (!created.ok) throw new Error(JSON.stringify(created));
  return created.value.id;
}

/** One edit with the call's current version, as the editor's pages post it. */
async function edit(callId: string, operation: Record<string, unknown>, actor = manager) {
  const { version } = await rowOf(callId);
  return editCallForm(ctx(actor), { callId, version: String(version), operation });
}

const outline = (form: FormDefinition) =>
  form.sections.map((s) => `${s.id}: ${s.questions.map((q) => q.id).join(" ")}`.trim());

describe("editCallForm", () => {
  it("builds a draft's form step by step, one version and one audit event per step", async () => {
    const id = await draft();
    const steps: Array<Record<string, unknown>> = [
      { kind: "addSection", title: "Bijlagen en bewijzen", intro: "  Wat je meestuurt. " },
      {
        kind: "addQuestion",
        sectionId: "bijlagen-en-bewijzen",
        type: "text",
        label: "Motivatie van de school",
        help: "",
        required: "yes",
        limitUnit: "pages",
        limitMax: "3",
      },
      {
        kind: "addQuestion",
        sectionId: "bijlagen-en-bewijzen",
        type: "choice",
        label: "Onderwijsniveau",
        options: "Tweede graad\nDerde graad\nSe-n-Se\n",
        multiple: "yes",
      },
      { kind: "moveQuestion", questionId: "onderwijsniveau", direction: "up" },
      { kind: "moveSection", sectionId: "bijlagen-en-bewijzen", direction: "up" },
      { kind: "removeQuestion", questionId: "plan-van-aanpak" },
      {
        kind: "updateQuestion",
        questionId: "beschrijving",
        label: "Beschrijving van het project",
        required: "yes",
        limitUnit: "words",
        limitMax: "1500",
        sectionId: "bijlagen-en-bewijzen",
      },
    ];
    for (const step of steps) {
      const result = await edit(id, step);
      expect(result, JSON.stringify(step)).toMatchObject({ ok: true });
    }
    const row = await rowOf(id);
    expect(row.version).toBe(1 + steps.length);
    expect(outline(row.formDraft)).toEqual([
      "bijlagen-en-bewijzen: onderwijsniveau motivatie-van-de-school beschrijving",
      "voorstel: samenwerking kosten-cofinanciering",
    ]);
    const [section] = row.formDraft.sections;
    expect(section?.intro).toBe("Wat je meestuurt.");
    expect(section?.questions[0]).toEqual({
      id: "onderwijsniveau",
      type: "choice",
      label: "Onderwijsniveau",
      required: false,
      multiple: true,
      options: [
        { value: "tweede-graad", label: "Tweede graad" },
        { value: "derde-graad", label: "Derde graad" },
        { value: "se-n-se", label: "Se-n-Se" },
      ],
    });
    expect(section?.questions[1]).toMatchObject({ limit: { unit: "pages", max: 3 } });
    expect(section?.questions[2]).toMatchObject({
      id: "beschrijving",
      label: "Beschrijving van het project",
      limit: { unit: "words", max: 1500 },
    });

    const events = await handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.subjectId, id), eq(auditEvent.action, "call.editForm")));
    expect(events).toHaveLength(steps.length);
    expect(events.every((e) => e.actorId === manager.userId)).toBe(true);
    const last = events.find((e) => (e.after as { version: number }).version === 1 + steps.length);
    if (!last) throw new Error("no audit event for the last step");
    expect((last.before as { formDraft: FormDefinition }).formDraft.sections[0]?.id).toBe(
      "bijlagen-en-bewijzen",
    );
    expect((last.after as { formDraft: FormDefinition }).formDraft).toEqual(row.formDraft);
  });

  it("keeps a question's type: its fields are read as the stored type's", async () => {
    const id = await draft();
    const result = await edit(id, {
      kind: "updateQuestion",
      questionId: "samenwerking",
      type: "choice",
      label: "Samenwerking",
      options: "A\nB",
      limitUnit: "pages",
      limitMax: "2",
    });
    expect(result.ok).toBe(true);
    const question = (await rowOf(id)).formDraft.sections[0]?.questions[2];
    expect(question).toMatchObject({ id: "samenwerking", type: "text", required: false });
  });

  it("refuses a stale version as a conflict and changes nothing", async () => {
    const id = await draft();
    const first = await editCallForm(ctx(manager), {
      callId: id,
      version: "1",
      operation: { kind: "addSection", title: "Eerst" },
    });
    expect(first.ok).toBe(true);
    const stale = await editCallForm(ctx(manager), {
      callId: id,
      version: "1",
      operation: { kind: "addSection", title: "Daarna" },
    });
    expect(stale).toEqual({ ok: false, reason: "conflict", message: "call.conflict" });
    expect(outline((await rowOf(id)).formDraft)).toEqual([
      "voorstel: beschrijving plan-van-aanpak samenwerking kosten-cofinanciering",
      "eerst:",
    ]);
  });

  it("refuses to change a published call's form: it is frozen", async () => {
    const calls = await listPublishedCalls(handle.db, new Date());
    const published = calls.open[0] ?? calls.closed[0];
    if (!published) throw new Error("no published call in the demo world");
    const before = await rowOf(published.id);
    const result = await editCallForm(ctx(manager), {
      callId: published.id,
      version: String(before.version),
      operation: { kind: "addSection", title: "Te laat" },
    });
    expect(result).toEqual({ ok: false, reason: "conflict", message: "call.alreadyPublished" });
    expect((await rowOf(published.id)).formDraft).toEqual(before.formDraft);
  });

  it.each([
    ["a coordinator", () => coordinator],
    ["the platform administrator", () => admin],
  ])("forbids %s", async (_who, actor) => {
    const id = await draft();
    const result = await edit(id, { kind: "addSection", title: "Niet van mij" }, actor());
    expect(result).toEqual({ ok: false, reason: "forbidden" });
    expect((await rowOf(id)).version).toBe(1);
  });

  it("forbids anonymous visitors", async () => {
    const id = await draft();
    expect(await edit(id, { kind: "removeSection", sectionId: "voorstel" }, null as never)).toEqual(
      { ok: false, reason: "forbidden" },
    );
  });

  it.each([
    [
      "a blank label",
      {
        kind: "addQuestion",
        sectionId: "voorstel",
        type: "text",
        label: " ",
        limitUnit: "pages",
        limitMax: "2",
      },
      { "operation.label": ["error.required"] },
    ],
    [
      "a limit of zero pages",
      {
        kind: "addQuestion",
        sectionId: "voorstel",
        type: "text",
        label: "Kort",
        limitUnit: "pages",
        limitMax: "0",
      },
      { "operation.limitMax": ["error.form.tooSmall"] },
    ],
    [
      "a limit that is not a number",
      {
        kind: "addQuestion",
        sectionId: "voorstel",
        type: "text",
        label: "Kort",
        limitUnit: "pages",
        limitMax: "drie",
      },
      { "operation.limitMax": ["error.call.invalidNumber"] },
    ],
    [
      "a largest number below the smallest",
      {
        kind: "addQuestion",
        sectionId: "voorstel",
        type: "number",
        label: "Leerlingen",
        min: "10",
        max: "2",
      },
      { "operation.max": ["error.formEditor.maxBelowMin"] },
    ],
    [
      "a choice with one option",
      {
        kind: "addQuestion",
        sectionId: "voorstel",
        type: "choice",
        label: "Keuze",
        options: "Alleen deze",
      },
      { "operation.options": ["error.formEditor.tooFewOptions"] },
    ],
    [
      "too many attachments",
      {
        kind: "addQuestion",
        sectionId: "voorstel",
        type: "attachments",
        label: "Bijlagen",
        maxFiles: "21",
        maxSizeMb: "10",
      },
      { "operation.maxFiles": ["error.form.tooLarge"] },
    ],
    [
      "half an emoji, which PostgreSQL's jsonb cannot store",
      {
        kind: "addQuestion",
        sectionId: "voorstel",
        type: "partners",
        label: "Partners \ud83d",
      },
      { "operation.label": ["error.form.brokenCharacter"] },
    ],
    [
      "a section without a title",
      { kind: "updateSection", sectionId: "voorstel", title: "", intro: "" },
      { "operation.title": ["error.required"] },
    ],
    [
      "no kind of question",
      { kind: "addQuestion", sectionId: "voorstel", label: "Iets" },
      { "operation.type": ["error.formEditor.chooseType"] },
    ],
  ])("refuses %s at the field, in the catalogue's words", async (_name, operation, fieldErrors) => {
    const id = await draft();
    const result = await edit(id, operation);
    expect(result).toEqual({ ok: false, reason: "invalid", fieldErrors, formErrors: [] });
    expect((await rowOf(id)).version).toBe(1);
  });

  it("answers an item that is not in the form with not found", async () => {
    const id = await draft();
    expect(await edit(id, { kind: "removeQuestion", questionId: "bestaat-niet" })).toEqual({
      ok: false,
      reason: "notFound",
    });
    expect(
      await edit(id, { kind: "moveSection", sectionId: "bestaat-niet", direction: "up" }),
    ).toEqual({ ok: false, reason: "notFound" });
  });

  it("refuses a twenty-first section as a problem of the whole form", async () => {
    const id = await draft();
    for (let n = 2; n <= 20; n++)
      expect((await edit(id, { kind: "addSection", title: `Deel ${n}` })).ok).toBe(true);
    const result = await edit(id, { kind: "addSection", title: "Deel 21" });
    expect(result).toEqual({
      ok: false,
      reason: "invalid",
      fieldErrors: {},
      formErrors: ["error.formEditor.tooManySections"],
    });
  });
});
