import { readFileSync } from "node:fs";
import { expect, signIn, test } from "./fixtures";

// Without JavaScript the programme manager's list still filters (a GET form: the URL is the
// state) and the downloads still arrive (a plain POST form answered with the file).

test("without JavaScript a programme manager filters the applications and downloads the list", async ({
  page,
}) => {
  await signIn(page, "programmabeheerder@demo.innovet.test");
  await expect(page).toHaveURL(/\/mijn$/);
  await page.goto("/beheer/oproepen");
  await page.getByRole("link", { name: /^Aanvragen \(\d+\) InnoVET projectoproep/ }).click();
  await page.getByRole("combobox", { name: /^Status/ }).selectOption("draft");
  await page.getByLabel("Sorteren op").selectOption("titel");
  await page.getByRole("button", { name: "Filter toepassen" }).click();
  await expect(page).toHaveURL(/status=draft/);
  await expect(page).toHaveURL(/sorteer=titel/);
  await expect(page.getByRole("status")).toContainText("voldoen aan de filters");

  // The shared URL shows the same list to a colleague.
  const shared = page.url();
  await page.goto(shared);
  await expect(page.getByRole("combobox", { name: /^Status/ })).toHaveValue("draft");

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Lijst als Excel (XLSX)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  expect(
    readFileSync((await file.path()) as string)
      .subarray(0, 2)
      .toString("latin1"),
  ).toBe("PK");
});
