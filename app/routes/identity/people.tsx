import { href, Link } from "react-router";
import { identityPolicy } from "../../../src/identity/policy";
import { listPeople } from "../../../src/identity/read-people";
import { AppForm, SubmitButton, TextField } from "../../components/form";
import { EmptyState, FlashNotice, PageHeader, Pagination } from "../../components/page";
import { TableRegion } from "../../components/table";
import { forbidden, requireActor } from "../../lib/actor.server";
import { useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/people";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "people.title");

export async function loader({ request }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  if (!identityPolicy.listPeople(actor)) forbidden();
  const url = new URL(request.url);
  const query = (url.searchParams.get("zoek") ?? "").trim().slice(0, 200);
  const page = Number.parseInt(url.searchParams.get("pagina") ?? "1", 10) || 1;
  const { database } = await services();
  const result = await listPeople(database.db, { query, page });
  return {
    query,
    ...result,
    canCreate: identityPolicy.createPerson(actor),
    search: url.searchParams.toString(),
  };
}

export default function People({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { people, total, page, pages, query } = loaderData;
  return (
    <>
      <PageHeader
        title={t("people.title")}
        lead={t("people.lead")}
        actions={
          loaderData.canCreate && (
            <Link to={href("/beheer/personen/nieuw")} className="button">
              {t("people.add")}
            </Link>
          )
        }
      />
      <FlashNotice />
      <AppForm method="get" className="filters" aria-label={t("people.search")}>
        <TextField
          name="zoek"
          type="search"
          label={t("people.searchLabel")}
          defaultValue={query}
          width="medium"
        />
        <SubmitButton>{t("people.search")}</SubmitButton>
      </AppForm>
      <p role="status">{t("people.results", { count: total })}</p>
      {people.length === 0 ? (
        <EmptyState title={t("people.noResults")} />
      ) : (
        <TableRegion label={t("people.title")}>
          <table className="table">
            <caption className="visually-hidden">{t("people.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("people.name")}</th>
                <th scope="col">{t("people.email")}</th>
                <th scope="col">{t("people.memberships")}</th>
                <th scope="col">{t("people.status")}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <tr key={person.id}>
                  <td>
                    <Link to={href("/beheer/personen/:userId", { userId: person.id })}>
                      {person.name}
                    </Link>
                  </td>
                  <td>{person.email}</td>
                  <td>
                    {person.memberships.length === 0 ? (
                      <span className="muted">{t("people.noMemberships")}</span>
                    ) : (
                      <ul className="plain-list">
                        {person.memberships.map((m) => (
                          <li key={m.id}>
                            {t(`role.${m.role}`)}, {m.organisationName}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    <span className={person.active ? "tag" : "tag tag--inactive"}>
                      {person.active ? t("people.active") : t("people.inactive")}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <Pagination page={page} pages={pages} searchParams={new URLSearchParams(loaderData.search)} />
    </>
  );
}
