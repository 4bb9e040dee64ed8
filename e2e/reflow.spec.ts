import type { Page } from "@playwright/test";
import { href } from "react-router";
import { applicationIdOf, startDemoApplication } from "./application-steps";
import { expect, expectAccessible, expectReflows, signIn, test } from "./fixtures";

// Every page pattern at 320 CSS px (WCAG 1.4.10), as each role that sees it: the page does not
// scroll sideways, its content starts in the first half of the screen, and axe finds nothing.
// Runs in the "reflow-320" project only (playwright.config.ts): one visit per page pattern and
// role, instead of every journey a second time (ADR 0032).

/**
 * Opens a page, expects the status it should answer (200: a 404 or 403 page reflows too, but is
 * not the page pattern a test means to see), then reflow and zero axe violations.
 */
async function visit(page: Page, path: string, status = 200) {
  const response = await page.goto(path);
  expect(response?.status() ?? 0, `${path} answered`).toBe(status);
  await expectReflows(page);
  await expectAccessible(page);
}

/** The first link on the current page whose path matches, e.g. the first call in a list. */
async function firstPath(page: Page, pattern: RegExp): Promise<string> {
  const paths = await page
    .locator("main a[href]")
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  const found = paths.find((p) => pattern.test(p));
  expect(found, `a link like ${pattern} on ${page.url()}`).toBeTruthy();
  return found as string;
}

test("the public pages reflow", async ({ page }) => {
  for (const path of ["/", "/oproepen", "/gids", "/bibliotheek", "/aanmelden"]) {
    await visit(page, path);
  }
  for (const path of ["/wachtwoord-vergeten", "/wachtwoord-herstellen"]) {
    await visit(page, path);
  }
  await visit(page, "/bestaat-niet", 404);
  await page.goto("/oproepen");
  await visit(page, await firstPath(page, /^\/oproepen\/[^/]+$/));
  await page.goto("/gids");
  await visit(page, await firstPath(page, /^\/gids\/[^/]+$/));
  await visit(page, "/gids?q=Gent");
  await page.goto("/bibliotheek");
  await visit(page, await firstPath(page, /^\/bibliotheek\/(?!nieuw$)[^/.]+$/));
  await visit(page, "/bibliotheek?q=lassen");
});

test("the navigation folds behind a menu button that opens with the keyboard", async ({ page }) => {
  await signIn(page, "admin@demo.innovet.test");
  await expect(page).toHaveURL(/\/mijn$/);
  const nav = page.getByRole("navigation", { name: "Hoofdnavigatie" });
  const toggle = nav.getByText("Menu", { exact: true });
  await expect(nav.getByRole("link", { name: "Auditlog" })).toBeHidden();
  await expectReflows(page);
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(nav.getByRole("link", { name: "Auditlog" })).toBeVisible();
  await expectAccessible(page);
  await nav.getByRole("link", { name: "Auditlog" }).click();
  await expect(page).toHaveURL(/\/beheer\/audit$/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the menu still opens and leads on", async ({ page }) => {
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Hoofdnavigatie" });
    await expect(nav.getByRole("link", { name: "Oproepen" })).toBeHidden();
    await nav.getByText("Menu", { exact: true }).click();
    await nav.getByRole("link", { name: "Oproepen" }).click();
    await expect(page).toHaveURL(/\/oproepen$/);
    await expectReflows(page);
  });
});

test("the coordinator's pages reflow, an application's steps among them", async ({ page }) => {
  await startDemoApplication(page, "Cobots in de lasklas: een smal scherm");
  await expect(page).toHaveURL(/\/aanvragen\/[0-9a-f-]{36}$/);
  const id = { applicationId: applicationIdOf(page.url()) };
  for (const path of [
    href("/aanvragen/:applicationId", id),
    href("/aanvragen/:applicationId/sectie/:sectionId", { ...id, sectionId: "voorstel" }),
    href("/aanvragen/:applicationId/budget", id),
    href("/aanvragen/:applicationId/budget/regels/:lineId", { ...id, lineId: "nieuw" }),
    href("/aanvragen/:applicationId/consortium", id),
    href("/aanvragen/:applicationId/consortium/scholen/nieuw", id),
    `${href("/aanvragen/:applicationId/consortium/scholen/nieuw", id)}?q=Gent`,
    href("/aanvragen/:applicationId/consortium/partners/nieuw", id),
    href("/aanvragen/:applicationId/plan", id),
    href("/aanvragen/:applicationId/plan/acties/nieuw", id),
    href("/aanvragen/:applicationId/plan/leraren/nieuw", id),
    href("/aanvragen/:applicationId/plan/verspreiding/nieuw", id),
    href("/aanvragen/:applicationId/bijlagen", id),
    href("/aanvragen/:applicationId/indienen", id),
    href("/aanvragen/:applicationId/intrekken", id),
    "/aanvragen",
    "/mijn",
    "/mijn/gegevens",
    "/mijn/wachtwoord",
    "/mijn/meldingen",
  ]) {
    await visit(page, path);
  }
});

for (const email of [
  "directeur@demo.innovet.test",
  "partner@demo.innovet.test",
  "beoordelaar@demo.innovet.test",
  "beleid@demo.innovet.test",
]) {
  test(`${email.split("@")[0]}'s pages reflow`, async ({ page }) => {
    await signIn(page, email);
    await expect(page).toHaveURL(/\/mijn$/);
    await visit(page, "/mijn");
    if (email.startsWith("directeur")) await visit(page, "/aanvragen");
  });
}

test("the teacher's and the counsellor's library pages reflow", async ({ page }) => {
  await signIn(page, "leraar@demo.innovet.test");
  await expect(page).toHaveURL(/\/mijn$/);
  await visit(page, "/mijn");
  await visit(page, "/bibliotheek/nieuw");
  await page.context().clearCookies();
  await signIn(page, "begeleider@demo.innovet.test");
  await expect(page).toHaveURL(/\/mijn$/);
  await visit(page, "/beheer/moderatie");
});

test("the programme manager's pages reflow", async ({ page }) => {
  await signIn(page, "programmabeheerder@demo.innovet.test");
  await expect(page).toHaveURL(/\/mijn$/);
  await visit(page, "/mijn");
  await visit(page, "/aanvragen");
  await visit(page, "/beheer/oproepen");
  const applications = await firstPath(page, /^\/beheer\/oproepen\/[^/]+\/aanvragen$/);
  const call = { callId: /^\/beheer\/oproepen\/([^/]+)\//.exec(applications)?.[1] ?? "" };
  await visit(page, "/beheer/oproepen/nieuw");
  for (const path of [
    applications,
    href("/beheer/oproepen/:callId/bewerken", call),
    href("/beheer/oproepen/:callId/voorbeeld", call),
    href("/beheer/oproepen/:callId/deadline", call),
    href("/beheer/oproepen/:callId/formulier", call),
  ]) {
    await visit(page, path);
  }
  // A draft call's form can be edited: its editor's pages.
  await page.goto("/beheer/oproepen/nieuw");
  await page.getByLabel("Titel").fill("Smal scherm: een conceptoproep");
  await page.getByRole("button", { name: "Concept opslaan" }).click();
  await expect(page.getByText("De oproep is als concept opgeslagen.")).toBeVisible();
  await page.getByRole("link", { name: "Aanvraagformulier bewerken" }).click();
  await expect(page).toHaveURL(/\/formulier$/);
  const editor = new URL(page.url()).pathname;
  const draft = { callId: /^\/beheer\/oproepen\/([^/]+)\//.exec(editor)?.[1] ?? "" };
  await visit(page, editor);
  const section = await firstPath(page, /\/formulier\/secties\/[^/]+$/);
  const sectionId = section.split("/").at(-1) ?? "";
  const question = await firstPath(page, /\/formulier\/vragen\/[^/]+$/);
  for (const path of [
    section,
    question,
    href("/beheer/oproepen/:callId/formulier/secties/:sectionId/nieuwe-vraag", {
      ...draft,
      sectionId,
    }),
    href("/beheer/oproepen/:callId/formulier/nieuwe-sectie", draft),
    href("/beheer/oproepen/:callId/bewerken", draft),
  ]) {
    await visit(page, path);
  }
  await visit(page, "/beheer/moderatie");
});

test("the administrator's pages reflow", async ({ page }) => {
  await signIn(page, "admin@demo.innovet.test");
  await expect(page).toHaveURL(/\/mijn$/);
  for (const path of ["/beheer/personen", "/beheer/personen/nieuw"]) await visit(page, path);
  await page.goto("/beheer/personen");
  await visit(page, await firstPath(page, /^\/beheer\/personen\/(?!nieuw$)[^/]+$/));
  await visit(page, "/beheer/organisaties/nieuw");
  await page.goto("/gids");
  const organisation = await firstPath(page, /^\/gids\/[^/]+$/);
  await visit(page, organisation);
  await visit(
    page,
    href("/beheer/organisaties/:organisationId/bewerken", {
      organisationId: organisation.replace("/gids/", ""),
    }),
  );
  for (const path of ["/beheer/audit", "/beheer/taken", "/dev/mail"]) await visit(page, path);
});
