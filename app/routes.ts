import { index, type RouteConfig, route } from "@react-router/dev/routes";

// URLs are Dutch (the platform's first language); files are grouped by area of the InnoVET cycle.
export default [
  index("routes/home.tsx"),
  route("gezondheid", "routes/platform/health.ts"),
  route("taal", "routes/platform/language.ts"),
  route("dev/mail", "routes/platform/dev-mail.tsx"),
  route("toegankelijkheid", "routes/platform/accessibility.tsx"),
  route("privacy", "routes/platform/privacy.tsx"),
  route("contact", "routes/platform/contact.tsx"),

  // identity
  route("api/auth/*", "routes/identity/auth-api.ts"),
  route("aanmelden", "routes/identity/sign-in.tsx"),
  route("aanmelden/oidc", "routes/identity/sign-in-oidc.ts"),
  route("afmelden", "routes/identity/sign-out.tsx"),
  route("wachtwoord-vergeten", "routes/identity/forgot-password.tsx"),
  route("wachtwoord-herstellen", "routes/identity/reset-password.tsx"),
  route("mijn", "routes/identity/dashboard.tsx"),
  route("mijn/gegevens", "routes/identity/my-details.tsx"),
  route("mijn/wachtwoord", "routes/identity/my-password.tsx"),
  route("beheer/personen", "routes/identity/people.tsx"),
  route("beheer/personen/nieuw", "routes/identity/person-new.tsx"),
  route("beheer/personen/:userId", "routes/identity/person.tsx"),

  // notifications
  route("mijn/meldingen", "routes/notifications/preferences.tsx"),

  // directory
  route("gids", "routes/directory/search.tsx"),
  route("gids/:organisationId", "routes/directory/organisation.tsx"),
  route("beheer/organisaties/nieuw", "routes/directory/organisation-new.tsx"),
  route("beheer/organisaties/:organisationId/bewerken", "routes/directory/organisation-edit.tsx"),

  // calls
  route("oproepen", "routes/calls/calls.tsx"),
  route("oproepen/:callId", "routes/calls/call.tsx"),
  route("oproepen/:callId/agenda.ics", "routes/calls/agenda.ts"),
  route("beheer/oproepen", "routes/calls/manage-calls.tsx"),
  route("beheer/oproepen/nieuw", "routes/calls/call-new.tsx"),
  route("beheer/oproepen/:callId/bewerken", "routes/calls/call-edit.tsx"),
  route("beheer/oproepen/:callId/voorbeeld", "routes/calls/call-preview.tsx"),
  route("beheer/oproepen/:callId/deadline", "routes/calls/call-deadline.tsx"),
  route("beheer/oproepen/:callId/formulier", "routes/calls/form-editor.tsx"),
  route(
    "beheer/oproepen/:callId/formulier/nieuwe-sectie",
    "routes/calls/form-editor-section-new.tsx",
  ),
  route(
    "beheer/oproepen/:callId/formulier/secties/:sectionId",
    "routes/calls/form-editor-section.tsx",
  ),
  route(
    "beheer/oproepen/:callId/formulier/secties/:sectionId/nieuwe-vraag",
    "routes/calls/form-editor-question-new.tsx",
  ),
  route(
    "beheer/oproepen/:callId/formulier/vragen/:questionId",
    "routes/calls/form-editor-question.tsx",
  ),
  route("beheer/oproepen/:callId/formulier/verwijderen", "routes/calls/form-editor-remove.tsx"),
  route("beheer/oproepen/:callId/aanvragen", "routes/applications/manage-applications.tsx"),
  route(
    "beheer/oproepen/:callId/aanvragen/export",
    "routes/applications/manage-applications-export.ts",
  ),

  // applications
  route("aanvragen", "routes/applications/applications.tsx"),
  route("aanvragen/nieuw", "routes/applications/application-new.tsx"),
  route("aanvragen/:applicationId", "routes/applications/application.tsx"),
  route(
    "aanvragen/:applicationId/sectie/:sectionId",
    "routes/applications/application-section.tsx",
  ),
  route(
    "aanvragen/:applicationId/sectie/:sectionId/concept",
    "routes/applications/section-autosave.ts",
  ),
  route("aanvragen/:applicationId/budget", "routes/applications/budget.tsx"),
  route("aanvragen/:applicationId/budget/regels/:lineId", "routes/applications/budget-line.tsx"),
  // the consortium step (issue 3, item 2)
  route("aanvragen/:applicationId/consortium", "routes/applications/consortium.tsx"),
  route(
    "aanvragen/:applicationId/consortium/scholen/nieuw",
    "routes/applications/consortium-school-new.tsx",
  ),
  route(
    "aanvragen/:applicationId/consortium/scholen/:organisationId",
    "routes/applications/consortium-school.tsx",
  ),
  route(
    "aanvragen/:applicationId/consortium/partners/nieuw",
    "routes/applications/consortium-partner-new.tsx",
  ),
  route(
    "aanvragen/:applicationId/consortium/partners/:partnerId",
    "routes/applications/consortium-partner.tsx",
  ),
  route("uitnodiging/:token", "routes/applications/consortium-invitation.tsx"),
  // an application's plan: actions and milestones, teachers, dissemination (one page per item)
  route("aanvragen/:applicationId/plan", "routes/applications/plan.tsx"),
  route("aanvragen/:applicationId/plan/acties/nieuw", "routes/applications/plan-action.tsx", {
    id: "plan-action-new",
  }),
  route("aanvragen/:applicationId/plan/acties/:actionId", "routes/applications/plan-action.tsx"),
  route("aanvragen/:applicationId/plan/leraren/nieuw", "routes/applications/plan-teacher.tsx", {
    id: "plan-teacher-new",
  }),
  route("aanvragen/:applicationId/plan/leraren/:teacherId", "routes/applications/plan-teacher.tsx"),
  route(
    "aanvragen/:applicationId/plan/verspreiding/nieuw",
    "routes/applications/plan-dissemination.tsx",
    { id: "plan-dissemination-new" },
  ),
  route(
    "aanvragen/:applicationId/plan/verspreiding/:itemId",
    "routes/applications/plan-dissemination.tsx",
  ),
  // an application's attachments and their downloads
  route("aanvragen/:applicationId/bijlagen", "routes/applications/application-attachments.tsx"),
  route(
    "aanvragen/:applicationId/bijlagen/:attachmentId",
    "routes/applications/attachment-download.ts",
  ),
  // the director's approval before submission, when the call asks for it (ADR 0033)
  route("aanvragen/:applicationId/goedkeuren", "routes/applications/application-approve.tsx"),
  route("aanvragen/:applicationId/indienen", "routes/applications/application-submit.tsx"),
  route("aanvragen/:applicationId/intrekken", "routes/applications/application-withdraw.tsx"),
  route("aanvragen/:applicationId/heropenen", "routes/applications/application-reopen.ts"),
  route(
    "aanvragen/:applicationId/indieningen/:sequence",
    "routes/applications/submission-receipt.tsx",
  ),
  route(
    "aanvragen/:applicationId/indieningen/:sequence/pdf",
    "routes/applications/submission-pdf.ts",
  ),

  // library (the commons)
  route("bibliotheek", "routes/library/library.tsx"),
  route("bibliotheek/nieuw", "routes/library/material-new.tsx"),
  route("bibliotheek/export.json", "routes/library/export-json.ts"),
  route("oai", "routes/library/oai.ts"),
  route("bibliotheek/:materialId", "routes/library/material.tsx"),
  route("bibliotheek/:materialId/versies/:number/bewerken", "routes/library/material-edit.tsx"),
  route("bibliotheek/:materialId/versies/:number/bestanden", "routes/library/material-files.tsx"),
  route("bibliotheek/:materialId/bestanden/:fileId", "routes/library/material-file-download.ts"),
  route(
    "bibliotheek/:materialId/versies/:number/moderatie",
    "routes/library/material-moderate.tsx",
  ),
  route("bibliotheek/:materialId/gebruik-melden", "routes/library/replication-new.tsx"),
  route("bibliotheek/:materialId/verwant", "routes/library/material-relations.tsx"),
  route("beheer/moderatie", "routes/library/moderation-queue.tsx"),

  // audit
  route("beheer/audit", "routes/audit/audit-log.tsx"),

  // platform
  route("beheer/taken", "routes/platform/jobs.tsx"),

  route("*", "routes/platform/not-found.tsx"),
] satisfies RouteConfig;
