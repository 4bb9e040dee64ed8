import { expect, signIn, test } from "./fixtures";

// The core journeys work without JavaScript: plain forms, server-rendered errors and redirects.

test("without JavaScript a coordinator signs in, sees the dashboard and signs out", async ({
  page,
}) => {
  await signIn(page, "coordinator@demo.innovet.test");
  await expect(page).toHaveURL(/\/mijn$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mijn InnoVET");
  await page.getByRole("button", { name: "Afmelden" }).click();
  await expect(page.getByText("Je bent afgemeld.")).toBeVisible();
});

test("without JavaScript a refused sign-in shows the error summary", async ({ page }) => {
  await signIn(page, "coordinator@demo.innovet.test", "wrong-password-here");
  await expect(page.getByRole("alert")).toContainText("passen niet bij elkaar");
});
