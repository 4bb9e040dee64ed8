import { href, Link } from "react-router";
import { networkFigures } from "../../src/directory/network-figures";
import { PageHeader } from "../components/page";
import { useLocale, useT } from "../lib/i18n";
import { pageTitle } from "../lib/meta";
import { services } from "../lib/services.server";
import type { Route } from "./+types/home";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "home.title");

export async function loader() {
  const { database } = await services();
  return { figures: await networkFigures(database.db) };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const number = new Intl.NumberFormat(useLocale() === "en" ? "en-GB" : "nl-BE");
  const { figures } = loaderData;
  return (
    <>
      <PageHeader title={t("home.title")} lead={t("home.lead")} />
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
