import { readFileSync } from "node:fs";
import { href } from "react-router";
import { openCall, signInAsCoordinator } from "./application-steps";
import { expect, expectAccessible, signIn, test } from "./fixtures";

// The programme manager follows up a call: from the list of calls to its applications, filters
// them (the URL keeps the filters), opens one and its audit history, downloads the list as CSV
// and every answer as XLSX, and finds the downloads in the call's history. Plus the pages to
// move a deadline and, for admins, the scheduled jobs in trouble.

test("a programme manager filters a call's applications, opens one with its history, and downloads CSV and XLSX", async ({
  page,
}) => {
  await signIn(page, "programmabeheerder@demo.innovet.test");
  await expect(page).toHaveURL(/\/mijn$/);
  await page.goto("/beheer/oproepen");
  await expectAccessible(page);
  await page.getByRole("link", { name: /^Aanvragen \(\d+\) InnoVET projectoproep/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    /^Aanvragen: InnoVET projectoproep/,
  );
  await expect(page.getByText("aanvragen in totaal")).toBeVisible();
  await expectAccessible(page);

  // Filter on a province; its option says how many applications it leaves.
  const province = page.getByLabel("Provincie");
  const option = await province.locator("option[value='ANT']").textContent();
  const expected = Number(/\((\d+)\)/.exec(option ?? "")?.[1]);
  expect(expected).toBeGreaterThan(0);
  await province.selectOption("ANT");
  await page.getByRole("button", { name: "Filter toepassen" }).click();
  await expect(page).toHaveURL(/provincie=ANT/);
  await expect(page.getByRole("status")).toContainText(`${expected} van de`);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(expected + 1);
  await expect(rows.nth(1)).toContainText("Antwerpen");
  await expectAccessible(page);
  const filteredUrl = page.url();

  // The list as CSV, with the filter: UTF-8 with BOM, semicolons.
  const csvDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Lijst als CSV" }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/^aanvragen-innovet-projectoproep-.*\.csv$/);
  const csvText = readFileSync((await csv.path()) as string, "utf8");
  expect(csvText.startsWith("\uFEFF")).toBe(true);
  expect(csvText.split("\r\n")[0]).toContain('"Kenmerk";"Titel";"Hoofdaanvrager"');
  expect(csvText.trimEnd().split("\r\n")).toHaveLength(expected + 1);

  // Every answer as XLSX: a zip (OOXML) workbook.
  const xlsxDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Alle antwoorden als Excel (XLSX)" }).click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toMatch(/^antwoorden-.*\.xlsx$/);
  const bytes = readFileSync((await xlsx.path()) as string);
  expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");

  // One application, read-only for the manager, with its history.
  await page.goto(filteredUrl);
  const first = rows.nth(1).getByRole("link").first();
  const title = (await first.textContent()) ?? "";
  await first.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Geschiedenis van deze aanvraag" }).click();
  await expect(page).toHaveURL(/\/beheer\/audit\?onderwerp=application&id=/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Geschiedenis");
  // Begun and answered by the school's own coordinator, through the use cases (the demo seed).
  const history = page.getByRole("list", { name: "Auditlog" });
  await expect(history).toContainText("Aanvraag gestart");
  await expect(history).toContainText("Antwoorden opgeslagen");
  await expectAccessible(page);

  // The downloads are in the call's history.
  await page.goBack();
  await page.getByRole("link", { name: "Alle aanvragen van deze oproep" }).click();
  await page.getByRole("link", { name: "Geschiedenis van de oproep" }).click();
  await expect(page.getByRole("list", { name: "Auditlog" })).toContainText("Aanvragen gedownload");
  await expectAccessible(page);

  // The whole audit log stays closed to the programme team.
  const whole = await page.goto("/beheer/audit");
  expect(whole?.status()).toBe(403);
});

test("a programme manager moves a published call's deadline with a reason", async ({ page }) => {
  await signIn(page, "programmabeheerder@demo.innovet.test");
  await expect(page).toHaveURL(/\/mijn$/);
  await page.goto("/beheer/oproepen");
  await page.getByRole("link", { name: /^Deadline wijzigen InnoVET projectoproep/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Deadline wijzigen:/);
  await expectAccessible(page);
  // No reason: refused at the field, nothing changed.
  await page.getByRole("button", { name: "Deadline wijzigen" }).click();
  await expect(page.getByRole("alert")).toContainText("Geef de reden van de wijziging.");
  await expectAccessible(page);

  // One day later, with a reason: saved, and in the call's history with that reason.
  const field = page.getByLabel("Nieuwe deadline");
  const current = await field.inputValue();
  const nextDay = new Date(new Date(`${current}Z`).getTime() + 86_400_000)
    .toISOString()
    .slice(0, 16);
  await field.fill(nextDay);
  await page.getByLabel("Reden van de wijziging").fill("Verlengd wegens de krokusvakantie");
  await page.getByRole("button", { name: "Deadline wijzigen" }).click();
  await expect(page).toHaveURL(/\/oproepen\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("status")).toContainText("De deadline is gewijzigd.");
  await page.getByRole("link", { name: "Geschiedenis van de oproep" }).click();
  const change = page
    .getByRole("list", { name: "Auditlog" })
    .getByRole("listitem")
    .filter({ hasText: "Deadline gewijzigd" })
    .first();
  await expect(change).toContainText("Verlengd wegens de krokusvakantie");
});

test("an admin opens the scheduled jobs in trouble from the navigation", async ({ page }) => {
  await signIn(page, "admin@demo.innovet.test");
  await expect(page).toHaveURL(/\/mijn$/);
  await page
    .getByRole("navigation", { name: "Hoofdnavigatie" })
    .getByRole("link", { name: "Geplande taken" })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Geplande taken met problemen");
  await expectAccessible(page);
});

test("a school coordinator cannot open the manager's list of applications", async ({ page }) => {
  await signInAsCoordinator(page);
  const calls = await page.goto("/beheer/oproepen");
  expect(calls?.status()).toBe(403);
  await openCall(page);
  const callId = /\/oproepen\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? "";
  const list = await page.goto(href("/beheer/oproepen/:callId/aanvragen", { callId }));
  expect(list?.status()).toBe(403);
  const jobs = await page.goto("/beheer/taken");
  expect(jobs?.status()).toBe(403);
});
