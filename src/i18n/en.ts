import type { EnglishOf } from "./message";
import type { shellNl } from "./nl";

// The English messages of the web shell (layout, navigation, home, dashboard, form kit, error pages, shared errors). Typed against the Dutch keys, so a missing key or a plural
// where Dutch has a plain string fails typecheck; src/i18n/catalogue.test.ts checks the rest.
export const shellEn: EnglishOf<typeof shellNl> = {
  "app.name": "InnoVET",
  "app.tagline": "Innovation in labour-market-oriented secondary education",
  "app.description":
    "The platform of the Flemish InnoVET programme: from a call for proposals to lasting impact in every vocational school.",
  "layout.skipLink": "Skip to content",
  "layout.mainNav": "Main navigation",
  "layout.breadcrumbs": "Breadcrumbs",
  "layout.switchTo": "Nederlands",
  "layout.switchToLabel": "Schakel naar het Nederlands",
  "layout.footer":
    "InnoVET is a programme of the Flemish government, Department of Education and Training, with the Regional Technology Centres. This is a demonstration environment with fictitious data.",
  "layout.signedInAs": "Signed in as {name}",
  "nav.home": "Home",
  "nav.directory": "Schools and partners",
  "nav.dashboard": "My InnoVET",
  "nav.people": "People",
  "nav.organisationsNew": "Add organisation",
  "nav.audit": "Audit log",
  "nav.devMail": "Sent e-mails",
  "nav.signIn": "Sign in",
  "nav.signOut": "Sign out",
  "home.title": "Welcome to InnoVET",
  "home.lead":
    "InnoVET supports tso, bso, buso and dbso schools that innovate together with companies, sectors, RTCs, universities of applied sciences and pedagogical guidance services. What one school develops reaches every school.",
  "home.directoryTitle": "Schools and partners",
  "home.directoryText":
    "Find schools, sites and partners by province, network, study domain or finality.",
  "home.directoryLink": "Open the directory",
  "home.statsTitle": "The network in figures",
  "home.statSchools": "schools",
  "home.statSites": "school sites",
  "home.statPartners": "partners",
  "dashboard.title": "My InnoVET",
  "dashboard.roles": "Your roles",
  "dashboard.noRoles":
    "You do not have a role in an organisation yet. Please contact the platform administrator.",
  "dashboard.role.programmeManager":
    "Manage calls, follow up applications and prepare the selection.",
  "dashboard.role.schoolCoordinator": "View your school's data and submit applications.",
  "dashboard.role.schoolDirector": "View your school's data and your team's applications.",
  "dashboard.role.teacher": "Keep your personal development plan and share learning materials.",
  "dashboard.role.partnerContact": "Join consortia and offer expertise or infrastructure.",
  "dashboard.role.guidanceCounsellor": "Coach schools and moderate learning materials.",
  "dashboard.role.reviewer": "Assess the applications assigned to you.",
  "dashboard.role.policyViewer": "Insight into reach, equity and impact.",
  "dashboard.role.platformAdmin": "Manage people, memberships and organisations.",
  "dashboard.detailsTitle": "My details",
  "dashboard.detailsText": "Your name as others see it in InnoVET.",
  "dashboard.detailsLink": "View and change my details",
  "nav.calls": "Calls",
  "nav.callsManage": "Manage calls",
  "pagination.label": "Pagination",
  "pagination.previous": "Previous page",
  "pagination.next": "Next page",
  "pagination.page": "Page {page} of {pages}",
  "form.errorSummaryTitle": "There is a problem",
  "form.errorTitlePrefix": "Error: ",
  "form.required": "required",
  "form.optional": "optional",
  "form.choose": "Choose an option",
  "error.invalidValue": "This value is not valid. Check what you entered.",
  "error.invisibleCharacter":
    "This text contains an invisible NUL character (often copied from another program) that cannot be stored. Remove it and try again.",
  "error.required": "Fill in this field.",
  "error.tooLong": "This is too long.",
  "error.invalidEmail": "Enter a valid e-mail address, for example name@school.be.",
  "error.invalidUrl": "Enter a full web address starting with https://.",
  "error.invalidChoice": "Choose one of the options.",
  "error.csrf":
    "Your form has expired. Reload the page and try again; what you typed is still in the form.",
  "errorPage.title": "Something went wrong",
  "errorPage.text": "Something went wrong on our side. Your data is safe. Please try again later.",
  "errorPage.notFoundTitle": "Page not found",
  "errorPage.notFoundText":
    "This page does not exist (any more). Check the address or go to the home page.",
  "errorPage.forbiddenTitle": "No access",
  "errorPage.forbiddenText": "You do not have access to this page.",
  "errorPage.badRequestTitle": "We cannot handle this request",
  "errorPage.badRequestText": "Go back to the previous page and use the buttons and forms there.",
  "errorPage.home": "Go to the home page",
  "errorPage.tooLargeTitle": "This is too large",
  "errorPage.tooLargeText":
    "What you sent is larger than this page accepts. Go back, make it shorter or smaller and try again.",
  "errorPage.methodTitle": "We do not know this kind of request",
  "errorPage.methodText":
    "This address does not accept this kind of request. Open the page in your browser or go to the home page.",
  "errorPage.badAddressText":
    "The address contains characters we cannot read, such as an invisible null character. Check the address or go to the home page.",
  "nav.applications": "Applications",
  "common.yes": "Yes",
  "common.no": "No",
  "autosave.saving": "Saving…",
  "autosave.saved": "Saved automatically at {time}.",
  "autosave.refused":
    "Not saved automatically: something is not right yet. Use the button to save and see what.",
  "autosave.offline":
    "Not saved: no connection. Your text is kept in this browser; we try again at your next change.",
  "autosave.conflict":
    "Someone else has changed this application in the meantime. Autosave has stopped: copy your text and open the latest version.",
  "autosave.signedOut":
    "You have been signed out. Your text is safe in this browser. Sign in again; saving then continues.",
  "autosave.signInNewTab": "Sign in in a new tab",
  "autosave.restorable": "This browser holds text from {time} that has not been saved.",
  "autosave.restore": "Put that text back",
  "common.cancel": "Cancel",
  "common.none": "—",
  "nav.jobs": "Scheduled jobs",
  "nav.library": "Library",
  "nav.moderation": "Moderation",
};
