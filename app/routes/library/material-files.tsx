import { href, Link } from "react-router";
import { formatFileSize } from "../../../src/applications/attachments/model";
import type { MessageKey } from "../../../src/i18n/translate";
import { addMaterialFile, addMaterialFileInput } from "../../../src/library/add-material-file";
import { isEditable } from "../../../src/library/model";
import { getMaterialPage } from "../../../src/library/read-material";
import { removeMaterialFile } from "../../../src/library/remove-material-file";
import { AppForm, FileField, type FormFeedback, SubmitButton } from "../../components/form";
import { formConstraints } from "../../components/form-constraints.server";
import { Breadcrumbs, EmptyState, FlashNotice, PageHeader } from "../../components/page";
import { TableRegion } from "../../components/table";
import { forbidden, notFound, requireActor } from "../../lib/actor.server";
import { answer } from "../../lib/answer.server";
import { readSubmittedForm, uploadTooLargeParam } from "../../lib/csrf.server";
import { useLocale, useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/material-files";

// The files of one version of a learning material, for its makers: the list with downloads and a
// remove button per file, and an upload form (a plain multipart form with its CSRF token, so it
// works without JavaScript). A body larger than the limit is refused before it is read (by the
// HTTP edge, app/lib/body-limits.server.ts) and comes back here with the Dutch message at the file field. Once the version
// was submitted the list is read-only: its files are fixed (migration 0016).

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  pageTitle(matches, "library.files.documentTitle", {
    number: String(loaderData?.number ?? ""),
    material: loaderData?.title ?? "",
  });

export async function loader({ request, params }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  const { database, config } = await services();
  const number = Number(params.number);
  if (!Number.isSafeInteger(number)) notFound();
  const page = await getMaterialPage(database.db, params.materialId, actor, number);
  if (!page || page.tombstone) notFound();
  if (!page.canEdit) forbidden();
  const v = page.version;
  return {
    title: v.title,
    materialId: page.id,
    number: v.number,
    versionId: v.id,
    editable: isEditable(v.state),
    files: page.files,
    limits: { maxBytes: config.MATERIAL_FILE_MAX_BYTES, maxCount: config.MATERIAL_FILE_MAX_COUNT },
    tooLarge: new URL(request.url).searchParams.has(uploadTooLargeParam),
    constraints: formConstraints(addMaterialFileInput),
  };
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = await requireActor(request);
  const { database, config, files } = await services();
  const ctx = { db: database.db, actor };
  const back = href("/bibliotheek/:materialId/versies/:number/bestanden", params);
  const form = await readSubmittedForm(request, context);
  if (text(form, "intent") === "remove") {
    const result = await removeMaterialFile(files)(ctx, {
      versionId: text(form, "versionId"),
      fileId: text(form, "id"),
    });
    return answer(result, { success: () => ({ redirect: back, flash: "library.files.removed" }) });
  }
  const result = await addMaterialFile(files, {
    maxBytes: config.MATERIAL_FILE_MAX_BYTES,
    maxCount: config.MATERIAL_FILE_MAX_COUNT,
    maxUncompressed: config.MATERIAL_ZIP_MAX_UNCOMPRESSED,
  })(ctx, { versionId: text(form, "versionId"), file: form.get("file") });
  return answer(result, { success: () => ({ redirect: back, flash: "library.files.added" }) });
}

export default function MaterialFiles({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const l = loaderData;
  let feedback: FormFeedback | undefined = (actionData as { feedback?: FormFeedback } | undefined)
    ?.feedback;
  if (!feedback && l.tooLarge)
    feedback = { fieldErrors: { file: ["library.file.error.tooLarge"] } };
  const base = href("/bibliotheek/:materialId/versies/:number/bestanden", {
    materialId: l.materialId,
    number: String(l.number),
  });
  const back = `${href("/bibliotheek/:materialId", { materialId: l.materialId })}?versie=${l.number}`;
  const title = t("library.files.pageTitle", { number: l.number });
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/bibliotheek"), label: t("library.title") },
          { to: back, label: l.title },
          { label: title },
        ]}
      />
      <PageHeader title={title} lead={l.title} />
      <FlashNotice />
      {l.editable ? (
        <p>{t("library.files.lead")}</p>
      ) : (
        <p className="notice notice--info">{t("library.files.notEditable")}</p>
      )}
      <h2 id="lijst">{t("library.files.title")}</h2>
      {l.files.length === 0 ? (
        <EmptyState title={t("library.files.none")} />
      ) : (
        <TableRegion labelledBy="lijst">
          <table className="table" aria-labelledby="lijst">
            <thead>
              <tr>
                <th scope="col">{t("library.files.column.file")}</th>
                <th scope="col">{t("library.files.column.size")}</th>
                {l.editable && <th scope="col">{t("library.files.column.actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {l.files.map((file) => (
                <tr key={file.id}>
                  <td>
                    <a
                      href={href("/bibliotheek/:materialId/bestanden/:fileId", {
                        materialId: l.materialId,
                        fileId: file.id,
                      })}
                      download
                    >
                      {file.name}
                    </a>
                  </td>
                  <td>{formatFileSize(file.size, locale)}</td>
                  {l.editable && (
                    <td>
                      <AppForm
                        action={base}
                        className="inline-form"
                        aria-label={t("library.files.remove", { file: file.name })}
                      >
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="versionId" value={l.versionId} />
                        <input type="hidden" name="id" value={file.id} />
                        <SubmitButton secondary>
                          {t("library.files.remove", { file: file.name })}
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
      {!l.editable && feedback?.formErrors?.[0] && (
        <p className="notice notice--error">{t(feedback.formErrors[0] as MessageKey)}</p>
      )}
      {l.editable && (
        <>
          <h2 id="toevoegen">{t("library.files.uploadTitle")}</h2>
          <AppForm
            action={base}
            encType="multipart/form-data"
            feedback={feedback}
            constraints={l.constraints}
            labels={{ file: t("library.files.file") }}
            aria-label={t("library.files.uploadTitle")}
          >
            <input type="hidden" name="intent" value="upload" />
            <input type="hidden" name="versionId" value={l.versionId} />
            <FileField
              name="file"
              label={t("library.files.file")}
              accept=".pdf,.docx,.pptx,.xlsx,.odt,.odp,.png,.jpg,.jpeg,.gif,.webp,.mp4,.webm,.zip"
              hint={t("library.files.fileHint", {
                max: formatFileSize(l.limits.maxBytes, locale),
                count: l.limits.maxCount,
              })}
            />
            <SubmitButton>{t("library.files.upload")}</SubmitButton>
          </AppForm>
        </>
      )}
      <p>
        <Link to={back}>{t("library.files.back")}</Link>
      </p>
    </>
  );
}
