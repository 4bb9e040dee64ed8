import type { ReactNode } from "react";
import { href, NavLink } from "react-router";
import { useRootData, useT } from "../lib/i18n";
import { CsrfField, InPageLink } from "./form";
import { visibleNavigation } from "./navigation";

export function SiteHeader() {
  const t = useT();
  const root = useRootData();
  const actor = root?.actor ?? null;
  const items = visibleNavigation(actor, root?.devMail ?? false);
  return (
    <header className="site-header">
      <div className="site-header__bar">
        <div className="container site-header__inner">
          <a href={href("/")} className="brand">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__name">{t("app.name")}</span>
            <span className="brand__tagline">{t("app.tagline")}</span>
          </a>
          <div className="site-header__tools">
            <form method="post" action={href("/taal")} className="inline-form">
              <CsrfField />
              <input type="hidden" name="locale" value={root?.locale === "en" ? "nl" : "en"} />
              <button
                type="submit"
                className="link-button"
                lang={root?.locale === "en" ? "nl" : "en"}
                aria-label={t("layout.switchToLabel")}
              >
                {t("layout.switchTo")}
              </button>
            </form>
            {actor ? (
              <>
                <span className="site-header__user">
                  {t("layout.signedInAs", { name: actor.name })}
                </span>
                <form method="post" action={href("/afmelden")} className="inline-form">
                  <CsrfField />
                  <button type="submit" className="link-button">
                    {t("nav.signOut")}
                  </button>
                </form>
              </>
            ) : (
              <a href={href("/aanmelden")} className="site-header__signin">
                {t("nav.signIn")}
              </a>
            )}
          </div>
        </div>
      </div>
      {/* On a narrow screen the items fold away behind a native disclosure (works without
          JavaScript, announced as a button with its state); on a wide screen the stylesheet
          hides the toggle and shows the items as a row (ADR 0032). */}
      <nav aria-label={t("layout.mainNav")} className="main-nav">
        <details className="container main-nav__menu">
          <summary className="main-nav__toggle">{t("layout.menu")}</summary>
          <ul className="main-nav__list">
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === "/"} className="main-nav__link">
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </details>
      </nav>
    </header>
  );
}

export function SiteFooter() {
  const t = useT();
  return (
    <footer className="site-footer">
      <div className="container">
        <nav aria-label={t("footer.nav")}>
          <ul className="site-footer__links">
            <li>
              <NavLink to={href("/toegankelijkheid")}>{t("footer.accessibility")}</NavLink>
            </li>
            <li>
              <NavLink to={href("/privacy")}>{t("footer.privacy")}</NavLink>
            </li>
            <li>
              <NavLink to={href("/contact")}>{t("footer.contact")}</NavLink>
            </li>
          </ul>
        </nav>
        <p>{t("layout.footer")}</p>
      </div>
    </footer>
  );
}

export function PageShell(props: { children: ReactNode }) {
  const t = useT();
  return (
    <>
      <InPageLink to="inhoud" className="skip-link">
        {t("layout.skipLink")}
      </InPageLink>
      <SiteHeader />
      <main id="inhoud" tabIndex={-1} className="container main">
        {props.children}
      </main>
      <SiteFooter />
    </>
  );
}
