import type { ReactNode } from "react";
import type { DirectoryRow } from "../../../src/directory/search-directory";
import { AppForm, SubmitButton, TextField } from "../../components/form";
import { EmptyState } from "../../components/page";
import { TableRegion } from "../../components/table";
import { useT } from "../../lib/i18n";

// Finding a school or a partner in the directory from the consortium pages: a GET form (works
// without JavaScript, the search stays in the address) and the first page of results, each row
// with the page's own way of choosing it.

/** The search term of the page's address, cut to a sensible length; empty for none. */
export function searchTerm(request: Request): string {
  return (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 200);
}

export function DirectorySearch(props: {
  query: string;
  rows: DirectoryRow[] | null;
  choose: (row: DirectoryRow) => ReactNode;
  /** Kept in the address while searching (e.g. the page's own mode). */
  hidden?: Record<string, string>;
}) {
  const t = useT();
  return (
    <>
      <AppForm method="get" aria-label={t("consortium.search")}>
        {Object.entries(props.hidden ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <TextField
          name="q"
          type="search"
          label={t("consortium.searchLabel")}
          defaultValue={props.query}
          required
        />
        <SubmitButton>{t("consortium.search")}</SubmitButton>
      </AppForm>
      {props.rows && (
        <section aria-labelledby="resultaten">
          <h2 id="resultaten">{t("consortium.resultsTitle")}</h2>
          {props.rows.length === 0 ? (
            <EmptyState title={t("consortium.noResults")} />
          ) : (
            <TableRegion labelledBy="resultaten">
              <table className="table table--compact">
                <thead>
                  <tr>
                    <th scope="col">{t("directory.col.name")}</th>
                    <th scope="col">{t("directory.col.kind")}</th>
                    <th scope="col">{t("directory.col.municipality")}</th>
                    <th scope="col">{t("consortium.choose")}</th>
                  </tr>
                </thead>
                <tbody>
                  {props.rows.map((row) => (
                    <tr key={row.id}>
                      <th scope="row">{row.name}</th>
                      <td>{t(`kind.${row.kind}`)}</td>
                      <td>{row.municipalityName ?? t("common.none")}</td>
                      <td>{props.choose(row)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
        </section>
      )}
    </>
  );
}
