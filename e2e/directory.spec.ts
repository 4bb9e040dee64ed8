import type { Browser, Page } from "@playwright/test";
import { href } from "react-router";
import {
  completeEnterpriseNumber,
  formatEnterpriseNumber,
} from "../src/directory/enterprise-number";
import { expect, expectAccessible, signIn, test } from "./fixtures";

// The directory of schools and partners: public search with every filter, the organisation
// pages, who sees an organisation's people, and the administrator's forms with their history.
// Other journeys add organisations at the same time, so counts are compared, never fixed.

const school = "Demo Technisch Instituut Sint-Aldegondis Gent";
const otherSchool = "Demoschool GO! Technisch Atheneum Hasselt";
const company = "Demo Bouwbedrijf Van Kerckhove bv";
const companyKbo = "0890.000.140";

const queryLabel = "Naam, instellingsnummer of ondernemingsnummer";

function filtersOf(page: Page) {
  return page.getByRole("region", { name: "Filters" });
}

function resultsTable(page: Page) {
  return page.getByRole("table", { name: /Gevonden organisaties/ });
}

/** The number in the results heading ("1.234 resultaten", "1 resultaat"). */
async function resultCount(page: Page): Promise<number> {
  const text = await page.getByRole("heading", { level: 2, name: /resulta/ }).innerText();
  return Number(text.replace(/\D/g, ""));
}

/** Submits the filters and waits for the new results, which then have the focus. */
async function search(page: Page) {
  await filtersOf(page).getByRole("button", { name: "Toon resultaten" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /resulta/ })).toBeFocused();
}

async function signedIn(page: Page, email: string) {
  await signIn(page, email);
  await expect(page).toHaveURL(/\/mijn$/);
}

/** A second browser of its own, acting from its own address. */
async function otherBrowser(browser: Browser, address: string) {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address } });
  return { context, page: await context.newPage() };
}

/** A valid KBO number no demo organisation has (those are 089x), different on each run. */
function freshEnterpriseNumber(prefix: "06" | "07"): string {
  return formatEnterpriseNumber(completeEnterpriseNumber(prefix + String(Date.now()).slice(-6)));
}

test.describe("the public searches the directory", () => {
  test("filters by province, municipality, network, domain, finality and partner type", async ({
    page,
  }) => {
    await page.goto("/gids");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Scholen en partners");
    const everything = await resultCount(page);
    expect(everything).toBeGreaterThan(1000);
    await expectAccessible(page);

    // Province: fewer results, each in that province; the choice stays in the form.
    const filters = filtersOf(page);
    await filters.getByLabel("Provincie").selectOption({ label: "Limburg" });
    await search(page);
    await expect(page).toHaveURL(/provincie=LIM/);
    await expect.poll(() => resultCount(page)).toBeLessThan(everything);
    const inLimburg = await resultCount(page);
    expect(inLimburg).toBeGreaterThan(25);
    await expect(filters.getByLabel("Provincie")).toHaveValue("LIM");
    const provinceCells = resultsTable(page).locator("tbody td:nth-child(5)");
    for (const cell of await provinceCells.allInnerTexts()) expect(cell).toBe("Limburg");

    // Pagination keeps the filters.
    await page
      .getByRole("navigation", { name: "Paginering" })
      .getByRole("link", { name: "Volgende pagina" })
      .click();
    await expect(page).toHaveURL(/provincie=LIM/);
    await expect(page).toHaveURL(/pagina=2/);
    await expect(resultsTable(page)).toHaveAccessibleName(/pagina 2 van/);
    await expect(filters.getByLabel("Provincie")).toHaveValue("LIM");
    await expect.poll(() => resultCount(page)).toBe(inLimburg);
    for (const cell of await provinceCells.allInnerTexts()) expect(cell).toBe("Limburg");

    // Municipality, with partner type: the showcase company in Gent.
    await page.goto("/gids");
    await filters.getByLabel("Gemeente", { exact: true }).selectOption({ label: "Gent" });
    await filters.getByLabel("Soort organisatie").selectOption({ label: "Bedrijf" });
    await search(page);
    await expect(page).toHaveURL(/gemeente=44021/);
    await expect(page).toHaveURL(/soort=company/);
    await expect(resultsTable(page).getByRole("link", { name: company })).toBeVisible();
    for (const cell of await resultsTable(page).locator("tbody td:nth-child(2)").allInnerTexts())
      expect(cell).toBe("Bedrijf");
    for (const cell of await resultsTable(page).locator("tbody td:nth-child(4)").allInnerTexts())
      expect(cell).toBe("Gent");

    // Every partner, but no school.
    await filters.getByLabel("Gemeente", { exact: true }).selectOption("");
    await filters.getByLabel("Soort organisatie").selectOption({
      label: "Alle partners (geen scholen)",
    });
    await search(page);
    await expect(page).toHaveURL(/soort=partner/);
    await expect.poll(() => resultCount(page)).toBeLessThan(everything);
    const kinds = await resultsTable(page).locator("tbody td:nth-child(2)").allInnerTexts();
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds).not.toContain("School");

    // A municipality code from before the 2025 mergers: Borsbeek is now part of Antwerpen.
    await page.goto("/gids?gemeente=11007");
    await expect(
      page.getByText("Borsbeek hoort sinds 1 januari 2025 bij Antwerpen."),
    ).toBeVisible();
    await expect(filters.getByLabel("Gemeente", { exact: true })).toHaveValue("11002");
    const inAntwerpen = await resultCount(page);
    expect(inAntwerpen).toBeGreaterThan(0);
    await page.goto("/gids?gemeente=11002");
    expect(await resultCount(page)).toBe(inAntwerpen);
    await expect(page.getByText("Borsbeek hoort sinds")).toHaveCount(0);

    // Network (umbrella): the GO! school is found with GO! and not with the Catholic umbrella.
    await page.goto("/gids");
    await filters.getByLabel("Onderwijsnet (koepel)").selectOption({
      label: "GO! onderwijs van de Vlaamse Gemeenschap",
    });
    await search(page);
    await expect(page).toHaveURL(/net=GO/);
    await expect.poll(() => resultCount(page)).toBeLessThan(everything);
    await filters.getByLabel(queryLabel).fill("900002");
    await search(page);
    await expect(resultsTable(page).getByRole("link", { name: otherSchool })).toBeVisible();
    await filters.getByLabel("Onderwijsnet (koepel)").selectOption({
      label: "Katholiek Onderwijs Vlaanderen",
    });
    await search(page);
    await expect(page.getByText("Geen organisaties gevonden")).toBeVisible();

    // Study domain and finality: the technical school offers STEM with labour-market finality,
    // but no agriculture.
    await filters.getByLabel("Onderwijsnet (koepel)").selectOption("");
    await filters.getByLabel(queryLabel).fill("900001");
    await filters.getByLabel("Studiedomein").selectOption({ label: "STEM" });
    await filters.getByLabel("Finaliteit").selectOption({ label: "Arbeidsmarktfinaliteit" });
    await search(page);
    await expect(page).toHaveURL(/domein=2/);
    await expect(page).toHaveURL(/finaliteit=A/);
    await expect(resultsTable(page).getByRole("link", { name: school })).toBeVisible();
    await filters.getByLabel("Studiedomein").selectOption({ label: "Land- en tuinbouw" });
    await search(page);
    await expect(page.getByText("Geen organisaties gevonden")).toBeVisible();

    // Domain and finality alone narrow the schools down.
    await page.goto("/gids?domein=2&finaliteit=A");
    const stem = await resultCount(page);
    expect(stem).toBeGreaterThan(0);
    expect(stem).toBeLessThan(everything);
    await page.goto("/gids?domein=2&finaliteit=A&provincie=OVL");
    expect(await resultCount(page)).toBeLessThan(stem);
  });

  test("searches by name, instellingsnummer and KBO number with dots", async ({ page }) => {
    await page.goto("/gids");
    const everything = await resultCount(page);
    const filters = filtersOf(page);
    const firstResult = resultsTable(page).locator("tbody tr").first().getByRole("link");

    await filters.getByLabel(queryLabel).fill("Sint-Aldegondis Gent");
    await search(page);
    await expect(page).toHaveURL(/q=Sint-Aldegondis/);
    await expect(firstResult).toHaveText(school);
    await expect.poll(() => resultCount(page)).toBeLessThan(everything);
    await expect(filters.getByLabel(queryLabel)).toHaveValue("Sint-Aldegondis Gent");

    await filters.getByLabel(queryLabel).fill("900001");
    await search(page);
    await expect(firstResult).toHaveText(school);

    await filters.getByLabel(queryLabel).fill(companyKbo);
    await search(page);
    await expect(firstResult).toHaveText(company);
    await expect(resultsTable(page).locator("tbody tr").first()).toContainText("Bedrijf");
  });

  test("the empty state offers to clear the filters", async ({ page }) => {
    await page.goto("/gids?q=zzqxjkwvy&provincie=WVL");
    await expect(page.getByRole("heading", { level: 2, name: "0 resultaten" })).toBeVisible();
    await expect(page.getByText("Geen organisaties gevonden")).toBeVisible();
    await expect(resultsTable(page)).toHaveCount(0);
    await expectAccessible(page);

    const results = page.getByRole("region", { name: "0 resultaten" });
    await results.getByRole("link", { name: "Wis de filters" }).click();
    await expect(page).toHaveURL(/\/gids$/);
    await expect.poll(() => resultCount(page)).toBeGreaterThan(1000);
    await expect(filtersOf(page).getByLabel(queryLabel)).toHaveValue("");
    await expect(filtersOf(page).getByLabel("Provincie")).toHaveValue("");
  });

  test("opens the page of a school and of a company from the results", async ({ page }) => {
    await page.goto("/gids?q=900001");
    await resultsTable(page).getByRole("link", { name: school }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(school);
    await expect(page.getByRole("main")).toContainText("900001");
    await expect(page.getByRole("heading", { level: 2, name: "Vestigingsplaatsen" })).toBeVisible();
    await page
      .getByText(/\d+ studierichtingen/)
      .first()
      .click();
    await expectAccessible(page);

    await page.getByRole("navigation", { name: "Kruimelpad" }).getByRole("link").nth(1).click();
    await expect(page).toHaveURL(/\/gids$/);

    await page.goto(`${href("/gids")}?q=${encodeURIComponent(companyKbo)}`);
    await resultsTable(page).getByRole("link", { name: company }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(company);
    await expect(page.getByRole("main")).toContainText(`KBO ${companyKbo}`);
    // The public sees no edit button and no history.
    await expect(page.getByRole("link", { name: "Bewerken" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Wijzigingsgeschiedenis" })).toHaveCount(0);
    await expectAccessible(page);
  });
});

test.describe("the members of a school are private to the school and the administrators", () => {
  const cases = [
    { who: "the school's coordinator", email: "coordinator@demo.innovet.test", sees: true },
    { who: "the platform administrator", email: "admin@demo.innovet.test", sees: true },
    { who: "another school's coordinator", email: "coordinator2@demo.innovet.test", sees: false },
    { who: "the public", email: null, sees: false },
  ];
  for (const { who, email, sees } of cases) {
    test(`${who} ${sees ? "sees" : "does not see"} them`, async ({ page }) => {
      if (email) await signedIn(page, email);
      await page.goto("/gids?q=900001");
      await resultsTable(page).getByRole("link", { name: school }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(school);
      const members = page.getByRole("heading", { level: 2, name: "Personen en rollen" });
      if (sees) {
        await expect(members).toBeVisible();
        const table = page.getByRole("table", { name: "Personen en rollen" });
        await expect(table).toContainText("Bram Van Demobeke");
        await expect(table).toContainText("coordinator@demo.innovet.test");
        await expectAccessible(page);
      } else {
        await expect(members).toHaveCount(0);
        await expect(page.getByRole("main")).not.toContainText("Bram Van Demobeke");
        await expect(page.getByRole("main")).not.toContainText("coordinator@demo.innovet.test");
        await expect(page.getByRole("main")).not.toContainText("directeur@demo.innovet.test");
      }
    });
  }
});

test("an administrator adds a company, edits it and reads its history", async ({ page }) => {
  const name = `Demo Testbedrijf Vandewiele ${Date.now()} bv`;
  const kbo = freshEnterpriseNumber("07");
  await signedIn(page, "admin@demo.innovet.test");
  await page
    .getByRole("navigation", { name: "Hoofdnavigatie" })
    .getByRole("link", { name: "Organisatie toevoegen" })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Organisatie toevoegen");
  await expectAccessible(page);

  // An invalid KBO number: summary linking to the field, the message at the field, data kept.
  await page.getByLabel("Naam", { exact: true }).fill(name);
  await page.getByLabel("Soort organisatie").selectOption({ label: "Bedrijf" });
  await page.getByLabel("Ondernemingsnummer").fill("0890.000.141");
  await page.getByLabel("Straat en huisnummer").fill("Bouwmeesterslaan 12");
  await page.getByLabel("Postcode").fill("9000");
  await page.getByLabel("Gemeente", { exact: true }).selectOption({ label: "Gent" });
  await page.getByRole("button", { name: "Opslaan" }).click();

  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Er is een probleem");
  const message = "Dit ondernemingsnummer klopt niet. Controleer de tien cijfers.";
  await expect(summary.getByRole("link")).toHaveCount(1);
  await expect(summary.getByRole("link")).toHaveText(`Ondernemingsnummer: ${message}`);
  const kboField = page.getByLabel("Ondernemingsnummer");
  await expect(kboField).toHaveAttribute("aria-invalid", "true");
  await expect(kboField).toHaveAccessibleDescription(new RegExp(message.replace(/\./g, "\\.")));
  await expect(page.getByRole("main").getByText(message, { exact: true })).toBeVisible();
  await expect(page.getByLabel("Naam", { exact: true })).toHaveValue(name);
  await expect(page.getByLabel("Soort organisatie")).toHaveValue("company");
  await expect(kboField).toHaveValue("0890.000.141");
  await expect(page.getByLabel("Straat en huisnummer")).toHaveValue("Bouwmeesterslaan 12");
  await expect(page.getByLabel("Gemeente", { exact: true })).toHaveValue("44021");
  await expectAccessible(page);
  await summary.getByRole("link").click();
  await expect(kboField).toBeFocused();

  await kboField.fill(kbo);
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByRole("status")).toHaveText("De organisatie is toegevoegd.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByRole("main")).toContainText(`KBO ${kbo}`);
  await expect(page.getByRole("main")).toContainText("Bouwmeesterslaan 12");
  await expectAccessible(page);

  // The new company is found in the directory by its number.
  const organisationUrl = page.url();
  await page.goto(`${href("/gids")}?q=${encodeURIComponent(kbo)}`);
  await expect(resultsTable(page).locator("tbody tr").first().getByRole("link")).toHaveText(name);
  await page.goto(organisationUrl);

  await page.getByRole("link", { name: "Bewerken" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${name} bewerken`);
  await expect(page.getByLabel("Ondernemingsnummer")).toHaveValue(kbo);
  await page.getByLabel("Telefoon").fill("09 123 45 67");
  await page
    .getByLabel("Beschrijving")
    .fill("Bouwt mee aan praktijklokalen voor de bouwopleidingen.");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByRole("status")).toHaveText("De organisatie is opgeslagen.");
  await expect(page.getByRole("main")).toContainText("09 123 45 67");
  await expect(page.getByRole("main")).toContainText("Bouwt mee aan praktijklokalen");

  await page.getByRole("link", { name: "Wijzigingsgeschiedenis" }).click();
  await expect(page).toHaveURL(/\/beheer\/audit\?onderwerp=organisation&id=/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Auditlog");
  await expect(page.getByRole("status")).toContainText("2 gebeurtenissen");
  await expect(page.getByRole("status")).toContainText(name);
  const events = page.getByRole("list", { name: "Auditlog" }).locator(":scope > li");
  await expect(events).toHaveCount(2);
  // Newest first: the update with its changed fields, then the creation.
  const update = events.nth(0);
  await expect(update).toContainText("Organisatie gewijzigd");
  await expect(update).toContainText("Ilse Probeerts");
  // The changes are folded; their summary names the fields.
  await expect(update.locator("summary")).toContainText(/gewijzigde velden: /);
  await update.locator("summary").click();
  const diff = update.getByRole("table");
  await expect(diff.getByRole("row", { name: /Telefoon/ })).toContainText("09 123 45 67");
  await expect(diff.getByRole("row", { name: /Beschrijving/ })).toContainText(
    "Bouwt mee aan praktijklokalen",
  );
  await expect(diff.getByRole("rowheader", { name: "name", exact: true })).toHaveCount(0);
  const create = events.nth(1);
  await expect(create).toContainText("Organisatie toegevoegd");
  await create.getByText(/gewijzigde velden/).click();
  await expect(create.getByRole("row", { name: /Ondernemingsnummer/ })).toContainText(
    kbo.replace(/\./g, ""),
  );
  await expect(create.getByRole("row", { name: /^Naam/ })).toContainText(name);
  await expectAccessible(page);
});

test("a save on a stale form is refused and keeps what was typed", async ({ page, browser }) => {
  // Two administrators open the same organisation; the second saves on top of the first.
  const target = "Demo Koeltechniek Mertens bv";
  const second = await otherBrowser(browser, "10.251.0.1");
  await signedIn(page, "admin@demo.innovet.test");
  await signedIn(second.page, "admin@demo.innovet.test");

  await page.goto(`${href("/gids")}?q=${encodeURIComponent(target)}`);
  await resultsTable(page).getByRole("link", { name: target }).click();
  await page.getByRole("link", { name: "Bewerken" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${target} bewerken`);
  await second.page.goto(page.url());
  await expect(second.page.getByRole("heading", { level: 1 })).toHaveText(`${target} bewerken`);

  await page.getByLabel("Beschrijving").fill("Eerste versie: koelinstallaties voor de opleiding.");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByRole("status")).toHaveText("De organisatie is opgeslagen.");

  const typed = "Tweede versie: ook warmtepompen.";
  await second.page.getByLabel("Beschrijving").fill(typed);
  await second.page.getByLabel("Telefoon").fill("011 22 33 44");
  await second.page.getByRole("button", { name: "Opslaan" }).click();
  const alert = second.page.getByRole("alert");
  await expect(alert).toContainText("Iemand anders heeft deze organisatie intussen gewijzigd.");
  await expect(second.page.getByLabel("Beschrijving")).toHaveValue(typed);
  await expect(second.page.getByLabel("Telefoon")).toHaveValue("011 22 33 44");
  // What is saved now is shown next to what was typed.
  await expect(second.page.getByRole("main")).toContainText("Eerste versie: koelinstallaties");
  await expectAccessible(second.page);

  // Nothing of the refused save reached the organisation page.
  await page.reload();
  await expect(page.getByRole("main")).toContainText("Eerste versie: koelinstallaties");
  await expect(page.getByRole("main")).not.toContainText("Tweede versie");

  // Saving again, now from the latest version, succeeds.
  await second.page.getByRole("button", { name: "Opslaan" }).click();
  await expect(second.page.getByRole("status")).toHaveText("De organisatie is opgeslagen.");
  await expect(second.page.getByRole("main")).toContainText(typed);
  await second.context.close();
});

test("a keyboard-only user searches the directory and opens a result", async ({ page }) => {
  await page.goto("/gids");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Ga naar de inhoud" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
  await page.keyboard.press("Tab");
  const query = page.getByLabel(queryLabel);
  await expect(query).toBeFocused();
  await page.keyboard.type("Sint-Aldegondis Gent");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/q=Sint-Aldegondis/);
  const first = resultsTable(page).locator("tbody tr").first().getByRole("link");
  await expect(first).toHaveText(school);
  // Focus lands on the results' title; the next Tab reaches the table's scrolling region (so a
  // keyboard user can scroll it at 320 px, ADR 0032), the one after that the first result.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("region", { name: /Gevonden organisaties/ })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(first).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(school);
});

test("in English the directory filters are labelled in English", async ({ page }) => {
  await page.goto("/gids?provincie=OVL");
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveURL(/\/gids\?provincie=OVL$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Schools and partners");
  const filters = filtersOf(page);
  for (const label of [
    "Name, institution number or enterprise number",
    "Kind of organisation",
    "Province",
    "Municipality",
    "Education network (umbrella)",
    "Study domain",
    "Finality",
  ])
    await expect(filters.getByLabel(label, { exact: true })).toBeVisible();
  await expect(filters.getByLabel("Province", { exact: true })).toHaveValue("OVL");
  await expect(filters.getByRole("button", { name: "Show results" })).toBeVisible();
  await expect(filters.getByRole("link", { name: "Clear filters" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /\d+ results/ })).toBeVisible();
  await expect(resultsTable(page)).toHaveCount(0);
  await expect(page.getByRole("table", { name: /Organisations found/ })).toBeVisible();
  await expectAccessible(page);
});
