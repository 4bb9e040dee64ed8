import { expect, expectAccessible, test } from "./fixtures";

// The pages anyone can reach, each checked with axe.

test("the home page introduces the programme and the network", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/InnoVET/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom bij InnoVET");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl-BE");
  await expectAccessible(page);
});

for (const path of ["/aanmelden", "/wachtwoord-vergeten"]) {
  test(`${path} is accessible`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page);
  });
}

test("an unknown address gets a friendly 404 page", async ({ page }) => {
  const response = await page.goto("/dit-bestaat-niet");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pagina niet gevonden");
  await expectAccessible(page);
});

test("the language switch turns the interface to English and back", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome to InnoVET");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expectAccessible(page);
  await page.getByRole("button", { name: /Nederlands/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom bij InnoVET");
});

test("the skip link is the first stop for keyboard users and jumps to the content", async ({
  page,
}) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Ga naar de inhoud" });
  await expect(skip).toBeFocused();
  // The content takes focus without a change of location (a hash change is a navigation that
  // would drop a refused form's errors; ADR 0020).
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
});
