import { href } from "react-router";
import { completeEnterpriseNumber } from "../src/directory/enterprise-number";
import { addDirectoryPartner, followInvitation, startDraftAtConsortium } from "./consortium-steps";
import { expect, expectAccessible, signIn, test } from "./fixtures";

// The consortium step: a coordinator chooses the lead school's programmes, adds a co-applicant
// school and two partners (one from the directory, one proposed with its KBO number), invites
// them; each partner opens the mailed link (the captured dev inbox), confirms without signing in,
// and the consortium page shows the confirmation. Axe on every page of the step.

test("a coordinator builds a consortium and partners confirm through the mailed link", async ({
  page,
  browser,
}) => {
  // A long journey with two partners and axe on every page: three times the usual time.
  test.slow();
  const stamp = Date.now();
  await startDraftAtConsortium(page, `E2E-consortium ${stamp}`);
  await expectAccessible(page);
  const consortiumUrl = page.url();

  // The lead school's sites and programmes.
  await page
    .getByRole("link", {
      name: /Wijzig de vestigingsplaatsen en studierichtingen van Demo Technisch/,
    })
    .click();
  await expectAccessible(page);
  await page
    .getByRole("checkbox", { name: /doet mee$/ })
    .first()
    .check();
  await page.locator('input[name="programmes"]').first().check();
  await page.getByRole("button", { name: "Opslaan en terug naar het consortium" }).click();
  await expect(page.getByRole("status")).toContainText("De school is opgeslagen.");

  // A co-applicant school from the directory.
  await page.getByRole("link", { name: "Voeg een school toe" }).click();
  await page.getByLabel("Naam of nummer").fill("Technisch Atheneum Hasselt");
  await page.getByRole("button", { name: "Zoeken" }).click();
  await expectAccessible(page);
  await page
    .getByRole("button", { name: "Kies Demoschool GO! Technisch Atheneum Hasselt" })
    .click();
  await expect(page.getByRole("status")).toContainText("De school is toegevoegd.");
  await expectAccessible(page);
  await page
    .getByRole("checkbox", { name: /doet mee$/ })
    .first()
    .check();
  await page.locator('input[name="programmes"]').first().check();
  await page.getByRole("button", { name: "Opslaan en terug naar het consortium" }).click();
  await expect(page.getByRole("status")).toContainText("De school is opgeslagen.");

  // A partner from the directory.
  const companyEmail = `bedrijf-${stamp}@partner.test`;
  await addDirectoryPartner(
    page,
    "Van Kerckhove",
    "Demo Bouwbedrijf Van Kerckhove bv",
    companyEmail,
  );

  // A new organisation, proposed with its KBO number; a wrong number first.
  const collegeName = `E2E Hogeschool ${stamp}`;
  const collegeEmail = `hogeschool-${stamp}@partner.test`;
  await page.getByRole("link", { name: "Voeg een partner toe" }).click();
  await expectAccessible(page);
  await page
    .getByRole("link", { name: "Stel een organisatie voor die niet in de gids staat" })
    .click();
  await page.getByLabel("Naam van de organisatie").fill(collegeName);
  await page.getByLabel("Soort organisatie").selectOption({ label: "Hogeschool of universiteit" });
  await page.getByLabel("Ondernemingsnummer (KBO)").fill("0123.456.789");
  await page.getByLabel("Coaching").check();
  await page.getByLabel("Engagement", { exact: true }).fill("Coaching van de leraren.");
  await page.getByLabel("Financiële bijdrage (euro)").fill("2.000,50");
  await page.getByLabel("Naam van de contactpersoon").fill("Hilde Claes");
  await page.getByLabel("E-mailadres van de contactpersoon").fill(collegeEmail);
  await page.getByRole("button", { name: "Partner opslaan" }).click();
  await expect(page.getByRole("alert")).toContainText("Dit ondernemingsnummer klopt niet.");
  await expectAccessible(page);
  const kbo = completeEnterpriseNumber(`07${String(stamp).slice(-6)}`);
  await page.getByLabel("Ondernemingsnummer (KBO)").fill(kbo);
  await page.getByRole("button", { name: "Partner opslaan" }).click();
  await expect(page.getByRole("status")).toContainText("De partner is toegevoegd.");
  await expectAccessible(page);

  // Invite both.
  for (const name of ["Demo Bouwbedrijf Van Kerckhove bv", collegeName]) {
    await page.getByRole("button", { name: `Nodig ${name} uit` }).click();
    await expect(page.getByRole("status")).toContainText("De uitnodiging wordt verstuurd");
  }
  await expect(page.getByRole("region", { name: collegeName })).toContainText("Uitgenodigd op");

  // Each partner opens its link in a browser of its own, without signing in, and confirms.
  for (const [email, person] of [
    [companyEmail, "Karel Van Kerckhove"],
    [collegeEmail, "Hilde Claes"],
  ] as const) {
    const partnerContext = await browser.newContext();
    const partnerPage = await partnerContext.newPage();
    await followInvitation(partnerPage, email);
    await expectAccessible(partnerPage);
    await partnerPage.getByRole("button", { name: "Antwoord versturen" }).click();
    await expect(partnerPage.getByRole("alert")).toContainText("Vul je naam in.");
    await expectAccessible(partnerPage);
    await partnerPage.getByLabel("Je naam").fill(person);
    await partnerPage.getByLabel("Ja, we bevestigen dit engagement").check();
    await partnerPage.getByRole("button", { name: "Antwoord versturen" }).click();
    await expect(partnerPage.getByRole("status")).toContainText("Bedankt");
    await expect(partnerPage.getByText(`bevestigd door ${person}`)).toBeVisible();
    await expectAccessible(partnerPage);
    await partnerContext.close();
  }

  await page.goto(consortiumUrl);
  const company = page.getByRole("region", { name: "Demo Bouwbedrijf Van Kerckhove bv" });
  await expect(company).toContainText("Bevestigd door Karel Van Kerckhove");
  await expect(page.getByRole("region", { name: collegeName })).toContainText(
    "Bevestigd door Hilde Claes",
  );
  await expect(page.getByText(/14\.500,50/)).toBeVisible();
  await expectAccessible(page);

  // Changing what was confirmed asks for a new confirmation.
  await page.getByRole("link", { name: "Wijzig Demo Bouwbedrijf Van Kerckhove bv" }).click();
  await expect(page.getByText("Deze partner heeft bevestigd.")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Waarde in natura (euro)").fill("15.000");
  await page.getByRole("button", { name: "Partner opslaan" }).click();
  await expect(page.getByRole("status")).toContainText("de partner moet opnieuw bevestigen");
  await expect(company).toContainText("opnieuw te bevestigen");
});

test("an unknown invitation link gets a clear page, not an error", async ({ page }) => {
  const response = await page.goto(href("/uitnodiging/:token", { token: "x".repeat(43) }));
  expect(response?.status()).toBe(404);
  expect(response?.headers()["cache-control"]).toContain("no-store");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deze uitnodiging werkt niet");
  await expectAccessible(page);
});

test("the programme manager reads a consortium without changing it", async ({ page }) => {
  await signIn(page, "programmabeheerder@demo.innovet.test");
  await expect(page).toHaveURL(/\/mijn$/);
  await page.goto("/aanvragen");
  await page
    .getByRole("link")
    .filter({ hasText: /./ })
    .locator("xpath=ancestor::table//tbody//a")
    .first()
    .click();
  await page.getByRole("link", { name: "Consortium: scholen en partners" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Consortium");
  await expect(page.getByText("Je kan deze aanvraag lezen, maar niet wijzigen.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Voeg een partner toe" })).toHaveCount(0);
  await expectAccessible(page);
});
