import { href, Link } from "react-router";
import type { MessageKey } from "../../../src/i18n/translate";
import { sessionLifetimeSeconds } from "../../../src/identity/session-lifetime";
import { parkedFormLifetimeMs } from "../../../src/platform/parked-forms/park-form";
import { MailText, mailSlot, PageHeader } from "../../components/page";
import { useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/privacy";

// The privacy statement: what the platform keeps, why (the legal basis), how long, the rights,
// the Department's data protection officer and the Vlaamse Toezichtcommissie. The periods are the
// ones the code applies (the session's lifetime, the parked form's, the sign-in counters' window),
// read from where they are set, so the statement follows when they change.

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "privacy.title");

/** The kinds of personal data, in the order the table shows them. */
const kinds = [
  "account",
  "sessions",
  "throttle",
  "parked",
  "applications",
  "audit",
  "notifications",
  "usage",
] as const;

export async function loader() {
  const { config } = await services();
  return {
    periods: {
      hours: {
        sessions: sessionLifetimeSeconds / 3600,
        parked: parkedFormLifetimeMs / 3_600_000,
      },
      throttleMinutes: config.AUTH_FAILURE_WINDOW_MINUTES,
    },
    contactEmail: config.CONTACT_EMAIL,
    officerEmail: config.PRIVACY_OFFICER_EMAIL,
  };
}

export default function PrivacyStatement({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { periods } = loaderData;
  const params: Record<string, Record<string, number>> = {
    sessions: { hours: periods.hours.sessions },
    parked: { hours: periods.hours.parked },
    throttle: { minutes: periods.throttleMinutes },
  };
  return (
    <>
      <PageHeader title={t("privacy.title")} lead={t("privacy.lead")} />
      <h2 id="bewaard">{t("privacy.whatTitle")}</h2>
      <div className="table-scroll">
        <table className="table" aria-labelledby="bewaard">
          <thead>
            <tr>
              <th scope="col">{t("privacy.column.what")}</th>
              <th scope="col">{t("privacy.column.why")}</th>
              <th scope="col">{t("privacy.column.howLong")}</th>
            </tr>
          </thead>
          <tbody>
            {kinds.map((kind) => (
              <tr key={kind}>
                <th scope="row">{t(`privacy.${kind}.what` as MessageKey)}</th>
                <td>{t(`privacy.${kind}.why` as MessageKey)}</td>
                <td>{t(`privacy.${kind}.howLong` as MessageKey, params[kind])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("privacy.cookiesTitle")}</h2>
      <p>{t("privacy.cookiesText")}</p>
      <h2>{t("privacy.sharingTitle")}</h2>
      <p>{t("privacy.sharingText")}</p>
      <h2>{t("privacy.rightsTitle")}</h2>
      <p>
        <MailText
          text={t("privacy.rightsText", { email: mailSlot })}
          email={loaderData.contactEmail}
        />{" "}
        <Link to={href("/mijn/gegevens")}>{t("footer.privacyDetailsLink")}</Link>
      </p>
      <h2>{t("privacy.officerTitle")}</h2>
      <p>
        <MailText
          text={t("privacy.officerText", { email: mailSlot })}
          email={loaderData.officerEmail}
        />
      </p>
      <h2>{t("privacy.complaintTitle")}</h2>
      <p>{t("privacy.complaintText")}</p>
      <p>
        <a href="https://www.vlaamsetoezichtcommissie.be">{t("privacy.complaintLink")}</a>
      </p>
    </>
  );
}
