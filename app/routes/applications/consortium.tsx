import { href, Link } from "react-router";
import { invitePartner } from "../../../src/applications/consortium/invite-partner";
import { partnerAnchor, schoolAnchor } from "../../../src/applications/consortium/problems";
import {
  type ConsortiumPartner,
  readConsortium,
  readConsortiumRules,
} from "../../../src/applications/consortium/read-consortium";
import { getApplication } from "../../../src/applications/read-applications";
import { formatEuro } from "../../../src/platform/money";
import { formatBrussels } from "../../../src/platform/time";
import { AppForm, ErrorSummary, SubmitButton } from "../../components/form";
import { Breadcrumbs, EmptyState, FlashNotice, PageHeader } from "../../components/page";
import { notFound, requireActor } from "../../lib/actor.server";
import { answer } from "../../lib/answer.server";
import { useLocale, useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/consortium";

// The consortium of an application: its schools with their sites and programmes, its partners
// with what each commits to and whether it confirmed, and the co-financing they bring. A
// coordinator of the lead school changes it and invites partners (a button per partner); the
// director and the programme team read it.

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  loaderData
    ? pageTitle(matches, "consortium.pageTitle", { title: loaderData.application.title })
    : [];

export async function loader({ request, params }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  const { database } = await services();
  const view = await getApplication(database.db, params.applicationId, actor, new Date());
  if (!view) notFound();
  const consortium = await readConsortium(database.db, view.id);
  const rules = await readConsortiumRules(database.db, view.id);
  if (!consortium || !rules) notFound();
  return {
    application: {
      id: view.id,
      title: view.title,
      canEdit: view.canEdit,
      closed: view.call.phase === "closed",
    },
    rules,
    consortium,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const actor = await requireActor(request);
  const form = await request.formData();
  const { database } = await services();
  const partnerId = form.get("partnerId");
  const result = await invitePartner(
    { db: database.db, actor },
    { applicationId: params.applicationId, partnerId },
  );
  return answer(result, {
    success: ({ partnerId }) => ({
      redirect: `${href("/aanvragen/:applicationId/consortium", params)}#${partnerAnchor(partnerId)}`,
      flash: "consortium.invitationScheduled",
    }),
    // The buttons post only a partner's id: one that is not one is an unknown partner.
    errors: () => ({ fieldErrors: {}, formErrors: ["consortium.error.unknownPartner"] }),
  });
}

export default function ConsortiumPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { application: a, consortium, rules } = loaderData;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/aanvragen"), label: t("application.listTitle") },
          { to: href("/aanvragen/:applicationId", { applicationId: a.id }), label: a.title },
          { label: t("consortium.title") },
        ]}
      />
      <PageHeader title={t("consortium.title")} lead={t("consortium.lead")} />
      <FlashNotice />
      <ErrorSummary feedback={actionData?.feedback} />
      {a.closed && <p className="notice notice--warning">{t("application.closed")}</p>}
      {!a.closed && !a.canEdit && (
        <p className="notice notice--info">{t("application.readOnly")}</p>
      )}
      <p>
        {t("consortium.requirements", {
          labour: rules.minLabourMarketPartners,
          education: rules.minEducationPartners,
        })}
      </p>

      <h2 id="scholen">{t("consortium.schoolsTitle")}</h2>
      {consortium.schools.map((s) => {
        const headingId = `${schoolAnchor(s.organisationId)}-titel`;
        return (
          <section
            key={s.organisationId}
            id={schoolAnchor(s.organisationId)}
            aria-labelledby={headingId}
            className="card consortium-entry"
          >
            <h3 id={headingId}>
              {s.name}{" "}
              <span className="tag">
                {s.isLead ? t("consortium.leadSchool") : t("consortium.coApplicant")}
              </span>
            </h3>
            <dl className="summary-list">
              <dt>{t("consortium.sites")}</dt>
              <dd>
                {s.sites.length === 0
                  ? t("consortium.noneChosen")
                  : s.sites.map((x) => `${x.siteNumber}. ${x.name}`).join("; ")}
              </dd>
              <dt>{t("consortium.programmes")}</dt>
              <dd>
                {s.programmes.length === 0
                  ? t("consortium.noneChosen")
                  : s.programmes.map((p) => p.name).join("; ")}
              </dd>
            </dl>
            {a.canEdit && (
              <p>
                <Link
                  to={href("/aanvragen/:applicationId/consortium/scholen/:organisationId", {
                    applicationId: a.id,
                    organisationId: s.organisationId,
                  })}
                >
                  {t("consortium.editSchool", { school: s.name })}
                </Link>
              </p>
            )}
          </section>
        );
      })}
      {a.canEdit && (
        <p>
          <Link
            to={href("/aanvragen/:applicationId/consortium/scholen/nieuw", { applicationId: a.id })}
            className="button button--secondary"
          >
            {t("consortium.addSchool")}
          </Link>
        </p>
      )}

      <h2 id="partners">{t("consortium.partnersTitle")}</h2>
      {consortium.partners.length === 0 && <EmptyState title={t("consortium.partnersNone")} />}
      {consortium.partners.map((p) => (
        <PartnerEntry key={p.id} partner={p} applicationId={a.id} canEdit={a.canEdit} />
      ))}
      {a.canEdit && (
        <p>
          <Link
            to={href("/aanvragen/:applicationId/consortium/partners/nieuw", {
              applicationId: a.id,
            })}
            className="button button--secondary"
          >
            {t("consortium.addPartner")}
          </Link>
        </p>
      )}

      <h2 id="cofinanciering">{t("consortium.totalsTitle")}</h2>
      <dl className="summary-list">
        <dt>{t("consortium.totalCash")}</dt>
        <dd>{formatEuro(consortium.totals.cashCents, locale)}</dd>
        <dt>{t("consortium.totalInKind")}</dt>
        <dd>{formatEuro(consortium.totals.inKindCents, locale)}</dd>
        <dt>{t("consortium.totalCoFinancing")}</dt>
        <dd>{formatEuro(consortium.totals.coFinancingCents, locale)}</dd>
      </dl>
      <p>
        <Link to={href("/aanvragen/:applicationId", { applicationId: a.id })}>
          {t("application.backToTaskList")}
        </Link>
      </p>
    </>
  );
}

function PartnerEntry(props: {
  partner: ConsortiumPartner;
  applicationId: string;
  canEdit: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const p = props.partner;
  const headingId = `${partnerAnchor(p.id)}-titel`;
  return (
    <section id={partnerAnchor(p.id)} aria-labelledby={headingId} className="card consortium-entry">
      <h3 id={headingId}>
        {p.name}{" "}
        <span className={`tag partner-status partner-status--${p.status}`}>
          {t(`consortium.statusName.${p.status}`)}
        </span>
      </h3>
      <dl className="summary-list">
        <dt>{t("consortium.kind")}</dt>
        <dd>
          {t(`kind.${p.kind}`)} ({t(`consortium.category.${p.category}`)})
          {p.proposedEnterpriseNumber && (
            <>
              <br />
              {t("consortium.proposed", { number: p.proposedEnterpriseNumber })}
            </>
          )}
        </dd>
        <dt>{t("consortium.roles")}</dt>
        <dd>{p.roles.map((r) => t(`consortium.role.${r}`)).join(", ")}</dd>
        <dt>{t("consortium.commitment")}</dt>
        <dd className="answer-text">{p.commitment}</dd>
        <dt>{t("consortium.inKind")}</dt>
        <dd>{formatEuro(p.inKindCents, locale)}</dd>
        <dt>{t("consortium.cash")}</dt>
        <dd>{formatEuro(p.cashCents, locale)}</dd>
        <dt>{t("consortium.contact")}</dt>
        <dd>
          {p.contactName} ({p.contactEmail})
        </dd>
        <dt>{t("consortium.status")}</dt>
        <dd>
          <PartnerStatusText partner={p} />
        </dd>
      </dl>
      {props.canEdit && (
        <div className="button-row">
          <Link
            to={href("/aanvragen/:applicationId/consortium/partners/:partnerId", {
              applicationId: props.applicationId,
              partnerId: p.id,
            })}
          >
            {t("consortium.editPartner", { partner: p.name })}
          </Link>
          {p.status !== "confirmed" && (
            <AppForm aria-label={t("consortium.invite", { partner: p.name })}>
              <input type="hidden" name="partnerId" value={p.id} />
              <SubmitButton secondary>
                {p.status === "notInvited"
                  ? t("consortium.invite", { partner: p.name })
                  : t("consortium.reinvite", { partner: p.name })}
              </SubmitButton>
            </AppForm>
          )}
        </div>
      )}
    </section>
  );
}

/** Not invited / invited (date) / confirmed (by whom, when) / declined (reason). */
function PartnerStatusText(props: { partner: ConsortiumPartner }) {
  const t = useT();
  const locale = useLocale();
  const p = props.partner;
  const when = (iso: string | null) => (iso ? formatBrussels(new Date(iso), locale) : "");
  switch (p.status) {
    case "notInvited":
      return <>{t("consortium.statusName.notInvited")}</>;
    case "invited":
      return (
        <>
          {p.needsReconfirmation
            ? t("consortium.statusDetail.reconfirm")
            : t("consortium.statusDetail.invited", { date: when(p.invitedAt) })}
        </>
      );
    case "confirmed":
      return (
        <>
          {t("consortium.statusDetail.confirmed", {
            name: p.respondedBy ?? "",
            date: when(p.respondedAt),
          })}
        </>
      );
    case "declined":
      return (
        <>
          {t("consortium.statusDetail.declined", {
            name: p.respondedBy ?? "",
            date: when(p.respondedAt),
          })}
          {p.declineReason && (
            <>
              <br />
              {t("consortium.statusDetail.reason", { reason: p.declineReason })}
            </>
          )}
        </>
      );
  }
}
