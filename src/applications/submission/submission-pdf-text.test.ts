import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  completeTestDraft,
  marchTestCall,
  publishTestCall,
  startTestDraft,
} from "../../../test/support/applications";
import { actorByEmail, openTestDatabase } from "../../../test/support/database";
import type { DatabaseHandle } from "../../db/client";
import type { Actor } from "../../identity/actor";
import { inspectFile } from "../../platform/files/inspect-file";
import { getSubmission } from "./read-submission";
import { renderSubmissionPdf } from "./submission-pdf";
import { submitApplication } from "./submit-application";

// The platform's own submission PDF (pdfkit, DejaVu Sans embedded as a subset) is a document the
// library's text extraction must read (ADR 0023): the hand-written extractor read nothing from it.

let handle: DatabaseHandle;
let coordinator: Actor;
const duringCall = new Date("2027-03-10T10:00:00Z");

beforeAll(async () => {
  handle = await openTestDatabase("demo");
  coordinator = await actorByEmail(handle, "coordinator@demo.innovet.test");
});
afterAll(async () => {
  await handle?.close();
});

describe("the submission PDF's text", () => {
  it("is read back as typed, accents included", async () => {
    const manager = await actorByEmail(handle, "programmabeheerder@demo.innovet.test");
    const callId = await publishTestCall(handle.db, manager, marchTestCall);
    const title = "Lassen met AR: één leerling, ç, ë, €";
    const id = await startTestDraft(handle.db, coordinator, callId, duringCall, title);
    await completeTestDraft(handle.db, coordinator, id, duringCall);
    const submitted = await submitApplication(
      { db: handle.db, actor: coordinator, now: () => duringCall },
      { applicationId: id, requestKey: randomUUID(), declaration: "on" },
    );
    if (!submitted.ok) throw new Error(JSON.stringify(submitted));
    const view = await getSubmission(handle.db, id, 1, coordinator);
    if (!view) throw new Error("no submission");
    const pdf = await renderSubmissionPdf(view.snapshot, view.fingerprint, "nl");
    const { text } = await inspectFile(new Uint8Array(pdf), {
      kind: "pdf",
      archive: null,
      extractText: true,
    });
    expect(text).toContain(title);
    expect(text).toContain(view.fingerprint.slice(0, 16));
    expect(text).toContain("één, twee, drie");
  });
});
