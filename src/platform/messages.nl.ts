// The Dutch (nl-BE) messages of the platform area: the source of truth.
// messages.en.ts has exactly these keys (typed). All areas together form MessageKey (src/i18n/catalogue.nl.ts).
// A message is a string with {placeholders}, or a plural form { one, other } chosen by {count}.
export const platformNl = {
  "parkedForm.unknownPage": "Op deze pagina bewaren we geen formulier.",
  "parkedForm.tooLarge": "Dit formulier is groter dan de pagina toelaat.",
  "parkedForm.quotaExceeded":
    "Er staan al te veel formulieren voor je klaar. Meld je aan en werk ze eerst af.",
  "jobs.title": "Geplande taken met problemen",
  "jobs.lead":
    "Taken die mislukt zijn of na een fout opnieuw zullen proberen, zoals herinneringsmails. Herstel eerst de oorzaak (bijvoorbeeld de mailserver) en start de taak dan opnieuw.",
  "jobs.empty": "Geen mislukte taken. Alles loopt zoals gepland.",
  "jobs.col.kind": "Soort taak",
  "jobs.col.status": "Status",
  "jobs.col.attempts": "Pogingen",
  "jobs.col.lastError": "Laatste fout",
  "jobs.col.nextRun": "Volgende poging",
  "jobs.col.actions": "Acties",
  "jobs.kind.deadlineReminder": "Herinnering voor een deadline",
  "jobs.kind.callPublished": "Melding van een nieuwe oproep",
  "jobs.kind.submissionReceipt": "Ontvangstbewijs (pdf) van een indiening",
  "jobs.status.failed": "Mislukt",
  "jobs.status.pending": "Probeert opnieuw",
  "jobs.attemptsOf": "{attempts} van {max}",
  "jobs.retry": "Nu opnieuw proberen",
  "jobs.retryLabel": "Taak {key} opnieuw proberen",
  "jobs.retried": "De taak staat klaar en wordt zo dadelijk opnieuw uitgevoerd.",
  "jobs.history": "Geschiedenis",
  "jobs.error.unknown": "Deze taak vinden we niet.",
  "jobs.error.notRetryable": "Deze taak is niet mislukt en wacht niet op een nieuwe poging.",
  "jobs.kind.partnerInvitation": "Uitnodiging van een partner",
} as const;
