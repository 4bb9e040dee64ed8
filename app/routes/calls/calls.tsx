import { href, Link } from "react-router";
import type { CallPhase } from "../../../src/calls/model";
import { callsPolicy } from "../../../src/calls/policy";
import { listPublishedCalls } from "../../../src/calls/read-calls";
import { formatBrussels } from "../../../src/platform/time";
import { EmptyState, PageHeader } from "../../components/page";
import { getActor } from "../../lib/actor.server";
import { useContentLang, useLocale, useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/calls";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "call.listTitle");

export async function loader({ request }: Route.LoaderArgs) {
  const actor = await getActor(request);
  const { database } = await services();
  const byPhase = await listPublishedCalls(database.db, new Date());
  const plain = (list: (typeof byPhase)[CallPhase]) =>
    list.map((c) => ({
      id: c.id,
      title: c.title,
      summary: c.summary,
      schoolYears: c.schoolYears,
      opensAt: c.opensAt?.toISOString() ?? null,
      closesAt: c.closesAt?.toISOString() ?? null,
    }));
  return {
    open: plain(byPhase.open),
    upcoming: plain(byPhase.upcoming),
    closed: plain(byPhase.closed),
    canManage: callsPolicy.viewDraftCall(actor),
  };
}

const sections = [
  { phase: "open", title: "call.openTitle", empty: "call.noneOpen", when: "call.closesOn" },
  {
    phase: "upcoming",
    title: "call.upcomingTitle",
    empty: "call.noneUpcoming",
    when: "call.opensOn",
  },
  { phase: "closed", title: "call.closedTitle", empty: "call.noneClosed", when: "call.closedOn" },
] as const;

export default function Calls({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const content = useContentLang();
  return (
    <>
      <PageHeader
        title={t("call.listTitle")}
        lead={t("call.listLead")}
        actions={
          loaderData.canManage && <Link to={href("/beheer/oproepen")}>{t("nav.callsManage")}</Link>
        }
      />
      {sections.map((section) => {
        const calls = loaderData[section.phase];
        return (
          <section key={section.phase} aria-labelledby={`calls-${section.phase}`}>
            <h2 id={`calls-${section.phase}`}>{t(section.title)}</h2>
            {calls.length === 0 ? (
              <EmptyState title={t(section.empty)} />
            ) : (
              <ul className="call-list">
                {calls.map((c) => {
                  const instant = section.phase === "upcoming" ? c.opensAt : c.closesAt;
                  return (
                    <li key={c.id} className="card">
                      <h3>
                        <Link to={href("/oproepen/:callId", { callId: c.id })} {...content}>
                          {c.title}
                        </Link>
                      </h3>
                      {c.summary && <p>{c.summary}</p>}
                      <p className="muted">
                        {instant &&
                          t(section.when, { date: formatBrussels(new Date(instant), locale) })}
                        {c.schoolYears.length > 0 &&
                          ` · ${t("call.field.schoolYears")}: ${c.schoolYears.join(", ")}`}
                      </p>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}
