import { formatEuro } from "../../calls/brussels-time";
import { type Locale, translate } from "../../i18n/translate";
import { budgetTotals } from "../budget/model";
import { partnerCoFinancing } from "../task-list";
import type { Dossier } from "./dossier";

// The steps of a dossier beyond the form's answers (consortium, plan, budget, attachments) as
// plain labelled rows in the reader's language: one summary for the check-your-answers page and
// the PDF of the submission, so that what is checked is exactly what is printed.

export interface SummaryBlock {
  /** The step, for the page's "change" link. */
  step: string;
  title: string;
  /** `key` is unique within the block (two budget lines may read the same). */
  rows: Array<{ key: string; label: string; value: string }>;
}

type T = (key: string, params?: Record<string, string | number>) => string;

function budgetBlock(dossier: Dossier, t: T, locale: Locale): SummaryBlock {
  const euro = (cents: number) => formatEuro(cents, locale);
  const totals = budgetTotals(dossier.budget.lines, partnerCoFinancing(dossier));
  return {
    step: "budget",
    title: t("budget.title"),
    rows: [
      ...dossier.budget.lines.map((line) => ({
        key: line.id,
        label: `${t(`budget.category.${line.category}`)}: ${line.description}`,
        value:
          line.hours !== null && line.hourlyCostCents !== null
            ? `${euro(line.amountCents)} (${t("budget.hoursTimesCost", {
                hours: line.hours.toLocaleString(locale === "nl" ? "nl-BE" : "en-GB"),
                cost: euro(line.hourlyCostCents),
              })})`
            : euro(line.amountCents),
      })),
      { key: "totalCost", label: t("budget.totalCost"), value: euro(totals.totalCostCents) },
      {
        key: "coFinancing",
        label: t("budget.totalCoFinancing"),
        value: `${euro(totals.coFinancingCents)} ${t("budget.percentOfCost", { percent: totals.coFinancingPercent })}`,
      },
      { key: "requested", label: t("budget.requested"), value: euro(totals.requestedCents) },
    ],
  };
}

export function dossierSummary(dossier: Dossier, locale: Locale): SummaryBlock[] {
  const t: T = (key, params) => translate(locale, key, params);
  return [budgetBlock(dossier, t, locale)];
}
