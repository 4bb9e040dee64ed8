import { href, Link } from "react-router";
import { auditPolicy } from "../../../src/audit/policy";
import { formatEnterpriseNumber } from "../../../src/directory/enterprise-number";
import { getOrganisation, type PlaceName } from "../../../src/directory/get-organisation";
import type { RtcRegion } from "../../../src/directory/model";
import { directoryPolicy } from "../../../src/directory/policy";
import { readOrganisationMembers } from "../../../src/identity/organisation-members";
import { Breadcrumbs, FlashNotice, PageHeader } from "../../components/page";
import { TableRegion } from "../../components/table";
import { getActor, notFound } from "../../lib/actor.server";
import { useLocale, useT } from "../../lib/i18n";
import { plainTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/organisation";

export const meta: Route.MetaFunction = ({ loaderData }) =>
  loaderData ? plainTitle(loaderData.organisation.name) : [];

export async function loader({ request, params }: Route.LoaderArgs) {
  const actor = await getActor(request);
  const { database } = await services();
  const view = await getOrganisation(database.db, params.organisationId, actor);
  if (!view) notFound();
  const members = await readOrganisationMembers(database.db, view.organisation.id, actor);
  return {
    ...view,
    members,
    canEdit: directoryPolicy.updateOrganisation(actor, { organisationId: view.organisation.id }),
    canSeeHistory: auditPolicy.readAuditLog(actor),
  };
}

function displayEnterpriseNumber(value: string): string {
  try {
    return formatEnterpriseNumber(value);
  } catch {
    return value;
  }
}

function Place(props: { place: PlaceName | null; postalCode: string | null }) {
  const t = useT();
  if (!props.place) return <>{props.postalCode}</>;
  return (
    <>
      {[props.postalCode, props.place.name].filter(Boolean).join(" ")}
      {props.place.formerName && (
        <span className="muted">
          {" "}
          ({t("organisation.formerMunicipality", { name: props.place.formerName })})
        </span>
      )}
      {", "}
      {t(`province.${props.place.province}`)}
    </>
  );
}

export default function OrganisationPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { organisation: o, sites, members } = loaderData;
  const coordinate = new Intl.NumberFormat(locale === "en" ? "en-GB" : "nl-BE", {
    maximumFractionDigits: 5,
  });
  const hasAddress = o.street || o.postalCode || o.municipality;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/"), label: t("nav.home") },
          { to: href("/gids"), label: t("directory.title") },
          { label: o.name },
        ]}
      />
      <PageHeader
        title={o.name}
        lead={t(`kind.${o.kind}`)}
        actions={
          (loaderData.canEdit || loaderData.canSeeHistory) && (
            <div className="button-row">
              {loaderData.canEdit && (
                <Link
                  to={href("/beheer/organisaties/:organisationId/bewerken", {
                    organisationId: o.id,
                  })}
                  className="button button--secondary"
                >
                  {t("organisation.edit")}
                </Link>
              )}
              {loaderData.canSeeHistory && (
                <Link to={`${href("/beheer/audit")}?onderwerp=organisation&id=${o.id}`}>
                  {t("organisation.history")}
                </Link>
              )}
            </div>
          )
        }
      />
      <FlashNotice />

      <section aria-labelledby="details-title">
        <h2 id="details-title">{t("organisation.details")}</h2>
        <dl className="summary-list">
          <dt>{t("organisation.kind")}</dt>
          <dd>{t(`kind.${o.kind}`)}</dd>
          {o.institutionNumber && (
            <>
              <dt>{t("organisation.institutionNumber")}</dt>
              <dd>{o.institutionNumber}</dd>
            </>
          )}
          {o.enterpriseNumber && (
            <>
              <dt>{t("organisation.enterpriseNumber")}</dt>
              <dd>
                {t("organisation.kboNumber", {
                  number: displayEnterpriseNumber(o.enterpriseNumber),
                })}
              </dd>
            </>
          )}
          {o.umbrella && (
            <>
              <dt>{t("organisation.umbrella")}</dt>
              <dd>{t(`umbrella.${o.umbrella}`)}</dd>
            </>
          )}
          {o.network && (
            <>
              <dt>{t("organisation.network")}</dt>
              <dd>{t(`network.${o.network}`)}</dd>
            </>
          )}
          {o.rtcRegion && (
            <>
              <dt>{t("organisation.rtcRegion")}</dt>
              <dd>{t(`province.${o.rtcRegion as RtcRegion}`)}</dd>
            </>
          )}
          {hasAddress && (
            <>
              <dt>{t("organisation.address")}</dt>
              <dd>
                {o.street && (
                  <>
                    {o.street}
                    <br />
                  </>
                )}
                <Place place={o.municipality} postalCode={o.postalCode} />
              </dd>
            </>
          )}
          {o.description && (
            <>
              <dt>{t("organisation.description")}</dt>
              <dd>{o.description}</dd>
            </>
          )}
        </dl>
      </section>

      {(o.website || o.email || o.phone) && (
        <section aria-labelledby="contact-title">
          <h2 id="contact-title">{t("organisation.contact")}</h2>
          <dl className="summary-list">
            {o.website && (
              <>
                <dt>{t("organisation.website")}</dt>
                <dd>
                  <a href={o.website} rel="noopener noreferrer external">
                    {o.website}
                  </a>
                </dd>
              </>
            )}
            {o.email && (
              <>
                <dt>{t("organisation.email")}</dt>
                <dd>
                  <a href={`mailto:${o.email}`}>{o.email}</a>
                </dd>
              </>
            )}
            {o.phone && (
              <>
                <dt>{t("organisation.phone")}</dt>
                <dd>
                  <a href={`tel:${o.phone.replace(/[^\d+]/g, "")}`}>{o.phone}</a>
                </dd>
              </>
            )}
          </dl>
        </section>
      )}

      {(o.kind === "school" || sites.length > 0) && (
        <section aria-labelledby="sites-title">
          <h2 id="sites-title">{t("organisation.sites")}</h2>
          {sites.length === 0 && <p>{t("organisation.noSites")}</p>}
          {sites.map((s) => (
            <section key={s.id} className="site-card" aria-labelledby={`site-${s.siteNumber}`}>
              <h3 id={`site-${s.siteNumber}`}>
                {s.name}{" "}
                <span className="tag">
                  {t("organisation.siteNumber", { number: s.siteNumber })}
                </span>
              </h3>
              <dl className="summary-list">
                <dt>{t("organisation.address")}</dt>
                <dd>
                  {s.street && (
                    <>
                      {s.street}
                      <br />
                    </>
                  )}
                  <Place place={s.municipality} postalCode={s.postalCode} />
                </dd>
                {s.latitude !== null && s.longitude !== null && (
                  <>
                    <dt>{t("organisation.coordinates")}</dt>
                    <dd>
                      <a
                        href={`https://www.openstreetmap.org/?mlat=${s.latitude}&mlon=${s.longitude}#map=16/${s.latitude}/${s.longitude}`}
                        rel="noopener noreferrer external"
                      >
                        {coordinate.format(s.latitude)}, {coordinate.format(s.longitude)}
                      </a>
                    </dd>
                  </>
                )}
              </dl>
              {s.programmeCount === 0 ? (
                <p className="muted">{t("organisation.noProgrammes")}</p>
              ) : (
                <details className="programmes">
                  <summary>
                    {t("organisation.programmesCount", { count: s.programmeCount })}
                  </summary>
                  {s.stages.map((g) => (
                    <table className="table table--compact" key={g.stage}>
                      <caption>
                        {t(`stage.${g.stage}`)} ({g.programmes.length})
                      </caption>
                      <thead>
                        <tr>
                          <th scope="col">{t("organisation.programme")}</th>
                          <th scope="col">{t("directory.domain")}</th>
                          <th scope="col">{t("directory.finality")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {g.programmes.map((p) => (
                          <tr key={p.code}>
                            <th scope="row">{p.name}</th>
                            <td>{p.domain ? t(`domain.${p.domain}`) : t("common.none")}</td>
                            <td>{p.finality ? t(`finality.${p.finality}`) : t("common.none")}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  ))}
                </details>
              )}
            </section>
          ))}
        </section>
      )}

      {members && (
        <section aria-labelledby="members-title">
          <h2 id="members-title">{t("organisation.members")}</h2>
          <p className="muted">{t("organisation.membersPrivate")}</p>
          {members.length === 0 ? (
            <p>{t("organisation.noMembers")}</p>
          ) : (
            <TableRegion labelledBy="members-title">
              <table className="table table--compact">
                <caption className="visually-hidden">{t("organisation.members")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("organisation.name")}</th>
                    <th scope="col">{t("organisation.email")}</th>
                    <th scope="col">{t("organisation.roles")}</th>
                  </tr>
                </thead>
                <tbody>
                  {members.map((m) => (
                    <tr key={m.userId}>
                      <th scope="row">
                        {m.name}
                        {!m.active && (
                          <span className="muted"> ({t("organisation.memberInactive")})</span>
                        )}
                      </th>
                      <td>
                        <a href={`mailto:${m.email}`}>{m.email}</a>
                      </td>
                      <td>{m.roles.map((r) => t(`role.${r}`)).join(", ")}</td>
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
