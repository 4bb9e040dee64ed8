import { completeEnterpriseNumber } from "../src/directory/enterprise-number";
import { expect, signIn, test } from "./fixtures";

// The core journeys work without JavaScript: plain forms, server-rendered errors and redirects.

test("without JavaScript a coordinator signs in, sees the dashboard and signs out", async ({
  page,
}) => {
  await signIn(page, "coordinator@demo.innovet.test");
  await expect(page).toHaveURL(/\/mijn$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mijn InnoVET");
  await page.getByRole("button", { name: "Afmelden" }).click();
  await expect(page.getByText("Je bent afgemeld.")).toBeVisible();
});

test("without JavaScript a refused sign-in shows the error summary", async ({ page }) => {
  await signIn(page, "coordinator@demo.innovet.test", "wrong-password-here");
  await expect(page.getByRole("alert")).toContainText("passen niet bij elkaar");
});

test("without JavaScript the public filters the directory, pages on and opens an organisation", async ({
  page,
}) => {
  await page.goto("/gids");
  const filters = page.getByRole("region", { name: "Filters" });
  await filters.getByLabel("Soort organisatie").selectOption({ label: "School" });
  await filters.getByLabel("Provincie").selectOption({ label: "Oost-Vlaanderen" });
  await filters.getByRole("button", { name: "Toon resultaten" }).click();
  await expect(page).toHaveURL(/soort=school/);
  await expect(page).toHaveURL(/provincie=OVL/);
  const table = page.getByRole("table", { name: /Gevonden organisaties, pagina 1 van/ });
  await expect(table).toBeVisible();

  await page.getByRole("link", { name: "Volgende pagina" }).click();
  await expect(page).toHaveURL(/pagina=2/);
  await expect(page).toHaveURL(/provincie=OVL/);
  await expect(page.getByRole("table", { name: /pagina 2 van/ })).toBeVisible();
  await expect(filters.getByLabel("Provincie")).toHaveValue("OVL");
  await expect(filters.getByLabel("Soort organisatie")).toHaveValue("school");

  const first = page.getByRole("table").locator("tbody tr").first();
  const name = await first.getByRole("link").innerText();
  await expect(first).toContainText("Oost-Vlaanderen");
  await first.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByRole("heading", { level: 2, name: "Vestigingsplaatsen" })).toBeVisible();
});

test("without JavaScript an administrator adds an organisation after correcting an error", async ({
  page,
}) => {
  const name = `Demo Testbedrijf Zondervanscript ${Date.now()} nv`;
  const kbo = completeEnterpriseNumber(`06${String(Date.now()).slice(-6)}`);
  await signIn(page, "admin@demo.innovet.test");
  await expect(page).toHaveURL(/\/mijn$/);
  await page.goto("/beheer/organisaties/nieuw");
  await page.getByLabel("Naam", { exact: true }).fill(name);
  await page.getByLabel("Soort organisatie").selectOption({ label: "Bedrijf" });
  await page.getByLabel("Gemeente", { exact: true }).selectOption({ label: "Hasselt" });
  await page.getByRole("button", { name: "Opslaan" }).click();

  // A company needs its KBO number: the server names the problem and keeps the rest.
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Vul het ondernemingsnummer in");
  await expect(summary.getByRole("link")).toHaveAttribute("href", "#veld-enterpriseNumber");
  await expect(page.getByLabel("Naam", { exact: true })).toHaveValue(name);
  await expect(page.getByLabel("Soort organisatie")).toHaveValue("company");
  await expect(page.getByLabel("Gemeente", { exact: true })).toHaveValue("71072");

  await page.getByLabel("Ondernemingsnummer").fill(kbo);
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByRole("status")).toHaveText("De organisatie is toegevoegd.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByRole("main")).toContainText("Hasselt");
});

test("without JavaScript the public reads a call and a programme manager is told what is missing", async ({
  page,
}) => {
  await page.goto("/oproepen");
  await page
    .getByRole("region", { name: "Afgesloten oproepen" })
    .getByRole("link", { name: "InnoVET cyclus 1: projectoproep 2018-2019" })
    .click();
  await expect(page.getByRole("heading", { level: 2, name: "Tijdlijn" })).toBeVisible();
  await expect(page.getByText("vrijdag 29 maart 2019 om 17:00")).toBeVisible();

  await signIn(page, "programmabeheerder@demo.innovet.test");
  await expect(page).toHaveURL(/\/mijn$/);
  await page.goto("/beheer/oproepen/nieuw");
  await page.getByLabel("Titel").fill(`Zonder JavaScript ${Date.now()}`);
  await page.getByLabel("Totaal budget").fill("veel geld");
  await page.getByRole("button", { name: "Concept opslaan" }).click();
  await expect(page.getByRole("alert")).toContainText("Totaal budget: Vul een bedrag in euro in");
  await page.getByLabel("Totaal budget").fill("100.000");
  await page.getByRole("button", { name: "Concept opslaan" }).click();
  await expect(page.getByText("De oproep is als concept opgeslagen.")).toBeVisible();
  await page.getByLabel(/Ik heb de oproep nagelezen/).check();
  await page.getByRole("button", { name: "Publiceren" }).click();
  await expect(page.getByRole("alert")).toContainText("Deadline: Vul dit veld in.");
});
