import { href, Link } from "react-router";
import { moderateReplication } from "../../../src/library/moderate-replication";
import { libraryPolicy } from "../../../src/library/policy";
import { listModerationQueue } from "../../../src/library/read-material";
import { replicationQueue } from "../../../src/library/read-replications";
import { formatBrusselsDate } from "../../../src/platform/time";
import { AppForm, SubmitButton, TextAreaField } from "../../components/form";
import { EmptyState, FlashNotice, PageHeader } from "../../components/page";
import { TableRegion } from "../../components/table";
import { forbidden, requireActor } from "../../lib/actor.server";
import { answer } from "../../lib/answer.server";
import { formValues } from "../../lib/form-data.server";
import { useLocale, useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/moderation-queue";

// The moderators' queue: versions waiting for review (oldest first; never one's own material) and
// schools' reports of using a material, each published or rejected with a note.

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "library.queueTitle");

export async function loader({ request }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  if (!libraryPolicy.moderateReplication(actor)) forbidden();
  const { database } = await services();
  const versions = await listModerationQueue(database.db, actor);
  const reports = await replicationQueue(database.db, actor);
  return {
    versions: versions.map((v) => ({ ...v, submittedAt: v.submittedAt?.toISOString() ?? null })),
    reports: reports.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const actor = await requireActor(request);
  const values = formValues(await request.formData());
  const { database } = await services();
  const result = await moderateReplication(
    { db: database.db, actor },
    { reportId: values.reportId, decision: values.intent, note: values.note },
  );
  return answer(result, {
    success: () => ({
      redirect: href("/beheer/moderatie"),
      flash: values.intent === "publish" ? "library.reportPublished" : "library.reportRejected",
    }),
    values,
    extra: { reportId: values.reportId ?? "" },
  });
}

export default function ModerationQueue({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <PageHeader title={t("library.queueTitle")} lead={t("library.queueLead")} />
      <FlashNotice />
      <section aria-labelledby="versies-wachten">
        <h2 id="versies-wachten">{t("library.queueVersions")}</h2>
        {loaderData.versions.length === 0 ? (
          <EmptyState title={t("library.queueEmpty")} />
        ) : (
          <TableRegion labelledBy="versies-wachten">
            <table className="table" aria-labelledby="versies-wachten">
              <thead>
                <tr>
                  <th scope="col">{t("library.field.title")}</th>
                  <th scope="col">{t("library.publishedFor")}</th>
                  <th scope="col">{t("library.stateColumn")}</th>
                  <th scope="col">{t("library.submittedOn")}</th>
                </tr>
              </thead>
              <tbody>
                {loaderData.versions.map((v) => (
                  <tr key={v.versionId}>
                    <td>
                      <Link
                        to={href("/bibliotheek/:materialId/versies/:number/moderatie", {
                          materialId: v.materialId,
                          number: String(v.number),
                        })}
                      >
                        {v.title} ({t("library.versionShort", { number: v.number })})
                      </Link>
                    </td>
                    <td>{v.organisationName}</td>
                    <td>{t(`library.state.${v.state}`)}</td>
                    <td>
                      {v.submittedAt ? formatBrusselsDate(new Date(v.submittedAt), locale) : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </section>
      <section aria-labelledby="verslagen-wachten">
        <h2 id="verslagen-wachten">{t("library.queueReports")}</h2>
        {loaderData.reports.length === 0 ? (
          <EmptyState title={t("library.queueReportsEmpty")} />
        ) : (
          loaderData.reports.map((r) => (
            <article key={r.id} className="panel" aria-labelledby={`verslag-${r.id}`}>
              <h3 id={`verslag-${r.id}`}>
                {r.school}:{" "}
                <Link to={href("/bibliotheek/:materialId", { materialId: r.materialId })}>
                  {r.title}
                </Link>
              </h3>
              <p>{t("library.replicationCounts", { pupils: r.pupils, teachers: r.teachers })}</p>
              <p className="answer-text">{r.experience}</p>
              <AppForm
                feedback={actionData?.reportId === r.id ? actionData.feedback : undefined}
                // One school may report on several materials: the title tells the forms apart.
                aria-label={t("library.moderateReport", { school: r.school, title: r.title })}
              >
                <input type="hidden" name="reportId" value={r.id} />
                <TextAreaField
                  name="note"
                  label={t("library.moderationNote")}
                  hint={t("library.reportNoteHint")}
                  rows={2}
                />
                <div className="button-row">
                  <SubmitButton name="intent" value="publish">
                    {t("library.publishReport")}
                  </SubmitButton>
                  <SubmitButton name="intent" value="reject" secondary>
                    {t("library.rejectReport")}
                  </SubmitButton>
                </div>
              </AppForm>
            </article>
          ))
        )}
      </section>
    </>
  );
}
