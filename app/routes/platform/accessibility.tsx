import { MailText, mailSlot, PageHeader } from "../../components/page";
import { useLocale, useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/accessibility";

// The accessibility statement (toegankelijkheidsverklaring) in the parts the EU model statement
// asks for (Implementing Decision (EU) 2018/1523): compliance status, non-accessible content,
// preparation (date and method), feedback and contact, enforcement (in Flanders the Vlaamse
// Ombudsdienst). Review it when a known problem is fixed or a new one found, and change the date.

/** The day this statement was prepared (and last reviewed). */
export const accessibilityStatementDate = "2026-12-07";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "accessibility.title");

export async function loader() {
  const { config } = await services();
  return { site: new URL(config.BASE_URL).host, email: config.CONTACT_EMAIL };
}

export default function AccessibilityStatement({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const date = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "nl-BE", {
    dateStyle: "long",
    timeZone: "Europe/Brussels",
  }).format(new Date(`${accessibilityStatementDate}T12:00:00Z`));
  return (
    <>
      <PageHeader title={t("accessibility.title")} lead={t("accessibility.lead")} />
      <p>{t("accessibility.scope", { site: loaderData.site })}</p>
      <h2>{t("accessibility.statusTitle")}</h2>
      <p>{t("accessibility.statusText")}</p>
      <h2>{t("accessibility.nonAccessibleTitle")}</h2>
      <h3>{t("accessibility.nonCompliantTitle")}</h3>
      <ul>
        <li>{t("accessibility.issue.receiptPdf")}</li>
      </ul>
      <h3>{t("accessibility.disproportionateTitle")}</h3>
      <p>{t("accessibility.disproportionateText")}</p>
      <h3>{t("accessibility.outOfScopeTitle")}</h3>
      <ul>
        <li>{t("accessibility.issue.userFiles")}</li>
      </ul>
      <h2>{t("accessibility.preparationTitle")}</h2>
      <p>{t("accessibility.preparationText", { date })}</p>
      <p>{t("accessibility.methodText")}</p>
      <h2>{t("accessibility.feedbackTitle")}</h2>
      <p>
        <MailText
          text={t("accessibility.feedbackText", { email: mailSlot })}
          email={loaderData.email}
        />
      </p>
      <h2>{t("accessibility.enforcementTitle")}</h2>
      <p>{t("accessibility.enforcementText")}</p>
      <p>
        <a href="https://www.vlaamseombudsdienst.be">{t("accessibility.enforcementLink")}</a>
      </p>
    </>
  );
}
