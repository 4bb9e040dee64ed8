import { tinyPdf } from "../test/support/files";
import { expect, signIn, test } from "./fixtures";

// Adding and removing a learning material's file with JavaScript switched off: a plain multipart
// form with its CSRF token, post/redirect/get.

test("without JavaScript a teacher adds a file to a draft material and removes it", async ({
  page,
}) => {
  const title = `Lesfiches zonder JavaScript ${Date.now()}`;
  await signIn(page, "leraar@demo.innovet.test");
  await expect(page).toHaveURL(/\/mijn$/);
  await page.goto("/bibliotheek/nieuw");
  await page.getByLabel("Titel", { exact: true }).fill(title);
  await page.getByLabel("Licentie").selectOption({ label: "CC BY 4.0" });
  await page.getByRole("button", { name: "Concept bewaren" }).click();
  await expect(page.getByText("Het concept is bewaard.")).toBeVisible();
  await page.getByRole("link", { name: "Bestanden beheren" }).click();

  await page.getByLabel("Bestand", { exact: true }).setInputFiles({
    name: "werkblad.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from(tinyPdf("Werkblad")),
  });
  await page.getByRole("button", { name: "Bestand toevoegen" }).click();
  await expect(page.getByRole("status")).toContainText("Het bestand is toegevoegd.");
  await expect(page.getByRole("link", { name: "werkblad.pdf" })).toBeVisible();

  await page.getByRole("button", { name: "werkblad.pdf verwijderen" }).click();
  await expect(page.getByRole("status")).toContainText("Het bestand is verwijderd.");
  await expect(page.getByRole("link", { name: "werkblad.pdf" })).toHaveCount(0);
});
