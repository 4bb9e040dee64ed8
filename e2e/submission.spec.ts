import { startDemoApplication } from "./application-steps";
import { expect, expectAccessible, test } from "./fixtures";

// Check your answers before submitting: an incomplete draft of the open demo call lists every
// problem with a link to the place to fix it, and submitting is refused until they are solved.
// (The full journey to a submitted application with its PDF is in e2e/journey.spec.ts.)

test("the check page lists what is missing, links to it, and refuses to submit an incomplete draft", async ({
  page,
}) => {
  const title = `E2E-controle ${Date.now()}`;
  await startDemoApplication(page, title);
  await expect(page).toHaveURL(/\/aanvragen\/[0-9a-f-]{36}$/);
  const taskList = page.url();

  await page.getByRole("link", { name: "Controleer en dien in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Controleer en dien in");
  const problems = page.getByRole("region", {
    name: "Deze aanvraag kan nog niet ingediend worden",
  });
  await expect(problems.getByRole("listitem").first()).toBeVisible();
  await expectAccessible(page);

  // Submitting without the declaration, then with it: both refused, nothing submitted.
  await page.getByRole("button", { name: "Aanvraag indienen" }).click();
  await expect(page.getByRole("alert")).toContainText("Bevestig de verklaring om in te dienen.");
  await expectAccessible(page);
  await page.getByLabel(/Ik verklaar dat deze aanvraag volledig/).check();
  await page.getByRole("button", { name: "Aanvraag indienen" }).click();
  await expect(page.getByRole("alert")).toContainText("De aanvraag is nog niet volledig.");

  // A problem's link leads to the question to answer.
  await problems.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/sectie\/[a-z-]+#veld-answers-/);
  await page.goto(taskList);
  await expect(page.getByText("Concept", { exact: true })).toBeVisible();
});
