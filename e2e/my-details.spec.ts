import { expect, expectAccessible, signIn, test } from "./fixtures";

// A person changes the name others see on /mijn/gegevens (ADR 0022): reached from the dashboard,
// refused with a message at the field when it is too long or hides characters, saved and shown
// in the header at once. A person of their own, so the demo accounts keep their names for the
// other journeys.

test("a person changes their own name on Mijn gegevens", async ({ page, browser }) => {
  const email = `naam.wijzigen.${Date.now()}@demo.innovet.test`;
  await signIn(page, "admin@demo.innovet.test");
  await expect(page).toHaveURL(/\/mijn$/);
  await page.goto("/beheer/personen/nieuw");
  await page.getByLabel("Naam").fill("Wim Wijzig");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Startwachtwoord").fill("Een-goed-startwachtwoord");
  await page.getByRole("button", { name: "Persoon toevoegen" }).click();
  await expect(page.getByText("De persoon is toegevoegd.")).toBeVisible();

  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "10.251.0.1" } });
  const person = await other.newPage();
  await signIn(person, email, "Een-goed-startwachtwoord");
  await expect(person).toHaveURL(/\/mijn$/);
  await person.getByRole("link", { name: "Mijn gegevens bekijken en wijzigen" }).click();
  await expect(person.getByRole("heading", { level: 1 })).toHaveText("Mijn gegevens");
  await expect(person.getByRole("main")).toContainText(email);
  await expect(person.getByLabel("Naam")).toHaveValue("Wim Wijzig");
  await expectAccessible(person);

  // Too long: the error summary names the field, and what was typed stays.
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
  await expect(person.getByLabel("Naam")).toHaveValue("x".repeat(201));
  await expectAccessible(person);

  // A right-to-left override that would make the name read differently on screen.
  await person.getByLabel("Naam").fill("Wim \u202Erednaam");
  await person.getByRole("button", { name: "Naam opslaan" }).click();
  await expect(person.getByRole("alert")).toContainText("onzichtbare tekens");

  await person.getByLabel("Naam").fill("  Wim Wijzigmans  ");
  await person.getByRole("button", { name: "Naam opslaan" }).click();
  await expect(person.getByText("Je naam is gewijzigd.")).toBeVisible();
  await expect(person.getByLabel("Naam")).toHaveValue("Wim Wijzigmans");
  await expect(person.getByText("Aangemeld als Wim Wijzigmans").first()).toBeVisible();
  await expectAccessible(person);

  // better-auth's own endpoint for the same change is switched off.
  const direct = await person.request.post("/api/auth/update-user", {
    data: { name: "Iemand Anders" },
    headers: { origin: new URL(person.url()).origin },
  });
  expect(direct.status()).toBe(404);
  await person.reload();
  await expect(person.getByLabel("Naam")).toHaveValue("Wim Wijzigmans");

  // The password, from the same page: a wrong current one is refused at its field.
  await person.getByRole("link", { name: "Wachtwoord wijzigen" }).click();
  await expect(person.getByRole("heading", { level: 1 })).toHaveText("Wachtwoord wijzigen");
  await expectAccessible(person);
  await person.getByLabel("Huidig wachtwoord").fill("niet-het-wachtwoord");
  await person.getByLabel("Nieuw wachtwoord").fill("Een-nieuw-wachtwoord-2");
  await person.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  await expect(person.getByRole("alert")).toContainText("Dit is niet je huidige wachtwoord.");
  await expectAccessible(person);
  await person.getByLabel("Huidig wachtwoord").fill("Een-goed-startwachtwoord");
  await person.getByLabel("Nieuw wachtwoord").fill("Een-nieuw-wachtwoord-2");
  await person.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  await expect(person.getByText("Je wachtwoord is gewijzigd.")).toBeVisible();
  // This session stays; the new password is the one that signs in.
  await person.goto("/mijn");
  await expect(person).toHaveURL(/\/mijn$/);
  await other.close();
  const again = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "10.251.0.2" } });
  const later = await again.newPage();
  await signIn(later, email, "Een-nieuw-wachtwoord-2");
  await expect(later).toHaveURL(/\/mijn$/);
  await again.close();
});
