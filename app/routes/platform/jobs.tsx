import { href } from "react-router";
import { jobsPolicy } from "../../../src/platform/jobs/policy";
import { listTroubledJobs } from "../../../src/platform/jobs/read-jobs";
import { retryJob } from "../../../src/platform/jobs/retry-job";
import { formatBrussels } from "../../../src/platform/time";
import { AppForm, ErrorSummary, SubmitButton } from "../../components/form";
import { EmptyState, FlashNotice, PageHeader } from "../../components/page";
import { TableRegion } from "../../components/table";
import { forbidden, requireActor } from "../../lib/actor.server";
import { answer } from "../../lib/answer.server";
import { formValues } from "../../lib/form-data.server";
import { isMessageKey, useLocale, useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import { auditHistoryHref } from "../audit/history-href";
import type { Route } from "./+types/jobs";

// Scheduled jobs that need an administrator: failed for good, or failing and waiting for their
// next try, with their last error. "Retry now" makes a job due at once (an audited use case).

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "jobs.title");

export async function loader({ request }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  if (!jobsPolicy.viewJobs(actor)) forbidden();
  const { database } = await services();
  const jobs = await listTroubledJobs(database.db);
  return {
    canRetry: jobsPolicy.retryJob(actor),
    jobs: jobs.map((j) => ({
      ...j,
      nextRunAt: j.nextRunAt?.toISOString() ?? null,
      updatedAt: j.updatedAt.toISOString(),
    })),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const actor = await requireActor(request);
  const values = formValues(await request.formData());
  const { database } = await services();
  const result = await retryJob({ db: database.db, actor }, { id: values.id });
  return answer(result, {
    success: () => ({ redirect: href("/beheer/taken"), flash: "jobs.retried" }),
    values,
    // The buttons post only a job's id: one that is not one is an unknown job.
    errors: () => ({ fieldErrors: {}, formErrors: ["jobs.error.unknown"] }),
  });
}

export default function Jobs({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const kindLabel = (kind: string) => {
    const key = `jobs.kind.${kind}`;
    return isMessageKey(key) ? t(key) : kind;
  };
  const when = (iso: string | null) =>
    iso ? formatBrussels(new Date(iso), locale) : t("common.none");
  return (
    <>
      <PageHeader title={t("jobs.title")} lead={t("jobs.lead")} />
      <FlashNotice />
      <ErrorSummary feedback={actionData?.feedback} />
      {loaderData.jobs.length === 0 ? (
        <EmptyState title={t("jobs.empty")} />
      ) : (
        <TableRegion label={t("jobs.title")}>
          <table className="table">
            <caption className="visually-hidden">{t("jobs.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("jobs.col.kind")}</th>
                <th scope="col">{t("jobs.col.status")}</th>
                <th scope="col">{t("jobs.col.attempts")}</th>
                <th scope="col">{t("jobs.col.lastError")}</th>
                <th scope="col">{t("jobs.col.nextRun")}</th>
                {loaderData.canRetry && <th scope="col">{t("jobs.col.actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {loaderData.jobs.map((j) => (
                <tr key={j.id}>
                  <td>
                    {kindLabel(j.kind)}
                    <br />
                    <code className="small">{j.key}</code>
                  </td>
                  <td>
                    <span className="tag">{t(`jobs.status.${j.status}`)}</span>
                  </td>
                  <td>{t("jobs.attemptsOf", { attempts: j.attempts, max: j.maxAttempts })}</td>
                  <td>{j.lastError ? <code>{j.lastError}</code> : t("common.none")}</td>
                  <td>{when(j.nextRunAt)}</td>
                  {loaderData.canRetry && (
                    <td>
                      <AppForm
                        className="inline-form"
                        aria-label={t("jobs.retryLabel", { key: j.key })}
                      >
                        <input type="hidden" name="id" value={j.id} />
                        <SubmitButton secondary>
                          {t("jobs.retry")}
                          <span className="visually-hidden"> {j.key}</span>
                        </SubmitButton>
                      </AppForm>
                      <a href={auditHistoryHref("scheduledJob", j.id)} className="small-link">
                        {t("jobs.history")}
                      </a>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
