import { href, Link } from "react-router";
import { MailText, mailSlot, PageHeader } from "../../components/page";
import { useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/contact";

// Contact and help: the help desk (CONTACT_EMAIL), help with signing in, where questions about a
// call go, and the way to the accessibility and privacy statements.

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "contact.title");

export async function loader() {
  const { config } = await services();
  return { email: config.CONTACT_EMAIL };
}

export default function Contact({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <PageHeader title={t("contact.title")} lead={t("contact.lead")} />
      <h2>{t("contact.helpdeskTitle")}</h2>
      <p>
        <MailText text={t("contact.helpdeskText", { email: mailSlot })} email={loaderData.email} />
      </p>
      <h2>{t("contact.signInTitle")}</h2>
      <p>{t("contact.signInText")}</p>
      <p>
        <Link to={href("/wachtwoord-vergeten")}>{t("contact.signInLink")}</Link>
      </p>
      <h2>{t("contact.applicationTitle")}</h2>
      <p>{t("contact.applicationText")}</p>
      <p>
        <Link to={href("/oproepen")}>{t("contact.applicationLink")}</Link>
      </p>
      <h2>{t("contact.accessibilityTitle")}</h2>
      <p>{t("contact.accessibilityText")}</p>
      <ul>
        <li>
          <Link to={href("/toegankelijkheid")}>{t("footer.accessibility")}</Link>
        </li>
        <li>
          <Link to={href("/privacy")}>{t("footer.privacy")}</Link>
        </li>
      </ul>
    </>
  );
}
