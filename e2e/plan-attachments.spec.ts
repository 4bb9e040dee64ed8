import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { href } from "react-router";
import {
  applicationIdOf,
  openCallLink,
  signInAsCoordinator,
  startApplication,
  taskListStep,
} from "./application-steps";
import { expect, expectAccessible, test } from "./fixtures";
import { addAction, addMaterial, addTeacher, pdfBytes } from "./plan-steps";

// The plan and the attachments of an application: a coordinator adds an action with a
// milestone, a teacher with their professionalisation and a material to share, uploads a real
// PDF, sees it listed and downloads it; a renamed program or text file is refused in Dutch.
// Every new page passes axe. The plan's core also works without JavaScript.

/** Starts a draft for the open demo call; returns its task list's URL and the call's first year. */
async function startDraft(page: Page, title: string) {
  await signInAsCoordinator(page);
  await page.goto("/oproepen");
  const link = openCallLink(page);
  const year = Number(/(\d{4})-\d{4}/.exec((await link.textContent()) ?? "")?.[1]);
  await link.click();
  await startApplication(page, title);
  await expect(page).toHaveURL(/\/aanvragen\/[0-9a-f-]{36}$/);
  return { taskList: page.url(), year };
}

/** Uploads a quote over the size limit (11 MiB) and expects it refused in Dutch, not listed. */
async function expectOversizedQuoteRefused(page: Page) {
  await page.getByLabel("Soort bijlage").selectOption({ label: "Offerte" });
  await page.getByLabel("Bestand", { exact: true }).setInputFiles({
    name: "te-groot.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.concat([pdfBytes, Buffer.alloc(11 * 1024 * 1024)]),
  });
  await page.getByRole("button", { name: "Bijlage toevoegen" }).click();
  await expect(page.getByRole("alert")).toContainText("Dit bestand is te groot.");
  await expect(page.getByRole("link", { name: "te-groot.pdf" })).toHaveCount(0);
}

test("a coordinator fills in the plan, uploads a PDF, downloads it; a disguised file is refused", async ({
  page,
}) => {
  const { taskList, year } = await startDraft(page, `E2E-plan ${Date.now()}`);
  const planStep = taskListStep(page, "Plan");
  await expect(planStep).toContainText("Niet gestart");

  await planStep.getByRole("link", { name: "Plan" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Plan");
  await expect(page.getByText("Voeg minstens één actie toe aan het plan.")).toBeVisible();
  await expectAccessible(page);

  // An action outside the call's period is kept in the draft: the plan lists it as a problem
  // for the submission, and its page says at the start date what is wrong, in Dutch.
  await page.getByRole("link", { name: "Actie toevoegen" }).click();
  await page.getByLabel("Titel van de actie").fill("Te vroeg");
  await page.getByLabel("Beschrijving").fill("Voor de start.");
  await page.getByLabel("Begindatum").fill(`${year}-08-01`);
  await page.getByLabel("Einddatum").fill(`${year}-10-01`);
  await page.getByRole("button", { name: "Actie bewaren" }).click();
  await expect(page.getByRole("status")).toContainText("Het plan is bewaard.");
  await expect(
    page.getByRole("link", { name: "De actie “Te vroeg” valt buiten de looptijd van de oproep." }),
  ).toBeVisible();
  await page.getByRole("link", { name: "“Te vroeg” wijzigen" }).click();
  const start = page.getByLabel("Begindatum");
  await expect(start).toHaveValue(`${year}-08-01`);
  await expect(start).toHaveAttribute("aria-invalid", "true");
  await expect(start).toHaveAccessibleDescription(
    /Een actie kan niet starten vóór 1 september van het eerste schooljaar van de oproep/,
  );
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Terug naar het plan" }).click();
  await page.getByRole("button", { name: "“Te vroeg” verwijderen" }).click();
  await expect(page.getByRole("status")).toContainText("Het onderdeel is verwijderd uit het plan.");

  await addAction(page, year, true);
  await addTeacher(page, true);
  await addMaterial(page, true);
  await expect(page.getByText("Wat nog ontbreekt om in te dienen")).toHaveCount(0);
  await expectAccessible(page);

  await page.goto(taskList);
  await expect(planStep).toContainText("Afgewerkt");
  const attachmentsStep = taskListStep(page, "Bijlagen");
  await attachmentsStep.getByRole("link", { name: "Bijlagen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bijlagen");
  await expectAccessible(page);

  // A real PDF: listed, and downloaded with its name and bytes.
  await page.getByLabel("Soort bijlage").selectOption({ label: "Engagementsverklaring" });
  await page.getByLabel(/^Korte omschrijving/).fill("Engagementsverklaring van Bedrijf NV");
  await page.getByLabel("Bestand", { exact: true }).setInputFiles({
    name: "engagementsverklaring bedrijf.pdf",
    mimeType: "application/pdf",
    buffer: pdfBytes,
  });
  await page.getByRole("button", { name: "Bijlage toevoegen" }).click();
  await expect(page.getByRole("status")).toContainText("De bijlage is toegevoegd.");
  const link = page.getByRole("link", { name: "engagementsverklaring bedrijf.pdf" });
  await expect(link).toBeVisible();
  await expectAccessible(page);
  const downloading = page.waitForEvent("download");
  await link.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("engagementsverklaring bedrijf.pdf");
  const path = await download.path();
  expect(readFileSync(path).equals(pdfBytes)).toBe(true);
  const href = (await link.getAttribute("href")) ?? "";
  const response = await page.request.get(new URL(href, page.url()).toString());
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment;/);

  // A program renamed to .pdf, and text renamed to .pdf: refused in Dutch at the field.
  for (const disguised of [
    { name: "brief.pdf", buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]) },
    { name: "offerte.pdf", buffer: Buffer.from("Dit is gewone tekst, geen PDF.") },
  ]) {
    await page.getByLabel("Soort bijlage").selectOption({ label: "Offerte" });
    await page
      .getByLabel("Bestand", { exact: true })
      .setInputFiles({ ...disguised, mimeType: "application/pdf" });
    await page.getByRole("button", { name: "Bijlage toevoegen" }).click();
    await expect(page.getByRole("alert")).toContainText("Dit soort bestand kan je niet toevoegen.");
    await expect(page.getByRole("link", { name: disguised.name })).toHaveCount(0);
  }
  await expectAccessible(page);

  await page.goto(taskList);
  await expect(taskListStep(page, "Bijlagen")).toContainText("Afgewerkt");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the plan's core: add an action, a teacher and a material, change one, remove one", async ({
    page,
  }) => {
    const { year } = await startDraft(page, `E2E-plan zonder JS ${Date.now()}`);
    await taskListStep(page, "Plan").getByRole("link", { name: "Plan" }).click();
    await addAction(page, year);
    await addTeacher(page);
    await addMaterial(page);

    await page.getByRole("link", { name: "“An Peeters” wijzigen" }).click();
    await expect(page.getByLabel("Geplande uren")).toHaveValue("40");
    await page.getByLabel("Geplande uren").fill("60");
    await page.getByRole("button", { name: "Leraar bewaren" }).click();
    await expect(page.getByText("60 uur")).toBeVisible();

    await page.getByRole("button", { name: "“Lessenreeks cobots ontwerpen” verwijderen" }).click();
    await expect(page.getByRole("status")).toContainText(
      "Het onderdeel is verwijderd uit het plan.",
    );
    await expect(page.getByText("Voeg minstens één actie toe aan het plan.")).toBeVisible();
  });

  test("an upload without JavaScript, one too large, a removal", async ({ page }) => {
    // An 11 MB upload on a shared machine takes a while. (No axe here: it needs JavaScript in
    // the page; the same page with a refused file is checked with JavaScript above.)
    test.setTimeout(150_000);
    const { taskList } = await startDraft(page, `E2E-bijlage zonder JS ${Date.now()}`);
    await page.goto(
      href("/aanvragen/:applicationId/bijlagen", { applicationId: applicationIdOf(taskList) }),
    );
    await page.getByLabel("Soort bijlage").selectOption({ label: "Engagementsverklaring" });
    await page.getByLabel("Bestand", { exact: true }).setInputFiles({
      name: "engagement.pdf",
      mimeType: "application/pdf",
      buffer: pdfBytes,
    });
    await page.getByRole("button", { name: "Bijlage toevoegen" }).click();
    await expect(page.getByRole("status")).toContainText("De bijlage is toegevoegd.");
    await expect(page.getByRole("link", { name: "engagement.pdf" })).toBeVisible();
    // A file over the limit is refused before its body is read, with a Dutch message.
    await expectOversizedQuoteRefused(page);

    await page.getByRole("button", { name: "engagement.pdf verwijderen" }).click();
    await expect(page.getByRole("status")).toContainText("De bijlage is verwijderd.");
    await expect(page.getByText("Nog geen bijlagen.")).toBeVisible();
  });
});

test("with JavaScript, a file over the limit comes back to the page with the Dutch message", async ({
  page,
}) => {
  // The edge throws the body away before the app reads it (app/lib/body-limits.server.ts); the
  // page, posted to through React Router's `.data` address, still gets its redirect back.
  test.setTimeout(150_000);
  const { taskList } = await startDraft(page, `E2E-bijlage te groot ${Date.now()}`);
  await page.goto(
    href("/aanvragen/:applicationId/bijlagen", { applicationId: applicationIdOf(taskList) }),
  );
  await expectOversizedQuoteRefused(page);
  await expectAccessible(page);
});
