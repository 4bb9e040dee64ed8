import { startDemoApplication } from "./application-steps";
import { expect, signIn, test } from "./fixtures";

// Small things a user notices (issue 13, item 8), without JavaScript: the searchable checkbox
// list of study programmes, the task list's groups as one list each, the role's organisation
// picked from a search, and the audit log read by people (names, Brussels time, folded changes,
// filters and pages).

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const dateTime = /^\p{L}+dag \d{1,2} \p{L}+ \d{4} om \d{2}:\d{2}$/u;

// Without JavaScript there is no axe (it runs in the page); the JavaScript journeys check these
// pages with axe (people-admin.spec.ts: the role picker and the audit log). Each journey here
// crosses several pages on a machine shared by many: more than the default time.
test.describe.configure({ timeout: 240_000 });

test("without JavaScript study programmes are searched and ticked, and the task list has one list per group", async ({
  page,
}) => {
  await startDemoApplication(page, `Programma's zonder JavaScript ${Date.now()}`);
  const steps = page.locator('ul[aria-labelledby="stappen"]');
  await expect(steps).toHaveCount(1);
  expect(await steps.locator(":scope > li").count()).toBeGreaterThan(1);
  await expect(page.locator('ul[aria-labelledby="secties"]')).toHaveCount(1);
  const taskList = page.url();

  await page.getByRole("link", { name: "Consortium en begroting" }).click();
  await expect(page.locator("select[multiple]")).toHaveCount(0);
  const picker = page.getByRole("group", { name: /Betrokken studierichtingen/ });
  await picker.getByLabel("Zoek een studierichting").fill("elektr");
  await picker.getByRole("button", { name: "Zoek studierichtingen" }).click();
  const found = page.getByRole("status").getByRole("checkbox");
  await expect(found.first()).toBeVisible();
  const name = (await found.first().getAttribute("id")) ?? "";
  await found.first().check();
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page).toHaveURL(taskList);
  await page.getByRole("link", { name: "Consortium en begroting" }).click();
  await expect(page.locator(`[id="${name}"]`)).toBeChecked();
});

test("without JavaScript an administrator picks the organisation of a role from a search", async ({
  page,
}) => {
  await signIn(page, "admin@demo.innovet.test");
  await expect(page).toHaveURL(/\/mijn$/);
  await page.goto("/beheer/personen");
  await page.getByRole("main").getByRole("link", { name: "Ilse Probeerts" }).click();
  await page.getByLabel("Zoek de organisatie").fill("atheneum");
  await page.getByRole("button", { name: "Zoek organisaties" }).click();
  const candidates = page.getByRole("radio");
  expect(await candidates.count()).toBeGreaterThan(1);
  await expect(page.getByRole("group", { name: /Organisatie/ })).toContainText(/Atheneum/i);
  // Without a choice: the error at the field, the candidates still there.
  await page.getByLabel("Rol", { exact: true }).selectOption("reviewer");
  await page.getByRole("button", { name: "Rol toekennen" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await candidates.first().check();
  await page.getByLabel("Rol", { exact: true }).selectOption("reviewer");
  await page.getByRole("button", { name: "Rol toekennen" }).click();
  await expect(page.getByText("De rol is toegekend.")).toBeVisible();
});

test("without JavaScript the audit log reads as names and Brussels time, filtered and paged", async ({
  page,
}) => {
  await signIn(page, "admin@demo.innovet.test");
  await expect(page).toHaveURL(/\/mijn$/);
  await page.goto("/beheer/audit");
  const events = page.getByRole("list", { name: "Auditlog" }).locator(":scope > li");
  await expect(events).toHaveCount(50);
  await expect(page.locator("details[open]")).toHaveCount(0);
  expect(await page.locator("details").count()).toBeGreaterThan(0);
  const shown = await page.getByRole("main").innerText();
  expect(shown).not.toMatch(uuid);
  for (const time of await page.locator("li time").allInnerTexts()) expect(time).toMatch(dateTime);

  // Who: the administrator's own sign-in.
  await page.getByLabel("Door (naam of e-mailadres)").fill("probeerts");
  await page.getByRole("button", { name: "Toon gebeurtenissen" }).click();
  await expect(events.first()).toContainText("Ilse Probeerts");
  await expect(page.getByRole("heading", { name: "Aangemeld" }).first()).toBeVisible();

  // What and when: the demo organisations loaded today, in pages of 50, older and back.
  await page.goto("/beheer/audit");
  await page.getByLabel("Handeling").selectOption({ label: "Organisatie geladen (demo)" });
  await page.getByLabel("Soort onderwerp").selectOption({ label: "Organisatie" });
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels" }).format(
    new Date(),
  );
  await page.getByLabel("Van (dag)").fill(today);
  await page.getByLabel("Tot en met (dag)").fill(today);
  await page.getByRole("button", { name: "Toon gebeurtenissen" }).click();
  await expect(page.getByRole("status")).toContainText("gebeurtenissen");
  await expect(events).toHaveCount(50);
  for (const title of await events.locator("h2").allInnerTexts())
    expect(title).toBe("Organisatie geladen (demo)");
  const firstOfPageOne = await events.first().locator("time").getAttribute("datetime");
  const subjectOfPageOne = await events.first().getByRole("link").first().innerText();
  await page.getByRole("link", { name: "Oudere gebeurtenissen" }).click();
  await expect(page).toHaveURL(/ouder=\d+/);
  await expect(events.first().getByRole("link").first()).not.toHaveText(subjectOfPageOne);
  await expect(page.getByLabel("Handeling")).toHaveValue("seed.organisation");
  await page.getByRole("link", { name: "Nieuwere gebeurtenissen" }).click();
  await expect(page).toHaveURL(/nieuwer=\d+/);
  await expect(events.first().getByRole("link").first()).toHaveText(subjectOfPageOne);
  expect(await events.first().locator("time").getAttribute("datetime")).toBe(firstOfPageOne);

  // A period that ends before it starts: the error at the field, nothing else lost.
  await page.getByLabel("Van (dag)").fill("2027-05-02");
  await page.getByLabel("Tot en met (dag)").fill("2027-05-01");
  await page.getByRole("button", { name: "Toon gebeurtenissen" }).click();
  await expect(page.getByRole("alert")).toContainText("De einddag moet op of na de begindag");
});
