import type { ReactNode } from "react";
import { href, Link } from "react-router";
import {
  type PartnerHome,
  readPartnerHome,
} from "../../../src/applications/consortium/read-partner-home";
import {
  type CallWithCounts,
  readCallCounts,
} from "../../../src/applications/manage/read-call-counts";
import { applicationStatuses } from "../../../src/applications/model";
import {
  readSchoolHome,
  type SchoolHomeApplication,
} from "../../../src/applications/read-school-home";
import { organisationsByIds } from "../../../src/directory/organisations-of";
import type { Role } from "../../../src/identity/roles";
import {
  type AuthorHome,
  type ModerationHome,
  readAuthorHome,
  readModerationHome,
} from "../../../src/library/read-library-home";
import { formatBrussels } from "../../../src/platform/time";
import { FlashNotice, PageHeader } from "../../components/page";
import { requireActor } from "../../lib/actor.server";
import { useLocale, useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/dashboard";

// A person's home (/mijn): per role they hold, what they have to do and where it stands. Each
// role's part comes from its area's read query (src/<area>/read-*.ts); roles whose area is not
// built yet say what will come. Their details and notification settings below.

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "dashboard.title");

export async function loader({ request }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  const { database } = await services();
  const db = database.db;
  const now = new Date();
  const organisations = await organisationsByIds(db, [
    ...new Set(actor.memberships.map((m) => m.organisationId)),
  ]);
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const roles = [...new Set(actor.memberships.map((m) => m.role))];
  const has = (role: Role) => roles.includes(role);
  return {
    name: actor.name,
    roles: roles.map((role) => ({
      role,
      organisations: actor.memberships
        .filter((m) => m.role === role)
        .flatMap((m) => {
          const o = byId.get(m.organisationId);
          return o ? [{ id: o.id, name: o.name }] : [];
        }),
    })),
    coordinator: has("schoolCoordinator")
      ? await readSchoolHome(db, actor, "schoolCoordinator", now)
      : null,
    director: has("schoolDirector") ? await readSchoolHome(db, actor, "schoolDirector", now) : null,
    partner: has("partnerContact") ? await readPartnerHome(db, actor, now) : null,
    author: has("teacher") ? await readAuthorHome(db, actor) : null,
    moderation: await readModerationHome(db, actor),
    calls: has("programmeManager") ? await readCallCounts(db, now) : null,
  };
}

type Data = Route.ComponentProps["loaderData"];

export default function Dashboard({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const d = loaderData;
  return (
    <>
      <PageHeader title={t("dashboard.title")} lead={t("layout.signedInAs", { name: d.name })} />
      <FlashNotice />
      {d.roles.length === 0 && <p>{t("dashboard.noRoles")}</p>}
      {d.roles.map(({ role, organisations }) => (
        <section key={role} aria-labelledby={`rol-${role}`} className="dashboard-role">
          <h2 id={`rol-${role}`}>{t(`role.${role}`)}</h2>
          {organisations.length > 0 && (
            <p>
              {organisations.map((o, i) => (
                <span key={o.id}>
                  {i > 0 && ", "}
                  <Link to={href("/gids/:organisationId", { organisationId: o.id })}>{o.name}</Link>
                </span>
              ))}
            </p>
          )}
          <p>{t(`dashboard.role.${role}`)}</p>
          <RolePart role={role} data={d} />
        </section>
      ))}
      <section aria-labelledby="gegevens">
        <h2 id="gegevens">{t("dashboard.detailsTitle")}</h2>
        <p>{t("dashboard.detailsText")}</p>
        <p>
          <Link to={href("/mijn/gegevens")}>{t("dashboard.detailsLink")}</Link>
        </p>
      </section>
      <section aria-labelledby="meldingen">
        <h2 id="meldingen">{t("notifications.dashboardTitle")}</h2>
        <p>{t("notifications.dashboardText")}</p>
        <p>
          <Link to={href("/mijn/meldingen")}>{t("notifications.dashboardLink")}</Link>
        </p>
      </section>
    </>
  );
}

function RolePart(props: { role: Role; data: Data }): ReactNode {
  const d = props.data;
  switch (props.role) {
    case "schoolCoordinator":
      return d.coordinator && <CoordinatorPart applications={d.coordinator} />;
    case "schoolDirector":
      return d.director && <DirectorPart applications={d.director} />;
    case "partnerContact":
      return d.partner && <PartnerPart home={d.partner} />;
    case "teacher":
      return d.author && <AuthorPart home={d.author} />;
    case "programmeManager":
      return (
        <>
          {d.calls && <ManagerPart calls={d.calls} />}
          {d.moderation && <ModerationPart home={d.moderation} />}
        </>
      );
    case "guidanceCounsellor":
      return d.moderation && <ModerationPart home={d.moderation} />;
    case "platformAdmin":
      return <AdminPart />;
    default:
      // Reviewers and policy viewers: their areas are not built yet; the role's text says so.
      return null;
  }
}

function StatusTag(props: { status: SchoolHomeApplication["status"] }) {
  const t = useT();
  return <span className="tag">{t(`application.status.${props.status}`)}</span>;
}

/** One application: its status, call and deadline, approval, and what is still missing. */
function ApplicationItem(props: { a: SchoolHomeApplication; showMissing: boolean }) {
  const t = useT();
  const locale = useLocale();
  const { a } = props;
  const draftInOpenCall = a.status === "draft" && a.phase === "open";
  return (
    <li className="dashboard-item">
      <p>
        <Link to={href("/aanvragen/:applicationId", { applicationId: a.id })}>{a.title}</Link>{" "}
        <StatusTag status={a.status} />
        {a.approval !== "notRequired" && a.status === "draft" && (
          <>
            {" "}
            <span className="tag">{t(`approval.state.${a.approval}`)}</span>
          </>
        )}
      </p>
      <p>
        {a.callTitle}
        {draftInOpenCall && a.closesAt && (
          <>
            {" · "}
            {t("dashboard.deadline", { date: formatBrussels(new Date(a.closesAt), locale) })}
          </>
        )}
      </p>
      {props.showMissing && draftInOpenCall && <Missing a={a} />}
    </li>
  );
}

function Missing(props: { a: SchoolHomeApplication }) {
  const t = useT();
  const { a } = props;
  if (a.missing.length === 0)
    return a.approval === "waiting" || a.approval === "lapsed" ? (
      <p>{t("approval.explain.waiting", { school: a.schoolName })}</p>
    ) : (
      <p>{t("dashboard.nothingMissing")}</p>
    );
  return (
    <>
      <p id={`nog-${a.id}`}>{t("dashboard.missing")}:</p>
      <ul aria-labelledby={`nog-${a.id}`}>
        {a.missing.map((m) => (
          <li key={`${m.kind}-${m.id}`}>
            {m.kind === "section" ? m.title : t(`application.step.${m.id}`)}
          </li>
        ))}
      </ul>
    </>
  );
}

function CoordinatorPart(props: { applications: SchoolHomeApplication[] }) {
  const t = useT();
  return (
    <>
      <h3>{t("dashboard.coordinator.title")}</h3>
      {props.applications.length === 0 ? (
        <p>{t("dashboard.coordinator.none")}</p>
      ) : (
        <ul className="plain-list dashboard-list">
          {props.applications.map((a) => (
            <ApplicationItem key={a.id} a={a} showMissing />
          ))}
        </ul>
      )}
      <ul className="plain-list">
        <li>
          <Link to={href("/oproepen")}>{t("dashboard.coordinator.start")}</Link>
        </li>
        <li>
          <Link to={href("/aanvragen")}>{t("dashboard.allApplications")}</Link>
        </li>
      </ul>
    </>
  );
}

function DirectorPart(props: { applications: SchoolHomeApplication[] }) {
  const t = useT();
  const waiting = props.applications.filter((a) => a.waitsForApproval);
  const others = props.applications.filter((a) => !a.waitsForApproval);
  return (
    <>
      <h3>{t("dashboard.director.title")}</h3>
      {waiting.length === 0 ? (
        <p>{t("dashboard.director.none")}</p>
      ) : (
        <ul className="plain-list dashboard-list">
          {waiting.map((a) => (
            <li key={a.id} className="dashboard-item">
              <p>
                <Link to={href("/aanvragen/:applicationId/goedkeuren", { applicationId: a.id })}>
                  {t("dashboard.director.read")}: {a.title}
                </Link>{" "}
                <span className="tag">{t(`approval.state.${a.approval}`)}</span>
              </p>
              <p>{a.callTitle}</p>
            </li>
          ))}
        </ul>
      )}
      <h3>{t("dashboard.director.others")}</h3>
      {others.length === 0 ? (
        <p>{t("dashboard.director.noOthers")}</p>
      ) : (
        <ul className="plain-list dashboard-list">
          {others.map((a) => (
            <ApplicationItem key={a.id} a={a} showMissing={false} />
          ))}
        </ul>
      )}
    </>
  );
}

function PartnerPart(props: { home: PartnerHome }) {
  const t = useT();
  const locale = useLocale();
  const { openInvitations, consortia } = props.home;
  return (
    <>
      <h3>{t("dashboard.partner.invitationsTitle")}</h3>
      {openInvitations.length === 0 ? (
        <p>{t("dashboard.partner.noInvitations")}</p>
      ) : (
        <ul className="plain-list dashboard-list">
          {openInvitations.map((c) => (
            <li key={c.partnerId} className="dashboard-item">
              <p>
                {t("dashboard.partner.invitation", {
                  school: c.leadSchoolName,
                  partner: c.partnerName,
                  title: c.applicationTitle,
                  call: c.callTitle,
                })}
              </p>
              <p>
                {t("dashboard.partner.invitationHow", {
                  email: c.contactEmail,
                  date: c.invitationExpiresAt
                    ? formatBrussels(new Date(c.invitationExpiresAt), locale)
                    : t("common.none"),
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <h3>{t("dashboard.partner.consortiaTitle")}</h3>
      {consortia.length === 0 ? (
        <p>{t("dashboard.partner.noConsortia")}</p>
      ) : (
        <ul className="plain-list dashboard-list">
          {consortia.map((c) => (
            <li key={c.partnerId} className="dashboard-item">
              <p>
                {t("dashboard.partner.consortium", {
                  title: c.applicationTitle,
                  school: c.leadSchoolName,
                })}{" "}
                <span className="tag">{t(`consortium.statusName.${c.status}`)}</span>{" "}
                <span className="tag">{t(`application.status.${c.applicationStatus}`)}</span>
              </p>
              <p>{c.callTitle}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function AuthorPart(props: { home: AuthorHome }) {
  const t = useT();
  const { materials } = props.home;
  return (
    <>
      <h3>{t("dashboard.author.title")}</h3>
      {materials.length === 0 ? (
        <p>{t("dashboard.author.none")}</p>
      ) : (
        <ul className="plain-list dashboard-list">
          {materials.map((m) => (
            <li key={m.id}>
              <Link to={href("/bibliotheek/:materialId", { materialId: m.id })}>{m.title}</Link>{" "}
              <span className="tag">{t(`library.state.${m.state}`)}</span>
            </li>
          ))}
        </ul>
      )}
      <ul className="plain-list">
        <li>
          <Link to={href("/bibliotheek/nieuw")}>{t("dashboard.author.new")}</Link>
        </li>
        <li>
          <Link to={href("/bibliotheek")}>{t("dashboard.author.all")}</Link>
        </li>
      </ul>
    </>
  );
}

function ModerationPart(props: { home: ModerationHome }) {
  const t = useT();
  const m = props.home;
  return (
    <>
      <h3>{t("dashboard.moderation.title")}</h3>
      <dl className="summary-list">
        <dt>{t("dashboard.moderation.submitted")}</dt>
        <dd>{m.submitted}</dd>
        <dt>{t("dashboard.moderation.inReview")}</dt>
        <dd>{m.inReview}</dd>
        <dt>{t("dashboard.moderation.replications")}</dt>
        <dd>{m.replications}</dd>
      </dl>
      {m.oldest.length === 0 ? (
        <p>{t("dashboard.moderation.empty")}</p>
      ) : (
        <>
          <p id="eerst-aan-de-beurt">{t("dashboard.moderation.oldest")}:</p>
          <ul aria-labelledby="eerst-aan-de-beurt">
            {m.oldest.map((v) => (
              <li key={`${v.materialId}-${v.number}`}>
                <Link
                  to={href("/bibliotheek/:materialId/versies/:number/moderatie", {
                    materialId: v.materialId,
                    number: String(v.number),
                  })}
                >
                  {v.title}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link to={href("/beheer/moderatie")}>{t("dashboard.moderation.link")}</Link>
      </p>
    </>
  );
}

function ManagerPart(props: { calls: CallWithCounts[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h3>{t("dashboard.manager.title")}</h3>
      {props.calls.length === 0 && <p>{t("dashboard.manager.none")}</p>}
      {props.calls.map((c) => (
        <section key={c.id} aria-labelledby={`oproep-${c.id}`} className="dashboard-item">
          <h4 id={`oproep-${c.id}`}>{c.title}</h4>
          <p>
            <span className="tag">
              {c.phase ? t(`call.phase.${c.phase}`) : t(`call.status.${c.status}`)}
            </span>
            {c.closesAt && (
              <>
                {" "}
                {t("dashboard.deadline", { date: formatBrussels(new Date(c.closesAt), locale) })}
              </>
            )}
          </p>
          {c.status === "published" && (
            <>
              <dl className="summary-list">
                {applicationStatuses.map((s) => (
                  <div key={s} className="summary-list__row">
                    <dt>{t(`application.status.${s}`)}</dt>
                    <dd>{c.counts[s]}</dd>
                  </div>
                ))}
                <div className="summary-list__row">
                  <dt>{t("dashboard.manager.completeDrafts")}</dt>
                  <dd>{c.completeDrafts}</dd>
                </div>
              </dl>
              <p>
                <Link to={href("/beheer/oproepen/:callId/aanvragen", { callId: c.id })}>
                  {t("dashboard.manager.applications")}
                  <span className="visually-hidden">: {c.title}</span>
                </Link>
              </p>
            </>
          )}
        </section>
      ))}
      <p>
        <Link to={href("/beheer/oproepen")}>{t("dashboard.manager.manageCalls")}</Link>
      </p>
    </>
  );
}

function AdminPart() {
  const t = useT();
  return (
    <ul className="plain-list">
      <li>
        <Link to={href("/beheer/personen")}>{t("dashboard.admin.people")}</Link>
      </li>
      <li>
        <Link to={href("/beheer/audit")}>{t("dashboard.admin.audit")}</Link>
      </li>
      <li>
        <Link to={href("/beheer/taken")}>{t("dashboard.admin.jobs")}</Link>
      </li>
    </ul>
  );
}
