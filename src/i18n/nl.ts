// The Dutch (nl-BE) messages of the web shell (layout, navigation, home, dashboard, form kit, error pages, shared errors): the source of truth.
// en.ts has exactly these keys (typed). All areas together form MessageKey (src/i18n/catalogue.nl.ts).
// A message is a string with {placeholders}, or a plural form { one, other } chosen by {count}.
export const shellNl = {
  "app.name": "InnoVET",
  "app.tagline": "Innovatie in het arbeidsmarktgericht secundair onderwijs",
  "app.description":
    "Het platform van het Vlaamse InnoVET-programma: van oproep tot blijvende impact in elke tso- en bso-school.",
  "layout.skipLink": "Ga naar de inhoud",
  "layout.mainNav": "Hoofdnavigatie",
  "layout.breadcrumbs": "Kruimelpad",
  "layout.switchTo": "English",
  "layout.switchToLabel": "Switch to English",
  "layout.footer":
    "InnoVET is een programma van de Vlaamse overheid, Departement Onderwijs en Vorming, met de Regionale Technologische Centra. Dit is een demonstratieomgeving met fictieve gegevens.",
  "layout.signedInAs": "Aangemeld als {name}",
  "nav.home": "Start",
  "nav.directory": "Scholen en partners",
  "nav.dashboard": "Mijn InnoVET",
  "nav.people": "Personen",
  "nav.organisationsNew": "Organisatie toevoegen",
  "nav.audit": "Auditlog",
  "nav.devMail": "Verzonden e-mails",
  "nav.signIn": "Aanmelden",
  "nav.signOut": "Afmelden",
  "home.title": "Welkom bij InnoVET",
  "home.lead":
    "InnoVET ondersteunt tso-, bso-, buso- en dbso-scholen die samen met bedrijven, sectoren, RTC's, hogescholen en pedagogische begeleidingsdiensten innoveren. Wat één school ontwikkelt, komt bij alle scholen terecht.",
  "home.directoryTitle": "Scholen en partners",
  "home.directoryText":
    "Zoek scholen, vestigingsplaatsen en partners per provincie, net, studiedomein of finaliteit.",
  "home.directoryLink": "Naar de gids",
  "home.statsTitle": "Het netwerk in cijfers",
  "home.statSchools": "scholen",
  "home.statSites": "vestigingsplaatsen",
  "home.statPartners": "partners",
  "dashboard.title": "Mijn InnoVET",
  "dashboard.roles": "Jouw rollen",
  "dashboard.noRoles":
    "Je hebt nog geen rol in een organisatie. Neem contact op met de platformbeheerder.",
  "dashboard.role.programmeManager":
    "Oproepen beheren, aanvragen opvolgen en de selectie voorbereiden.",
  "dashboard.role.schoolCoordinator": "De gegevens van je school bekijken en aanvragen indienen.",
  "dashboard.role.schoolDirector":
    "De gegevens van je school en de aanvragen van je team bekijken.",
  "dashboard.role.teacher":
    "Je persoonlijk professionaliseringstraject bijhouden en leermateriaal delen.",
  "dashboard.role.partnerContact":
    "Deelnemen aan consortia en expertise of infrastructuur aanbieden.",
  "dashboard.role.guidanceCounsellor": "Scholen coachen en leermateriaal modereren.",
  "dashboard.role.reviewer": "De aanvragen beoordelen die aan jou zijn toegewezen.",
  "dashboard.role.policyViewer": "Inzicht in bereik, gelijke kansen en impact.",
  "dashboard.role.platformAdmin": "Personen, lidmaatschappen en organisaties beheren.",
  "dashboard.detailsTitle": "Mijn gegevens",
  "dashboard.detailsText": "Je naam zoals anderen hem in InnoVET zien.",
  "dashboard.detailsLink": "Mijn gegevens bekijken en wijzigen",
  "nav.calls": "Oproepen",
  "nav.callsManage": "Oproepen beheren",
  "pagination.label": "Paginering",
  "pagination.previous": "Vorige pagina",
  "pagination.next": "Volgende pagina",
  "pagination.page": "Pagina {page} van {pages}",
  "form.errorSummaryTitle": "Er is een probleem",
  "form.errorTitlePrefix": "Fout: ",
  "form.required": "verplicht",
  "form.optional": "optioneel",
  "form.choose": "Maak een keuze",
  "error.invalidValue": "Deze waarde is niet geldig. Controleer wat je invulde.",
  "error.invisibleCharacter":
    "Deze tekst bevat een onzichtbaar nul-teken (vaak meegekopieerd uit een ander programma) dat niet bewaard kan worden. Verwijder het en probeer opnieuw.",
  "error.required": "Vul dit veld in.",
  "error.tooLong": "Dit is te lang.",
  "error.invalidEmail": "Vul een geldig e-mailadres in, bijvoorbeeld naam@school.be.",
  "error.invalidUrl": "Vul een volledig webadres in, beginnend met https://.",
  "error.invalidChoice": "Kies een van de mogelijkheden.",
  "error.csrf":
    "Je formulier is verlopen. Laad de pagina opnieuw en probeer het nog eens; wat je typte, staat nog in het formulier.",
  "errorPage.title": "Er liep iets mis",
  "errorPage.text":
    "Er ging iets mis aan onze kant. Je gegevens zijn veilig. Probeer het later opnieuw.",
  "errorPage.notFoundTitle": "Pagina niet gevonden",
  "errorPage.notFoundText":
    "Deze pagina bestaat niet (meer). Controleer het adres of ga naar de startpagina.",
  "errorPage.forbiddenTitle": "Geen toegang",
  "errorPage.forbiddenText": "Je hebt geen toegang tot deze pagina.",
  "errorPage.badRequestTitle": "Dit verzoek kunnen we niet verwerken",
  "errorPage.badRequestText":
    "Ga terug naar de vorige pagina en gebruik de knoppen en formulieren daar.",
  "errorPage.home": "Naar de startpagina",
  "errorPage.tooLargeTitle": "Dit is te groot",
  "errorPage.tooLargeText":
    "Wat je verstuurde, is groter dan deze pagina aanvaardt. Ga terug, maak het korter of kleiner en probeer het opnieuw.",
  "errorPage.methodTitle": "Dit soort verzoek kennen we niet",
  "errorPage.methodText":
    "Dit adres aanvaardt dit soort verzoek niet. Open de pagina in je browser of ga naar de startpagina.",
  "errorPage.badAddressText":
    "Het adres bevat tekens die we niet kunnen lezen, zoals een onzichtbaar nulteken. Controleer het adres of ga naar de startpagina.",
  "nav.applications": "Aanvragen",
  "common.yes": "Ja",
  "common.no": "Nee",
  "autosave.saving": "Bezig met bewaren…",
  "autosave.saved": "Automatisch bewaard om {time}.",
  "autosave.refused":
    "Niet automatisch bewaard: iets klopt nog niet. Klik op de knop om op te slaan en te zien wat.",
  "autosave.offline":
    "Niet bewaard: geen verbinding. Je tekst staat in deze browser; we proberen opnieuw bij je volgende wijziging.",
  "autosave.conflict":
    "Iemand anders heeft deze aanvraag intussen gewijzigd. We bewaren niet meer automatisch: kopieer je tekst en open de laatste versie.",
  "autosave.signedOut":
    "Je bent afgemeld. Je tekst staat veilig in deze browser. Meld je opnieuw aan; daarna bewaren we verder.",
  "autosave.signInNewTab": "Aanmelden in een nieuw tabblad",
  "autosave.restorable": "In deze browser staat tekst van {time} die nog niet bewaard is.",
  "autosave.restore": "Zet die tekst terug",
  "common.cancel": "Annuleren",
  "common.none": "—",
  "nav.jobs": "Geplande taken",
  "nav.library": "Bibliotheek",
  "nav.moderation": "Moderatie",
} as const;
