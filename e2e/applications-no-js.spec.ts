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

test("without JavaScript, text saved after the session expired comes back after signing in", async ({
  page,
  context,
}) => {
  await signIn(page, "coordinator@demo.innovet.test");
  await expect(page).toHaveURL(/\/mijn$/);
  await page.goto("/oproepen");
  await page
    .getByRole("region", { name: "Open oproepen" })
    .getByRole("link", { name: /InnoVET projectoproep/ })
    .click();
  await page.getByRole("link", { name: "Start een aanvraag" }).click();
  await page.getByLabel("Werktitel van het project").fill(`E2E-sessie ${Date.now()}`);
  await page.getByRole("button", { name: "Aanvraag starten" }).click();
  await page.getByRole("link", { name: "Het projectvoorstel" }).click();
  await expect(page).toHaveURL(/\/sectie\/voorstel$/);
  const sectionUrl = page.url();

  // The session ends while the coordinator is typing (the browser keeps its other cookies).
  const cookies = await context.cookies();
  await context.clearCookies();
  await context.addCookies(cookies.filter((c) => !c.name.includes("session")));
  const typed = "Een lange tekst, getypt terwijl de sessie verliep.";
  await page.getByLabel("Plan van aanpak").fill(typed);
  await page.getByRole("button", { name: "Opslaan en terug naar het overzicht" }).click();

  await expect(page).toHaveURL(/\/aanmelden\?terug=/);
  await page.getByLabel("E-mailadres").fill("coordinator@demo.innovet.test");
  await page.getByLabel("Wachtwoord", { exact: true }).fill("InnoVET-demo-2026");
  await page.getByRole("button", { name: "Aanmelden", exact: true }).click();
  await expect(page).toHaveURL(sectionUrl);
  await expect(page.getByText("Je sessie was verlopen toen je opsloeg.")).toBeVisible();
  await expect(page.getByLabel("Plan van aanpak")).toHaveValue(typed);
  await page.getByRole("button", { name: "Opslaan en terug naar het overzicht" }).click();
  await expect(page.getByRole("status")).toContainText("De sectie is opgeslagen.");
  await page.getByRole("link", { name: "Het projectvoorstel" }).click();
  await expect(page.getByLabel("Plan van aanpak")).toHaveValue(typed);
});
