import { href, Link } from "react-router";
import { formatFileSize } from "../../../src/applications/attachments/model";
import { studyProgrammes } from "../../../src/directory/reference-data";
import { createMaterialVersion } from "../../../src/library/create-material-version";
import { jsonLdText, learningResourceJsonLd } from "../../../src/library/json-ld";
import { countMaterialUsage, materialUsageTotals } from "../../../src/library/material-usage";
import { attributionText, type Licence, shownMaturity } from "../../../src/library/model";
import { moveMaterialVersion } from "../../../src/library/move-material-version";
import { versionProblems } from "../../../src/library/problems";
import { getMaterialPage } from "../../../src/library/read-material";
import { publishedReplications } from "../../../src/library/read-replications";
import { formatBrusselsDate } from "../../../src/platform/time";
import { AppForm, SubmitButton, TextAreaField } from "../../components/form";
import { Breadcrumbs, FlashNotice, PageHeader } from "../../components/page";
import { getActor, notFound, requireActor } from "../../lib/actor.server";
import { answer } from "../../lib/answer.server";
import { formValues } from "../../lib/form-data.server";
import { useContentLang, useLocale, useT } from "../../lib/i18n";
import { plainTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/material";

// A material's page: the version asked for (`?versie=3` pins it) or the current one, with its
// metadata, links and files, the suggested attribution, the versions, related materials and the
// schools that used it; schema.org JSON-LD for machines. Makers submit, start a new version or
// withdraw; a withdrawn material stays as a tombstone with its reason.

export const meta: Route.MetaFunction = ({ loaderData }) =>
  loaderData ? plainTitle(loaderData.version.title) : [];

const programmeName = (code: string) => studyProgrammes.find((p) => p.code === code)?.name ?? code;

export async function loader({ request, params }: Route.LoaderArgs) {
  const actor = await getActor(request);
  const { database, config } = await services();
  const url = new URL(request.url);
  const pinned = Number(url.searchParams.get("versie"));
  const page = await getMaterialPage(
    database.db,
    params.materialId,
    actor,
    Number.isSafeInteger(pinned) && pinned > 0 ? pinned : undefined,
  );
  if (!page) notFound();
  const v = page.version;
  const replications = page.tombstone ? [] : await publishedReplications(database.db, page.id);
  // Only views of published content are counted (a maker looking at a draft is not a reader).
  if (v.state === "published") await countMaterialUsage(database.db, page.id, "views");
  const usage = await materialUsageTotals(database.db, page.id);
  const pageUrl = `${config.BASE_URL}${href("/bibliotheek/:materialId", { materialId: page.id })}?versie=${v.number}`;
  const may = page.actions;
  return {
    id: page.id,
    organisationName: page.organisationName,
    tombstone: page.tombstone,
    withdrawalReason: v.withdrawalReason ?? page.withdrawalReason,
    version: {
      id: v.id,
      number: v.number,
      state: v.state,
      title: v.title,
      description: v.description,
      keywords: v.keywords,
      language: v.language,
      licence: v.licence as Licence,
      authors: v.authors,
      links: v.links,
      studyDomains: v.studyDomains,
      finalities: v.finalities,
      educationForms: v.educationForms,
      grades: v.grades,
      programmes: v.programmeCodes.map(programmeName),
      qualificationLevels: v.qualificationLevels,
      transitionAreas: v.transitionAreas,
      changeLevels: v.changeLevels,
      resourceTypes: v.resourceTypes,
      audiences: v.audiences,
      accessibilityFeatures: v.accessibilityFeatures,
      timeRequiredMinutes: v.timeRequiredMinutes,
      maturity: shownMaturity(v.maturity, replications.length),
      maturityEvidence: v.maturityEvidence,
      changeNote: v.changeNote,
      publishedAt: v.publishedAt?.toISOString() ?? null,
    },
    versions: page.versions.map((x) => ({
      ...x,
      publishedAt: x.publishedAt?.toISOString() ?? null,
    })),
    files: page.files,
    usage: { ...usage, replications: replications.length },
    relations: page.relations,
    moderation: page.moderation.map((m) => ({ ...m, at: m.at.toISOString() })),
    replications: replications.map((r) => ({
      ...r,
      programme: r.programmeCode ? programmeName(r.programmeCode) : null,
      at: r.at?.toISOString() ?? null,
    })),
    problems: may.edit ? versionProblems(v, page.files.length) : [],
    canEdit: may.edit,
    canSubmit: may.submit,
    canRelate: may.relate,
    canStartVersion: may.startVersion,
    canModerate: may.moderate,
    canWithdraw: may.withdraw,
    mayReport: may.reportUse && !page.tombstone,
    attribution: page.tombstone
      ? null
      : { sourceUrl: pageUrl, title: v.title, authors: v.authors, licence: v.licence as Licence },
    jsonLd:
      v.state === "published"
        ? jsonLdText(
            learningResourceJsonLd(v, {
              page: pageUrl,
              organisation: page.organisationName ? { name: page.organisationName } : null,
              relations: page.relations.map((r) => ({
                kind: r.kind,
                url: `${config.BASE_URL}${href("/bibliotheek/:materialId", { materialId: r.materialId })}`,
                title: r.title,
              })),
            }),
          )
        : null,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const actor = await requireActor(request);
  const values = formValues(await request.formData());
  const { database } = await services();
  const ctx = { db: database.db, actor };
  const back = href("/bibliotheek/:materialId", params);
  if (values.intent === "newVersion") {
    const result = await createMaterialVersion(ctx, { materialId: params.materialId });
    return answer(result, {
      success: ({ number }) => ({
        redirect: href("/bibliotheek/:materialId/versies/:number/bewerken", {
          materialId: params.materialId,
          number: String(number),
        }),
        flash: "library.versionStarted",
      }),
      values,
    });
  }
  const result = await moveMaterialVersion(ctx, {
    versionId: values.versionId,
    move: values.intent,
    note: values.note,
  });
  return answer(result, {
    success: ({ state }) => ({ redirect: back, flash: `library.moved.${state}` }),
    values,
  });
}

export default function MaterialPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const m = loaderData;
  const v = m.version;
  const content = useContentLang(v.language);
  const list = (values: readonly string[], key: (value: string) => string) =>
    values.length ? values.map(key).join(", ") : null;
  const facts: Array<[string, string | null]> = [
    [
      t("library.field.authors"),
      v.authors
        .map((a) => (a.organisation ? `${a.name} (${a.organisation})` : a.name))
        .join(", ") || null,
    ],
    [t("library.publishedFor"), m.organisationName],
    [t("library.field.licence"), t(`library.licence.${v.licence}`)],
    [t("library.field.language"), t(`library.language.${v.language as "nl"}`)],
    [t("library.field.maturity"), t(`library.maturity.${v.maturity}`)],
    [t("library.field.maturityEvidence"), v.maturityEvidence || null],
    [t("library.field.studyDomains"), list(v.studyDomains, (d) => t(`domain.${d as "1"}`))],
    [t("library.field.finalities"), list(v.finalities, (f) => t(`finality.${f as "A"}`))],
    [
      t("library.field.educationForms"),
      list(v.educationForms, (f) => t(`educationForm.${f as "tso"}`)),
    ],
    [t("library.field.grades"), list(v.grades, (g) => t(`library.grade.${g as "1"}`))],
    [t("library.field.programmeCodes"), v.programmes.join(", ") || null],
    [
      t("library.field.qualificationLevels"),
      v.qualificationLevels.map((n) => t("library.vksLevel", { level: n })).join(", ") || null,
    ],
    [
      t("library.field.transitionAreas"),
      list(v.transitionAreas, (a) => t(`transitionArea.${a as "1"}`)),
    ],
    [t("library.field.changeLevels"), list(v.changeLevels, (c) => t(`changeLevel.${c as "ict"}`))],
    [
      t("library.field.resourceTypes"),
      list(v.resourceTypes, (r) => t(`library.resourceType.${r as "video"}`)),
    ],
    [
      t("library.field.audiences"),
      list(v.audiences, (a) => t(`library.audience.${a as "pupils"}`)),
    ],
    [
      t("library.field.timeRequiredMinutes"),
      v.timeRequiredMinutes ? t("library.minutes", { minutes: v.timeRequiredMinutes }) : null,
    ],
    [
      t("library.field.accessibilityFeatures"),
      list(v.accessibilityFeatures, (a) => t(`library.accessibility.${a as "captions"}`)),
    ],
    [t("library.field.keywords"), v.keywords.join(", ") || null],
  ];
  return (
    <>
      {m.jsonLd && (
        // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON-LD escaped by jsonLdText
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: m.jsonLd }} />
      )}
      <Breadcrumbs
        items={[{ to: href("/bibliotheek"), label: t("library.title") }, { label: v.title }]}
      />
      <PageHeader
        title={v.title}
        titleLang={content.lang}
        lead={
          <>
            {t("library.versionShort", { number: v.number })}
            {v.publishedAt &&
              ` · ${t("library.publishedOn", { date: formatBrusselsDate(new Date(v.publishedAt), locale) })}`}
            {v.state !== "published" && (
              <>
                {" "}
                <span className="tag">{t(`library.state.${v.state}`)}</span>
              </>
            )}
          </>
        }
      />
      <FlashNotice />
      {actionData?.feedback?.formErrors?.[0] && (
        <div className="notice notice--warning" role="alert">
          {t(actionData.feedback.formErrors[0] as "errorPage.text")}
        </div>
      )}
      {m.tombstone ? (
        <div className="notice notice--warning">
          <h2>{t("library.tombstoneTitle")}</h2>
          <p>{t("library.tombstoneText", { reason: m.withdrawalReason ?? "" })}</p>
        </div>
      ) : (
        <>
          <p className="answer-text" {...content}>
            {v.description}
          </p>
          {(v.links.length > 0 || m.files.length > 0) && (
            <section aria-labelledby="inhoud-titel">
              <h2 id="inhoud-titel">{t("library.contentTitle")}</h2>
              <ul>
                {m.files.map((f) => (
                  <li key={f.id}>
                    <a
                      href={href("/bibliotheek/:materialId/bestanden/:fileId", {
                        materialId: m.id,
                        fileId: f.id,
                      })}
                      download
                    >
                      {f.name}
                    </a>{" "}
                    <span className="muted">({formatFileSize(f.size, locale)})</span>
                  </li>
                ))}
                {v.links.map((l) => (
                  <li key={l.url}>
                    <a href={l.url} rel="noopener noreferrer">
                      {l.label}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <h2>{t("library.aboutTitle")}</h2>
          <dl className="summary-list">
            {facts
              .filter(([, value]) => value)
              .map(([label, value]) => (
                <div key={label} className="summary-list__row">
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
          </dl>
          {m.attribution && (
            <section aria-labelledby="naamsvermelding">
              <h2 id="naamsvermelding">{t("library.attributionTitle")}</h2>
              <p>{t("library.attributionLead")}</p>
              <blockquote className="attribution">
                {attributionText({
                  ...m.attribution,
                  licenceLabel: t(`library.licence.${m.attribution.licence}`),
                  byWord: t("library.by"),
                })}
              </blockquote>
            </section>
          )}
        </>
      )}
      <MakerActions {...m} />
      {m.relations.length > 0 && (
        <section aria-labelledby="verwant">
          <h2 id="verwant">{t("library.relationsTitle")}</h2>
          <ul>
            {m.relations.map((r) => (
              <li key={`${r.kind}-${r.materialId}`}>
                {t(`library.relation.${r.kind}`)}:{" "}
                <Link to={href("/bibliotheek/:materialId", { materialId: r.materialId })}>
                  {r.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {!m.tombstone && (
        <section aria-labelledby="gebruikscijfers">
          <h2 id="gebruikscijfers">{t("library.usage.title")}</h2>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt>{t("library.usage.views")}</dt>
              <dd>{m.usage.views}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{t("library.usage.downloads")}</dt>
              <dd>{m.usage.downloads}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{t("library.usage.replications")}</dt>
              <dd>{m.usage.replications}</dd>
            </div>
          </dl>
          <p className="muted">{t("library.usage.note")}</p>
        </section>
      )}
      {!m.tombstone && (
        <section aria-labelledby="gebruik">
          <h2 id="gebruik">{t("library.replicationsTitle")}</h2>
          {m.replications.length === 0 ? (
            <p>{t("library.noReplications")}</p>
          ) : (
            <ul>
              {m.replications.map((r) => (
                <li key={r.id}>
                  <strong>{r.school}</strong>
                  {r.programme && ` (${r.programme})`}:{" "}
                  {t("library.replicationCounts", { pupils: r.pupils, teachers: r.teachers })}
                  <p className="answer-text">{r.experience}</p>
                  {r.adaptations && (
                    <p className="answer-text">
                      {t("library.adaptations")}: {r.adaptations}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
          {m.mayReport && (
            <p>
              <Link
                to={`${href("/bibliotheek/:materialId/gebruik-melden", { materialId: m.id })}?versie=${v.number}`}
              >
                {t("library.reportReplication")}
              </Link>
            </p>
          )}
        </section>
      )}
      <section aria-labelledby="versies">
        <h2 id="versies">{t("library.versionsTitle")}</h2>
        <ul>
          {m.versions.map((x) => (
            <li key={x.id}>
              {x.number === v.number ? (
                <strong aria-current="page">
                  {t("library.versionShort", { number: x.number })}
                </strong>
              ) : (
                <Link
                  to={`${href("/bibliotheek/:materialId", { materialId: m.id })}?versie=${x.number}`}
                >
                  {t("library.versionShort", { number: x.number })}
                </Link>
              )}{" "}
              ({t(`library.state.${x.state}`)}
              {x.publishedAt && `, ${formatBrusselsDate(new Date(x.publishedAt), locale)}`})
            </li>
          ))}
        </ul>
        {v.changeNote && (
          <p>
            {t("library.field.changeNote")}: {v.changeNote}
          </p>
        )}
      </section>
      {m.moderation.length > 0 && (
        <section aria-labelledby="moderatie">
          <h2 id="moderatie">{t("library.moderationTitle")}</h2>
          <ul>
            {m.moderation.map((e) => (
              <li key={`${e.at}-${e.to}`}>
                {formatBrusselsDate(new Date(e.at), locale)}: {t(`library.state.${e.to}`)} ({e.by})
                {e.note && <p className="answer-text">{e.note}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** What a maker (or a moderator) can do with the version shown. */
function MakerActions(m: Route.ComponentProps["loaderData"]) {
  const t = useT();
  if (!m.canEdit && !m.canRelate && !m.canStartVersion && !m.canModerate && !m.canWithdraw)
    return null;
  return (
    <section aria-labelledby="acties" className="panel">
      <h2 id="acties">{t("library.actionsTitle")}</h2>
      {m.problems.length > 0 && (
        <>
          <p>{t("library.problemsLead")}</p>
          <ul>
            {m.problems.map((p) => (
              <li key={p.key}>
                <Link
                  to={`${href("/bibliotheek/:materialId/versies/:number/bewerken", { materialId: m.id, number: String(m.version.number) })}#veld-${p.field}`}
                >
                  {t(p.key as "library.problem.title")}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="button-row">
        {m.canEdit && (
          <Link
            to={href("/bibliotheek/:materialId/versies/:number/bewerken", {
              materialId: m.id,
              number: String(m.version.number),
            })}
            className="button button--secondary"
          >
            {t("library.edit")}
          </Link>
        )}
        {m.canEdit && (
          <Link
            to={href("/bibliotheek/:materialId/versies/:number/bestanden", {
              materialId: m.id,
              number: String(m.version.number),
            })}
            className="button button--secondary"
          >
            {t("library.files.manage")}
          </Link>
        )}
        {m.canSubmit && m.problems.length === 0 && (
          <AppForm aria-label={t("library.submit")}>
            <input type="hidden" name="versionId" value={m.version.id} />
            <SubmitButton name="intent" value="submit">
              {t("library.submit")}
            </SubmitButton>
          </AppForm>
        )}
        {m.canRelate && (
          <Link
            to={href("/bibliotheek/:materialId/verwant", { materialId: m.id })}
            className="button button--secondary"
          >
            {t("library.manageRelations")}
          </Link>
        )}
        {m.canStartVersion && (
          <AppForm aria-label={t("library.newVersion")}>
            <SubmitButton name="intent" value="newVersion" secondary>
              {t("library.newVersion")}
            </SubmitButton>
          </AppForm>
        )}
        {m.canModerate && (
          <Link
            to={href("/bibliotheek/:materialId/versies/:number/moderatie", {
              materialId: m.id,
              number: String(m.version.number),
            })}
            className="button"
          >
            {t("library.moderate")}
          </Link>
        )}
      </div>
      {m.canWithdraw && (
        <AppForm aria-label={t("library.withdraw")}>
          <input type="hidden" name="versionId" value={m.version.id} />
          <TextAreaField name="note" label={t("library.withdrawReason")} rows={2} />
          <SubmitButton name="intent" value="withdraw" secondary>
            {t("library.withdraw")}
          </SubmitButton>
        </AppForm>
      )}
    </section>
  );
}
