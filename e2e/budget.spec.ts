import { startDemoApplication } from "./application-steps";
import { expect, expectAccessible, test } from "./fixtures";

// The budget step: a coordinator adds teacher release time in hours and an amount for materials,
// sees the totals against the call's maximum, corrects a line, removes one, and is told in Dutch
// at the field what is wrong. Every page passes axe.

test("a coordinator builds the budget of a draft line by line", async ({ page }) => {
  await startDemoApplication(page, `E2E-budget ${Date.now()}`);
  await expect(page).toHaveURL(/\/aanvragen\/[0-9a-f-]{36}$/);

  await page.getByRole("link", { name: "Budget" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Budget");
  await expect(page.getByText("Er staan nog geen kosten in het budget.")).toBeVisible();
  await expectAccessible(page);

  // Teacher release time without hours is refused at the field.
  await page.getByRole("link", { name: "Kosten toevoegen" }).click();
  await page
    .getByLabel("Categorie", { exact: true })
    .selectOption({ label: "Vrijstelling van leraren" });
  await page.getByLabel("Omschrijving").fill("Vrijstelling twee leraren elektromechanica");
  await page.getByLabel("Kostprijs per uur").fill("45,50");
  await page.getByRole("button", { name: "Bewaren" }).click();
  await expect(page.getByRole("alert")).toContainText("Geef het aantal uren.");
  await expectAccessible(page);
  await page.getByLabel("Aantal uren").fill("120");
  await page.getByRole("button", { name: "Bewaren" }).click();
  await expect(page.getByText("De kosten zijn bewaard.")).toBeVisible();

  await page.getByRole("link", { name: "Kosten toevoegen" }).click();
  await page
    .getByLabel("Categorie", { exact: true })
    .selectOption({ label: "Werkingsmiddelen en materiaal" });
  await page.getByLabel("Omschrijving").fill("Sensoren");
  await page.getByLabel("Bedrag (alle andere categorieën)").fill("2.400");
  await page.getByRole("button", { name: "Bewaren" }).click();

  const costs = page.getByRole("table", { name: "Kosten" });
  await expect(costs.getByRole("row")).toHaveCount(3);
  await expect(costs).toContainText("120 uur × € 45,50 per uur");
  await expect(costs).toContainText("€ 5.460");
  await expect(page.getByRole("definition").filter({ hasText: "€ 7.860" }).first()).toBeVisible();
  await expectAccessible(page);

  // Correct the materials, then remove them.
  await costs.getByRole("link", { name: /Wijzigen Sensoren/ }).click();
  await expect(page.getByLabel("Bedrag (alle andere categorieën)")).toHaveValue("2.400");
  await page.getByLabel("Bedrag (alle andere categorieën)").fill("2.650,75");
  await page.getByRole("button", { name: "Bewaren" }).click();
  await expect(costs).toContainText("€ 2.650,75");
  await costs.getByRole("link", { name: /Wijzigen Sensoren/ }).click();
  await page.getByRole("button", { name: "Deze kosten verwijderen" }).click();
  await expect(page.getByText("De kosten zijn verwijderd.")).toBeVisible();
  await expect(costs.getByRole("row")).toHaveCount(2);

  // The task list shows the budget as started; the check page names what is still missing.
  await page
    .getByRole("link", { name: /E2E-budget/ })
    .first()
    .click();
  await expect(page.locator("#status-stap-budget")).not.toHaveText("Niet gestart");
});
