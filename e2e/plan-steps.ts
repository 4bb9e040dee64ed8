import type { Page } from "@playwright/test";
import { expect, expectAccessible } from "./fixtures";

// Steps of the plan and attachments journeys, shared by their specs and the whole journey.

/** A small but real PDF (one empty page). */
export const pdfBytes = Buffer.from(
  [
    "%PDF-1.4",
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj",
    "trailer << /Root 1 0 R >>",
    "%%EOF",
  ].join("\n"),
);

export async function addAction(page: Page, year: number, check = false) {
  await page.getByRole("link", { name: "Actie toevoegen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Actie toevoegen");
  if (check) await expectAccessible(page);
  await page.getByLabel("Titel van de actie").fill("Lessenreeks cobots ontwerpen");
  await page.getByLabel("Beschrijving").fill("Leraren en het partnerbedrijf ontwerpen samen.");
  await page.getByLabel("Begindatum").fill(`${year}-10-01`);
  await page.getByLabel("Einddatum").fill(`${year + 1}-05-31`);
  await page.getByLabel(/^Mijlpaal 1/).fill("Eerste versie getest");
  await page.getByLabel(/^Datum van mijlpaal 1/).fill(`${year}-12-15`);
  await page.getByRole("button", { name: "Actie bewaren" }).click();
  await expect(page.getByRole("status")).toContainText("Het plan is bewaard.");
  await expect(page.getByRole("heading", { name: "Lessenreeks cobots ontwerpen" })).toBeVisible();
  await expect(page.getByText("Eerste versie getest")).toBeVisible();
}

export async function addTeacher(page: Page, check = false) {
  await page.getByRole("link", { name: "Leraar toevoegen" }).click();
  if (check) await expectAccessible(page);
  await page.getByLabel("Naam", { exact: true }).fill("An Peeters");
  await page.getByLabel("Vak of rol").fill("Leraar elektromechanica");
  await page.getByLabel("Wat leert de leraar?").fill("Cobots programmeren en veilig inzetten.");
  await page.getByLabel("Hoe?").selectOption({ label: "Stage in een bedrijf (lerarenstage)" });
  await page.getByLabel(/^Met wie\?/).fill("Het partnerbedrijf");
  await page.getByLabel("Geplande uren").fill("40");
  await page.getByRole("button", { name: "Leraar bewaren" }).click();
  await expect(page.getByRole("status")).toContainText("Het plan is bewaard.");
  await expect(page.getByRole("heading", { name: "An Peeters" })).toBeVisible();
}

export async function addMaterial(page: Page, check = false) {
  await page.getByRole("link", { name: "Materiaal toevoegen" }).click();
  if (check) await expectAccessible(page);
  await page.getByLabel("Titel van het materiaal").fill("Lessenreeks cobots");
  await page.getByLabel("Soort materiaal").selectOption({ label: "Lessenreeks" });
  await page.getByLabel("Zoek een studierichting").fill("elektr");
  await page.getByRole("button", { name: "Zoek studierichtingen" }).click();
  const found = page.getByRole("status").getByRole("checkbox");
  await expect(found.first()).toBeVisible();
  if (check) await expectAccessible(page);
  // What was typed before the search is still there.
  await expect(page.getByLabel("Titel van het materiaal")).toHaveValue("Lessenreeks cobots");
  await found.first().check();
  await page.getByLabel(/^Licentie/).selectOption({ label: "CC BY 4.0 (naamsvermelding)" });
  await page.getByLabel(/^Geplande publicatiedatum/).fill("2028-09-01");
  await page.getByRole("button", { name: "Materiaal bewaren" }).click();
  await expect(page.getByRole("status")).toContainText("Het plan is bewaard.");
  await expect(
    page.getByRole("heading", { name: "Lessenreeks cobots", exact: true }),
  ).toBeVisible();
}
