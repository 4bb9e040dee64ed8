import { href, Link } from "react-router";
import {
  attachmentProblems,
  uploadAnchor,
} from "../../../src/applications/attachments/attachment-problems";
import { attachmentKinds, formatFileSize } from "../../../src/applications/attachments/model";
import { readAttachments } from "../../../src/applications/attachments/read-attachments";
import { removeAttachment } from "../../../src/applications/attachments/remove-attachment";
import {
  uploadAttachment,
  uploadAttachmentInput,
} from "../../../src/applications/attachments/upload-attachment";
import { getApplication } from "../../../src/applications/read-applications";
import { attachmentLimitsOf } from "../../../src/calls/attachment-limits";
import type { MessageKey } from "../../../src/i18n/translate";
import { formatBrussels } from "../../../src/platform/time";
import {
  AppForm,
  FileField,
  type FormFeedback,
  SelectField,
  SubmitButton,
  TextField,
} from "../../components/form";
import { formConstraints } from "../../components/form-constraints.server";
import { Breadcrumbs, EmptyState, FlashNotice, PageHeader } from "../../components/page";
import { TableRegion } from "../../components/table";
import { requireActor } from "../../lib/actor.server";
import { type Answered, answer } from "../../lib/answer.server";
import { attachmentCeiling } from "../../lib/attachment-ceiling.server";
import { readSubmittedForm, uploadTooLargeParam } from "../../lib/csrf.server";
import { formValues } from "../../lib/form-data.server";
import { useLocale, useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/application-attachments";
import { loadStepPage, text } from "./plan-routes.server";

// The attachments of an application: the list with downloads, an upload form (a plain multipart
// form with its CSRF token, so it works without JavaScript) and a remove button per file. A body
// larger than the limit is refused before it is read (app/lib/body-limits.server.ts), and comes back
// here with a Dutch message at the file field.

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  pageTitle(matches, "attachment.pageTitle", {
    application: loaderData?.application.title ?? "",
  });

export async function loader({ request, params }: Route.LoaderArgs) {
  const { view, db } = await loadStepPage(request, params.applicationId);
  const attachments = await readAttachments(db, view.id);
  const tooLarge = new URL(request.url).searchParams.has(uploadTooLargeParam);
  return {
    application: { id: view.id, title: view.title, canEdit: view.canEdit },
    attachments,
    problems: attachmentProblems(attachments),
    // The call's limits within the platform's: what the call page promised (one source).
    limits: attachmentLimitsOf(view.form, await attachmentCeiling()),
    tooLarge,
    constraints: formConstraints(uploadAttachmentInput),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = await requireActor(request);
  const { database, config, files } = await services();
  const ctx = { db: database.db, actor };
  const back = href("/aanvragen/:applicationId/bijlagen", params);
  // The middleware refused bodies over the limit before reading them; a file a little over the
  // limit still fits in the body and is refused by the use case.
  const form = await readSubmittedForm(request, context);
  if (text(form, "intent") === "remove") {
    const result = await removeAttachment(files)(ctx, {
      applicationId: params.applicationId,
      attachmentId: text(form, "id"),
    });
    return answer(result, { success: () => ({ redirect: back, flash: "attachment.removed" }) });
  }
  const view = await getApplication(database.db, params.applicationId, actor, new Date());
  const ceiling = await attachmentCeiling();
  const limits = view ? attachmentLimitsOf(view.form, ceiling) : ceiling;
  const result = await uploadAttachment(files, {
    ...limits,
    // One cap for what any zip may really unpack to, attachments' office files included.
    maxUncompressed: config.MATERIAL_ZIP_MAX_UNCOMPRESSED,
  })(ctx, {
    applicationId: params.applicationId,
    kind: text(form, "kind"),
    description: text(form, "description"),
    file: form.get("file"),
  });
  return answer(result, {
    success: () => ({ redirect: back, flash: "attachment.uploaded" }),
    values: formValues(form),
  });
}

export default function ApplicationAttachments({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { application: a, attachments, problems, limits } = loaderData;
  const reply = actionData as Answered | undefined;
  let feedback: FormFeedback | undefined = reply?.feedback;
  if (!feedback && loaderData.tooLarge)
    feedback = { fieldErrors: { file: ["attachment.error.tooLarge"] } };
  const base = href("/aanvragen/:applicationId/bijlagen", { applicationId: a.id });
  const maxSize = formatFileSize(limits.maxBytes, locale);
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/aanvragen"), label: t("application.listTitle") },
          { to: href("/aanvragen/:applicationId", { applicationId: a.id }), label: a.title },
          { label: t("attachment.title") },
        ]}
      />
      <PageHeader title={t("attachment.title")} lead={t("attachment.lead")} />
      <FlashNotice />
      {!a.canEdit && <p className="notice notice--info">{t("application.readOnly")}</p>}
      {problems.length > 0 && (
        <div className="notice notice--info">
          <ul>
            {problems.map((p) => (
              <li key={p.key}>{t(p.key as MessageKey, p.params)}</li>
            ))}
          </ul>
        </div>
      )}
      <h2 id="lijst">{t("attachment.listTitle")}</h2>
      {attachments.length === 0 ? (
        <EmptyState title={t("attachment.none")} />
      ) : (
        <TableRegion labelledBy="lijst">
          <table className="table" aria-labelledby="lijst">
            <thead>
              <tr>
                <th scope="col">{t("attachment.column.file")}</th>
                <th scope="col">{t("attachment.column.kind")}</th>
                <th scope="col">{t("attachment.column.size")}</th>
                <th scope="col">{t("attachment.column.uploaded")}</th>
                {a.canEdit && <th scope="col">{t("attachment.column.actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {attachments.map((file) => (
                <tr key={file.id}>
                  <td>
                    <a
                      href={href("/aanvragen/:applicationId/bijlagen/:attachmentId", {
                        applicationId: a.id,
                        attachmentId: file.id,
                      })}
                      download
                    >
                      {file.fileName}
                    </a>
                    {file.description && <div className="muted">{file.description}</div>}
                  </td>
                  <td>{t(`attachment.kind.${file.kind}`)}</td>
                  <td>{formatFileSize(file.sizeBytes, locale)}</td>
                  <td>
                    {t("attachment.uploadedBy", {
                      name: file.uploadedBy.name,
                      date: formatBrussels(new Date(file.uploadedAt), locale),
                    })}
                  </td>
                  {a.canEdit && (
                    <td>
                      <AppForm
                        action={base}
                        className="inline-form"
                        aria-label={t("attachment.remove", { file: file.fileName })}
                      >
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="id" value={file.id} />
                        <SubmitButton secondary>
                          {t("attachment.remove", { file: file.fileName })}
                        </SubmitButton>
                      </AppForm>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {a.canEdit && (
        <>
          <h2 id={uploadAnchor}>{t("attachment.uploadTitle")}</h2>
          <AppForm
            action={base}
            encType="multipart/form-data"
            feedback={feedback}
            constraints={loaderData.constraints}
            labels={{
              file: t("attachment.file"),
              kind: t("attachment.kind"),
              description: t("attachment.description"),
            }}
            aria-label={t("attachment.uploadTitle")}
          >
            <input type="hidden" name="intent" value="upload" />
            <SelectField
              name="kind"
              label={t("attachment.kind")}
              options={attachmentKinds.map((k) => ({ value: k, label: t(`attachment.kind.${k}`) }))}
            />
            <TextField name="description" label={t("attachment.description")} />
            <FileField
              name="file"
              label={t("attachment.file")}
              accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.odt"
              hint={t("attachment.fileHint", { max: maxSize, count: limits.maxCount })}
            />
            <SubmitButton>{t("attachment.upload")}</SubmitButton>
          </AppForm>
        </>
      )}
      <p>
        <Link to={href("/aanvragen/:applicationId", { applicationId: a.id })}>
          {t("application.backToTaskList")}
        </Link>
      </p>
    </>
  );
}
