// The Dutch (nl-BE) messages of the notifications area: the source of truth.
// messages.en.ts has exactly these keys (typed). All areas together form MessageKey (src/i18n/catalogue.nl.ts).
// A message is a string with {placeholders}, or a plural form { one, other } chosen by {count}.
export const notificationsNl = {
  "devMail.title": "Verzonden e-mails (ontwikkeling)",
  "devMail.lead": "Zonder SMTP-server worden alle e-mails hier bewaard in plaats van verstuurd.",
  "devMail.empty": "Er zijn nog geen e-mails verstuurd.",
  "devMail.to": "Aan",
  "devMail.sentAt": "Verzonden",
  "notifications.title": "Meldingen",
  "notifications.lead": "Kies over welke zaken InnoVET je een e-mail stuurt.",
  "notifications.legend": "Stuur me een e-mail bij",
  "notifications.save": "Voorkeuren opslaan",
  "notifications.saved": "Je voorkeuren voor meldingen zijn opgeslagen.",
  "notifications.alwaysTitle": "Altijd verstuurd",
  "notifications.alwaysText":
    "Deze e-mails krijg je altijd: ze zijn een bewijs, geen nieuws, en kunnen niet uitgeschakeld worden.",
  "notifications.sentTo": "We sturen e-mails naar {email}.",
  "notifications.dashboardTitle": "Meldingen",
  "notifications.dashboardText": "Kies welke e-mails je van InnoVET krijgt.",
  "notifications.dashboardLink": "Meldingen instellen",
  "notifications.kind.deadlineReminder": "Herinneringen voor een deadline",
  "notifications.kind.deadlineReminder.hint":
    "7 dagen en 1 dag voor een oproep sluit, zolang je aanvraag nog niet ingediend is.",
  "notifications.kind.partnerInvitation": "Uitnodigingen om partner te worden",
  "notifications.kind.partnerInvitation.hint":
    "Als een school je organisatie uitnodigt voor het consortium van een aanvraag.",
  "notifications.kind.submissionConfirmation": "Ontvangstbevestiging van een ingediende aanvraag",
  "notifications.kind.submissionConfirmation.hint":
    "Met het tijdstip van indienen en de vingerafdruk van wat je indiende.",
  "notifications.kind.callPublished": "Nieuwe oproepen",
  "notifications.kind.callPublished.hint": "Als het Departement een nieuwe oproep publiceert.",
  "notifications.mail.deadlineReminder.subject":
    "Herinnering: de oproep {callTitle} sluit op {deadline}",
  "notifications.mail.deadlineReminder.text":
    "Beste {name},\n\nJe aanvraag voor de oproep “{callTitle}” is nog niet ingediend. De oproep sluit op {deadline} (Belgische tijd). Daarna kan je niets meer indienen of wijzigen.\n\nWerk je aanvraag af en dien ze in:\n{url}\n\nJe krijgt deze herinnering omdat herinneringen voor deadlines aan staan. Je kan dat wijzigen op {preferencesUrl}\n\nHet InnoVET-team",
  "notifications.mail.submissionConfirmation.subject": "Ingediend: {title}",
  "notifications.mail.submissionConfirmation.text":
    "Beste {name},\n\nJe aanvraag “{title}” voor de oproep “{callTitle}” is ingediend op {submittedAt} (Belgische tijd).\n\nVingerafdruk (SHA-256) van de ingediende inhoud:\n{fingerprint}\n\nHet ontvangstbewijs en de pdf van wat je indiende:\n{url}\n\nJe ontvangt deze bevestiging altijd: ze is je bewijs van indiening.\n\nHet InnoVET-team",
  "notifications.mail.callPublished.subject": "Nieuwe InnoVET-oproep: {callTitle}",
  "notifications.mail.callPublished.text":
    "Beste {name},\n\nEr is een nieuwe oproep gepubliceerd: “{callTitle}”. Je kan een aanvraag indienen tot {deadline} (Belgische tijd).\n\nLees de oproep:\n{url}\n\nJe krijgt dit bericht omdat je meldingen over nieuwe oproepen hebt aangezet. Je kan dat wijzigen op {preferencesUrl}\n\nHet InnoVET-team",
  "notifications.mail.partnerInvitation.subject":
    "Uitnodiging: partner in de InnoVET-aanvraag {title}",
  "notifications.mail.partnerInvitation.text":
    "Beste {name},\n\n{school} vraagt {organisation} om partner te zijn in de InnoVET-aanvraag “{title}” voor de oproep “{callTitle}”.\n\nLees het engagement en bevestig of weiger het via deze persoonlijke link (geldig tot {expiresAt}, Belgische tijd):\n{url}\n\nDeel deze link niet: wie hem heeft, kan antwoorden namens je organisatie.\n\nHet InnoVET-team",
} as const;
