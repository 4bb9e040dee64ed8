import { href } from "react-router";
import { switchableKinds } from "../../../src/notifications/model";
import { readNotificationPreferences } from "../../../src/notifications/notification-preferences";
import { setNotificationPreferences } from "../../../src/notifications/set-notification-preferences";
import { AppForm, SubmitButton } from "../../components/form";
import { Breadcrumbs, FlashNotice, PageHeader } from "../../components/page";
import { requireActor } from "../../lib/actor.server";
import { answer, atTheTop } from "../../lib/answer.server";
import { useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/preferences";

// A person's own notification preferences: one checkbox per kind they can switch, and the kinds
// that are always sent listed apart. A plain form: works without JavaScript.

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "notifications.title");

export async function loader({ request }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  const { database } = await services();
  return {
    email: actor.email,
    preferences: await readNotificationPreferences(database.db, actor.userId),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const actor = await requireActor(request);
  const form = await request.formData();
  const { database } = await services();
  // An unticked checkbox is not sent: every switchable kind absent from the form is off.
  const email = Object.fromEntries(switchableKinds.map((kind) => [kind, form.get(kind) === "on"]));
  const result = await setNotificationPreferences(
    { db: database.db, actor },
    { userId: actor.userId, email },
  );
  return answer(result, {
    success: () => ({ redirect: href("/mijn/meldingen"), flash: "notifications.saved" }),
    errors: atTheTop,
  });
}

export default function NotificationPreferences({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const switchable = loaderData.preferences.filter((p) => !p.alwaysSent);
  const always = loaderData.preferences.filter((p) => p.alwaysSent);
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/mijn"), label: t("dashboard.title") },
          { label: t("notifications.title") },
        ]}
      />
      <PageHeader title={t("notifications.title")} lead={t("notifications.lead")} />
      <FlashNotice />
      <p>{t("notifications.sentTo", { email: loaderData.email })}</p>
      <AppForm feedback={actionData?.feedback} aria-label={t("notifications.title")}>
        <fieldset className="field choices">
          <legend>{t("notifications.legend")}</legend>
          {switchable.map((p) => (
            <div className="choice" key={p.kind}>
              <input
                type="checkbox"
                id={`melding-${p.kind}`}
                name={p.kind}
                value="on"
                defaultChecked={p.email}
                aria-describedby={`melding-${p.kind}-hint`}
              />
              <label htmlFor={`melding-${p.kind}`}>{t(`notifications.kind.${p.kind}`)}</label>
              <p className="field__hint" id={`melding-${p.kind}-hint`}>
                {t(`notifications.kind.${p.kind}.hint`)}
              </p>
            </div>
          ))}
        </fieldset>
        <SubmitButton>{t("notifications.save")}</SubmitButton>
      </AppForm>
      <section aria-labelledby="altijd-verstuurd">
        <h2 id="altijd-verstuurd">{t("notifications.alwaysTitle")}</h2>
        <p>{t("notifications.alwaysText")}</p>
        <ul>
          {always.map((p) => (
            <li key={p.kind}>
              <strong>{t(`notifications.kind.${p.kind}`)}</strong>:{" "}
              {t(`notifications.kind.${p.kind}.hint`)}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
