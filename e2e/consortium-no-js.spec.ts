import { addDirectoryPartner, followInvitation, startDraftAtConsortium } from "./consortium-steps";
import { expect, test } from "./fixtures";

// The core of the consortium step without JavaScript: searching the directory (a GET form),
// adding a partner, inviting it, and the partner confirming on the public page; plain forms and
// post/redirect/get throughout.

test("without JavaScript a coordinator adds and invites a partner, who confirms", async ({
  page,
  browser,
}) => {
  const stamp = Date.now();
  await startDraftAtConsortium(page, `E2E-consortium zonder JavaScript ${stamp}`);
  const consortiumUrl = page.url();
  const email = `rtc-${stamp}@partner.test`;
  await addDirectoryPartner(page, "RTC Antwerpen", "RTC Antwerpen (demo)", email);
  await page.getByRole("button", { name: "Nodig RTC Antwerpen (demo) uit" }).click();
  await expect(page.getByRole("status")).toContainText("De uitnodiging wordt verstuurd");

  const partnerContext = await browser.newContext({ javaScriptEnabled: false });
  const partnerPage = await partnerContext.newPage();
  await followInvitation(partnerPage, email);
  await partnerPage.getByLabel("Je naam").fill("Rita Janssens");
  await partnerPage.getByLabel("Ja, we bevestigen dit engagement").check();
  await partnerPage.getByRole("button", { name: "Antwoord versturen" }).click();
  await expect(partnerPage.getByRole("status")).toContainText("Bedankt");
  await partnerContext.close();

  await page.goto(consortiumUrl);
  await expect(page.getByRole("region", { name: "RTC Antwerpen (demo)" })).toContainText(
    "Bevestigd door Rita Janssens",
  );
});
