import { href } from "react-router";
import { formatFileSize } from "../../../src/applications/attachments/model";
import {
  type AttachmentCeiling,
  questionAttachmentLimits,
} from "../../../src/calls/attachment-limits";
import type { Question } from "../../../src/calls/form-definition";
import { wordLimit, wordsPerPage } from "../../../src/calls/question-types";
import type { CallView } from "../../../src/calls/read-calls";
import type { MessageKey } from "../../../src/i18n/translate";
import { formatEuro } from "../../../src/platform/money";
import { formatBrussels, formatBrusselsDate } from "../../../src/platform/time";
import { useContentLang, useLocale, useT } from "../../lib/i18n";

// A call in full, as the public sees it; also the preview of a draft (not a route).

/** What the loader sends: dates as ISO strings, so the page renders the same on both sides. */
export type CallViewData = ReturnType<typeof callViewData>;

/**
 * The call for its page. `ceiling` is the platform's attachment limit (config): an attachments
 * question shows what the upload will really accept (src/calls/attachment-limits.ts).
 */
export function callViewData(view: CallView, ceiling: AttachmentCeiling) {
  const c = view.call;
  const attachmentLimits: Record<string, AttachmentCeiling> = {};
  for (const q of view.form.sections.flatMap((s) => s.questions))
    if (q.type === "attachments") attachmentLimits[q.id] = questionAttachmentLimits(q, ceiling);
  return {
    id: c.id,
    status: c.status,
    phase: view.phase,
    title: c.title,
    summary: c.summary,
    body: c.body,
    schoolYears: c.schoolYears,
    maxDurationMonths: c.maxDurationMonths,
    themes: c.themes,
    changeLevels: c.changeLevels,
    educationForms: c.educationForms,
    finalities: c.finalities,
    studyDomains: c.studyDomains,
    minLabourMarketPartners: c.minLabourMarketPartners,
    minEducationPartners: c.minEducationPartners,
    totalBudgetCents: c.totalBudgetCents,
    maxPerProjectCents: c.maxPerProjectCents,
    minCoFinancingPercent: c.minCoFinancingPercent,
    directorApprovalRequired: c.directorApprovalRequired,
    envelopeDimension: c.envelopeDimension,
    envelopes: c.envelopes,
    opensAt: c.opensAt?.toISOString() ?? null,
    closesAt: c.closesAt?.toISOString() ?? null,
    decisionAt: c.decisionAt?.toISOString() ?? null,
    form: view.form,
    attachmentLimits,
    // What a reader understands (when the form was fixed); the hash itself stays on the receipt.
    formFixedAt: view.formFixedAt?.toISOString() ?? null,
  };
}

function QuestionLimits(props: { question: Question; attachments?: AttachmentCeiling }) {
  const t = useT();
  const locale = useLocale();
  const q = props.question;
  switch (q.type) {
    case "text":
      return (
        <>
          {q.limit.unit === "pages"
            ? t("call.limitPages", { max: q.limit.max, words: wordLimit(q), perPage: wordsPerPage })
            : t("call.limitWords", { max: q.limit.max })}
        </>
      );
    case "number":
      return q.min !== undefined || q.max !== undefined ? (
        <>
          {t("call.numberRange", {
            min: q.min ?? "—",
            max: q.max ?? "—",
          })}
          {q.unit ? ` (${q.unit})` : ""}
        </>
      ) : null;
    case "money":
      return q.maxCents !== undefined
        ? t("call.moneyMax", { amount: formatEuro(q.maxCents, locale) })
        : null;
    case "choice":
      return (
        <>
          {t(q.multiple ? "call.choiceMultiple" : "call.choiceSingle", {
            options: q.options.map((o) => o.label).join(" · "),
          })}
        </>
      );
    case "attachments": {
      const limits = props.attachments;
      if (!limits) return null;
      return (
        <>
          {t("call.maxFiles", {
            files: limits.maxCount,
            size: formatFileSize(limits.maxBytes, locale),
          })}
        </>
      );
    }
    default:
      return null;
  }
}

function Tags(props: { values: string[]; prefix: string }) {
  const t = useT();
  if (props.values.length === 0) return <>{t("common.none")}</>;
  return (
    <ul className="tag-list">
      {props.values.map((v) => (
        <li key={v} className="tag">
          {t(`${props.prefix}${v}` as MessageKey)}
        </li>
      ))}
    </ul>
  );
}

export function CallDetails(props: { call: CallViewData; agendaLink?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const c = props.call;
  const when = (iso: string | null) =>
    iso ? formatBrussels(new Date(iso), locale) : t("common.none");
  const euro = (cents: number | null) =>
    cents === null ? t("common.none") : formatEuro(cents, locale);
  const envelopeTotal = c.envelopes.reduce((sum, e) => sum + e.amountCents, 0);
  const content = useContentLang();
  return (
    <>
      {c.summary && (
        <p className="lead" {...content}>
          {c.summary}
        </p>
      )}

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t("call.timeline")}</h2>
        <dl className="summary-list">
          <dt>{t("call.field.opensAt")}</dt>
          <dd>{when(c.opensAt)}</dd>
          <dt>{t("call.field.closesAt")}</dt>
          <dd>
            <strong>{when(c.closesAt)}</strong>
          </dd>
          <dt>{t("call.field.decisionAt")}</dt>
          <dd>{when(c.decisionAt)}</dd>
        </dl>
        <p className="muted">{t("call.timeZoneNote")}</p>
        {props.agendaLink && (
          <p>
            <a href={href("/oproepen/:callId/agenda.ics", { callId: c.id })} download>
              {t("call.agenda")}
            </a>
          </p>
        )}
      </section>

      {c.body && (
        <section aria-labelledby="body-title">
          <h2 id="body-title">{t("call.aboutTitle")}</h2>
          {c.body.split(/\n{2,}/).map((paragraph) => (
            <p key={paragraph} {...content}>
              {paragraph}
            </p>
          ))}
        </section>
      )}

      <section aria-labelledby="scope-title">
        <h2 id="scope-title">{t("call.scope")}</h2>
        <dl className="summary-list">
          <dt>{t("call.field.schoolYears")}</dt>
          <dd>{c.schoolYears.join(", ") || t("common.none")}</dd>
          <dt>{t("call.maxDuration")}</dt>
          <dd>
            {c.maxDurationMonths
              ? t("call.months", { months: c.maxDurationMonths })
              : t("common.none")}
          </dd>
          <dt>{t("call.field.themes")}</dt>
          <dd>
            <Tags values={c.themes} prefix="transitionArea." />
          </dd>
          <dt>{t("call.field.changeLevels")}</dt>
          <dd>
            <Tags values={c.changeLevels} prefix="changeLevel." />
          </dd>
        </dl>
      </section>

      <section aria-labelledby="eligibility-title">
        <h2 id="eligibility-title">{t("call.eligibility")}</h2>
        <dl className="summary-list">
          <dt>{t("call.field.educationForms")}</dt>
          <dd>
            <Tags values={c.educationForms} prefix="educationForm." />
          </dd>
          <dt>{t("call.field.finalities")}</dt>
          <dd>
            <Tags values={c.finalities} prefix="finality." />
          </dd>
          <dt>{t("call.field.studyDomains")}</dt>
          <dd>
            <Tags values={c.studyDomains} prefix="domain." />
          </dd>
          <dt>{t("call.consortium")}</dt>
          <dd>
            {t("call.consortiumValue", {
              labour: c.minLabourMarketPartners,
              education: c.minEducationPartners,
            })}
          </dd>
        </dl>
      </section>

      <section aria-labelledby="budget-title">
        <h2 id="budget-title">{t("call.budget")}</h2>
        <dl className="summary-list">
          <dt>{t("call.field.totalBudget")}</dt>
          <dd>{euro(c.totalBudgetCents)}</dd>
          <dt>{t("call.field.maxPerProject")}</dt>
          <dd>{euro(c.maxPerProjectCents)}</dd>
          <dt>{t("call.field.minCoFinancingPercent")}</dt>
          <dd>
            {c.minCoFinancingPercent === null
              ? t("common.none")
              : t("call.coFinancingValue", { percent: c.minCoFinancingPercent })}
          </dd>
          <dt>{t("call.field.directorApproval")}</dt>
          <dd>
            {t(`call.directorApproval.${c.directorApprovalRequired ? "required" : "notRequired"}`)}
          </dd>
        </dl>
        {c.envelopeDimension && c.envelopes.length > 0 && (
          <table className="table table--compact">
            <caption>
              {t("call.envelopesBy", {
                dimension: t(`envelopeDimension.${c.envelopeDimension}`).toLowerCase(),
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t(`envelopeDimension.${c.envelopeDimension}`)}</th>
                <th scope="col" className="numeric">
                  {t("call.amount")}
                </th>
              </tr>
            </thead>
            <tbody>
              {c.envelopes.map((e) => (
                <tr key={e.code}>
                  <th scope="row">{t(`province.${e.code}` as MessageKey)}</th>
                  <td className="numeric">{euro(e.amountCents)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("call.envelopeTotal")}</th>
                <td className="numeric">{euro(envelopeTotal)}</td>
              </tr>
            </tfoot>
          </table>
        )}
      </section>

      <section aria-labelledby="form-title">
        <h2 id="form-title">{t("call.questions")}</h2>
        <p>{t("call.questionsLead", { perPage: wordsPerPage })}</p>
        {c.form.sections.map((section) => (
          <div key={section.id} className="call-form-section">
            <h3 {...content}>{section.title}</h3>
            {section.intro && <p {...content}>{section.intro}</p>}
            <ol className="call-questions">
              {section.questions.map((q) => (
                <li key={q.id}>
                  <p>
                    <strong {...content}>{q.label}</strong>{" "}
                    <span className="muted">
                      ({t(`call.questionType.${q.type}`)},{" "}
                      {q.required ? t("form.required") : t("form.optional")})
                    </span>
                  </p>
                  {q.help && (
                    <p className="field__hint" {...content}>
                      {q.help}
                    </p>
                  )}
                  <p className="muted">
                    <QuestionLimits question={q} attachments={c.attachmentLimits[q.id]} />
                  </p>
                </li>
              ))}
            </ol>
          </div>
        ))}
        {c.formFixedAt && (
          <p className="muted small">
            {t("call.formFixedOn", { date: formatBrusselsDate(new Date(c.formFixedAt), locale) })}
          </p>
        )}
      </section>
    </>
  );
}
