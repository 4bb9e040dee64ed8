import { createRequire } from "node:module";
import type { Question } from "../../calls/form-definition";
import { programmeOptionName } from "../../directory/programme-options";
import { type Locale, translate } from "../../i18n/translate";
import { runCapped } from "../../platform/capped-process";
import { formatEuro } from "../../platform/money";
import { formatBrussels } from "../../platform/time";
import { type Answer, maxAnswerCharacters } from "../model";
import type { SubmissionSnapshot } from "./dossier";
import { dossierSummary } from "./dossier-summary";
import type { ReceiptBlock, ReceiptLayout } from "./receipt-pdf-worker";

// The PDF of a submission (the receipt): exactly the frozen snapshot, with its SHA-256
// fingerprint on every page. The same snapshot gives the same bytes (fixed dates, no random
// document id), so the PDF can be checked again. DejaVu Sans is embedded (subset) so every
// character a school typed prints as typed. It is rendered once, by the submissionReceipt job
// (receipt-job.ts), never in a request (ADR 0024).
//
// The text is bounded here, before layout: every text at most the form's own character limit
// (maxAnswerCharacters), and no run without a break opportunity longer than longRun
// characters. pdfkit splits a word wider than the line one line at a time and measures the whole
// rest of the word again for each line: quadratic in the word's length (a 20,000-character word
// took 12 s, four of 199,000 ended the process). With a zero-width space every breakEvery
// characters in such runs, every piece fits a line and the layout is linear.

const require = createRequire(import.meta.url);
const fonts = {
  regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
};
// Through the package's "imports" map, so the path holds from the sources (Vitest, tsx) and from
// the server build alike; Node runs the worker's TypeScript itself.
const workerPath = require.resolve("#receipt-pdf-worker");

/**
 * Runs without spaces longer than this get break opportunities. Ordinary words are shorter, and a
 * SHA-256 in hex (64 characters: the fingerprint, the form's version) stays whole, so it can be
 * copied from the PDF and compared.
 */
export const longRun = 64;
/** In a long run, a break opportunity after every so many characters: a line wastes fewer. */
export const breakEvery = 10;
const zeroWidthSpace = "\u200B";
const longRunPattern = new RegExp(`\\S{${longRun + 1},}`, "gu");
const graphemes = new Intl.Segmenter("nl", { granularity: "grapheme" });

/**
 * Inserts a zero-width space (a break opportunity that prints nothing) after every `breakEvery`
 * characters of any run without spaces longer than `longRun`, between user-perceived characters
 * (an accent stays on its letter). Ordinary words are left alone.
 */
export function breakLongRuns(text: string): string {
  return text.replace(longRunPattern, (run) => {
    let out = "";
    let inChunk = 0;
    for (const { segment } of graphemes.segment(run)) {
      // A "character" of hundreds of combining marks is split too: it must not escape the bound
      // (an emoji sequence of a dozen code units is one character and stays whole).
      for (const piece of segment.length > longRun ? Array.from(segment) : [segment]) {
        if (inChunk >= breakEvery) {
          out += zeroWidthSpace;
          inChunk = 0;
        }
        out += piece;
        inChunk += piece.length;
      }
    }
    return out;
  });
}

/** At most `max` UTF-16 units, never half a character, with a note that says it was cut. */
export function capText(text: string, max: number, locale: Locale): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)} ${translate(locale, "submission.pdf.truncated", { shown: end, total: text.length })}`;
}

/** An answer as a reader of the PDF should see it: choices as their labels, money in euro. */
export function answerText(question: Question, answer: Answer | undefined, locale: Locale): string {
  if (answer === undefined || (Array.isArray(answer) && answer.length === 0))
    return translate(locale, "submission.pdf.noAnswer");
  if (question.type === "choice") {
    const values = Array.isArray(answer) ? answer : [String(answer)];
    return values.map((v) => question.options.find((o) => o.value === v)?.label ?? v).join(", ");
  }
  if (question.type === "money" && typeof answer === "number") return formatEuro(answer, locale);
  if (question.type === "studyProgrammes" && Array.isArray(answer))
    return answer.map(programmeOptionName).join(", ");
  if (Array.isArray(answer)) return answer.join(", ");
  return String(answer);
}

/** The receipt's content, translated and bounded, as the layout worker draws it. */
export function receiptLayout(
  snapshot: SubmissionSnapshot,
  fingerprint: string,
  locale: Locale,
): ReceiptLayout {
  const t = (key: string, params?: Record<string, string | number>) =>
    translate(locale, key, params);
  // Every text the layout sees: the form's own limit on an answer bounds them all (titles, labels
  // and summary rows have smaller limits of their own; this is the guard, not the rule).
  const text = (value: string) => breakLongRuns(capText(value, maxAnswerCharacters, locale));
  const submittedAt = new Date(snapshot.submission.submittedAt);
  const blocks: ReceiptBlock[] = [];
  const heading = (value: string, size: number) =>
    blocks.push({ kind: "heading", text: text(value), size });
  const fact = (label: string, value: string) =>
    blocks.push({ kind: "fact", label: text(label), value: text(value) });

  heading(t("submission.pdf.title"), 18);
  heading(snapshot.application.title, 14);
  fact(t("submission.pdf.call"), snapshot.call.title);
  fact(t("submission.pdf.leadSchool"), snapshot.leadSchool.name);
  fact(
    t("submission.pdf.submittedAt"),
    `${formatBrussels(submittedAt, locale)} (${t("submission.pdf.brusselsTime")})`,
  );
  fact(t("submission.pdf.submittedBy"), snapshot.submission.submittedBy.name);
  fact(t("submission.pdf.sequence"), String(snapshot.submission.sequence));
  fact(t("submission.pdf.formVersion"), snapshot.form.contentHash);
  fact(t("submission.pdf.fingerprint"), fingerprint);
  blocks.push({ kind: "space", lines: 1 });

  for (const section of snapshot.form.definition.sections) {
    heading(section.title, 13);
    for (const question of section.questions)
      blocks.push({
        kind: "question",
        label: text(question.label),
        answer: text(answerText(question, snapshot.answers[question.id], locale)),
      });
    blocks.push({ kind: "space", lines: 0.4 });
  }

  for (const block of dossierSummary(snapshot, locale)) {
    heading(block.title, 13);
    for (const row of block.rows) fact(row.label, row.value);
    blocks.push({ kind: "space", lines: 0.8 });
  }

  return {
    lang: locale === "nl" ? "nl-BE" : "en",
    info: {
      Title: snapshot.application.title,
      Author: snapshot.leadSchool.name,
      Subject: t("submission.pdf.subject", { call: snapshot.call.title }),
      CreationDate: submittedAt,
    },
    fonts,
    blocks,
    footer: t("submission.pdf.footer", { fingerprint, page: "{page}", pages: "{pages}" }),
  };
}

export interface RenderLimits {
  /** The layout is stopped after this long (default 60 s). */
  timeoutMs?: number;
  /** The child process's heap; beyond it only the child ends (default 512 MB, at least 16). */
  maxHeapMb?: number;
}

/** Thrown when the layout went past its time cap or its memory and was stopped. */
export class ReceiptRenderError extends Error {}

/** Renders the receipt in a child process, within a time and memory cap. */
export function renderSubmissionPdf(
  snapshot: SubmissionSnapshot,
  fingerprint: string,
  locale: Locale,
  limits: RenderLimits = {},
): Promise<Buffer> {
  return renderReceiptLayout(receiptLayout(snapshot, fingerprint, locale), limits);
}

/** Lays a prepared receipt out in a child process, stopped at its time and memory caps. */
export async function renderReceiptLayout(
  layout: ReceiptLayout,
  limits: RenderLimits = {},
): Promise<Buffer> {
  const timeoutMs = limits.timeoutMs ?? 60_000;
  let pdf: Uint8Array | null = null;
  const end = await runCapped<ReceiptLayout, Uint8Array>(
    workerPath,
    layout,
    { timeoutMs, maxHeapMb: limits.maxHeapMb ?? 512 },
    (bytes, stop) => {
      pdf = bytes;
      stop();
    },
  );
  if (end.how === "stopped" && pdf) {
    const bytes: Uint8Array = pdf;
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  throw new ReceiptRenderError(
    end.how === "timeout"
      ? `receipt layout stopped after ${timeoutMs} ms`
      : end.how === "memory"
        ? "receipt layout went over its memory limit"
        : `receipt layout failed: ${end.how === "failed" ? end.detail : "no PDF"}`,
  );
}
