import { href, Link } from "react-router";
import {
  applicationListAudience,
  listApplications,
} from "../../../src/applications/read-applications";
import { hasRole } from "../../../src/identity/actor";
import { formatBrussels } from "../../../src/platform/time";
import { Breadcrumbs, EmptyState, FlashNotice, PageHeader } from "../../components/page";
import { TableRegion } from "../../components/table";
import { requireActor } from "../../lib/actor.server";
import { useLocale, useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/applications";

// "My applications": the applications of the person's own schools (all of them for the programme
// team and administrators), each linking to its task list.

export const meta: Route.MetaFunction = ({ matches }) =>
  pageTitle(matches, "application.listTitle");

export async function loader({ request }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  const { database } = await services();
  return {
    applications: await listApplications(database.db, actor),
    audience: applicationListAudience(actor),
    // Only who can start an application is told how to start one.
    mayStart: hasRole(actor, "schoolCoordinator"),
  };
}

export default function Applications({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const rows = loaderData.applications;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/mijn"), label: t("dashboard.title") },
          { label: t("application.listTitle") },
        ]}
      />
      <PageHeader
        title={t("application.listTitle")}
        lead={t(
          loaderData.audience === "all"
            ? "application.listLeadAll"
            : loaderData.audience === "school"
              ? "application.listLead"
              : "application.listLeadNone",
        )}
      />
      <FlashNotice />
      {rows.length === 0 ? (
        <EmptyState title={t("application.none")}>
          {loaderData.mayStart ? (
            <>
              <p>{t("application.noneHint")}</p>
              <p>
                <Link to={href("/oproepen")}>{t("application.toCalls")}</Link>
              </p>
            </>
          ) : (
            loaderData.audience !== "none" && (
              <p>
                {t(
                  loaderData.audience === "all"
                    ? "application.noneHintAll"
                    : "application.noneHintDirector",
                )}
              </p>
            )
          )}
        </EmptyState>
      ) : (
        <TableRegion label={t("application.listTitle")}>
          <table className="table">
            <caption className="visually-hidden">{t("application.listTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("application.column.title")}</th>
                <th scope="col">{t("application.column.call")}</th>
                <th scope="col">{t("application.column.school")}</th>
                <th scope="col">{t("application.column.deadline")}</th>
                <th scope="col">{t("application.column.status")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={href("/aanvragen/:applicationId", { applicationId: a.id })}>
                      {a.title}
                    </Link>
                  </td>
                  <td>{a.callTitle}</td>
                  <td>{a.leadOrganisationName}</td>
                  <td>
                    {a.closesAt ? formatBrussels(new Date(a.closesAt), locale) : t("common.none")}
                  </td>
                  <td>
                    <span className="tag">{t(`application.status.${a.status}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
