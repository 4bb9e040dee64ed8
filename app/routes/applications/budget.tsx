import { href, Link } from "react-router";
import { budgetCategories, budgetTotals } from "../../../src/applications/budget/model";
import { getApplication } from "../../../src/applications/read-applications";
import { readDossier } from "../../../src/applications/submission/dossier";
import { partnerCoFinancing } from "../../../src/applications/task-list";
import { formatEuro } from "../../../src/platform/money";
import { Breadcrumbs, EmptyState, FlashNotice, PageHeader } from "../../components/page";
import { TableRegion } from "../../components/table";
import { notFound, requireActor } from "../../lib/actor.server";
import { useLocale, useT } from "../../lib/i18n";
import { pageTitleAbout } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/budget";

// The budget step: the lines by category, the partners' co-financing from the consortium, and
// the totals against the call's per-project maximum and co-financing minimum, as the eligibility
// check will judge them.

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  loaderData ? pageTitleAbout(matches, "budget.title", loaderData.application.title) : [];

export async function loader({ request, params }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  const { database } = await services();
  const view = await getApplication(database.db, params.applicationId, actor, new Date());
  if (!view) notFound();
  const dossier = await readDossier(database.db, view.id);
  if (!dossier) notFound();
  const partners = partnerCoFinancing(dossier);
  return {
    application: { id: view.id, title: view.title, canEdit: view.canEdit },
    lines: dossier.budget.lines,
    partners,
    totals: budgetTotals(dossier.budget.lines, partners),
    rules: {
      maxPerProjectCents: dossier.call.maxPerProjectCents,
      minCoFinancingPercent: dossier.call.minCoFinancingPercent,
    },
  };
}

export default function Budget({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const euro = (cents: number) => formatEuro(cents, locale);
  const { application: a, lines, partners, totals, rules } = loaderData;
  const base = href("/aanvragen/:applicationId", { applicationId: a.id });
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/aanvragen"), label: t("application.listTitle") },
          { to: base, label: a.title },
          { label: t("budget.title") },
        ]}
      />
      <PageHeader title={t("budget.title")} lead={t("budget.lead")} />
      <FlashNotice />
      <h2 id="regels">{t("budget.linesTitle")}</h2>
      {lines.length === 0 ? (
        <EmptyState title={t("budget.noLines")} />
      ) : (
        <TableRegion labelledBy="regels">
          <table className="table" aria-labelledby="regels">
            <thead>
              <tr>
                <th scope="col">{t("budget.category")}</th>
                <th scope="col">{t("budget.description")}</th>
                <th scope="col" className="numeric">
                  {t("budget.amount")}
                </th>
                {a.canEdit && (
                  <th scope="col">
                    <span className="visually-hidden">{t("budget.actions")}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.id}>
                  <td>{t(`budget.category.${line.category}`)}</td>
                  <td>
                    {line.description}
                    {line.hours !== null && line.hourlyCostCents !== null && (
                      <>
                        <br />
                        <span className="muted">
                          {t("budget.hoursTimesCost", {
                            hours: line.hours.toLocaleString(locale === "nl" ? "nl-BE" : "en-GB"),
                            cost: euro(line.hourlyCostCents),
                          })}
                        </span>
                      </>
                    )}
                  </td>
                  <td className="numeric">{euro(line.amountCents)}</td>
                  {a.canEdit && (
                    <td>
                      <Link
                        to={href("/aanvragen/:applicationId/budget/regels/:lineId", {
                          applicationId: a.id,
                          lineId: line.id,
                        })}
                      >
                        {t("budget.change")}
                        <span className="visually-hidden"> {line.description}</span>
                      </Link>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {a.canEdit && (
        <p>
          <Link
            to={href("/aanvragen/:applicationId/budget/regels/:lineId", {
              applicationId: a.id,
              lineId: "nieuw",
            })}
            className="button button--secondary"
          >
            {t("budget.addLine")}
          </Link>
        </p>
      )}
      <h2 id="cofinanciering">{t("budget.coFinancingTitle")}</h2>
      <p>{t("budget.coFinancingLead")}</p>
      {partners.length === 0 ? (
        <EmptyState title={t("budget.noCoFinancing")} />
      ) : (
        <TableRegion labelledBy="cofinanciering">
          <table className="table" aria-labelledby="cofinanciering">
            <thead>
              <tr>
                <th scope="col">{t("budget.partner")}</th>
                <th scope="col" className="numeric">
                  {t("budget.cash")}
                </th>
                <th scope="col" className="numeric">
                  {t("budget.inKind")}
                </th>
              </tr>
            </thead>
            <tbody>
              {partners.map((p) => (
                <tr key={p.name}>
                  <td>{p.name}</td>
                  <td className="numeric">{euro(p.cashCents)}</td>
                  <td className="numeric">{euro(p.inKindCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <p>
        <Link to={href("/aanvragen/:applicationId/consortium", { applicationId: a.id })}>
          {t("budget.toConsortium")}
        </Link>
      </p>
      <h2 id="totalen">{t("budget.totalsTitle")}</h2>
      <dl className="summary-list">
        {budgetCategories
          .filter((c) => totals.byCategory[c] > 0)
          .map((c) => (
            <div key={c} className="summary-list__row">
              <dt>{t(`budget.category.${c}`)}</dt>
              <dd>{euro(totals.byCategory[c])}</dd>
            </div>
          ))}
        <div className="summary-list__row">
          <dt>{t("budget.totalCost")}</dt>
          <dd>{euro(totals.totalCostCents)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("budget.totalCoFinancing")}</dt>
          <dd>
            {euro(totals.coFinancingCents)}{" "}
            {t("budget.percentOfCost", { percent: totals.coFinancingPercent })}
            {rules.minCoFinancingPercent !== null && (
              <> {t("budget.minimumPercent", { percent: rules.minCoFinancingPercent })}</>
            )}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("budget.requested")}</dt>
          <dd>
            {euro(totals.requestedCents)}
            {rules.maxPerProjectCents !== null && (
              <> {t("budget.maximum", { amount: euro(rules.maxPerProjectCents) })}</>
            )}
          </dd>
        </div>
      </dl>
      <p>
        <Link to={base}>{t("submission.backToApplication")}</Link>
      </p>
    </>
  );
}
