import type { BrowserContext } from "@playwright/test";
import { openProposalSection, startDemoApplication } from "./application-steps";
import { expect, test } from "./fixtures";

// A form whose CSRF token no longer matches the browser's (the browser restarted and lost its
// cookie, or the page stayed open over a change of secret): "Deze pagina is verlopen", not "Geen
// toegang"; on a page that parks its forms (an application's section), what was typed comes back
// on the page, unsaved, without JavaScript too. (axe needs JavaScript: the expired page's check
// with axe is in service-pages.spec.ts.)

/** The browser forgets its CSRF cookie and keeps the others (the session among them). */
async function forgetCsrfCookie(context: BrowserContext) {
  const cookies = await context.cookies();
  await context.clearCookies();
  await context.addCookies(cookies.filter((c) => c.name !== "innovet_csrf"));
}

test("an expired page says so, in its own words", async ({ page, context }) => {
  await page.goto("/wachtwoord-vergeten");
  await forgetCsrfCookie(context);
  await page.getByLabel("E-mailadres").fill("iemand@demo.innovet.test");
  await page.getByRole("button", { name: "Stuur de link" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deze pagina is verlopen");
  await expect(page).toHaveTitle("Deze pagina is verlopen | InnoVET");
  await expect(page.getByText("Geen toegang")).toHaveCount(0);
});

test("text typed on a section whose page expired comes back on the page, unsaved", async ({
  page,
  context,
}) => {
  await startDemoApplication(page, `E2E-verlopen pagina ${Date.now()}`);
  const sectionUrl = await openProposalSection(page);
  await forgetCsrfCookie(context);
  const typed = "Getypt terwijl de pagina verliep.";
  await page.getByLabel("Plan van aanpak").fill(typed);
  await page.getByRole("button", { name: "Opslaan en terug naar het overzicht" }).click();

  await expect(page).toHaveURL(`${sectionUrl}?verlopen`);
  await expect(page.getByText("Deze pagina was verlopen.")).toBeVisible();
  await expect(page.getByLabel("Plan van aanpak")).toHaveValue(typed);
  // Saved only now, with a fresh token.
  await page.getByRole("button", { name: "Opslaan en terug naar het overzicht" }).click();
  await expect(page.getByRole("status")).toContainText("De sectie is opgeslagen.");
  await openProposalSection(page);
  await expect(page.getByLabel("Plan van aanpak")).toHaveValue(typed);
});

test("a post from another site is never parked", async ({ page, request }) => {
  await startDemoApplication(page, `E2E-andere site ${Date.now()}`);
  const sectionUrl = await openProposalSection(page);
  const response = await request.post(sectionUrl, {
    headers: { origin: "https://aanvaller.example" },
    form: { "answers.aanpak": "ingeschoven", version: "1" },
    maxRedirects: 0,
  });
  // Refused (React Router's own origin check answers 400 before the CSRF check's 403), and not
  // sent back to the page with the values parked.
  expect([400, 403]).toContain(response.status());
  expect(response.headers().location).toBeUndefined();
  await page.reload();
  await expect(page.getByText("Deze pagina was verlopen.")).toHaveCount(0);
  await expect(page.getByLabel("Plan van aanpak")).not.toHaveValue("ingeschoven");
});
