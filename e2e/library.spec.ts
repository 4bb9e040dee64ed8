import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { pdfWithText } from "../test/support/files";
import { openCall, startApplication } from "./application-steps";
import { expect, expectAccessible, signIn, test } from "./fixtures";

// The commons end to end: a teacher publishes a material, a pedagogical counsellor sends it back
// with a note, the teacher revises and resubmits, the counsellor publishes it; a visitor finds it
// by a Dutch query (a word in another form, found only in the text of its file) and downloads the
// file; a coordinator of another school reports using it, the report is published and
// the material shows as replicated elsewhere. Axe on every page on the way.

let signIns = 0;

const pdfBytes = Buffer.from(pdfWithText("Zet voor het echte lassen altijd een lasmasker op."));

/** Signs in as another person, from another address (the sign-in rate limit is per address). */
async function signInAs(page: Page, email: string) {
  await page.context().clearCookies();
  signIns += 1;
  await page
    .context()
    .setExtraHTTPHeaders({ "x-forwarded-for": `10.251.${signIns % 250}.${Date.now() % 250}` });
  await signIn(page, email);
  await expect(page).toHaveURL(/\/mijn$/);
}

test("a material goes from a teacher's draft through moderation to replication elsewhere", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const title = `Lassen met augmented reality ${Date.now()}`;

  await signInAs(page, "leraar@demo.innovet.test");
  await page.goto("/bibliotheek");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Leermateriaal publiceren" }).click();
  await expectAccessible(page);
  await page.getByLabel("Titel", { exact: true }).fill(title);
  await page.getByLabel("Licentie").selectOption({ label: "CC BY 4.0" });
  await page.getByRole("button", { name: "Concept bewaren" }).click();
  await expect(page.getByText("Het concept is bewaard.")).toBeVisible();
  // Incomplete: the page lists what is missing and offers no submit button yet.
  await expect(page.getByRole("link", { name: "Vermeld minstens één auteur." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Indienen voor moderatie" })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Bewerken" }).click();
  await page
    .getByLabel("Beschrijving")
    .fill(
      "Een lessenreeks waarin leerlingen lasnaden oefenen met een AR-bril voor ze echt lassen.",
    );
  await page.getByLabel("Auteurs").fill("Dirk Oefenaere (Demo Technisch Instituut)");
  await page.getByLabel("Links").fill("https://voorbeeld.be/ar-lassen Lesfiches en video");
  await page.getByRole("group", { name: "Studiedomeinen" }).getByLabel("STEM").check();
  await page
    .getByRole("group", { name: "Soort leermateriaal" })
    .getByLabel("Lessenreeks of module")
    .check();
  await page.getByRole("group", { name: "Voor wie" }).getByLabel("Leerlingen").check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Concept bewaren" }).click();
  await expect(page.getByText("De versie is bewaard.")).toBeVisible();
  await page.getByRole("link", { name: "Bestanden beheren" }).click();
  await page.getByLabel("Bestand", { exact: true }).setInputFiles({
    name: "lesfiche ar-lassen.pdf",
    mimeType: "application/pdf",
    buffer: pdfBytes,
  });
  await page.getByRole("button", { name: "Bestand toevoegen" }).click();
  await expect(page.getByRole("status")).toContainText("Het bestand is toegevoegd.");
  await page.getByRole("link", { name: "Terug naar het lesmateriaal" }).click();
  await page.getByRole("button", { name: "Indienen voor moderatie" }).click();
  await expect(page.getByText("De versie is ingediend voor moderatie.")).toBeVisible();
  const materialUrl = page.url().replace(/\?.*$/, "");

  // The counsellor sends it back with a note.
  await signInAs(page, "begeleider@demo.innovet.test");
  await page.goto("/beheer/moderatie");
  await expectAccessible(page);
  await page.getByRole("link", { name: new RegExp(title) }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Aanpassingen vragen" }).click();
  await expect(page.getByRole("alert")).toContainText("Schrijf waarom");
  await page.getByLabel("Opmerking voor de makers").fill("Voeg de veiligheidsinstructies toe.");
  await page.getByRole("button", { name: "Aanpassingen vragen" }).click();
  await expect(page.getByText("De makers krijgen je opmerkingen")).toBeVisible();

  // The teacher reads the note, revises and resubmits.
  await signInAs(page, "leraar@demo.innovet.test");
  await page.goto(materialUrl);
  await expect(page.getByText("Voeg de veiligheidsinstructies toe.")).toBeVisible();
  await page.getByRole("link", { name: "Bewerken" }).click();
  await page.getByLabel("Trefwoorden").fill("lassen, augmented reality, veiligheid");
  await page.getByRole("button", { name: "Concept bewaren" }).click();
  await page.getByRole("button", { name: "Indienen voor moderatie" }).click();
  await expect(page.getByText("De versie is ingediend voor moderatie.")).toBeVisible();

  // The counsellor publishes it.
  await signInAs(page, "begeleider@demo.innovet.test");
  await page.goto("/beheer/moderatie");
  await page.getByRole("link", { name: new RegExp(title) }).click();
  // Exactly: the queue's replication reports have "Verslag publiceren" buttons.
  await page.getByRole("button", { name: "Publiceren", exact: true }).click();
  await expect(page.getByText("De versie is gepubliceerd.")).toBeVisible();

  // The teacher relates it to a demo material of the library, found by a search.
  await signInAs(page, "leraar@demo.innovet.test");
  await page.goto(materialUrl);
  await page.getByRole("link", { name: "Verwant leermateriaal" }).click();
  await expectAccessible(page);
  await page.getByLabel("Zoek het andere leermateriaal").fill("lasrobot");
  await page.getByRole("button", { name: "Zoeken" }).click();
  await page.getByLabel("Hoe hangen ze samen?").selectOption({ label: "Gebaseerd op" });
  await page
    .getByLabel("Ander leermateriaal")
    .selectOption({ label: "Veilig lassen met een lasrobot" });
  await page.getByRole("button", { name: "Verband toevoegen" }).click();
  await expect(page.getByText("Het verband is toegevoegd.")).toBeVisible();
  await expectAccessible(page);

  // A visitor finds it by a Dutch query: "lasmaskers" is only in the file's text, as
  // "lasmasker"; downloads the file; sees its attribution and JSON-LD.
  await page.context().clearCookies();
  await page.goto("/bibliotheek");
  await page.getByLabel("Zoek leermateriaal").fill("lasmaskers");
  await page.getByRole("button", { name: "Zoeken", exact: true }).click();
  await expect(page).toHaveURL(/[?&]q=lasmaskers/);
  await expectAccessible(page);
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "lesfiche ar-lassen.pdf" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("lesfiche ar-lassen.pdf");
  expect(readFileSync(await download.path()).equals(pdfBytes)).toBe(true);
  await expect(page.getByRole("link", { name: "Veilig lassen met een lasrobot" })).toBeVisible();
  await expect(page.locator("blockquote.attribution")).toContainText(
    `“${title}” door Dirk Oefenaere (Demo Technisch Instituut)`,
  );
  const jsonLd = JSON.parse(
    (await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}",
  );
  expect(jsonLd).toMatchObject({
    "@type": "LearningResource",
    name: title,
    license: "https://creativecommons.org/licenses/by/4.0/",
    isBasedOn: [{ "@type": "LearningResource", name: "Veilig lassen met een lasrobot" }],
  });
  await expectAccessible(page);

  // The material it is based on shows the relation the other way.
  await page.getByRole("link", { name: "Veilig lassen met een lasrobot" }).click();
  const related = page.getByRole("region", { name: "Verwant leermateriaal" });
  await expect(related.getByRole("listitem").filter({ hasText: title })).toHaveText(
    `Diende als basis voor: ${title}`,
  );
  await expectAccessible(page);
  await related.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);

  // Another school reports using it; once published, the material counts as replicated.
  await signInAs(page, "coordinator2@demo.innovet.test");
  await page.goto(materialUrl);
  await page.getByRole("link", { name: "Meld dat je school dit gebruikte" }).click();
  await expectAccessible(page);
  await page.getByLabel("Aantal leerlingen").fill("18");
  await page.getByLabel("Aantal leraren").fill("2");
  await page
    .getByLabel("Hoe ging het?")
    .fill("Leerlingen maakten minder fouten bij hun eerste echte las.");
  await page.getByRole("button", { name: "Verslag versturen" }).click();
  await expect(page.getByText("Je verslag wacht op een moderator.")).toBeVisible();

  await signInAs(page, "begeleider@demo.innovet.test");
  await page.goto("/beheer/moderatie");
  await page
    .getByRole("form", {
      name: new RegExp(`Verslag van Demoschool GO! Technisch Atheneum Hasselt over ${title}`),
    })
    .getByRole("button", { name: "Verslag publiceren" })
    .click();
  await expect(page.getByText("Het verslag staat nu bij het leermateriaal.")).toBeVisible();
  await page.goto(materialUrl);
  await expect(page.getByText("Elders hergebruikt")).toBeVisible();
  await expect(page.getByText("18 leerlingen, 2 leraren")).toBeVisible();
});

test("a coordinator links a new material to the school's InnoVET application", async ({ page }) => {
  await signInAs(page, "coordinator@demo.innovet.test");
  const project = `Project met leermateriaal ${Date.now()}`;
  await openCall(page);
  await startApplication(page, project);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(project);
  await page.goto("/bibliotheek/nieuw");
  const applications = page.getByLabel("InnoVET-aanvraag");
  await expect(applications.locator("option", { hasText: project })).toHaveCount(1);
  await expectAccessible(page);
  const title = `Uit een project ${Date.now()}`;
  await page.getByLabel("Titel", { exact: true }).fill(title);
  await page.getByLabel("Licentie").selectOption({ label: "CC BY 4.0" });
  await applications.selectOption({
    label: `${project} (Demo Technisch Instituut Sint-Aldegondis Gent)`,
  });
  await page.getByRole("button", { name: "Concept bewaren" }).click();
  await expect(page.getByText("Het concept is bewaard.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
});
