import { expect, signIn, test } from "./fixtures";

// The same first steps of an application with JavaScript switched off: plain forms, the server's
// word count, post/redirect/get.

test("without JavaScript a coordinator starts an application and saves a section", async ({
  page,
}) => {
  const title = `E2E-aanvraag zonder JavaScript ${Date.now()}`;
  await signIn(page, "coordinator@demo.innovet.test");
  await expect(page).toHaveURL(/\/mijn$/);
  await page.goto("/oproepen");
  await page
    .getByRole("region", { name: "Open oproepen" })
    .getByRole("link", { name: /InnoVET projectoproep/ })
    .click();
  await page.getByRole("link", { name: "Start een aanvraag" }).click();
  await page.getByLabel("Werktitel van het project").fill(title);
  await page.getByRole("button", { name: "Aanvraag starten" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);

  await page.getByRole("link", { name: "Het projectvoorstel" }).click();
  await page.getByLabel("Samenwerking tussen onderwijs").fill("Met het RTC en twee bedrijven.");
  await page.getByRole("button", { name: "Opslaan en terug naar het overzicht" }).click();
  await expect(page.getByRole("status")).toContainText("De sectie is opgeslagen.");
  await expect(page.getByRole("listitem").filter({ hasText: "Het projectvoorstel" })).toContainText(
    "Bezig",
  );
  await page.getByRole("link", { name: "Het projectvoorstel" }).click();
  await expect(page.getByText("6 van 1000 woorden")).toBeVisible();
});
