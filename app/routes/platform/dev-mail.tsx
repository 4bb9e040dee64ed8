import { notificationsPolicy } from "../../../src/notifications/policy";
import { formatBrussels } from "../../../src/platform/time";
import { EmptyState, PageHeader } from "../../components/page";
import { forbidden, notFound, requireActor } from "../../lib/actor.server";
import { useLocale, useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/dev-mail";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "devMail.title");

/**
 * The development inbox: every captured e-mail, password-reset links included, so for a signed-in
 * platform administrator only. Absent when SMTP is configured or in production.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const { config, mailer } = await services();
  if (config.SMTP_URL || config.NODE_ENV === "production") notFound();
  const actor = await requireActor(request);
  if (!notificationsPolicy.readDevInbox(actor)) forbidden();
  return { mails: (await mailer.captured()).slice(0, 100) };
}

export default function DevMail({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <PageHeader title={t("devMail.title")} lead={t("devMail.lead")} />
      {loaderData.mails.length === 0 ? (
        <EmptyState title={t("devMail.empty")} />
      ) : (
        loaderData.mails.map((mail) => (
          <article key={mail.id} className="card">
            <h2>{mail.subject}</h2>
            <dl className="summary-list">
              <dt>{t("devMail.to")}</dt>
              <dd>{mail.to}</dd>
              <dt>{t("devMail.sentAt")}</dt>
              <dd>{formatBrussels(new Date(mail.sentAt), locale)}</dd>
            </dl>
            <pre className="json">
              <MailText text={mail.text} />
            </pre>
          </article>
        ))
      )}
    </>
  );
}

/** The mail's text with its web addresses as links, so a reset link can be followed from here. */
function MailText(props: { text: string }) {
  const parts = props.text.split(/(https?:\/\/[^\s]+)/g);
  return (
    <>
      {parts.map((part, i) =>
        /^https?:\/\//.test(part) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never move
          <a key={i} href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}
