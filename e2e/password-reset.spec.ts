import { expect, expectAccessible, mailedLink, test } from "./fixtures";

// Password reset by e-mail: the link arrives in the captured mail (read from the capture folder:
// the dev inbox is for administrators), sets a new password once, and is useless afterwards.

test("a person resets a forgotten password through the e-mailed link", async ({ page }) => {
  const email = "beleid@demo.innovet.test";
  await page.goto("/wachtwoord-vergeten");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Stuur de link" }).click();
  await expect(page.getByRole("status")).toContainText(
    "Als er een account bij dit e-mailadres hoort",
  );

  // The mail is sent by the job worker (every second in this setup), not inside the request.
  const link = await mailedLink(email, /reset-password/);

  await page.goto(link);
  await expect(page).toHaveURL(/wachtwoord-herstellen/);
  await expectAccessible(page);
  // The same password again keeps the demo account usable for the other journeys.
  await page.getByLabel("Nieuw wachtwoord").fill("InnoVET-demo-2026");
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  await expect(page.getByText("Je wachtwoord is gewijzigd.")).toBeVisible();

  // Used once, the link no longer lets anyone choose a password.
  await page.goto(link);
  await expect(page.getByText("Deze link is ongeldig of verlopen.")).toBeVisible();
  await expect(page.getByLabel("Nieuw wachtwoord")).toHaveCount(0);
});
