import { expect, test } from "./fixtures";

// The library search without JavaScript: the form is a plain GET, so a search, a ticked facet and
// the next page are each a URL of their own. (Axe needs JavaScript in the page;
// library-search.spec.ts runs it on these pages.)

test("searching and filtering the library work without JavaScript", async ({ page }) => {
  await page.goto("/bibliotheek");
  await page.getByLabel("Zoek leermateriaal").fill("tilliften");
  await page.getByRole("button", { name: "Zoeken", exact: true }).click();
  await expect(page).toHaveURL(/[?&]q=tilliften/);
  await expect(
    page.getByRole("link", { name: "Tilliften en ergonomie in de ouderenzorg" }),
  ).toBeVisible();
  await page.getByRole("group", { name: "Soort leermateriaal" }).getByLabel(/Video/).check();
  await page.getByRole("button", { name: "Filters toepassen" }).click();
  await expect(page).toHaveURL(/type=video/);
  await expect(
    page.getByRole("group", { name: "Soort leermateriaal" }).getByLabel(/Video/),
  ).toBeChecked();
  await page.getByRole("link", { name: "Tilliften en ergonomie in de ouderenzorg" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Tilliften en ergonomie in de ouderenzorg",
  );
});
