import { data, href } from "react-router";
import { readInvitation } from "../../../src/applications/consortium/read-invitation";
import { respondToInvitation } from "../../../src/applications/consortium/respond-to-invitation";
import { formatEuro } from "../../../src/platform/money";
import { formatBrussels } from "../../../src/platform/time";
import {
  AppForm,
  ChoiceGroup,
  SubmitButton,
  TextAreaField,
  TextField,
} from "../../components/form";
import { formConstraints } from "../../components/form-constraints.server";
import { FlashNotice, PageHeader } from "../../components/page";
import { answer } from "../../lib/answer.server";
import { useLocale, useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/consortium-invitation";

// The partner's invitation page, public: the link's token is the credential, nobody signs in.
// It shows what the partner is asked to confirm and takes the answer. An unknown, replaced or
// expired link gets a page that says so (404 or 410), never an error.

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "invitation.title");

/** The page is opened by a credential in its address: no cache keeps a copy of it. */
export function headers(): HeadersInit {
  return { "Cache-Control": "no-store" };
}

export async function loader({ params }: Route.LoaderArgs) {
  const { database } = await services();
  const found = await readInvitation(database.db, params.token, new Date());
  if (found.state === "valid")
    return { ...found, constraints: formConstraints(respondToInvitation.spec.input) };
  return data(found, found.state === "expired" ? 410 : 404);
}

export async function action({ request, params }: Route.ActionArgs) {
  const form = await request.formData();
  const { database } = await services();
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const values = {
    respondentName: text("respondentName"),
    response: text("response"),
    reason: text("reason"),
  };
  const result = await respondToInvitation(
    { db: database.db, actor: null },
    { token: params.token, ...values },
  );
  return answer(result, {
    success: () => ({ redirect: href("/uitnodiging/:token", params), flash: "invitation.thanks" }),
    values,
    notFoundInForm: "consortium.invitation.unknown",
  });
}

export default function Invitation({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  if (loaderData.state === "invalid")
    return <PageHeader title={t("invitation.invalidTitle")} lead={t("invitation.invalidText")} />;
  if (loaderData.state === "expired")
    return (
      <PageHeader title={t("invitation.expiredTitle")} lead={t("consortium.invitation.expired")} />
    );
  const i = loaderData.invitation;
  const when = (iso: string | null) => (iso ? formatBrussels(new Date(iso), locale) : "");
  return (
    <>
      <PageHeader
        title={t("invitation.title")}
        lead={t("invitation.lead", {
          school: i.leadSchool,
          title: i.applicationTitle,
          call: i.callTitle,
        })}
      />
      <FlashNotice />
      {i.needsReconfirmation && i.status === "invited" && (
        <p className="notice notice--warning">{t("invitation.reconfirm")}</p>
      )}
      <dl className="summary-list">
        <dt>{t("invitation.partner")}</dt>
        <dd>
          {i.partnerName}
          {i.partnerKind && ` (${t(`kind.${i.partnerKind}`)})`}
        </dd>
        <dt>{t("invitation.application")}</dt>
        <dd>{i.applicationTitle}</dd>
        <dt>{t("invitation.leadSchool")}</dt>
        <dd>{i.leadSchool}</dd>
        <dt>{t("invitation.call")}</dt>
        <dd>{i.callTitle}</dd>
        <dt>{t("consortium.roles")}</dt>
        <dd>{i.roles.map((r) => t(`consortium.role.${r}`)).join(", ")}</dd>
        <dt>{t("consortium.commitment")}</dt>
        <dd className="answer-text">{i.commitment}</dd>
        <dt>{t("consortium.inKind")}</dt>
        <dd>{formatEuro(i.inKindCents, locale)}</dd>
        <dt>{t("consortium.cash")}</dt>
        <dd>{formatEuro(i.cashCents, locale)}</dd>
      </dl>
      {i.status === "confirmed" && (
        <p className="notice notice--success">
          {t("invitation.confirmed", { name: i.respondedBy ?? "", date: when(i.respondedAt) })}
        </p>
      )}
      {i.status === "declined" && (
        <p className="notice notice--info">
          {t("invitation.declined", { name: i.respondedBy ?? "", date: when(i.respondedAt) })}
          {i.declineReason && (
            <>
              <br />
              {t("consortium.statusDetail.reason", { reason: i.declineReason })}
            </>
          )}
        </p>
      )}
      {i.closed && i.status === "invited" && (
        <p className="notice notice--warning">{t("invitation.closedText")}</p>
      )}
      {i.canRespond && (
        <section aria-labelledby="antwoord">
          <h2 id="antwoord">{t("invitation.respondTitle")}</h2>
          <p>{t("invitation.validUntil", { date: when(i.expiresAt) })}</p>
          <AppForm
            constraints={"constraints" in loaderData ? loaderData.constraints : undefined}
            feedback={actionData?.feedback}
            labels={{
              respondentName: t("invitation.field.respondentName"),
              response: t("invitation.field.response"),
              reason: t("invitation.field.reason"),
            }}
          >
            <TextField
              name="respondentName"
              hint={t("invitation.hint.respondentName")}
              autoComplete="name"
            />
            <ChoiceGroup
              name="response"
              type="radio"
              options={[
                { value: "confirm", label: t("invitation.response.confirm") },
                { value: "decline", label: t("invitation.response.decline") },
              ]}
            />
            <TextAreaField name="reason" rows={3} />
            <SubmitButton>{t("invitation.send")}</SubmitButton>
          </AppForm>
        </section>
      )}
    </>
  );
}
