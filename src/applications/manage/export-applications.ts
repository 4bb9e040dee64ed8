import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { call, callFormVersion } from "../../calls/schema";
import { locales, translator } from "../../i18n/translate";
import { csvContentType, toCsv } from "../../platform/spreadsheet/csv";
import { toXlsx, xlsxContentType } from "../../platform/spreadsheet/xlsx";
import { defineUseCase, fail } from "../../platform/use-case";
import { applicationsPolicy } from "../policy";
import { application } from "../schema";
import { applicationFacets, type FacetFilter } from "./application-facets";
import { applicationAnswersTable, applicationListTable } from "./export-tables";
import { applicationSorts, listCallApplications } from "./list-call-applications";

export const exportKinds = ["list", "answers"] as const;
export const exportFormats = ["csv", "xlsx"] as const;

const facetFilterSchema = z.object(
  Object.fromEntries(
    applicationFacets.map((f) => [
      f.param,
      z.enum(f.values as readonly [string, ...string[]]).optional(),
    ]),
  ),
);

export const exportApplicationsInput = z.object({
  callId: z.uuid("error.call.unknown"),
  kind: z.enum(exportKinds),
  format: z.enum(exportFormats),
  filter: facetFilterSchema.default({}),
  sort: z.enum(applicationSorts).default("gewijzigd"),
  locale: z.enum(locales).default("nl"),
});

export interface ExportFile {
  filename: string;
  contentType: string;
  body: string | Uint8Array<ArrayBuffer>;
  rows: number;
}

/** A file name from a call's title: lower case ASCII, words joined by hyphens. */
function slug(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "oproep"
  );
}

/**
 * A programme manager downloads the applications of a call (the list, or every answer) as CSV
 * or XLSX, with the filters of the list. Reading is not a change, but a download of everyone's
 * answers is a disclosure worth knowing about: who exported which call with which filters is
 * written to the audit log, under the call.
 */
export const exportApplications = defineUseCase({
  name: "application.export",
  input: exportApplicationsInput,
  authorize: (actor) => applicationsPolicy.exportApplications(actor),
  run: async (tx, input, { now }) => {
    const [target] = await tx
      .select({ id: call.id, title: call.title, formVersionId: call.formVersionId })
      .from(call)
      .where(eq(call.id, input.callId));
    if (!target) throw fail.notFound();
    const t = translator(input.locale);
    const filter = Object.fromEntries(
      Object.entries(input.filter).filter(([, v]) => v !== undefined),
    ) as FacetFilter;
    const list = await listCallApplications(tx, {
      callId: target.id,
      filter,
      sort: input.sort,
      pageSize: null,
    });

    let table = applicationListTable(t, target.title, list.rows);
    if (input.kind === "answers") {
      const [form] = target.formVersionId
        ? await tx
            .select({ definition: callFormVersion.definition })
            .from(callFormVersion)
            .where(eq(callFormVersion.id, target.formVersionId))
        : [];
      if (!form) throw fail.conflict("manage.export.noForm");
      const ids = list.rows.map((r) => r.id);
      const answers = ids.length
        ? await tx
            .select({ id: application.id, answers: application.answers })
            .from(application)
            .where(inArray(application.id, ids))
        : [];
      const answersOf = new Map(answers.map((a) => [a.id, a.answers]));
      table = applicationAnswersTable(
        t,
        form.definition,
        list.rows.map((r) => ({ ...r, answers: answersOf.get(r.id) ?? {} })),
      );
    }

    const base = `${input.kind === "list" ? t("manage.export.fileList") : t("manage.export.fileAnswers")}-${slug(target.title)}-${now.toISOString().slice(0, 10)}`;
    const file: ExportFile =
      input.format === "csv"
        ? {
            filename: `${base}.csv`,
            contentType: csvContentType,
            body: toCsv(table),
            rows: list.total,
          }
        : {
            filename: `${base}.xlsx`,
            contentType: xlsxContentType,
            body: toXlsx(table, t("manage.export.truncated")),
            rows: list.total,
          };
    return {
      value: file,
      audit: {
        subjectType: "call",
        subjectId: target.id,
        before: null,
        after: {
          exportKind: input.kind,
          format: input.format,
          filters: filter,
          sort: input.sort,
          rows: list.total,
        },
      },
    };
  },
});
