import { readFileSync } from "node:fs";
import { toBrusselsInput } from "../src/platform/time";
import { expect, expectAccessible, signIn, test } from "./fixtures";

// Calls for proposals: the public reads the open call and takes its dates into a calendar; the
// programme manager writes a call, is told in Dutch what is missing, completes it, previews it
// and publishes it, after which everyone sees it among the open calls.

const day = 24 * 3_600_000;

test("the public sees the open and closed calls, reads one and downloads its agenda", async ({
  page,
}) => {
  await page.goto("/oproepen");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Oproepen");
  const open = page.getByRole("region", { name: "Open oproepen" });
  const closed = page.getByRole("region", { name: "Afgesloten oproepen" });
  await expect(open.getByRole("link", { name: /InnoVET projectoproep \d{4}-\d{4}/ })).toBeVisible();
  await expect(
    closed.getByRole("link", { name: "InnoVET cyclus 1: projectoproep 2018-2019" }),
  ).toBeVisible();
  await expectAccessible(page);

  await closed.getByRole("link", { name: "InnoVET cyclus 1: projectoproep 2018-2019" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "InnoVET cyclus 1: projectoproep 2018-2019",
  );
  await expect(page.getByText("vrijdag 29 maart 2019 om 17:00")).toBeVisible();
  const envelopes = page.getByRole("table", { name: "Enveloppen per provincie" });
  await expect(envelopes.getByRole("row", { name: /Limburg/ })).toContainText("€ 50.000");
  await expect(envelopes.getByRole("row", { name: /Samen/ })).toContainText("€ 250.000");
  await expect(
    page.getByText(/Maximaal 3 pagina's \(1 pagina ≈ 500 woorden/).first(),
  ).toBeVisible();
  await expectAccessible(page);

  await page.goto("/oproepen");
  await open.getByRole("link", { name: /InnoVET projectoproep/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Tijdlijn" })).toBeVisible();
  await expectAccessible(page);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: /in je agenda/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^oproep-.*\.ics$/);
  const ics = readFileSync(await download.path(), "utf8");
  expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
  expect(ics).toContain("SUMMARY:Deadline oproep: InnoVET projectoproep");
});

test("a programme manager writes, completes, previews and publishes a call", async ({ page }) => {
  const title = `E2E-oproep ${Date.now()}`;
  await signIn(page, "programmabeheerder@demo.innovet.test");
  await expect(page).toHaveURL(/\/mijn$/);
  await page
    .getByRole("navigation", { name: "Hoofdnavigatie" })
    .getByRole("link", { name: "Oproepen beheren" })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Oproepen beheren");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Nieuwe oproep" }).click();
  await expectAccessible(page);
  await page.getByLabel("Titel").fill(title);
  await page.getByRole("button", { name: "Concept opslaan" }).click();
  await expect(page.getByText("De oproep is als concept opgeslagen.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expectAccessible(page);

  // An incomplete call is refused, with every missing point in Dutch.
  await page.getByLabel(/Ik heb de oproep nagelezen/).check();
  await page.getByRole("button", { name: "Publiceren" }).click();
  const problems = page.getByRole("alert");
  await expect(problems).toContainText("De oproep kan nog niet gepubliceerd worden");
  await expect(problems).toContainText("Samenvatting: Vul dit veld in.");
  await expect(problems).toContainText(
    "Thema's (transitiegebieden): Kies minstens één mogelijkheid.",
  );
  await expect(problems).toContainText("Deadline: Vul dit veld in.");
  await expectAccessible(page);

  await problems.getByRole("link", { name: /Samenvatting/ }).click();
  await expect(page).toHaveURL(/\/bewerken#veld-summary$/);
  await expectAccessible(page);
  await page.getByLabel("Samenvatting").fill("Een oproep uit de browsertest.");
  await page.getByLabel("Volledige tekst van de oproep").fill("Eerste alinea.\n\nTweede alinea.");
  await page.getByLabel("Schooljaren").fill("2027-2028");
  await page.getByLabel("Maximale looptijd in maanden").fill("12");
  await page
    .getByRole("group", { name: "Thema's (transitiegebieden)" })
    .getByLabel("Energietransitie")
    .check();
  await page.getByRole("group", { name: "Niveaus van verandering" }).getByLabel("ICT").check();
  await page.getByRole("group", { name: "Onderwijsvormen" }).getByLabel("dbso").check();
  await page
    .getByRole("group", { name: "Finaliteiten" })
    .getByLabel("Arbeidsmarktfinaliteit")
    .check();
  await page.getByRole("group", { name: "Studiedomeinen" }).getByLabel("STEM").check();
  await page.getByLabel("Totaal budget").fill("100.000");
  await page.getByLabel("Maximum per project").fill("20.000");
  await page.getByLabel("Minimale cofinanciering").fill("10");
  await page.getByLabel("Opent op").fill(toBrusselsInput(new Date(Date.now() - day)));
  await page.getByLabel("Deadline").fill(toBrusselsInput(new Date(Date.now() + 60 * day)));
  // A decision before the deadline is refused at publication.
  await page.getByLabel("Beslissing").fill(toBrusselsInput(new Date(Date.now() + 30 * day)));
  await page.getByRole("button", { name: "Concept opslaan" }).click();
  await expect(page.getByText("De oproep is opgeslagen.")).toBeVisible();

  await page.getByLabel(/Ik heb de oproep nagelezen/).check();
  await page.getByRole("button", { name: "Publiceren" }).click();
  await expect(page.getByRole("alert")).toContainText(
    "Beslissing: De beslissing moet na de deadline liggen.",
  );
  await page.getByRole("link", { name: "Bewerken" }).first().click();
  await page.getByLabel("Beslissing").fill(toBrusselsInput(new Date(Date.now() + 90 * day)));
  await page.getByRole("button", { name: "Concept opslaan" }).click();
  await expect(page.getByText("Dit is een voorbeeld")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Wie kan indienen?" })).toBeVisible();

  // Without the confirmation nothing happens; with it the call is published.
  await page.getByRole("button", { name: "Publiceren" }).click();
  await expect(page.getByRole("alert")).toContainText("Vink aan dat je de oproep nagelezen hebt");
  await page.getByLabel(/Ik heb de oproep nagelezen/).check();
  await page.getByRole("button", { name: "Publiceren" }).click();
  await expect(page.getByText("De oproep is gepubliceerd.")).toBeVisible();
  await expect(page).toHaveURL(/\/oproepen\/[0-9a-f-]{36}$/);

  await page.goto("/oproepen");
  await expect(
    page.getByRole("region", { name: "Open oproepen" }).getByRole("link", { name: title }),
  ).toBeVisible();
});

test("drafts and the management pages are not for everyone", async ({ page }) => {
  const response = await page.goto("/beheer/oproepen");
  await expect(page).toHaveURL(/\/aanmelden/);
  expect(response?.status()).toBe(200);
  await signIn(page, "coordinator@demo.innovet.test");
  await expect(page).toHaveURL(/\/mijn$/);
  const forbidden = await page.goto("/beheer/oproepen/nieuw");
  expect(forbidden?.status()).toBe(403);
  await expect(
    page
      .getByRole("navigation", { name: "Hoofdnavigatie" })
      .getByRole("link", { name: "Oproepen beheren" }),
  ).toHaveCount(0);
});
