import { formatBrussels, formatEuro } from "../../calls/brussels-time";
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

/** The schools with their sites and programmes; the partners with their commitment and answer. */
function consortiumBlock(dossier: Dossier, t: T, locale: Locale): SummaryBlock {
  const euro = (cents: number) => formatEuro(cents, locale);
  const { schools, partners, totals } = dossier.consortium;
  const none = t("consortium.noneChosen");
  return {
    step: "consortium",
    title: t("consortium.title"),
    rows: [
      ...schools.map((s) => ({
        key: `school-${s.organisationId}`,
        label: `${s.name} (${s.isLead ? t("consortium.leadSchool") : t("consortium.coApplicant")})`,
        value: [
          `${t("consortium.sites")}: ${s.sites.map((x) => `${x.siteNumber}. ${x.name}`).join("; ") || none}`,
          `${t("consortium.programmes")}: ${s.programmes.map((p) => p.name).join("; ") || none}`,
        ].join("\n"),
      })),
      ...partners.map((p) => ({
        key: `partner-${p.id}`,
        label: `${p.name} (${t(`kind.${p.kind}`)})`,
        value: [
          `${t("consortium.roles")}: ${p.roles.map((r) => t(`consortium.role.${r}`)).join(", ")}`,
          `${t("consortium.commitment")}: ${p.commitment}`,
          `${t("consortium.inKind")}: ${euro(p.inKindCents)}; ${t("consortium.cash")}: ${euro(p.cashCents)}`,
          `${t("consortium.status")}: ${
            p.status === "confirmed" && p.respondedAt
              ? t("consortium.statusDetail.confirmed", {
                  name: p.respondedBy ?? "",
                  date: formatBrussels(new Date(p.respondedAt), locale),
                })
              : t(`consortium.statusName.${p.status}`)
          }`,
        ].join("\n"),
      })),
      {
        key: "coFinancing",
        label: t("consortium.totalCoFinancing"),
        value: euro(totals.coFinancingCents),
      },
    ],
  };
}

export function dossierSummary(dossier: Dossier, locale: Locale): SummaryBlock[] {
  const t: T = (key, params) => translate(locale, key, params);
  return [consortiumBlock(dossier, t, locale), budgetBlock(dossier, t, locale)];
}
