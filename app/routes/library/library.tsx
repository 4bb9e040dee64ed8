import { Link } from "react-router";
import { formatBrusselsDate } from "../../../src/calls/brussels-time";
import { listOwnMaterials, listPublishedMaterials } from "../../../src/library/list-materials";
import { libraryPolicy } from "../../../src/library/policy";
import { EmptyState, FlashNotice, PageHeader, Pagination } from "../../components/page";
import { getActor } from "../../lib/actor.server";
import { useLocale, useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/library";

// The commons' front page: the newest published materials, a page at a time, and for a signed-in
// maker their own materials with the state of the latest version.

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "library.title");

const pageSize = 20;

export async function loader({ request }: Route.LoaderArgs) {
  const actor = await getActor(request);
  const { database } = await services();
  const url = new URL(request.url);
  const page = Math.max(1, Math.min(10_000, Number(url.searchParams.get("pagina")) || 1));
  const { materials, total } = await listPublishedMaterials(database.db, page, pageSize);
  const canPublish =
    !!actor &&
    actor.memberships.some((m) =>
      libraryPolicy.createMaterial(actor, { organisationId: m.organisationId }),
    );
  const own = actor ? await listOwnMaterials(database.db, actor) : [];
  return {
    materials: materials.map((m) => ({ ...m, publishedAt: m.publishedAt?.toISOString() ?? null })),
    page,
    pages: Math.max(1, Math.ceil(total / pageSize)),
    total,
    canPublish,
    own,
    search: url.search,
  };
}

export default function Library({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { materials, own } = loaderData;
  return (
    <>
      <PageHeader
        title={t("library.title")}
        lead={t("library.lead")}
        actions={
          loaderData.canPublish && (
            <Link to="/bibliotheek/nieuw" className="button">
              {t("library.publish")}
            </Link>
          )
        }
      />
      <FlashNotice />
      {own.length > 0 && (
        <section aria-labelledby="eigen">
          <h2 id="eigen">{t("library.ownTitle")}</h2>
          <ul className="plain-list">
            {own.map((m) => (
              <li key={m.id}>
                <Link to={`/bibliotheek/${m.id}?versie=${m.number}`}>{m.title}</Link>{" "}
                <span className="tag">
                  {t("library.versionShort", { number: m.number })}: {t(`library.state.${m.state}`)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="nieuwste">
        <h2 id="nieuwste">{t("library.newestTitle")}</h2>
        <p role="status">{t("library.count", { count: loaderData.total })}</p>
        {materials.length === 0 ? (
          <EmptyState title={t("library.none")} />
        ) : (
          <ul className="call-list material-list">
            {materials.map((m) => (
              <li key={m.id} className="card">
                <h3>
                  <Link to={`/bibliotheek/${m.id}`}>{m.title}</Link>
                </h3>
                <p>
                  {m.description.length > 240 ? `${m.description.slice(0, 240)}…` : m.description}
                </p>
                <p className="muted">
                  {[
                    m.organisationName,
                    t(`library.licence.${m.licence}`),
                    t(`library.maturity.${m.maturity}`),
                    m.publishedAt ? formatBrusselsDate(new Date(m.publishedAt), locale) : null,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
              </li>
            ))}
          </ul>
        )}
        <Pagination
          page={loaderData.page}
          pages={loaderData.pages}
          searchParams={new URLSearchParams(loaderData.search)}
        />
      </section>
      {/* Plain links: both are files for machines, served by resource routes. */}
      <p className="muted">
        {t("library.harvest.lead")}{" "}
        <a href="/bibliotheek/export.json">{t("library.harvest.json")}</a>
        {" · "}
        <a href="/oai?verb=Identify">{t("library.harvest.oai")}</a>
      </p>
    </>
  );
}
