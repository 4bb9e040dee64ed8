import { href } from "react-router";
import { applicationIdOf, openCall, startDemoApplication } from "./application-steps";
import { expect, test } from "./fixtures";

// The call page and the attachments step state the same limits (src/calls/attachment-limits.ts):
// the open demo call allows 10 files of 10 MB each.

test("the call page and the attachments page state the same attachment limits", async ({
  page,
}) => {
  await startDemoApplication(page, `E2E-limieten ${Date.now()}`);
  await expect(page).toHaveURL(/\/aanvragen\/[0-9a-f-]{36}$/);
  const taskList = page.url();
  await openCall(page);
  await expect(page.getByText("Hoogstens 10 bestanden van elk hoogstens 10 MB.")).toBeVisible();
  await expect(page.getByText(/Formulier vastgelegd op \w+ \d{1,2} \w+ \d{4}/)).toBeVisible();
  await expect(page.getByText(/Formulierversie/)).toHaveCount(0);
  await page.goto(
    href("/aanvragen/:applicationId/bijlagen", { applicationId: applicationIdOf(taskList) }),
  );
  await expect(
    page.getByText("hoogstens 10 MB per bestand en 10 bijlagen per aanvraag"),
  ).toBeVisible();
});
