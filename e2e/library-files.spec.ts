import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { href } from "react-router";
import { tinyPdf } from "../test/support/files";
import { expect, expectAccessible, signIn, test } from "./fixtures";

// A learning material's files end to end: a teacher adds a PDF to a draft and sees it listed; a
// program renamed .pdf is refused in Dutch at the field; the material goes through moderation
// (built through the pages, independent of the demo seed's materials) and a visitor downloads
// the file with safe headers; the counts show on the material page. Axe on every new page.

let signIns = 0;

/** Signs in as another person, from another address (the sign-in rate limit is per address). */
async function signInAs(page: Page, email: string) {
  await page.context().clearCookies();
  signIns += 1;
  await page
    .context()
    .setExtraHTTPHeaders({ "x-forwarded-for": `10.252.${signIns % 250}.${Date.now() % 250}` });
  await signIn(page, email);
  await expect(page).toHaveURL(/\/mijn$/);
}

const pdfBytes = Buffer.from(tinyPdf("Lesfiche veilig lassen"));

test("a teacher adds a file to a draft, a disguised program is refused, a visitor downloads it", async ({
  page,
}) => {
  const title = `Lesfiches lassen ${Date.now()}`;

  await signInAs(page, "leraar@demo.innovet.test");
  await page.goto("/bibliotheek/nieuw");
  await page.getByLabel("Titel", { exact: true }).fill(title);
  await page.getByLabel("Licentie").selectOption({ label: "CC BY 4.0" });
  await page
    .getByLabel("Beschrijving")
    .fill("Lesfiches waarmee leerlingen stap voor stap veilig leren lassen in de werkplaats.");
  await page.getByLabel("Auteurs").fill("Dirk Oefenaere (Demo Technisch Instituut)");
  await page.getByRole("group", { name: "Studiedomeinen" }).getByLabel("STEM").check();
  await page
    .getByRole("group", { name: "Soort leermateriaal" })
    .getByLabel("Lessenreeks of module")
    .check();
  await page.getByRole("group", { name: "Voor wie" }).getByLabel("Leerlingen").check();
  await page.getByRole("button", { name: "Concept bewaren" }).click();
  await expect(page.getByText("Het concept is bewaard.")).toBeVisible();
  const materialUrl = page.url().replace(/\?.*$/, "");
  const materialId = /\/bibliotheek\/([0-9a-f-]{36})/.exec(materialUrl)?.[1] ?? "";

  await page.getByRole("link", { name: "Bestanden beheren" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bestanden van versie 1");
  await expect(page.getByText("Deze versie heeft nog geen bestanden.")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Bestand", { exact: true }).setInputFiles({
    name: "lesfiche lassen.pdf",
    mimeType: "application/pdf",
    buffer: pdfBytes,
  });
  await page.getByRole("button", { name: "Bestand toevoegen" }).click();
  await expect(page.getByRole("status")).toContainText("Het bestand is toegevoegd.");
  await expect(page.getByRole("link", { name: "lesfiche lassen.pdf" })).toBeVisible();
  await expectAccessible(page);

  // A Windows program renamed .pdf: refused in Dutch at the field, nothing added.
  await page.getByLabel("Bestand", { exact: true }).setInputFiles({
    name: "lesfiche 2.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]),
  });
  await page.getByRole("button", { name: "Bestand toevoegen" }).click();
  await expect(page.locator(".field__error")).toContainText(
    "Dit bestand is een programma of script.",
  );
  await expect(page.getByRole("link", { name: "lesfiche 2.pdf" })).toHaveCount(0);
  await expectAccessible(page);

  // Submitted and published through moderation.
  await page.goto(materialUrl);
  await expect(page.getByRole("link", { name: "lesfiche lassen.pdf" })).toBeVisible();
  await page.getByRole("button", { name: "Indienen voor moderatie" }).click();
  await expect(page.getByText("De versie is ingediend voor moderatie.")).toBeVisible();
  // Once submitted the files are fixed: no upload form any more.
  await page.goto(
    href("/bibliotheek/:materialId/versies/:number/bestanden", { materialId, number: "1" }),
  );
  await expect(page.getByText("de bestanden liggen vast")).toBeVisible();
  await expect(page.getByRole("button", { name: "Bestand toevoegen" })).toHaveCount(0);
  await expectAccessible(page);

  await signInAs(page, "begeleider@demo.innovet.test");
  await page.goto("/beheer/moderatie");
  await page.getByRole("link", { name: new RegExp(title) }).click();
  // Exactly: the queue's replication reports have "Verslag publiceren" buttons.
  await page.getByRole("button", { name: "Publiceren", exact: true }).click();
  await expect(page.getByText("De versie is gepubliceerd.")).toBeVisible();

  // A visitor downloads the file.
  await page.context().clearCookies();
  await page.goto(materialUrl);
  const link = page.getByRole("link", { name: "lesfiche lassen.pdf" });
  await expect(link).toBeVisible();
  await expectAccessible(page);
  const downloading = page.waitForEvent("download");
  await link.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("lesfiche lassen.pdf");
  expect(readFileSync(await download.path()).equals(pdfBytes)).toBe(true);
  const fileHref = (await link.getAttribute("href")) ?? "";
  const response = await page.request.get(new URL(fileHref, page.url()).toString());
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["content-disposition"]).toContain(
    "filename*=UTF-8''lesfiche%20lassen.pdf",
  );
  // Two downloads so far; the counts are on the page.
  await page.reload();
  const usage = page.getByRole("region", { name: "Gebruik" });
  await expect(usage.getByText("Downloads")).toBeVisible();
  await expect(usage.locator("dd").nth(1)).toHaveText("2");

  // A file id that belongs to no visible version is a 404.
  const missing = await page.request.get(
    href("/bibliotheek/:materialId/bestanden/:fileId", {
      materialId,
      fileId: "00000000-0000-4000-8000-000000000000",
    }),
  );
  expect(missing.status()).toBe(404);
});
