// The receipt PDF's layout time for hostile answers (ADR 0024): long runs without spaces as typed
// against the same text with break opportunities (breakLongRuns), both in the layout worker.
// `npm run bench:receipt`. Prints milliseconds (breaking included, and the worker's start of about
// half a second) and pages; the "as typed" variant is only run on sizes it survives.

import { createRequire } from "node:module";
import type { ReceiptLayout } from "../src/applications/submission/receipt-pdf-worker";
import {
  breakEvery,
  breakLongRuns,
  longRun,
  renderReceiptLayout,
} from "../src/applications/submission/submission-pdf";

const require = createRequire(import.meta.url);
const fonts = {
  regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
};

function layoutOf(answers: string[]): ReceiptLayout {
  return {
    lang: "nl-BE",
    info: { Title: "bench", Author: "bench", Subject: "bench", CreationDate: new Date(0) },
    fonts,
    blocks: answers.map((answer, i) => ({ kind: "question", label: `Vraag ${i + 1}`, answer })),
    footer: "bench · pagina {page} van {pages}",
  };
}

async function time(answers: string[], broken: boolean) {
  const started = performance.now();
  const text = broken ? answers.map(breakLongRuns) : answers;
  const pdf = await renderReceiptLayout(layoutOf(text), { timeoutMs: 600_000 });
  const pages = (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
  return { ms: Math.round(performance.now() - started), pages, bytes: pdf.length };
}

const word = (n: number) => "x".repeat(n);
const prose = (n: number) =>
  "Onze school werkt samen met bedrijven uit de regio. ".repeat(n / 52 + 1).slice(0, n);
const cases: Array<{ name: string; answers: string[]; asTyped: boolean }> = [
  { name: "prose, 20,000 characters", answers: [prose(20_000)], asTyped: true },
  { name: "one word of 5,000", answers: [word(5_000)], asTyped: true },
  { name: "one word of 10,000", answers: [word(10_000)], asTyped: true },
  { name: "one word of 20,000", answers: [word(20_000)], asTyped: true },
  { name: "prose, 4 x 199,000", answers: Array(4).fill(prose(199_000)), asTyped: true },
  { name: "4 words of 199,000", answers: Array(4).fill(word(199_000)), asTyped: false },
];

console.log(`break opportunity every ${breakEvery} characters in runs longer than ${longRun}`);
for (const c of cases) {
  const broken = await time(c.answers, true);
  const typed = c.asTyped ? await time(c.answers, false) : null;
  console.log(
    `${c.name.padEnd(28)} broken: ${String(broken.ms).padStart(6)} ms, ${broken.pages} pages` +
      (typed
        ? ` | as typed: ${String(typed.ms).padStart(6)} ms, ${typed.pages} pages`
        : " | as typed: not run"),
  );
}
