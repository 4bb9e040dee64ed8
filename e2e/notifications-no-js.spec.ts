import { expect, signIn, test } from "./fixtures";

// The same preferences form with JavaScript off: a plain POST with the CSRF token, then a redirect.
// (Axe needs JavaScript in the page; notifications.spec.ts runs it on this page.)

test("notification preferences work without JavaScript", async ({ page }) => {
  await signIn(page, "leraar@demo.innovet.test");
  await expect(page).toHaveURL(/\/mijn$/);
  await page.goto("/mijn/meldingen");
  await page.getByLabel("Nieuwe oproepen").check();
  await page.getByRole("button", { name: "Voorkeuren opslaan" }).click();
  await expect(page.getByText("Je voorkeuren voor meldingen zijn opgeslagen.")).toBeVisible();
  await expect(page.getByLabel("Nieuwe oproepen")).toBeChecked();
});
