import { expect, expectAccessible, test } from "./fixtures";

// The page's language (ADR 0028): the browser loads only that language's catalogue, translates
// with it after hydration (client-side navigation), and an English page marks the Dutch content
// people wrote (a call's text, its form's questions) with lang="nl" (WCAG 3.1.2).

test("an English page loads only the English catalogue and marks a call's Dutch text as Dutch", async ({
  page,
}) => {
  const catalogues: string[] = [];
  page.on("request", (request) => {
    const name = new URL(request.url()).pathname.match(/\/catalogue\.(nl|en)-[^/]*\.js$/);
    if (name?.[1]) catalogues.push(name[1]);
  });
  await page.goto("/");
  await expect.poll(() => catalogues).toEqual(["nl"]);
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect.poll(() => catalogues).toEqual(["nl", "en"]);
  // Before hydration a link is a plain one and would load a new document (and its catalogue).
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");

  // A client-side navigation renders in English from the one catalogue the page loaded.
  await page
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "Calls" })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Calls for proposals");
  await page
    .getByRole("region", { name: "Open calls" })
    .getByRole("link", { name: /InnoVET projectoproep/ })
    .click();

  const title = page.getByRole("heading", { level: 1 });
  await expect(title).toHaveText(/InnoVET projectoproep/);
  await expect(title).toHaveAttribute("lang", "nl");
  await expect(page.locator(".call-questions strong").first()).toHaveAttribute("lang", "nl");
  await expect(page.getByRole("heading", { name: "Timeline" })).not.toHaveAttribute("lang", /./);
  await expectAccessible(page);
  expect(catalogues).toEqual(["nl", "en"]);

  // In Dutch the same text needs no mark: it is in the page's language.
  await page.getByRole("button", { name: /Nederlands/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "nl-BE");
  await expect(title).not.toHaveAttribute("lang", /./);
});
