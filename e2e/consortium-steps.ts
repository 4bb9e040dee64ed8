import type { Page } from "@playwright/test";
import { startDemoApplication } from "./application-steps";
import { expect, mailedLink } from "./fixtures";

// Steps of the consortium journeys shared by the JavaScript and no-JavaScript specs.

/** Starts a draft of the open demo call and opens its consortium page. */
export async function startDraftAtConsortium(page: Page, title: string) {
  await startDemoApplication(page, title);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(
    page.getByRole("listitem").filter({ hasText: "Consortium: scholen en partners" }),
  ).toContainText("Niet gestart");
  await page.getByRole("link", { name: "Consortium: scholen en partners" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Consortium");
}

/** Adds a directory partner through search, with its commitment. */
export async function addDirectoryPartner(page: Page, search: string, name: string, email: string) {
  await page.getByRole("link", { name: "Voeg een partner toe" }).click();
  await page.getByLabel("Naam of nummer").fill(search);
  await page.getByRole("button", { name: "Zoeken" }).click();
  await page.getByRole("link", { name: `Kies ${name}` }).click();
  await expect(page.getByText(`Gekozen organisatie: ${name}`)).toBeVisible();
  await page.getByLabel("Expertise").check();
  await page.getByLabel("Werkplekleren").check();
  await page.getByLabel("Engagement", { exact: true }).fill("Stageplaatsen en twee workshops.");
  await page.getByLabel("Waarde in natura (euro)").fill("12.500");
  await page.getByLabel("Naam van de contactpersoon").fill("Karel Van Kerckhove");
  await page.getByLabel("E-mailadres van de contactpersoon").fill(email);
  await page.getByRole("button", { name: "Partner opslaan" }).click();
  await expect(page.getByRole("status")).toContainText("De partner is toegevoegd.");
}

/** Follows the link of the invitation mail sent to `email` (from the captured mails). */
export async function followInvitation(page: Page, email: string) {
  await page.goto(await mailedLink(email, /\/uitnodiging\//));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Uitnodiging om partner te zijn",
  );
}
