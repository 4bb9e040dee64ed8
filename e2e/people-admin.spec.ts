import { expect, expectAccessible, signIn, test } from "./fixtures";

// The platform administrator adds a person, gives them a role, deactivates and reactivates them,
// and reads the history in the audit log. The new person can sign in with the starting password.

test("an administrator manages a person from creation to audit history", async ({
  page,
  browser,
}) => {
  const email = `nieuwe.coordinator.${Date.now()}@demo.innovet.test`;
  await signIn(page, "admin@demo.innovet.test");
  await page
    .getByRole("navigation", { name: "Hoofdnavigatie" })
    .getByRole("link", { name: "Personen" })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Personen");
  await expectAccessible(page);

  await page.goto("/beheer/personen/nieuw");
  await expectAccessible(page);
  // A refused form keeps what was typed and names the problems at the fields.
  await page.getByLabel("Naam").fill("Nora Nieuwelinck");
  await page.getByLabel("E-mailadres").fill("geen-adres");
  await page.getByLabel("Startwachtwoord").fill("kort");
  await page.getByRole("button", { name: "Persoon toevoegen" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expect(page.getByLabel("Naam")).toHaveValue("Nora Nieuwelinck");
  await expect(page.getByLabel("Startwachtwoord")).toHaveValue("");
  await expectAccessible(page);

  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Startwachtwoord").fill("Een-goed-startwachtwoord");
  await page.getByRole("button", { name: "Persoon toevoegen" }).click();
  await expect(page.getByText("De persoon is toegevoegd.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Nora Nieuwelinck");
  await expectAccessible(page);

  // The organisation is picked from a search: what was typed, then one of the candidates.
  await page.getByLabel("Zoek de organisatie").fill("900002");
  await page.getByRole("button", { name: "Zoek organisaties" }).click();
  await page.getByRole("radio", { name: /Demoschool GO! Technisch Atheneum Hasselt/ }).check();
  await expectAccessible(page);
  await page.getByLabel("Rol", { exact: true }).selectOption("schoolCoordinator");
  await page.getByRole("button", { name: "Rol toekennen" }).click();
  await expect(page.getByText("De rol is toegekend.")).toBeVisible();
  await expect(page.getByRole("table")).toContainText("Demoschool GO! Technisch Atheneum Hasselt");

  // The new person signs in with the starting password, in a separate browser.
  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "10.250.0.1" } });
  const personPage = await other.newPage();
  await signIn(personPage, email, "Een-goed-startwachtwoord");
  await expect(personPage).toHaveURL(/\/mijn$/);
  await expect(personPage.getByRole("main")).toContainText("Schoolcoördinator");

  // Deactivated, they are signed out at once.
  await page.getByRole("button", { name: "Deactiveren" }).click();
  await expect(page.getByText("De persoon is gedeactiveerd en afgemeld.")).toBeVisible();
  await personPage.goto("/mijn");
  await expect(personPage).toHaveURL(/\/aanmelden/);
  await other.close();

  await page.getByRole("button", { name: "Activeren" }).click();
  await expect(page.getByText("De persoon is weer actief.")).toBeVisible();

  await page.getByRole("link", { name: "Wijzigingsgeschiedenis" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Auditlog");
  await expect(page.getByRole("main")).toContainText("Ilse Probeerts");
  await expectAccessible(page);
});

test("people administration is closed to everyone but administrators", async ({ page }) => {
  await signIn(page, "coordinator@demo.innovet.test");
  // Wait for the sign-in to finish: going elsewhere first would cancel it.
  await expect(page).toHaveURL(/\/mijn$/);
  for (const path of ["/beheer/personen", "/beheer/personen/nieuw", "/beheer/audit"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Geen toegang");
  }
  await expectAccessible(page);
});
