import type { EnglishOf } from "../i18n/message";
import type { platformNl } from "./messages.nl";

// The English messages of the platform area. Typed against the Dutch keys, so a missing key or a plural
// where Dutch has a plain string fails typecheck; src/i18n/catalogue.test.ts checks the rest.
export const platformEn: EnglishOf<typeof platformNl> = {
  "parkedForm.unknownPage": "We do not keep forms for this page.",
  "parkedForm.tooLarge": "This form is larger than the page allows.",
  "parkedForm.quotaExceeded":
    "Too many forms are already waiting for you. Sign in and finish them first.",
  "jobs.title": "Scheduled jobs with problems",
  "jobs.lead":
    "Jobs that failed or will try again after an error, such as reminder e-mails. Fix the cause first (for example the mail server), then retry the job.",
  "jobs.empty": "No failed jobs. Everything runs as planned.",
  "jobs.col.kind": "Kind of job",
  "jobs.col.status": "Status",
  "jobs.col.attempts": "Attempts",
  "jobs.col.lastError": "Last error",
  "jobs.col.nextRun": "Next attempt",
  "jobs.col.actions": "Actions",
  "jobs.kind.deadlineReminder": "Deadline reminder",
  "jobs.kind.callPublished": "New call announcement",
  "jobs.kind.submissionReceipt": "Receipt (PDF) of a submission",
  "jobs.status.failed": "Failed",
  "jobs.status.pending": "Retrying",
  "jobs.attemptsOf": "{attempts} of {max}",
  "jobs.retry": "Retry now",
  "jobs.retryLabel": "Retry job {key}",
  "jobs.retried": "The job is ready and will run again shortly.",
  "jobs.history": "History",
  "jobs.error.unknown": "We cannot find this job.",
  "jobs.error.notRetryable": "This job has not failed and is not waiting for another attempt.",
  "jobs.kind.partnerInvitation": "Invitation of a partner",
  "accessibility.title": "Accessibility statement",
  "accessibility.lead":
    "The Department of Education and Training wants the InnoVET platform to be accessible to everyone, under the Flemish decree of 7 December 2018 on the accessibility of public sector websites and mobile applications.",
  "accessibility.scope":
    "This statement applies to the InnoVET platform at {site}: the pages, forms and downloads the platform itself makes.",
  "accessibility.statusTitle": "Compliance status",
  "accessibility.statusText":
    "This platform is partially compliant with the Web Content Accessibility Guidelines (WCAG) 2.1, level AA, the requirement of the European standard EN 301 549. The content below does not comply yet.",
  "accessibility.nonAccessibleTitle": "Non-accessible content",
  "accessibility.nonCompliantTitle": "Non-compliance with the accessibility requirements",
  "accessibility.issue.receiptPdf":
    "The receipt of a submission (PDF) is not a tagged PDF: a screen reader reads the text, but not its structure of headings and lists (WCAG 1.3.1). The same information is accessible on the submission's page.",
  "accessibility.disproportionateTitle": "Disproportionate burden",
  "accessibility.disproportionateText": "The Department does not claim a disproportionate burden.",
  "accessibility.outOfScopeTitle": "Content outside the scope",
  "accessibility.issue.userFiles":
    "Files that users upload themselves (an application's attachments and a learning material's files) are third-party content: the platform does not check their accessibility.",
  "accessibility.preparationTitle": "Preparation of this statement",
  "accessibility.preparationText": "This statement was prepared on {date}.",
  "accessibility.methodText":
    "It is based on a self-assessment by the development team: on every change, axe-core in Chromium checks the pages of every user journey against the WCAG 2.1 A and AA rules, the journeys are run with the keyboard only and without JavaScript, and the pages are looked at 320 CSS pixels wide.",
  "accessibility.feedbackTitle": "Feedback and contact information",
  "accessibility.feedbackText":
    "Do you meet an accessibility problem on this platform, or do you need content in another form? Write to {email}. You get an acknowledgement within 5 working days and an answer or a solution within 20 working days.",
  "accessibility.enforcementTitle": "Enforcement procedure",
  "accessibility.enforcementText":
    "If you are not satisfied with our answer, or you get none, you can complain to the Flemish Ombudsman (Vlaamse Ombudsdienst), which handles complaints about the accessibility of the Flemish government's websites.",
  "accessibility.enforcementLink": "Complain to the Flemish Ombudsman",
  "privacy.title": "Privacy statement",
  "privacy.lead":
    "Which personal data the InnoVET platform keeps, why, for how long, and what your rights are. The controller is the Department of Education and Training of the Flemish government.",
  "privacy.whatTitle": "What we keep, why and for how long",
  "privacy.column.what": "Data",
  "privacy.column.why": "Why (legal basis)",
  "privacy.column.howLong": "How long",
  "privacy.account.what":
    "Your account: name, e-mail address, organisation and roles, your password only as an encrypted hash.",
  "privacy.account.why":
    "To let you sign in and show what your role allows: a task carried out in the public interest (GDPR art. 6(1)(e)), funding InnoVET projects.",
  "privacy.account.howLong": "As long as your account exists.",
  "privacy.sessions.what": "Your session: the IP address and browser you signed in with.",
  "privacy.sessions.why": "To keep your sign-in safe (GDPR art. 6(1)(e)).",
  "privacy.sessions.howLong":
    "A session is valid for {hours} hours after its last use; signing out deletes it.",
  "privacy.throttle.what":
    "Counters of failed sign-ins and reset requests, per e-mail address and per IP address.",
  "privacy.throttle.why": "To stop passwords being guessed (GDPR art. 6(1)(e)).",
  "privacy.throttle.howLong":
    "A counter counts for {minutes} minutes; a day later the next successful sign-in deletes it.",
  "privacy.parked.what":
    "What you typed in a form after your session had expired, to give it back once you sign in.",
  "privacy.parked.why": "So that nothing you typed is lost (GDPR art. 6(1)(e)).",
  "privacy.parked.howLong":
    "At most {hours} hours, or until you get it back: then it is deleted at once.",
  "privacy.applications.what":
    "Applications, their attachments and submissions, with who filled in and submitted what.",
  "privacy.applications.why":
    "To handle funding applications and account for them (GDPR art. 6(1)(e) and 6(1)(c): the rules on spending public money).",
  "privacy.applications.howLong":
    "A submitted application is an unchangeable snapshot; it is kept as long as the programme must be able to account for it.",
  "privacy.audit.what":
    "The audit log: who made which change when, with the old and the new value.",
  "privacy.audit.why":
    "To be able to account for every decision and change (GDPR art. 6(1)(c) and 6(1)(e)).",
  "privacy.audit.howLong":
    "The audit log cannot be changed and the platform does not delete it: it stays as long as the platform exists.",
  "privacy.notifications.what":
    "Your e-mail preferences and which notifications you already received (so that you never get one twice).",
  "privacy.notifications.why": "To send you only the e-mails you want (GDPR art. 6(1)(e)).",
  "privacy.notifications.howLong": "As long as your account exists.",
  "privacy.usage.what":
    "How often a learning material was viewed and downloaded per day, without personal data.",
  "privacy.usage.why": "To show the reach of the shared learning materials.",
  "privacy.usage.howLong": "No personal data: the counts stay.",
  "privacy.cookiesTitle": "Cookies",
  "privacy.cookiesText":
    "The platform only uses functional cookies: your session, the protection of forms (CSRF), your choice of language, a notice after an action and, when needed, the form that waited for you to sign in. There are no cookies for statistics or advertising.",
  "privacy.sharingTitle": "Who we share data with",
  "privacy.sharingText":
    "Your data is only shared with those who need it for the application: the schools and partners of the same consortium and the Department's programme team. A published learning material is public, with its makers' names as its licence asks.",
  "privacy.rightsTitle": "Your rights",
  "privacy.rightsText":
    "You have the right to see your data, to have it corrected or, where the law allows, erased or its processing restricted, and to object. You change your name and password yourself under 'My details'. For everything else, write to {email}.",
  "privacy.officerTitle": "Data protection officer",
  "privacy.officerText":
    "Questions about your personal data go to the data protection officer of the Department of Education and Training: {email}.",
  "privacy.complaintTitle": "Complaints",
  "privacy.complaintText":
    "If you are not satisfied with how we handle your data, you can complain to the Flemish Supervisory Commission for the processing of personal data (Vlaamse Toezichtcommissie).",
  "privacy.complaintLink": "To the Flemish Supervisory Commission",
  "contact.title": "Contact and help",
  "contact.lead":
    "Questions about InnoVET, an application or this platform? This is where to find help.",
  "contact.helpdeskTitle": "Help desk",
  "contact.helpdeskText":
    "Write to {email}. Say which page and what you were trying to do; never send your password. You get an answer within 5 working days.",
  "contact.signInTitle": "Trouble signing in",
  "contact.signInText":
    "Forgot your password? Ask for a new one. After too many failed attempts an account waits a while; the sign-in page says how long.",
  "contact.signInLink": "Forgot your password",
  "contact.applicationTitle": "Questions about a call or an application",
  "contact.applicationText":
    "Every call describes who can apply, the deadlines and the budget. Questions about a call's content go to the programme team through the help desk.",
  "contact.applicationLink": "To the calls",
  "contact.accessibilityTitle": "Accessibility and privacy",
  "contact.accessibilityText":
    "To report an accessibility problem or ask about your data: read the accessibility statement or the privacy statement.",
};
