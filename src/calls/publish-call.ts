import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { scheduleCallPublishedNotice } from "../notifications/call-published";
import { defineUseCase, fail, UseCaseFailure } from "../platform/use-case";
import { formContentHash } from "./form-definition";
import { isCallEditable } from "./model";
import { callsPolicy } from "./policy";
import { publicationProblems } from "./publication-rules";
import { call, callFormVersion } from "./schema";

export const publishCallInput = z.object({
  id: z.uuid("error.call.unknown"),
  version: z.coerce.number({ error: "error.required" }).int().positive("error.required"),
});

/**
 * A programme manager publishes a complete draft: the publication rules must hold, and the
 * application form is frozen as a call_form_version (JSON + SHA-256) that the call points to,
 * and the announcement to people who opted in is scheduled.
 */
export const publishCall = defineUseCase({
  name: "call.publish",
  input: publishCallInput,
  authorize: (actor) => callsPolicy.publishCall(actor),
  run: async (tx, { id, version }, { actor, now }) => {
    const [current] = await tx.select().from(call).where(eq(call.id, id)).for("update");
    if (!current) throw fail.notFound();
    if (!isCallEditable(current.status)) throw fail.conflict("call.alreadyPublished");
    if (current.version !== version) throw fail.conflict("call.conflict");
    const problems = publicationProblems(current);
    if (Object.keys(problems).length > 0)
      throw new UseCaseFailure({
        ok: false,
        reason: "invalid",
        fieldErrors: problems,
        formErrors: ["call.publishRefused"],
      });
    const contentHash = formContentHash(current.formDraft);
    const [frozen] = await tx
      .insert(callFormVersion)
      .values({ callId: id, definition: current.formDraft, contentHash, createdAt: now })
      .returning();
    if (!frozen) throw new Error("insert returned no row");
    const [published] = await tx
      .update(call)
      .set({
        status: "published",
        formVersionId: frozen.id,
        publishedAt: now,
        publishedBy: actor?.userId ?? null,
        version: version + 1,
        updatedAt: now,
      })
      .where(and(eq(call.id, id), eq(call.version, version)))
      .returning();
    if (!published) throw fail.conflict("call.conflict");
    // Those who asked to hear of new calls get an e-mail, sent by a job once this commits.
    await scheduleCallPublishedNotice(
      tx,
      { callId: id, callTitle: published.title, closesAt: published.closesAt },
      now,
    );
    return {
      value: { id, version: published.version, formVersionId: frozen.id, contentHash },
      audit: {
        subjectType: "call",
        subjectId: id,
        before: { status: current.status, version: current.version },
        after: {
          status: published.status,
          version: published.version,
          formVersionId: frozen.id,
          contentHash,
        },
      },
    };
  },
});
