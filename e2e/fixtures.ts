import AxeBuilder from "@axe-core/playwright";
import { type BrowserContext, test as base, expect, type Page } from "@playwright/test";
import { demoAccounts } from "../src/directory/demo-world";
import { nl } from "../src/i18n/catalogue.nl";
import { createMailer } from "../src/platform/mailer";
import { demoPassword } from "../src/seed/demo-password";
import { e2eMailCaptureDir } from "./server-env";

export { demoAccounts, demoPassword, expect };

let nextAddress = 1;

/**
 * Every test acts from its own client address (the server trusts X-Forwarded-For in the e2e
 * setup), so the per-address limits on failed sign-ins apply per test, as they would per person.
 * (The per-account limit follows the e-mail address: tests that fail on purpose use their own.)
 */
export const test = base.extend<{ clientAddress: string }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires a destructured first argument
  clientAddress: async ({}, use, testInfo) => {
    await use(
      `10.${testInfo.workerIndex % 250}.${Math.floor(nextAddress / 250) % 250}.${nextAddress++ % 250}`,
    );
  },
  context: async ({ context, clientAddress }, use) => {
    await context.setExtraHTTPHeaders({ "x-forwarded-for": clientAddress });
    await use(context);
  },
  // Every page a journey shows is read for raw message keys (a title, text or label that shows
  // "budget.title" instead of its translation): after each load, after each client-side
  // navigation, and at the end. The test fails with every raw key it saw, and where.
  page: async ({ page }, use) => {
    const seen = new Set<string>();
    const check = async () => {
      try {
        for (const found of await rawKeysOn(page)) seen.add(`${found} on ${page.url()}`);
      } catch {
        // The page navigated away while it was read; the next page is read in turn.
      }
    };
    page.on("load", check);
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) void page.waitForTimeout(100).then(check, () => {});
    });
    await use(page);
    if (!page.isClosed()) await check();
    expect([...seen], "raw message keys shown instead of their text").toEqual([]);
  },
});

const messageKeys = new Set(Object.keys(nl));
const keyAreas = new Set([...messageKeys].map((key) => key.slice(0, key.indexOf(".") + 1)));

/**
 * The message keys a page shows as they are: in its title, its visible text, or the labels,
 * placeholders and alternative texts it gives assistive technology. A word counts when it is a
 * catalogue key, or looks like one of an area's keys that the catalogue lacks (`role.unknown`).
 */
export async function rawKeysOn(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => [
    document.title,
    document.body?.innerText ?? "",
    ...[...document.querySelectorAll("[aria-label], [title], [placeholder], [alt]")].flatMap((e) =>
      ["aria-label", "title", "placeholder", "alt"].map((a) => e.getAttribute(a) ?? ""),
    ),
  ]);
  const found = new Set<string>();
  for (const text of texts)
    for (const [word] of text.matchAll(/\b[a-z][a-zA-Z]*(?:\.[a-zA-Z0-9]+)+\b/g))
      if (messageKeys.has(word) || keyAreas.has(word.slice(0, word.indexOf(".") + 1)))
        found.add(word);
  return [...found];
}

/** Runs axe (WCAG 2.1 A and AA rules) on the page and expects zero violations. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export async function signIn(page: Page, email: string, password = demoPassword) {
  await page.goto("/aanmelden");
  await submitSignInForm(page, email, password);
}

/** Fills in and sends the sign-in form already on the page (e.g. after a redirect to it). */
export async function submitSignInForm(page: Page, email: string, password = demoPassword) {
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Aanmelden", exact: true }).click();
}

/**
 * Ends the session as if it had expired: only the session cookie goes, the browser keeps its
 * other cookies (the CSRF cookie among them), as a real browser would.
 */
export async function expireSession(context: BrowserContext) {
  const cookies = await context.cookies();
  await context.clearCookies();
  await context.addCookies(cookies.filter((c) => !c.name.includes("session")));
}

/**
 * The first link matching `link` in the newest captured mail to `to`, read from the server's
 * capture folder (the dev inbox page is for administrators only), waiting for it to arrive.
 */
export async function mailedLink(to: string, link: RegExp): Promise<string> {
  const inbox = createMailer({ captureDir: e2eMailCaptureDir, from: "" });
  let found: string | undefined;
  await expect(async () => {
    const mail = (await inbox.captured()).find((m) => m.to === to && link.test(m.text));
    found = mail?.text.match(/https?:\/\/\S+/g)?.find((url) => link.test(url));
    expect(found, `a mail to ${to} with a link like ${link}`).toBeTruthy();
  }).toPass({ timeout: 20_000 });
  return found as string;
}

/**
 * Expects the page to reflow (WCAG 1.4.10): no horizontal scroll of the page itself (a wide
 * table may scroll inside its own region), and the main content starting in the first half of
 * the screen (the header and the navigation must not push it below the first screen). On a
 * failure, names the outermost elements that stick out, so the message says what to fix.
 */
export async function expectReflows(page: Page) {
  const found = await page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const main = document.getElementById("inhoud");
    const mainTop = main ? main.getBoundingClientRect().top + window.scrollY : 0;
    if (root.scrollWidth <= width)
      return { scrollWidth: root.scrollWidth, width, mainTop, wide: [] };
    const clipped = (e: Element) => {
      for (let p = e.parentElement; p && p !== root; p = p.parentElement)
        if (getComputedStyle(p).overflowX !== "visible") return true;
      return false;
    };
    const sticksOut = (e: Element) => e.getBoundingClientRect().right > width + 0.5;
    const wide = [...document.body.querySelectorAll("*")]
      .filter(
        (e) => sticksOut(e) && !clipped(e) && !(e.parentElement && sticksOut(e.parentElement)),
      )
      .slice(0, 5)
      .map((e) => {
        const name = `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}${
          e.classList.length ? `.${[...e.classList].join(".")}` : ""
        }`;
        return `${name} (${Math.round(e.getBoundingClientRect().right)} px)`;
      });
    return { scrollWidth: root.scrollWidth, width, mainTop, wide };
  });
  expect(
    { scrollWidth: found.scrollWidth, wide: found.wide },
    `${page.url()} scrolls sideways at ${found.width} px`,
  ).toEqual({ scrollWidth: found.width, wide: [] });
  const height = page.viewportSize()?.height ?? 640;
  expect(found.mainTop, `${page.url()}: the content starts below half the screen`).toBeLessThan(
    height / 2,
  );
}
