import { href, Link } from "react-router";
import { partnerAnchor } from "../../../src/applications/consortium/problems";
import { readConsortium } from "../../../src/applications/consortium/read-consortium";
import { removeConsortiumPartner } from "../../../src/applications/consortium/remove-partner";
import { updateConsortiumPartner } from "../../../src/applications/consortium/update-partner";
import { getApplication } from "../../../src/applications/read-applications";
import { AppForm, SubmitButton } from "../../components/form";
import { formConstraints } from "../../components/form-constraints.server";
import { Breadcrumbs, PageHeader } from "../../components/page";
import { forbidden, notFound, requireActor } from "../../lib/actor.server";
import { answer, atTheTop } from "../../lib/answer.server";
import { useT } from "../../lib/i18n";
import { plainTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/consortium-partner";
import {
  centsForField,
  PartnerFields,
  partnerInputFromForm,
  partnerLabels,
} from "./consortium-partner-form";

// Changing or removing a partner. A partner that confirmed is warned about: changing its roles,
// commitment or values asks it to confirm again (the page says so before and after saving).

export const meta: Route.MetaFunction = ({ loaderData }) =>
  loaderData ? plainTitle(loaderData.partner.name) : [];

export async function loader({ request, params }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  const { database } = await services();
  const view = await getApplication(database.db, params.applicationId, actor, new Date());
  if (!view) notFound();
  if (!view.mayChange) forbidden();
  const consortium = await readConsortium(database.db, view.id);
  const partner = consortium?.partners.find((p) => p.id === params.partnerId);
  if (!partner) notFound();
  return {
    constraints: formConstraints(updateConsortiumPartner.spec.input),
    application: { id: view.id, title: view.title, canEdit: view.canEdit },
    partner: {
      id: partner.id,
      name: partner.name,
      confirmed: partner.status === "confirmed",
      defaults: {
        roles: partner.roles,
        commitment: partner.commitment,
        inKind: centsForField(partner.inKindCents),
        cash: centsForField(partner.cashCents),
        contactName: partner.contactName,
        contactEmail: partner.contactEmail,
      },
    },
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const actor = await requireActor(request);
  const form = await request.formData();
  const { database } = await services();
  const ctx = { db: database.db, actor };
  const target = { applicationId: params.applicationId, partnerId: params.partnerId };
  const base = href("/aanvragen/:applicationId/consortium", params);
  const { input, values } = partnerInputFromForm(form);
  if (form.get("intent") === "remove")
    return answer(await removeConsortiumPartner(ctx, target), {
      success: () => ({ redirect: `${base}#partners`, flash: "consortium.partnerRemoved" }),
      errors: atTheTop,
    });
  const result = await updateConsortiumPartner(ctx, { ...input, ...target });
  return answer(result, {
    success: ({ partnerId, confirmationLapsed }) => ({
      redirect: `${base}#${partnerAnchor(partnerId)}`,
      flash: confirmationLapsed ? "consortium.partnerSavedLapsed" : "consortium.partnerSaved",
    }),
    values,
  });
}

export default function ConsortiumPartner({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { application: a, partner } = loaderData;
  const base = href("/aanvragen/:applicationId/consortium", { applicationId: a.id });
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/aanvragen"), label: t("application.listTitle") },
          { to: href("/aanvragen/:applicationId", { applicationId: a.id }), label: a.title },
          { to: base, label: t("consortium.title") },
          { label: partner.name },
        ]}
      />
      <PageHeader title={t("consortium.partnerTitle", { partner: partner.name })} />
      {!a.canEdit && <p className="notice notice--info">{t("application.readOnly")}</p>}
      {partner.confirmed && (
        <p className="notice notice--warning">{t("consortium.lapseWarning")}</p>
      )}
      <AppForm
        feedback={actionData?.feedback}
        labels={partnerLabels(t)}
        constraints={loaderData.constraints}
      >
        <PartnerFields defaults={partner.defaults} />
        {a.canEdit && <SubmitButton>{t("consortium.savePartner")}</SubmitButton>}
      </AppForm>
      {a.canEdit && (
        <AppForm aria-label={t("consortium.removePartner")}>
          <input type="hidden" name="intent" value="remove" />
          <SubmitButton secondary>{t("consortium.removePartner")}</SubmitButton>
        </AppForm>
      )}
      <p>
        <Link to={base}>{t("consortium.backToConsortium")}</Link>
      </p>
    </>
  );
}
