import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  completeTestDraft,
  marchTestCall,
  publishTestCall,
  startTestDraft,
} from "../../../test/support/applications";
import { actorByEmail, openTestDatabase } from "../../../test/support/database";
import { sparseBytes, testFileStore, tinyPdf, withDeclaredSize } from "../../../test/support/files";
import type { DatabaseHandle } from "../../db/client";
import type { Actor } from "../../identity/actor";
import { fromBrusselsInput } from "../../platform/time";
import { getSubmission } from "../submission/read-submission";
import { reopenApplication } from "../submission/reopen-application";
import { submitApplication } from "../submission/submit-application";
import { withdrawApplication } from "../submission/withdraw-application";
import { readAttachments } from "./read-attachments";
import { removeAttachment } from "./remove-attachment";
import { applicationAttachment } from "./schema";
import { uploadAttachment } from "./upload-attachment";

// Attachments on a real database and a real (temporary) file store: what a file is, read from
// its content; limits; authorisation and the deadline; removal that keeps what a submission
// refers to and deletes what nothing refers to.

let handle: DatabaseHandle;
let coordinator: Actor;
let coordinator2: Actor;
let director: Actor;
let callId: string;
const store = testFileStore();
const limits = { maxBytes: 64 * 1024, maxCount: 3, maxUncompressed: 10 * 1024 * 1024 };
const upload = uploadAttachment(store, limits);
const remove = removeAttachment(store);
const duringCall = new Date("2027-03-10T10:00:00Z");
const afterDeadline = new Date((fromBrusselsInput("2027-03-28T12:00") as Date).getTime() + 1000);

beforeAll(async () => {
  handle = await openTestDatabase("demo");
  coordinator = await actorByEmail(handle, "coordinator@demo.innovet.test");
  coordinator2 = await actorByEmail(handle, "coordinator2@demo.innovet.test");
  director = await actorByEmail(handle, "directeur@demo.innovet.test");
  const manager = await actorByEmail(handle, "programmabeheerder@demo.innovet.test");
  callId = await publishTestCall(handle.db, manager, {
    ...marchTestCall,
    title: "Oproep voor bijlagen",
  });
});
afterAll(async () => {
  await handle?.close();
});

const ctx = (actor: Actor, now = duringCall) => ({ db: handle.db, actor, now: () => now });
const draft = () => startTestDraft(handle.db, coordinator, callId, duringCall, "Bijlagen");
const pdf = tinyPdf("engagement");
const file = (bytes: Uint8Array<ArrayBuffer>, name: string) => new File([bytes], name);
const input = (applicationId: string, change: Record<string, unknown> = {}) => ({
  applicationId,
  kind: "commitmentLetter",
  description: "Engagementsverklaring van Bedrijf NV",
  file: file(pdf, "engagement.pdf"),
  ...change,
});

async function storageKeyOf(id: string) {
  const [row] = await handle.db
    .select({ key: applicationAttachment.storageKey, removedAt: applicationAttachment.removedAt })
    .from(applicationAttachment)
    .where(eq(applicationAttachment.id, id));
  return row;
}

describe("uploading", () => {
  it("stores a PDF under a random key with its sniffed type, size and SHA-256", async () => {
    const id = await draft();
    const result = await upload(
      ctx(coordinator),
      input(id, { file: new File([pdf], "../Engagement café.pdf", { type: "text/html" }) }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result));
    const sha256 = createHash("sha256").update(pdf).digest("hex");
    expect(result.value).toMatchObject({
      fileName: "Engagement café.pdf",
      mediaType: "application/pdf",
      sizeBytes: pdf.length,
      sha256,
    });
    const [listed] = await readAttachments(handle.db, id);
    expect(listed).toMatchObject({ kind: "commitmentLetter", sha256 });
    const stored = await storageKeyOf(result.value.id);
    expect(stored?.key).toMatch(/^[0-9a-f]{32}$/);
    expect(await store.get(stored?.key ?? "")).toEqual(pdf);
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      "a program renamed to .pdf",
      { file: file(new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]), "brief.pdf") },
      "attachment.error.unsupportedType",
    ],
    [
      "text renamed to .pdf",
      { file: file(new TextEncoder().encode("Geen PDF."), "brief.pdf") },
      "attachment.error.unsupportedType",
    ],
    ["an empty file", { file: file(new Uint8Array(), "leeg.pdf") }, "attachment.error.empty"],
    ["no file chosen", { file: file(new Uint8Array(), "") }, "attachment.error.fileRequired"],
    ["no file at all", { file: "engagement.pdf" }, "attachment.error.fileRequired"],
    [
      "a file over the limit",
      { file: file(new Uint8Array([...pdf, ...new Uint8Array(limits.maxBytes)]), "groot.pdf") },
      "attachment.error.tooLarge",
    ],
  ])("refuses %s at the file field and stores nothing", async (_name, change, message) => {
    const id = await draft();
    const result = await upload(ctx(coordinator), input(id, change));
    expect(result).toMatchObject({ ok: false, reason: "invalid" });
    if (!result.ok && result.reason === "invalid")
      expect(result.fieldErrors.file).toEqual([message]);
    expect(await readAttachments(handle.db, id)).toEqual([]);
  });

  it("refuses a kind that is not one of the list", async () => {
    const id = await draft();
    const result = await upload(ctx(coordinator), input(id, { kind: "virus" }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { kind: ["error.invalidChoice"] } });
  });

  it("refuses one attachment more than the limit per application", async () => {
    const id = await draft();
    for (let i = 0; i < limits.maxCount; i++)
      expect((await upload(ctx(coordinator), input(id))).ok).toBe(true);
    expect(await upload(ctx(coordinator), input(id))).toMatchObject({
      ok: false,
      fieldErrors: { file: ["attachment.error.tooMany"] },
    });
  });

  it("another school's coordinator learns nothing, the director may not, and nothing after the deadline", async () => {
    const id = await draft();
    expect(await upload(ctx(coordinator2), input(id))).toEqual({ ok: false, reason: "notFound" });
    expect(await upload(ctx(director), input(id))).toEqual({ ok: false, reason: "forbidden" });
    expect(await upload(ctx(coordinator, afterDeadline), input(id))).toEqual({
      ok: false,
      reason: "conflict",
      message: "application.error.callClosed",
    });
    expect(await readAttachments(handle.db, id)).toEqual([]);
  });
});

describe("office files are checked by really unpacking them (ADR 0023)", () => {
  const libreOfficeDocx = new Uint8Array(
    readFileSync(new URL("../../platform/files/fixtures/lesson.docx", import.meta.url)),
  );
  const withParts = (change: (parts: Record<string, Uint8Array>) => void) => {
    const parts = unzipSync(libreOfficeDocx);
    change(parts);
    return zipSync(parts, { level: 9 });
  };
  const uploadLarger = uploadAttachment(store, { ...limits, maxBytes: 1024 * 1024 });
  const refusal = async (bytes: Uint8Array<ArrayBuffer>, uploader = upload) => {
    const id = await draft();
    const result = await uploader(ctx(coordinator), input(id, { file: file(bytes, "brief.docx") }));
    const attachments = await readAttachments(handle.db, id);
    return { result, attachments };
  };

  it("accepts a DOCX as LibreOffice writes it (_rels/.rels first)", async () => {
    const { result } = await refusal(libreOfficeDocx);
    expect(result).toMatchObject({
      ok: true,
      value: { mediaType: expect.stringContaining("wordprocessingml") },
    });
  });

  it("refuses a DOCX whose document.xml expands about 1:1,029, and stores nothing", async () => {
    const bomb = withParts((parts) => {
      const xml = strFromU8(parts["word/document.xml"] as Uint8Array);
      parts["word/document.xml"] = strToU8(
        xml.replace("</w:body>", `${" ".repeat(20 * 1024 * 1024)}</w:body>`),
      );
    });
    expect(bomb.length).toBeLessThan(limits.maxBytes);
    const { result, attachments } = await refusal(new Uint8Array(bomb));
    expect(result).toMatchObject({ fieldErrors: { file: ["attachment.error.archiveBomb"] } });
    expect(attachments).toEqual([]);
  });

  it("refuses a DOCX whose headers declare small sizes but whose data inflates past the cap", async () => {
    const liar = withDeclaredSize(
      withParts((parts) => {
        parts["word/media/image1.bin"] = sparseBytes(limits.maxUncompressed + 1024 * 1024, 200);
      }),
      1_000,
    );
    const { result, attachments } = await refusal(new Uint8Array(liar), uploadLarger);
    expect(result).toMatchObject({ fieldErrors: { file: ["attachment.error.archiveBomb"] } });
    expect(attachments).toEqual([]);
  });
});

describe("removing", () => {
  it("removes an attachment never submitted, and its file, once", async () => {
    const id = await draft();
    const uploaded = await upload(ctx(coordinator), input(id));
    if (!uploaded.ok) throw new Error(JSON.stringify(uploaded));
    const key = (await storageKeyOf(uploaded.value.id))?.key ?? "";
    expect(
      await remove(ctx(coordinator2), { applicationId: id, attachmentId: uploaded.value.id }),
    ).toEqual({
      ok: false,
      reason: "notFound",
    });
    const removed = await remove(ctx(coordinator), {
      applicationId: id,
      attachmentId: uploaded.value.id,
    });
    expect(removed.ok).toBe(true);
    expect(await readAttachments(handle.db, id)).toEqual([]);
    expect(await store.get(key)).toBeNull();
    expect(
      await remove(ctx(coordinator), { applicationId: id, attachmentId: uploaded.value.id }),
    ).toEqual({ ok: false, reason: "conflict", message: "attachment.error.gone" });
  });

  it("keeps the file a submission refers to by SHA-256, after withdrawing and reopening", async () => {
    const id = await startTestDraft(handle.db, coordinator, callId, duringCall, "Ingediend");
    await completeTestDraft(handle.db, coordinator, id, duringCall);
    const submitted = await submitApplication(ctx(coordinator), {
      applicationId: id,
      requestKey: randomUUID(),
      declaration: "on",
    });
    if (!submitted.ok) throw new Error(JSON.stringify(submitted));
    const snapshot = (await getSubmission(handle.db, id, 1, coordinator))?.snapshot;
    const [inSnapshot] = snapshot?.attachments ?? [];
    expect(inSnapshot?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(
      (await withdrawApplication(ctx(coordinator), { applicationId: id, reason: "" })).ok,
    ).toBe(true);
    expect((await reopenApplication(ctx(coordinator), { applicationId: id })).ok).toBe(true);
    const removed = await remove(ctx(coordinator), {
      applicationId: id,
      attachmentId: inSnapshot?.id,
    });
    expect(removed.ok).toBe(true);
    expect(await readAttachments(handle.db, id)).toEqual([]);
    const kept = await storageKeyOf(inSnapshot?.id ?? "");
    expect(kept?.removedAt).not.toBeNull();
    expect(await store.get(kept?.key ?? "")).not.toBeNull();
  });
});
