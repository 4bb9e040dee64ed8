import { coordinatorEmail, openProposalSection, startDemoApplication } from "./application-steps";
import { expect, expireSession, submitSignInForm, test } from "./fixtures";

// Nothing typed is lost: with JavaScript a section saves itself a few seconds after typing, and
// when the session has expired the text stays in the browser and can be put back after signing
// in again.

test("a section autosaves, and text typed after the session expired is put back after signing in", async ({
  page,
  context,
}) => {
  await startDemoApplication(page, `E2E-autosave ${Date.now()}`);
  await expect(page).toHaveURL(/\/aanvragen\/[0-9a-f-]{36}$/);
  const sectionUrl = await openProposalSection(page);

  const description = page.getByLabel("Beschrijving van het voorstel");
  await description.fill("Een eerste versie die zichzelf bewaart.");
  await expect(page.getByRole("status").filter({ hasText: "Automatisch bewaard om" })).toBeVisible({
    timeout: 15_000,
  });
  await page.reload();
  await expect(description).toHaveValue("Een eerste versie die zichzelf bewaart.");

  // The session ends (only the session cookie goes; the browser keeps its CSRF cookie).
  await expireSession(context);
  await description.fill("Tekst getypt nadat de sessie verliep.");
  await expect(
    page.getByText("Je bent afgemeld. Je tekst staat veilig in deze browser."),
  ).toBeVisible({ timeout: 15_000 });

  // Signing in again and coming back: the text is offered back and saved.
  await page.goto(sectionUrl);
  await expect(page).toHaveURL(/\/aanmelden\?terug=/);
  await submitSignInForm(page, coordinatorEmail);
  await expect(page).toHaveURL(sectionUrl);
  await expect(description).toHaveValue("Een eerste versie die zichzelf bewaart.");
  await page.getByRole("button", { name: "Zet die tekst terug" }).click();
  await expect(description).toHaveValue("Tekst getypt nadat de sessie verliep.");
  await expect(page.getByRole("status").filter({ hasText: "Automatisch bewaard om" })).toBeVisible({
    timeout: 15_000,
  });
  await page.reload();
  await expect(description).toHaveValue("Tekst getypt nadat de sessie verliep.");
});

test("an answer over its word limit autosaves too, and is shown with the problem at its field", async ({
  page,
}) => {
  await startDemoApplication(page, `E2E-autosave-limiet ${Date.now()}`);
  await openProposalSection(page);

  // 1,501 words where 1,500 are allowed: autosave used to answer "refused" for as long as it was.
  const tooLong = Array.from({ length: 1501 }, (_, i) => `woord${i}`).join(" ");
  const description = page.getByLabel("Beschrijving van het voorstel");
  await description.fill(tooLong);
  await expect(page.getByText("1501 van 1500 woorden: 1 te veel")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Automatisch bewaard om" })).toBeVisible({
    timeout: 15_000,
  });
  await page.reload();
  await expect(description).toHaveValue(tooLong);
  await expect(description).toHaveAttribute("aria-invalid", "true");
  await expect(description).toHaveAccessibleDescription(/meer woorden dan de oproep toelaat/);
  // The list of problems on top links to the field and focuses it.
  await page
    .getByRole("link", { name: /^Beschrijving van het voorstel: Dit antwoord telt meer woorden/ })
    .click();
  await expect(description).toBeFocused();
});
