import { href, Link } from "react-router";
import { getSubmission } from "../../../src/applications/submission/read-submission";
import { receiptState } from "../../../src/applications/submission/receipt-job";
import { formatBrussels } from "../../../src/platform/time";
import { Breadcrumbs, FlashNotice, PageHeader } from "../../components/page";
import { notFound, requireActor } from "../../lib/actor.server";
import { useLocale, useT } from "../../lib/i18n";
import { plainTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/submission-receipt";

// The receipt of one submission: when, by whom, its SHA-256 fingerprint and the PDF of exactly
// what was submitted. It stays reachable after a withdrawal (it is a record, not the status).
// The PDF is made by a job after the submission (ADR 0024): until it is stored the page says so,
// with a plain link to load the page again (no JavaScript needed).

export const meta: Route.MetaFunction = ({ loaderData }) =>
  loaderData ? plainTitle(loaderData.submission.title) : [];

export async function loader({ request, params }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  const { database } = await services();
  const sequence = Number(params.sequence);
  const view = await getSubmission(database.db, params.applicationId, sequence, actor);
  if (!view) notFound();
  return {
    submission: {
      applicationId: view.applicationId,
      sequence: view.sequence,
      title: view.snapshot.application.title,
      callTitle: view.snapshot.call.title,
      submittedAt: view.submittedAt.toISOString(),
      submittedBy: view.snapshot.submission.submittedBy.name,
      fingerprint: view.fingerprint,
      withdrawn: view.latest && view.applicationStatus === "withdrawn",
      superseded: !view.latest,
    },
    pdf: await receiptState(database.db, view.id, view.receipt !== null),
  };
}

export default function SubmissionReceipt({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const s = loaderData.submission;
  const base = href("/aanvragen/:applicationId", { applicationId: s.applicationId });
  const here = href("/aanvragen/:applicationId/indieningen/:sequence", {
    applicationId: s.applicationId,
    sequence: String(s.sequence),
  });
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/aanvragen"), label: t("application.listTitle") },
          { to: base, label: s.title },
          { label: t("submission.receiptTitle") },
        ]}
      />
      <PageHeader
        title={t("submission.receiptTitle")}
        lead={t("submission.receiptLead", { title: s.title, call: s.callTitle })}
      />
      <FlashNotice />
      {s.withdrawn && <p className="notice notice--warning">{t("submission.receiptWithdrawn")}</p>}
      {s.superseded && <p className="notice notice--info">{t("submission.receiptSuperseded")}</p>}
      <dl className="summary-list">
        <dt>{t("submission.receiptSubmittedAt")}</dt>
        <dd>
          {formatBrussels(new Date(s.submittedAt), locale)} ({t("submission.pdf.brusselsTime")})
        </dd>
        <dt>{t("submission.receiptSubmittedBy")}</dt>
        <dd>{s.submittedBy}</dd>
        <dt>{t("submission.receiptSequence")}</dt>
        <dd>{s.sequence}</dd>
        <dt>{t("submission.receiptFingerprint")}</dt>
        <dd>
          <code className="fingerprint" data-testid="fingerprint">
            {s.fingerprint}
          </code>
          <p className="field__hint">{t("submission.receiptFingerprintHint")}</p>
        </dd>
      </dl>
      {loaderData.pdf === "ready" ? (
        <p>
          <a
            className="button"
            href={href("/aanvragen/:applicationId/indieningen/:sequence/pdf", {
              applicationId: s.applicationId,
              sequence: String(s.sequence),
            })}
            download
          >
            {t("submission.downloadPdf")}
          </a>
        </p>
      ) : loaderData.pdf === "pending" ? (
        <div className="notice notice--info" role="status">
          <p>{t("submission.receiptPending")}</p>
          <p>
            <a href={here}>{t("submission.receiptPendingRefresh")}</a>
          </p>
        </div>
      ) : (
        <p className="notice notice--warning">{t("submission.receiptFailed")}</p>
      )}
      <p>
        <Link to={base}>{t("submission.backToApplication")}</Link>
      </p>
    </>
  );
}
