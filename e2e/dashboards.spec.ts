import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./fixtures";

// Every role at home (issue 13, item 7): each demo account's /mijn shows what that role has to
// do and where it stands, from the demo world's own applications, invitations, materials and
// calls; axe on each. The director reads and approves the demo's complete draft (ADR 0033).

const at = (name: string) => `${name}@demo.innovet.test`;

async function home(page: Page, account: string) {
  await signIn(page, at(account));
  await expect(page).toHaveURL(/\/mijn$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mijn InnoVET");
}

const role = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

test("the coordinator sees the school's applications with deadline and what is missing", async ({
  page,
}) => {
  await home(page, "coordinator");
  const part = role(page, "Schoolcoördinator");
  await expect(part.getByRole("heading", { name: "De aanvragen van je school" })).toBeVisible();
  const begun = part.getByRole("listitem").filter({ hasText: "Cobots in de lasklas (concept)" });
  await expect(begun).toContainText("Indienen tot");
  await expect(begun.getByRole("list", { name: "Nog te doen" })).toContainText("Plan");
  await expect(begun.getByRole("list", { name: "Nog te doen" })).toContainText("Budget");
  const states: Array<[string, string]> = [
    ["Duurzaam bouwen met het RTC", "Ingediend"],
    ["Digitale werkplaats voor elektriciteit", "Ingetrokken"],
    ["Zorgtechnologie in de praktijkklas", "Concept"],
  ];
  for (const [title, status] of states)
    await expect(part.getByRole("listitem").filter({ hasText: title }).first()).toContainText(
      status,
    );
  await expect(
    part.getByRole("link", { name: "Start een aanvraag vanaf een open oproep" }),
  ).toBeVisible();
  await expectAccessible(page);
});

test("the director reads the complete draft, approves it and withdraws the approval", async ({
  page,
}) => {
  await home(page, "directeur");
  const part = role(page, "Directeur");
  await expect(part.getByRole("heading", { name: "Te lezen en goed te keuren" })).toBeVisible();
  await expectAccessible(page);
  await part
    .getByRole("link", { name: /Lees en keur goed: Zorgtechnologie in de praktijkklas/ })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Goedkeuring door de directeur");
  await expect(page.getByText("Wacht op goedkeuring")).toBeVisible();
  await expect(page.getByRole("link", { name: "Lees de volledige aanvraag" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Aanvraag goedkeuren" }).click();
  await expect(page.getByText("De aanvraag is goedgekeurd.")).toBeVisible();
  const approval = page.getByRole("region", { name: "Goedkeuring door de directeur" });
  await expect(approval).toContainText("Goedgekeurd door");
  await expectAccessible(page);
  // Taking it back: the draft waits for the director again.
  await approval.getByRole("link").click();
  await page.getByRole("button", { name: "Goedkeuring intrekken" }).click();
  await expect(page.getByText("Je goedkeuring is ingetrokken.")).toBeVisible();
  await expect(page.getByText("Wacht op goedkeuring")).toBeVisible();
});

test("the partner sees the open invitation and the consortia of the organisation", async ({
  page,
}) => {
  await home(page, "partner");
  const part = role(page, "Contactpersoon partner");
  await expect(part).toContainText("vraagt");
  await expect(part).toContainText("Cobots in de lasklas (concept)");
  await expect(part).toContainText(
    "Je antwoordt via de link in de mail aan partner@demo.innovet.test",
  );
  await expect(part.getByRole("heading", { name: "Consortia van je organisatie" })).toBeVisible();
  await expect(part).toContainText("Bevestigd");
  await expectAccessible(page);
});

test("the teacher sees their materials; the moderator the queue with its counts", async ({
  page,
}) => {
  await home(page, "leraar");
  const teacher = role(page, "Leraar");
  await expect(teacher.getByRole("heading", { name: "Je leermateriaal" })).toBeVisible();
  await expect(teacher.getByRole("link", { name: "Leermateriaal delen" })).toBeVisible();
  await expect(teacher).toContainText("komt in een volgende versie");
  await expectAccessible(page);
  await page.goto("/aanvragen");
  // Who cannot start an application is not told to start one.
  await expect(page.getByText("Start een aanvraag vanaf de pagina")).toHaveCount(0);
  await expect(page.getByRole("main")).toContainText("Aanvragen zie je hier als coördinator");

  await page.context().clearCookies();
  await home(page, "begeleider");
  const moderator = role(page, "Pedagogisch begeleider");
  await expect(moderator.getByRole("heading", { name: "Moderatie" })).toBeVisible();
  await expect(moderator.getByText("In moderatie")).toBeVisible();
  await expect(moderator.getByRole("link", { name: "Naar de moderatie" })).toBeVisible();
  await expectAccessible(page);
});

test("the programme manager sees the calls with counts per state; the reviewer what will come", async ({
  page,
}) => {
  await home(page, "programmabeheerder");
  const part = role(page, "Programmabeheerder");
  const open = part.getByRole("region", { name: /InnoVET projectoproep/ });
  await expect(open).toContainText("Open");
  await expect(open.getByRole("definition").nth(1)).not.toHaveText("0");
  await expect(open.getByRole("link", { name: /Aanvragen van deze oproep/ })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/aanvragen");
  await expect(page.getByRole("main")).toContainText("Alle aanvragen van alle oproepen");

  await page.context().clearCookies();
  await home(page, "beoordelaar");
  await expect(role(page, "Beoordelaar")).toContainText(
    "Aanvragen beoordelen komt in een volgende versie",
  );
  await expectAccessible(page);
});

test("the home page shows the open calls and the newest materials", async ({ page }) => {
  await page.goto("/");
  const calls = page.getByRole("region", { name: "Open oproepen" });
  await expect(calls.getByRole("link", { name: /InnoVET projectoproep/ })).toBeVisible();
  const materials = page.getByRole("region", { name: "Nieuw in de bibliotheek" });
  await expect(materials.getByRole("listitem").first()).toContainText("Gepubliceerd op");
  await expectAccessible(page);
});
