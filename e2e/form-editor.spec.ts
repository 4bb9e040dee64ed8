import type { Page } from "@playwright/test";
import { href } from "react-router";
import { expect, expectAccessible, signIn, test } from "./fixtures";

// The structured editor of a call's application form: the programme manager builds the form of a
// draft call section by section and question by question, without JSON, then sees it in the
// call's preview. The two-step "add a question" also works without JavaScript.

async function newDraftCall(page: Page, title: string) {
  await signIn(page, "programmabeheerder@demo.innovet.test");
  await expect(page).toHaveURL(/\/mijn$/);
  await page.goto("/beheer/oproepen/nieuw");
  await page.getByLabel("Titel").fill(title);
  await page.getByRole("button", { name: "Concept opslaan" }).click();
  await expect(page.getByText("De oproep is als concept opgeslagen.")).toBeVisible();
}

/** The question labels of a section of the outline, in order. */
async function questionsOf(page: Page, section: string) {
  return page
    .getByRole("list", { name: `Vragen van ${section}` })
    .getByRole("listitem")
    .locator("strong")
    .allTextContents();
}

test("a programme manager builds a draft call's application form and previews it", async ({
  page,
}) => {
  const title = `E2E-formulier ${Date.now()}`;
  await newDraftCall(page, title);

  await page.getByRole("link", { name: "Aanvraagformulier bewerken" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Aanvraagformulier: ${title}`);
  await expect(page.getByRole("heading", { level: 2, name: "Het projectvoorstel" })).toBeVisible();
  await expect(page.getByText("(tekst, verplicht, max. 3 pagina's)").first()).toBeVisible();
  await expectAccessible(page);

  // A new section, at the end.
  await page.getByRole("link", { name: "Sectie toevoegen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nieuwe sectie");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByRole("alert")).toContainText("Titel van de sectie: Vul dit veld in.");
  await expectAccessible(page);
  await page.getByLabel("Titel van de sectie").fill("Praktische gegevens");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByText("De sectie is toegevoegd.")).toBeVisible();
  const section = page.getByRole("region", { name: "Praktische gegevens" });
  await expect(section.getByText("Deze sectie heeft nog geen vragen.")).toBeVisible();

  // A text question with a page limit: first the kind, then its fields.
  await section.getByRole("link", { name: /Vraag toevoegen/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Nieuwe vraag in ‘Praktische gegevens’",
  );
  await expectAccessible(page);
  await page.getByLabel("Tekst", { exact: true }).check();
  await page.getByRole("button", { name: "Verder" }).click();
  await expect(page.getByText("Soort vraag: Tekst")).toBeVisible();
  await expect(page.getByText(/Een pagina is ongeveer 500 woorden/)).toBeVisible();
  await expect(page.getByLabel("Keuzes")).toHaveCount(0);
  await expectAccessible(page);
  await page.getByLabel("Vraag", { exact: true }).fill("Waarom nu?");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByRole("alert")).toContainText("Maximum: Vul een getal in.");
  await expectAccessible(page);
  await expect(page.getByLabel("Vraag", { exact: true })).toHaveValue("Waarom nu?");
  await page.getByLabel("Limiet in").selectOption({ label: "pagina's" });
  await page.getByLabel("Maximum").fill("3");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByText("De vraag is toegevoegd.")).toBeVisible();

  // A choice question with three options, one per line.
  await section.getByRole("link", { name: /Vraag toevoegen/ }).click();
  await page.getByLabel("Keuze", { exact: true }).check();
  await page.getByRole("button", { name: "Verder" }).click();
  await expect(page.getByLabel("Maximum")).toHaveCount(0);
  await expectAccessible(page);
  await page.getByLabel("Vraag", { exact: true }).fill("Welke graad?");
  await page.getByLabel("Keuzes").fill("Tweede graad\nDerde graad\nSe-n-Se");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByText("De vraag is toegevoegd.")).toBeVisible();
  await expect(section.getByText("(keuze, verplicht, 3 keuzes, één antwoord)")).toBeVisible();
  expect(await questionsOf(page, "Praktische gegevens")).toEqual(["Waarom nu?", "Welke graad?"]);
  await expectAccessible(page);

  // Move the choice question up.
  await section.getByRole("button", { name: "Omhoog: Welke graad?" }).click();
  await expect(page.getByText("De volgorde is aangepast.")).toBeVisible();
  expect(await questionsOf(page, "Praktische gegevens")).toEqual(["Welke graad?", "Waarom nu?"]);

  // Change a label.
  await section.getByRole("link", { name: "Wijzigen: Waarom nu?" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vraag wijzigen");
  await expect(page.getByLabel("Maximum")).toHaveValue("3");
  await expectAccessible(page);
  await page.getByLabel("Vraag", { exact: true }).fill("Waarom nu, en waarom jullie?");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByText("De vraag is opgeslagen.")).toBeVisible();
  expect(await questionsOf(page, "Praktische gegevens")).toEqual([
    "Welke graad?",
    "Waarom nu, en waarom jullie?",
  ]);

  // Change a section's introduction; its title stays.
  await page.getByRole("link", { name: "Wijzigen: Praktische gegevens" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sectie wijzigen");
  await expect(page.getByLabel("Titel van de sectie")).toHaveValue("Praktische gegevens");
  await expectAccessible(page);
  await page.getByLabel("Inleiding").fill("Wie, waar en voor welke leerlingen.");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByText("De sectie is opgeslagen.")).toBeVisible();

  // Remove a question, after confirming on its own page.
  await page
    .getByRole("region", { name: "Het projectvoorstel" })
    .getByRole("link", { name: "Verwijderen: Kostprijs en cofinanciering" })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vraag verwijderen?");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Ja, verwijderen" }).click();
  await expect(page.getByText("De vraag is verwijderd.")).toBeVisible();
  expect(await questionsOf(page, "Het projectvoorstel")).not.toContain(
    "Kostprijs en cofinanciering",
  );

  // The preview shows the form as applicants will see it.
  await page.getByRole("link", { name: "Voorbeeld van de oproep" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const form = page.getByRole("region", { name: "De vragen van het aanvraagformulier" });
  await expect(form.getByRole("heading", { level: 3, name: "Praktische gegevens" })).toBeVisible();
  await expect(form.getByText("Wie, waar en voor welke leerlingen.")).toBeVisible();
  await expect(form.getByText("Kies één van: Tweede graad · Derde graad · Se-n-Se.")).toBeVisible();
  await expect(form.getByText("Waarom nu, en waarom jullie?")).toBeVisible();
  await expect(form.getByText("Kostprijs en cofinanciering")).toHaveCount(0);
  const labels = await form.locator("li strong").allTextContents();
  expect(labels.indexOf("Welke graad?")).toBeLessThan(
    labels.indexOf("Waarom nu, en waarom jullie?"),
  );
  await expectAccessible(page);
});

test("a published call's form is shown read-only in the editor", async ({ page }) => {
  await signIn(page, "programmabeheerder@demo.innovet.test");
  await expect(page).toHaveURL(/\/mijn$/);
  await page.goto("/oproepen");
  await page.getByRole("link", { name: "InnoVET cyclus 1: projectoproep 2018-2019" }).click();
  await expect(page).toHaveURL(/\/oproepen\/[0-9a-f-]{36}$/);
  const callId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
  await page.goto(href("/beheer/oproepen/:callId/formulier", { callId }));
  await expect(
    page.getByText("Deze oproep is gepubliceerd: het aanvraagformulier ligt vast."),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Sectie toevoegen" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Omhoog|Omlaag/ })).toHaveCount(0);
  await expectAccessible(page);
  // The pages that change the form send a published call back to the outline.
  await page.goto(href("/beheer/oproepen/:callId/formulier/nieuwe-sectie", { callId }));
  await expect(page).toHaveURL(
    new RegExp(`${href("/beheer/oproepen/:callId/formulier", { callId })}$`),
  );
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a programme manager adds a question in two steps, corrected at the field", async ({
    page,
  }) => {
    const title = `E2E-formulier zonder JS ${Date.now()}`;
    await newDraftCall(page, title);
    await page.getByRole("link", { name: "Aanvraagformulier bewerken" }).click();
    const section = page.getByRole("region", { name: "Het projectvoorstel" });
    await section.getByRole("link", { name: /Vraag toevoegen/ }).click();

    // "Verder" without a choice asks again.
    await page.getByRole("button", { name: "Verder" }).click();
    await expect(page.getByRole("alert")).toContainText("Kies het soort vraag.");
    await page.getByLabel("Getal", { exact: true }).check();
    await page.getByRole("button", { name: "Verder" }).click();
    await expect(page).toHaveURL(/soort=number/);
    await expect(page.getByText("Soort vraag: Getal")).toBeVisible();

    await page.getByLabel("Vraag", { exact: true }).fill("Aantal leerlingen");
    await page.getByLabel("Kleinste toegelaten getal").fill("10");
    await page.getByLabel("Grootste toegelaten getal").fill("2");
    await page.getByLabel("Eenheid").fill("leerlingen");
    await page.getByRole("button", { name: "Opslaan" }).click();
    await expect(page.getByRole("alert")).toContainText(
      "Grootste toegelaten getal: Het grootste getal is kleiner dan het kleinste.",
    );
    await expect(page.getByLabel("Eenheid")).toHaveValue("leerlingen");
    await page.getByLabel("Grootste toegelaten getal").fill("200");
    await page.getByRole("button", { name: "Opslaan" }).click();
    await expect(page.getByText("De vraag is toegevoegd.")).toBeVisible();
    await expect(section.getByText("(getal, verplicht, van 10 tot 200)")).toBeVisible();
    expect(await questionsOf(page, "Het projectvoorstel")).toContain("Aantal leerlingen");

    // Moving works as a plain form too.
    await section.getByRole("button", { name: "Omhoog: Aantal leerlingen" }).click();
    await expect(page.getByText("De volgorde is aangepast.")).toBeVisible();
    const order = await questionsOf(page, "Het projectvoorstel");
    expect(order.indexOf("Aantal leerlingen")).toBe(order.length - 2);
  });
});
