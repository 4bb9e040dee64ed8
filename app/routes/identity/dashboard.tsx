import { href, Link } from "react-router";
import { organisationsByIds } from "../../../src/directory/organisations-of";
import { PageHeader } from "../../components/page";
import { requireActor } from "../../lib/actor.server";
import { useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/dashboard";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "dashboard.title");

export async function loader({ request }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  const { database } = await services();
  const organisations = await organisationsByIds(database.db, [
    ...new Set(actor.memberships.map((m) => m.organisationId)),
  ]);
  const byId = new Map(organisations.map((o) => [o.id, o]));
  return {
    name: actor.name,
    memberships: actor.memberships.map((m) => ({ ...m, organisation: byId.get(m.organisationId) })),
  };
}

export default function Dashboard({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <PageHeader
        title={t("dashboard.title")}
        lead={t("layout.signedInAs", { name: loaderData.name })}
      />
      <h2>{t("dashboard.roles")}</h2>
      {loaderData.memberships.length === 0 ? (
        <p>{t("dashboard.noRoles")}</p>
      ) : (
        <div className="cards">
          {loaderData.memberships.map((m) => (
            <section className="card" key={`${m.organisationId}-${m.role}`}>
              <h3>{t(`role.${m.role}`)}</h3>
              {m.organisation && (
                <p>
                  <Link to={href("/gids/:organisationId", { organisationId: m.organisation.id })}>
                    {m.organisation.name}
                  </Link>
                </p>
              )}
              <p>{t(`dashboard.role.${m.role}`)}</p>
            </section>
          ))}
        </div>
      )}
      <section aria-labelledby="gegevens">
        <h2 id="gegevens">{t("dashboard.detailsTitle")}</h2>
        <p>{t("dashboard.detailsText")}</p>
        <p>
          <Link to={href("/mijn/gegevens")}>{t("dashboard.detailsLink")}</Link>
        </p>
      </section>
      <section aria-labelledby="meldingen">
        <h2 id="meldingen">{t("notifications.dashboardTitle")}</h2>
        <p>{t("notifications.dashboardText")}</p>
        <p>
          <Link to={href("/mijn/meldingen")}>{t("notifications.dashboardLink")}</Link>
        </p>
      </section>
    </>
  );
}
