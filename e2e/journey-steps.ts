import type { Browser, Page } from "@playwright/test";
import { href } from "react-router";
import { extractText, getDocumentProxy } from "unpdf";
import { toBrusselsInput } from "../src/platform/time";
import { coordinatorEmail, openCall, startApplication, taskListStep } from "./application-steps";
import { addDirectoryPartner, followInvitation } from "./consortium-steps";
import { expect, expectAccessible, signIn } from "./fixtures";
import { addAction, addMaterial, addTeacher, pdfBytes } from "./plan-steps";

// The whole first half of the InnoVET cycle, step by step, shared by the journey with and
// without JavaScript: a programme manager publishes a call, a coordinator builds a complete
// application (answers, a consortium whose two partners confirm through their mailed links, plan,
// budget, a letter of commitment), submits it and downloads its PDF; the manager exports the list.

const day = 24 * 60 * 60 * 1000;
let signIns = 0;

/** Signs in as another person from another address (the sign-in limit is per address). */
export async function signInAs(page: Page, email: string) {
  await page.context().clearCookies();
  signIns += 1;
  await page
    .context()
    .setExtraHTTPHeaders({ "x-forwarded-for": `10.252.${signIns % 250}.${Date.now() % 250}` });
  await signIn(page, email);
  await expect(page).toHaveURL(/\/mijn$/);
}

/** The programme manager writes and publishes a call open from yesterday for 60 days. */
export async function publishCall(page: Page, title: string, check: boolean) {
  await signInAs(page, "programmabeheerder@demo.innovet.test");
  await page.goto("/beheer/oproepen");
  await page.getByRole("link", { name: "Nieuwe oproep" }).click();
  await page.getByLabel("Titel").fill(title);
  await page.getByRole("button", { name: "Concept opslaan" }).click();
  await expect(page.getByText("De oproep is als concept opgeslagen.")).toBeVisible();
  await page.getByRole("link", { name: "Bewerken" }).first().click();
  await page.getByLabel("Samenvatting").fill("Scholen en bedrijven innoveren samen rond cobots.");
  await page.getByLabel("Volledige tekst van de oproep").fill("Wie kan indienen en hoe.");
  await page.getByLabel("Schooljaren").fill("2027-2028");
  await page.getByLabel("Maximale looptijd in maanden").fill("12");
  await page
    .getByRole("group", { name: "Thema's (transitiegebieden)" })
    .getByLabel("Industrie 4.0")
    .check();
  await page
    .getByRole("group", { name: "Niveaus van verandering" })
    .getByLabel("Beroepstechnisch")
    .check();
  await page.getByRole("group", { name: "Onderwijsvormen" }).getByLabel("tso").check();
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
  await page.getByLabel("Beslissing").fill(toBrusselsInput(new Date(Date.now() + 90 * day)));
  await page.getByRole("button", { name: "Concept opslaan" }).click();
  await expect(page.getByText("Dit is een voorbeeld")).toBeVisible();
  if (check) await expectAccessible(page);
  await page.getByLabel(/Ik heb de oproep nagelezen/).check();
  await page.getByRole("button", { name: "Publiceren" }).click();
  await expect(page.getByText("De oproep is gepubliceerd.")).toBeVisible();
  return page.url().replace(/^.*\/oproepen\//, "");
}

/** The coordinator starts an application for the call and answers the form's four questions. */
export async function startAndAnswer(page: Page, callTitle: string, title: string) {
  await signInAs(page, coordinatorEmail);
  await openCall(page, callTitle);
  await startApplication(page, title);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const taskList = page.url();
  await page.getByRole("link", { name: "Het projectvoorstel" }).click();
  for (const label of [
    "Beschrijving van het voorstel",
    "Plan van aanpak",
    "Samenwerking tussen onderwijs, kennispartners en arbeidsmarkt",
    "Kostprijs en cofinanciering",
  ])
    await page.getByLabel(label).fill(`Ons antwoord op “${label}”, kort en duidelijk.`);
  await page.getByRole("button", { name: "Opslaan en terug naar het overzicht" }).click();
  await expect(page).toHaveURL(taskList);
  return taskList;
}

/** The lead school's programme and two partners who confirm through their mailed links. */
export async function buildConsortium(
  page: Page,
  browser: Browser,
  taskList: string,
  stamp: number,
  javaScriptEnabled: boolean,
) {
  await page.goto(taskList);
  await page.getByRole("link", { name: "Consortium: scholen en partners" }).click();
  await page
    .getByRole("link", {
      name: /Wijzig de vestigingsplaatsen en studierichtingen van Demo Technisch/,
    })
    .click();
  await page
    .getByRole("checkbox", { name: /doet mee$/ })
    .first()
    .check();
  await page.locator('input[name="programmes"]').first().check();
  await page.getByRole("button", { name: "Opslaan en terug naar het consortium" }).click();
  await expect(page.getByRole("status")).toContainText("De school is opgeslagen.");
  const consortiumUrl = page.url();
  const partners = [
    ["Van Kerckhove", "Demo Bouwbedrijf Van Kerckhove bv", `bedrijf-${stamp}@partner.test`],
    ["RTC Antwerpen", "RTC Antwerpen (demo)", `rtc-${stamp}@partner.test`],
  ] as const;
  for (const [search, name, email] of partners) {
    await addDirectoryPartner(page, search, name, email);
    await page.getByRole("button", { name: `Nodig ${name} uit` }).click();
    await expect(page.getByRole("status")).toContainText("De uitnodiging wordt verstuurd");
  }
  for (const [, name, email] of partners) {
    const partnerContext = await browser.newContext({ javaScriptEnabled });
    const partnerPage = await partnerContext.newPage();
    await followInvitation(partnerPage, email);
    await partnerPage.getByLabel("Je naam").fill(`Contact van ${name}`);
    await partnerPage.getByLabel("Ja, we bevestigen dit engagement").check();
    await partnerPage.getByRole("button", { name: "Antwoord versturen" }).click();
    await expect(partnerPage.getByRole("status")).toContainText("Bedankt");
    await expect(partnerPage.getByText(`bevestigd door Contact van ${name}`)).toBeVisible();
    await partnerContext.close();
  }
  // A fresh load: the consortium page's URL may carry a fragment, and going to the same URL with
  // a fragment would not ask the server again.
  await page.goto(consortiumUrl.replace(/#.*$/, ""));
  await page.reload();
  for (const [, name] of partners)
    await expect(page.getByRole("region", { name })).toContainText("Bevestigd door");
}

/** The plan, the budget and a letter of commitment. */
export async function completePlanBudgetAttachments(page: Page, taskList: string) {
  await page.goto(taskList);
  await taskListStep(page, "Plan").getByRole("link", { name: "Plan" }).click();
  await addAction(page, 2027);
  await addTeacher(page);
  await addMaterial(page);

  await page.goto(taskList);
  await page.getByRole("link", { name: "Budget", exact: true }).click();
  await page.getByRole("link", { name: "Kosten toevoegen" }).click();
  await page
    .getByLabel("Categorie", { exact: true })
    .selectOption({ label: "Werkingsmiddelen en materiaal" });
  await page.getByLabel("Omschrijving").fill("Cobot en sensoren");
  await page.getByLabel("Bedrag (alle andere categorieën)").fill("40.000");
  await page.getByRole("button", { name: "Bewaren" }).click();
  await expect(page.getByText("De kosten zijn bewaard.")).toBeVisible();

  await page.goto(taskList);
  await taskListStep(page, "Bijlagen").getByRole("link", { name: "Bijlagen" }).click();
  await page.getByLabel("Soort bijlage").selectOption({ label: "Engagementsverklaring" });
  await page.getByLabel(/^Korte omschrijving/).fill("Engagementsverklaring van het bouwbedrijf");
  await page.getByLabel("Bestand", { exact: true }).setInputFiles({
    name: "engagementsverklaring.pdf",
    mimeType: "application/pdf",
    buffer: pdfBytes,
  });
  await page.getByRole("button", { name: "Bijlage toevoegen" }).click();
  await expect(page.getByRole("status")).toContainText("De bijlage is toegevoegd.");
}

/** Check your answers, submit, and read the receipt. Returns the receipt's URL. */
export async function checkAndSubmit(page: Page, taskList: string, check: boolean) {
  await page.goto(taskList);
  for (const step of ["Consortium: scholen en partners", "Plan", "Budget", "Bijlagen"])
    await expect(taskListStep(page, step)).toContainText("Afgewerkt");
  await page.getByRole("link", { name: "Controleer en dien in" }).click();
  await expect(page.getByText("Deze aanvraag kan nog niet ingediend worden")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 2, name: "Budget" })).toBeVisible();
  await expect(page.getByText("RTC Antwerpen (demo)").first()).toBeVisible();
  if (check) await expectAccessible(page);
  await page.getByLabel(/Ik verklaar dat deze aanvraag volledig/).check();
  await page.getByRole("button", { name: "Aanvraag indienen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ontvangstbewijs");
  await expect(page.getByText("Vingerafdruk (SHA-256)")).toBeVisible();
  if (check) await expectAccessible(page);
  const fingerprint = (await page.getByTestId("fingerprint").textContent()) ?? "";
  // The PDF is made by a job right after the submission (ADR 0024); until it is stored the page
  // says so with a plain link to load it again, which works without JavaScript too.
  const pdfLink = page.getByRole("link", { name: "Download de ingediende aanvraag (pdf)" });
  await expect(async () => {
    if ((await pdfLink.count()) === 0) {
      await expect(page.getByText("Het ontvangstbewijs wordt aangemaakt")).toBeVisible();
      await page.getByRole("link", { name: "Vernieuw deze pagina" }).click();
    }
    await expect(pdfLink).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const href = await pdfLink.getAttribute("href");
  const pdf = await page.request.get(new URL(href ?? "", page.url()).toString());
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toContain("application/pdf");
  expect(pdf.headers()["content-disposition"]).toMatch(/^attachment;/);
  // Its text, not only its first bytes: the title and the fingerprint on every page.
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.body())));
  expect(text[0]).toContain("InnoVET-aanvraag");
  for (const pageText of text) expect(pageText).toContain(fingerprint);
}

/** The programme manager finds the submitted application and downloads the list as CSV. */
export async function exportList(page: Page, callId: string, title: string, check: boolean) {
  await signInAs(page, "programmabeheerder@demo.innovet.test");
  await page.goto(href("/beheer/oproepen/:callId/aanvragen", { callId }));
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("Ingediend");
  if (check) await expectAccessible(page);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Lijst als CSV" }).click();
  const csv = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of csv) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).toString("utf8")).toContain(title);
}
