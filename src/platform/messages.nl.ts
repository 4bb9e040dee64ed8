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
  "accessibility.title": "Toegankelijkheidsverklaring",
  "accessibility.lead":
    "Het Departement Onderwijs en Vorming wil het InnoVET-platform voor iedereen toegankelijk maken, volgens het decreet van 7 december 2018 over de toegankelijkheid van websites en mobiele applicaties van overheidsinstanties.",
  "accessibility.scope":
    "Deze verklaring geldt voor het InnoVET-platform op {site}: de pagina's, formulieren en downloads die het platform zelf maakt.",
  "accessibility.statusTitle": "Nalevingsstatus",
  "accessibility.statusText":
    "Dit platform is gedeeltelijk in overeenstemming met de Web Content Accessibility Guidelines (WCAG) 2.1, niveau AA, de norm van de Europese standaard EN 301 549. De inhoud hieronder voldoet nog niet.",
  "accessibility.nonAccessibleTitle": "Niet-toegankelijke inhoud",
  "accessibility.nonCompliantTitle":
    "Niet in overeenstemming met de toegankelijkheidsvoorschriften",
  "accessibility.issue.receiptPdf":
    "Het ontvangstbewijs van een indiening (pdf) is geen getagde pdf: een schermlezer leest de tekst, maar niet de opbouw met koppen en lijsten (WCAG 1.3.1). Dezelfde gegevens staan toegankelijk op de pagina van de indiening.",
  "accessibility.disproportionateTitle": "Onevenredige last",
  "accessibility.disproportionateText":
    "Het departement beroept zich niet op een onevenredige last.",
  "accessibility.outOfScopeTitle": "Buiten het toepassingsgebied",
  "accessibility.issue.userFiles":
    "Bestanden die gebruikers zelf opladen (bijlagen van aanvragen en bestanden van leermateriaal) zijn inhoud van derden: het platform controleert hun toegankelijkheid niet.",
  "accessibility.preparationTitle": "Opstelling van deze verklaring",
  "accessibility.preparationText": "Deze verklaring is opgesteld op {date}.",
  "accessibility.methodText":
    "Ze steunt op een zelfbeoordeling door het ontwikkelteam: bij elke wijziging controleert axe-core in Chromium de pagina's van elke gebruikersreis op de regels van WCAG 2.1 A en AA, de reizen worden met alleen het toetsenbord en zonder JavaScript doorlopen, en de pagina's worden bekeken op 320 CSS-pixels breed.",
  "accessibility.feedbackTitle": "Feedback en contactgegevens",
  "accessibility.feedbackText":
    "Loopt u op dit platform tegen een toegankelijkheidsprobleem aan, of wilt u inhoud in een andere vorm? Mail naar {email}. U krijgt binnen 5 werkdagen een ontvangstbevestiging en binnen 20 werkdagen een antwoord of een oplossing.",
  "accessibility.enforcementTitle": "Handhavingsprocedure",
  "accessibility.enforcementText":
    "Bent u niet tevreden met ons antwoord, of krijgt u geen antwoord? Dan kunt u een klacht indienen bij de Vlaamse Ombudsdienst, die klachten over de toegankelijkheid van websites van de Vlaamse overheid behandelt.",
  "accessibility.enforcementLink": "Klacht indienen bij de Vlaamse Ombudsdienst",
  "privacy.title": "Privacyverklaring",
  "privacy.lead":
    "Welke persoonsgegevens het InnoVET-platform bewaart, waarom, hoelang, en welke rechten u hebt. Verwerkingsverantwoordelijke is het Departement Onderwijs en Vorming van de Vlaamse overheid.",
  "privacy.whatTitle": "Wat we bewaren, waarom en hoelang",
  "privacy.column.what": "Gegevens",
  "privacy.column.why": "Waarom (rechtsgrond)",
  "privacy.column.howLong": "Hoelang",
  "privacy.account.what":
    "Uw account: naam, e-mailadres, organisatie en rollen, uw wachtwoord alleen als versleutelde hash.",
  "privacy.account.why":
    "Om u te laten aanmelden en te tonen wat uw rol u toestaat: uitvoering van een taak van algemeen belang (AVG art. 6.1.e), de subsidiëring van InnoVET-projecten.",
  "privacy.account.howLong": "Zolang uw account bestaat.",
  "privacy.sessions.what": "Uw sessie: het IP-adres en de browser waarmee u bent aangemeld.",
  "privacy.sessions.why": "Om uw aanmelding veilig te houden (AVG art. 6.1.e).",
  "privacy.sessions.howLong":
    "Een sessie is {hours} uur geldig na het laatste gebruik; bij het afmelden wordt ze gewist.",
  "privacy.throttle.what":
    "Tellers van mislukte aanmeldpogingen en herstelaanvragen, per e-mailadres en per IP-adres.",
  "privacy.throttle.why": "Om het raden van wachtwoorden te stoppen (AVG art. 6.1.e).",
  "privacy.throttle.howLong":
    "Een teller telt {minutes} minuten; een dag daarna wordt hij bij de volgende geslaagde aanmelding gewist.",
  "privacy.parked.what":
    "Wat u in een formulier typte toen uw sessie verlopen was, om het u na het aanmelden terug te geven.",
  "privacy.parked.why": "Zodat niets verloren gaat wat u typte (AVG art. 6.1.e).",
  "privacy.parked.howLong":
    "Hoogstens {hours} uur, of tot u het terugkrijgt: het wordt dan meteen gewist.",
  "privacy.applications.what":
    "Aanvragen, hun bijlagen en indieningen, met wie wat invulde en indiende.",
  "privacy.applications.why":
    "Om subsidieaanvragen te behandelen en te verantwoorden (AVG art. 6.1.e en 6.1.c: de regels over de besteding van overheidsgeld).",
  "privacy.applications.howLong":
    "Een ingediende aanvraag is een onveranderlijke momentopname; ze blijft bewaard zolang het programma ze moet kunnen verantwoorden.",
  "privacy.audit.what":
    "Het auditlog: wie wanneer welke wijziging deed, met de oude en de nieuwe waarde.",
  "privacy.audit.why":
    "Om elke beslissing en wijziging te kunnen verantwoorden (AVG art. 6.1.c en 6.1.e).",
  "privacy.audit.howLong":
    "Het auditlog kan niet worden gewijzigd en het platform wist het niet: het blijft zolang het platform bestaat.",
  "privacy.notifications.what":
    "Uw voorkeuren voor e-mails en welke meldingen u al kreeg (zodat u er geen twee keer krijgt).",
  "privacy.notifications.why": "Om u alleen de e-mails te sturen die u wilt (AVG art. 6.1.e).",
  "privacy.notifications.howLong": "Zolang uw account bestaat.",
  "privacy.usage.what":
    "Het aantal keren dat een leermateriaal per dag bekeken en gedownload werd, zonder persoonsgegevens.",
  "privacy.usage.why": "Om het bereik van de gedeelde leermaterialen te tonen.",
  "privacy.usage.howLong": "Geen persoonsgegevens: de tellingen blijven.",
  "privacy.cookiesTitle": "Cookies",
  "privacy.cookiesText":
    "Het platform gebruikt alleen functionele cookies: uw sessie, de beveiliging van formulieren (CSRF), uw taalkeuze, een melding na een actie en, wanneer dat nodig is, het formulier dat wachtte op uw aanmelding. Er zijn geen cookies voor statistieken of reclame.",
  "privacy.sharingTitle": "Met wie we gegevens delen",
  "privacy.sharingText":
    "Uw gegevens worden alleen gedeeld met wie ze nodig heeft voor de aanvraag: de scholen en partners van hetzelfde consortium en het programmateam van het departement. Gepubliceerd leermateriaal is openbaar, met de naam van de makers zoals de licentie vraagt.",
  "privacy.rightsTitle": "Uw rechten",
  "privacy.rightsText":
    "U hebt het recht om uw gegevens in te zien, te laten verbeteren of, waar de wet dat toelaat, te laten wissen of de verwerking te beperken, en om bezwaar te maken. Uw naam en wachtwoord wijzigt u zelf op 'Mijn gegevens'. Voor al het andere mailt u naar {email}.",
  "privacy.officerTitle": "Functionaris voor gegevensbescherming",
  "privacy.officerText":
    "Vragen over uw persoonsgegevens stelt u aan de functionaris voor gegevensbescherming van het Departement Onderwijs en Vorming: {email}.",
  "privacy.complaintTitle": "Klacht",
  "privacy.complaintText":
    "Bent u niet tevreden over hoe wij met uw gegevens omgaan, dan kunt u klacht indienen bij de Vlaamse Toezichtcommissie voor de verwerking van persoonsgegevens.",
  "privacy.complaintLink": "Naar de Vlaamse Toezichtcommissie",
  "contact.title": "Contact en hulp",
  "contact.lead": "Vragen over InnoVET, een aanvraag of dit platform? Zo vindt u hulp.",
  "contact.helpdeskTitle": "Helpdesk",
  "contact.helpdeskText":
    "Mail naar {email}. Vermeld de pagina en wat u probeerde te doen; stuur nooit uw wachtwoord mee. U krijgt binnen 5 werkdagen antwoord.",
  "contact.signInTitle": "Problemen met aanmelden",
  "contact.signInText":
    "Wachtwoord vergeten? Vraag een nieuw wachtwoord aan. Na te veel mislukte pogingen wacht een account even; het aanmeldscherm zegt hoelang.",
  "contact.signInLink": "Wachtwoord vergeten",
  "contact.applicationTitle": "Vragen over een oproep of aanvraag",
  "contact.applicationText":
    "Elke oproep beschrijft wie kan indienen, de termijnen en het budget. Vragen over de inhoud van een oproep stelt u aan het programmateam via de helpdesk.",
  "contact.applicationLink": "Naar de oproepen",
  "contact.accessibilityTitle": "Toegankelijkheid en privacy",
  "contact.accessibilityText":
    "Een toegankelijkheidsprobleem melden of een vraag over uw gegevens: lees de toegankelijkheidsverklaring of de privacyverklaring.",
} as const;
