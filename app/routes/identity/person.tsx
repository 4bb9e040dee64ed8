import { Form, href, Link } from "react-router";
import { auditPolicy } from "../../../src/audit/policy";
import { locales } from "../../../src/i18n/message";
import { grantMembership } from "../../../src/identity/grant-membership";
import { organisationCandidates } from "../../../src/identity/organisation-candidates";
import { identityPolicy } from "../../../src/identity/policy";
import { findPerson } from "../../../src/identity/read-people";
import { revokeMembership } from "../../../src/identity/revoke-membership";
import { roles } from "../../../src/identity/roles";
import { setPersonActive } from "../../../src/identity/set-person-active";
import { formatBrusselsDate } from "../../../src/platform/time";
import {
  AppForm,
  ChoiceGroup,
  CsrfField,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextField,
} from "../../components/form";
import { formConstraints } from "../../components/form-constraints.server";
import { Breadcrumbs, FlashNotice, PageHeader } from "../../components/page";
import { TableRegion } from "../../components/table";
import { forbidden, notFound, requireActor } from "../../lib/actor.server";
import { answer } from "../../lib/answer.server";
import { formValues } from "../../lib/form-data.server";
import { useT } from "../../lib/i18n";
import { getLocale } from "../../lib/locale.server";
import { plainTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/person";

export const meta: Route.MetaFunction = ({ loaderData }) =>
  plainTitle(loaderData?.person.name ?? "InnoVET");

export async function loader({ request, params }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  const subject = { userId: params.userId };
  if (!identityPolicy.viewPerson(actor, subject)) forbidden();
  const { database } = await services();
  const person = await findPerson(database.db, params.userId);
  if (!person) notFound();
  const locale = getLocale(request);
  const grant = identityPolicy.grantMembership(actor);
  // The role picker's search step: a GET with what was typed, answered with candidates.
  const organisationQuery = grant
    ? (new URL(request.url).searchParams.get("organisatie") ?? "").trim().slice(0, 200)
    : "";
  const candidates = organisationQuery
    ? await organisationCandidates(database.db, organisationQuery)
    : null;
  return {
    organisationQuery,
    candidates,
    grantConstraints: formConstraints(grantMembership.spec.input),
    person: {
      ...person,
      locale: locales.find((l) => l === person.locale) ?? null,
      createdAt: formatBrusselsDate(person.createdAt, locale),
    },
    isSelf: actor.userId === person.id,
    can: {
      grant,
      revoke: identityPolicy.revokeMembership(actor),
      setActive: identityPolicy.setPersonActive(actor, subject),
      readHistory: auditPolicy.readAuditLog(actor),
      listPeople: identityPolicy.listPeople(actor),
    },
  };
}

type Intent = "grant" | "revoke" | "activate" | "deactivate";

export async function action({ request, params }: Route.ActionArgs) {
  const actor = await requireActor(request);
  const values = formValues(await request.formData());
  const { database } = await services();
  const ctx = { db: database.db, actor };
  const here = href("/beheer/personen/:userId", params);
  // The page has several forms: a refusal is shown at the one that was posted.
  const extra = { intent: values.intent as Intent };
  const userId = params.userId;

  switch (values.intent) {
    case "grant": {
      const result = await grantMembership(ctx, {
        userId,
        organisation: values.organisation,
        role: values.role,
      });
      return answer(result, {
        success: () => ({ redirect: here, flash: "people.membershipAdded" }),
        values,
        extra,
      });
    }
    case "revoke": {
      const result = await revokeMembership(ctx, { userId, membershipId: values.membershipId });
      return answer(result, {
        success: () => ({ redirect: here, flash: "people.membershipRemoved" }),
        values,
        extra,
      });
    }
    case "activate":
    case "deactivate": {
      const active = values.intent === "activate";
      const result = await setPersonActive(ctx, { userId, active });
      return answer(result, {
        success: () => ({
          redirect: here,
          flash: active ? "people.activated" : "people.deactivated",
        }),
        values,
        extra,
      });
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

export default function Person({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { person, can, isSelf, candidates } = loaderData;
  const grantFeedback = actionData?.intent === "grant" ? actionData.feedback : undefined;
  const otherFeedback =
    actionData && actionData.intent !== "grant" ? actionData.feedback : undefined;
  const grantLabels = { organisation: t("people.organisation"), role: t("people.role") };
  return (
    <>
      <Breadcrumbs
        items={[
          ...(can.listPeople ? [{ to: href("/beheer/personen"), label: t("people.title") }] : []),
          { label: person.name },
        ]}
      />
      <PageHeader
        title={person.name}
        lead={person.email}
        actions={
          can.readHistory && (
            <Link
              to={`${href("/beheer/audit")}?onderwerp=person&id=${encodeURIComponent(person.id)}`}
            >
              {t("people.history")}
            </Link>
          )
        }
      />
      <FlashNotice />
      <ErrorSummary feedback={otherFeedback} />

      <section aria-labelledby="gegevens">
        <h2 id="gegevens">{t("people.details")}</h2>
        <dl className="summary-list">
          <dt>{t("people.name")}</dt>
          <dd>{person.name}</dd>
          <dt>{t("people.email")}</dt>
          <dd>{person.email}</dd>
          <dt>{t("people.locale")}</dt>
          <dd>{person.locale ? t(`people.locale.${person.locale}`) : t("common.none")}</dd>
          <dt>{t("people.createdAt")}</dt>
          <dd>{person.createdAt}</dd>
          <dt>{t("people.status")}</dt>
          <dd>
            <span className={person.active ? "tag" : "tag tag--inactive"}>
              {person.active ? t("people.active") : t("people.inactive")}
            </span>
          </dd>
        </dl>
        {can.setActive ? (
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="intent" value={person.active ? "deactivate" : "activate"} />
            {person.active && <p className="field__hint">{t("people.deactivateHint")}</p>}
            <SubmitButton secondary>
              {person.active ? t("people.deactivate") : t("people.activate")}
            </SubmitButton>
          </Form>
        ) : (
          isSelf && can.grant && <p className="muted">{t("people.selfDeactivate")}</p>
        )}
      </section>

      <section aria-labelledby="rollen">
        <h2 id="rollen">{t("people.memberships")}</h2>
        {person.memberships.length === 0 ? (
          <p>{t("people.noMemberships")}</p>
        ) : (
          <TableRegion labelledBy="rollen">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("people.organisation")}</th>
                  <th scope="col">{t("people.role")}</th>
                  {can.revoke && <th scope="col">{t("people.actions")}</th>}
                </tr>
              </thead>
              <tbody>
                {person.memberships.map((m) => (
                  <tr key={m.id}>
                    <td>
                      <Link
                        to={href("/gids/:organisationId", { organisationId: m.organisationId })}
                      >
                        {m.organisationName}
                      </Link>
                    </td>
                    <td>{t(`role.${m.role}`)}</td>
                    {can.revoke && (
                      <td>
                        <Form method="post" className="inline-form">
                          <CsrfField />
                          <input type="hidden" name="intent" value="revoke" />
                          <input type="hidden" name="membershipId" value={m.id} />
                          <button type="submit" className="link-button">
                            {t("people.remove")}
                            <span className="visually-hidden">
                              {`: ${t("people.removeLabel", {
                                role: t(`role.${m.role}`),
                                organisation: m.organisationName,
                              })}`}
                            </span>
                          </button>
                        </Form>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </section>

      {can.grant && (
        <section aria-labelledby="rol-toekennen">
          <h2 id="rol-toekennen">{t("people.addMembership")}</h2>
          <AppForm method="get" aria-label={t("people.organisationSearchButton")}>
            <TextField
              name="organisatie"
              type="search"
              label={t("people.organisationSearch")}
              hint={t("people.organisationHint")}
              defaultValue={loaderData.organisationQuery}
              required
              width="medium"
            />
            <SubmitButton secondary>{t("people.organisationSearchButton")}</SubmitButton>
          </AppForm>
          {candidates && candidates.length === 0 && (
            <p role="status">{t("people.noOrganisationFound")}</p>
          )}
          {candidates && candidates.length > 0 && (
            <AppForm
              feedback={grantFeedback}
              labels={grantLabels}
              constraints={loaderData.grantConstraints}
              aria-label={t("people.addMembership")}
              action={`?${new URLSearchParams({ organisatie: loaderData.organisationQuery })}`}
            >
              <input type="hidden" name="intent" value="grant" />
              <ChoiceGroup
                type="radio"
                name="organisation"
                legend={grantLabels.organisation}
                hint={t("people.organisationsFound", { count: candidates.length })}
                defaultValues={candidates.length === 1 && candidates[0] ? [candidates[0].id] : []}
                options={candidates.map((c) => ({
                  value: c.id,
                  label: [c.name, c.kind ? t(`kind.${c.kind}`) : null, c.municipalityName]
                    .filter(Boolean)
                    .join(" · "),
                }))}
              />
              <SelectField
                name="role"
                label={grantLabels.role}
                options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
              />
              <SubmitButton>{t("people.addMembership")}</SubmitButton>
            </AppForm>
          )}
        </section>
      )}
    </>
  );
}
