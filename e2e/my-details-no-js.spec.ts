import { expect, signIn, test } from "./fixtures";

// Mijn gegevens with JavaScript off: a plain POST with the CSRF token, then a redirect with the
// stored (trimmed) name. (Axe needs JavaScript in the page; my-details.spec.ts runs it.)

test("a person changes their own name without JavaScript", async ({ page, browser }) => {
  const email = `naam.zonder.js.${Date.now()}@demo.innovet.test`;
  await signIn(page, "admin@demo.innovet.test");
  await expect(page).toHaveURL(/\/mijn$/);
  await page.goto("/beheer/personen/nieuw");
  await page.getByLabel("Naam").fill("Zoë Zonderjs");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Startwachtwoord").fill("Een-goed-startwachtwoord");
  await page.getByRole("button", { name: "Persoon toevoegen" }).click();
  await expect(page.getByText("De persoon is toegevoegd.")).toBeVisible();

  const other = await browser.newContext({
    javaScriptEnabled: false,
    extraHTTPHeaders: { "x-forwarded-for": "10.252.0.1" },
  });
  const person = await other.newPage();
  await signIn(person, email, "Een-goed-startwachtwoord");
  await expect(person).toHaveURL(/\/mijn$/);
  await person.goto("/mijn/gegevens");
  // The field stops at the server's limit (ADR 0031); a post beyond it, from a client that
  // ignores `maxlength`, is still refused at the field.
  const name = person.getByLabel("Naam");
  await expect(name).toHaveAttribute("maxlength", "200");
  await name.fill("x".repeat(201));
  await expect(name).toHaveValue("x".repeat(200));
  await name.evaluate((field) => field.removeAttribute("maxlength"));
  await name.fill("x".repeat(201));
  await person.getByRole("button", { name: "Naam opslaan" }).click();
  await expect(person.getByRole("alert")).toContainText("Dit is te lang.");
  await person.getByLabel("Naam").fill("  Zoë D'Hondt  ");
  await person.getByRole("button", { name: "Naam opslaan" }).click();
  await expect(person.getByText("Je naam is gewijzigd.")).toBeVisible();
  await expect(person.getByLabel("Naam")).toHaveValue("Zoë D'Hondt");
  await other.close();
});
