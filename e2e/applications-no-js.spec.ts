import { coordinatorEmail, openProposalSection, startDemoApplication } from "./application-steps";
import { expect, expireSession, submitSignInForm, test } from "./fixtures";

// The same first steps of an application with JavaScript switched off: plain forms, the server's
// word count, post/redirect/get.

test("without JavaScript a coordinator starts an application and saves a section", async ({
  page,
}) => {
  const title = `E2E-aanvraag zonder JavaScript ${Date.now()}`;
  await startDemoApplication(page, title);
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
  await startDemoApplication(page, `E2E-sessie ${Date.now()}`);
  const sectionUrl = await openProposalSection(page);

  // The session ends while the coordinator is typing (the browser keeps its other cookies).
  await expireSession(context);
  const typed = "Een lange tekst, getypt terwijl de sessie verliep.";
  await page.getByLabel("Plan van aanpak").fill(typed);
  await page.getByRole("button", { name: "Opslaan en terug naar het overzicht" }).click();

  await expect(page).toHaveURL(/\/aanmelden\?terug=/);
  await submitSignInForm(page, coordinatorEmail);
  await expect(page).toHaveURL(sectionUrl);
  await expect(page.getByText("Je sessie was verlopen toen je opsloeg.")).toBeVisible();
  await expect(page.getByLabel("Plan van aanpak")).toHaveValue(typed);
  await page.getByRole("button", { name: "Opslaan en terug naar het overzicht" }).click();
  await expect(page.getByRole("status")).toContainText("De sectie is opgeslagen.");
  await page.getByRole("link", { name: "Het projectvoorstel" }).click();
  await expect(page.getByLabel("Plan van aanpak")).toHaveValue(typed);
});
