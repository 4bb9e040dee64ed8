import { href } from "react-router";
import { applicationIdOf, openCall, signInAsCoordinator } from "./application-steps";
import { expect, expectAccessible, signIn, test } from "./fixtures";

// Applications, first slice: a school coordinator starts an application on the open demo call,
// answers a section (an answer over the word limit kept with the problem at its field, then a
// good answer) and sees the task list change; the coordinator of another school gets no access to it.

const words = (n: number) => Array.from({ length: n }, (_, i) => `woord${i}`).join(" ");

test("a coordinator starts an application, fills a section and sees the task list change; another school gets no access", async ({
  page,
  browser,
  baseURL,
}) => {
  const title = `E2E-aanvraag ${Date.now()}`;
  await signInAsCoordinator(page);
  await openCall(page);
  await page.getByRole("link", { name: "Start een aanvraag" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Een aanvraag starten");
  await expectAccessible(page);

  // An empty title is refused with a message at the field.
  await page.getByRole("button", { name: "Aanvraag starten" }).click();
  await expect(page.getByRole("alert")).toContainText("Vul dit veld in.");
  await expectAccessible(page);
  await page.getByLabel("Werktitel van het project").fill(title);
  await page.getByRole("button", { name: "Aanvraag starten" }).click();

  await expect(page).toHaveURL(/\/aanvragen\/[0-9a-f-]{36}$/);
  const taskListUrl = page.url();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("status")).toContainText("De aanvraag is gestart.");
  const proposal = page.getByRole("listitem").filter({ hasText: "Het projectvoorstel" });
  await expect(proposal).toContainText("Niet gestart");
  await expectAccessible(page);

  await proposal.getByRole("link", { name: "Het projectvoorstel" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Het projectvoorstel");
  await expect(page.getByText("Maximaal 1500 woorden").first()).toBeVisible();
  await expectAccessible(page);

  // One word over the limit (3 pages = 1,500 words): saved in the draft all the same, the
  // problem shown at the field until it fits (the submission refuses it).
  const tooLong = words(1501);
  await page.getByLabel("Beschrijving van het voorstel").fill(tooLong);
  await page.getByRole("button", { name: "Opslaan en terug naar het overzicht" }).click();
  await expect(page.getByRole("status").first()).toContainText(
    "De sectie is opgeslagen, maar niet alles past binnen de limieten van de oproep.",
  );
  await expect(page).toHaveURL(/\/sectie\/voorstel$/);
  const description = page.getByLabel("Beschrijving van het voorstel");
  await expect(description).toHaveValue(tooLong);
  await expect(description).toHaveAttribute("aria-invalid", "true");
  await expect(description).toHaveAccessibleDescription(/meer woorden dan de oproep toelaat/);
  await expect(page.getByText("1501 van 1500 woorden: 1 te veel")).toBeVisible();
  await expect(page).not.toHaveTitle(/^Fout:/);
  await expectAccessible(page);

  await page
    .getByLabel("Beschrijving van het voorstel")
    .fill("Onze school bouwt met twee bedrijven een circulaire werkplaats.");
  await page.getByLabel("Plan van aanpak").fill("Drie fasen over twee schooljaren.");
  await page.getByRole("button", { name: "Opslaan en terug naar het overzicht" }).click();
  await expect(page).toHaveURL(taskListUrl);
  await expect(page.getByRole("status")).toContainText("De sectie is opgeslagen.");
  await expect(page.getByRole("listitem").filter({ hasText: "Het projectvoorstel" })).toContainText(
    "Bezig",
  );
  await expectAccessible(page);

  await page.goto("/aanvragen");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expectAccessible(page);

  // The coordinator of another school: not found, not listed.
  const other = await browser.newContext({
    baseURL,
    extraHTTPHeaders: { "x-forwarded-for": "10.250.1.2" },
    locale: "nl-BE",
  });
  const otherPage = await other.newPage();
  await signIn(otherPage, "coordinator2@demo.innovet.test");
  await expect(otherPage).toHaveURL(/\/mijn$/);
  const response = await otherPage.goto(taskListUrl);
  expect(response?.status()).toBe(404);
  await expect(otherPage.getByText(title)).toHaveCount(0);
  const section = await otherPage.goto(
    href("/aanvragen/:applicationId/sectie/:sectionId", {
      applicationId: applicationIdOf(taskListUrl),
      sectionId: "voorstel",
    }),
  );
  expect(section?.status()).toBe(404);
  await otherPage.goto("/aanvragen");
  await expect(otherPage.getByRole("link", { name: title })).toHaveCount(0);
  await expectAccessible(otherPage);
  await other.close();
});
