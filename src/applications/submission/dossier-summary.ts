import { studyProgrammes } from "../../directory/reference-data";
import { type Locale, translate } from "../../i18n/translate";
import { formatEuro } from "../../platform/money";
import { formatBrussels } from "../../platform/time";
import { budgetTotals } from "../budget/model";
import { formatDay } from "../plan/model";
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

/** The actions with their milestones, the teachers and what they learn, what will be shared. */
function planBlock(dossier: Dossier, t: T, locale: Locale): SummaryBlock {
  const { actions, teachers, dissemination } = dossier.plan;
  const day = (d: string) => formatDay(d, locale);
  const programme = (code: string) => studyProgrammes.find((p) => p.code === code)?.name ?? code;
  return {
    step: "plan",
    title: t("plan.title"),
    rows: [
      ...actions.map((a) => ({
        key: `action-${a.id}`,
        label: a.title,
        value: [
          t("plan.actionDates", { start: day(a.startsOn), end: day(a.endsOn) }),
          a.description,
          ...a.milestones.map((m) => `${t("plan.milestonesTitle")}: ${m.title} (${day(m.date)})`),
        ].join("\n"),
      })),
      ...teachers.map((teacher) => ({
        key: `teacher-${teacher.id}`,
        label: `${teacher.name} (${teacher.role})`,
        value: [
          `${t("plan.teacher.learningGoal")} ${teacher.learningGoal}`,
          teacher.learningMethod
            ? `${t("plan.teacher.learningMethod")} ${t(`plan.learningMethod.${teacher.learningMethod}`)}`
            : null,
          teacher.learningWith ? `${t("plan.teacher.learningWith")} ${teacher.learningWith}` : null,
          teacher.plannedHours !== null
            ? `${t("plan.teacher.plannedHours")}: ${teacher.plannedHours}`
            : null,
        ]
          .filter(Boolean)
          .join("\n"),
      })),
      ...dissemination.map((item) => ({
        key: `material-${item.id}`,
        label: `${item.title} (${t(`plan.resourceType.${item.resourceType}`)})`,
        value: [
          `${t("plan.item.programmes")}: ${item.programmeCodes.map(programme).join(", ")}`,
          item.licence ? `${t("plan.item.licence")}: ${t(`plan.licence.${item.licence}`)}` : null,
          item.releaseOn ? `${t("plan.item.releaseOn")}: ${day(item.releaseOn)}` : null,
        ]
          .filter(Boolean)
          .join("\n"),
      })),
    ],
  };
}

/** Each attachment by its kind and name, with its SHA-256: the snapshot refers to the file by it. */
function attachmentsBlock(dossier: Dossier, t: T): SummaryBlock {
  return {
    step: "attachments",
    title: t("attachment.title"),
    rows: dossier.attachments.map((a) => ({
      key: a.id,
      label: `${t(`attachment.kind.${a.kind}`)}: ${a.fileName}`,
      value: [a.description, `SHA-256 ${a.sha256}`].filter(Boolean).join("\n"),
    })),
  };
}

export function dossierSummary(dossier: Dossier, locale: Locale): SummaryBlock[] {
  const t: T = (key, params) => translate(locale, key, params);
  return [
    consortiumBlock(dossier, t, locale),
    planBlock(dossier, t, locale),
    budgetBlock(dossier, t, locale),
    attachmentsBlock(dossier, t),
  ];
}
