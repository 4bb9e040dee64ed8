import { openProposalSection, startDemoApplication } from "./application-steps";
import { expect, test } from "./fixtures";

// Without JavaScript: an answer over its word limit is saved in the draft and shown again with
// the problem at its field; a save that fails (here a conflict with another tab's save) says so
// in the page title ("Fout: ") and the browser focuses the error summary (autofocus), with the
// typed text kept on the page.

const words = (n: number) => Array.from({ length: n }, (_, i) => `woord${i}`).join(" ");

test("without JavaScript an over-limit answer is kept, and a failed save puts Fout: in the title and focus on the summary", async ({
  page,
  context,
}) => {
  await startDemoApplication(page, `E2E-limiet zonder JavaScript ${Date.now()}`);
  const sectionUrl = await openProposalSection(page);

  // Over the limit: saved, back on the section with the problem at the field.
  const tooLong = words(1501);
  const description = page.getByLabel("Beschrijving van het voorstel");
  await description.fill(tooLong);
  await page.getByRole("button", { name: "Opslaan en terug naar het overzicht" }).click();
  await expect(page).toHaveURL(sectionUrl);
  await expect(page.getByText("De sectie is opgeslagen, maar niet alles past")).toBeVisible();
  await expect(description).toHaveValue(tooLong);
  await expect(description).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("1501 van 1500 woorden: 1 te veel")).toBeVisible();
  await expect(page).toHaveTitle(/^Het projectvoorstel \| InnoVET$/);
  await page.reload();
  await expect(description).toHaveValue(tooLong);

  // Another tab saves the section meanwhile (the long answer still in it); this tab's save is
  // refused as a conflict.
  const other = await context.newPage();
  await other.goto(sectionUrl);
  await other.getByLabel("Plan van aanpak").fill("Drie fasen.");
  await other.getByRole("button", { name: "Opslaan en terug naar het overzicht" }).click();
  await expect(other.getByText("De sectie is opgeslagen, maar niet alles past")).toBeVisible();
  await other.close();

  const longer = words(1600);
  await description.fill(longer);
  await page.getByRole("button", { name: "Opslaan en terug naar het overzicht" }).click();
  await expect(page).toHaveTitle(/^Fout: Het projectvoorstel \| InnoVET$/);
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Iemand anders heeft deze aanvraag intussen gewijzigd.");
  await expect(summary).toBeFocused();
  await expect(description).toHaveValue(longer);
});

test("without JavaScript a refused budget line shows every error at once, under a Fout: title", async ({
  page,
}) => {
  await startDemoApplication(page, `E2E-budget zonder JavaScript ${Date.now()}`);
  await page.getByRole("link", { name: "Budget" }).click();
  await page.getByRole("link", { name: "Kosten toevoegen" }).click();
  await page
    .getByLabel("Categorie", { exact: true })
    .selectOption({ label: "Vrijstelling van leraren" });
  await page.getByLabel("Aantal uren").fill("0");
  await page.getByRole("button", { name: "Bewaren" }).click();
  await expect(page).toHaveTitle(/^Fout: Kosten toevoegen \| InnoVET$/);
  const summary = page.getByRole("alert");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Omschrijving: Geef een omschrijving.");
  await expect(summary).toContainText("Aantal uren:");
  await expect(summary).toContainText("Kostprijs per uur:");
  await expect(page.getByLabel("Aantal uren")).toHaveValue("0");
});
