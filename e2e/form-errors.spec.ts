import type { Page } from "@playwright/test";
import { startDemoApplication } from "./application-steps";
import { expect, expectAccessible, test } from "./fixtures";

// The form kit's error summary with JavaScript on (GOV.UK pattern), on the budget line form:
// every error at once (the amount too, not only once the description is given), a link of the
// summary focuses its field without wiping the errors (a hash change used to be a navigation
// that dropped the action's data), every failed submit (the second and later ones too) focuses
// the summary again, and the title says "Fout: " while the form is refused.

async function newBudgetLine(page: Page) {
  await startDemoApplication(page, `E2E-foutmeldingen ${Date.now()}`);
  await expect(page).toHaveURL(/\/aanvragen\/[0-9a-f-]{36}$/);
  await page.getByRole("link", { name: "Budget" }).click();
  await page.getByRole("link", { name: "Kosten toevoegen" }).click();
  await expect(page).toHaveTitle(/^Kosten toevoegen \| InnoVET$/);
}

test("the error summary shows every error at once, its links focus the field and keep the errors, and every failed submit focuses it", async ({
  page,
}) => {
  await newBudgetLine(page);
  await page
    .getByLabel("Categorie", { exact: true })
    .selectOption({ label: "Werkingsmiddelen en materiaal" });
  const amount = page.getByLabel("Bedrag (alle andere categorieën)");
  const description = page.getByLabel("Omschrijving");
  await amount.fill("veel");
  await page.getByRole("button", { name: "Bewaren" }).click();

  // One round: the blank description and the amount that is none, both.
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Omschrijving: Geef een omschrijving.");
  await expect(summary).toContainText("Bedrag: Geef een bedrag in euro groter dan 0");
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Fout: Kosten toevoegen \| InnoVET$/);
  await expect(description).toHaveAttribute("aria-invalid", "true");
  await expect(amount).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  // A link of the summary: the field takes focus, nothing else changes.
  const url = page.url();
  await summary.getByRole("link", { name: /^Bedrag:/ }).click();
  await expect(amount).toBeFocused();
  expect(page.url()).toBe(url);
  await expect(summary).toContainText("Omschrijving: Geef een omschrijving.");
  await expect(amount).toHaveAttribute("aria-invalid", "true");
  await expect(description).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Geef een omschrijving.", { exact: true })).toBeVisible();
  await expect(page).toHaveTitle(/^Fout: /);
  await summary.getByRole("link", { name: /^Omschrijving:/ }).click();
  await expect(description).toBeFocused();
  await expect(summary).toBeVisible();
  // The skip link is an in-page link too: it keeps the errors as well.
  await page.getByRole("link", { name: "Ga naar de inhoud" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
  await expect(summary).toContainText("Omschrijving: Geef een omschrijving.");
  await expect(description).toHaveAttribute("aria-invalid", "true");

  // A second failed submit (one error fixed, one left) focuses the summary again, and so does a
  // third with the very same error.
  await description.fill("Sensoren");
  await page.getByRole("button", { name: "Bewaren" }).click();
  await expect(summary).not.toContainText("Omschrijving");
  await expect(summary).toContainText("Bedrag: Geef een bedrag in euro groter dan 0");
  await expect(summary).toBeFocused();
  await amount.focus();
  await page.getByRole("button", { name: "Bewaren" }).click();
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Fout: /);
  await expectAccessible(page);

  await amount.fill("2.400");
  await page.getByRole("button", { name: "Bewaren" }).click();
  await expect(page.getByText("De kosten zijn bewaard.")).toBeVisible();
  await expect(page).toHaveTitle(/^Budget – E2E-foutmeldingen \d+ \| InnoVET$/);
});
