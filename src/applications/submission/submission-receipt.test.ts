import { createHash, randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  completeTestDraft,
  marchTestCall,
  publishTestCall,
  startTestDraft,
} from "../../../test/support/applications";
import { actorByEmail, openTestDatabase } from "../../../test/support/database";
import { auditEvent } from "../../audit/schema";
import { cycleOneForm } from "../../calls/form-definition";
import type { DatabaseHandle } from "../../db/client";
import type { Actor } from "../../identity/actor";
import { localFileStore } from "../../platform/files/file-store";
import { listTroubledJobs } from "../../platform/jobs/read-jobs";
import { retryJob } from "../../platform/jobs/retry-job";
import { type JobHandlers, runDueJobs } from "../../platform/jobs/run-due-jobs";
import { scheduledJob } from "../../platform/jobs/schema";
import { setupDatabase } from "../../seed/setup-database";
import { maxAnswerCharacters } from "../model";
import { saveAnswers } from "../save-answers";
import { application } from "../schema";
import { getSubmission } from "./read-submission";
import {
  type ReceiptState,
  receiptJobKey,
  receiptState,
  submissionReceiptHandler,
  submissionReceiptJob,
} from "./receipt-job";
import { submissionReceipt } from "./schema";
import {
  breakEvery,
  breakLongRuns,
  capText,
  longRun,
  receiptLayout,
  renderReceiptLayout,
  renderSubmissionPdf,
} from "./submission-pdf";
import { submitApplication } from "./submit-application";

// The receipt PDF (ADR 0024): rendered once by the job the submission schedules, stored in the
// file store, read back here as text (unpdf, the PDF.js text layer) rather than as "%PDF-" bytes;
// hostile answers (one word of 20,000 characters, four of 199,000) are laid out within the job's
// caps; a layout past its time cap fails the job, which is retried and shown to administrators.

let handle: DatabaseHandle;
let coordinator: Actor;
let manager: Actor;
let admin: Actor;
let callId: string;
const duringCall = new Date("2027-03-10T10:00:00Z");
const files = localFileStore(mkdtempSync(join(tmpdir(), "innovet-receipts-")));
const receiptHandlers: JobHandlers = {
  [submissionReceiptJob]: submissionReceiptHandler({ files }),
};

beforeAll(async () => {
  handle = await openTestDatabase("demo");
  coordinator = await actorByEmail(handle, "coordinator@demo.innovet.test");
  manager = await actorByEmail(handle, "programmabeheerder@demo.innovet.test");
  admin = await actorByEmail(handle, "admin@demo.innovet.test");
  callId = await publishTestCall(handle.db, manager, marchTestCall);
});
afterAll(async () => {
  await handle?.close();
});

/** A complete draft, with some answers of the form's one section replaced, submitted. */
async function submitted(
  title: string,
  answers: Record<string, string> = {},
  inCall = callId,
  at = duringCall,
) {
  const id = await startTestDraft(handle.db, coordinator, inCall, at, title);
  await completeTestDraft(handle.db, coordinator, id, at);
  if (Object.keys(answers).length > 0) {
    const [row] = await handle.db.select().from(application).where(eq(application.id, id));
    const section = cycleOneForm.sections[0];
    // A section is saved whole: a question left out would be cleared.
    const all = Object.fromEntries(
      (section?.questions ?? []).map((q) => [q.id, answers[q.id] ?? `Antwoord op ${q.label}.`]),
    );
    const saved = await saveAnswers(
      { db: handle.db, actor: coordinator, now: () => at },
      { applicationId: id, sectionId: section?.id, version: row?.version, answers: all },
    );
    if (!saved.ok) throw new Error(`answers not saved: ${JSON.stringify(saved)}`);
  }
  const result = await submitApplication(
    { db: handle.db, actor: coordinator, now: () => at },
    { applicationId: id, requestKey: randomUUID(), declaration: "on" },
  );
  if (!result.ok) throw new Error(JSON.stringify(result));
  return { id, submissionId: result.value.submissionId, fingerprint: result.value.fingerprint };
}

async function stateOf(submissionId: string): Promise<ReceiptState> {
  const [stored] = await handle.db
    .select()
    .from(submissionReceipt)
    .where(eq(submissionReceipt.submissionId, submissionId));
  return receiptState(handle.db, submissionId, stored !== undefined);
}

/** The stored PDF of a submission and its text per page (zero-width spaces taken out). */
async function storedReceipt(id: string) {
  const view = await getSubmission(handle.db, id, 1, coordinator);
  if (!view?.receipt) throw new Error("no stored receipt");
  const bytes = await files.get(view.receipt.fileKey);
  if (!bytes) throw new Error("the stored file is missing");
  const { text, totalPages } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), {
    mergePages: false,
  });
  const pages = text.map((page) => page.replaceAll("\u200B", ""));
  return { view, bytes, pages, raw: text, totalPages };
}

/** Text without its line breaks and spaces, to find a word the layout spread over lines. */
const squeezed = (text: string) => text.replace(/\s+/g, "");

describe("the receipt job", { timeout: 120_000 }, () => {
  it("stores the PDF once, made by the job the submission scheduled, with the title, the answers and the fingerprint on every page", async () => {
    const { id, submissionId, fingerprint } = await submitted("Zorgrobots in het werkplekleren");
    const [job] = await handle.db
      .select()
      .from(scheduledJob)
      .where(eq(scheduledJob.key, receiptJobKey(submissionId)));
    expect(job).toMatchObject({ kind: submissionReceiptJob, status: "pending" });
    expect(await stateOf(submissionId)).toBe("pending");
    expect((await getSubmission(handle.db, id, 1, coordinator))?.receipt).toBeNull();

    expect(await runDueJobs(handle.db, receiptHandlers, { now: duringCall })).toMatchObject({
      done: 1,
      failed: 0,
    });
    expect(await stateOf(submissionId)).toBe("ready");
    const { view, bytes, pages, raw, totalPages } = await storedReceipt(id);
    expect(view.receipt?.byteSize).toBe(bytes.length);
    const [row] = await handle.db
      .select()
      .from(submissionReceipt)
      .where(eq(submissionReceipt.submissionId, submissionId));
    expect(row?.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(row?.locale).toBe("nl");

    const all = pages.join("\n");
    expect(all).toContain("InnoVET-aanvraag");
    expect(all).toContain("Zorgrobots in het werkplekleren");
    expect(all).toContain("Beschrijving van het voorstel");
    expect(all).toContain("Ons antwoord op “Plan van aanpak”: één, twee, drie.");
    expect(totalPages).toBeGreaterThan(0);
    // The fingerprint is printed whole (no break opportunity inside), in the facts and the footer,
    // so it can be copied from the PDF and compared.
    expect(raw[0]?.split(fingerprint).length).toBe(3);
    for (const [i, page] of pages.entries()) {
      expect(page).toContain(fingerprint);
      expect(page).toContain(`pagina ${i + 1} van ${totalPages}`);
    }
    // The stored file is exactly what the snapshot renders to: it can be checked again.
    expect(
      (await renderSubmissionPdf(view.snapshot, view.fingerprint, "nl")).equals(Buffer.from(bytes)),
    ).toBe(true);

    // A second run (a job claimed again after a crash) finds the receipt and changes nothing.
    await handle.db
      .update(scheduledJob)
      .set({ status: "pending" })
      .where(eq(scheduledJob.key, receiptJobKey(submissionId)));
    await runDueJobs(handle.db, receiptHandlers, { now: duringCall });
    const events = await handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.subjectId, id), eq(auditEvent.action, "application.receiptStored")));
    expect(events).toHaveLength(1);
    expect(events[0]?.actorId).toBeNull();
  });

  it("lays out one word of 20,000 characters and four answers of 199,000 within the job", async () => {
    const word = (n: number, seed: number) =>
      Array.from({ length: n }, (_, i) => String.fromCharCode(97 + ((i * 7 + seed) % 26))).join("");
    const single = word(20_000, 0);
    const first = await submitted("Eén heel lang woord", { beschrijving: single });
    const huge = [1, 2, 3, 4].map((seed) => word(199_000, seed));
    const second = await submitted("Vier enorme antwoorden", {
      beschrijving: huge[0] as string,
      "plan-van-aanpak": huge[1] as string,
      samenwerking: huge[2] as string,
      "kosten-cofinanciering": huge[3] as string,
    });
    expect(await runDueJobs(handle.db, receiptHandlers, { now: duringCall })).toMatchObject({
      done: 2,
      failed: 0,
    });

    const one = await storedReceipt(first.id);
    expect(squeezed(one.pages.join(""))).toContain(single.slice(0, 2000));
    const four = await storedReceipt(second.id);
    const text = squeezed(four.pages.join(""));
    for (const answer of huge) expect(text).toContain(answer.slice(0, 500));
    for (const page of four.pages) expect(page).toContain(second.fingerprint);
    // Building two complete drafts of 800,000 characters and reading 160 pages back take their
    // time on a busy machine; the layout's own bound is the job's cap, not this test's clock.
  }, 180_000);

  it("stops a layout past its time cap: the job is retried, administrators see it, and it succeeds later", async () => {
    const { id, submissionId } = await submitted("Een trage opmaak");
    const capped = {
      [submissionReceiptJob]: submissionReceiptHandler({ files, limits: { timeoutMs: 1 } }),
    };
    expect(
      await runDueJobs(handle.db, capped, { now: duringCall, retryDelayMs: () => 60_000 }),
    ).toMatchObject({ retried: 1 });
    const troubled = (await listTroubledJobs(handle.db)).find(
      (j) => j.key === receiptJobKey(submissionId),
    );
    expect(troubled).toMatchObject({ kind: submissionReceiptJob, status: "pending", attempts: 1 });
    expect(troubled?.lastError).toMatch(/stopped after 1 ms/);
    expect(await stateOf(submissionId)).toBe("pending");

    // Every attempt past the cap: the job fails for good, and the receipt page says so.
    for (let minute = 1; minute <= 4; minute++)
      await runDueJobs(handle.db, capped, {
        now: new Date(duringCall.getTime() + minute * 61_000),
        retryDelayMs: () => 60_000,
      });
    expect(await stateOf(submissionId)).toBe("failed");
    expect((await listTroubledJobs(handle.db)).map((j) => j.key)).toContain(
      receiptJobKey(submissionId),
    );

    // An administrator's "retry now", and the job renders within the real cap.
    const retryAt = new Date(duringCall.getTime() + 600_000);
    const failed = (await listTroubledJobs(handle.db)).find(
      (j) => j.key === receiptJobKey(submissionId),
    );
    expect(
      await retryJob({ db: handle.db, actor: admin, now: () => retryAt }, { id: failed?.id }),
    ).toMatchObject({ ok: true });
    await runDueJobs(handle.db, receiptHandlers, { now: retryAt });
    expect(await stateOf(submissionId)).toBe("ready");
    expect((await storedReceipt(id)).totalPages).toBeGreaterThan(0);
  });
});

describe("the layout's caps", () => {
  it("a layout that runs out of its heap ends its child process, not this one", async () => {
    const { id } = await submitted("Een te klein geheugen");
    const view = await getSubmission(handle.db, id, 1, coordinator);
    if (!view) throw new Error("no submission");
    const layout = receiptLayout(view.snapshot, view.fingerprint, "nl");
    const huge = breakLongRuns("x".repeat(199_000));
    const heavy = {
      ...layout,
      blocks: [
        ...layout.blocks,
        ...[1, 2, 3, 4].map((n) => ({ kind: "question" as const, label: `${n}`, answer: huge })),
      ],
    };
    await expect(renderReceiptLayout(heavy, { maxHeapMb: 16 })).rejects.toThrow(/memory limit/);
    // This process goes on: the same receipt renders within the real caps.
    const pdf = await renderSubmissionPdf(view.snapshot, view.fingerprint, "nl");
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  }, 120_000);

  it("setup renders the receipts of the demo world's submissions before it ends", async () => {
    // Setup runs what is due by the wall clock: this submission is made in a call of 2020.
    const pastCall = await publishTestCall(handle.db, manager, {
      opensAt: "2020-03-01T09:00",
      closesAt: "2020-03-28T12:00",
      now: new Date("2020-02-01T10:00:00Z"),
      title: "Een oproep van 2020",
    });
    const { id, submissionId } = await submitted(
      "Een aanvraag van de demowereld",
      {},
      pastCall,
      new Date("2020-03-10T10:00:00Z"),
    );
    expect(await stateOf(submissionId)).toBe("pending");
    const setup = await setupDatabase(handle, { demo: true, files });
    expect(setup.receipts).toBe(1);
    expect(await stateOf(submissionId)).toBe("ready");
    expect((await storedReceipt(id)).pages.join("\n")).toContain("Een aanvraag van de demowereld");
  }, 120_000);
});

describe("text before layout", () => {
  it("leaves ordinary words alone and breaks every long run into pieces of at most breakEvery", () => {
    const prose = "De arbeidsongeschiktheidsverzekering van een leerling-werknemer.";
    expect(breakLongRuns(prose)).toBe(prose);
    const run = "x".repeat(10_000);
    const broken = breakLongRuns(`begin ${run} einde`);
    expect(broken.replaceAll("\u200B", "")).toBe(`begin ${run} einde`);
    const pieces = broken.split(/[\s\u200B]/u);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(Math.max(breakEvery, 5));
    expect("x".repeat(longRun)).toBe(breakLongRuns("x".repeat(longRun)));
  });

  it("never splits a character: accents stay on their letter, emoji stay whole", () => {
    const accents = "e\u0301".repeat(100);
    for (const piece of breakLongRuns(accents).split("\u200B"))
      expect(piece.startsWith("\u0301")).toBe(false);
    for (const piece of breakLongRuns("😀".repeat(100)).split("\u200B"))
      expect(piece.isWellFormed()).toBe(true);
    // A single "character" of thousands of combining marks is still broken up.
    const stacked = `a${"\u0301".repeat(5_000)}`;
    expect(breakLongRuns(stacked).split("\u200B").length).toBeGreaterThan(100);
  });

  it("caps a text at the form's character limit, without half a character, and says so", () => {
    const long = "😀".repeat(maxAnswerCharacters);
    const capped = capText(long, maxAnswerCharacters, "nl");
    expect(capped.isWellFormed()).toBe(true);
    expect(capped).toMatch(/\(ingekort: de eerste 200000 van 400000 tekens\)$/);
    expect(capText("kort", maxAnswerCharacters, "nl")).toBe("kort");
  });
});
