import type { FormDefinition, Question } from "../../calls/form-definition";
import { programmeOptionName } from "../../directory/programme-options";
import type { Translate } from "../../i18n/translate";
import type { Cell, Table } from "../../platform/spreadsheet/table";
import { toBrusselsInput } from "../../platform/time";
import type { Answer, Answers } from "../model";
import type { ManagedApplicationRow } from "./list-call-applications";

// The two downloads of a call's applications as tables, in the reader's language: the list as on
// the screen, and every answer (one row per application, one column per question of the form).

/** A moment as Brussels local time, "2027-03-29 17:00": readable and sortable in a sheet. */
function localTime(instant: Date): string {
  return toBrusselsInput(instant).replace("T", " ");
}

function label(t: Translate, key: string): string {
  return t(key as Parameters<Translate>[0]);
}

/** The columns every download starts with, so a row can be traced to its application. */
function identityColumns(t: Translate): string[] {
  return [
    t("manage.export.col.id"),
    t("manage.col.title"),
    t("manage.col.school"),
    t("manage.export.col.institutionNumber"),
    t("manage.col.province"),
    t("manage.col.network"),
    t("manage.export.col.umbrella"),
    t("manage.col.status"),
  ];
}

function identityCells(t: Translate, row: ManagedApplicationRow): Cell[] {
  return [
    row.id,
    row.title,
    row.leadOrganisationName,
    row.institutionNumber,
    row.province ? label(t, `province.${row.province}`) : null,
    row.network ? label(t, `network.${row.network}`) : null,
    row.umbrella,
    label(t, `application.status.${row.status}`),
  ];
}

export function applicationListTable(
  t: Translate,
  callTitle: string,
  rows: ManagedApplicationRow[],
): Table {
  return {
    name: t("manage.export.sheetList"),
    header: [
      ...identityColumns(t),
      t("manage.export.col.createdAt"),
      t("manage.col.updatedAt"),
      t("manage.export.col.call"),
    ],
    rows: rows.map((row) => [
      ...identityCells(t, row),
      localTime(row.createdAt),
      localTime(row.updatedAt),
      callTitle,
    ]),
  };
}

/**
 * One answer as a cell: a text in full, a number as a number, money in euros, the labels of the
 * chosen options and study programmes (not their codes). Anything else is kept whole as JSON
 * rather than dropped.
 */
export function answerCell(question: Question, answer: Answer | undefined): Cell {
  if (answer === undefined || answer === null) return null;
  switch (question.type) {
    case "choice": {
      const chosen = Array.isArray(answer) ? answer : [String(answer)];
      return chosen
        .map((value) => question.options.find((o) => o.value === value)?.label ?? value)
        .join("; ");
    }
    case "money":
      return typeof answer === "number" ? answer / 100 : String(answer);
    case "studyProgrammes":
      return Array.isArray(answer) ? answer.map(programmeOptionName).join("; ") : String(answer);
    case "number":
      return typeof answer === "number" ? answer : String(answer);
    case "text":
      return String(answer);
    default:
      return typeof answer === "string" || typeof answer === "number"
        ? answer
        : JSON.stringify(answer);
  }
}

export function applicationAnswersTable(
  t: Translate,
  form: FormDefinition,
  rows: Array<ManagedApplicationRow & { answers: Answers }>,
): Table {
  const questions = form.sections.flatMap((s) => s.questions);
  return {
    name: t("manage.export.sheetAnswers"),
    header: [...identityColumns(t), ...questions.map((q) => q.label)],
    rows: rows.map((row) => [
      ...identityCells(t, row),
      ...questions.map((q) => answerCell(q, row.answers[q.id])),
    ]),
  };
}
