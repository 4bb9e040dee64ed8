import { expect, expectAccessible, signIn, test } from "./fixtures";

// A person finds their notification preferences from the dashboard, switches deadline reminders
// off and on again, and sees that receipts are always sent. Axe on every state of the page.

test("a person switches a notification off and on again", async ({ page }) => {
  await signIn(page, "partner@demo.innovet.test");
  await expect(page).toHaveURL(/\/mijn$/);
  await page.getByRole("link", { name: "Meldingen instellen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meldingen");
  await expectAccessible(page);

  const reminders = page.getByLabel("Herinneringen voor een deadline");
  await expect(reminders).toBeChecked();
  await expect(page.getByLabel("Nieuwe oproepen")).not.toBeChecked();
  await expect(page.getByRole("main")).toContainText("Altijd verstuurd");
  await expect(page.getByRole("main")).toContainText(
    "Ontvangstbevestiging van een ingediende aanvraag",
  );

  await reminders.uncheck();
  await page.getByRole("button", { name: "Voorkeuren opslaan" }).click();
  await expect(page.getByText("Je voorkeuren voor meldingen zijn opgeslagen.")).toBeVisible();
  await expect(page.getByLabel("Herinneringen voor een deadline")).not.toBeChecked();
  await expectAccessible(page);

  await page.reload();
  await expect(page.getByLabel("Herinneringen voor een deadline")).not.toBeChecked();
  await page.getByLabel("Herinneringen voor een deadline").check();
  await page.getByRole("button", { name: "Voorkeuren opslaan" }).click();
  await expect(page.getByText("Je voorkeuren voor meldingen zijn opgeslagen.")).toBeVisible();
  await expect(page.getByLabel("Herinneringen voor een deadline")).toBeChecked();
});

test("the preferences page asks the public to sign in", async ({ page }) => {
  await page.goto("/mijn/meldingen");
  await expect(page).toHaveURL(/\/aanmelden\?terug=%2Fmijn%2Fmeldingen/);
});
