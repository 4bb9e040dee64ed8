import { href } from "react-router";
import { expect, expectAccessible, test } from "./fixtures";

// A visitor searches the commons (the demo materials that setup publishes): a Dutch query that
// needs stemming, the matched words marked in the snippet, a facet that narrows the results and
// keeps its place in the URL, and a result opened. Axe on the way. The same without JavaScript
// lives in library-search-no-js.spec.ts.

test("a visitor searches the library, filters by a facet and opens a result", async ({ page }) => {
  await page.goto("/bibliotheek");
  await expectAccessible(page);
  await page.getByLabel("Zoek leermateriaal").fill("lasrobots");
  await page.getByRole("button", { name: "Zoeken", exact: true }).click();
  await expect(page).toHaveURL(/[?&]q=lasrobots/);
  const result = page.getByRole("link", { name: "Veilig lassen met een lasrobot" });
  await expect(result).toBeVisible();
  await expect(page.locator("mark").first()).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Zoek leermateriaal").fill("veilig");
  await page.getByRole("button", { name: "Zoeken", exact: true }).click();
  await expect(page.getByRole("heading", { name: /leermaterialen gevonden/ })).toBeVisible();
  await page
    .getByRole("group", { name: "Studiedomeinen" })
    .getByLabel(/Maatschappij en welzijn/)
    .check();
  await page.getByRole("button", { name: "Filters toepassen" }).click();
  await expect(page).toHaveURL(/domein=6/);
  await expect(
    page.getByRole("link", { name: "Tilliften en ergonomie in de ouderenzorg" }),
  ).toBeVisible();
  await expect(result).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Tilliften en ergonomie in de ouderenzorg" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Tilliften en ergonomie in de ouderenzorg",
  );
});

test("garbage in the URL is ignored with a message, never an error", async ({ page }) => {
  const response = await page.goto("/bibliotheek?q=zorg&domein=99&sorteer=raar&pagina=-1");
  expect(response?.status()).toBe(200);
  await expect(page.getByText(/We begrepen de waarde van .Studiedomeinen. niet/)).toBeVisible();
  await expectAccessible(page);

  // A pasted text of 10,000 characters: cut with a message, still a search.
  const long = await page.goto(
    `${href("/bibliotheek")}?q=lasrobot+${"x".repeat(10_000)}&taal=klingon`,
  );
  expect(long?.status()).toBe(200);
  await expect(page.getByText(/Je zoekterm was te lang/)).toBeVisible();
  await expect(page.getByText(/We begrepen de waarde van/)).toBeVisible();

  // A NUL in an address is refused for every page alike by the HTTP edge, in Dutch (ADR 0021).
  const nul = await page.goto("/bibliotheek?q=lasrobot%00");
  expect(nul?.status()).toBe(400);
  await expect(page.getByText(/onzichtbaar nulteken/)).toBeVisible();
});
