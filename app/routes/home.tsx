import { href, Link } from "react-router";
import { listPublishedCalls } from "../../src/calls/read-calls";
import { networkFigures } from "../../src/directory/network-figures";
import { recentMaterials } from "../../src/library/read-library-home";
import { formatBrussels, formatBrusselsDate } from "../../src/platform/time";
import { PageHeader } from "../components/page";
import { useLocale, useT } from "../lib/i18n";
import { pageTitle } from "../lib/meta";
import { services } from "../lib/services.server";
import type { Route } from "./+types/home";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "home.title");

export async function loader() {
  const { database } = await services();
  const calls = await listPublishedCalls(database.db, new Date());
  return {
    figures: await networkFigures(database.db),
    openCalls: calls.open.map((c) => ({
      id: c.id,
      title: c.title,
      summary: c.summary,
      closesAt: c.closesAt,
    })),
    materials: await recentMaterials(database.db, 5),
  };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const number = new Intl.NumberFormat(useLocale() === "en" ? "en-GB" : "nl-BE");
  const locale = useLocale();
  const { figures, openCalls, materials } = loaderData;
  return (
    <>
      <PageHeader title={t("home.title")} lead={t("home.lead")} />
      <section aria-labelledby="open-calls-title">
        <h2 id="open-calls-title">{t("home.openCallsTitle")}</h2>
        {openCalls.length === 0 ? (
          <p>{t("home.noOpenCalls")}</p>
        ) : (
          <ul className="plain-list">
            {openCalls.map((c) => (
              <li key={c.id} className="card">
                <h3>
                  <Link to={href("/oproepen/:callId", { callId: c.id })}>{c.title}</Link>
                </h3>
                <p>{c.summary}</p>
                {c.closesAt && (
                  <p>
                    {t("dashboard.deadline", {
                      date: formatBrussels(new Date(c.closesAt), locale),
                    })}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to={href("/oproepen")}>{t("home.allCalls")}</Link>
        </p>
      </section>
      <section aria-labelledby="materials-title">
        <h2 id="materials-title">{t("home.recentMaterialsTitle")}</h2>
        {materials.length === 0 ? (
          <p>{t("home.noMaterials")}</p>
        ) : (
          <ul className="plain-list">
            {materials.map((m) => (
              <li key={m.id}>
                <Link to={href("/bibliotheek/:materialId", { materialId: m.id })}>{m.title}</Link>
                {m.organisationName && <> · {m.organisationName}</>}
                {m.publishedAt && (
                  <>
                    {" · "}
                    {t("home.publishedOn", {
                      date: formatBrusselsDate(new Date(m.publishedAt), locale),
                    })}
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to={href("/bibliotheek")}>{t("home.library")}</Link>
        </p>
      </section>
      <section aria-labelledby="figures-title">
        <h2 id="figures-title">{t("home.statsTitle")}</h2>
        <div className="cards">
          <div className="card">
            <span className="stat">{number.format(figures.schools)}</span> {t("home.statSchools")}
          </div>
          <div className="card">
            <span className="stat">{number.format(figures.sites)}</span> {t("home.statSites")}
          </div>
          <div className="card">
            <span className="stat">{number.format(figures.partners)}</span> {t("home.statPartners")}
          </div>
        </div>
      </section>
      <section className="card" aria-labelledby="directory-title">
        <h2 id="directory-title">{t("home.directoryTitle")}</h2>
        <p>{t("home.directoryText")}</p>
        <Link to={href("/gids")}>{t("home.directoryLink")}</Link>
      </section>
    </>
  );
}
