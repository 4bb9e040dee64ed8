import { href } from "react-router";
import { applicationIdOf, openProposalSection, startDemoApplication } from "./application-steps";
import { expect, test } from "./fixtures";

// The HTML constraints come from the schemas the server checks with (ADR 0031): a field the
// server refuses blank is `required` and has no "(optioneel)", a text the server refuses beyond a
// length has that `maxlength`, an e-mail field is `type="email"`. What a draft keeps although it
// is over a limit of the submission (ADR 0020) is no constraint: a section's answer has no
// `required` and only the size guard as `maxlength`, never its word limit; a milestone row may be
// left blank. Works without JavaScript too: the constraints are in the server-rendered HTML.

test("the form fields carry the constraints the server checks, and drafts none it does not", async ({
  page,
}) => {
  await page.goto("/aanmelden");
  const email = page.getByLabel("E-mailadres");
  await expect(email).toHaveAttribute("type", "email");
  await expect(email).toHaveAttribute("required", "");
  await expect(email).toHaveAttribute("maxlength", "254");

  await startDemoApplication(page, `E2E-constraints ${Date.now()}`);
  await expect(page).toHaveURL(/\/aanvragen\/[0-9a-f-]{36}$/);
  const taskList = page.url();

  // The plan's action: title and description required and bounded; milestone rows optional.
  await page.goto(
    href("/aanvragen/:applicationId/plan/acties/nieuw", {
      applicationId: applicationIdOf(taskList),
    }),
  );
  const title = page.getByLabel("Titel van de actie");
  await expect(title).toHaveAttribute("required", "");
  await expect(title).toHaveAttribute("maxlength", "200");
  await expect(page.getByLabel("Beschrijving")).toHaveAttribute("maxlength", "5000");
  const milestone = page.locator('input[name="milestones.0.title"]');
  await expect(milestone).toHaveAttribute("maxlength", "200");
  await expect(milestone).not.toHaveAttribute("required");

  // A budget line: the description required; amounts count for some categories only.
  await page.goto(
    href("/aanvragen/:applicationId/budget/regels/:lineId", {
      applicationId: applicationIdOf(taskList),
      lineId: "nieuw",
    }),
  );
  await expect(page.getByLabel("Omschrijving")).toHaveAttribute("maxlength", "500");
  await expect(page.getByLabel("Omschrijving")).toHaveAttribute("required", "");
  await expect(page.locator('input[name="amount"]')).not.toHaveAttribute("required");

  // A partner proposed outside the directory (one variant of the partner form): its own fields
  // and the shared ones, each as the schema has them.
  await page.goto(
    `${href("/aanvragen/:applicationId/consortium/partners/nieuw", { applicationId: applicationIdOf(taskList) })}?nieuw=1`,
  );
  await expect(page.locator('input[name="proposedName"]')).toHaveAttribute("required", "");
  await expect(page.locator('input[name="proposedName"]')).toHaveAttribute("maxlength", "200");
  await expect(page.locator('textarea[name="commitment"]')).toHaveAttribute("maxlength", "4000");
  await expect(page.locator('input[name="contactEmail"]')).toHaveAttribute("required", "");
  await expect(page.locator('input[name="inKind"]')).not.toHaveAttribute("required");

  // An attachment: a kind and a file, the description optional.
  await page.goto(
    href("/aanvragen/:applicationId/bijlagen", { applicationId: applicationIdOf(taskList) }),
  );
  await expect(page.locator('input[name="file"]')).toHaveAttribute("required", "");
  await expect(page.locator('select[name="kind"]')).toHaveAttribute("required", "");
  await expect(page.locator('input[name="description"]')).toHaveAttribute("maxlength", "500");

  // A section's answers are a draft: no `required`, no word limit as `maxlength`.
  await page.goto(taskList);
  await openProposalSection(page);
  const answers = page.locator('textarea[name^="answers."]');
  await expect(answers.first()).toHaveAttribute("maxlength", "200000");
  for (const answer of await answers.all()) await expect(answer).not.toHaveAttribute("required");
});
